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

use super::{Context, Known, Piece};
use crate::codes::{Code, Stage};
use crate::words::alphabetic_len;
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

/// A piece of text between spaces, as the left or the right half of a word
/// cut in two.
#[derive(Debug, Clone, Copy)]
struct Half<'a> {
    piece: &'a str,
    /// As a left half: the piece from its first letter, with its length in
    /// characters, when that is all letters.
    left: Option<(&'a str, usize)>,
    /// As a right half: the piece up to its last letter, with its length,
    /// when that is all letters.
    right: Option<(&'a str, usize)>,
}

impl<'a> Half<'a> {
    fn new(piece: &Piece<'a>) -> Half<'a> {
        // Usually the whole piece is letters, and both words are the piece.
        if let Some(len) = piece.letters {
            let whole = Some((piece.text, len));
            return Half {
                piece: piece.text,
                left: whole,
                right: whole,
            };
        }
        let letters = |word: &'a str| alphabetic_len(word).map(|len| (word, len));
        Half {
            piece: piece.text,
            left: letters(piece.text.trim_start_matches(|c: char| !c.is_alphabetic())),
            right: letters(piece.text.trim_end_matches(|c: char| !c.is_alphabetic())),
        }
    }
}

/// The pieces of a text (`pieces`) that are one word cut in two, as printed.
pub(crate) fn split_words<'a>(pieces: &[Piece<'a>], known: &Known<'a>) -> Vec<String> {
    let mut found = Vec::new();
    let mut pieces = pieces.iter().map(Half::new);
    let Some(mut left) = pieces.next() else {
        return found;
    };
    // The right half of one pair is the left half of the next: the
    // answer for the last word asked is kept.
    let mut last: Option<(&'a str, bool)> = None;
    let mut knows = |word: &'a str| match last {
        Some((asked, answer)) if asked == word => answer,
        _ => {
            let answer = known.knows(word);
            last = Some((word, answer));
            answer
        }
    };
    for right in pieces {
        if let Some(pair) = cut_in_two(&left, &right, known, &mut knows) {
            found.push(pair);
        }
        left = right;
    }
    found
}

/// Two neighbouring pieces of text as one word cut in two (`Bin- mas`,
/// `Kese hatan`), if they are one. `knows` answers for the words of the
/// pieces.
fn cut_in_two<'a>(
    left: &Half<'a>,
    right: &Half<'a>,
    known: &Known<'a>,
    knows: &mut impl FnMut(&'a str) -> bool,
) -> Option<String> {
    if let Some(stem) = left.piece.strip_suffix('-') {
        let right_word = right
            .right
            .filter(|(word, _)| word.chars().next().is_some_and(char::is_lowercase));
        let cut = stem.chars().last().is_some_and(char::is_alphabetic)
            && right_word.is_some()
            && !AFTER_SUSPENDED_HYPHEN.contains(&right.piece);
        return right_word
            .filter(|_| cut)
            .map(|(word, _)| format!("{} {word}", left.piece));
    }
    if known.is_empty() {
        return None;
    }
    let ((left_word, left_len), (right_word, right_len)) = (left.left?, right.right?);
    if left_len < 2 || right_len < 2 || left_len + right_len < 6 {
        return None;
    }
    if knows(left_word) && knows(right_word) {
        return None;
    }
    let joined = format!("{left_word}{right_word}");
    known
        .vocabulary()
        .knows(&joined)
        .then(|| format!("{left_word} {right_word}"))
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (index, record) in cx.doc.records.iter().enumerate() {
        for field in Field::ALL {
            let mut split: Vec<String> = Vec::new();
            for pieces in cx.pieces.of(index, field) {
                for pair in split_words(pieces, &cx.known) {
                    if !split.contains(&pair) {
                        split.push(pair);
                    }
                }
            }
            if split.is_empty() {
                continue;
            }
            out.push(super::words_diagnostic(
                &CODE,
                &split,
                ("a word looks", "words look"),
                "cut in two",
                record,
                field,
            ));
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
