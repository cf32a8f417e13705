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

/// The period a title states, `[first, last]`: the first place where two
/// years are joined by a dash, "s.d." / "s/d", "sampai (dengan)", "hingga"
/// or "until" (case ignored).
///
/// Titles are scanned by hand ([`scan_period`]), which builds nothing: a
/// compiled regular expression would cost every process more than
/// validating a whole plan. The scan reads digits, spaces, word boundaries
/// and case the ASCII way, so a title with other non-ASCII letters than
/// the dashes goes to [`PERIOD`], whose Unicode rules the scan follows
/// everywhere else.
pub(crate) fn stated_period(title: &str) -> Option<[u16; 2]> {
    let [first, last] = if title.chars().all(|c| c.is_ascii() || DASHES.contains(&c)) {
        scan_period(title)?
    } else {
        regex_period(title)?
    };
    let first: u16 = first.parse().ok()?;
    let last: u16 = last.parse().ok()?;
    (first <= last).then_some([first, last])
}

/// What joins two years into a period, as a regular expression (Unicode
/// rules: any decimal digit, any space, `ſ` as `s`): the reference for
/// [`scan_period`].
const PERIOD: &str = r"(?i)\b((?:19|20)\d\d)\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga|until)\s*((?:19|20)\d\d)\b";

/// The non-ASCII characters [`scan_period`] reads.
const DASHES: [char; 2] = ['–', '—'];

/// The two years of the first match of [`PERIOD`] in `title`.
fn regex_period(title: &str) -> Option<[&str; 2]> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(PERIOD).ok()).as_ref()?;
    let caps = re.captures(title)?;
    Some([caps.get(1)?.as_str(), caps.get(2)?.as_str()])
}

/// The two years of the first match of [`PERIOD`] in `title`, for a title
/// whose only non-ASCII characters are [`DASHES`].
fn scan_period(title: &str) -> Option<[&str; 2]> {
    title.char_indices().find_map(|(at, _)| {
        let before = title.get(..at)?.chars().next_back();
        if before.is_some_and(is_word_char) {
            return None;
        }
        let (first, rest) = year(title.get(at..)?)?;
        let rest = rest.trim_start_matches(char::is_whitespace);
        connected(rest).into_iter().flatten().find_map(|after| {
            let (last, rest) = year(after.trim_start_matches(char::is_whitespace))?;
            (!rest.chars().next().is_some_and(is_word_char)).then_some([first, last])
        })
    })
}

/// A year of the 20th or 21st century opening `text`, and the text after it.
fn year(text: &str) -> Option<(&str, &str)> {
    let digits = text.get(..4)?;
    let century = digits.starts_with("19") || digits.starts_with("20");
    (century && digits.bytes().all(|b| b.is_ascii_digit())).then(|| text.split_at(4))
}

/// What may follow a connector of two years opening `text`: the rest after
/// each way the connector can be read ("sampai dengan" also as "sampai").
fn connected(text: &str) -> [Option<&str>; 2] {
    if let Some(rest) = DASHES
        .iter()
        .find_map(|d| text.strip_prefix(*d))
        .or_else(|| text.strip_prefix('-'))
    {
        return [Some(rest), None];
    }
    let word = |text: &'_ str, word: &str| -> Option<usize> {
        let head = text.get(..word.len())?;
        head.eq_ignore_ascii_case(word).then_some(word.len())
    };
    if let Some(n) = word(text, "sampai") {
        let rest = text.get(n..);
        let spaced = rest.map(|r| r.trim_start_matches(char::is_whitespace));
        let dengan = spaced
            .filter(|s| rest.is_some_and(|r| s.len() < r.len()))
            .and_then(|s| s.get(word(s, "dengan")?..));
        return [dengan, rest];
    }
    if let Some(n) = word(text, "hingga").or_else(|| word(text, "until")) {
        return [text.get(n..), None];
    }
    // s.d., s/d, s.d, s d
    let Some(rest) = text.strip_prefix(['s', 'S']) else {
        return [None, None];
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.trim_start_matches(char::is_whitespace);
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let rest = rest.trim_start_matches(char::is_whitespace);
    let rest = rest.strip_prefix(['d', 'D']);
    [rest.map(|r| r.strip_prefix('.').unwrap_or(r)), None]
}

/// A character of a word, for the word boundaries of a title (ASCII rules).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
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
        assert_eq!(stated_period("NOMOR 7 TAHUN 2022"), None);
        assert_eq!(stated_period("2024 - 2020"), None);
    }

    #[test]
    fn the_scan_reads_titles_as_the_regular_expression_does() {
        let titles = [
            "RAD TPPO TAHUN 2017 - 2021",
            "TAHUN 2017-2021 DAN 2022-2026",
            "Tahun 2019–2023",
            "Tahun 2019 —2023",
            "TAHUN 2020 S.D. 2024",
            "tahun 2020 s/d 2024",
            "tahun 2020 s . / d 2024",
            "tahun 2020 sd2024",
            "tahun 2020 s.d.2024",
            "tahun 2020 s.d.. 2024",
            "TAHUN 2021 SAMPAI DENGAN 2025",
            "TAHUN 2021 SAMPAI  2025",
            "TAHUN 2021 SAMPAIDENGAN 2025",
            "TAHUN 2021 sampai dengan2025",
            "tahun 2021 hingga 2025, until 2030",
            "2021 UNTIL 2025",
            "NOMOR 7 TAHUN 2022",
            "12017 - 2021",
            "2017 - 20215 dan 2018 - 2022",
            "_2017 - 2021",
            "x2017-2021",
            "2017-2021x",
            "2017 - 1821",
            "1999\u{b}-\u{c}2001",
            "2024 - 2020",
            "tahun 2030 - 2020 dan 2020 - 2030",
            "– 2017 –– 2021 — 2022",
            "",
            "2017",
            "2017 s",
            "2017 sampai",
        ];
        for title in titles {
            assert_eq!(scan_period(title), regex_period(title), "{title:?}");
        }
    }

    #[test]
    fn titles_with_other_letters_take_the_unicode_rules() {
        // U+017F long s matches `s` case-insensitively; Arabic-Indic digits are digits.
        assert_eq!(
            stated_period("tahun 2020 \u{17f}.d. 2024"),
            Some([2020, 2024])
        );
        assert_eq!(
            stated_period("tahun 20\u{661}\u{662} - 2024 dan 2020 - 2024"),
            None
        );
        assert_eq!(
            stated_period("Tahun\u{a0}2020\u{a0}-\u{a0}2024"),
            Some([2020, 2024])
        );
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
