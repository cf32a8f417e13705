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
use std::sync::{Arc, OnceLock};

/// The zipf a word gets when it is added without a frequency.
pub const DEFAULT_ZIPF: f32 = 3.5;

/// Known words with a frequency (zipf; higher is more common).
///
/// Cloning is cheap: the word table is shared until one clone is extended.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    inner: Arc<Inner>,
}

#[derive(Debug, Clone, Default)]
struct Inner {
    /// Lower-case word to zipf.
    words: HashMap<Box<str>, f32>,
    /// Lower-case fragments that are never words of their own.
    fragments: HashSet<Box<str>>,
    /// Longest listed word, in characters.
    max_chars: usize,
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
        let inner = Arc::make_mut(&mut self.inner);
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
            inner.insert(word, zipf);
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
        let inner = Arc::make_mut(&mut self.inner);
        for text in words {
            for word in text
                .as_ref()
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(|w| w.trim_matches('-'))
            {
                if word.chars().count() > 1 {
                    inner.insert(word, DEFAULT_ZIPF);
                }
            }
        }
    }

    /// Add one word with a zipf frequency (kept if higher than the current).
    pub fn insert(&mut self, word: &str, zipf: f32) {
        Arc::make_mut(&mut self.inner).insert(word, zipf);
    }

    /// Mark fragments (whitespace-separated, `#` comments) as never being
    /// words of their own: they are removed from the word table.
    pub fn add_fragments(&mut self, text: &str) {
        let inner = Arc::make_mut(&mut self.inner);
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for fragment in line.split_whitespace() {
                let fragment = fragment.to_lowercase();
                inner.words.remove(fragment.as_str());
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
        if let Some(z) = self.listed(word) {
            return Some(z);
        }
        if self.inner.fragments.contains(word) {
            return None;
        }
        affix::derived(word, &|w| self.listed(w))
    }

    /// The zipf of a listed word (lower case), without affix rules.
    pub(crate) fn listed(&self, word: &str) -> Option<f32> {
        self.inner.words.get(word).copied()
    }

    /// Whether `word` (lower case) is a fragment, never a word of its own.
    pub fn is_fragment(&self, word: &str) -> bool {
        self.inner.fragments.contains(word)
    }

    /// The longest listed word, in characters.
    pub fn max_word_chars(&self) -> usize {
        self.inner.max_chars
    }

    /// Number of listed words.
    pub fn len(&self) -> usize {
        self.inner.words.len()
    }

    /// Whether no word is listed.
    pub fn is_empty(&self) -> bool {
        self.inner.words.is_empty()
    }
}

impl Inner {
    fn insert(&mut self, word: &str, zipf: f32) {
        let word = word.trim();
        if word.is_empty() || !zipf.is_finite() {
            return;
        }
        let lower = word.to_lowercase();
        if self.fragments.contains(lower.as_str()) {
            return;
        }
        self.max_chars = self.max_chars.max(lower.chars().count());
        match self.words.get_mut(lower.as_str()) {
            Some(old) => *old = old.max(zipf),
            None => {
                self.words.insert(lower.into_boxed_str(), zipf);
            }
        }
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
