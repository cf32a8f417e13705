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
use crate::words::WordMap;
use pergub_model::{Diagnostic, Field, Record, Severity};

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
            key.push(0x1f);
        }
        key.push(0x1e);
    }
    for year in &record.waktu_pelaksanaan {
        key.extend_from_slice(year.to_string().as_bytes());
        key.push(b' ');
    }
    // Records with nothing but an agency are other rules' business.
    has_text.then_some(key)
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let records = cx.doc.records.iter().enumerate();
    let keys: Vec<Option<Vec<u8>>> = records.map(|(i, r)| key(cx, i, r)).collect();
    let mut seen: WordMap<&[u8], u32> = WordMap::default();
    for (record, key) in cx.doc.records.iter().zip(&keys) {
        let Some(key) = key else { continue };
        match seen.get(key.as_slice()) {
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

    #[test]
    fn same_agency_rows_are_not_duplicates() {
        assert!(check_plain(check, &document(vec![record(1), record(2), record(3)])).is_empty());
    }
}
