//! Column roles and header-name recognition.
//!
//! Roles come from header names, never from positions. The synonyms are
//! data (`data/headers.tsv`), compared after removing everything but letters
//! and digits, so split (`PENANGG<br>UNG<br>JAWAB`) and glued
//! (`INSTANSI/OPD`) spellings match alike.

use crate::raw::Cell;
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// What a table column holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ColumnRole {
    /// NO: the row number as printed.
    No,
    /// INSTANSI / OPD: the agency whose row it is.
    Instansi,
    /// MASALAH.
    Masalah,
    /// KEGIATAN.
    Kegiatan,
    /// INDIKATOR without PROSES / HASIL / TARGET below it.
    Indikator,
    /// INDIKATOR: PROSES.
    Proses,
    /// INDIKATOR: HASIL.
    Hasil,
    /// INDIKATOR: TARGET.
    Target,
    /// One year of WAKTU PELAKSANAAN.
    Year(u16),
    /// WAKTU PELAKSANAAN without years below it.
    Waktu,
    /// PENANGGUNG JAWAB.
    PenanggungJawab,
    /// PELAKSANA.
    Pelaksana,
    /// KELOMPOK SASARAN.
    KelompokSasaran,
    /// A column outside the contract's fields (ANGGARAN, SUMBER DANA,
    /// KETERANGAN, or a header pergub does not know), by lowercase name.
    Extra(String),
}

impl ColumnRole {
    /// Whether this is a year column.
    pub fn is_year(&self) -> bool {
        matches!(self, ColumnRole::Year(_))
    }

    /// Whether this role heads a group of sub-columns (INDIKATOR, WAKTU).
    pub fn is_group(&self) -> bool {
        matches!(self, ColumnRole::Indikator | ColumnRole::Waktu)
    }

    /// Whether this role sits under a group header.
    pub fn is_sub(&self) -> bool {
        matches!(
            self,
            ColumnRole::Proses | ColumnRole::Hasil | ColumnRole::Target | ColumnRole::Year(_)
        )
    }

    /// The name used for this role in messages and `extra` keys.
    pub fn name(&self) -> String {
        match self {
            ColumnRole::No => "no".into(),
            ColumnRole::Instansi => "instansi".into(),
            ColumnRole::Masalah => "masalah".into(),
            ColumnRole::Kegiatan => "kegiatan".into(),
            ColumnRole::Indikator => "indikator".into(),
            ColumnRole::Proses => "indikator.proses".into(),
            ColumnRole::Hasil => "indikator.hasil".into(),
            ColumnRole::Target => "indikator.target".into(),
            ColumnRole::Year(y) => y.to_string(),
            ColumnRole::Waktu => "waktu_pelaksanaan".into(),
            ColumnRole::PenanggungJawab => "penanggung_jawab".into(),
            ColumnRole::Pelaksana => "pelaksana".into(),
            ColumnRole::KelompokSasaran => "kelompok_sasaran".into(),
            ColumnRole::Extra(name) => name.clone(),
        }
    }
}

impl fmt::Display for ColumnRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A header name from `data/headers.tsv` as a key, with its role.
struct Synonym {
    key: String,
    role: ColumnRole,
}

/// The synonyms of `data/headers.tsv`, in file order.
fn synonyms() -> &'static [Synonym] {
    static TABLE: OnceLock<Vec<Synonym>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::new();
        for line in include_str!("../data/headers.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((role, names)) = line.split_once('\t') else {
                continue;
            };
            let role = match role {
                "no" => ColumnRole::No,
                "instansi" => ColumnRole::Instansi,
                "masalah" => ColumnRole::Masalah,
                "kegiatan" => ColumnRole::Kegiatan,
                "indikator" => ColumnRole::Indikator,
                "proses" => ColumnRole::Proses,
                "hasil" => ColumnRole::Hasil,
                "target" => ColumnRole::Target,
                "waktu" => ColumnRole::Waktu,
                "penanggung_jawab" => ColumnRole::PenanggungJawab,
                "pelaksana" => ColumnRole::Pelaksana,
                "kelompok_sasaran" => ColumnRole::KelompokSasaran,
                other => ColumnRole::Extra(other.to_string()),
            };
            for name in names.split('|') {
                table.push(Synonym {
                    key: header_key(name),
                    role: role.clone(),
                });
            }
        }
        table
    })
}

/// A header name reduced to upper-case letters and digits.
pub fn header_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    push_key(text, &mut key);
    key
}

/// Append the header key of `text` (see [`header_key`]) to `key`.
fn push_key(text: &str, key: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            // The common case, without the Unicode tables.
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_uppercase());
            }
        } else if c.is_alphanumeric() {
            key.extend(c.to_uppercase());
        }
    }
}

/// The year a header cell names (`2019`, `201<br>9`, `TAHUN 2019`), if any.
pub fn header_year(key: &str) -> Option<u16> {
    let digits = key.strip_prefix("TAHUN").unwrap_or(key);
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let year: u16 = digits.parse().ok()?;
        if (1950..=2100).contains(&year) {
            return Some(year);
        }
    }
    None
}

/// The longest header key built without allocating (longer than every
/// synonym, and than any cell a header row can have).
const INLINE_KEY: usize = 64;

/// The header key of `parts` (see [`header_key`]) built in `buf`, when the
/// text is ASCII and the key fits; `None` otherwise.
fn inline_key<'b, S: AsRef<str>>(parts: &[S], buf: &'b mut [u8; INLINE_KEY]) -> Option<&'b str> {
    let mut len = 0;
    for b in parts.iter().flat_map(|p| p.as_ref().bytes()) {
        if !b.is_ascii() {
            return None;
        }
        if b.is_ascii_alphanumeric() {
            *buf.get_mut(len)? = b.to_ascii_uppercase();
            len += 1;
        }
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// The role a header cell names, if it is a known header.
///
/// `glued` is the cell's lines joined without spaces (see [`crate::Cell::glued`]).
pub fn role_of(glued: &str) -> Option<ColumnRole> {
    role_of_parts(&[glued])
}

/// The role a header cell names, if it is a known header: [`role_of`] of
/// the cell's glued lines, without gluing them.
pub fn role_of_cell(cell: &Cell) -> Option<ColumnRole> {
    role_of_parts(&cell.lines)
}

/// [`role_of`] of `parts` joined without spaces. Trimming the parts first
/// would change nothing: spaces are neither in keys nor lower case.
fn role_of_parts<S: AsRef<str>>(parts: &[S]) -> Option<ColumnRole> {
    let mut buf = [0; INLINE_KEY];
    let key: Cow<'_, str> = match inline_key(parts, &mut buf) {
        Some(key) => Cow::Borrowed(key),
        None => {
            let mut key = String::with_capacity(parts.iter().map(|p| p.as_ref().len()).sum());
            for part in parts {
                push_key(part.as_ref(), &mut key);
            }
            Cow::Owned(key)
        }
    };
    if key.is_empty() {
        return None;
    }
    if let Some(year) = header_year(&key) {
        return Some(ColumnRole::Year(year));
    }
    let table = synonyms();
    if let Some(s) = table.iter().find(|s| s.key == key) {
        return Some(s.role.clone());
    }
    // A longer header that starts with a known name ("INSTANSI PERANGKAT
    // DAERAH", "KEGIATAN PRIORITAS"): the longest such name wins, but only
    // for upper-case text, so that a data cell starting with "Kegiatan" is no
    // header. Short keys (NO, PJ, KET) must match exactly.
    // (No name of fewer than four letters is a prefix.)
    if key.len() < 4
        || parts
            .iter()
            .any(|p| p.as_ref().chars().any(char::is_lowercase))
    {
        return None;
    }
    table
        .iter()
        .filter(|s| s.key.len() >= 4 && key.starts_with(&s.key))
        .max_by_key(|s| s.key.len())
        .map(|s| s.role.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_glued_headers_match() {
        assert_eq!(
            role_of("PENANGGUNGJAWAB"),
            Some(ColumnRole::PenanggungJawab)
        );
        assert_eq!(role_of("KEGIATAN"), Some(ColumnRole::Kegiatan));
        assert_eq!(
            role_of("INSTANSI/PERANGKATDAERAH"),
            Some(ColumnRole::Instansi)
        );
        assert_eq!(
            role_of("KELOMPOKSASARAN"),
            Some(ColumnRole::KelompokSasaran)
        );
        assert_eq!(role_of("Sasaran"), Some(ColumnRole::KelompokSasaran));
        assert_eq!(role_of("2019"), Some(ColumnRole::Year(2019)));
        assert_eq!(role_of("Tahun 2024"), Some(ColumnRole::Year(2024)));
        assert_eq!(
            role_of("SUMBER DANA"),
            Some(ColumnRole::Extra("sumber_dana".into()))
        );
        assert_eq!(role_of("No."), Some(ColumnRole::No));
    }

    #[test]
    fn text_that_is_no_header_has_no_role() {
        assert_eq!(role_of("Dinas Sosial Provinsi Banten"), None);
        assert_eq!(role_of("12"), None);
        assert_eq!(role_of(""), None);
        assert_eq!(role_of("Nomor urut kegiatan lain"), None);
        assert_eq!(role_of("Kegiatan sosialisasi"), None);
        assert_eq!(role_of("KEGIATAN PRIORITAS"), Some(ColumnRole::Kegiatan));
    }
}
