//! `duplicate-record`: a record that repeats an earlier one word for word.
//!
//! **What it does.** Compares every record's content (agencies, MASALAH,
//! KEGIATAN, INDIKATOR, years, KELOMPOK SASARAN; case and spacing ignored,
//! the record number, section, extra columns and source lines not) and
//! reports each record equal to an earlier one, naming that one.
//!
//! **Why.** A row printed twice, usually repeated at the top of the next
//! page by the converter, counts its activity twice.
//!
//! **Example.**
//! ```text
//! | Dinas Sosial | Pelatihan kader | x |   (record 4)
//! | Dinas Sosial | Pelatihan kader | x |   <- duplicate-record: repeats record 4
//! ```

use super::Context;
use crate::codes::{Code, Stage};
use crate::words::{lower_case_hash, WordHasher, WordMap};
use pergub_model::{Diagnostic, Field, Record, Severity};
use std::hash::Hasher;

/// The code.
pub(crate) const CODE: Code = Code {
    name: "duplicate-record",
    severity: Severity::Warning,
    stage: Stage::Validator,
    summary: "a record repeats an earlier record word for word",
    why:
        "a row printed twice, often repeated at the top of the next page, counts its activity twice",
    help: "delete the repeated row, or tell the two rows apart",
};

/// The content that makes two records the same plan row, as bytes: the
/// record's texts field by field, their words in lower case.
fn key(cx: &Context<'_>, index: usize, record: &Record) -> Option<Vec<u8>> {
    let mut key = Vec::new();
    let mut has_text = false;
    for field in Field::ALL {
        for pieces in cx.pieces.of(index, field) {
            has_text |= !pieces.is_empty() && field != Field::Instansi;
            for (i, piece) in pieces.iter().enumerate() {
                if i > 0 {
                    key.push(b' ');
                }
                if piece.text.is_ascii() {
                    let start = key.len();
                    key.extend_from_slice(piece.text.as_bytes());
                    if let Some(added) = key.get_mut(start..) {
                        added.make_ascii_lowercase();
                    }
                } else {
                    key.extend_from_slice(piece.text.to_lowercase().as_bytes());
                }
            }
            key.push(TEXT_END);
        }
        key.push(FIELD_END);
    }
    for year in &record.waktu_pelaksanaan {
        key.extend_from_slice(year.to_string().as_bytes());
        key.push(b' ');
    }
    // Records with nothing but an agency are other rules' business.
    has_text.then_some(key)
}

/// Ends a text in a [`key`].
const TEXT_END: u8 = 0x1f;
/// Ends a field in a [`key`].
const FIELD_END: u8 = 0x1e;

/// A hash of a record's [`key`], `None` when it has no key, made from the
/// hashes of its pieces' lower-case forms: records with the same key have
/// the same hash, unless a piece holds a byte that ends a text or a field
/// in the key.
fn key_hash(cx: &Context<'_>, index: usize, record: &Record) -> Option<u64> {
    let mut hasher = WordHasher::default();
    let mut has_text = false;
    for field in Field::ALL {
        for pieces in cx.pieces.of(index, field) {
            has_text |= !pieces.is_empty() && field != Field::Instansi;
            for piece in pieces {
                // A plan repeats its words: each distinct piece was put in
                // lower case once, when the texts were cut.
                let form = cx.pieces.lower_case_hash(piece.word());
                hasher.write_u64(form.unwrap_or_else(|| lower_case_hash(piece.text)));
            }
            hasher.write_u8(TEXT_END);
        }
        hasher.write_u8(FIELD_END);
    }
    for &year in &record.waktu_pelaksanaan {
        hasher.write_u16(year);
    }
    has_text.then(|| hasher.finish())
}

/// A hash of each record's [`key`], `None` for a record without one.
fn key_hashes(cx: &Context<'_>) -> Vec<Option<u64>> {
    let records = cx.doc.records.iter().enumerate();
    // Such control characters are in no plan but a damaged one: then the
    // keys themselves are hashed.
    let separators = [char::from(TEXT_END), char::from(FIELD_END)];
    if (cx.pieces.unplain().iter()).any(|(_, _, text)| text.contains(separators)) {
        let hash = |key: Vec<u8>| {
            let mut hasher = WordHasher::default();
            hasher.write(&key);
            hasher.finish()
        };
        return records.map(|(i, r)| key(cx, i, r).map(hash)).collect();
    }
    records.map(|(i, r)| key_hash(cx, i, r)).collect()
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let records = &cx.doc.records;
    let hashes = key_hashes(cx);
    // The first record of each key, found by its key's hash: the last
    // such record with that hash, and each one's predecessor with the
    // same hash (distinct keys with one hash are rare, but possible).
    let mut last_first: WordMap<u64, usize> =
        WordMap::with_capacity_and_hasher(records.len(), Default::default());
    let mut earlier_first: Vec<Option<usize>> = vec![None; records.len()];
    // The keys of the records compared, made when first compared.
    let mut keys: Vec<Option<Option<Vec<u8>>>> = vec![None; records.len()];
    let mut same_key = |a: usize, b: usize| {
        for i in [a, b] {
            if let Some(slot @ None) = keys.get_mut(i) {
                *slot = Some(records.get(i).and_then(|r| key(cx, i, r)));
            }
        }
        keys.get(a) == keys.get(b)
    };
    for (i, (record, hash)) in records.iter().zip(&hashes).enumerate() {
        let Some(hash) = *hash else { continue };
        let mut candidate = last_first.get(&hash).copied();
        let mut first = None;
        while let Some(c) = candidate {
            if same_key(c, i) {
                first = records.get(c);
                break;
            }
            candidate = earlier_first.get(c).copied().flatten();
        }
        match first {
            Some(first) => out.push(
                CODE.diagnostic(format!(
                    "the record repeats record {} word for word",
                    first.no
                ))
                .with_record(record.no)
                .with_span(record.source),
            ),
            None => {
                if let Some(slot) = earlier_first.get_mut(i) {
                    *slot = last_first.insert(hash, i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{check_plain, document, record};

    #[test]
    fn a_repeated_row_is_reported_at_the_repeat() {
        let mut repeat = record(1);
        repeat.no = 3;
        repeat.source = pergub_model::Span::line(40);
        repeat.kegiatan = vec!["PELATIHAN  kader ke-1".into()];
        let found = check_plain(check, &document(vec![record(1), record(2), repeat]));
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!((d.record, d.span.map(|s| s.start())), (Some(3), Some(40)));
        assert_eq!(d.message, "the record repeats record 1 word for word");
    }

    #[test]
    fn records_that_differ_in_one_year_are_distinct() {
        let mut other = record(1);
        other.no = 2;
        other.waktu_pelaksanaan = vec![2024];
        assert!(check_plain(check, &document(vec![record(1), other])).is_empty());
    }

    /// What the rule found when it compared the records' byte keys.
    fn by_byte_keys(doc: &pergub_model::Document) -> Vec<Diagnostic> {
        let pieces = crate::rules::Pieces::new(doc);
        let none = crate::rules::test_support::Words::of(&[]);
        let cx = Context::new(doc, &none, &pieces, &[]);
        let mut seen: WordMap<Vec<u8>, u32> = WordMap::default();
        let mut out = Vec::new();
        for (i, record) in doc.records.iter().enumerate() {
            let Some(key) = key(&cx, i, record) else {
                continue;
            };
            match seen.get(&key) {
                Some(first) => out.push(
                    CODE.diagnostic(format!("the record repeats record {first} word for word"))
                        .with_record(record.no)
                        .with_span(record.source),
                ),
                None => {
                    seen.insert(key, record.no);
                }
            }
        }
        out
    }

    #[test]
    fn hashed_pieces_find_what_byte_keys_find() {
        // Case, spacing and other scripts' capitals; in the last round a
        // piece holds a byte that ends a text in a byte key.
        let variants = [
            "Pelatihan kader",
            "PELATIHAN  KADER",
            "pelatihan kader",
            "Pelatihan kader desa",
            "Pelatihan\tkader",
            "ÇAĞRI İşleri",
            "çağri i\u{307}şleri",
            "ΣΟΦΊΑ",
            "σοφία",
            "Pelatihankader",
            "kader",
        ];
        let separated = ["Pelatihan\u{1f}kader", "Pelatihan\u{1e}kader"];
        for extra in [&[][..], &separated[..]] {
            let mut records = Vec::new();
            for (no, text) in (1..).zip(variants.iter().chain(extra).cycle().take(40)) {
                let mut r = record(no);
                r.kegiatan = vec![text.to_string()];
                r.masalah = vec![format!("Masalah {}", no % 3)];
                if no % 5 == 0 {
                    r.kegiatan.push(String::new());
                }
                if no % 7 == 0 {
                    r.waktu_pelaksanaan = vec![2025];
                }
                records.push(r);
            }
            let doc = document(records);
            let found = check_plain(check, &doc);
            assert!(found.len() >= 5, "{found:?}");
            assert_eq!(found, by_byte_keys(&doc), "{extra:?}");
        }
    }

    #[test]
    fn same_agency_rows_are_not_duplicates() {
        assert!(check_plain(check, &document(vec![record(1), record(2), record(3)])).is_empty());
    }
}
