//! Column roles and header-name recognition.
//!
//! Roles come from header names, never from positions. The synonyms are
//! data (`data/headers.tsv`), compared after removing everything but letters
//! and digits, so split (`PENANGG<br>UNG<br>JAWAB`) and glued
//! (`INSTANSI/OPD`) spellings match alike.

use crate::raw::{Cell, CellLines};
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

/// The synonyms of `data/headers.tsv`, grouped by the first byte of their
/// key and in file order within a group.
struct Synonyms {
    /// The synonyms, group after group.
    table: Vec<Synonym>,
    /// Where the group of each first byte starts and ends in `table`.
    groups: [(u16, u16); 256],
}

impl Synonyms {
    /// The synonyms whose key starts with the same byte as `key`, in file
    /// order: the only ones that can equal `key` or be a prefix of it.
    fn candidates(&self, key: &[u8]) -> &[Synonym] {
        let Some(&first) = key.first() else {
            return &[];
        };
        let (start, end) = self
            .groups
            .get(usize::from(first))
            .copied()
            .unwrap_or_default();
        self.table
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default()
    }
}

/// The synonyms of `data/headers.tsv`, grouped (see [`Synonyms`]).
fn synonyms() -> &'static Synonyms {
    static SYNONYMS: OnceLock<Synonyms> = OnceLock::new();
    SYNONYMS.get_or_init(|| {
        let mut table = synonym_list();
        // A stable sort keeps the file order within a group.
        table.sort_by_key(|s| s.key.as_bytes().first().copied());
        let mut groups = [(0, 0); 256];
        let bound = |at: usize| u16::try_from(at).unwrap_or(u16::MAX);
        let mut start = 0;
        for group in table.chunk_by(|a, b| a.key.as_bytes().first() == b.key.as_bytes().first()) {
            let end = start + group.len();
            let first = group.first().and_then(|s| s.key.as_bytes().first());
            if let Some(slot) = first.and_then(|&b| groups.get_mut(usize::from(b))) {
                *slot = (bound(start), bound(end));
            }
            start = end;
        }
        Synonyms { table, groups }
    })
}

/// The synonyms of `data/headers.tsv`, in file order.
fn synonym_list() -> Vec<Synonym> {
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
    key_year(key.as_bytes())
}

/// [`header_year`] of a key as bytes.
fn key_year(key: &[u8]) -> Option<u16> {
    let digits = key.strip_prefix(b"TAHUN").unwrap_or(key);
    let &[a, b, c, d] = digits else {
        return None;
    };
    let mut year = 0;
    for digit in [a, b, c, d] {
        if !digit.is_ascii_digit() {
            return None;
        }
        year = year * 10 + u16::from(digit - b'0');
    }
    (1950..=2100).contains(&year).then_some(year)
}

/// The longest header key built without allocating (longer than every
/// synonym, and than any cell a header row can have).
const INLINE_KEY: usize = 64;

/// The header key of `parts` (see [`header_key`]) built in `buf`, and
/// whether the text holds a lower-case letter, when the text is ASCII and
/// the key fits; `None` otherwise.
fn inline_key<S: AsRef<str>>(
    parts: impl Iterator<Item = S>,
    buf: &mut [u8; INLINE_KEY],
) -> Option<(&[u8], bool)> {
    let mut len = 0;
    let mut lower = false;
    for part in parts {
        for b in part.as_ref().bytes() {
            if !b.is_ascii() {
                return None;
            }
            if b.is_ascii_alphanumeric() {
                lower |= b.is_ascii_lowercase();
                *buf.get_mut(len)? = b.to_ascii_uppercase();
                len += 1;
            }
        }
    }
    Some((buf.get(..len)?, lower))
}

/// The role a header cell names, if it is a known header.
///
/// `glued` is the cell's lines joined without spaces (see [`crate::Cell::glued`]).
pub fn role_of(glued: &str) -> Option<ColumnRole> {
    role_of_parts(std::iter::once(glued))
}

/// The role a header cell names, if it is a known header: [`role_of`] of
/// the cell's glued lines, without gluing them.
pub fn role_of_cell(cell: &Cell) -> Option<ColumnRole> {
    role_of_lines(cell)
}

/// [`role_of_cell`] of a cell in any form.
pub(crate) fn role_of_lines(cell: &impl CellLines) -> Option<ColumnRole> {
    role_of_parts(cell.lines())
}

/// [`role_of`] of `parts` joined without spaces. Trimming the parts first
/// would change nothing: spaces are neither in keys nor lower case.
fn role_of_parts<S: AsRef<str>>(parts: impl Iterator<Item = S> + Clone) -> Option<ColumnRole> {
    let mut buf = [0; INLINE_KEY];
    // Whether the text holds a lower-case letter, when known already.
    let mut lower = None;
    // The key as bytes (it is compared, never printed).
    let key: Cow<'_, [u8]> = match inline_key(parts.clone(), &mut buf) {
        Some((key, has_lower)) => {
            lower = Some(has_lower);
            Cow::Borrowed(key)
        }
        None => {
            let mut key = String::with_capacity(parts.clone().map(|p| p.as_ref().len()).sum());
            for part in parts.clone() {
                push_key(part.as_ref(), &mut key);
            }
            Cow::Owned(key.into_bytes())
        }
    };
    if key.is_empty() {
        return None;
    }
    if let Some(year) = key_year(&key) {
        return Some(ColumnRole::Year(year));
    }
    let table = synonyms().candidates(&key);
    if let Some(s) = table.iter().find(|s| s.key.as_bytes() == &*key) {
        return Some(s.role.clone());
    }
    // A longer header that starts with a known name ("INSTANSI PERANGKAT
    // DAERAH", "KEGIATAN PRIORITAS"): the longest such name wins, but only
    // for upper-case text, so that a data cell starting with "Kegiatan" is no
    // header. Short keys (NO, PJ, KET) must match exactly.
    // (No name of fewer than four letters is a prefix.)
    if key.len() < 4
        || lower.unwrap_or_else(|| {
            parts
                .clone()
                .any(|p| p.as_ref().chars().any(char::is_lowercase))
        })
    {
        return None;
    }
    table
        .iter()
        .filter(|s| s.key.len() >= 4 && key.starts_with(s.key.as_bytes()))
        .max_by_key(|s| s.key.len())
        .map(|s| s.role.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`header_year`] as first written, on text.
    fn year_by_parsing(key: &str) -> Option<u16> {
        let digits = key.strip_prefix("TAHUN").unwrap_or(key);
        if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let year: u16 = digits.parse().ok()?;
            if (1950..=2100).contains(&year) {
                return Some(year);
            }
        }
        None
    }

    /// [`role_of`] as first written: every synonym looked at, in file
    /// order, the key as text.
    fn role_by_linear_search(glued: &str) -> Option<ColumnRole> {
        let key = header_key(glued);
        if key.is_empty() {
            return None;
        }
        if let Some(year) = year_by_parsing(&key) {
            return Some(ColumnRole::Year(year));
        }
        let table = synonym_list();
        if let Some(s) = table.iter().find(|s| s.key == key) {
            return Some(s.role.clone());
        }
        if key.len() < 4 || glued.chars().any(char::is_lowercase) {
            return None;
        }
        table
            .iter()
            .filter(|s| s.key.len() >= 4 && key.starts_with(&s.key))
            .max_by_key(|s| s.key.len())
            .map(|s| s.role.clone())
    }

    /// Header-like text: synonyms whole, cut short or run on, in any case,
    /// with years, punctuation and stray letters.
    fn header_like() -> impl Strategy<Value = String> {
        let names: Vec<String> = include_str!("../data/headers.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .flat_map(|(_, names)| names.split('|').map(str::to_string))
            .collect();
        let piece = prop_oneof![
            3 => prop::sample::select(names).prop_flat_map(|name| {
                let len = name.len();
                (Just(name), 0..=len, any::<bool>())
            })
            .prop_map(|(name, cut, lower)| {
                let name = name.get(..cut).unwrap_or(&name).to_string();
                if lower { name.to_lowercase() } else { name }
            }),
            1 => "(19|20|21)[0-9]{2}|TAHUN |[0-9]{1,5}".prop_map(String::from),
            1 => "[a-zA-Z/. \u{e9}\u{212a}]{0,4}".prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..3).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn grouped_synonyms_find_what_a_linear_search_finds(text in header_like()) {
            prop_assert_eq!(role_of(&text), role_by_linear_search(&text));
        }

        #[test]
        fn years_read_from_bytes_are_years_parsed(key in "(TAHUN)?(19|20|21)?[0-9+\u{663}]{0,3}") {
            prop_assert_eq!(header_year(&key), year_by_parsing(&key));
        }
    }

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
