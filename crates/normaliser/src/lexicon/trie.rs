//! A byte trie over the lexicon's words, shared by the build script (which
//! encodes the embedded words) and the lexicon (which walks it, and encodes
//! the words added at run time the same way).
//!
//! Word segmentation asks for every substring of a text whether it is a
//! word; walking the trie from each position answers that for all the
//! substrings starting there at once, in as many steps as the longest word
//! that begins there has letters.
//!
//! Layout: nodes numbered breadth-first, so that the children of a node
//! have consecutive numbers and are found from their parent by a scan of a
//! few bytes. Per node: the number of its first child, its number of
//! children (with the [`FRAGMENT`] flag in the top bit), the byte of the
//! edge that leads to it, the zipf of the word ending there (`f32`
//! bits; [`NO_WORD`] when no word ends there) and which of `a`-`z` its
//! children are ([`letter_mask`]), so that a letter finds its child in a
//! few instructions. The root's children are also indexed by byte.

use std::collections::BTreeMap;

/// Flag of a node where a fragment ends (`nya`, `kan`: never a word), in
/// its count of children.
pub(crate) const FRAGMENT: u16 = 0x8000;
/// The value bits of a node where no word ends (a NaN).
pub(crate) const NO_WORD: u32 = 0x7fc0_0000;

/// The encoded arrays of a trie.
#[derive(Debug, Clone, Default)]
pub(crate) struct Encoded {
    pub(crate) first: Vec<u32>,
    pub(crate) count: Vec<u16>,
    pub(crate) labels: Vec<u8>,
    pub(crate) values: Vec<u32>,
    /// The zipf of the word ending at each node among the words and the
    /// upper layer's words together ([`encode_layered`]); empty otherwise.
    pub(crate) layered: Vec<u32>,
    /// Per node, [`letter_mask`] of its children's labels.
    pub(crate) letters: Vec<u32>,
    /// The child of the root along each byte ([`u32::MAX`]: none).
    pub(crate) root: Vec<u32>,
}

/// Bits of the letter mask that count the labels before `a`.
const LEAD_SHIFT: u32 = 26;
/// A count of labels before `a` too high for the mask: scan instead.
const LEAD_UNKNOWN: u32 = 63;

/// The letter mask of sorted child labels: bit `i` for the letter `a + i`,
/// and in the top six bits the number of labels before `a` (digits,
/// hyphens), or [`LEAD_UNKNOWN`].
pub(crate) fn letter_mask(labels: impl IntoIterator<Item = u8>) -> u32 {
    let mut mask = 0u32;
    let mut lead = 0u32;
    for label in labels {
        if label < b'a' {
            lead += 1;
        } else if label <= b'z' {
            mask |= 1 << (label - b'a');
        }
    }
    mask | (lead.min(LEAD_UNKNOWN) << LEAD_SHIFT)
}

/// Encode words (with their zipf) and fragments as a trie. A string given
/// as both keeps its zipf and takes the fragment flag.
pub(crate) fn encode<'a>(
    words: impl IntoIterator<Item = (&'a str, f32)>,
    fragments: impl IntoIterator<Item = &'a str>,
) -> Encoded {
    let mut encoded = encode_layered(words, [], fragments);
    encoded.layered = Vec::new();
    encoded
}

/// [`encode`] with an upper layer of words (no fragment among them): the
/// trie holds both, [`Encoded::values`] the zipf of `words` alone and
/// [`Encoded::layered`] the higher zipf of either. Walked with the first,
/// it answers as the trie of `words`, walked with the second as the two
/// tries of `words` and `upper` together.
pub(crate) fn encode_layered<'a>(
    words: impl IntoIterator<Item = (&'a str, f32)>,
    upper: impl IntoIterator<Item = (&'a str, f32)>,
    fragments: impl IntoIterator<Item = &'a str>,
) -> Encoded {
    #[derive(Default)]
    struct Node {
        children: BTreeMap<u8, usize>,
        value: Option<f32>,
        layered: Option<f32>,
        fragment: bool,
    }
    let mut nodes: Vec<Node> = vec![Node::default()];
    let mut insert = |key: &str| -> usize {
        let mut at = 0;
        for &byte in key.as_bytes() {
            let next = nodes.len();
            let child = *nodes[at].children.entry(byte).or_insert(next);
            if child == next {
                nodes.push(Node::default());
            }
            at = child;
        }
        at
    };
    // Node, zipf (none for a fragment), and whether of the upper layer.
    let mut marks: Vec<(usize, Option<f32>, bool)> = Vec::new();
    for (word, zipf) in words {
        marks.push((insert(word), Some(zipf), false));
    }
    for (word, zipf) in upper {
        marks.push((insert(word), Some(zipf), true));
    }
    for fragment in fragments {
        marks.push((insert(fragment), None, false));
    }
    let higher = |old: Option<f32>, z: f32| Some(old.map_or(z, |old| old.max(z)));
    for (at, zipf, upper) in marks {
        let node = &mut nodes[at];
        match zipf {
            Some(z) => {
                if !upper {
                    node.value = higher(node.value, z);
                }
                node.layered = higher(node.layered, z);
            }
            None => node.fragment = true,
        }
    }
    // Breadth-first numbering: the children of a node get consecutive ids.
    let mut order: Vec<usize> = vec![0];
    let mut label: Vec<u8> = vec![0];
    let mut first: Vec<usize> = vec![0; nodes.len()];
    let mut k = 0;
    while k < order.len() {
        let old = order[k];
        first[k] = order.len();
        for (&byte, &child) in &nodes[old].children {
            order.push(child);
            label.push(byte);
        }
        k += 1;
    }
    let mut out = Encoded {
        root: vec![u32::MAX; 256],
        ..Encoded::default()
    };
    for (new, &old) in order.iter().enumerate() {
        let node = &nodes[old];
        let count = u16::try_from(node.children.len()).unwrap_or(FRAGMENT - 1);
        let flags = if node.fragment { FRAGMENT } else { 0 };
        out.first
            .push(u32::try_from(first[new]).unwrap_or(u32::MAX));
        out.count.push(count | flags);
        out.values.push(node.value.map_or(NO_WORD, f32::to_bits));
        out.layered.push(node.layered.map_or(NO_WORD, f32::to_bits));
        out.letters.push(letter_mask(node.children.keys().copied()));
    }
    if let Some(&first) = first.first() {
        for (i, &byte) in label.iter().enumerate().skip(first) {
            if i >= first + nodes[0].children.len() {
                break;
            }
            out.root[usize::from(byte)] = u32::try_from(i).unwrap_or(u32::MAX);
        }
    }
    out.labels = label;
    out
}

/// A view of an encoded trie: the arrays of [`Encoded`], borrowed (from an
/// `Encoded` or from static tables).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trie<'a> {
    pub(crate) first: &'a [u32],
    pub(crate) count: &'a [u16],
    pub(crate) labels: &'a [u8],
    pub(crate) values: &'a [u32],
    pub(crate) letters: &'a [u32],
    pub(crate) root: &'a [u32],
}

/// The root of every trie.
pub(crate) const ROOT: u32 = 0;

impl<'a> Trie<'a> {
    /// A view of an encoded trie.
    pub(crate) fn of(encoded: &'a Encoded) -> Trie<'a> {
        Trie {
            first: &encoded.first,
            count: &encoded.count,
            labels: &encoded.labels,
            values: &encoded.values,
            letters: &encoded.letters,
            root: &encoded.root,
        }
    }

    /// The child of `node` along `byte`.
    #[inline(always)]
    pub(crate) fn child(&self, node: u32, byte: u8) -> Option<u32> {
        if node == ROOT {
            let child = *self.root.get(usize::from(byte))?;
            return (child != u32::MAX).then_some(child);
        }
        let first = *self.first.get(node as usize)?;
        if byte.is_ascii_lowercase() {
            let mask = *self.letters.get(node as usize)?;
            let lead = mask >> LEAD_SHIFT;
            if lead != LEAD_UNKNOWN {
                let bit = 1u32 << (byte - b'a');
                if mask & bit == 0 {
                    return None;
                }
                // Most nodes have one child: nothing before it to count
                // (a bit count is a dozen instructions without `popcnt`).
                let below = mask & (bit - 1);
                let before = if below == 0 { 0 } else { below.count_ones() };
                return first.checked_add(before + lead);
            }
        }
        let first = first as usize;
        let count = usize::from(*self.count.get(node as usize)? & !FRAGMENT);
        let labels = self.labels.get(first..first + count)?;
        // Labels are sorted: a short linear scan beats a binary search here.
        for (i, &label) in labels.iter().enumerate() {
            if label == byte {
                return u32::try_from(first + i).ok();
            }
            if label > byte {
                return None;
            }
        }
        None
    }

    /// The child of `node` along the UTF-8 bytes of `c`. Inlined: a walk
    /// takes a step per letter, and a call costs about as much as the step.
    #[inline(always)]
    pub(crate) fn step(&self, node: u32, c: char) -> Option<u32> {
        if c.is_ascii() {
            return self.child(node, c as u8);
        }
        let mut buffer = [0u8; 4];
        c.encode_utf8(&mut buffer)
            .bytes()
            .try_fold(node, |at, byte| self.child(at, byte))
    }

    /// The zipf of the word ending at `node`, if one does.
    #[inline]
    pub(crate) fn value(&self, node: u32) -> Option<f32> {
        let bits = *self.values.get(node as usize)?;
        (bits != NO_WORD).then(|| f32::from_bits(bits))
    }

    /// The bits of [`Trie::value`]: [`NO_WORD`] when no word ends at
    /// `node`.
    #[inline]
    pub(crate) fn value_bits(&self, node: u32) -> u32 {
        self.values.get(node as usize).copied().unwrap_or(NO_WORD)
    }

    /// Whether a fragment ends at `node`.
    #[inline]
    pub(crate) fn is_fragment(&self, node: u32) -> bool {
        self.count
            .get(node as usize)
            .is_some_and(|count| count & FRAGMENT != 0)
    }

    /// Number of nodes.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.first.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(trie: Trie<'_>, word: &str) -> Option<(Option<f32>, bool)> {
        let node = word.chars().try_fold(ROOT, |at, c| trie.step(at, c))?;
        Some((trie.value(node), trie.is_fragment(node)))
    }

    #[test]
    fn finds_words_prefixes_and_fragments() {
        let encoded = encode(
            [
                ("kan", 3.0),
                ("kantor", 5.0),
                ("kanan", 4.5),
                ("ärger", 2.0),
            ],
            ["nya", "kan"],
        );
        let trie = Trie::of(&encoded);
        assert_eq!(lookup(trie, "kantor"), Some((Some(5.0), false)));
        assert_eq!(lookup(trie, "kan"), Some((Some(3.0), true)));
        assert_eq!(lookup(trie, "nya"), Some((None, true)));
        assert_eq!(lookup(trie, "kant"), Some((None, false)));
        assert_eq!(lookup(trie, "ärger"), Some((Some(2.0), false)));
        assert_eq!(lookup(trie, "kantorx"), None);
        assert_eq!(lookup(trie, "x"), None);
        // The root, `kan`, `tor`, `an`, `nya` and the six bytes of `ärger`.
        assert_eq!(trie.len(), 1 + 3 + 3 + 2 + 3 + 6);
    }

    #[test]
    fn the_higher_zipf_wins_for_a_repeated_word() {
        let encoded = encode([("dan", 6.0), ("dan", 6.5)], []);
        assert_eq!(lookup(Trie::of(&encoded), "dan"), Some((Some(6.5), false)));
    }

    #[test]
    fn a_layer_is_seen_only_through_the_layered_values() {
        let encoded = encode_layered(
            [("dan", 6.5), ("din", 2.0)],
            [("dan", 7.0), ("dinas", 3.0), ("din", 1.0)],
            ["di"],
        );
        let mut lower = Trie::of(&encoded);
        assert_eq!(lookup(lower, "dan"), Some((Some(6.5), false)));
        assert_eq!(lookup(lower, "din"), Some((Some(2.0), false)));
        assert_eq!(lookup(lower, "dinas"), Some((None, false)));
        assert_eq!(lookup(lower, "di"), Some((None, true)));
        lower.values = &encoded.layered;
        let both = lower;
        assert_eq!(lookup(both, "dan"), Some((Some(7.0), false)));
        assert_eq!(lookup(both, "din"), Some((Some(2.0), false)));
        assert_eq!(lookup(both, "dinas"), Some((Some(3.0), false)));
        assert_eq!(lookup(both, "di"), Some((None, true)));
        // Encoded without a layer, a trie keeps no layered values.
        assert!(encode([("dan", 6.5)], []).layered.is_empty());
    }
}
