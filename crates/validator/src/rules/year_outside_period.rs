//! `year-outside-period`: a marked year outside the plan's period.
//!
//! **What it does.** Takes the period the title states ("... TAHUN 2017 -
//! 2021", "2017 s.d. 2021", "2017 sampai dengan 2021") and the period of the
//! year columns (`document.period`). Reports the year columns when they
//! reach outside the stated period, and every record with a marked year
//! outside either period.
//!
//! **Why.** A year outside the plan's period is a misread header ("2107"
//! for "2017"), a column taken from another table, or a plan that was
//! extended without its title: in every case a reviewer must look.
//!
//! **Example.**
//! ```text
//! RENCANA AKSI DAERAH ... TAHUN 2020 - 2022
//! | INSTANSI     | KEGIATAN        | 2020 | 2021 | 2022 | 2023 |
//! | Dinas Sosial | Pelatihan kader |      |      |  x   |  x   |   <- 2023 is outside 2020–2022
//! ```

use super::Context;
use crate::codes::{Code, Stage};
use pergub_model::{Diagnostic, Field, Severity};
use regex::Regex;
use std::sync::OnceLock;

/// The code.
pub(crate) const CODE: Code = Code {
    name: "year-outside-period",
    severity: Severity::Warning,
    stage: Stage::Validator,
    summary: "a marked year, or a year column, lies outside the plan's period",
    why: "a year outside the period is a misread header, a column from another table, or a period the title does not state",
    help: "check the year columns' headers against the period in the title",
};

/// The period a title states, `[first, last]`.
pub(crate) fn stated_period(title: &str) -> Option<[u16; 2]> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE
        .get_or_init(|| {
            Regex::new(
                r"(?i)\b((?:19|20)\d\d)\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga|until)\s*((?:19|20)\d\d)\b",
            )
            .ok()
        })
        .as_ref()?;
    let caps = re.captures(title)?;
    let first: u16 = caps[1].parse().ok()?;
    let last: u16 = caps[2].parse().ok()?;
    (first <= last).then_some([first, last])
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let stated = doc.document.title.as_deref().and_then(stated_period);
    let columns = doc.document.period;
    if let (Some([s0, s1]), Some([c0, c1])) = (stated, columns) {
        if c0 < s0 || c1 > s1 {
            out.push(CODE.diagnostic(format!(
                "the year columns run {c0}–{c1} but the title states the period {s0}–{s1}"
            )));
        }
    }
    for record in &doc.records {
        let outside = |[lo, hi]: [u16; 2]| -> Vec<u16> {
            record
                .waktu_pelaksanaan
                .iter()
                .copied()
                .filter(|y| *y < lo || *y > hi)
                .collect()
        };
        let finding = [
            (stated, "stated in the title"),
            (columns, "of the year columns"),
        ]
        .into_iter()
        .find_map(|(period, whose)| {
            let period = period?;
            let years = outside(period);
            (!years.is_empty()).then_some((years, period, whose))
        });
        if let Some((years, [lo, hi], whose)) = finding {
            let list = years
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let noun = if years.len() == 1 { "year" } else { "years" };
            out.push(
                CODE.diagnostic(format!(
                    "marked {noun} {list} outside the period {lo}–{hi} {whose}"
                ))
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
    fn stated_periods_in_the_ways_titles_write_them() {
        assert_eq!(
            stated_period("RAD TPPO TAHUN 2017 - 2021"),
            Some([2017, 2021])
        );
        assert_eq!(stated_period("Tahun 2019–2023"), Some([2019, 2023]));
        assert_eq!(stated_period("TAHUN 2020 S.D. 2024"), Some([2020, 2024]));
        assert_eq!(stated_period("tahun 2020 s/d 2024"), Some([2020, 2024]));
        assert_eq!(
            stated_period("TAHUN 2021 SAMPAI DENGAN 2025"),
            Some([2021, 2025])
        );
        assert_eq!(stated_period("NOMOR 10 TAHUN 2018"), None);
        assert_eq!(stated_period("2024 - 2020"), None);
    }

    #[test]
    fn a_year_beyond_the_stated_period_is_reported() {
        let mut bad = record(2);
        bad.waktu_pelaksanaan = vec![2026, 2027];
        let mut doc = document(vec![record(1), bad]);
        doc.document.period = Some([2024, 2027]);
        let found = check_plain(check, &doc);
        let messages: Vec<_> = found
            .iter()
            .map(|d| (d.record, d.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    None,
                    "the year columns run 2024–2027 but the title states the period 2024–2026"
                ),
                (
                    Some(2),
                    "marked year 2027 outside the period 2024–2026 stated in the title"
                ),
            ]
        );
    }

    #[test]
    fn without_a_title_the_columns_bound_the_years() {
        let mut bad = record(1);
        bad.waktu_pelaksanaan = vec![2019, 2024];
        let mut doc = document(vec![bad]);
        doc.document.title = None;
        let found = check_plain(check, &doc);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "marked year 2019 outside the period 2024–2026 of the year columns"
        );
    }

    #[test]
    fn years_inside_the_period_are_clean() {
        assert!(check_plain(check, &document(vec![record(1), record(2)])).is_empty());
    }
}
