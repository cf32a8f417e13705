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

/// The bytes of `rest` (fewer than eight) as a little-endian word, read
/// four, two and one at a time: a word assembled in memory a byte at a
/// time would be read back only once the bytes are stored.
fn short_word(rest: &[u8]) -> u64 {
    let (mut word, mut shift, mut rest) = (0, 0, rest);
    if let Some((four, tail)) = rest.split_first_chunk::<4>() {
        word = u64::from(u32::from_le_bytes(*four));
        (shift, rest) = (32, tail);
    }
    if let Some((two, tail)) = rest.split_first_chunk::<2>() {
        word |= u64::from(u16::from_le_bytes(*two)) << shift;
        (shift, rest) = (shift + 16, tail);
    }
    if let Some(&one) = rest.first() {
        word |= u64::from(one) << shift;
    }
    word
}

impl WordHasher {
    /// Mix `bytes` in eight at a time, each eight passed through `map`.
    #[inline]
    fn write_mapped(&mut self, bytes: &[u8], map: impl Fn(u64) -> u64) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(map(u64::from_le_bytes(word)));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(map(short_word(rest)));
        }
    }
}

/// The [`WordHasher`] hash of the bytes of `text`.
///
/// A text of eight bytes or fewer hashes to its bytes, as a little-endian
/// word, times an odd number: two such texts of one length have the same
/// hash only when they are the same text. The numbering of a document's
/// pieces relies on it.
#[inline]
pub(crate) fn word_hash(text: &str) -> u64 {
    let mut hasher = WordHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// The [`WordHasher`] hash of the bytes of `text` in lower case
/// ([`str::to_lowercase`]). An ASCII text is put in lower case eight
/// bytes at a time as it is hashed, without being written out.
pub(crate) fn lower_case_hash(text: &str) -> u64 {
    let mut hasher = WordHasher::default();
    if text.is_ascii() {
        hasher.write_mapped(text.as_bytes(), ascii_lower_case);
    } else {
        hasher.write(text.to_lowercase().as_bytes());
    }
    hasher.finish()
}

/// `f` of `parts` joined and in lower case (as [`str::to_lowercase`] puts
/// the joined text): written in `buffer`, whose room is kept from call to
/// call, when they are ASCII, else in a new string.
pub(crate) fn with_lower_case<R>(
    buffer: &mut String,
    parts: &[&str],
    f: impl FnOnce(&str) -> R,
) -> R {
    buffer.clear();
    for part in parts {
        buffer.push_str(part);
    }
    if buffer.is_ascii() {
        buffer.make_ascii_lowercase();
        f(buffer)
    } else {
        f(&buffer.to_lowercase())
    }
}

/// Eight ASCII bytes with their capitals in lower case.
fn ascii_lower_case(word: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    // A byte below 0x80 plus 0x80 - n reaches 0x80 when it is n or more,
    // and carries into no other byte.
    let from_a = word.wrapping_add(EACH * (0x80 - u64::from(b'A')));
    let past_z = word.wrapping_add(EACH * (0x80 - u64::from(b'Z') - 1));
    let capitals = from_a & !past_z & (EACH * 0x80);
    // 0x80 >> 2 is 0x20, the bit that makes a capital small.
    word | (capitals >> 2)
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.write_mapped(bytes, |word| word);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
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

/// Whether `text` is printable ASCII (`' '` to `'~'`): its only white
/// space is the space, so that its [`pieces`] are its runs between spaces
/// ([`plain_pieces`]), found without decoding or testing for other white
/// space.
pub(crate) fn is_plain(text: &str) -> bool {
    // No early exit: the loop runs on whole vectors of bytes.
    text.bytes()
        .fold(true, |plain, b| plain & matches!(b, b' '..=b'~'))
}

/// A piece of plain text ([`plain_pieces`]) with what is asked of every
/// piece.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PlainPiece<'a> {
    pub text: &'a str,
    /// Its [`word_hash`].
    pub hash: u64,
    /// Its [`lower_case_hash`].
    pub lower_case_hash: u64,
    /// Its [`alphabetic_len`], 0 for `None`.
    pub letters: u32,
}

/// The [`pieces`] of a text that [`is_plain`], its runs between spaces,
/// each with its hashes and letters ([`PlainPiece`]).
///
/// The text is read eight bytes at a time, and the bytes that find a
/// piece's end are the bytes hashed and tested: a plan's pieces are short,
/// and a byte loop (or `memchr`) per piece, then others to hash and test
/// it, spent more on the branches at their ends than on the bytes.
pub(crate) fn plain_pieces(text: &str) -> impl Iterator<Item = PlainPiece<'_>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Past the end the text reads as spaces: no piece starts there,
        // and every piece ends at the end at the latest.
        let start = loop {
            let others = not_spaces(eight_at(bytes, at));
            if others != 0 {
                break at + byte_index(others);
            }
            if at >= bytes.len() {
                return None;
            }
            at += 8;
        };
        let mut hasher = WordHasher::default();
        let mut lower_case = WordHasher::default();
        // The high bit of each byte that is not an ASCII letter.
        let mut not_letters = 0;
        let mut add = |word: u64, bytes: u64| {
            hasher.add(word);
            lower_case.add(ascii_lower_case(word));
            not_letters |= !ascii_letters(word) & bytes;
        };
        at = start;
        loop {
            let word = eight_at(bytes, at);
            let spaces = spaces(word);
            if spaces != 0 {
                let len = byte_index(spaces);
                // The bytes before the space, as `short_word` reads them.
                if len > 0 {
                    let bytes = (1u64 << (8 * len)).wrapping_sub(1);
                    add(word & bytes, bytes & (EACH * 0x80));
                }
                at += len;
                break;
            }
            add(word, EACH * 0x80);
            at += 8;
        }
        let text = text.get(start..at)?;
        // All ASCII: as many letters as bytes.
        let letters = if not_letters == 0 { text.len() } else { 0 };
        Some(PlainPiece {
            text,
            hash: hasher.finish(),
            lower_case_hash: lower_case.finish(),
            letters: u32::try_from(letters).unwrap_or(0),
        })
    })
}

/// The high bit of each byte of `word` (eight bytes, each below 0x80) that
/// is an ASCII letter.
#[inline]
fn ascii_letters(word: u64) -> u64 {
    // A letter with 0x20 set is small, and only letters are then from
    // `a` to `z`; a byte below 0x80 plus 0x80 - n reaches 0x80 when it is
    // n or more, and carries into no other byte.
    let small = word | (EACH * 0x20);
    let from_a = small.wrapping_add(EACH * (0x80 - u64::from(b'a')));
    let past_z = small.wrapping_add(EACH * (0x80 - u64::from(b'z') - 1));
    from_a & !past_z & (EACH * 0x80)
}

/// The eight bytes of `bytes` from `at` on as a little-endian word, spaces
/// for the bytes past the end.
#[inline]
fn eight_at(bytes: &[u8], at: usize) -> u64 {
    const SPACES: u64 = EACH * 0x20;
    let rest = bytes.get(at..).unwrap_or_default();
    if let Some(eight) = rest.first_chunk::<8>() {
        return u64::from_le_bytes(*eight);
    }
    if rest.is_empty() {
        return SPACES;
    }
    // The last eight bytes, shifted down to the `rest` among them: no
    // loop over the bytes of a text's last piece.
    if let Some(last) = bytes.last_chunk::<8>() {
        let rest = 8 * rest.len();
        return u64::from_le_bytes(*last) >> (64 - rest) | SPACES << rest;
    }
    let mut eight = [b' '; 8];
    for (slot, byte) in eight.iter_mut().zip(rest) {
        *slot = *byte;
    }
    u64::from_le_bytes(eight)
}

/// Each byte's lowest bit.
const EACH: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `word` (eight bytes of plain text, each
/// below 0x80) that is not a space.
#[inline]
fn not_spaces(word: u64) -> u64 {
    // A byte of `word ^ spaces` is 0 for a space and below 0x80 for any
    // other byte of plain text: adding 0x7f sets its high bit unless it is
    // 0, and carries into no other byte.
    (word ^ (EACH * u64::from(b' '))).wrapping_add(EACH * 0x7f) & (EACH * 0x80)
}

/// The high bit of each byte of `word` (eight bytes of plain text) that is
/// a space.
#[inline]
fn spaces(word: u64) -> u64 {
    !not_spaces(word) & (EACH * 0x80)
}

/// The index of the first byte of a word whose high bit is set in `bits`.
#[inline]
fn byte_index(bits: u64) -> usize {
    (bits.trailing_zeros() / 8) as usize
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
    // The usual word, ASCII letters only, in one pass.
    if text.bytes().all(|b| b.is_ascii_alphabetic()) {
        return (!text.is_empty()).then_some(text.len());
    }
    if text.is_ascii() {
        return None;
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
    fn plain_texts_split_at_spaces_as_at_white_space() {
        let mut texts: Vec<String> = [
            "",
            " ",
            "  ",
            "Sidang  pleno (tahap 2) ",
            " a",
            "a",
            "x~y",
            "12345678 123456789 1234567 abcdefghijklmnop        x",
            "        ~!@#$%^&*()_+{}|:<>?`-=[];',./\"",
            "Pelatihan KADER posyandu  @Az[ `az{ ZzAa09 Dinas-Sosial AbCdEfGhIjKlMnOpQrStUvWxYz",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Short runs of spaces and of other bytes, mixed, across the
        // eight-byte steps.
        let mut state = 1u32;
        for len in (0..2000).map(|i| i % 40) {
            let mut text = String::new();
            while text.len() < len {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let fill = [' ', '~', 'a', 'Z', '@', '{'][usize::try_from(state >> 8).unwrap() % 6];
                for _ in 0..(state >> 16) % 11 {
                    text.push(fill);
                }
            }
            texts.push(text);
        }
        for text in &texts {
            let text = text.as_str();
            assert!(is_plain(text), "{text:?}");
            let got: Vec<PlainPiece<'_>> = plain_pieces(text).collect();
            let want: Vec<PlainPiece<'_>> = (text.split_whitespace())
                .map(|piece| PlainPiece {
                    text: piece,
                    hash: word_hash(piece),
                    lower_case_hash: lower_case_hash(piece),
                    letters: alphabetic_len(piece).map_or(0, |n| u32::try_from(n).unwrap()),
                })
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        for text in [
            "a\tb",
            "a\nb",
            "x\u{b}y",
            "\u{1f}",
            "\u{7f}",
            "caf\u{e9}",
            "a\u{a0}b",
        ] {
            assert!(!is_plain(text), "{text:?}");
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
    fn short_words_read_as_eight_bytes_padded_with_zeros() {
        let bytes = [1u8, 2, 3, 4, 5, 6, 7];
        for len in 0..8 {
            let mut padded = [0u8; 8];
            for (slot, byte) in padded.iter_mut().zip(&bytes[..len]) {
                *slot = *byte;
            }
            assert_eq!(short_word(&bytes[..len]), u64::from_le_bytes(padded));
        }
    }

    #[test]
    fn lower_case_hashes_are_the_hashes_of_the_lower_case() {
        let hash = |text: &str| {
            let mut hasher = WordHasher::default();
            hasher.write(text.as_bytes());
            hasher.finish()
        };
        let all_ascii: String = (0..128u8).map(char::from).collect();
        for text in [
            "",
            "a",
            "Kader",
            "PELATIHAN@[`{Z",
            "AZaz09 -_~\x7f",
            "KoordinasiLintasSektor",
            all_ascii.as_str(),
            "Café",
            "ÇA İşi ΣΟΦΊΑ",
        ] {
            assert_eq!(
                lower_case_hash(text),
                hash(&text.to_lowercase()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn with_lower_case_gives_the_lower_case_of_the_joined_parts() {
        let mut buffer = String::from("left over");
        for parts in [
            &[][..],
            &["", ""],
            &["Kese", "HATAN"],
            &["TPPO", "di"],
            &["PELATIHAN@[`{Z"],
            &["AZaz09 -_~"],
            &["Café"],
            &["ok", "ΣΟΦΊΑ"],
            // A final sigma is final only in the joined text.
            &["ΟΣ", "Α"],
        ] {
            let got = with_lower_case(&mut buffer, parts, str::to_string);
            assert_eq!(got, parts.concat().to_lowercase(), "{parts:?}");
        }
    }

    #[test]
    fn short_words_hash_apart() {
        // A text of eight bytes or fewer is one word times an odd number:
        // different texts of one length have different hashes.
        let mut seen = std::collections::HashMap::new();
        for text in ["", "a", "b", "ab", "ba", "abcdefgh", "abcdefgi", "bbcdefgh"] {
            assert_eq!(seen.insert(word_hash(text), text), None, "{text:?}");
        }
        // Texts that differ in one bit, anywhere in their eight bytes.
        let base = *b"k\0~ \xc3\xa9zA";
        for at in 0..8 {
            for bit in 0..8 {
                let mut other = base;
                other[at] ^= 1 << bit;
                assert_ne!(hash_bytes(&base), hash_bytes(&other), "{at} {bit}");
            }
        }
        let (a, b) = ("a", "a\0");
        assert_eq!(
            word_hash(a),
            word_hash(b),
            "only the length tells these apart"
        );
    }

    fn hash_bytes(bytes: &[u8]) -> u64 {
        let mut hasher = WordHasher::default();
        hasher.write(bytes);
        hasher.finish()
    }

    #[test]
    fn quote_list_caps_the_count() {
        let w: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(quote_list(&w, 2), "\"a\", \"b\", and 1 more");
        assert_eq!(quote_list(&w, 3), "\"a\", \"b\", \"c\"");
    }
}
