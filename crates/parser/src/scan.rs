//! Matchers for the fixed phrases the assembler looks for in running text:
//! section rows (`SUB GUGUS TUGAS PENCEGAHAN`), the regulation a document
//! annexes (`PERATURAN GUBERNUR ... NOMOR 12 TAHUN 2021`) and a province
//! (`PROVINSI JAWA TENGAH`).
//!
//! Each matcher accepts exactly the strings that the regular expression
//! quoted in its documentation (in `regex` crate syntax) matches, and returns
//! the same captures, under that crate's Unicode rules:
//!
//! - `(?i)` letters match by simple case folding: besides both ASCII cases,
//!   `K` also matches U+212A KELVIN SIGN and `S` matches U+017F LATIN SMALL
//!   LETTER LONG S; no other ASCII letter has a partner outside ASCII;
//! - `\s` is Unicode white space (the `White_Space` property, which
//!   [`char::is_whitespace`] tests);
//! - `\d` is a Unicode decimal digit (general category `Nd`);
//! - `\b` is a boundary between a Unicode word character (`\w`) and anything
//!   else, the start and end of the text included;
//! - `.` is any character but a line feed, and `$` is the end of the text.
//!
//! They are written out by hand so that reading a document does not pay for
//! compiling Unicode automata.

use std::sync::OnceLock;

use memchr::memchr2_iter;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Whether `c` is a decimal digit (`\d`, general category `Nd`). ASCII is
/// tested directly; for other characters the class comes from the same
/// Unicode tables as the `regex` crate's, read once.
fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    static DECIMAL: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let ranges = DECIMAL.get_or_init(decimal_ranges);
    let i = ranges.partition_point(|&(_, last)| last < c);
    ranges.get(i).is_some_and(|&(first, _)| first <= c)
}

/// The ranges of `\d`, in order (only ASCII digits if the class cannot be
/// read, which the `unicode-perl` feature rules out).
fn decimal_ranges() -> Vec<(char, char)> {
    match regex_syntax::Parser::new().parse(r"\d").map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(class))) => class
            .ranges()
            .iter()
            .map(|range| (range.start(), range.end()))
            .collect(),
        _ => vec![('0', '9')],
    }
}

/// Whether `c` is a word character (`\w`), the class `\b` looks at. This
/// is the very test the `regex` crate makes.
fn is_word(c: char) -> bool {
    regex_syntax::try_is_word_character(c).unwrap_or(false)
}

/// Whether `c` matches the ASCII capital `upper` under `(?i)`.
fn folds_to(c: char, upper: u8) -> bool {
    match c {
        '\u{212A}' => upper == b'K',
        '\u{17F}' => upper == b'S',
        _ => u8::try_from(c).is_ok_and(|b| b.to_ascii_uppercase() == upper),
    }
}

/// Whether `c` is in `(?i)[A-Za-z]` (or `(?i)[A-Z]`).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{212A}' | '\u{17F}')
}

/// Whether `c` is in `(?i)[IVX]`.
fn is_roman(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'i' | 'v' | 'x')
}

/// Whether `c` is in `(?i)[0-9A-Za-z./-]`, the characters of a regulation
/// number.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || matches!(c, '.' | '/' | '-')
}

/// The character starting at byte `at`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The character ending at byte `at`, if any.
fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The byte after the run of characters in `class` that starts at `at`
/// (`at` itself when the run is empty).
fn run_end(text: &str, at: usize, class: impl Fn(char) -> bool) -> usize {
    text.get(at..).map_or(at, |rest| {
        at + rest.find(|c: char| !class(c)).unwrap_or(rest.len())
    })
}

/// The byte after `\s*` at `at`.
fn spaces_end(text: &str, at: usize) -> usize {
    run_end(text, at, char::is_whitespace)
}

/// The byte after `word` (ASCII capitals) matched under `(?i)` at `at`.
fn keyword(text: &str, at: usize, word: &[u8]) -> Option<usize> {
    let mut chars = text.get(at..)?.chars();
    let mut end = at;
    for &upper in word {
        let c = chars.next().filter(|&c| folds_to(c, upper))?;
        end += c.len_utf8();
    }
    Some(end)
}

/// Whether `\b` holds at `at` just before a word character: the character
/// before is not one.
fn boundary_before(text: &str, at: usize) -> bool {
    !char_before(text, at).is_some_and(is_word)
}

/// Whether `\b` holds at `at` just after a word character: the character
/// after is not one.
fn boundary_after(text: &str, at: usize) -> bool {
    !char_at(text, at).is_some_and(is_word)
}

/// The section name of a section row: group 1 of
/// `(?i)^\s*(?:[IVX]+\.|[A-Z]\.|\d+\.)?\s*SUB\s*-?\s*GUGUS\s*(?:TUGAS)?\s*:?\s*(.*)$`.
///
/// That is everything after `SUB GUGUS TUGAS:` at the start of the text
/// (spaced or not, with or without the hyphen, TUGAS and the colon, after a
/// numbering such as `II.`, `B.` or `3.`), provided it holds no line feed.
/// Each part of the pattern can be matched in one way only, so the first
/// way found is the match.
pub fn section_name(text: &str) -> Option<&str> {
    let start = spaces_end(text, 0);
    // A numbering begins with a letter or digit followed by a full stop, so
    // when there is one, SUB cannot begin where the numbering does.
    let sub = numbering_end(text, start).map_or(start, |end| spaces_end(text, end));
    let mut at = spaces_end(text, keyword(text, sub, b"SUB")?);
    if char_at(text, at) == Some('-') {
        at = spaces_end(text, at + 1);
    }
    at = spaces_end(text, keyword(text, at, b"GUGUS")?);
    if let Some(end) = keyword(text, at, b"TUGAS") {
        at = spaces_end(text, end);
    }
    if char_at(text, at) == Some(':') {
        at = spaces_end(text, at + 1);
    }
    // `(.*)$`: the rest, which must be a single line.
    text.get(at..).filter(|name| !name.contains('\n'))
}

/// The byte after a numbering `(?i)[IVX]+\.|[A-Z]\.|\d+\.` at `at`.
fn numbering_end(text: &str, at: usize) -> Option<usize> {
    let stop_after = |end: usize| (end > at && char_at(text, end) == Some('.')).then_some(end + 1);
    stop_after(run_end(text, at, is_roman))
        .or_else(|| {
            let letter = char_at(text, at).filter(|&c| is_letter(c))?;
            stop_after(at + letter.len_utf8())
        })
        .or_else(|| stop_after(run_end(text, at, is_decimal)))
}

/// A regulation named in running text: the captures of
/// `(?i)PERATURAN\s+(GUBERNUR|BUPATI|WALI\s*KOTA|DAERAH)\b(.*?)\bNOMOR\s*:?\s*([0-9][0-9A-Za-z./-]*)\s+TAHUN\s+((?:19|20)\d\d)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegulationName<'a> {
    /// Group 1: `GUBERNUR`, `BUPATI`, `WALI KOTA` or `DAERAH`, as written.
    pub kind: &'a str,
    /// Group 2: the text between the kind and `NOMOR`, usually the
    /// jurisdiction with the spaces around it.
    pub between: &'a str,
    /// Group 3: the number.
    pub number: &'a str,
    /// Group 4: the year.
    pub year: &'a str,
}

/// The first regulation named in `text` (see [`RegulationName`] for the
/// pattern): the first `PERATURAN <kind>` that a `NOMOR .. TAHUN ..` clause
/// follows on the same line, with the nearest such clause.
///
/// Everything but the text between the kind and NOMOR can be matched in one
/// way only; that text is as short as it can be (`.*?`).
pub fn regulation(text: &str) -> Option<RegulationName<'_>> {
    let mut clauses = NumberClauses::default();
    for start in memchr2_iter(b'P', b'p', text.as_bytes()) {
        let Some(kind) = keyword(text, start, b"PERATURAN")
            .map(|end| (end, spaces_end(text, end)))
            .and_then(|(end, kind)| (kind > end).then_some(kind))
        else {
            continue;
        };
        let Some(kind_end) = kind_end(text, kind).filter(|&end| boundary_after(text, end)) else {
            continue;
        };
        // No clause after this kind means none after any later kind either.
        let clause = clauses.first_from(text, kind_end)?;
        let Some(between) = text
            .get(kind_end..clause.start)
            .filter(|b| !b.contains('\n'))
        else {
            continue;
        };
        return Some(RegulationName {
            kind: text.get(kind..kind_end)?,
            between,
            number: text.get(clause.number.0..clause.number.1)?,
            year: text.get(clause.year.0..clause.year.1)?,
        });
    }
    None
}

/// The byte after `(?i)GUBERNUR|BUPATI|WALI\s*KOTA|DAERAH` at `at`.
fn kind_end(text: &str, at: usize) -> Option<usize> {
    keyword(text, at, b"GUBERNUR")
        .or_else(|| keyword(text, at, b"BUPATI"))
        .or_else(|| keyword(text, spaces_end(text, keyword(text, at, b"WALI")?), b"KOTA"))
        .or_else(|| keyword(text, at, b"DAERAH"))
}

/// A clause `\bNOMOR\s*:?\s*([0-9][0-9A-Za-z./-]*)\s+TAHUN\s+((?:19|20)\d\d)`,
/// by byte positions.
#[derive(Debug, Clone, Copy)]
struct NumberClause {
    /// Where NOMOR begins.
    start: usize,
    /// The number (group 3): first and last-plus-one byte.
    number: (usize, usize),
    /// The year (group 4): first and last-plus-one byte.
    year: (usize, usize),
}

/// The number clauses of one text, found on demand and in order. The last
/// search and the last number read are kept, so that every character is
/// looked at a bounded number of times however many kinds and clauses the
/// text repeats.
#[derive(Debug, Default)]
struct NumberClauses {
    /// The last search: where it started and the first clause it found.
    last: Option<(usize, Option<NumberClause>)>,
    /// The last number read: its first byte and the byte after it.
    number: (usize, usize),
}

impl NumberClauses {
    /// The first clause starting at or after byte `from`.
    fn first_from(&mut self, text: &str, from: usize) -> Option<NumberClause> {
        if let Some((searched, found)) = self.last {
            if searched <= from && found.is_none_or(|c| c.start >= from) {
                return found;
            }
        }
        let rest = text.as_bytes().get(from..)?;
        let found = memchr2_iter(b'N', b'n', rest).find_map(|i| self.clause_at(text, from + i));
        self.last = Some((from, found));
        found
    }

    /// The clause starting at byte `at`, if one does.
    fn clause_at(&mut self, text: &str, at: usize) -> Option<NumberClause> {
        if !boundary_before(text, at) {
            return None;
        }
        let mut number = spaces_end(text, keyword(text, at, b"NOMOR")?);
        if char_at(text, number) == Some(':') {
            number = spaces_end(text, number + 1);
        }
        if !char_at(text, number).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let number_end = self.number_end(text, number);
        let tahun = spaces_end(text, number_end);
        if tahun == number_end {
            return None;
        }
        let after_tahun = keyword(text, tahun, b"TAHUN")?;
        let year = spaces_end(text, after_tahun);
        let century = text.get(year..)?;
        if year == after_tahun || !(century.starts_with("19") || century.starts_with("20")) {
            return None;
        }
        let mut year_end = year + 2;
        for _ in 0..2 {
            year_end += char_at(text, year_end)
                .filter(|&c| is_decimal(c))?
                .len_utf8();
        }
        Some(NumberClause {
            start: at,
            number: (number, number_end),
            year: (year, year_end),
        })
    }

    /// The byte after the number `[0-9A-Za-z./-]*` that starts at `at`.
    fn number_end(&mut self, text: &str, at: usize) -> usize {
        let (first, end) = self.number;
        if first <= at && at < end {
            return end;
        }
        let end = run_end(text, at, is_number_char);
        self.number = (at, end);
        end
    }
}

/// The province named in `text`: group 1 of
/// `(?i)\bPROVINSI\s+((?:[A-Za-z]+\s?){1,4}?)(?:\s+TAHUN\b|\s*[,.(]|\s*$)`.
///
/// That is one to four words after the first PROVINSI that has them, up to
/// TAHUN, a comma, full stop or opening parenthesis, or the end of the text.
/// The name may end with one of the spaces after its last word (callers
/// trim it).
pub fn province(text: &str) -> Option<&str> {
    for start in memchr2_iter(b'P', b'p', text.as_bytes()) {
        if !boundary_before(text, start) {
            continue;
        }
        let Some(end) = keyword(text, start, b"PROVINSI") else {
            continue;
        };
        let name = spaces_end(text, end);
        if name == end {
            continue;
        }
        if let Some(name_end) = province_words(text, name, 1) {
            return text.get(name..name_end);
        }
    }
    None
}

/// Where a province name ends when its repetition `count` (of at most
/// four) of `[A-Za-z]+\s?` starts at `at`, in the pattern's order of
/// preference: with the whole word and the one space after it, the name
/// ending there, else more words; then, without that space, the name ending
/// right after the word.
///
/// A repetition that takes only part of a word leaves the rest of it to the
/// next repetition, which then ends where this one would, with fewer
/// repetitions to spare; so when the whole word fails, every part of it
/// fails too.
fn province_words(text: &str, at: usize, count: usize) -> Option<usize> {
    let word_end = run_end(text, at, is_letter);
    if word_end == at {
        return None;
    }
    if let Some(space) = char_at(text, word_end).filter(|c| c.is_whitespace()) {
        let next = word_end + space.len_utf8();
        if ends_province(text, next) {
            return Some(next);
        }
        if count < 4 {
            if let Some(end) = province_words(text, next, count + 1) {
                return Some(end);
            }
        }
    }
    ends_province(text, word_end).then_some(word_end)
}

/// Whether `(?i)\s+TAHUN\b|\s*[,.(]|\s*$` matches at `at`.
fn ends_province(text: &str, at: usize) -> bool {
    let after = spaces_end(text, at);
    match char_at(text, after) {
        None | Some(',' | '.' | '(') => true,
        Some(_) => {
            after > at
                && keyword(text, after, b"TAHUN").is_some_and(|end| boundary_after(text, end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;
    use std::collections::BTreeSet;
    use std::sync::LazyLock;

    /// The patterns the matchers stand for, as the `regex` crate reads them.
    static SECTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(?:[IVX]+\.|[A-Z]\.|\d+\.)?\s*SUB\s*-?\s*GUGUS\s*(?:TUGAS)?\s*:?\s*(.*)$",
        )
        .unwrap()
    });
    static REGULATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)PERATURAN\s+(GUBERNUR|BUPATI|WALI\s*KOTA|DAERAH)\b(.*?)\bNOMOR\s*:?\s*([0-9][0-9A-Za-z./-]*)\s+TAHUN\s+((?:19|20)\d\d)",
        )
        .unwrap()
    });
    static PROVINCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bPROVINSI\s+((?:[A-Za-z]+\s?){1,4}?)(?:\s+TAHUN\b|\s*[,.(]|\s*$)")
            .unwrap()
    });

    fn section_by_regex(text: &str) -> Option<&str> {
        SECTION
            .captures(text)
            .map(|c| c.get(1).map_or("", |m| m.as_str()))
    }

    fn regulation_by_regex(text: &str) -> Option<RegulationName<'_>> {
        let c = REGULATION.captures(text)?;
        let group = |i| c.get(i).map_or("", |m| m.as_str());
        Some(RegulationName {
            kind: group(1),
            between: group(2),
            number: group(3),
            year: group(4),
        })
    }

    fn province_by_regex(text: &str) -> Option<&str> {
        PROVINCE
            .captures(text)
            .map(|c| c.get(1).map_or("", |m| m.as_str()))
    }

    /// Asserts that every matcher agrees with its pattern on `text`.
    fn agree(text: &str) {
        assert_eq!(
            section_name(text),
            section_by_regex(text),
            "section {text:?}"
        );
        assert_eq!(
            regulation(text),
            regulation_by_regex(text),
            "regulation {text:?}"
        );
        assert_eq!(
            regulation(text).is_some(),
            REGULATION.is_match(text),
            "regulation {text:?}"
        );
        assert_eq!(province(text), province_by_regex(text), "province {text:?}");
    }

    /// Every character, in order, for checking character classes.
    fn every_char() -> String {
        (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .collect()
    }

    /// The characters `class` (a one-character pattern) matches.
    fn matched_by(class: &str, haystack: &str) -> BTreeSet<char> {
        let re = Regex::new(class).unwrap();
        re.find_iter(haystack)
            .flat_map(|m| m.as_str().chars())
            .collect()
    }

    /// The characters `test` accepts.
    fn accepted_by(test: impl Fn(char) -> bool, haystack: &str) -> BTreeSet<char> {
        haystack.chars().filter(|&c| test(c)).collect()
    }

    #[test]
    fn character_classes_are_the_patterns_classes() {
        let all = every_char();
        assert_eq!(
            matched_by(r"\s", &all),
            accepted_by(char::is_whitespace, &all)
        );
        assert_eq!(matched_by(r"\d", &all), accepted_by(is_decimal, &all));
        assert_eq!(matched_by(r"\w", &all), accepted_by(is_word, &all));
        assert_eq!(matched_by(r"(?i)[A-Z]", &all), accepted_by(is_letter, &all));
        assert_eq!(
            matched_by(r"(?i)[A-Za-z]", &all),
            accepted_by(is_letter, &all)
        );
        assert_eq!(matched_by(r"(?i)[IVX]", &all), accepted_by(is_roman, &all));
        assert_eq!(
            matched_by(r"(?i)[0-9A-Za-z./-]", &all),
            accepted_by(is_number_char, &all)
        );
        assert_eq!(
            matched_by(r"(?i)[0-9]", &all),
            accepted_by(|c| c.is_ascii_digit(), &all)
        );
        // Any character that matches a letter under (?i) is in (?i)[A-Z];
        // check each one against each letter.
        let letters: String = matched_by(r"(?i)[A-Z]", &all).into_iter().collect();
        for upper in b'A'..=b'Z' {
            let expected = matched_by(&format!("(?i){}", char::from(upper)), &letters);
            assert_eq!(expected, accepted_by(|c| folds_to(c, upper), &letters));
        }
        assert!(folds_to('\u{212A}', b'K') && folds_to('\u{17F}', b'S'));
        assert!(!folds_to('\u{130}', b'I') && !folds_to('\u{131}', b'I'));
    }

    #[test]
    fn section_rows() {
        let cases = [
            ("SUB GUGUS TUGAS PENCEGAHAN", Some("PENCEGAHAN")),
            (
                "II. SUB-GUGUS TUGAS: REHABILITASI SOSIAL",
                Some("REHABILITASI SOSIAL"),
            ),
            (
                "A. Sub Gugus Tugas Penegakan Hukum",
                Some("Penegakan Hukum"),
            ),
            ("3.SUBGUGUS : Koordinasi ", Some("Koordinasi ")),
            ("  SUB GUGUS TUGAS", Some("")),
            ("\u{a0}iv . SUB GUGUS", None),
            (
                "\u{17F}UB GUGU\u{17F} TUGA\u{17F} Pencegahan",
                Some("Pencegahan"),
            ),
            ("\u{661}\u{662}. SUB GUGUS Pemulangan", Some("Pemulangan")),
            ("SUB GUGUS TUGAS PENCEGAHAN\nDAN REHABILITASI", None),
            ("SUB GUGUS\nTUGAS\n: Pencegahan", Some("Pencegahan")),
            ("Pembentukan Sub Gugus Tugas", None),
            ("1) SUB GUGUS TUGAS PENCEGAHAN", None),
        ];
        for (text, name) in cases {
            assert_eq!(section_name(text), name, "{text:?}");
            agree(text);
        }
    }

    #[test]
    fn regulations() {
        let found = |kind, between, number, year| {
            Some(RegulationName {
                kind,
                between,
                number,
                year,
            })
        };
        let cases = [
            (
                "LAMPIRAN PERATURAN GUBERNUR JAWA TENGAH NOMOR 12 TAHUN 2021 TENTANG RENCANA AKSI",
                found("GUBERNUR", " JAWA TENGAH ", "12", "2021"),
            ),
            (
                "LAMPIRAN PERATURAN BUPATI BANYUMAS  NOMOR 7 TAHUN 2021  TENTANG RAD",
                found("BUPATI", " BANYUMAS  ", "7", "2021"),
            ),
            (
                "Lampiran Peraturan Wali Kota Kupang Nomor: 45/Kep/2019. Tahun 2019",
                found("Wali Kota", " Kupang ", "45/Kep/2019.", "2019"),
            ),
            (
                "PERATURAN DAERAH PROVINSI BALI NOMOR 3 TAHUN 2020",
                found("DAERAH", " PROVINSI BALI ", "3", "2020"),
            ),
            (
                "PERATURAN WALIKOTA MATARAM, NOMOR 188.45 TAHUN 2022",
                found("WALIKOTA", " MATARAM, ", "188.45", "2022"),
            ),
            ("PERATURAN GUBERNURAN NOMOR 1 TAHUN 2020", None),
            ("PERATURAN GUBERNUR NOMOR 1 TAHUN 1899", None),
            (
                "PERATURAN GUBERNUR NOMOR 1 TAHUN 20\u{663}\u{664}",
                found("GUBERNUR", " ", "1", "20\u{663}\u{664}"),
            ),
            ("PERATURAN BUPATI X\nNOMOR 7 TAHUN 2021", None),
            (
                "PERATURAN BUPATI X\nPERATURAN BUPATI Y NOMOR 7 TAHUN 2021",
                found("BUPATI", " Y ", "7", "2021"),
            ),
            ("PERATURAN BUPATI XNOMOR 7 TAHUN 2021", None),
            (
                "PERATURAN WALI \u{212A}OTA X NOMOR 7 TAHUN 2021",
                found("WALI \u{212A}OTA", " X ", "7", "2021"),
            ),
        ];
        for (text, name) in cases {
            assert_eq!(regulation(text), name, "{text:?}");
            agree(text);
        }
    }

    #[test]
    fn provinces() {
        let cases = [
            (
                "PEMERINTAH PROVINSI JAWA TENGAH TAHUN 2020",
                Some("JAWA TENGAH"),
            ),
            ("PROVINSI BALI", Some("BALI")),
            (
                "Provinsi Nusa Tenggara Barat, 2021",
                Some("Nusa Tenggara Barat"),
            ),
            (
                "PROVINSI KALIMANTAN BARAT (KALBAR)",
                Some("KALIMANTAN BARAT "),
            ),
            (
                "PROVINSI DAERAH ISTIMEWA YOGYAKARTA TAHUN 2020",
                Some("DAERAH ISTIMEWA YOGYAKARTA"),
            ),
            ("PROVINSI BALI TAHUN 2020 DAN TAHUN 2021", Some("BALI")),
            ("PROVINSI BALI TAHUNAN", Some("BALI TAHUNAN")),
            ("PROVINSI A B C D E.", None),
            ("PROVINSI A B C D E. PROVINSI F.", Some("F")),
            ("DINAS PROVINSIAL BALI", None),
            ("SUBPROVINSI BALI", None),
            (
                "PROVIN\u{17F}I \u{212A}EPULAUAN RIAU",
                Some("\u{212A}EPULAUAN RIAU"),
            ),
            ("PROVINSI\u{a0}ACEH\u{a0}", Some("ACEH\u{a0}")),
            ("PROVINSI 2020", None),
        ];
        for (text, name) in cases {
            assert_eq!(province(text), name, "{text:?}");
            agree(text);
        }
    }

    #[test]
    fn long_repetitive_text_is_read_the_same() {
        let texts = [
            format!(
                "{}{}",
                "PERATURAN DAERAH ".repeat(3000),
                "NOMOR1/".repeat(3000)
            ),
            format!("{}NOMOR 1 TAHUN 2020", "PERATURAN BUPATI A\n".repeat(3000)),
            "PROVINSI ".repeat(5000),
            format!("PROVINSI {}", "A".repeat(20_000)),
            format!("SUB GUGUS {}", " ".repeat(20_000)),
        ];
        for text in texts {
            agree(&text);
        }
    }

    /// Words and characters the patterns look at, their near misses and
    /// their Unicode look-alikes.
    const TOKENS: &[&str] = &[
        "PERATURAN",
        "Peraturan",
        "peraturan",
        "PERATURA",
        "GUBERNUR",
        "gubernur",
        "Gubernur",
        "BUPATI",
        "Bupati",
        "WALI",
        "Wali",
        "KOTA",
        "Kota",
        "\u{212A}OTA",
        "WALIKOTA",
        "DAERAH",
        "Daerah",
        "NOMOR",
        "Nomor",
        "nomor",
        "TAHUN",
        "Tahun",
        "tahun",
        "PROVINSI",
        "Provinsi",
        "PROVIN\u{17F}I",
        "SUB",
        "Sub",
        "\u{17F}ub",
        "GUGUS",
        "Gugus",
        "GUGU\u{17F}",
        "TUGAS",
        "Tugas",
        "JAWA",
        "TENGAH",
        "Bali",
        "NUSA",
        "Kupang",
        "X",
        "II",
        "IV",
        "iv",
        "A",
        "b",
        "K",
        "\u{212A}",
        "\u{17F}",
        "s",
        "0",
        "1",
        "7",
        "12",
        "19",
        "20",
        "2021",
        "1999",
        "2099",
        "188",
        "\u{663}",
        "\u{FF12}",
        "\u{1D7CE}",
        "\u{B2}",
        ":",
        ".",
        ",",
        "(",
        ")",
        "-",
        "/",
        "_",
        "'",
        " ",
        " ",
        " ",
        "  ",
        "\u{A0}",
        "\t",
        "\n",
        "\r",
        "\u{3000}",
        "\u{2028}",
        "é",
        "É",
        "\u{301}",
        "\u{200D}",
        "\u{131}",
        "\u{130}",
        "ß",
        "\u{212B}",
    ];

    fn token() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => prop::sample::select(TOKENS).prop_map(String::from),
            1 => "[a-zA-Z]{1,3}",
            1 => any::<char>().prop_map(String::from),
        ]
    }

    fn tokens(n: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(token(), 0..n).prop_map(|t| t.concat())
    }

    /// One of `valid` five times in six, else one of `near`.
    fn pick(
        valid: &'static [&'static str],
        near: &'static [&'static str],
    ) -> BoxedStrategy<String> {
        prop_oneof![
            5 => prop::sample::select(valid).prop_map(String::from),
            1 => prop::sample::select(near).prop_map(String::from),
        ]
        .boxed()
    }

    /// White space, some of it.
    const SPACE: &[&str] = &[
        " ",
        " ",
        "  ",
        "\t",
        "\u{A0}",
        "\n",
        " \u{3000}",
        "\u{2028}",
    ];
    /// Anything where white space may be: none, or some.
    const NO_SPACE: &[&str] = &["", "", "", " ", "\u{A0}\n"];

    /// Section rows, well formed or nearly.
    fn section_like() -> impl Strategy<Value = String> {
        vec![
            pick(NO_SPACE, SPACE),
            pick(
                &[
                    "",
                    "I.",
                    "IV.",
                    "iv.",
                    "A.",
                    "b.",
                    "\u{212A}.",
                    "\u{17F}.",
                    "3.",
                    "12.",
                    "\u{663}.",
                    "\u{FF12}.",
                ],
                &[
                    "\u{B2}.", "IVa.", "I", "3", "(1)", "1)", "S.", "x.", "-", "3. 4.",
                ],
            ),
            pick(NO_SPACE, SPACE),
            pick(
                &["SUB", "Sub", "sub", "\u{17F}UB"],
                &["SU B", "SUP", "", "SUBB"],
            ),
            pick(NO_SPACE, SPACE),
            pick(&["", "-"], &["--", "\u{2010}", ":"]),
            pick(NO_SPACE, SPACE),
            pick(
                &["GUGUS", "Gugus", "GUGU\u{17F}", "gugus"],
                &["GUGU", "GUGUSS", "GUG US"],
            ),
            pick(NO_SPACE, SPACE),
            pick(
                &["", "TUGAS", "Tugas", "TUGA\u{17F}"],
                &["TUGA", "TUGASX", "TUGAS TUGAS"],
            ),
            pick(NO_SPACE, SPACE),
            pick(&["", ":"], &["::", ";", ": :"]),
            pick(NO_SPACE, SPACE),
            tokens(6).boxed(),
        ]
        .prop_map(|parts| parts.concat())
    }

    /// Regulation titles, well formed or nearly, one to three of them.
    fn regulation_like() -> impl Strategy<Value = String> {
        let one = vec![
            tokens(3).boxed(),
            pick(
                &["PERATURAN", "Peraturan", "peraturan"],
                &["PERATURANX", "PERATURA", ""],
            ),
            pick(&[" ", "  ", "\u{A0}", "\n "], &["", "-"]),
            pick(
                &[
                    "GUBERNUR",
                    "Bupati",
                    "WALI KOTA",
                    "Walikota",
                    "WALI\u{A0}\u{212A}OTA",
                    "DAERAH",
                    "wali  kota",
                ],
                &["BUPAT", "WALI", "GUBERNURX", "DAERAH\u{301}", "DAERAH_"],
            ),
            pick(&["", " ", ",", "\u{3000}"], &["S", "\u{301}", "_", "\n"]),
            tokens(4).boxed(),
            pick(&[" ", "", "/", "("], &["x", "\n", "\u{200D}", "_"]),
            pick(&["NOMOR", "Nomor", "nomor"], &["NOMER", "NOMO", ""]),
            pick(NO_SPACE, SPACE),
            pick(&["", ":"], &[": :", "::"]),
            pick(NO_SPACE, SPACE),
            pick(
                &[
                    "7",
                    "12/2021",
                    "188.3/45",
                    "4a",
                    "1-K",
                    "01/\u{212A}",
                    "1\u{17F}",
                    "3/",
                    "45/Kep/2019.",
                ],
                &["x1", "\u{663}", "1,2", "", "\u{FF12}"],
            ),
            pick(&[" ", "  ", "\u{A0}", "\n"], &["", "_"]),
            pick(&["TAHUN", "Tahun", "tahun"], &["TAHUNAN", "TAHU", ""]),
            pick(&[" ", "  ", "\u{A0}", "\n"], &["", "-"]),
            pick(
                &[
                    "2021",
                    "1999",
                    "20\u{663}\u{664}",
                    "20212",
                    "2099",
                    "19\u{1D7CE}\u{1D7CF}",
                ],
                &["2\u{663}21", "21", "202", "1899", "19\u{B2}0", "202x"],
            ),
            tokens(3).boxed(),
        ]
        .prop_map(|parts| parts.concat());
        prop::collection::vec(one, 1..4).prop_map(|t| t.concat())
    }

    /// Province names in running text, well formed or nearly.
    fn province_like() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            4 => pick(
                &["JAWA", "Tengah", "BALI", "NUSA", "TENGGARA", "Barat", "DAERAH", "ISTIMEWA", "A", "\u{212A}EPULAUAN", "RIAU\u{17F}"],
                &["TAHUN", "TAHUNAN", "Tahun", "é", "2020", "", "\u{301}"],
            ),
            1 => "[a-zA-Z]{1,6}".boxed(),
        ];
        let gap = pick(
            &[" ", " ", " ", "\u{A0}", "\t"],
            &["  ", "", "-", "\n", ", ", " ("],
        );
        let words = prop::collection::vec((word, gap), 0..7)
            .prop_map(|w| w.into_iter().map(|(w, g)| w + &g).collect::<String>());
        let one = vec![
            tokens(3).boxed(),
            pick(&["", " ", "(", "\n"], &["x", "_", "\u{301}", "\u{200D}"]),
            pick(
                &["PROVINSI", "Provinsi", "PROVIN\u{17F}I"],
                &["PROVINS", "PROVINSIX", "PROVINSI_"],
            ),
            pick(&[" ", "  ", "\u{A0}", "\n"], &["", "-"]),
            words.boxed(),
            pick(
                &["", " TAHUN 2020", "TAHUN", ",", " .", "(", " ", "\n"],
                &[" TAHUNAN", " TAHUN\u{301}", " TAHUN_", " 2020", ")", "x"],
            ),
            tokens(2).boxed(),
        ]
        .prop_map(|parts| parts.concat());
        prop::collection::vec(one, 1..3).prop_map(|t| t.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn matchers_agree_with_patterns_on_any_tokens(text in tokens(24)) {
            agree(&text);
        }

        #[test]
        fn section_name_agrees_with_pattern(text in section_like()) {
            prop_assert_eq!(section_name(&text), section_by_regex(&text));
        }

        #[test]
        fn regulation_agrees_with_pattern(text in regulation_like()) {
            prop_assert_eq!(regulation(&text), regulation_by_regex(&text));
            prop_assert_eq!(regulation(&text).is_some(), REGULATION.is_match(&text));
        }

        #[test]
        fn province_agrees_with_pattern(text in province_like()) {
            prop_assert_eq!(province(&text), province_by_regex(&text));
        }
    }
}
