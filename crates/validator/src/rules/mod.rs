//! The validator's rules, one file each. Every file documents its code
//! (what it does, why, an example) and tests a malformed input that
//! triggers it and a clean one that does not.

pub(crate) mod duplicate_record;
pub(crate) mod empty_required_field;
pub(crate) mod glued_text;
pub(crate) mod missing_column;
pub(crate) mod mixed_script;
pub(crate) mod no_year_marked;
pub(crate) mod split_word;
pub(crate) mod year_outside_period;

use crate::codes::Code;
use crate::words::{
    alphabetic_len, is_plain, lower_case_hash, pieces, plain_pieces, quote_list, with_lower_case,
    word_hash, WordMap,
};
use pergub_model::{Diagnostic, Document, Field, Record};
use rayon::prelude::*;
use std::cell::RefCell;
use std::ops::Range;

/// The words a rule may treat as known Indonesian.
pub(crate) trait Vocabulary {
    /// How common `word` (any case) is, as a zipf value (log10 of its
    /// frequency per billion words), if it is a known word.
    fn zipf(&self, word: &str) -> Option<f32>;
    /// Whether `word` (any case) is a known word.
    fn knows(&self, word: &str) -> bool {
        self.zipf(word).is_some()
    }
    /// Whether no word is known at all (rules that need words then stay quiet).
    fn is_empty(&self) -> bool;
}

impl Vocabulary for pergub_normaliser::Lexicon {
    fn zipf(&self, word: &str) -> Option<f32> {
        pergub_normaliser::Lexicon::zipf(self, word)
    }

    fn is_empty(&self) -> bool {
        pergub_normaliser::Lexicon::is_empty(self)
    }
}

/// What every rule reads.
pub(crate) struct Context<'a> {
    /// The finished document, with the earlier stages' diagnostics.
    pub doc: &'a Document,
    /// Known words, with the answers for the document's words remembered.
    pub known: Known<'a>,
    /// The texts of the records, cut into pieces at white space.
    pub pieces: &'a Pieces<'a>,
}

impl<'a> Context<'a> {
    /// The context of one validation of `doc`, whose texts `pieces` cut,
    /// and of which `vocabulary` knows `known_pieces` ([`known_pieces`]).
    pub fn new(
        doc: &'a Document,
        vocabulary: &'a dyn Vocabulary,
        pieces: &'a Pieces<'a>,
        known_pieces: &'a [Option<bool>],
    ) -> Context<'a> {
        Context {
            doc,
            known: Known::new(vocabulary, known_pieces),
            pieces,
        }
    }

    /// Whether an earlier stage already reported `code` for record `no`.
    pub fn reported(&self, no: u32, codes: &[&str]) -> bool {
        self.doc
            .diagnostics
            .iter()
            .any(|d| d.record == Some(no) && codes.contains(&d.code.as_str()))
    }
}

/// A piece of a text between white space (`str::split_whitespace`).
///
/// A plan has thousands of them, which every word rule reads: their
/// numbers are kept in 32 bits, for the table of pieces to stay small.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece<'a> {
    pub text: &'a str,
    /// [`Piece::letters`], 0 for `None`.
    letters: u32,
    /// [`Piece::word`].
    word: u32,
}

impl Piece<'_> {
    /// Its length in characters when it is all letters (the usual word).
    pub fn letters(&self) -> Option<usize> {
        (self.letters > 0).then(|| widen(self.letters))
    }

    /// Which of the document's distinct pieces it is: pieces of the same
    /// text, and only they, have the same number (from 0, in order of
    /// first appearance), so that what a rule finds out about one piece it
    /// can keep for all of them in a table ([`Pieces::distinct_pieces`]).
    pub fn word(&self) -> usize {
        widen(self.word)
    }
}

/// A number of a [`Piece`] as an index.
fn widen(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The texts of a document's records ([`texts`]) cut into [`Piece`]s once,
/// for the rules that read words.
pub(crate) struct Pieces<'a> {
    pieces: Vec<Piece<'a>>,
    /// Where each text's pieces end in `pieces`, text after text.
    text_ends: Vec<usize>,
    /// Where each record's field's texts end in `text_ends`, record after
    /// record, field after field ([`Field::ALL`]).
    field_ends: Vec<usize>,
    /// Each distinct piece, by [`Piece::word`].
    distinct: Vec<DistinctPiece<'a>>,
    /// The texts that are not plain ASCII ([`is_plain`]), in order, with
    /// the position of their record and their field.
    unplain: Vec<(usize, Field, &'a str)>,
}

impl<'a> Pieces<'a> {
    /// The texts of `doc`'s records, cut.
    pub fn new(doc: &'a Document) -> Pieces<'a> {
        // A piece and the space after it take some eight bytes in a plan:
        // room for a few more pieces than that, so that the table is made
        // once, not copied while it grows.
        let (texts_count, bytes) = (doc.records.iter())
            .flat_map(|r| Field::ALL.into_iter().flat_map(|f| texts(r, f)))
            .fold((0, 0), |(count, bytes), text| {
                (count + 1, bytes + text.len())
            });
        let mut table = Pieces {
            pieces: Vec::with_capacity(bytes / 6),
            text_ends: Vec::with_capacity(texts_count),
            field_ends: Vec::with_capacity(doc.records.len() * Field::ALL.len()),
            distinct: Vec::new(),
            unplain: Vec::new(),
        };
        let mut distinct = Distinct::with_capacity(DISTINCT_WORDS);
        for (index, record) in doc.records.iter().enumerate() {
            for field in Field::ALL {
                for text in texts(record, field) {
                    let mut add = |text, hash, facts: &dyn Fn() -> (u64, u32)| {
                        let (word, letters) = distinct.number(text, hash, facts);
                        table.pieces.push(Piece {
                            text,
                            letters,
                            word,
                        });
                    };
                    if is_plain(text) {
                        for piece in plain_pieces(text) {
                            let facts = || (piece.lower_case_hash, piece.letters);
                            add(piece.text, piece.hash, &facts);
                        }
                    } else {
                        for piece in pieces(text) {
                            add(piece, word_hash(piece), &|| facts(piece));
                        }
                        table.unplain.push((index, field, text));
                    }
                    table.text_ends.push(table.pieces.len());
                }
                table.field_ends.push(table.text_ends.len());
            }
        }
        table.distinct = distinct.pieces;
        table
    }

    /// The [`lower_case_hash`] of the distinct piece numbered `word`
    /// ([`Piece::word`]).
    pub fn lower_case_hash(&self, word: usize) -> Option<u64> {
        self.distinct.get(word).map(|piece| piece.lower_case_hash)
    }

    /// Each distinct piece, in the order of their numbers: what a rule
    /// finds out about them all once, it looks up by [`Piece::word`].
    pub fn distinct_pieces(&self) -> impl Iterator<Item = Piece<'a>> + '_ {
        (0..).zip(&self.distinct).map(|(word, piece)| Piece {
            text: piece.text,
            letters: piece.letters,
            word,
        })
    }

    /// Whether every piece has a number of its own ([`Piece::word`]), as
    /// in any plan: they are in [`Pieces::distinct_pieces`].
    pub fn all_numbered(&self) -> bool {
        self.distinct.len() < widen(u32::MAX)
    }

    /// The texts that are not plain ASCII (any character but `' '` to
    /// `'~'`), in document order, with the position of their record and
    /// their field: where letters of other scripts and control characters
    /// may be.
    pub fn unplain(&self) -> &[(usize, Field, &'a str)] {
        &self.unplain
    }

    /// The pieces of each text of field `field` of record number `index`
    /// (its position in the document, from 0).
    pub fn of(&self, index: usize, field: Field) -> impl Iterator<Item = &[Piece<'a>]> {
        let slot = Field::ALL.iter().position(|f| *f == field);
        let texts = slot.map_or(0..0, |f| {
            span(&self.field_ends, index * Field::ALL.len() + f)
        });
        texts.map(|t| {
            let pieces = span(&self.text_ends, t);
            self.pieces.get(pieces).unwrap_or_default()
        })
    }
}

/// The distinct pieces of a document, numbered in order of first
/// appearance, with their letters ([`Piece`]).
///
/// A plan's thousands of pieces are a few hundred distinct ones, and every
/// piece is looked up: the table's slots hold only numbers (open
/// addressing, at most half full), the pieces themselves and their hashes
/// lying in a list beside it, and a piece is compared only with a piece of
/// its own hash.
struct Distinct<'a> {
    /// 0 for an empty slot, else a piece's number + 1.
    slots: Vec<u32>,
    /// Each distinct piece, by number.
    pieces: Vec<DistinctPiece<'a>>,
}

/// A distinct piece of a document ([`Distinct`]).
struct DistinctPiece<'a> {
    text: &'a str,
    /// Its [`word_hash`].
    hash: u64,
    /// Its [`lower_case_hash`].
    lower_case_hash: u64,
    /// As in [`Piece`].
    letters: u32,
}

/// The [`lower_case_hash`] and the letters (as in [`Piece`]) of a piece.
fn facts(piece: &str) -> (u64, u32) {
    let letters = alphabetic_len(piece).and_then(|n| u32::try_from(n).ok());
    (lower_case_hash(piece), letters.unwrap_or(0))
}

impl<'a> Distinct<'a> {
    /// No piece yet, with room for `pieces` distinct ones.
    fn with_capacity(pieces: usize) -> Distinct<'a> {
        Distinct {
            slots: vec![0; (pieces * 2).next_power_of_two()],
            pieces: Vec::with_capacity(pieces),
        }
    }

    /// The slot where the search for a piece of hash `hash` starts.
    fn home(&self, hash: u64) -> usize {
        // The high half of the hash is its best mixed.
        let mask = self.slots.len().saturating_sub(1);
        usize::try_from(hash >> 32).unwrap_or(usize::MAX) & mask
    }

    /// The number and letters of `text`, a piece of the document (as in
    /// [`Piece`]) whose [`word_hash`] is `hash`; `facts` gives its lower
    /// case hash and letters ([`facts`]), asked only of a new piece.
    #[inline]
    fn number(&mut self, text: &'a str, hash: u64, facts: &dyn Fn() -> (u64, u32)) -> (u32, u32) {
        let mask = self.slots.len().saturating_sub(1);
        let mut at = self.home(hash);
        loop {
            let slot = self.slots.get(at).copied().unwrap_or(0);
            let Some(word) = slot.checked_sub(1) else {
                let (lower_case_hash, letters) = facts();
                return self.add(
                    at,
                    DistinctPiece {
                        text,
                        hash,
                        lower_case_hash,
                        letters,
                    },
                );
            };
            if let Some(&DistinctPiece {
                text: seen,
                hash: seen_hash,
                letters,
                ..
            }) = self.pieces.get(widen(word))
            {
                // The hash of eight bytes or fewer is the bytes times an odd
                // number, which tells all of them apart: equal hashes then
                // mean equal pieces, when the lengths are equal too.
                let short = text.len() <= 8;
                if seen_hash == hash && seen.len() == text.len() && (short || seen == text) {
                    return (word, letters);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// [`Distinct::number`] for `piece`, a piece not seen before, numbered
    /// in the empty slot `at`.
    #[inline(never)]
    fn add(&mut self, at: usize, piece: DistinctPiece<'a>) -> (u32, u32) {
        let letters = piece.letters;
        // Past `u32::MAX - 1` distinct pieces (no plan has so many) the rest
        // share the number `u32::MAX`, which no table has room for: nothing
        // is remembered about them.
        let Some(word) = u32::try_from(self.pieces.len())
            .ok()
            .filter(|word| *word < u32::MAX)
        else {
            return (u32::MAX, letters);
        };
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = word + 1;
        }
        self.pieces.push(piece);
        if self.pieces.len() * 2 > self.slots.len() {
            self.grow();
        }
        (word, letters)
    }

    /// Twice the slots, every piece in them again.
    fn grow(&mut self) {
        self.slots = vec![0; self.slots.len() * 2];
        let mask = self.slots.len() - 1;
        for (number, piece) in (1..).zip(&self.pieces) {
            let mut at = self.home(piece.hash);
            while let Some(slot) = self.slots.get_mut(at) {
                if *slot == 0 {
                    *slot = number;
                    break;
                }
                at = (at + 1) & mask;
            }
        }
    }
}

/// The `i`-th of the ranges that `ends` (each range's end, in order) cut.
fn span(ends: &[usize], i: usize) -> Range<usize> {
    let start = i.checked_sub(1).and_then(|before| ends.get(before));
    start.copied().unwrap_or(0)..ends.get(i).copied().unwrap_or(0)
}

/// A [`Vocabulary`] whose answers about the words of one document are
/// remembered, word by word as written.
///
/// A plan repeats its words from row to row (a few hundred distinct words
/// in a few thousand), and a lexicon look-up (case folding, affix rules) is
/// dearer than a table look-up; the words are borrowed from the document,
/// so remembering one costs no allocation.
pub(crate) struct Known<'a> {
    vocabulary: &'a dyn Vocabulary,
    /// Whether the vocabulary knows no word.
    empty: bool,
    answers: RefCell<WordMap<&'a str, Option<f32>>>,
    /// The answers for the document's pieces, looked up beforehand
    /// ([`known_pieces`]).
    pieces: &'a [Option<bool>],
    /// Room for a word put in lower case ([`zipf_of`]).
    lower: RefCell<String>,
}

/// Room for the distinct words of a plan of a few dozen pages.
const DISTINCT_WORDS: usize = 1024;

/// Room for a word put in lower case ([`zipf_of`]): a longer one makes
/// more room.
const LOWER_ROOM: usize = 32;

/// Room for the distinct words of a plan that are not whole pieces (a
/// word between punctuation, a piece's letters without its comma).
const OTHER_WORDS: usize = 256;

impl<'a> Known<'a> {
    /// Nothing remembered yet but what `vocabulary` knows of the document's
    /// pieces, `pieces` ([`known_pieces`]).
    pub fn new(vocabulary: &'a dyn Vocabulary, pieces: &'a [Option<bool>]) -> Known<'a> {
        Known {
            vocabulary,
            empty: vocabulary.is_empty(),
            answers: RefCell::new(WordMap::with_capacity_and_hasher(
                OTHER_WORDS,
                Default::default(),
            )),
            pieces,
            lower: RefCell::new(String::with_capacity(LOWER_ROOM)),
        }
    }

    /// The vocabulary, for words that are not the document's own (parts
    /// and joins of words).
    pub fn vocabulary(&self) -> &'a dyn Vocabulary {
        self.vocabulary
    }

    /// [`Vocabulary::zipf`], remembered.
    pub fn zipf(&self, word: &'a str) -> Option<f32> {
        *self.answers.borrow_mut().entry(word).or_insert_with(|| {
            match self.lower.try_borrow_mut() {
                Ok(mut lower) => zipf_of(self.vocabulary, word, &mut lower),
                Err(_) => zipf_of(self.vocabulary, word, &mut String::new()),
            }
        })
    }

    /// `f` of `parts` joined and in lower case ([`with_lower_case`]), in
    /// the room kept for it.
    pub fn with_lower_case<R>(&self, parts: &[&str], f: impl FnOnce(&str) -> R) -> R {
        match self.lower.try_borrow_mut() {
            Ok(mut lower) => with_lower_case(&mut lower, parts, f),
            Err(_) => with_lower_case(&mut String::new(), parts, f),
        }
    }

    /// [`Vocabulary::knows`], remembered.
    pub fn knows(&self, word: &'a str) -> bool {
        self.zipf(word).is_some()
    }

    /// [`Vocabulary::knows`] for the text of a piece of the document: a
    /// table look-up by its number, for a piece that was looked up before.
    pub fn knows_piece(&self, piece: &Piece<'a>) -> bool {
        match self.pieces.get(piece.word()) {
            Some(&Some(known)) => known,
            _ => self.knows(piece.text),
        }
    }

    /// [`Vocabulary::is_empty`].
    pub fn is_empty(&self) -> bool {
        self.empty
    }
}

/// [`Vocabulary::zipf`] of `word`; a word that starts with an ASCII
/// capital is asked with its ASCII capitals put in lower case in `lower`.
///
/// The vocabulary takes words in any case, and a lexicon puts a word with
/// capitals in lower case in a new string: a plan's capitalised words,
/// about half of its distinct words, would cost an allocation each.
fn zipf_of(vocabulary: &dyn Vocabulary, word: &str, lower: &mut String) -> Option<f32> {
    if word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        lower.clear();
        lower.push_str(word);
        lower.make_ascii_lowercase();
        vocabulary.zipf(lower)
    } else {
        vocabulary.zipf(word)
    }
}

/// What `vocabulary` knows of each distinct piece of a document that is a
/// word of two letters or more, by [`Piece::word`] (`None` for the other
/// pieces), for [`Known`]: the word rules ask about nearly every such
/// piece, and their look-ups are most of their work.
///
/// Looked up once for all the rules, before they run; in parallel on the
/// current rayon pool when `parallel`.
pub(crate) fn known_pieces(
    pieces: &Pieces<'_>,
    vocabulary: &(dyn Vocabulary + Sync),
    parallel: bool,
) -> Vec<Option<bool>> {
    // Rules that need words ask nothing of an empty vocabulary.
    if vocabulary.is_empty() {
        return Vec::new();
    }
    let ask = |lower: &mut String, piece: &DistinctPiece<'_>| {
        (piece.letters >= 2).then(|| zipf_of(vocabulary, piece.text, lower).is_some())
    };
    if parallel {
        (pieces.distinct.par_iter())
            .map_init(|| String::with_capacity(LOWER_ROOM), ask)
            .collect()
    } else {
        let mut lower = String::with_capacity(LOWER_ROOM);
        (pieces.distinct.iter())
            .map(|piece| ask(&mut lower, piece))
            .collect()
    }
}

/// The diagnostic of a word rule: the words `found` in one field of a
/// record, quoted (at most three), after `one` or `many` (the subject for
/// one word or several) and `what` they look like.
pub(crate) fn words_diagnostic<S: AsRef<str>>(
    code: &Code,
    found: &[S],
    (one, many): (&str, &str),
    what: &str,
    record: &Record,
    field: Field,
) -> Diagnostic {
    let noun = if found.len() == 1 { one } else { many };
    code.diagnostic(format!("{noun} {what}: {}", quote_list(found, 3)))
        .with_record(record.no)
        .with_field(field)
        .with_span(record.source)
}

/// The texts of a record's field: items of a text field, mention texts of
/// an agency field, nothing for the years.
pub(crate) fn texts(record: &Record, field: Field) -> impl Iterator<Item = &str> {
    let items = record.items(field);
    // A field has items or mentions, never both.
    let mentions = if items.is_some() {
        None
    } else {
        record.agencies(field)
    };
    let items = items.unwrap_or_default().iter().map(String::as_str);
    items.chain(mentions.unwrap_or_default().iter().map(|m| m.text.as_str()))
}

/// Whether a record's field holds any text (or any year).
pub(crate) fn is_filled(record: &Record, field: Field) -> bool {
    match field {
        Field::WaktuPelaksanaan => !record.waktu_pelaksanaan.is_empty(),
        _ => texts(record, field).any(|t| !t.trim().is_empty()),
    }
}

/// A rule: what it finds in the context's document, pushed to the list.
type Rule = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// The rules in the order of their findings, in three groups of similar
/// cost: the word rules weigh most.
const GROUPS: [&[Rule]; 3] = [
    &[
        missing_column::check,
        empty_required_field::check,
        no_year_marked::check,
        year_outside_period::check,
        glued_text::check,
    ],
    &[split_word::check],
    &[mixed_script::check, duplicate_record::check],
];

/// From this many pieces of text on (about two pages of a plan), the
/// words are looked up and the groups of rules run in parallel when called
/// inside a rayon pool of more than one thread; a smaller document is
/// checked on the calling thread.
const PARALLEL_FROM_PIECES: usize = 2000;

/// Run every rule over `doc`.
pub(crate) fn run(doc: &Document, vocabulary: &(dyn Vocabulary + Sync)) -> Vec<Diagnostic> {
    let pieces = Pieces::new(doc);
    let parallel = pieces.pieces.len() >= PARALLEL_FROM_PIECES
        && rayon::current_thread_index().is_some()
        && rayon::current_num_threads() > 1;
    run_groups(doc, vocabulary, &pieces, parallel)
}

/// Run the [`GROUPS`] of rules over `doc`, in parallel or one after the
/// other; the findings are the same and in the same order.
fn run_groups(
    doc: &Document,
    vocabulary: &(dyn Vocabulary + Sync),
    pieces: &Pieces<'_>,
    parallel: bool,
) -> Vec<Diagnostic> {
    let run_group = |cx: &Context<'_>, rules: &[Rule]| {
        let mut out = Vec::new();
        for rule in rules {
            rule(cx, &mut out);
        }
        out
    };
    let known = known_pieces(pieces, vocabulary, parallel);
    let [first, second, third] = GROUPS;
    let (mut out, (second, third)) = if parallel {
        // Each group remembers the other words it asks about on its own: a
        // cache shared between threads would cost more than the few words
        // both groups look up.
        let group = |rules: &[Rule]| {
            let cx = Context::new(doc, vocabulary, pieces, &known);
            run_group(&cx, rules)
        };
        rayon::join(
            || group(first),
            || rayon::join(|| group(second), || group(third)),
        )
    } else {
        // One after the other, the groups share what they learnt.
        let cx = Context::new(doc, vocabulary, pieces, &known);
        let group = |rules: &[Rule]| run_group(&cx, rules);
        (group(first), (group(second), group(third)))
    };
    out.extend(second);
    out.extend(third);
    // Document order: records first by number, document-level ones first.
    out.sort_by_key(|d| d.record.unwrap_or(0));
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Small documents for the rules' tests.

    use super::{Context, Vocabulary};
    use pergub_model::{Agency, Diagnostic, Document, DocumentMeta, Format, Record, Source, Span};
    use std::collections::HashSet;

    /// A vocabulary of the given words.
    pub struct Words(pub HashSet<String>);

    impl Words {
        pub fn of(words: &[&str]) -> Words {
            Words(words.iter().map(|w| w.to_lowercase()).collect())
        }
    }

    impl Vocabulary for Words {
        /// Every listed word is common.
        fn zipf(&self, word: &str) -> Option<f32> {
            self.0.contains(&word.to_lowercase()).then_some(4.0)
        }
        fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }

    /// What one rule finds in `doc`.
    pub fn check_with(
        rule: fn(&Context<'_>, &mut Vec<Diagnostic>),
        doc: &Document,
        vocabulary: &(dyn Vocabulary + Sync),
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let pieces = super::Pieces::new(doc);
        let known = super::known_pieces(&pieces, vocabulary, false);
        rule(&Context::new(doc, vocabulary, &pieces, &known), &mut out);
        out
    }

    /// `check` with no known words.
    pub fn check_plain(
        rule: fn(&Context<'_>, &mut Vec<Diagnostic>),
        doc: &Document,
    ) -> Vec<Diagnostic> {
        check_with(rule, doc, &Words::of(&[]))
    }

    /// A complete, clean record numbered `no` on line `10 + no`.
    pub fn record(no: u32) -> Record {
        let mut r = Record::new(no, Span::line(10 + no));
        r.instansi = vec![agency("Dinas Sosial Provinsi Jawa Tengah", Some("DINSOS"))];
        r.masalah = vec![format!("Masalah nomor {no}")];
        r.kegiatan = vec![format!("Pelatihan kader ke-{no}")];
        r.indikator.proses = vec!["Rapat koordinasi".into()];
        r.indikator.hasil = vec!["Kader terlatih".into()];
        r.indikator.target = vec!["Jumlah kader meningkat".into()];
        r.waktu_pelaksanaan = vec![2024, 2025];
        r.penanggung_jawab = vec![agency("Dinas Sosial", Some("DINSOS"))];
        r.pelaksana = vec![agency("Instansi terkait", None)];
        r.kelompok_sasaran = vec!["Masyarakat".into()];
        r
    }

    pub fn agency(text: &str, id: Option<&str>) -> Agency {
        Agency {
            text: text.into(),
            id: id.map(String::from),
        }
    }

    /// A document of `records` over the period 2024–2026.
    pub fn document(records: Vec<Record>) -> Document {
        let meta = DocumentMeta {
            title: Some("RENCANA AKSI DAERAH TAHUN 2024-2026".into()),
            period: Some([2024, 2026]),
            ..DocumentMeta::default()
        };
        let mut doc = Document::new(Source::new("plan.md", Format::Markdown), meta);
        doc.records = records;
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{check_with, document, record, Words};
    use super::*;

    /// A document with findings of several rules in most records, some of
    /// them in one record.
    fn troubled() -> Document {
        let records = (1..=40)
            .map(|no| {
                let mut r = record(no);
                match no % 4 {
                    0 => r.kegiatan = vec![format!("Pelatihankader desa {no}")],
                    1 => {
                        // A split word, and a Cyrillic letter in a Latin word.
                        r.masalah = vec!["Pening katan kapasitas".into()];
                        r.kegiatan = vec!["Sosi\u{0430}lisasi desa".into()];
                    }
                    2 => r.waktu_pelaksanaan = vec![2031],
                    _ => r.masalah = vec!["Masalah nomor 1".into()],
                }
                r
            })
            .collect();
        document(records)
    }

    #[test]
    fn words_put_in_lower_case_first_are_known_as_the_lexicon_knows_them() {
        let lexicon = pergub_normaliser::Lexicon::embedded();
        let mut lower = String::new();
        let mut known = 0;
        for word in [
            "Dinas",
            "DINAS",
            "dinas",
            "Kesehatan",
            "PeLaTiHaN",
            "TPPO",
            "Pemberdayaanmasyarakat",
            "Kabupaten/Kota",
            "X",
            "",
            "Çağri",
            "ΣΟΦΊΑ",
            "Dİnas",
            "DaerahΣ",
        ] {
            let asked = zipf_of(lexicon, word, &mut lower);
            assert_eq!(asked, lexicon.zipf(word), "{word:?}");
            known += usize::from(asked.is_some());
        }
        assert!(known >= 4, "{known} known");
    }

    #[test]
    fn the_groups_find_what_the_rules_find_one_by_one_in_order() {
        let doc = troubled();
        let words = Words::of(&["pelatihan", "kader", "desa", "peningkatan", "kapasitas"]);
        let mut expected: Vec<Diagnostic> = GROUPS
            .iter()
            .flat_map(|rules| rules.iter())
            .flat_map(|&rule| check_with(rule, &doc, &words))
            .collect();
        expected.sort_by_key(|d| d.record.unwrap_or(0));
        let codes: std::collections::BTreeSet<&str> =
            expected.iter().map(|d| d.code.as_str()).collect();
        assert!(codes.len() >= 3, "several rules find something: {codes:?}");
        let pieces = Pieces::new(&doc);
        for parallel in [false, true] {
            let found = rayon::ThreadPoolBuilder::new()
                .num_threads(4)
                .build()
                .unwrap()
                .install(|| run_groups(&doc, &words, &pieces, parallel));
            assert_eq!(found, expected, "parallel: {parallel}");
        }
        assert_eq!(run(&doc, &words), expected);
    }
}
