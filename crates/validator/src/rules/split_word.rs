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
///
/// A piece is the left half of one pair and the right half of the next:
/// only the word each pair needs is cut out of it.
#[derive(Debug, Clone, Copy)]
struct Half<'a> {
    piece: &'a Piece<'a>,
}

impl<'a> Half<'a> {
    fn new(piece: &'a Piece<'a>) -> Half<'a> {
        Half { piece }
    }

    /// As a left half: the piece from its first letter, with its length in
    /// characters, when that is all letters.
    fn left(&self) -> Option<(&'a str, usize)> {
        self.word(|text| text.trim_start_matches(|c: char| !c.is_alphabetic()))
    }

    /// As a right half: the piece up to its last letter, with its length,
    /// when that is all letters.
    fn right(&self) -> Option<(&'a str, usize)> {
        self.word(|text| text.trim_end_matches(|c: char| !c.is_alphabetic()))
    }

    /// The word that `trim` leaves of the piece, with its length, when that
    /// is all letters.
    fn word(&self, trim: impl FnOnce(&'a str) -> &'a str) -> Option<(&'a str, usize)> {
        // Usually the whole piece is letters, and so is the word.
        if let Some(len) = self.piece.letters() {
            return Some((self.piece.text, len));
        }
        let word = trim(self.piece.text);
        alphabetic_len(word).map(|len| (word, len))
    }

    /// Whether `known` knows `word`, one of the half's words: by the
    /// piece's number when the piece is all letters, and so is the word.
    fn knows(&self, word: &'a str, known: &Known<'a>) -> bool {
        if self.piece.letters().is_some() {
            known.knows_piece(self.piece)
        } else {
            known.knows(word)
        }
    }
}

/// The pieces of a text (`pieces`) that are one word cut in two, as printed.
pub(crate) fn split_words<'a>(pieces: &'a [Piece<'a>], known: &Known<'a>) -> Vec<String> {
    let mut found = Vec::new();
    for pair in pieces.windows(2) {
        let [left, right] = pair else { continue };
        if let Some(pair) = cut_in_two(left, right, known) {
            found.push(pair);
        }
    }
    found
}

/// Two neighbouring pieces of text as one word cut in two (`Bin- mas`,
/// `Kese hatan`), if they are one.
fn cut_in_two<'a>(left: &'a Piece<'a>, right: &'a Piece<'a>, known: &Known<'a>) -> Option<String> {
    // The usual pair, two pieces of letters only, is neither a hyphen's
    // nor needs the words cut out of the pieces.
    if let (Some(left_len), Some(right_len)) = (left.letters(), right.letters()) {
        if known.is_empty() || !long_enough(left_len, right_len) {
            return None;
        }
        if known.knows_piece(left) && known.knows_piece(right) {
            return None;
        }
        return joined(left.text, right.text, known);
    }
    cut_halves(&Half::new(left), &Half::new(right), known)
}

/// [`cut_in_two`] for any two pieces, as halves.
fn cut_halves<'a>(left: &Half<'a>, right: &Half<'a>, known: &Known<'a>) -> Option<String> {
    if let Some(stem) = left.piece.text.strip_suffix('-') {
        let right_word = right
            .right()
            .filter(|(word, _)| word.chars().next().is_some_and(char::is_lowercase));
        let cut = stem.chars().last().is_some_and(char::is_alphabetic)
            && right_word.is_some()
            && !AFTER_SUSPENDED_HYPHEN.contains(&right.piece.text);
        return right_word
            .filter(|_| cut)
            .map(|(word, _)| format!("{} {word}", left.piece.text));
    }
    if known.is_empty() {
        return None;
    }
    let ((left_word, left_len), (right_word, right_len)) = (left.left()?, right.right()?);
    if !long_enough(left_len, right_len) {
        return None;
    }
    if left.knows(left_word, known) && right.knows(right_word, known) {
        return None;
    }
    joined(left_word, right_word, known)
}

/// Whether words of `left` and `right` letters are long enough to be the
/// halves of a word cut in two.
fn long_enough(left: usize, right: usize) -> bool {
    left >= 2 && right >= 2 && left + right >= 6
}

/// The two words as printed when, joined, they are a known word.
fn joined(left: &str, right: &str, known: &Known<'_>) -> Option<String> {
    let vocabulary = known.vocabulary();
    let knows = known.with_lower_case(&[left, right], |joined| vocabulary.knows(joined));
    knows.then(|| format!("{left} {right}"))
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
    use crate::rules::{known_pieces, Pieces};

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
    fn pairs_of_letters_are_cut_as_any_pair_is() {
        let texts = [
            "Dinas Keseha tan Provinsi Pari wisata para pelaku dan a dana",
            "Kes ehatan kesehatan Pariwisat a wi sata di nas DINAS kese HATAN",
            "ab cd abc d Provin si pel aku para a da na",
        ];
        let mut doc = document(vec![record(1)]);
        doc.records[0].kegiatan = texts.iter().map(|t| t.to_string()).collect();
        let pieces = Pieces::new(&doc);
        let words = words();
        for known_pieces in [known_pieces(&pieces, &words, false), Vec::new()] {
            let known = Known::new(&words, &known_pieces);
            let mut cuts = 0;
            for text in pieces.of(0, Field::Kegiatan) {
                for pair in text.windows(2) {
                    let [left, right] = pair else { continue };
                    let general = cut_halves(&Half::new(left), &Half::new(right), &known);
                    cuts += usize::from(general.is_some());
                    assert_eq!(cut_in_two(left, right, &known), general);
                }
            }
            assert!(cuts >= 4, "{cuts} cuts");
        }
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
