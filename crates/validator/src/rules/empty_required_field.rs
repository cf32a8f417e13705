//! `empty-required-field`: a record without INSTANSI or KEGIATAN.
//!
//! **What it does.** Reports a record whose `instansi` or `kegiatan` holds
//! no text, when other records of the document do have that field (when
//! none has it, `missing-required-column` reports the column once). A record
//! the parser already reported as `missing-instansi` is not reported again.
//!
//! **Why.** Every plan row is an activity of an agency: without either the
//! record cannot be attributed or counted. An empty KEGIATAN usually means a
//! continuation row was read as a row of its own, or a cell went into the
//! wrong column.
//!
//! **Example.**
//! ```text
//! | INSTANSI     | KEGIATAN        | 2024 |
//! | Dinas Sosial |                 |  x   |   <- empty-required-field (kegiatan)
//! ```

use super::{is_filled, Context};
use crate::codes::{Code, Stage};
use pergub_model::{Diagnostic, Field, Severity};

/// The code.
pub(crate) const CODE: Code = Code {
    name: "empty-required-field",
    severity: Severity::Error,
    stage: Stage::Validator,
    summary: "a record has no INSTANSI or no KEGIATAN",
    why: "every plan row is an activity of an agency; without either the record cannot be attributed or counted",
    help: "fill in the cell, or join the row to the row it continues",
};

/// The fields every record must fill, with their printed column names.
pub(crate) const REQUIRED: [(Field, &str); 2] =
    [(Field::Instansi, "INSTANSI"), (Field::Kegiatan, "KEGIATAN")];

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let records = &cx.doc.records;
    for (field, column) in REQUIRED {
        if !records.iter().any(|r| is_filled(r, field)) {
            continue;
        }
        for record in records {
            if is_filled(record, field) {
                continue;
            }
            if field == Field::Instansi && cx.reported(record.no, &["missing-instansi"]) {
                continue;
            }
            out.push(
                CODE.diagnostic(format!("the record has no {column}"))
                    .with_record(record.no)
                    .with_field(field)
                    .with_span(record.source),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{check_plain, document, record};

    #[test]
    fn empty_kegiatan_and_instansi_are_errors() {
        let mut no_kegiatan = record(2);
        no_kegiatan.kegiatan = vec![" ".into()];
        let mut no_instansi = record(3);
        no_instansi.instansi.clear();
        let found = check_plain(check, &document(vec![record(1), no_kegiatan, no_instansi]));
        let got: Vec<_> = found
            .iter()
            .map(|d| (d.severity, d.record, d.field.as_deref(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Severity::Error,
                    Some(3),
                    Some("instansi"),
                    "the record has no INSTANSI"
                ),
                (
                    Severity::Error,
                    Some(2),
                    Some("kegiatan"),
                    "the record has no KEGIATAN"
                ),
            ]
        );
    }

    #[test]
    fn filled_records_are_clean() {
        assert!(check_plain(check, &document(vec![record(1), record(2)])).is_empty());
    }

    #[test]
    fn parser_report_is_not_repeated() {
        let mut no_instansi = record(2);
        no_instansi.instansi.clear();
        let mut doc = document(vec![record(1), no_instansi]);
        doc.diagnostics
            .push(Diagnostic::warning("missing-instansi", "m").with_record(2));
        assert!(check_plain(check, &doc).is_empty());
    }

    #[test]
    fn a_column_no_record_has_is_left_to_missing_column() {
        let records: Vec<_> = (1..=2)
            .map(|n| {
                let mut r = record(n);
                r.kegiatan.clear();
                r
            })
            .collect();
        assert!(check_plain(check, &document(records)).is_empty());
    }
}
