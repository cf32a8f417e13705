//! `split-word`: a word still cut in two after text restoration.
//!
//! **What it does.** Reports, once per record and field, two neighbouring
//! pieces of text that are one word cut in two:
//!
//! - a piece ending with a hyphen followed by a piece in lower case
//!   (`Bin- mas`, `Huku- m`): a line-break hyphen that was kept; a
//!   suspended hyphen before `dan`, `atau`, `serta` (`pra- dan pasca-`) is
//!   the author's;
//! - with a lexicon loaded: two pieces, at least one of them unknown, that
//!   make a known word when joined (`Pariwisa ta`, `Kese hatan`).
//!
//! **Why.** Converters put spaces where the PDF wrapped a word. Restoration
//! joins them where the lexicon allows; what is left is wrong text in the
//! output.
//!
//! **Example.**
//! ```text
//! | Dinas Kese hatan | ...   <- split-word: "Kese hatan"
//! ```

use super::{texts, Context, Vocabulary};
use crate::codes::{Code, Stage};
use crate::words::quote_list;
use pergub_model::{Diagnostic, Field, Severity};

/// The code.
pub(crate) const CODE: Code = Code {
    name: "split-word",
    severity: Severity::Warning,
    stage: Stage::Validator,
    summary: "a word is still cut in two after restoration (`Kese hatan`, `Bin- mas`)",
    why: "converters put spaces where the PDF wrapped a word; what restoration could not join is wrong text in the output",
    help: "join the word in the source, or add it to the lexicon so restoration can join it",
};

/// Words that may follow a suspended hyphen (`pra- dan pasca-`).
const AFTER_SUSPENDED_HYPHEN: &[&str] = &["dan", "atau", "serta", "maupun", "hingga", "s.d."];

fn is_alphabetic(piece: &str) -> bool {
    !piece.is_empty() && piece.chars().all(char::is_alphabetic)
}

/// The pieces of `text` that are one word cut in two, as printed.
pub(crate) fn split_words(text: &str, vocabulary: &dyn Vocabulary) -> Vec<String> {
    let pieces: Vec<&str> = text.split_whitespace().collect();
    let mut found = Vec::new();
    for pair in pieces.windows(2) {
        let [left, right] = pair else { continue };
        let right_word = right.trim_end_matches(|c: char| !c.is_alphabetic());
        if let Some(stem) = left.strip_suffix('-') {
            let cut = stem.chars().last().is_some_and(char::is_alphabetic)
                && right_word.chars().next().is_some_and(char::is_lowercase)
                && is_alphabetic(right_word)
                && !AFTER_SUSPENDED_HYPHEN.contains(right);
            if cut {
                found.push(format!("{left} {right_word}"));
            }
            continue;
        }
        let left_word = left.trim_start_matches(|c: char| !c.is_alphabetic());
        if vocabulary.is_empty() || !is_alphabetic(left_word) || !is_alphabetic(right_word) {
            continue;
        }
        if left_word.chars().count() < 2 || right_word.chars().count() < 2 {
            continue;
        }
        if vocabulary.knows(left_word) && vocabulary.knows(right_word) {
            continue;
        }
        let joined = format!("{left_word}{right_word}");
        if joined.chars().count() >= 6 && vocabulary.knows(&joined) {
            found.push(format!("{left_word} {right_word}"));
        }
    }
    found
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for record in &cx.doc.records {
        for field in Field::ALL {
            let mut split: Vec<String> = Vec::new();
            for text in texts(record, field) {
                for pair in split_words(text, cx.vocabulary) {
                    if !split.contains(&pair) {
                        split.push(pair);
                    }
                }
            }
            if split.is_empty() {
                continue;
            }
            let noun = if split.len() == 1 {
                "a word looks"
            } else {
                "words look"
            };
            out.push(
                CODE.diagnostic(format!("{noun} cut in two: {}", quote_list(&split, 3)))
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
    use crate::rules::test_support::{agency, check_plain, check_with, document, record, Words};

    fn words() -> Words {
        Words::of(&[
            "dinas",
            "kesehatan",
            "pariwisata",
            "provinsi",
            "para",
            "pelaku",
            "dan",
            "a",
            "dana",
        ])
    }

    #[test]
    fn kept_line_break_hyphens_need_no_lexicon() {
        let mut bad = record(4);
        bad.pelaksana = vec![
            agency("Direktorat Bin- mas Polda", None),
            agency("Bidang Huku- m Polda", None),
        ];
        let found = check_plain(check, &document(vec![bad]));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "words look cut in two: \"Bin- mas\", \"Huku- m\""
        );
        assert_eq!(
            (found[0].record, found[0].field.as_deref()),
            (Some(4), Some("pelaksana"))
        );
    }

    #[test]
    fn pieces_that_join_into_a_known_word_are_split() {
        let mut bad = record(1);
        bad.instansi = vec![agency("Dinas Kese hatan Provinsi", None)];
        bad.kegiatan = vec!["Promosi Pariwisa ta.".into()];
        let found = check_with(check, &document(vec![bad]), &words());
        let got: Vec<_> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            got,
            [
                "a word looks cut in two: \"Kese hatan\"",
                "a word looks cut in two: \"Pariwisa ta\""
            ]
        );
    }

    #[test]
    fn known_neighbours_and_suspended_hyphens_are_clean() {
        let mut clean = record(1);
        clean.kegiatan = vec![
            "Pendampingan para pelaku dan a".into(),
            "Layanan pra- dan pasca-pemberangkatan".into(),
        ];
        assert!(check_with(check, &document(vec![clean]), &words()).is_empty());
    }
}
