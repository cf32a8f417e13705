//! Words of restored text, as the text rules see them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A table keyed by strings borrowed for one validation (the document's
/// words, records' contents), hashed by [`WordHasher`].
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A fast hasher for the keys of a [`WordMap`] (the multiply-rotate step
/// of rustc's FxHash, eight bytes at a time).
///
/// Not keyed: a document crafted to collide can slow its own validation
/// down, nothing more. The tables live for one validation only.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher {
    hash: u64,
}

impl WordHasher {
    /// Mix one word of input in.
    fn add(&mut self, word: u64) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
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
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            for (slot, byte) in word.iter_mut().zip(rest) {
                *slot = *byte;
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The alphabetic runs of `text` (any script).
///
/// Digits, punctuation and spaces separate words, so `P2TP2A` gives `P`,
/// `TP`, `A` and `KTA/PKorban` gives `KTA`, `PKorban`.
pub(crate) fn words(text: &str) -> Runs<'_, impl Fn(char) -> bool> {
    Runs::new(text, char::is_alphabetic)
}

/// The pieces of `text` between white space, as [`str::split_whitespace`]
/// gives them.
pub(crate) fn pieces(text: &str) -> Runs<'_, impl Fn(char) -> bool> {
    Runs::new(text, |c: char| !c.is_whitespace())
}

/// The longest runs of characters of a text that pass a test, in order (a
/// `split` at the other characters without its empty pieces).
///
/// An all-ASCII text, the usual cell, is cut byte by byte without decoding.
#[derive(Debug, Clone)]
pub(crate) struct Runs<'a, F> {
    text: &'a str,
    /// Byte offset of the rest of the text.
    at: usize,
    ascii: bool,
    test: F,
}

impl<'a, F: Fn(char) -> bool> Runs<'a, F> {
    fn new(text: &'a str, test: F) -> Runs<'a, F> {
        Runs {
            text,
            at: 0,
            ascii: text.is_ascii(),
            test,
        }
    }

    /// The byte offset, from `from` on, of the first character whose test
    /// gives `pass`, or the end of the text.
    #[inline]
    fn boundary(&self, from: usize, pass: bool) -> usize {
        let found = if self.ascii {
            let bytes = self.text.as_bytes().get(from..).unwrap_or_default();
            bytes
                .iter()
                .position(|&b| (self.test)(char::from(b)) == pass)
        } else {
            let rest = self.text.get(from..).unwrap_or_default();
            rest.char_indices()
                .find(|&(_, c)| (self.test)(c) == pass)
                .map(|(at, _)| at)
        };
        found.map_or(self.text.len(), |at| from + at)
    }
}

impl<'a, F: Fn(char) -> bool> Iterator for Runs<'a, F> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let start = self.boundary(self.at, true);
        let end = self.boundary(start, false);
        self.at = end;
        self.text.get(start..end).filter(|r| !r.is_empty())
    }
}

/// The number of characters of `text` when they are all alphabetic, and
/// `None` when one is not or there is none.
pub(crate) fn alphabetic_len(text: &str) -> Option<usize> {
    if text.is_ascii() {
        let letters = text.bytes().all(|b| b.is_ascii_alphabetic());
        return (letters && !text.is_empty()).then_some(text.len());
    }
    let mut len = 0;
    for c in text.chars() {
        if !c.is_alphabetic() {
            return None;
        }
        len += 1;
    }
    (len > 0).then_some(len)
}

/// Whether every letter of `word` is upper case (an acronym: `TPPO`, `RSUD`).
pub(crate) fn is_upper(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
}

/// Quote `words` for a message: at most `max` of them, then "and N more".
pub(crate) fn quote_list<S: AsRef<str>>(words: &[S], max: usize) -> String {
    let mut out: Vec<String> = words
        .iter()
        .take(max)
        .map(|w| format!("\"{}\"", w.as_ref()))
        .collect();
    if words.len() > max {
        out.push(format!("and {} more", words.len() - max));
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_everything_but_letters() {
        let got: Vec<&str> = words("KTA/PKorban, P2TP2A se-Provinsi").collect();
        assert_eq!(got, ["KTA", "PKorban", "P", "TP", "A", "se", "Provinsi"]);
    }

    #[test]
    fn pieces_split_as_split_whitespace_does() {
        for text in [
            "",
            "   ",
            "a",
            " Dinas  Kese hatan\t/RS\n",
            "x\u{b}y\u{c}z\u{1f}w",
            "Café\u{a0}naïve  –\u{2003}kutipan ",
            "dаtа ΡΣ",
        ] {
            let got: Vec<&str> = pieces(text).collect();
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(got, want, "{text:?}");
            let got: Vec<&str> = words(text).collect();
            let want: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn alphabetic_len_counts_letters() {
        assert_eq!(alphabetic_len("Kese"), Some(4));
        assert_eq!(alphabetic_len("naïve"), Some(5));
        assert_eq!(alphabetic_len("P2"), None);
        assert_eq!(alphabetic_len(""), None);
    }

    #[test]
    fn word_maps_tell_words_apart() {
        let mut map: WordMap<&str, usize> = WordMap::default();
        let words = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefgh\0", ""];
        for (i, w) in words.iter().enumerate() {
            map.insert(w, i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&i), "{w:?}");
        }
    }

    #[test]
    fn quote_list_caps_the_count() {
        let w: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(quote_list(&w, 2), "\"a\", \"b\", and 1 more");
        assert_eq!(quote_list(&w, 3), "\"a\", \"b\", \"c\"");
    }
}
