//! The Indonesian lexicon: known words with frequencies.
//!
//! Three embedded data files make it (see `data/lexicon/README.md` for
//! their sources and licences):
//!
//! - `wordfreq_id.txt`: about 30,000 Indonesian surface forms with their
//!   frequency, from the wordfreq project (CC BY-SA 4.0), inflected forms
//!   included;
//! - `domain_id.txt`: the vocabulary of regional plans and government
//!   agencies that the general list lacks (`persandian`, `subkegiatan`);
//! - `fragments.txt`: affixes and letters never written as a word of their
//!   own (`nya`, `kan`, `ter`), which word segmentation must not cut off.
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

pub(crate) use affix::shared_stem;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

/// A fast hasher for the word table (FxHash's multiply-rotate): the table
/// is built from the embedded data, not from input, and is looked up for
/// every candidate word of segmentation.
#[derive(Debug, Default, Clone, Copy)]
struct WordHasher {
    hash: u64,
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut tail = [0u8; 8];
        for (slot, byte) in tail.iter_mut().zip(chunks.remainder()) {
            *slot = *byte;
        }
        self.add(u64::from_le_bytes(tail));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

type WordMap = HashMap<Box<str>, f32, BuildHasherDefault<WordHasher>>;
type WordSet = HashSet<Box<str>, BuildHasherDefault<WordHasher>>;

/// The first and last three letters of every listed word, packed: a
/// substring whose edges match no word needs no affix analysis.
#[derive(Debug, Clone, Default)]
struct Edges {
    starts: HashSet<u64, BuildHasherDefault<WordHasher>>,
    ends: HashSet<u64, BuildHasherDefault<WordHasher>>,
}

impl Edges {
    fn add(&mut self, word: &str) {
        if let Some(key) = edge_key(word.chars()) {
            self.starts.insert(key);
        }
        if let Some(key) = edge_key(word.chars().rev()) {
            self.ends.insert(key);
        }
    }
}

/// Three characters packed into one number (`None` for shorter text).
fn edge_key(mut chars: impl Iterator<Item = char>) -> Option<u64> {
    let a = u64::from(u32::from(chars.next()?));
    let b = u64::from(u32::from(chars.next()?));
    let c = u64::from(u32::from(chars.next()?));
    Some(a << 42 | b << 21 | c)
}

/// The zipf a word gets when it is added without a frequency.
pub const DEFAULT_ZIPF: f32 = 3.5;

/// Known words with a frequency (zipf; higher is more common).
///
/// Cloning is cheap: the large word table is shared and never copied;
/// words added at run time go to a small table of their own.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    inner: Arc<Inner>,
    /// Words added at run time ([`Lexicon::extend_words`] and friends).
    extra: Arc<WordMap>,
    /// The edges of the run-time words.
    extra_edges: Arc<Edges>,
}

#[derive(Debug, Clone, Default)]
struct Inner {
    /// Lower-case word to zipf.
    words: WordMap,
    /// Lower-case fragments that are never words of their own.
    fragments: WordSet,
    /// Longest listed word, in characters.
    max_chars: usize,
    /// The edges of the listed words.
    edges: Edges,
}

impl Lexicon {
    /// The lexicon embedded in the binary, parsed on first use.
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut lexicon =
                Lexicon::from_buckets(include_str!("../../data/lexicon/wordfreq_id.txt"));
            lexicon.extend_weighted(include_str!("../../data/lexicon/domain_id.txt"));
            lexicon.add_fragments(include_str!("../../data/lexicon/fragments.txt"));
            lexicon
        })
    }

    /// A lexicon from the bucketed word-list format: one line per frequency
    /// bucket, `CB<TAB>word word ...`, where `CB` is minus the centibel
    /// frequency (a word in bucket 300 has frequency 10^-3). Lines starting
    /// with `#` and malformed lines are skipped.
    pub fn from_buckets(text: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        {
            let inner = Arc::make_mut(&mut lexicon.inner);
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
                inner.words.reserve(words.len() / 6);
                for word in words.split(' ').filter(|w| !w.is_empty()) {
                    inner.insert(word, zipf);
                }
            }
        }
        lexicon
    }

    /// Add words in the `word<TAB>zipf` format (one a line, `#` comments,
    /// the zipf optional: [`DEFAULT_ZIPF`]). A word already known keeps the
    /// higher of its two frequencies. Malformed lines are skipped.
    pub fn extend_weighted(&mut self, text: &str) {
        let fragments = &self.inner.fragments;
        let extra = Arc::make_mut(&mut self.extra);
        let edges = Arc::make_mut(&mut self.extra_edges);
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
            if insert(extra, fragments, word, zipf).is_some() {
                edges.add(&word.to_lowercase());
            }
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
        let fragments = &self.inner.fragments;
        let extra = Arc::make_mut(&mut self.extra);
        let edges = Arc::make_mut(&mut self.extra_edges);
        for text in words {
            for word in text
                .as_ref()
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(|w| w.trim_matches('-'))
            {
                if word.chars().count() > 1
                    && insert(extra, fragments, word, DEFAULT_ZIPF).is_some()
                {
                    edges.add(&word.to_lowercase());
                }
            }
        }
    }

    /// Add one word with a zipf frequency (kept if higher than the current).
    pub fn insert(&mut self, word: &str, zipf: f32) {
        let extra = Arc::make_mut(&mut self.extra);
        if insert(extra, &self.inner.fragments, word, zipf).is_some() {
            Arc::make_mut(&mut self.extra_edges).add(&word.trim().to_lowercase());
        }
    }

    /// Mark fragments (whitespace-separated, `#` comments) as never being
    /// words of their own: they are removed from the word table.
    pub fn add_fragments(&mut self, text: &str) {
        let inner = Arc::make_mut(&mut self.inner);
        let extra = Arc::make_mut(&mut self.extra);
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for fragment in line.split_whitespace() {
                let fragment = fragment.to_lowercase();
                inner.words.remove(fragment.as_str());
                extra.remove(fragment.as_str());
                inner.fragments.insert(fragment.into_boxed_str());
            }
        }
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
        if let Some(z) = self.listed(word) {
            return Some(z);
        }
        if self.inner.fragments.contains(word) {
            return None;
        }
        affix::derived(word, &|w| self.listed(w))
    }

    /// Whether a lower-case string can be a known word at all, judged by its
    /// edges: some listed word begins with its first three letters (or it
    /// begins with a prefix) and some listed word ends with its last three
    /// (or it ends with a suffix). Cheap; a `false` spares the analysis.
    pub(crate) fn may_be_word(&self, lower: &str) -> bool {
        let (Some(start), Some(end)) = (edge_key(lower.chars()), edge_key(lower.chars().rev()))
        else {
            return true;
        };
        let starts = self.inner.edges.starts.contains(&start)
            || self.extra_edges.starts.contains(&start)
            || affix::has_prefix(lower);
        starts
            && (self.inner.edges.ends.contains(&end)
                || self.extra_edges.ends.contains(&end)
                || affix::has_suffix(lower))
    }

    /// The zipf of a listed word (lower case), without affix rules.
    pub(crate) fn listed(&self, word: &str) -> Option<f32> {
        let base = self.inner.words.get(word).copied();
        if self.extra.is_empty() {
            return base;
        }
        match (base, self.extra.get(word).copied()) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// Whether `word` (lower case) is a fragment, never a word of its own.
    pub fn is_fragment(&self, word: &str) -> bool {
        self.inner.fragments.contains(word)
    }

    /// The longest listed word, in characters.
    pub fn max_word_chars(&self) -> usize {
        let extra = self
            .extra
            .keys()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        self.inner.max_chars.max(extra)
    }

    /// Number of listed words (a word in both tables counts twice).
    pub fn len(&self) -> usize {
        self.inner.words.len() + self.extra.len()
    }

    /// Whether no word is listed.
    pub fn is_empty(&self) -> bool {
        self.inner.words.is_empty() && self.extra.is_empty()
    }
}

impl Inner {
    fn insert(&mut self, word: &str, zipf: f32) {
        if let Some(chars) = insert(&mut self.words, &self.fragments, word, zipf) {
            self.max_chars = self.max_chars.max(chars);
            if word.chars().any(char::is_uppercase) {
                self.edges.add(&word.trim().to_lowercase());
            } else {
                self.edges.add(word.trim());
            }
        }
    }
}

/// Insert a word (lower-cased) unless it is a fragment, keeping the higher
/// zipf; the word's length in characters when it was stored.
fn insert(words: &mut WordMap, fragments: &WordSet, word: &str, zipf: f32) -> Option<usize> {
    let word = word.trim();
    if word.is_empty() || !zipf.is_finite() {
        return None;
    }
    let lower: std::borrow::Cow<'_, str> = if word.chars().any(char::is_uppercase) {
        word.to_lowercase().into()
    } else {
        word.into()
    };
    if fragments.contains(lower.as_ref()) {
        return None;
    }
    let chars = lower.chars().count();
    match words.get_mut(lower.as_ref()) {
        Some(old) => *old = old.max(zipf),
        None => {
            words.insert(lower.into_owned().into_boxed_str(), zipf);
        }
    }
    Some(chars)
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
            "adawargab",
            "ubagikorban",
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
