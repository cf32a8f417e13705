//! The Indonesian lexicon: known words with frequencies.
//!
//! Three data files make it (see `data/lexicon/README.md` for their
//! sources and licences):
//!
//! - `wordfreq_id.txt`: about 30,000 Indonesian surface forms with their
//!   frequency, from the wordfreq project (CC BY-SA 4.0), inflected forms
//!   included;
//! - `domain_id.txt`: the vocabulary of regional plans and government
//!   agencies that the general list lacks (`persandian`, `subkegiatan`);
//! - `fragments.txt`: affixes and letters never written as a word of their
//!   own (`nya`, `kan`, `ter`), which word segmentation must not cut off.
//!
//! The build script turns them into static tables (a hash table over the
//! sorted words), so the embedded lexicon costs nothing to load.
//!
//! Words not listed are still known when affix rules derive them from a
//! listed root (`penyuluhan`), or when they are a hyphenated reduplication
//! (`perundang-undangan`). Frequencies are zipf values: the base-10
//! logarithm of a word's frequency per billion words (7 is `yang`, 3 is rare).
//!
//! ```
//! use pergub_normaliser::Lexicon;
//!
//! let mut lexicon = Lexicon::embedded().clone();
//! assert!(lexicon.contains("Penyuluhan"));
//! assert!(lexicon.contains("perundang-undangan"));
//! assert!(!lexicon.contains("nya"));
//! lexicon.extend_words(["Bakesbangpol"]);
//! assert!(lexicon.contains("bakesbangpol"));
//! ```

mod affix;
mod hash;
mod spans;
mod trie;

pub(crate) use affix::{is_reduplication, shared_stem};
pub(crate) use hash::edge_key;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

/// The static tables the build script makes from `data/lexicon/`.
mod tables {
    include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));
}

/// The zipf of a word of the static tables (lower case) whose
/// [`hash::word_hash`] is `hash`.
fn static_zipf(word: &str, hash: u64) -> Option<f32> {
    // A word absent from the filter is not listed: most lookups end here.
    for bit in hash::filter_bits(hash) {
        if tables::FILTER
            .get(bit / 64)
            .is_none_or(|w| w & (1 << (bit % 64)) == 0)
        {
            return None;
        }
    }
    let mask = tables::TABLE.len() - 1;
    let mut at = (hash as usize) & mask;
    loop {
        let index = *tables::TABLE.get(at)? as usize;
        if index == 0 {
            return None;
        }
        let i = index - 1;
        let (Some(&from), Some(&to)) = (tables::OFFSETS.get(i), tables::OFFSETS.get(i + 1)) else {
            return None;
        };
        if tables::TEXT.get(from as usize..to as usize) == Some(word) {
            return tables::ZIPF.get(i).copied();
        }
        at = (at + 1) & mask;
    }
}

/// A fast hasher for the run-time word tables (the static table's hash).
#[derive(Debug, Default, Clone, Copy)]
struct WordHasher {
    hash: u64,
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.hash ^= hash::word_hash(bytes);
        self.hash = self.hash.rotate_left(7);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

type WordMap = HashMap<Box<str>, f32, BuildHasherDefault<WordHasher>>;
type WordSet = HashSet<Box<str>, BuildHasherDefault<WordHasher>>;
type KeySet = HashSet<u64, BuildHasherDefault<WordHasher>>;

/// Bits of the filter of run-time words (a one-hash Bloom filter).
const FILTER_WORDS: usize = 1024;

/// The first and last three letters of every run-time word, packed: a
/// substring whose edges match no word needs no affix analysis; and a
/// filter of their hashes, so that most lookups skip the run-time table.
#[derive(Debug, Clone, Default)]
struct Edges {
    starts: KeySet,
    ends: KeySet,
    filter: Vec<u64>,
}

impl Edges {
    /// Whether a word of this hash may be in the run-time table.
    fn may_hold(&self, hash: u64) -> bool {
        let bit = (hash >> 40) as usize % (FILTER_WORDS * 64);
        self.filter
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    fn add(&mut self, word: &str) {
        if self.filter.is_empty() {
            self.filter = vec![0; FILTER_WORDS];
        }
        let bit = (hash::word_hash(word.as_bytes()) >> 40) as usize % (FILTER_WORDS * 64);
        if let Some(w) = self.filter.get_mut(bit / 64) {
            *w |= 1 << (bit % 64);
        }
        if let Some(key) = edge_key(word.chars()) {
            self.starts.insert(key);
        }
        if let Some(key) = edge_key(word.chars().rev()) {
            self.ends.insert(key);
        }
    }
}

/// The zipf a word gets when it is added without a frequency.
pub const DEFAULT_ZIPF: f32 = 3.5;

/// Known words with a frequency (zipf; higher is more common).
///
/// Cloning is cheap: the embedded word table is static and the words added
/// at run time are shared.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Whether the static tables of the embedded data are in use.
    base: bool,
    /// Words added at run time ([`Lexicon::extend_words`] and friends).
    extra: Arc<WordMap>,
    /// The edges of the run-time words.
    extra_edges: Arc<Edges>,
    /// Fragments added at run time ([`Lexicon::add_fragments`]).
    extra_fragments: Arc<WordSet>,
    /// Longest run-time word, in characters.
    extra_max: usize,
    /// What follows the hyphen of the run-time words with exactly one.
    extra_hyphen_rights: Arc<Vec<Box<str>>>,
    /// The run-time words and fragments as a trie, built when first needed.
    extra_trie: Arc<OnceLock<trie::Encoded>>,
}

impl Lexicon {
    /// The lexicon embedded in the binary (static tables: nothing to parse).
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            base: true,
            ..Lexicon::default()
        })
    }

    /// A lexicon from the bucketed word-list format: one line per frequency
    /// bucket, `CB<TAB>word word ...`, where `CB` is minus the centibel
    /// frequency (a word in bucket 300 has frequency 10^-3). Lines starting
    /// with `#` and malformed lines are skipped.
    pub fn from_buckets(text: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((bucket, words)) = line.split_once('\t') else {
                continue;
            };
            let Ok(bucket) = bucket.trim().parse::<u16>() else {
                continue;
            };
            let zipf = 9.0 - f32::from(bucket) / 100.0;
            Arc::make_mut(&mut lexicon.extra).reserve(words.len() / 6);
            for word in words.split(' ').filter(|w| !w.is_empty()) {
                lexicon.insert(word, zipf);
            }
        }
        lexicon
    }

    /// Add words in the `word<TAB>zipf` format (one a line, `#` comments,
    /// the zipf optional: [`DEFAULT_ZIPF`]). A word already known keeps the
    /// higher of its two frequencies. Malformed lines are skipped.
    pub fn extend_weighted(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, zipf) = match line.split_once('\t') {
                Some((word, zipf)) => (
                    word.trim(),
                    zipf.trim().parse::<f32>().unwrap_or(DEFAULT_ZIPF),
                ),
                None => (line, DEFAULT_ZIPF),
            };
            self.insert(word, zipf);
        }
    }

    /// Add words at run time (for example the words of agency names), each
    /// with [`DEFAULT_ZIPF`] unless already more frequent. Each string may
    /// hold several words separated by spaces or punctuation; parts of one
    /// character are ignored.
    pub fn extend_words<I, S>(&mut self, words: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for text in words {
            for word in text
                .as_ref()
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(|w| w.trim_matches('-'))
            {
                if word.chars().count() > 1 {
                    self.insert(word, DEFAULT_ZIPF);
                }
            }
        }
    }

    /// Add one word with a zipf frequency (kept if higher than the current).
    /// Fragments and empty words are not added.
    pub fn insert(&mut self, word: &str, zipf: f32) {
        let word = word.trim();
        if word.is_empty() || !zipf.is_finite() {
            return;
        }
        let lower: std::borrow::Cow<'_, str> = if word.chars().any(char::is_uppercase) {
            word.to_lowercase().into()
        } else {
            word.into()
        };
        if self.is_fragment(&lower) {
            return;
        }
        self.changed();
        let extra = Arc::make_mut(&mut self.extra);
        match extra.get_mut(lower.as_ref()) {
            Some(old) => *old = old.max(zipf),
            None => {
                if let Some((_, right)) = lower.split_once('-') {
                    if !right.contains('-') {
                        Arc::make_mut(&mut self.extra_hyphen_rights).push(right.into());
                    }
                }
                self.extra_max = self.extra_max.max(lower.chars().count());
                Arc::make_mut(&mut self.extra_edges).add(&lower);
                extra.insert(lower.into_owned().into_boxed_str(), zipf);
            }
        }
    }

    /// Mark fragments (whitespace-separated, `#` comments) as never being
    /// words of their own: they are removed from the word table.
    pub fn add_fragments(&mut self, text: &str) {
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for fragment in line.split_whitespace() {
                self.changed();
                let fragment = fragment.to_lowercase();
                Arc::make_mut(&mut self.extra).remove(fragment.as_str());
                Arc::make_mut(&mut self.extra_fragments).insert(fragment.into_boxed_str());
            }
        }
    }

    /// Forget the run-time trie after a change of the run-time words (a
    /// trie shared with clones stays theirs).
    fn changed(&mut self) {
        if self.extra_trie.get().is_some() || Arc::strong_count(&self.extra_trie) > 1 {
            self.extra_trie = Arc::default();
        }
    }

    /// The embedded and run-time words as tries.
    pub(crate) fn tries(&self) -> spans::Tries<'_> {
        let base = self.base.then_some(trie::Trie {
            first: &tables::TRIE_FIRST,
            count: &tables::TRIE_COUNT,
            labels: &tables::TRIE_LABELS,
            values: &tables::TRIE_VALUES,
            letters: &tables::TRIE_LETTERS,
            root: &tables::TRIE_ROOT,
        });
        let extra = (!self.extra.is_empty() || !self.extra_fragments.is_empty()).then(|| {
            trie::Trie::of(self.extra_trie.get_or_init(|| {
                trie::encode(
                    self.extra.iter().map(|(w, z)| (w.as_ref(), *z)),
                    self.extra_fragments.iter().map(AsRef::as_ref),
                )
            }))
        });
        spans::Tries { base, extra }
    }

    /// Whether some listed word with one hyphen has a right half that
    /// begins `right` (lower case): else no word derived from a listed one
    /// ends with a hyphen and `right`.
    pub(crate) fn may_end_hyphenated(&self, right: &[char]) -> bool {
        let begins = |h: &str| {
            let mut chars = right.iter();
            h.chars().all(|c| chars.next() == Some(&c))
        };
        (self.base && tables::HYPHEN_RIGHTS.iter().any(|h| begins(h)))
            || self.extra_hyphen_rights.iter().any(|h| begins(h))
    }

    /// Whether `word` (any case) is known: listed, derived from a listed
    /// root by affix rules, or a hyphenated reduplication.
    pub fn contains(&self, word: &str) -> bool {
        self.zipf(word).is_some()
    }

    /// The zipf frequency of `word` (any case), if it is known; derived
    /// words rank below their root.
    pub fn zipf(&self, word: &str) -> Option<f32> {
        if word.chars().any(char::is_uppercase) {
            self.zipf_lower(&word.to_lowercase())
        } else {
            self.zipf_lower(word)
        }
    }

    /// [`Lexicon::zipf`] for a word already in lower case.
    pub(crate) fn zipf_lower(&self, word: &str) -> Option<f32> {
        // Every listed word passes its own edge test: test edges first.
        if !self.may_be_word(word) {
            return None;
        }
        self.zipf_checked(word)
    }

    /// [`Lexicon::zipf_lower`] for a word whose edges were already tested.
    pub(crate) fn zipf_checked(&self, word: &str) -> Option<f32> {
        if let Some(z) = self.listed(word) {
            return Some(z);
        }
        if self.is_fragment(word) {
            return None;
        }
        // A word with one hyphen is a reduplication, or has a listed word
        // with a hyphen as its root: one whose right half begins the word's.
        if let Some((_, right)) = word.split_once('-') {
            let may_hold = |h: &str| right.starts_with(h);
            let root_may_be_listed = right.contains('-')
                || (self.base && tables::HYPHEN_RIGHTS.iter().any(|h| may_hold(h)))
                || self.extra_hyphen_rights.iter().any(|h| may_hold(h));
            if !root_may_be_listed {
                return affix::reduplication(word, &|w| self.listed(w));
            }
        }
        affix::derived(word, &|w| self.listed(w))
    }

    /// Whether a lower-case string can be a known word at all, judged by its
    /// edges: some listed word begins with its first three letters (or it
    /// begins with a prefix) and some listed word ends with its last three
    /// (or it ends with a suffix). Cheap; a `false` spares the analysis.
    pub(crate) fn may_be_word(&self, lower: &str) -> bool {
        self.may_begin(lower) && self.may_finish(lower)
    }

    /// Whether a candidate beginning with `head` (its first letters, lower
    /// case, up to nine) may be known: by its first three letters, or by a
    /// prefix of the affix rules before a root that may be listed. Text shorter than three letters may.
    pub(crate) fn may_begin(&self, head: &str) -> bool {
        edge_key(head.chars()).is_none_or(|k| self.may_start(k))
            || affix::root_may_start(head, &|k| self.may_start(k))
    }

    /// Whether a candidate ending with `tail` (its last letters, lower case,
    /// up to nine) may be known: by its last three letters, or by a suffix
    /// after a stem that may end a listed word.
    pub(crate) fn may_finish(&self, tail: &str) -> bool {
        edge_key(tail.chars().rev()).is_none_or(|k| self.may_end(k))
            || affix::root_may_end(tail, &|k| self.may_end(k))
    }

    /// Whether some listed word begins with the three letters of `key`
    /// (an [`edge_key`] of lower-case letters).
    pub(crate) fn may_start(&self, key: u64) -> bool {
        (self.base && tables::STARTS.binary_search(&key).is_ok())
            || (!self.extra_edges.starts.is_empty() && self.extra_edges.starts.contains(&key))
    }

    /// Whether some listed word ends with the three letters of `key` (an
    /// [`edge_key`] of the last three letters, last first).
    pub(crate) fn may_end(&self, key: u64) -> bool {
        (self.base && tables::ENDS.binary_search(&key).is_ok())
            || (!self.extra_edges.ends.is_empty() && self.extra_edges.ends.contains(&key))
    }

    /// The zipf of a listed word (lower case), without affix rules.
    pub(crate) fn listed(&self, word: &str) -> Option<f32> {
        let hash = hash::word_hash(word.as_bytes());
        let base = if self.base {
            static_zipf(word, hash)
                .filter(|_| self.extra_fragments.is_empty() || !self.extra_fragments.contains(word))
        } else {
            None
        };
        if self.extra.is_empty() || !self.extra_edges.may_hold(hash) {
            return base;
        }
        match (base, self.extra.get(word).copied()) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// Whether `word` (lower case) is a fragment, never a word of its own.
    pub fn is_fragment(&self, word: &str) -> bool {
        (self.base
            && word.len() <= tables::FRAGMENT_BYTES
            && tables::FRAGMENTS.binary_search(&word).is_ok())
            || (!self.extra_fragments.is_empty() && self.extra_fragments.contains(word))
    }

    /// The longest listed word, in characters.
    pub fn max_word_chars(&self) -> usize {
        let base = if self.base { tables::MAX_CHARS } else { 0 };
        base.max(self.extra_max)
    }

    /// Number of listed words (a word in both tables counts twice).
    pub fn len(&self) -> usize {
        let base = if self.base { tables::ZIPF.len() } else { 0 };
        base + self.extra.len()
    }

    /// Whether no word is listed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_words_and_derives_inflections() {
        let lex = Lexicon::embedded();
        assert!(lex.len() > 25_000, "only {} words", lex.len());
        for word in [
            "yang",
            "penyuluhan",
            "Kependudukan",
            "dikaitkan",
            "tersedianya",
            "persandian",
            "subkegiatan",
            "memberikan",
            "pemberdayaan",
            "ketenagakerjaan",
            "undang-Undang",
            "perundang-undangan",
            "masing-masing",
        ] {
            assert!(lex.contains(word), "{word} should be known");
        }
        for word in [
            "nya",
            "kan",
            "ter",
            "masihadawarg",
            "untukkorbanny",
            "Bantenmemu",
        ] {
            assert!(!lex.contains(word), "{word} should be unknown");
        }
    }

    #[test]
    fn derived_words_rank_below_their_root() {
        let lex = Lexicon::embedded();
        let root = lex.zipf("dikaitkan").unwrap_or(0.0);
        let derived = lex.zipf("dikaitkannya").unwrap_or(9.0);
        assert!(derived < root, "dikaitkannya {derived} >= dikaitkan {root}");
    }

    #[test]
    fn extend_words_adds_each_word_of_a_name() {
        let mut lex = Lexicon::default();
        lex.extend_words(["Badan Kesbangpol, Provinsi X"]);
        assert!(lex.contains("kesbangpol"));
        assert!(lex.contains("Provinsi"));
        assert!(!lex.contains("X"), "one-letter parts are not words");
        assert_eq!(lex.zipf("badan"), Some(DEFAULT_ZIPF));
    }

    #[test]
    fn a_clone_extends_without_changing_the_original() {
        let base = Lexicon::embedded().clone();
        let mut extended = base.clone();
        extended.extend_words(["Zxqwv"]);
        assert!(extended.contains("zxqwv"));
        assert!(!base.contains("zxqwv"));
    }
}
