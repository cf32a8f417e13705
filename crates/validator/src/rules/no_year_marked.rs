//! `no-year-marked`: a record with no year of WAKTU PELAKSANAAN marked.
//!
//! **What it does.** Reports every record whose `waktu_pelaksanaan` is empty
//! although the document has year columns. When no record at all marks a
//! year, it reports that once for the document instead of once per record.
//!
//! **Why.** A plan row without a year has no schedule: usually its marks were
//! shifted into another column by the conversion, or lost at a page break.
//! A record whose year column holds stray text, or that carries a stray mark
//! elsewhere, is already reported by the parser and is not reported again.
//!
//! **Example.**
//! ```text
//! | INSTANSI     | KEGIATAN         | 2024 | 2025 |
//! | Dinas Sosial | Pelatihan kader  |      |      |   <- no-year-marked
//! ```

use super::{is_filled, Context};
use crate::codes::{Code, Stage};
use pergub_model::{Diagnostic, Field, Severity};

/// The code.
pub(crate) const CODE: Code = Code {
    name: "no-year-marked",
    severity: Severity::Warning,
    stage: Stage::Validator,
    summary: "a record has no year of WAKTU PELAKSANAAN marked",
    why: "a plan row without a year has no schedule; its marks were usually shifted into another column or lost",
    help: "put the marks back in the year columns of the row",
};

/// Codes of earlier stages that already explain a record's missing years.
const EXPLAINED_BY: &[&str] = &["stray-mark", "stray-text-in-year-column"];

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let any_marked = doc
        .records
        .iter()
        .any(|r| is_filled(r, Field::WaktuPelaksanaan));
    if !any_marked {
        // Either the table has no year columns (reported as a missing
        // column) or every mark is gone: one finding for the document.
        if let (Some([first, last]), true) = (doc.document.period, doc.records.len() > 1) {
            out.push(CODE.diagnostic(format!(
                "no record marks any year of WAKTU PELAKSANAAN ({first}–{last}); the marks were lost or are not recognised"
            )));
        }
        return;
    }
    // Written out for the first record without a year, if any.
    let mut period = None;
    for record in &doc.records {
        if record.waktu_pelaksanaan.is_empty() && !cx.reported(record.no, EXPLAINED_BY) {
            let period = period.get_or_insert_with(|| match doc.document.period {
                Some([first, last]) => format!(" ({first}–{last})"),
                None => String::new(),
            });
            out.push(
                CODE.diagnostic(format!("no year of WAKTU PELAKSANAAN{period} is marked"))
                    .with_record(record.no)
                    .with_field(Field::WaktuPelaksanaan)
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
    fn record_without_years_is_reported_at_its_line() {
        let mut bad = record(2);
        bad.waktu_pelaksanaan.clear();
        let found = check_plain(check, &document(vec![record(1), bad]));
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(
            (d.code.as_str(), d.record, d.field.as_deref()),
            ("no-year-marked", Some(2), Some("waktu_pelaksanaan"))
        );
        assert_eq!(d.span.map(|s| s.start()), Some(12));
        assert_eq!(
            d.message,
            "no year of WAKTU PELAKSANAAN (2024–2026) is marked"
        );
    }

    #[test]
    fn records_with_years_are_clean() {
        assert!(check_plain(check, &document(vec![record(1), record(2)])).is_empty());
    }

    #[test]
    fn a_stray_mark_already_explains_the_missing_years() {
        let mut bad = record(2);
        bad.waktu_pelaksanaan.clear();
        let mut doc = document(vec![record(1), bad]);
        doc.diagnostics
            .push(Diagnostic::warning("stray-mark", "x").with_record(2));
        assert!(check_plain(check, &doc).is_empty());
    }

    #[test]
    fn no_marks_anywhere_is_one_document_finding() {
        let records: Vec<_> = (1..=3)
            .map(|n| {
                let mut r = record(n);
                r.waktu_pelaksanaan.clear();
                r
            })
            .collect();
        let found = check_plain(check, &document(records));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].record, None);
    }
}
