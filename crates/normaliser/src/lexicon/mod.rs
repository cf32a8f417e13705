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
//! sorted words), so the embedded lexicon costs nothing to load. It also
//! compiles the words of the embedded agency registry's aliases, which a
//! [`crate::Normaliser`] with the embedded data adds to the embedded
//! lexicon: its lexicon answers as if they were added at run time, with
//! nothing added. [`Lexicon::embedded`] is the lexicon without them.
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
mod words;

pub(crate) use affix::{is_reduplication, shared_stem};
pub(crate) use hash::edge_key;
pub(crate) use spans::SpansBuffers;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

/// The static tables the build script makes from `data/lexicon/`.
mod tables {
    include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));
}

/// A word table of the build script: distinct lower-case words with their
/// zipf, an open-addressing hash table over them and a filter of their
/// hashes.
#[derive(Debug, Clone, Copy)]
struct StaticWords {
    /// The words, sorted, concatenated.
    text: &'static str,
    /// Where each word begins in `text`, and where the last ends.
    offsets: &'static [u32],
    zipf: &'static [f32],
    /// Each word's [`words::slot`] in the slot of its hash (0: empty),
    /// linear probing; a power of two long.
    slots: &'static [u64],
    /// Two bits a word ([`hash::filter_bits`]).
    filter: &'static [u64],
}

/// The embedded words (`data/lexicon/`).
static EMBEDDED: StaticWords = StaticWords {
    text: tables::TEXT,
    offsets: &tables::OFFSETS,
    zipf: &tables::ZIPF,
    slots: &tables::SLOTS,
    filter: &tables::FILTER,
};

/// The words of the embedded registry's aliases, as the run-time words they
/// stand for ([`Lexicon::add_compiled_alias_words`]).
static ALIAS_WORDS: StaticWords = StaticWords {
    text: tables::ALIAS_TEXT,
    offsets: &tables::ALIAS_OFFSETS,
    zipf: &tables::ALIAS_ZIPF,
    slots: &tables::ALIAS_SLOTS,
    filter: &tables::ALIAS_FILTER,
};

impl StaticWords {
    /// The zipf of `word` (lower case), whose [`hash::word_hash`] is `hash`.
    /// Inlined: the tables' sizes become constants at each call.
    #[inline(always)]
    fn zipf(&'static self, word: &str, hash: u64) -> Option<f32> {
        // A word absent from the filter is not listed: most lookups end here.
        for bit in hash::filter_bits(hash, self.filter.len() * 64) {
            if self
                .filter
                .get(bit / 64)
                .is_none_or(|w| w & (1 << (bit % 64)) == 0)
            {
                return None;
            }
        }
        // A slot holds where the word is and its zipf: a hit reads the
        // slot and the text. The length, compared first, spares reading
        // the text of most other words.
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = (hash as usize) & mask;
        loop {
            let slot = *self.slots.get(at)?;
            if slot == 0 {
                return None;
            }
            let (from, len, zipf) = words::unslot(slot);
            if len == word.len()
                && self.text.as_bytes().get(from..from + len) == Some(word.as_bytes())
            {
                return Some(zipf);
            }
            at = (at + 1) & mask;
        }
    }

    /// Every word with its zipf.
    fn iter(&self) -> impl Iterator<Item = (&'static str, f32)> + '_ {
        self.offsets
            .windows(2)
            .zip(self.zipf)
            .filter_map(|(pair, &zipf)| match *pair {
                [from, to] => Some((self.text.get(from as usize..to as usize)?, zipf)),
                _ => None,
            })
    }
}

/// Static edge tables: the bitmap of the keys of three letters `a`-`z`
/// ([`hash::edge_bit`]) and the other keys, sorted.
type EdgeTables = (&'static [u64], &'static [u64]);

const _: () = assert!(tables::STARTS_BITS.len() == hash::EDGE_BITMAP_WORDS);

/// A fast hasher for the run-time word tables (the static table's hash),
/// and for other keys made of text.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher {
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

pub use words::DEFAULT_ZIPF;

/// Known words with a frequency (zipf; higher is more common).
///
/// Cloning is cheap: the embedded word table is static and the words added
/// at run time are shared.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Whether the static tables of the embedded data are in use.
    base: bool,
    /// Whether the words of the embedded registry's aliases are in use from
    /// their static tables ([`Lexicon::add_compiled_alias_words`]): they
    /// stand for run-time words, so only while there are no others; a
    /// change of the run-time words first makes them run-time words.
    aliases: bool,
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
            for word in words::pieces(text.as_ref()) {
                self.insert(word, DEFAULT_ZIPF);
            }
        }
    }

    /// Take the words of the embedded registry's aliases from their static
    /// tables, if this is the embedded lexicon with no word or fragment
    /// added at run time. Returns whether it did; if not, nothing changed.
    ///
    /// The build script compiled exactly the run-time words that
    /// `extend_words(Registry::embedded().alias_words())` adds to the
    /// embedded lexicon (same keys and zipf, fragments left out), with their
    /// edges, hyphen rights and trie. Consulting those tables instead costs
    /// nothing at start-up, and every answer is the same.
    pub(crate) fn add_compiled_alias_words(&mut self) -> bool {
        let pristine = self.base
            && self.extra.is_empty()
            && self.extra_fragments.is_empty()
            && self.extra_hyphen_rights.is_empty()
            && self.extra_max == 0;
        if pristine {
            self.aliases = true;
        }
        pristine
    }

    /// Before a change of the run-time words: make the compiled alias words
    /// run-time words (the words and zipf they stand for), so that the
    /// change applies to them as it would after a run-time extension.
    fn own_alias_words(&mut self) {
        if !self.aliases {
            return;
        }
        self.aliases = false;
        Arc::make_mut(&mut self.extra).reserve(ALIAS_WORDS.zipf.len());
        for (word, zipf) in ALIAS_WORDS.iter() {
            self.insert(word, zipf);
        }
    }

    /// Add one word with a zipf frequency (kept if higher than the current).
    /// Fragments and empty words are not added.
    pub fn insert(&mut self, word: &str, zipf: f32) {
        let word = word.trim();
        if word.is_empty() || !zipf.is_finite() {
            return;
        }
        let lower = words::key(word);
        if self.is_fragment(&lower) {
            return;
        }
        self.own_alias_words();
        self.changed();
        let extra = Arc::make_mut(&mut self.extra);
        match extra.get_mut(lower.as_ref()) {
            Some(old) => *old = old.max(zipf),
            None => {
                if let Some(right) = words::hyphen_right(&lower) {
                    Arc::make_mut(&mut self.extra_hyphen_rights).push(right.into());
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
                self.own_alias_words();
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

    /// The embedded and run-time words as tries. The compiled alias words
    /// are a layer of the embedded trie: with them, one trie answers.
    pub(crate) fn tries(&self) -> spans::Tries<'_> {
        let base = self.base.then_some(trie::Trie {
            first: &tables::TRIE_FIRST,
            count: &tables::TRIE_COUNT,
            labels: &tables::TRIE_LABELS,
            values: if self.aliases {
                &tables::TRIE_LAYERED
            } else {
                &tables::TRIE_VALUES
            },
            letters: &tables::TRIE_LETTERS,
            root: &tables::TRIE_ROOT,
        });
        let extra = (!self.aliases && (!self.extra.is_empty() || !self.extra_fragments.is_empty()))
            .then(|| {
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
            || (self.aliases && tables::ALIAS_HYPHEN_RIGHTS.iter().any(|h| begins(h)))
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
        // Most words asked are ASCII: a test of their bytes is cheaper than
        // decoding characters.
        let upper = if word.is_ascii() {
            word.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            word.chars().any(char::is_uppercase)
        };
        if upper {
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
                || (self.aliases && tables::ALIAS_HYPHEN_RIGHTS.iter().any(|h| may_hold(h)))
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
        let tables = self.static_edges(
            (&tables::STARTS_BITS, &tables::STARTS_OTHER),
            (&tables::LAYERED_STARTS_BITS, &tables::LAYERED_STARTS_OTHER),
        );
        Self::static_edge(tables, key)
            || (!self.extra_edges.starts.is_empty() && self.extra_edges.starts.contains(&key))
    }

    /// Whether some listed word ends with the three letters of `key` (an
    /// [`edge_key`] of the last three letters, last first).
    pub(crate) fn may_end(&self, key: u64) -> bool {
        let tables = self.static_edges(
            (&tables::ENDS_BITS, &tables::ENDS_OTHER),
            (&tables::LAYERED_ENDS_BITS, &tables::LAYERED_ENDS_OTHER),
        );
        Self::static_edge(tables, key)
            || (!self.extra_edges.ends.is_empty() && self.extra_edges.ends.contains(&key))
    }

    /// The static edge tables in use: those of the embedded words, or of
    /// the embedded and alias words (which are in use only with the
    /// embedded ones), or none.
    #[inline(always)]
    fn static_edges(&self, base: EdgeTables, layered: EdgeTables) -> EdgeTables {
        if self.aliases {
            layered
        } else if self.base {
            base
        } else {
            (&[], &[])
        }
    }

    /// Whether static edge tables hold `key`: its bit for a key of three
    /// letters `a`-`z` (one load), else a binary search.
    #[inline(always)]
    fn static_edge((bits, other): EdgeTables, key: u64) -> bool {
        match hash::edge_bit(key) {
            Some(bit) => hash::has_bit(bits, bit),
            None => other.binary_search(&key).is_ok(),
        }
    }

    /// The zipf of a listed word (lower case), without affix rules.
    pub(crate) fn listed(&self, word: &str) -> Option<f32> {
        let hash = hash::word_hash(word.as_bytes());
        let base = if self.base {
            EMBEDDED
                .zipf(word, hash)
                .filter(|_| self.extra_fragments.is_empty() || !self.extra_fragments.contains(word))
        } else {
            None
        };
        let extra = if self.aliases {
            ALIAS_WORDS.zipf(word, hash)
        } else if self.extra.is_empty() || !self.extra_edges.may_hold(hash) {
            return base;
        } else {
            self.extra.get(word).copied()
        };
        match (base, extra) {
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
        let aliases = if self.aliases {
            tables::ALIAS_MAX_CHARS
        } else {
            0
        };
        base.max(aliases).max(self.extra_max)
    }

    /// Number of listed words (a word in both tables counts twice).
    pub fn len(&self) -> usize {
        let base = if self.base { tables::ZIPF.len() } else { 0 };
        let aliases = if self.aliases {
            tables::ALIAS_ZIPF.len()
        } else {
            0
        };
        base + aliases + self.extra.len()
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
    fn slots_find_every_listed_word_and_no_other() {
        for table in [&EMBEDDED, &ALIAS_WORDS] {
            let all: HashMap<&str, f32> = table.iter().collect();
            assert_eq!(all.len(), table.zipf.len());
            for (word, zipf) in table.iter() {
                let found = table.zipf(word, hash::word_hash(word.as_bytes()));
                assert_eq!(found.map(f32::to_bits), Some(zipf.to_bits()), "{word}");
                // Heads, tails and affixed forms: found exactly when listed.
                let chars: Vec<char> = word.chars().collect();
                let mut others: Vec<String> = (1..chars.len())
                    .flat_map(|n| {
                        [
                            chars.iter().take(n).collect(),
                            chars.iter().skip(n).collect(),
                        ]
                    })
                    .collect();
                others.extend([
                    format!("{word}nya"),
                    format!("di{word}"),
                    word.to_uppercase(),
                ]);
                for other in others {
                    let found = table.zipf(&other, hash::word_hash(other.as_bytes()));
                    let listed = all.get(other.as_str()).copied();
                    assert_eq!(found.map(f32::to_bits), listed.map(f32::to_bits), "{other}");
                }
            }
        }
    }

    #[test]
    fn slots_keep_start_length_and_zipf() {
        for (start, len, zipf) in [
            (0, 1, 3.5f32),
            (212_956, 37, 8.99),
            (0xff_ffff, 0xff, -1.25),
        ] {
            let slot = words::slot(start, len, zipf).expect("fits");
            assert_ne!(slot, 0);
            let (s, l, z) = words::unslot(slot);
            assert_eq!((s, l, z.to_bits()), (start, len, zipf.to_bits()));
        }
        assert_eq!(words::slot(0, 0, 3.5), None);
        assert_eq!(words::slot(0, 0x100, 3.5), None);
        assert_eq!(words::slot(0x100_0000, 3, 3.5), None);
    }

    #[test]
    fn zipf_of_any_case_is_that_of_the_lower_case() {
        let lex = crate::Normaliser::new().restorer().lexicon().clone();
        let mut words = samples(DOCUMENT);
        words.extend(
            [
                "Penyuluhan",
                "DINAS",
                "Ärger",
                "ÉTAT",
                "İstanbul",
                "aB",
                "ß",
            ]
            .map(String::from),
        );
        for word in words {
            for form in [word.to_uppercase(), word.clone(), capitalised(&word)] {
                assert_eq!(
                    lex.zipf(&form),
                    lex.zipf_lower(&form.to_lowercase()),
                    "{form}"
                );
            }
        }
    }

    /// `word` with its first character upper case.
    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// Characters around and inside the range of the edge bitmaps.
    const EDGE_CHARS: &str =
        "abcdefghijklmnopqrstuvwxyz{|}~\u{7f}\u{80}\u{81}`@AZ09-' éäß\u{10ffff}";

    #[test]
    fn edge_bits_are_distinct_for_letters_and_absent_for_others() {
        let mut seen = HashSet::new();
        for a in EDGE_CHARS.chars() {
            for b in EDGE_CHARS.chars() {
                for c in EDGE_CHARS.chars() {
                    let key = edge_key([a, b, c].into_iter());
                    let bit = key.and_then(hash::edge_bit);
                    let inside = [a, b, c].iter().all(|&x| ('a'..='\u{80}').contains(&x));
                    assert_eq!(bit.is_some(), inside, "{a}{b}{c}");
                    if let Some(bit) = bit {
                        assert!(bit < hash::EDGE_BITMAP_WORDS * 64);
                        assert!(seen.insert(bit), "{a}{b}{c} shares its bit");
                    }
                }
            }
        }
    }

    #[test]
    fn edge_bitmaps_agree_with_the_sorted_keys() {
        let all: [(EdgeTables, &[u64]); 4] = [
            (
                (&tables::STARTS_BITS, &tables::STARTS_OTHER),
                &tables::STARTS,
            ),
            ((&tables::ENDS_BITS, &tables::ENDS_OTHER), &tables::ENDS),
            (
                (&tables::LAYERED_STARTS_BITS, &tables::LAYERED_STARTS_OTHER),
                &tables::LAYERED_STARTS,
            ),
            (
                (&tables::LAYERED_ENDS_BITS, &tables::LAYERED_ENDS_OTHER),
                &tables::LAYERED_ENDS,
            ),
        ];
        for (edges, sorted) in all {
            let mut keys: Vec<u64> = sorted.to_vec();
            for a in EDGE_CHARS.chars() {
                for b in EDGE_CHARS.chars() {
                    keys.extend(
                        EDGE_CHARS
                            .chars()
                            .filter_map(|c| edge_key([a, b, c].into_iter())),
                    );
                }
            }
            for key in keys {
                assert_eq!(
                    Lexicon::static_edge(edges, key),
                    sorted.binary_search(&key).is_ok(),
                    "{key:x}"
                );
            }
            // Some keys are not of letters, and the bitmaps hold the others.
            assert!(!edges.1.is_empty() && edges.1.len() < sorted.len() / 4);
        }
        assert!(tables::LAYERED_STARTS.len() > tables::STARTS.len());
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

    /// The embedded lexicon with the embedded registry's alias words added
    /// at run time.
    fn extended_at_run_time() -> Lexicon {
        let mut lexicon = Lexicon::embedded().clone();
        lexicon.extend_words(crate::Registry::embedded().alias_words());
        lexicon
    }

    /// Windows of three words glued together, lower case, letters only.
    fn glued(text: &str) -> Vec<Vec<char>> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words
            .windows(3)
            .map(|w| w.concat().chars().collect())
            .collect()
    }

    /// Words to ask both lexicons about: every alias word as written, its
    /// pieces and their keys, affixed and reduplicated forms of them, their
    /// heads and tails, the words of a document, and a few edge cases.
    fn samples(text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut pieces: Vec<String> = Vec::new();
        for word in crate::Registry::embedded().alias_words() {
            out.push(word.to_string());
            out.push(format!("-{word}-"));
            for piece in words::pieces(word) {
                pieces.push(piece.to_string());
                pieces.push(piece.to_lowercase());
            }
        }
        pieces.extend(
            text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
        for piece in &pieces {
            let lower = piece.to_lowercase();
            for form in [
                format!("{lower}nya"),
                format!("{lower}kan"),
                format!("ke{lower}an"),
                format!("di{lower}kan"),
                format!("pe{lower}an"),
                format!("me{lower}i"),
                format!("{lower}-{lower}"),
                format!("{lower}-{lower}nya"),
                format!("se-{lower}"),
            ] {
                out.push(form);
            }
            let chars: Vec<char> = lower.chars().collect();
            for n in 1..=chars.len().min(9) {
                out.push(chars.iter().take(n).collect());
                out.push(chars.iter().skip(chars.len() - n).collect());
            }
        }
        out.extend(pieces);
        out.extend(
            [
                "",
                "a",
                "x",
                "nya",
                "kan",
                "pen",
                "ter",
                "yang",
                "dan",
                "undang-undang",
                "perundang-undangan",
                "masing-masing",
                "penyuluhan",
                "zxqwv",
                "ärger",
            ]
            .map(String::from),
        );
        out
    }

    /// Every answer of `a` and `b` about `words`, and about the edge keys of
    /// their letters, is the same.
    fn assert_same_answers(a: &Lexicon, b: &Lexicon, words: &[String]) {
        assert_eq!(a.len(), b.len());
        assert_eq!(a.max_word_chars(), b.max_word_chars());
        for word in words {
            let lower = word.to_lowercase();
            assert_eq!(a.zipf(word), b.zipf(word), "zipf {word}");
            assert_eq!(a.contains(word), b.contains(word), "contains {word}");
            assert_eq!(a.listed(&lower), b.listed(&lower), "listed {word}");
            assert_eq!(
                a.is_fragment(&lower),
                b.is_fragment(&lower),
                "fragment {word}"
            );
            assert_eq!(
                a.zipf_checked(&lower),
                b.zipf_checked(&lower),
                "checked {word}"
            );
            assert_eq!(a.may_begin(&lower), b.may_begin(&lower), "begin {word}");
            assert_eq!(a.may_finish(&lower), b.may_finish(&lower), "finish {word}");
            let chars: Vec<char> = lower.chars().collect();
            assert_eq!(
                a.may_end_hyphenated(&chars),
                b.may_end_hyphenated(&chars),
                "hyphenated {word}"
            );
            for three in chars.windows(3) {
                let start = edge_key(three.iter().copied());
                let end = edge_key(three.iter().rev().copied());
                for key in start.into_iter().chain(end) {
                    assert_eq!(a.may_start(key), b.may_start(key), "start {word}");
                    assert_eq!(a.may_end(key), b.may_end(key), "end {word}");
                }
            }
        }
    }

    /// Both lexicons know the same about every substring of the windows.
    fn assert_same_spans(a: &Lexicon, b: &Lexicon, windows: &[Vec<char>]) {
        for window in windows {
            let (x, y) = (a.spans(window, 24), b.spans(window, 24));
            for start in 0..window.len() {
                for end in start + 1..=(start + 24).min(window.len()) {
                    let (p, q) = (x.at(start, end), y.at(start, end));
                    let answer =
                        |s: Option<spans::Span>| s.map(|s| (s.listed, s.derived, s.fragment));
                    let text: String = window.get(start..end).unwrap_or(&[]).iter().collect();
                    assert_eq!(answer(p), answer(q), "span {text}");
                }
            }
        }
    }

    const DOCUMENT: &str = include_str!("../../../../fixtures/documents/013_lombok_timur_tppo.md");

    #[test]
    fn compiled_alias_words_answer_as_run_time_ones() {
        let normaliser = crate::Normaliser::new();
        let compiled = normaliser.restorer().lexicon();
        assert!(
            compiled.aliases,
            "the embedded registry's words are compiled"
        );
        assert!(compiled.extra.is_empty() && compiled.extra_fragments.is_empty());
        let run_time = extended_at_run_time();
        assert!(!run_time.aliases);
        // The compiled words are the run-time words, zipf for zipf.
        let mut expected: Vec<(&str, f32)> = run_time
            .extra
            .iter()
            .map(|(w, z)| (w.as_ref(), *z))
            .collect();
        expected.sort_by(|x, y| x.0.cmp(y.0));
        let listed: Vec<(&str, f32)> = ALIAS_WORDS.iter().collect();
        assert_eq!(listed, expected);
        assert_same_answers(compiled, &run_time, &samples(DOCUMENT));
        let aliases: Vec<&str> = crate::Registry::embedded()
            .entries()
            .iter()
            .flat_map(|e| e.aliases.iter().map(String::as_str))
            .collect();
        let mut windows = glued(&aliases.join(" "));
        windows.extend(glued(DOCUMENT).into_iter().step_by(5));
        assert_same_spans(compiled, &run_time, &windows);
        // Restoration reads the same text.
        let plain = crate::Restorer::new(run_time);
        for line in DOCUMENT.lines() {
            let lines = [line.to_string()];
            assert_eq!(normaliser.restorer().restore(&lines), plain.restore(&lines));
        }
    }

    #[test]
    fn the_embedded_lexicon_stays_without_alias_words() {
        let plain = Lexicon::embedded();
        assert!(!plain.aliases);
        assert_eq!(plain.len(), tables::ZIPF.len());
        let compiled = crate::Normaliser::new().restorer().lexicon().clone();
        // Some alias words are known only with the registry's words.
        let only_aliases = ALIAS_WORDS
            .iter()
            .filter(|(w, _)| !plain.contains(w))
            .inspect(|(w, _)| assert!(compiled.contains(w), "{w}"))
            .count();
        assert!(only_aliases > 100, "{only_aliases}");
        assert!(!plain.contains("dinsosnakertrans") && compiled.contains("Dinsosnakertrans"));
    }

    #[test]
    fn a_change_applies_to_the_compiled_alias_words() {
        let compiled = crate::Normaliser::new().restorer().lexicon().clone();
        let run_time = extended_at_run_time();
        let words = samples("");
        let changes: [&dyn Fn(&mut Lexicon); 4] = [
            &|l| l.extend_words(["Zxqwv Dinsosnakertrans-Baru"]),
            &|l| l.insert("dinsos", 6.5),
            &|l| l.add_fragments("dinas\nbapperida"),
            &|l| l.extend_weighted("pkk\t2.0\nkominfo\t7.5"),
        ];
        for change in changes {
            let (mut a, mut b) = (compiled.clone(), run_time.clone());
            change(&mut a);
            change(&mut b);
            assert!(!a.aliases);
            assert_same_answers(&a, &b, &words);
            assert_same_spans(&a, &b, &glued("dinasbapperida kominfo pkk dinsosnya"));
        }
        // Nothing to add changes nothing.
        let mut unchanged = compiled.clone();
        unchanged.extend_words(["a", "-", ""]);
        assert!(unchanged.aliases);
        assert!(compiled.aliases, "a clone's change leaves the original");
    }

    #[test]
    fn other_data_gets_the_alias_words_at_run_time() {
        use crate::{Normaliser, Registry};
        // The embedded registry read from its file: the same words.
        let same = Registry::from_tsv(include_str!("../../data/agencies.tsv")).expect("registry");
        let normaliser = Normaliser::with_data(Lexicon::embedded().clone(), same);
        assert!(normaliser.restorer().lexicon().aliases);
        // A lexicon with words of its own.
        let mut own = Lexicon::embedded().clone();
        own.add_fragments("dinas");
        let normaliser = Normaliser::with_data(own.clone(), Registry::embedded().clone());
        let lexicon = normaliser.restorer().lexicon();
        assert!(!lexicon.aliases && !lexicon.contains("dinas"));
        own.extend_words(Registry::embedded().alias_words());
        assert_same_answers(lexicon, &own, &samples(""));
        // A registry with an agency more.
        let mut registry = Registry::embedded().clone();
        let extra = Registry::from_tsv("ZX\tBadan Zxqwv Daerah\tBZD").expect("registry");
        registry.extend(extra);
        let normaliser = Normaliser::with_data(Lexicon::embedded().clone(), registry);
        let lexicon = normaliser.restorer().lexicon();
        assert!(!lexicon.aliases && lexicon.contains("zxqwv") && lexicon.contains("BZD"));
        // Not the embedded lexicon.
        let normaliser = Normaliser::with_data(Lexicon::default(), Registry::embedded().clone());
        let lexicon = normaliser.restorer().lexicon();
        let mut empty = Lexicon::default();
        empty.extend_words(Registry::embedded().alias_words());
        assert!(!lexicon.aliases);
        assert_same_answers(lexicon, &empty, &samples(""));
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
