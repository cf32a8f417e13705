//! A byte trie over the lexicon's words, shared by the build script (which
//! encodes the embedded words) and the lexicon (which walks it, and encodes
//! the words added at run time the same way).
//!
//! Word segmentation asks for every substring of a text whether it is a
//! word; walking the trie from each position answers that for all the
//! substrings starting there at once, in as many steps as the longest word
//! that begins there has letters.
//!
//! Layout (little-endian, children of a node stored next to each other in
//! breadth-first order, so that a node is found from its parent by a scan
//! of a few bytes):
//!
//! - `nodes`: per node, 8 bytes: the index of its first child (`u32`), its
//!   number of children (`u16`) and its flags (`u16`: [`FRAGMENT`]);
//! - `labels`: per node, the byte of the edge that leads to it;
//! - `values`: per node, the zipf of the word ending there (`f32` bits;
//!   [`NO_WORD`] when no word ends there).

use std::collections::BTreeMap;

/// Flag of a node where a fragment ends (`nya`, `kan`: never a word).
pub(crate) const FRAGMENT: u16 = 1;
/// The value bits of a node where no word ends (a NaN).
pub(crate) const NO_WORD: u32 = 0x7fc0_0000;

/// The encoded arrays of a trie.
#[derive(Debug, Clone, Default)]
pub(crate) struct Encoded {
    pub(crate) nodes: Vec<u8>,
    pub(crate) labels: Vec<u8>,
    pub(crate) values: Vec<u8>,
}

/// Encode words (with their zipf) and fragments as a trie. A string given
/// as both keeps its zipf and takes the fragment flag.
pub(crate) fn encode<'a>(
    words: impl IntoIterator<Item = (&'a str, f32)>,
    fragments: impl IntoIterator<Item = &'a str>,
) -> Encoded {
    #[derive(Default)]
    struct Node {
        children: BTreeMap<u8, usize>,
        value: Option<f32>,
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
    let mut marks: Vec<(usize, Option<f32>)> = Vec::new();
    for (word, zipf) in words {
        marks.push((insert(word), Some(zipf)));
    }
    for fragment in fragments {
        marks.push((insert(fragment), None));
    }
    for (at, zipf) in marks {
        match zipf {
            Some(z) => nodes[at].value = Some(nodes[at].value.map_or(z, |old| old.max(z))),
            None => nodes[at].fragment = true,
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
    let mut out = Encoded::default();
    for (new, &old) in order.iter().enumerate() {
        let node = &nodes[old];
        let count = u16::try_from(node.children.len()).unwrap_or(u16::MAX);
        let first = u32::try_from(first[new]).unwrap_or(u32::MAX);
        out.nodes.extend_from_slice(&first.to_le_bytes());
        out.nodes.extend_from_slice(&count.to_le_bytes());
        let flags = if node.fragment { FRAGMENT } else { 0 };
        out.nodes.extend_from_slice(&flags.to_le_bytes());
        let bits = node.value.map_or(NO_WORD, f32::to_bits);
        out.values.extend_from_slice(&bits.to_le_bytes());
    }
    out.labels = label;
    out
}

/// A view of an encoded trie.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trie<'a> {
    nodes: &'a [u8],
    labels: &'a [u8],
    values: &'a [u8],
}

/// The root of every trie.
pub(crate) const ROOT: u32 = 0;

impl<'a> Trie<'a> {
    /// A view of the arrays of [`encode`].
    pub(crate) fn new(nodes: &'a [u8], labels: &'a [u8], values: &'a [u8]) -> Trie<'a> {
        Trie {
            nodes,
            labels,
            values,
        }
    }

    /// A view of an encoded trie.
    pub(crate) fn of(encoded: &'a Encoded) -> Trie<'a> {
        Trie::new(&encoded.nodes, &encoded.labels, &encoded.values)
    }

    fn node(&self, node: u32) -> Option<(usize, usize, u16)> {
        let at = node as usize * 8;
        let bytes = self.nodes.get(at..at + 8)?;
        let first = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let count = u16::from_le_bytes([bytes[4], bytes[5]]);
        let flags = u16::from_le_bytes([bytes[6], bytes[7]]);
        Some((first as usize, usize::from(count), flags))
    }

    /// The child of `node` along `byte`.
    #[inline]
    pub(crate) fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let (first, count, _) = self.node(node)?;
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

    /// The child of `node` along the UTF-8 bytes of `c`.
    #[inline]
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
        let at = node as usize * 4;
        let bytes = self.values.get(at..at + 4)?;
        let bits = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        (bits != NO_WORD).then(|| f32::from_bits(bits))
    }

    /// Whether a fragment ends at `node`.
    #[inline]
    pub(crate) fn is_fragment(&self, node: u32) -> bool {
        self.node(node)
            .is_some_and(|(_, _, flags)| flags & FRAGMENT != 0)
    }

    /// Number of nodes.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.nodes.len() / 8
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
}
