//! `missing-required-column` and `missing-column`: a column no record fills.
//!
//! **What it does.** When a document has records but none of them fills a
//! field of the contract, reports that column once for the document: as an
//! error for INSTANSI and KEGIATAN (`missing-required-column`), as an info
//! for the others (`missing-column`), which some plans legitimately leave
//! out.
//!
//! **Why.** A column that is empty in every record was either not in the
//! table, or its header was not recognised and its cells went elsewhere
//! (into `extra`, or nowhere). Either way the records are incomplete, and a
//! per-record finding would repeat the same cause on every row.
//!
//! **Example.**
//! ```text
//! | INSTANSI     | PROGRAM        | 2024 |   <- PROGRAM is not a KEGIATAN synonym:
//! | Dinas Sosial | Pelatihan      |  x   |      missing-required-column (kegiatan)
//! ```

use super::{is_filled, Context};
use crate::codes::{Code, Stage};
use pergub_model::{Diagnostic, Field, Severity};

/// The code for INSTANSI and KEGIATAN.
pub(crate) const REQUIRED: Code = Code {
    name: "missing-required-column",
    severity: Severity::Error,
    stage: Stage::Validator,
    summary: "no record has an INSTANSI, or none has a KEGIATAN",
    why: "the column was not in the table or its header was not recognised, so every record lacks a required field",
    help: "check the table's header; add a synonym for an unusual column name to the header list",
};

/// The code for the other columns.
pub(crate) const OPTIONAL: Code = Code {
    name: "missing-column",
    severity: Severity::Info,
    stage: Stage::Validator,
    summary: "no record fills a column of the contract (MASALAH, TARGET, PELAKSANA, ...)",
    why: "some plans leave a column out; otherwise its header was not recognised and its cells went elsewhere",
    help: "if the printed table has the column, check its header against the header list",
};

/// The printed column name of a field.
fn column(field: Field) -> &'static str {
    match field {
        Field::Instansi => "INSTANSI",
        Field::Masalah => "MASALAH",
        Field::Kegiatan => "KEGIATAN",
        Field::Proses => "INDIKATOR PROSES",
        Field::Hasil => "INDIKATOR HASIL",
        Field::Target => "INDIKATOR TARGET",
        Field::WaktuPelaksanaan => "WAKTU PELAKSANAAN",
        Field::PenanggungJawab => "PENANGGUNG JAWAB",
        Field::Pelaksana => "PELAKSANA",
        Field::KelompokSasaran => "KELOMPOK SASARAN",
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    if doc.records.is_empty() {
        return;
    }
    let mut optional: Vec<Field> = Vec::new();
    for field in Field::ALL {
        if doc.records.iter().any(|r| is_filled(r, field)) {
            continue;
        }
        if field == Field::WaktuPelaksanaan && doc.document.period.is_some() {
            // The year columns exist but hold no mark: `no-year-marked`.
            continue;
        }
        if matches!(field, Field::Instansi | Field::Kegiatan) {
            out.push(
                REQUIRED
                    .diagnostic(format!(
                        "no record has any {}: the table has no such column, or its header was not recognised",
                        column(field)
                    ))
                    .with_field(field),
            );
        } else {
            optional.push(field);
        }
    }
    // One finding for the optional columns: a plan without them is common.
    let names: Vec<&str> = optional.iter().map(|f| column(*f)).collect();
    let diagnostic = match names.as_slice() {
        [] => return,
        [one] => OPTIONAL
            .diagnostic(format!(
                "no record has any {one}: the table has no such column, or its header was not recognised"
            ))
            .with_field(optional[0]),
        [init @ .., last] => OPTIONAL.diagnostic(format!(
            "no record has any {} or {last}: the table has no such columns, or their headers were not recognised",
            init.join(", ")
        )),
    };
    out.push(diagnostic);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{check_plain, document, record};

    #[test]
    fn a_column_no_record_fills_is_reported_once() {
        let records: Vec<_> = (1..=3)
            .map(|n| {
                let mut r = record(n);
                r.kegiatan.clear();
                r.kelompok_sasaran.clear();
                r
            })
            .collect();
        let found = check_plain(check, &document(records));
        let got: Vec<_> = found
            .iter()
            .map(|d| (d.severity, d.code.as_str(), d.field.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Severity::Error, "missing-required-column", Some("kegiatan")),
                (Severity::Info, "missing-column", Some("kelompok_sasaran")),
            ]
        );
        assert_eq!(
            found[0].message,
            "no record has any KEGIATAN: the table has no such column, or its header was not recognised"
        );
    }

    #[test]
    fn optional_columns_are_one_finding() {
        let records: Vec<_> = (1..=2)
            .map(|n| {
                let mut r = record(n);
                r.indikator.proses.clear();
                r.indikator.target.clear();
                r.pelaksana.clear();
                r
            })
            .collect();
        let found = check_plain(check, &document(records));
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].severity, found[0].field.as_deref()),
            (Severity::Info, None)
        );
        assert_eq!(
            found[0].message,
            "no record has any INDIKATOR PROSES, INDIKATOR TARGET or PELAKSANA: the table has no such columns, or their headers were not recognised"
        );
    }

    #[test]
    fn one_filled_record_is_enough() {
        let mut empty = record(2);
        empty.kelompok_sasaran.clear();
        assert!(check_plain(check, &document(vec![record(1), empty])).is_empty());
    }

    #[test]
    fn a_document_without_records_is_left_to_the_parser() {
        assert!(check_plain(check, &document(Vec::new())).is_empty());
    }
}
