//! What the lexicon knows about every short substring of one text at once.
//!
//! Word segmentation weighs every substring of a window of text as a
//! candidate word. Asking [`Lexicon::zipf_checked`] for each costs a hash
//! lookup per substring and, for the unknown ones, a search through the
//! affix rules. [`Spans`] answers the same questions for all substrings of
//! up to `width` characters together:
//!
//! - listed words: one walk of the lexicon's trie from each position finds
//!   every listed word that starts there;
//! - derived words: from each position, the affix rules run forwards:
//!   prefixes that begin there (at most two, with the letter a nasal prefix
//!   dropped put back), then the listed roots that follow, then the
//!   suffixes after each root. Each derivation is found once, instead of
//!   once per substring that might hold it.
//!
//! The answers are those of [`Lexicon::listed`], [`Lexicon::is_fragment`]
//! and the affix rules of [`super::affix::derived`], exactly (the tests
//! compare them substring by substring).

use super::affix::{Nasal, DERIVED, MIN_ROOT, PREFIXES, PREFIXES_BY_LETTER, ROOT_BUFFER, SUFFIXES};
use super::trie::{Trie, NO_WORD, ROOT};
use super::Lexicon;

/// Suffixes after which `-i`, `-kan` and `-an` do not stack.
const STACKED: [&str; 2] = ["kan", "nya"];

/// The lexicon's view of every substring of up to `width` characters of a
/// text of letters (no hyphen: reduplications are not considered).
///
/// Each start has a bit mask per kind of answer (bit `e - s - 1` for the
/// substring `s..e`), so that a window's tables are reset by clearing one
/// word per start; the zipf tables are written only where a bit is set, and
/// read only there, so they are never filled. A substring is covered up to
/// [`MAX_COVERED`] characters (the bits of a mask).
#[derive(Debug, Clone, Default)]
pub(crate) struct Spans {
    width: usize,
    len: usize,
    /// By start: which substrings from it are listed words.
    listed_bits: Vec<u32>,
    /// By start: which substrings from it are derived by affix rules.
    derived_bits: Vec<u32>,
    /// By start: which substrings from it are fragments.
    fragment_bits: Vec<u32>,
    /// Zipf of the listed word `s..e`, at `s * width + (e - s - 1)`; stale
    /// where its bit is clear.
    listed: Vec<f32>,
    /// Zipf of the word `s..e` as derived by affix rules; stale where its
    /// bit is clear.
    derived: Vec<f32>,
    /// By end, one bit per length (`1 << (e - s - 1)`): whether `s..e` is
    /// listed or derived. All bits are set when the width asked for
    /// exceeds 32.
    words_ending: Vec<u32>,
}

/// The longest substring a [`Spans`] covers, in characters.
const MAX_COVERED: usize = 32;

/// What [`Spans`] knows of one substring.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    /// [`Lexicon::listed`].
    pub(crate) listed: Option<f32>,
    /// The affix rules' zipf ([`Spans::derived`]).
    pub(crate) derived: Option<f32>,
    /// [`Lexicon::is_fragment`].
    pub(crate) fragment: bool,
}

impl Spans {
    /// All that is known of `start..end`, if it is covered.
    pub(crate) fn at(&self, start: usize, end: usize) -> Option<Span> {
        let (i, bit) = self.slot(start, end)?;
        let listed = *self.listed_bits.get(start)?;
        let derived = *self.derived_bits.get(start)?;
        let fragment = *self.fragment_bits.get(start)?;
        Some(Span {
            listed: if listed & bit != 0 {
                self.listed.get(i).copied()
            } else {
                None
            },
            derived: if derived & bit != 0 {
                self.derived.get(i).copied()
            } else {
                None
            },
            fragment: fragment & bit != 0,
        })
    }

    /// The lengths of the listed or derived words that end at `end`: bit
    /// `k` stands for `end - k - 1..end`. Every bit is set when the width
    /// exceeds 32.
    #[inline]
    pub(crate) fn words_ending_at(&self, end: usize) -> u32 {
        self.words_ending.get(end).copied().unwrap_or(0)
    }

    /// The index of `start..end` in the zipf tables and its bit in the
    /// masks of `start`, if covered.
    fn slot(&self, start: usize, end: usize) -> Option<(usize, u32)> {
        let chars = end.checked_sub(start)?;
        (chars >= 1 && chars <= self.width && end <= self.len)
            .then(|| (start * self.width + chars - 1, 1 << (chars - 1)))
    }

    /// [`Lexicon::listed`] of the substring `start..end`.
    #[cfg(test)]
    fn listed(&self, start: usize, end: usize) -> Option<f32> {
        self.at(start, end)?.listed
    }

    /// [`Lexicon::zipf_checked`] of the substring `start..end`.
    #[cfg(test)]
    fn checked(&self, start: usize, end: usize) -> Option<f32> {
        let span = self.at(start, end)?;
        match span.listed {
            Some(z) => Some(z),
            None if span.fragment => None,
            None => span.derived,
        }
    }
}

/// The set bits of a mask, lowest first, as bit numbers.
struct Bits(u32);

impl Iterator for Bits {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let k = self.0.trailing_zeros();
        self.0 &= self.0 - 1;
        Some(k as usize)
    }
}

/// A string of the text: from position `at` on, led by the letter a nasal
/// prefix dropped (`mem` + `pukul`: `p` + `ukul`) when `letter` is set.
#[derive(Debug, Clone, Copy)]
struct Head {
    letter: Option<char>,
    at: usize,
}

/// One way of reading the start of a word as prefixes: the root it leaves,
/// the shortest root end its length rules allow, the longest one its byte
/// rule allows, and the prefixes' costs (outermost first).
#[derive(Debug, Clone, Copy)]
struct Chain {
    root: Head,
    min_end: usize,
    max_end: usize,
    bare: [f32; 2],
    with_suffix: [f32; 2],
    depth: usize,
}

impl Chain {
    /// The zipf of the word that is this chain's prefixes over a root of
    /// zipf `z` (innermost prefix subtracted first, as the rules recurse).
    fn apply(&self, z: f32, suffixed: bool) -> f32 {
        let costs = if suffixed {
            &self.with_suffix
        } else {
            &self.bare
        };
        costs
            .get(..self.depth)
            .unwrap_or(&[])
            .iter()
            .rev()
            .fold(z, |z, cost| z - cost)
    }
}

/// The buffers of [`Lexicon::spans_in`], kept from one text to the next
/// so that segmenting many windows allocates once.
#[derive(Debug, Clone, Default)]
pub(crate) struct SpansBuffers {
    spans: Spans,
    /// Byte offset of each character, and the total.
    bytes: Vec<usize>,
    /// By position: the next characters, packed ([`read_ahead`]).
    ahead: Vec<u64>,
    /// By position: which suffixes of the rules begin there
    /// ([`read_ahead`]).
    suffixes: Vec<u16>,
    chains: Vec<Chain>,
    scratch: Scratch,
}

impl Lexicon {
    /// What the lexicon knows about every substring of `text` (lower-case
    /// letters) of at most `width` characters.
    #[cfg(test)]
    pub(crate) fn spans(&self, text: &[char], width: usize) -> Spans {
        let mut buffers = SpansBuffers::default();
        self.spans_in(text, width, &mut buffers).clone()
    }

    /// [`Lexicon::spans`], in `buffers`. Substrings longer than 32
    /// characters are not covered.
    pub(crate) fn spans_in<'b>(
        &self,
        text: &[char],
        width: usize,
        buffers: &'b mut SpansBuffers,
    ) -> &'b Spans {
        let SpansBuffers {
            spans,
            bytes,
            ahead,
            suffixes,
            chains,
            scratch,
        } = buffers;
        let len = text.len();
        // Wider than the bits: any substring may be a word.
        let all = if width > 32 { u32::MAX } else { 0 };
        let width = width.clamp(1, MAX_COVERED);
        spans.width = width;
        spans.len = len;
        for bits in [
            &mut spans.listed_bits,
            &mut spans.derived_bits,
            &mut spans.fragment_bits,
        ] {
            bits.clear();
            bits.resize(len, 0);
        }
        // Stale values stay: only the slots whose bit is set are read.
        for table in [&mut spans.listed, &mut spans.derived] {
            if table.len() < len * width {
                table.resize(len * width, f32::NAN);
            }
        }
        spans.words_ending.clear();
        spans.words_ending.resize(len + 1, all);
        let tries = self.tries();
        match (tries.base, tries.extra) {
            (Some(trie), None) => listed_by_one_trie(&trie, text, spans),
            _ => listed_by_walks(&tries, text, spans),
        }
        // Byte offsets, for the root buffer's limit.
        bytes.clear();
        let mut total = 0;
        bytes.push(0);
        for c in text {
            total += c.len_utf8();
            bytes.push(total);
        }
        read_ahead(text, ahead, suffixes);
        // By start, from the last: bit `k` is set when a suffix begins
        // at `start + k + 1`, after the substring the bit stands for.
        let mut followed = 0u32;
        for start in (0..len).rev() {
            let next = suffixes.get(start + 1).copied().unwrap_or(0);
            followed = followed << 1 | u32::from(next != 0);
            chains.clear();
            let head = Head {
                letter: None,
                at: start,
            };
            if may_begin_prefix(ahead, head) {
                prefix_chains(text, ahead, bytes, head, None, chains);
            }
            // The listed stems of a root's length that a suffix follows.
            let stems = spans.listed_bits.get(start).copied().unwrap_or(0)
                & followed
                & (u32::MAX << (MIN_ROOT - 1));
            if stems == 0 && chains.is_empty() {
                continue;
            }
            let words = Words {
                text,
                suffixes,
                start,
                stems,
            };
            derive_from(&tries, &words, chains, spans, scratch);
        }
        spans
    }
}

/// Fill the listed and fragment bits (and the listed zipfs) of `spans`,
/// sized for `text`, by a walk of the tries from each start.
fn listed_by_walks(tries: &Tries<'_>, text: &[char], spans: &mut Spans) {
    let width = spans.width;
    for start in 0..text.len() {
        let base = start * width;
        let (Some(listed), Some(listed_bits), Some(fragment_bits)) = (
            spans.listed.get_mut(base..base + width),
            spans.listed_bits.get_mut(start),
            spans.fragment_bits.get_mut(start),
        ) else {
            continue;
        };
        let words_ending = &mut spans.words_ending;
        walk(
            tries,
            None,
            text,
            start,
            start + width,
            |end, z, is_fragment| {
                let k = end - start - 1;
                if let (Some(slot), Some(z)) = (listed.get_mut(k), z) {
                    *slot = z;
                    *listed_bits |= 1 << k;
                    mark(words_ending, start, end);
                }
                *fragment_bits |= u32::from(is_fragment) << k;
            },
        );
    }
}

/// [`listed_by_walks`] for a lexicon of one trie (the usual case), in one
/// loop: whether a word ends at a step is a coin toss for the branch
/// predictor, so each step writes its zipf slot and ORs its bits whether
/// or not a word ends there (a slot is read only where its bit is set).
fn listed_by_one_trie(trie: &Trie<'_>, text: &[char], spans: &mut Spans) {
    let Spans {
        width,
        listed_bits,
        fragment_bits,
        listed,
        words_ending,
        ..
    } = spans;
    let width = *width;
    let starts = listed_bits.iter_mut().zip(fragment_bits.iter_mut());
    for (start, (listed_bits, fragment_bits)) in starts.enumerate() {
        let base = start * width;
        let (Some(row), Some(chars), Some(ends)) = (
            listed.get_mut(base..base + width),
            text.get(start..),
            words_ending.get_mut(start + 1..),
        ) else {
            continue;
        };
        let (mut node, mut words, mut fragments) = (ROOT, 0u32, 0u32);
        let steps = row.iter_mut().zip(chars).zip(ends).enumerate();
        for (k, ((slot, &c), ending)) in steps {
            let Some(next) = trie.step(node, c) else {
                break;
            };
            node = next;
            let value = trie.value_bits(next);
            let word = u32::from(value != NO_WORD) << k;
            *slot = f32::from_bits(value);
            words |= word;
            *ending |= word;
            fragments |= u32::from(trie.is_fragment(next)) << k;
        }
        *listed_bits = words;
        *fragment_bits = fragments;
    }
}

/// Buffers reused from one position to the next.
#[derive(Debug, Clone, Default)]
struct Scratch {
    /// Roots after a chain of prefixes: end and zipf.
    roots: Vec<(usize, f32)>,
}

/// The text around the start of the words [`derive_from`] derives.
struct Words<'t> {
    text: &'t [char],
    /// The suffixes by position ([`read_ahead`]).
    suffixes: &'t [u16],
    start: usize,
    /// Bit `k`: `start..start + k + 1` is a listed word of three letters
    /// or more, and some suffix follows it.
    stems: u32,
}

/// Record the derivations of words starting at `words.start`.
fn derive_from(
    tries: &Tries<'_>,
    words: &Words<'_>,
    chains: &[Chain],
    spans: &mut Spans,
    scratch: &mut Scratch,
) {
    let Words {
        text,
        suffixes,
        start,
        stems,
    } = *words;
    let Spans {
        width,
        listed_bits,
        listed,
        derived_bits,
        derived,
        words_ending,
        ..
    } = spans;
    let width = *width;
    let limit = (start + width).min(text.len());
    let Some(bits) = derived_bits.get_mut(start) else {
        return;
    };
    let (Some(derived), Some(listed_bits), Some(listed)) = (
        derived.get_mut(start * width..start * width + width),
        listed_bits.get(..),
        listed.get(..),
    ) else {
        return;
    };
    // The zipf of a derivation `start..end`: the highest wins.
    let mut record = |end: usize, z: f32| {
        let k = end.wrapping_sub(start + 1);
        if let Some(slot) = derived.get_mut(k) {
            let bit = 1 << k;
            if *bits & bit == 0 || z > *slot {
                *slot = z;
            }
            *bits |= bit;
            mark(words_ending, start, end);
        }
    };
    let listed_from = |at: usize| {
        let bits = listed_bits.get(at).copied().unwrap_or(0);
        let base = at * width;
        Bits(bits).filter_map(move |k| Some((at + k + 1, *listed.get(base + k)?)))
    };
    // A listed stem and a suffix (`dikaitkan` + `nya`).
    for k in Bits(stems) {
        let (end, Some(&z)) = (start + k + 1, listed.get(start * width + k)) else {
            continue;
        };
        if end <= limit {
            suffixed(text, suffixes, start, end, limit, |end, cost| {
                record(end, z - cost - DERIVED);
            });
        }
    }
    // Prefixes over a root, with or without a suffix.
    let Scratch { roots } = scratch;
    for chain in chains {
        roots.clear();
        let max_end = chain.max_end.min(limit);
        match chain.root.letter {
            None => roots.extend(
                listed_from(chain.root.at)
                    .filter(|(end, _)| *end >= chain.min_end && *end <= max_end),
            ),
            Some(_) => walk(
                tries,
                chain.root.letter,
                text,
                chain.root.at,
                max_end,
                |end, z, _| {
                    if let Some(z) = z.filter(|_| end >= chain.min_end) {
                        roots.push((end, z));
                    }
                },
            ),
        }
        for &(end, z) in roots.iter() {
            let bare = chain.apply(z, false);
            record(end, bare - DERIVED);
            let with_suffix = chain.apply(z, true);
            suffixed(text, suffixes, start, end, limit, |end, cost| {
                record(end, with_suffix - cost - DERIVED);
            });
        }
    }
}

/// Note in `words_ending` that `start..end` is a word.
fn mark(words_ending: &mut [u32], start: usize, end: usize) {
    let chars = end.wrapping_sub(start);
    if let (Some(bits), 1..=32) = (words_ending.get_mut(end), chars) {
        *bits |= 1 << (chars - 1);
    }
}

/// Each suffix of [`SUFFIXES`] as the low bytes of a `u64` (its first
/// letter lowest), with the mask of those bytes: the suffix begins where
/// the text's next eight letters, so packed and masked, equal it.
const SUFFIX_BYTES: [(u64, u64); SUFFIXES.len()] = {
    let mut table = [(0, 0); SUFFIXES.len()];
    let mut i = 0;
    while i < SUFFIXES.len() {
        table[i] = packed(SUFFIXES[i].0);
        i += 1;
    }
    table
};

/// By number of letters left before the limit (up to 8): the suffixes
/// of [`SUFFIXES`] that fit, as bits.
const SUFFIXES_FITTING: [u16; 9] = {
    let mut table = [0u16; 9];
    let mut room = 0;
    while room < table.len() {
        let mut i = 0;
        while i < SUFFIXES.len() {
            if SUFFIXES[i].0.len() <= room {
                table[room] |= 1 << i;
            }
            i += 1;
        }
        room += 1;
    }
    table
};

/// For each position of `text` (and its end): the next eight characters,
/// packed as [`SUFFIX_BYTES`] are, into `ahead`, and which suffixes of
/// [`SUFFIXES`] begin there (bit `i` for the `i`-th), into `suffixes`.
/// Found once per position, not once per stem that ends there.
fn read_ahead(text: &[char], ahead: &mut Vec<u64>, suffixes: &mut Vec<u16>) {
    ahead.clear();
    ahead.resize(text.len() + 1, 0);
    suffixes.clear();
    suffixes.resize(text.len() + 1, 0);
    // Zero for a character other than ASCII (no affix has one) and past
    // the end.
    let mut next = 0u64;
    let positions = ahead.iter_mut().zip(suffixes.iter_mut()).zip(text);
    for ((packed, slot), &c) in positions.rev() {
        let byte = if c.is_ascii() { c as u64 } else { 0 };
        next = next << 8 | byte;
        *packed = next;
        let mut found = 0u16;
        for (i, &(letters, mask)) in SUFFIX_BYTES.iter().enumerate() {
            found |= u16::from(next & mask == letters) << i;
        }
        *slot = found;
    }
}

/// The words a suffix makes of the stem `start..end`: `each(word end,
/// suffix cost)` for every suffix of the rules that follows the stem in the
/// text before `limit` (`suffixes`: as [`read_ahead`] finds them). A stem
/// ending in `-kan` or `-nya` takes no `-i`, `-kan` or `-an`.
fn suffixed(
    text: &[char],
    suffixes: &[u16],
    start: usize,
    end: usize,
    limit: usize,
    mut each: impl FnMut(usize, f32),
) {
    let room = limit.saturating_sub(end).min(SUFFIXES_FITTING.len() - 1);
    let found =
        suffixes.get(end).copied().unwrap_or(0) & SUFFIXES_FITTING.get(room).copied().unwrap_or(0);
    if found == 0 {
        return;
    }
    let stem = text.get(start..end).unwrap_or(&[]);
    let mut stacked = None;
    for i in Bits(u32::from(found)) {
        let Some(&(suffix, cost)) = SUFFIXES.get(i) else {
            continue;
        };
        if matches!(suffix, "i" | "kan" | "an")
            && *stacked.get_or_insert_with(|| STACKED.iter().any(|s| ends_with(stem, s)))
        {
            continue;
        }
        each(end + suffix.len(), cost);
    }
}

/// Every reading of the text from `head` as one or two prefixes before a
/// root, pushed to `chains`. `outer` is the chain of the prefix before, if
/// any.
fn prefix_chains(
    text: &[char],
    ahead: &[u64],
    bytes: &[usize],
    head: Head,
    outer: Option<&Chain>,
    chains: &mut Vec<Chain>,
) {
    let depth = outer.map_or(0, |c| c.depth);
    if depth >= 2 {
        return;
    }
    // Only the prefixes beginning with the head's first letter, if some
    // begins with its first two.
    let first = head.letter.or_else(|| text.get(head.at).copied());
    let Some(index) = first
        .filter(char::is_ascii_lowercase)
        .filter(|_| may_begin_prefix(ahead, head))
        .and_then(|c| PREFIXES_BY_LETTER.get(usize::from(c as u8 - b'a')))
    else {
        return;
    };
    for &i in index.iter().take_while(|&&i| i != u8::MAX) {
        let Some(&(_, nasal, bare, with_suffix)) = PREFIXES.get(usize::from(i)) else {
            continue;
        };
        let Some(rest) = strip_prefix(ahead, head, usize::from(i)) else {
            continue;
        };
        // The rest keeps two letters at least, a root three.
        let min_rest = rest + MIN_ROOT - 1;
        let make = |root: Head| {
            let root_letters = usize::from(root.letter.is_some());
            let min_end = min_rest.max(rest + MIN_ROOT - root_letters);
            let mut chain = Chain {
                root,
                min_end: outer.map_or(min_end, |o| o.min_end.max(min_end)),
                max_end: outer.map_or(usize::MAX, |o| o.max_end),
                bare: outer.map_or([0.0; 2], |o| o.bare),
                with_suffix: outer.map_or([0.0; 2], |o| o.with_suffix),
                depth: depth + 1,
            };
            if let (Some(b), Some(w)) =
                (chain.bare.get_mut(depth), chain.with_suffix.get_mut(depth))
            {
                *b = bare;
                *w = with_suffix;
            }
            if root.letter.is_some() {
                // The root is rebuilt in a buffer of ROOT_BUFFER bytes.
                let base = bytes.get(rest).copied().unwrap_or(0);
                let fits = bytes
                    .partition_point(|&b| b < base + ROOT_BUFFER)
                    .saturating_sub(1);
                chain.max_end = chain.max_end.min(fits);
            }
            chain
        };
        let plain = make(Head {
            letter: None,
            at: rest,
        });
        chains.push(plain);
        prefix_chains(text, ahead, bytes, plain.root, Some(&plain), chains);
        if let Nasal::Drops(letter) = nasal {
            if text
                .get(rest)
                .is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
            {
                let restored = make(Head {
                    letter: Some(letter),
                    at: rest,
                });
                chains.push(restored);
                prefix_chains(text, ahead, bytes, restored.root, Some(&restored), chains);
            }
        }
    }
}

/// Each prefix of [`PREFIXES`] packed as [`SUFFIX_BYTES`] are, with its
/// mask and its length.
const PREFIX_BYTES: [(u64, u64, usize); PREFIXES.len()] = {
    let mut table = [(0, 0, 0); PREFIXES.len()];
    let mut i = 0;
    while i < PREFIXES.len() {
        let (letters, mask) = packed(PREFIXES[i].0);
        table[i] = (letters, mask, PREFIXES[i].0.len());
        i += 1;
    }
    table
};

/// An affix as the low bytes of a `u64` (its first letter lowest), with
/// the mask of those bytes.
const fn packed(affix: &str) -> (u64, u64) {
    let bytes = affix.as_bytes();
    // Eight letters are read ahead; a letter a nasal dropped takes one.
    assert!(!bytes.is_empty() && bytes.len() < 8);
    let mut letters = 0u64;
    let mut k = bytes.len();
    while k > 0 {
        k -= 1;
        letters = letters << 8 | bytes[k] as u64;
    }
    (letters, (1 << (8 * bytes.len())) - 1)
}

/// By first letter `a`-`z`: the second letters of the prefixes of
/// [`PREFIXES`] that begin with it (bit `i` for `a + i`). Every prefix has
/// two letters at least.
const PREFIX_PAIRS: [u32; 26] = {
    let mut table = [0u32; 26];
    let mut i = 0;
    while i < PREFIXES.len() {
        let bytes = PREFIXES[i].0.as_bytes();
        assert!(bytes.len() >= 2 && bytes[0].is_ascii_lowercase() && bytes[1].is_ascii_lowercase());
        table[(bytes[0] - b'a') as usize] |= 1 << (bytes[1] - b'a');
        i += 1;
    }
    table
};

/// Whether some prefix of [`PREFIXES`] begins with the first two letters
/// of the text from `head` (`ahead`: as [`read_ahead`] packs the text):
/// most positions begin none, and are rejected here at once.
#[inline]
fn may_begin_prefix(ahead: &[u64], head: Head) -> bool {
    let next = ahead.get(head.at).copied().unwrap_or(0);
    let two = match head.letter {
        None => next,
        Some(letter) if letter.is_ascii() => next << 8 | letter as u64,
        Some(_) => return false,
    };
    let (first, second) = ((two & 0xff) as u8, (two >> 8 & 0xff) as u8);
    if !first.is_ascii_lowercase() || !second.is_ascii_lowercase() {
        return false;
    }
    PREFIX_PAIRS
        .get(usize::from(first - b'a'))
        .is_some_and(|row| row >> (second - b'a') & 1 != 0)
}

/// Where the text from `head` continues after the `i`-th prefix of
/// [`PREFIXES`], if it begins with it (`ahead`: as [`read_ahead`] packs
/// the text).
fn strip_prefix(ahead: &[u64], head: Head, i: usize) -> Option<usize> {
    let &(letters, mask, len) = PREFIX_BYTES.get(i)?;
    let next = ahead.get(head.at).copied().unwrap_or(0);
    let (next, len) = match head.letter {
        None => (next, len),
        // No prefix has a letter other than ASCII.
        Some(letter) if letter.is_ascii() => (next << 8 | letter as u64, len - 1),
        Some(_) => return None,
    };
    (next & mask == letters).then_some(head.at + len)
}

fn ends_with(text: &[char], affix: &str) -> bool {
    let mut chars = text.iter().rev();
    affix.chars().rev().all(|c| chars.next() == Some(&c))
}

/// The tries of a lexicon: the embedded words and the words added at run
/// time, whose fragments hide embedded words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tries<'a> {
    pub(crate) base: Option<Trie<'a>>,
    pub(crate) extra: Option<Trie<'a>>,
}

/// Walk the tries along `text[at..limit]` (led by `letter` if set),
/// calling `found(end, zipf, fragment)` at every end where the walk goes
/// on: `zipf` is [`Lexicon::listed`] of what was read, `fragment`
/// [`Lexicon::is_fragment`].
fn walk(
    tries: &Tries<'_>,
    letter: Option<char>,
    text: &[char],
    at: usize,
    limit: usize,
    mut found: impl FnMut(usize, Option<f32>, bool),
) {
    if let (Some(trie), None) = (tries.base.as_ref(), tries.extra.as_ref()) {
        // One trie (the usual case): its answers are the walk's.
        let mut node = match letter {
            Some(letter) => trie.step(ROOT, letter),
            None => Some(ROOT),
        };
        let limit = limit.min(text.len());
        for (i, &c) in text.get(at..limit).unwrap_or(&[]).iter().enumerate() {
            let Some(next) = node.and_then(|n| trie.step(n, c)) else {
                return;
            };
            node = Some(next);
            found(at + i + 1, trie.value(next), trie.is_fragment(next));
        }
        return;
    }
    // The tries by reference: a walk takes many steps.
    let base_trie = tries.base.as_ref();
    let extra_trie = tries.extra.as_ref();
    let lead = |trie: Option<&Trie<'_>>| {
        let trie = trie?;
        match letter {
            Some(letter) => trie.step(ROOT, letter),
            None => Some(ROOT),
        }
    };
    let mut base = lead(base_trie);
    let mut extra = lead(extra_trie);
    let limit = limit.min(text.len());
    for (i, &c) in text.get(at..limit).unwrap_or(&[]).iter().enumerate() {
        base = match (base_trie, base) {
            (Some(t), Some(n)) => t.step(n, c),
            _ => None,
        };
        extra = match (extra_trie, extra) {
            (Some(t), Some(n)) => t.step(n, c),
            _ => None,
        };
        let (mut z, mut fragment) = (None, false);
        match (extra_trie, extra) {
            (Some(t), Some(n)) => {
                fragment = t.is_fragment(n);
                z = t.value(n);
            }
            _ if base.is_none() => break,
            _ => {}
        }
        if let (Some(t), Some(n)) = (base_trie, base) {
            // A run-time fragment is no embedded word.
            if !fragment {
                if let Some(v) = t.value(n) {
                    z = Some(z.map_or(v, |e: f32| v.max(e)));
                }
            }
            fragment |= t.is_fragment(n);
        }
        found(at + i + 1, z, fragment);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Windows of glued words: three words of a document run together,
    /// lower case, letters only.
    fn windows(text: &str) -> Vec<Vec<char>> {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| w.chars().filter(|c| c.is_alphabetic()).collect::<String>())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .collect();
        words
            .windows(3)
            .map(|w| w.concat().chars().collect())
            .collect()
    }

    fn compare(lexicon: &Lexicon, window: &[char], width: usize) {
        let spans = lexicon.spans(window, width);
        for start in 0..window.len() {
            for end in start + 1..=(start + width).min(window.len()) {
                let word: String = window.get(start..end).unwrap_or(&[]).iter().collect();
                assert_eq!(
                    spans.listed(start, end),
                    lexicon.listed(&word),
                    "listed {word}"
                );
                assert_eq!(
                    spans.at(start, end).map(|s| s.fragment),
                    Some(lexicon.is_fragment(&word)),
                    "fragment {word}"
                );
                assert_eq!(
                    spans.checked(start, end),
                    lexicon.zipf_checked(&word),
                    "checked {word}"
                );
            }
            assert!(spans.at(start, start + width + 1).is_none());
        }
        for end in 1..=window.len() {
            for start in end.saturating_sub(width)..end {
                let span = spans.at(start, end);
                let word = span.is_some_and(|s| s.listed.is_some() || s.derived.is_some());
                let bit = spans.words_ending_at(end) >> (end - start - 1) & 1 != 0;
                assert_eq!(bit, word || width > 32, "{start}..{end}");
            }
        }
    }

    #[test]
    fn agrees_with_the_lexicon_on_every_substring() {
        let text = include_str!("../../../../fixtures/documents/013_lombok_timur_tppo.md");
        let lexicon = Lexicon::embedded();
        for window in windows(text).iter().step_by(7).take(300) {
            compare(lexicon, window, 24);
        }
    }

    #[test]
    fn covers_at_most_the_bits_of_a_mask() {
        let lexicon = Lexicon::embedded();
        let text = "pelatihankaderkesehatanmasyarakatdesaterpencilkabupaten";
        let window: Vec<char> = text.chars().collect();
        // Asked for more, it covers 32 characters, exactly as asked for 32,
        // and every length may end a word.
        let (wide, exact) = (lexicon.spans(&window, 40), lexicon.spans(&window, 32));
        compare(lexicon, &window, 32);
        for start in 0..window.len() {
            for end in start + 1..=(start + 40).min(window.len()) {
                let answer = |s: Option<Span>| s.map(|s| (s.listed, s.derived, s.fragment));
                assert_eq!(answer(wide.at(start, end)), answer(exact.at(start, end)));
                assert_eq!(wide.at(start, end).is_some(), end - start <= 32);
            }
        }
        assert!((0..=window.len()).all(|e| wide.words_ending_at(e) == u32::MAX));
        // A window reuses its buffers: answers stale from a longer window
        // are never read.
        let mut buffers = SpansBuffers::default();
        lexicon.spans_in(&window, 24, &mut buffers);
        let short: Vec<char> = "kaderdesa".chars().collect();
        let reused = lexicon.spans_in(&short, 24, &mut buffers).clone();
        let fresh = lexicon.spans(&short, 24);
        for start in 0..short.len() {
            for end in start + 1..=short.len() {
                let answer = |s: Option<Span>| s.map(|s| (s.listed, s.derived, s.fragment));
                assert_eq!(answer(reused.at(start, end)), answer(fresh.at(start, end)));
            }
        }
    }

    #[test]
    fn one_trie_fills_the_tables_as_the_walks_do() {
        let text = include_str!("../../../../fixtures/documents/013_lombok_timur_tppo.md");
        let lexicon = Lexicon::embedded();
        let tries = lexicon.tries();
        let Some(trie) = tries.base else {
            panic!("the embedded lexicon has its trie");
        };
        assert!(tries.extra.is_none());
        let mut windows = windows(text);
        windows.push("kantorbapperidaxyzdisporapar".chars().collect());
        windows.push("pénataanruang".chars().collect());
        for window in windows.iter().step_by(5) {
            for width in [5, 24, 40] {
                let sized = |spans: &mut Spans| {
                    spans.width = width.clamp(1, MAX_COVERED);
                    spans.len = window.len();
                    spans.listed_bits = vec![0; window.len()];
                    spans.fragment_bits = vec![0; window.len()];
                    spans.listed = vec![f32::NAN; window.len() * spans.width];
                    spans.words_ending = vec![0; window.len() + 1];
                };
                let (mut fast, mut general) = (Spans::default(), Spans::default());
                sized(&mut fast);
                sized(&mut general);
                listed_by_one_trie(&trie, window, &mut fast);
                listed_by_walks(&tries, window, &mut general);
                assert_eq!(fast.listed_bits, general.listed_bits);
                assert_eq!(fast.fragment_bits, general.fragment_bits);
                assert_eq!(fast.words_ending, general.words_ending);
                for (start, &bits) in general.listed_bits.iter().enumerate() {
                    for k in Bits(bits) {
                        let i = start * general.width + k;
                        assert_eq!(fast.listed.get(i), general.listed.get(i));
                    }
                }
            }
        }
    }

    #[test]
    fn packed_affixes_match_as_the_strings_do() {
        let text: Vec<char> = "dikaitkannya pemberdayaan menaati kebijakanlah \
                               penyuluhannya apakah mémperhatikan kan i an"
            .chars()
            .collect();
        let (mut ahead, mut suffixes) = (Vec::new(), Vec::new());
        read_ahead(&text, &mut ahead, &mut suffixes);
        assert_eq!(suffixes.len(), text.len() + 1);
        for at in 0..=text.len() {
            let rest: String = text.get(at..).unwrap_or(&[]).iter().collect();
            for (i, &(suffix, _)) in SUFFIXES.iter().enumerate() {
                let found = suffixes.get(at).is_some_and(|s| s >> i & 1 != 0);
                assert_eq!(found, rest.starts_with(suffix), "{suffix} at {at}");
            }
            for letter in [None, Some('k'), Some('p'), Some('é')] {
                let head = Head { letter, at };
                let led: String = letter.into_iter().chain(rest.chars()).collect();
                let mut any = false;
                for (i, &(prefix, ..)) in PREFIXES.iter().enumerate() {
                    let read = usize::from(letter.is_some());
                    let expected = led
                        .starts_with(prefix)
                        .then(|| at + prefix.chars().count() - read);
                    assert_eq!(strip_prefix(&ahead, head, i), expected, "{prefix} at {at}");
                    any |= expected.is_some();
                }
                // The quick test lets through every head a prefix begins.
                assert!(!any || may_begin_prefix(&ahead, head), "{led}");
            }
        }
    }

    #[test]
    fn agrees_with_run_time_words_and_fragments() {
        let mut lexicon = Lexicon::embedded().clone();
        lexicon.extend_words(["Bapperida Disporapar Kominfo", "pemukul"]);
        lexicon.insert("dan", 8.5);
        lexicon.add_fragments("pen\nkantor");
        let text = "pemberdayaan perempuan dan perlindungan anak bapperida \
                    kantor kantornya memukuli mempertahankan disporaparnya diwujudkannya \
                    kominfokan penyuluhan menaati ketenagakerjaan";
        for window in windows(text) {
            compare(&lexicon, &window, 24);
            compare(&lexicon, &window, 5);
        }
    }
}
