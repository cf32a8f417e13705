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
use super::trie::{Trie, ROOT};
use super::Lexicon;

/// Suffixes after which `-i`, `-kan` and `-an` do not stack.
const STACKED: [&str; 2] = ["kan", "nya"];

/// The lexicon's view of every substring of up to `width` characters of a
/// text of letters (no hyphen: reduplications are not considered).
#[derive(Debug, Clone, Default)]
pub(crate) struct Spans {
    width: usize,
    len: usize,
    /// Zipf of the listed word `s..e`, at `s * width + (e - s - 1)`; NaN
    /// when not listed.
    listed: Vec<f32>,
    /// Zipf of the word `s..e` as derived by affix rules; NaN when none.
    derived: Vec<f32>,
    /// Whether `s..e` is a fragment.
    fragment: Vec<bool>,
    /// By end, one bit per length (`1 << (e - s - 1)`): whether `s..e` is
    /// listed or derived. All bits are set when `width` exceeds 32.
    words_ending: Vec<u32>,
}

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
        let i = self.slot(start, end)?;
        let number = |z: f32| (!z.is_nan()).then_some(z);
        Some(Span {
            listed: number(*self.listed.get(i)?),
            derived: number(*self.derived.get(i)?),
            fragment: *self.fragment.get(i)?,
        })
    }

    /// The lengths of the listed or derived words that end at `end`: bit
    /// `k` stands for `end - k - 1..end`. Every bit is set when the width
    /// exceeds 32.
    #[inline]
    pub(crate) fn words_ending_at(&self, end: usize) -> u32 {
        self.words_ending.get(end).copied().unwrap_or(0)
    }

    fn slot(&self, start: usize, end: usize) -> Option<usize> {
        let chars = end.checked_sub(start)?;
        (chars >= 1 && chars <= self.width && end <= self.len)
            .then(|| start * self.width + chars - 1)
    }

    /// [`Lexicon::listed`] of the substring `start..end`.
    #[cfg(test)]
    fn listed(&self, start: usize, end: usize) -> Option<f32> {
        let z = *self.listed.get(self.slot(start, end)?)?;
        (!z.is_nan()).then_some(z)
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
    listed: Listed,
    /// Byte offset of each character, and the total.
    bytes: Vec<usize>,
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

    /// [`Lexicon::spans`], in `buffers`.
    pub(crate) fn spans_in<'b>(
        &self,
        text: &[char],
        width: usize,
        buffers: &'b mut SpansBuffers,
    ) -> &'b Spans {
        let SpansBuffers {
            spans,
            listed,
            bytes,
            chains,
            scratch,
        } = buffers;
        let len = text.len();
        let width = width.max(1);
        spans.width = width;
        spans.len = len;
        for table in [&mut spans.listed, &mut spans.derived] {
            table.clear();
            table.resize(len * width, f32::NAN);
        }
        spans.fragment.clear();
        spans.fragment.resize(len * width, false);
        spans.words_ending.clear();
        // Wider than the bits: any substring may be a word.
        let all = if width > 32 { u32::MAX } else { 0 };
        spans.words_ending.resize(len + 1, all);
        let tries = self.tries();
        // The listed words from each position: `ends[from[s]..from[s + 1]]`.
        let Listed { ends, from } = listed;
        ends.clear();
        from.clear();
        for start in 0..len {
            from.push(ends.len());
            let slots = start * width..start * width + width;
            let (Some(listed), Some(fragment)) = (
                spans.listed.get_mut(slots.clone()),
                spans.fragment.get_mut(slots),
            ) else {
                continue;
            };
            let words_ending = &mut spans.words_ending;
            walk(
                &tries,
                None,
                text,
                start,
                start + width,
                |end, z, is_fragment| {
                    let i = end - start - 1;
                    if let (Some(slot), Some(z)) = (listed.get_mut(i), z) {
                        *slot = z;
                        ends.push((end, z));
                        mark(words_ending, start, end);
                    }
                    if let Some(slot) = fragment.get_mut(i) {
                        *slot = is_fragment;
                    }
                },
            );
        }
        from.push(ends.len());
        // Byte offsets, for the root buffer's limit.
        bytes.clear();
        let mut total = 0;
        bytes.push(0);
        for c in text {
            total += c.len_utf8();
            bytes.push(total);
        }
        for start in 0..len {
            chains.clear();
            prefix_chains(
                text,
                bytes,
                Head {
                    letter: None,
                    at: start,
                },
                None,
                chains,
            );
            derive_from(&tries, text, start, chains, listed, spans, scratch);
        }
        spans
    }
}

/// The listed words of the text, by start.
#[derive(Debug, Clone, Default)]
struct Listed {
    /// End and zipf of each listed word, by start and end.
    ends: Vec<(usize, f32)>,
    /// Where the words from each start begin in `ends`.
    from: Vec<usize>,
}

impl Listed {
    /// The ends and zipfs of the listed words from `start`, shortest first.
    fn from(&self, start: usize) -> &[(usize, f32)] {
        let (Some(&a), Some(&b)) = (self.from.get(start), self.from.get(start + 1)) else {
            return &[];
        };
        self.ends.get(a..b).unwrap_or(&[])
    }
}

/// Buffers reused from one position to the next.
#[derive(Debug, Clone, Default)]
struct Scratch {
    /// Derived words: end and zipf.
    found: Vec<(usize, f32)>,
    /// Roots after a chain of prefixes: end and zipf.
    roots: Vec<(usize, f32)>,
}

/// Record the derivations of words starting at `start`.
fn derive_from(
    tries: &Tries<'_>,
    text: &[char],
    start: usize,
    chains: &[Chain],
    listed: &Listed,
    spans: &mut Spans,
    scratch: &mut Scratch,
) {
    let width = spans.width;
    let limit = (start + width).min(text.len());
    let Scratch { found, roots } = scratch;
    found.clear();
    // A listed stem and a suffix (`dikaitkan` + `nya`).
    for &(end, z) in listed.from(start) {
        if end >= start + MIN_ROOT && end <= limit {
            suffixed(text, start, end, limit, |end, cost| {
                found.push((end, z - cost - DERIVED));
            });
        }
    }
    // Prefixes over a root, with or without a suffix.
    for chain in chains {
        roots.clear();
        let max_end = chain.max_end.min(limit);
        match chain.root.letter {
            None => roots.extend(
                listed
                    .from(chain.root.at)
                    .iter()
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
            found.push((end, bare - DERIVED));
            let with_suffix = chain.apply(z, true);
            suffixed(text, start, end, limit, |end, cost| {
                found.push((end, with_suffix - cost - DERIVED));
            });
        }
    }
    for &(end, z) in found.iter() {
        if let Some(slot) = spans
            .slot(start, end)
            .and_then(|i| spans.derived.get_mut(i))
        {
            if slot.is_nan() || z > *slot {
                *slot = z;
            }
            mark(&mut spans.words_ending, start, end);
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

/// The words a suffix makes of the stem `start..end`: `each(word end,
/// suffix cost)` for every suffix of the rules that follows the stem in the
/// text before `limit`. A stem ending in `-kan` or `-nya` takes no `-i`,
/// `-kan` or `-an`.
fn suffixed(
    text: &[char],
    start: usize,
    end: usize,
    limit: usize,
    mut each: impl FnMut(usize, f32),
) {
    let stem = text.get(start..end).unwrap_or(&[]);
    let stacked = STACKED.iter().any(|s| ends_with(stem, s));
    let rest = text.get(end..limit).unwrap_or(&[]);
    for &(suffix, cost) in SUFFIXES {
        if stacked && matches!(suffix, "i" | "kan" | "an") {
            continue;
        }
        if starts_with(rest, suffix) {
            each(end + suffix.len(), cost);
        }
    }
}

/// Every reading of the text from `head` as one or two prefixes before a
/// root, pushed to `chains`. `outer` is the chain of the prefix before, if
/// any.
fn prefix_chains(
    text: &[char],
    bytes: &[usize],
    head: Head,
    outer: Option<&Chain>,
    chains: &mut Vec<Chain>,
) {
    let depth = outer.map_or(0, |c| c.depth);
    if depth >= 2 {
        return;
    }
    // Only the prefixes beginning with the head's first letter.
    let first = head.letter.or_else(|| text.get(head.at).copied());
    let Some(index) = first
        .filter(char::is_ascii_lowercase)
        .and_then(|c| PREFIXES_BY_LETTER.get(usize::from(c as u8 - b'a')))
    else {
        return;
    };
    for &i in index.iter().take_while(|&&i| i != u8::MAX) {
        let Some(&(prefix, nasal, bare, with_suffix)) = PREFIXES.get(usize::from(i)) else {
            continue;
        };
        let Some(rest) = strip_prefix(text, head, prefix) else {
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
        prefix_chains(text, bytes, plain.root, Some(&plain), chains);
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
                prefix_chains(text, bytes, restored.root, Some(&restored), chains);
            }
        }
    }
}

/// Where the text from `head` continues after `prefix`, if it begins with
/// it.
fn strip_prefix(text: &[char], head: Head, prefix: &str) -> Option<usize> {
    let mut letters = prefix.chars();
    if let Some(letter) = head.letter {
        if letters.next() != Some(letter) {
            return None;
        }
    }
    let mut at = head.at;
    for c in letters {
        if text.get(at) != Some(&c) {
            return None;
        }
        at += 1;
    }
    Some(at)
}

fn starts_with(text: &[char], affix: &str) -> bool {
    let mut chars = text.iter();
    affix.chars().all(|c| chars.next() == Some(&c))
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
