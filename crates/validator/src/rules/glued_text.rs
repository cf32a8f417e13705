//! `glued-text`: words still glued together after text restoration.
//!
//! **What it does.** Looks at every word of every text item and agency
//! mention and reports, once per record and field, the words that still
//! look like two words run together:
//!
//! - a lower-case letter followed by an upper-case one inside a word, after
//!   a run of at least four letters (`DinasKesehatan`, `GugusTugas`), or an
//!   acronym of three capitals or more run into a lower-case word
//!   (`TKIbagicalon`), which needs no lexicon; acronyms (`TPPO`) and short
//!   prefixes (`eKTP`, `SiCantik`, `PKorban`) are not glue;
//! - with a lexicon loaded: a word of ten letters or more that the lexicon
//!   does not know and that splits into two or three common words of four
//!   letters or more (`pemberdayaanmasyarakat`, `meningkatnyakesadaran`), or an unknown
//!   word of twenty letters or more. Shorter unknown words are the author's
//!   typos (`rincit`, `setiapp`) far more often than glue, and restoration
//!   keeps typos as typed.
//!
//! **Why.** Converters drop the spaces at PDF line breaks. Restoration puts
//! them back where the lexicon allows; what is left is wrong text in the
//! output, and a reviewer should fix the source or the lexicon.
//!
//! **Example.**
//! ```text
//! | Dinas Sosial | Pemberdayaanmasyarakat wisata | ...   <- glued-text: "Pemberdayaanmasyarakat"
//! ```

use super::{Context, Known, Piece, Vocabulary};
use crate::codes::{Code, Stage};
use crate::words::{is_upper, words};
use pergub_model::{Diagnostic, Field, Severity};

/// The code.
pub(crate) const CODE: Code = Code {
    name: "glued-text",
    severity: Severity::Warning,
    stage: Stage::Validator,
    summary: "a word still looks like two or more words run together after restoration",
    why: "converters drop spaces at line breaks; what restoration could not separate is wrong text in the output",
    help: "separate the words in the source, or add the missing word to the lexicon so restoration can split it",
};

/// Word parts that are affixes, not words, when a glued word is split.
const AFFIXES: &[&str] = &[
    "ber", "per", "ter", "pen", "pem", "peng", "peny", "mem", "men", "meng", "meny", "kan", "nya",
    "lah", "kah", "pun", "wan", "wati", "isasi", "antar", "non", "pra", "pasca", "sub", "swa",
];

/// Shortest word part a split may produce. Shorter parts would let the
/// short entries of a frequency lexicon split the author's own typos
/// (`rincit`, `setiapp`), which restoration keeps as typed.
const MIN_PART: usize = 4;

/// Least zipf value (log10 of the frequency per billion words) of a word
/// part: the words that lose their spaces in plans are common ones, while
/// a rare or merely derivable part is weak evidence of glue.
const MIN_PART_ZIPF: f32 = 3.0;

/// Shortest word the split test looks at.
const MIN_SPLIT_WORD: usize = 10;

/// Upper-case run that, followed by lower case, is an acronym glued to a
/// word (`TKIbagicalon`); `PKorban` and `SiLPA` are left alone.
const MIN_ACRONYM: usize = 3;

/// Unknown words at least this long are reported even when they do not split.
const LONG_WORD: usize = 20;

/// Whether `part` (lower case) is a common known word, or one with the
/// clitic `-nya`.
fn known_part(part: &str, vocabulary: &dyn Vocabulary) -> bool {
    if part.chars().count() < MIN_PART || AFFIXES.contains(&part) {
        return false;
    }
    let common = |w: &str| vocabulary.zipf(w).is_some_and(|z| z >= MIN_PART_ZIPF);
    common(part)
        || part
            .strip_suffix("nya")
            .is_some_and(|stem| stem.chars().count() >= MIN_PART && common(stem))
}

/// Whether `word` (lower case) is two or three known parts run together.
///
/// Only the cuts that leave [`MIN_PART`] letters or more on each side are
/// tried: a shorter right side is no part, nor splits, so the look-up of
/// the left side would be wasted.
fn splits(word: &str, vocabulary: &dyn Vocabulary, parts: usize) -> bool {
    let cuts = word.chars().count().saturating_sub(2 * MIN_PART - 1);
    word.char_indices()
        .skip(MIN_PART)
        .take(cuts)
        .any(|(at, _)| {
            let (left, right) = word.split_at(at);
            known_part(left, vocabulary)
                && (known_part(right, vocabulary)
                    || (parts > 2 && splits(right, vocabulary, parts - 1)))
        })
}

/// Whether `word` has a lower-to-upper case change after a run of at
/// least four letters.
fn camel_break(word: &str) -> bool {
    if word.is_ascii() {
        let glued = |pair: &[u8]| matches!(pair, [a, b] if a.is_ascii_lowercase() && b.is_ascii_uppercase());
        return word.as_bytes().windows(2).skip(3).any(glued);
    }
    let mut chars = word.chars();
    let Some(mut prev) = chars.nth(3) else {
        return false;
    };
    chars.any(|c| {
        let glued = prev.is_lowercase() && c.is_uppercase();
        prev = c;
        glued
    })
}

/// Whether `word` starts with an acronym glued to a lower-case word.
fn acronym_glue(word: &str) -> bool {
    let split = word
        .char_indices()
        .find(|(_, c)| !c.is_uppercase())
        .map_or(word.len(), |(at, _)| at);
    let (upper, rest) = word.split_at(split);
    upper.chars().count() >= MIN_ACRONYM
        && rest.chars().count() >= 3
        && rest.chars().all(char::is_lowercase)
        && !AFFIXES.contains(&rest)
}

/// Whether one word of restored text still looks glued.
pub(crate) fn is_glued<'a>(word: &'a str, known: &Known<'a>) -> bool {
    glued(word, known, || known.knows(word))
}

/// [`is_glued`], with `knows` telling whether `known` knows `word` (asked
/// once at most).
///
/// The tests that need no lexicon come first: most words are short and
/// plain, and never reach a look-up.
fn glued<'a>(word: &'a str, known: &Known<'a>, knows: impl FnOnce() -> bool) -> bool {
    // Most words: short, plain ASCII, no capital run to start.
    if word.len() < MIN_SPLIT_WORD && word.is_ascii() {
        let bytes = word.as_bytes();
        let capitals = bytes.len() >= MIN_ACRONYM
            && bytes.iter().take(MIN_ACRONYM).all(u8::is_ascii_uppercase);
        if !capitals && !camel_break(word) {
            return false;
        }
    }
    if is_upper(word) {
        return false;
    }
    if camel_break(word) || acronym_glue(word) {
        return !knows();
    }
    // Lower case has at most as many letters as the word has bytes.
    if known.is_empty() || word.len() < MIN_SPLIT_WORD {
        return false;
    }
    let lower = |word: &str| word.to_lowercase();
    let len = if word.is_ascii() {
        word.len()
    } else {
        lower(word).chars().count()
    };
    if len < MIN_SPLIT_WORD || knows() {
        return false;
    }
    let vocabulary = known.vocabulary();
    len >= LONG_WORD || known.with_lower_case(&[word], |lower| splits(lower, vocabulary, 3))
}

/// Whether a piece of text holds a word that still looks glued. White
/// space is no letter: a text's words are its pieces' words, and a piece
/// of letters only is one word.
fn holds_glued<'a>(piece: &Piece<'a>, known: &Known<'a>) -> bool {
    match piece.letters() {
        Some(_) => glued(piece.text, known, || known.knows_piece(piece)),
        None => words(piece.text).any(|word| is_glued(word, known)),
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // A plan repeats its words: whether a piece holds a glued word is
    // found out once for all its copies.
    let any_glued: Vec<bool> = (cx.pieces.distinct_pieces())
        .map(|piece| holds_glued(&piece, &cx.known))
        .collect();
    // Usually no piece holds one, and no record need be read.
    if cx.pieces.all_numbered() && !any_glued.contains(&true) {
        return;
    }
    for (index, record) in cx.doc.records.iter().enumerate() {
        for field in Field::ALL {
            let mut found: Vec<&str> = Vec::new();
            let mut add = |word| {
                if !found.contains(&word) {
                    found.push(word);
                }
            };
            for pieces in cx.pieces.of(index, field) {
                for piece in pieces {
                    let any = any_glued.get(piece.word()).copied();
                    if !any.unwrap_or_else(|| holds_glued(piece, &cx.known)) {
                        continue;
                    }
                    match piece.letters() {
                        Some(_) => add(piece.text),
                        None => words(piece.text)
                            .filter(|word| is_glued(word, &cx.known))
                            .for_each(&mut add),
                    }
                }
            }
            if found.is_empty() {
                continue;
            }
            out.push(super::words_diagnostic(
                &CODE,
                &found,
                ("word looks", "words look"),
                "glued together",
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
            "peningkatan",
            "jumlah",
            "wisata",
            "pulih",
            "kondisi",
            "psikososial",
            "dinas",
            "pariwisata",
            "per",
            "dagangan",
            "perdagangan",
            "orang",
            "tanjungpinang",
            "kota",
        ])
    }

    #[test]
    fn camel_case_glue_needs_no_lexicon() {
        let mut bad = record(1);
        bad.instansi = vec![agency("DinasKesehatan Provinsi Bali", None)];
        bad.pelaksana = vec![agency("Tim GugusT ugas", None)];
        let found = check_plain(check, &document(vec![bad]));
        let got: Vec<_> = found
            .iter()
            .map(|d| (d.field.as_deref(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("instansi"),
                    "word looks glued together: \"DinasKesehatan\""
                ),
                (Some("pelaksana"), "word looks glued together: \"GugusT\""),
            ]
        );
        assert_eq!(found[0].record, Some(1));
    }

    #[test]
    fn unknown_words_that_split_into_known_ones_are_glued() {
        let mut bad = record(1);
        bad.indikator.hasil = vec![
            "Pemberdayaanmasyarakat wisata".into(),
            "Meningkatnyakesadaran psikososial".into(),
        ];
        let found = check_with(check, &document(vec![bad]), &words());
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "words look glued together: \"Pemberdayaanmasyarakat\", \"Meningkatnyakesadaran\""
        );
        assert_eq!(found[0].field.as_deref(), Some("indikator.hasil"));
    }

    #[test]
    fn known_words_acronyms_and_short_prefixes_are_not_glue() {
        let mut clean = record(1);
        clean.kegiatan = vec!["Perdagangan orang di Kota Tanjungpinang".into()];
        clean.indikator.hasil =
            vec!["Layanan eKTP dan SiCantik untuk P2TP2A, KTA/PKorban TPPO".into()];
        assert!(check_with(check, &document(vec![clean]), &words()).is_empty());
    }

    #[test]
    fn short_typos_are_the_authors_not_glue() {
        let typos = Words::of(&[
            "rin",
            "cit",
            "setiap",
            "regu",
            "las",
            "trauma",
            "tik",
            "pandeglang",
        ]);
        for word in ["rincit", "setiapp", "regulas", "traumatik", "Pandeglan"] {
            assert!(!is_glued(word, &Known::new(&typos, &[])), "{word}");
        }
    }

    #[test]
    fn acronyms_run_into_words_are_glued() {
        let none = Words::of(&[]);
        let known = Known::new(&none, &[]);
        assert!(is_glued("TKIbagicalon", &known));
        assert!(!is_glued("TKI", &known));
        assert!(!is_glued("PKorban", &known));
        assert!(!is_glued("TPPOnya", &known));
    }

    #[test]
    fn affixes_do_not_count_as_words() {
        // "per" + "dagangan" would split, but "per" is a prefix here.
        let words = words();
        let known = Known::new(&words, &[]);
        assert!(!is_glued("perdaganganx", &known));
        assert!(!is_glued("perdagangan", &known));
    }

    #[test]
    fn remembering_pieces_finds_what_asking_word_by_word_finds() {
        let texts = [
            "DinasPerikanan dan DinasPerikanan, BNNbagiremaja (BNNbagiremaja)",
            "Pemberdayaanmasyarakat wisata Pemberdayaanmasyarakat; LPA/AAnak R2PK2B",
            "SatuanT ugas perdagangan Perdaganganorang kotaTanjungpinang",
            "Pelatihankaderposyandubalitadesa eKTP SiCantik TPPOnya",
            "Dinаs Kesehatanprovinsi-Pariwisata \u{d6}ffentlichDienst",
        ];
        let records = (1..)
            .zip(texts.iter().chain(texts.iter().rev()))
            .map(|(no, text)| {
                let mut r = record(no);
                r.kegiatan = vec![text.to_string(), "Pelatihan kader".into()];
                r.pelaksana = vec![agency(text, None)];
                r
            })
            .collect();
        let doc = document(records);
        for vocabulary in [words(), Words::of(&[])] {
            let known = Known::new(&vocabulary, &[]);
            let mut expected = Vec::new();
            for record in &doc.records {
                for field in Field::ALL {
                    let mut glued: Vec<&str> = Vec::new();
                    for text in crate::rules::texts(record, field) {
                        for word in crate::words::words(text) {
                            if is_glued(word, &known) && !glued.contains(&word) {
                                glued.push(word);
                            }
                        }
                    }
                    if !glued.is_empty() {
                        let (subjects, what) = (("word looks", "words look"), "glued together");
                        let found = crate::rules::words_diagnostic(
                            &CODE, &glued, subjects, what, record, field,
                        );
                        expected.push(found);
                    }
                }
            }
            assert!(expected.len() >= 10, "{expected:?}");
            assert_eq!(check_with(check, &doc, &vocabulary), expected);
        }
    }

    /// [`splits`] trying every cut, as the rule reads.
    fn splits_at_every_cut(word: &str, vocabulary: &dyn Vocabulary, parts: usize) -> bool {
        word.char_indices().skip(MIN_PART).any(|(at, _)| {
            let (left, right) = word.split_at(at);
            known_part(left, vocabulary)
                && (known_part(right, vocabulary)
                    || (parts > 2 && splits_at_every_cut(right, vocabulary, parts - 1)))
        })
    }

    #[test]
    fn only_cuts_with_room_for_two_parts_are_tried() {
        let vocabulary = Words::of(&[
            "dinas",
            "sosial",
            "desa",
            "kader",
            "kaderya",
            "wisata",
            "sosialnya",
            "kota",
            "kotaku",
            "pela",
            "pelaku",
            "dinasti",
            "çağdaş",
            "ölçü",
        ]);
        let mut found = 0;
        for word in [
            "dinassosial",
            "dinassosialdesa",
            "dinassosiald",
            "dinassosia",
            "desakaderwisata",
            "desakaderwisat",
            "kaderyawisata",
            "sosialnyadesa",
            "kotakukota",
            "pelakukota",
            "dinastidesa",
            "desakota",
            "desakot",
            "desadesadesadesa",
            "çağdaşölçü",
            "çağdaşölç",
            "desaçağdaş",
            "abc",
            "",
        ] {
            for parts in [2, 3] {
                let fast = splits(word, &vocabulary, parts);
                assert_eq!(
                    fast,
                    splits_at_every_cut(word, &vocabulary, parts),
                    "{word} {parts}"
                );
                found += usize::from(fast);
            }
        }
        assert!(found >= 10, "{found} split");
    }

    #[test]
    fn without_a_lexicon_only_camel_case_is_reported() {
        let mut text = record(1);
        text.indikator.hasil = vec!["Pemberdayaanmasyarakat wisata".into()];
        assert!(check_plain(check, &document(vec![text])).is_empty());
    }
}
