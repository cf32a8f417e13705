//! A trie over the bytes of a list of keys, for finding every key a text
//! starts with in one walk (registry aliases, place names).
//!
//! The tables come from [`super::source::build_trie`], at build time for
//! the embedded data (static tables) or at run time for a user registry.

use super::source::TrieTables;
use std::borrow::Cow;
use std::ops::Range;

/// A flattened trie (see [`TrieTables`] for the layout).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Trie {
    nodes: Cow<'static, [[u32; 4]]>,
    labels: Cow<'static, [u8]>,
    targets: Cow<'static, [u32]>,
    ends: Cow<'static, [u32]>,
}

/// `first..first + count` as indices.
fn range(first: u32, count: u32) -> Range<usize> {
    first as usize..first as usize + count as usize
}

impl Trie {
    /// A trie over static tables.
    pub const fn from_static(
        nodes: &'static [[u32; 4]],
        labels: &'static [u8],
        targets: &'static [u32],
        ends: &'static [u32],
    ) -> Trie {
        Trie {
            nodes: Cow::Borrowed(nodes),
            labels: Cow::Borrowed(labels),
            targets: Cow::Borrowed(targets),
            ends: Cow::Borrowed(ends),
        }
    }

    /// A trie over tables built at run time.
    pub fn from_tables(tables: TrieTables) -> Trie {
        Trie {
            nodes: tables.nodes.into(),
            labels: tables.labels.into(),
            targets: tables.targets.into(),
            ends: tables.ends.into(),
        }
    }

    /// Walk down from the root along the bytes of `text`, calling `visit`
    /// with the length of each key `text` starts with and the indices of
    /// the keys of that text (ascending), shortest first.
    pub fn walk(&self, text: &str, mut visit: impl FnMut(usize, &[u32])) {
        let (nodes, labels, targets, ends) =
            (&*self.nodes, &*self.labels, &*self.targets, &*self.ends);
        let mut node = 0usize;
        for (depth, b) in text.bytes().enumerate() {
            let Some(&[edge, edges, _, _]) = nodes.get(node) else {
                return;
            };
            let edges = range(edge, edges);
            let Some(at) = labels.get(edges.clone()).and_then(|labels| {
                // The root and a few nodes near it branch widely.
                if labels.len() > 8 {
                    labels.binary_search(&b).ok()
                } else {
                    labels.iter().position(|&l| l == b)
                }
            }) else {
                return;
            };
            let Some(&next) = targets.get(edges.start + at) else {
                return;
            };
            node = next as usize;
            match nodes.get(node) {
                Some(&[_, _, end, count]) if count > 0 => {
                    visit(depth + 1, ends.get(range(end, count)).unwrap_or_default());
                }
                _ => {}
            }
        }
    }

    /// The indices of the keys `text` starts with, ascending, into `found`
    /// (cleared first).
    pub fn prefixes_of(&self, text: &str, found: &mut Vec<usize>) {
        found.clear();
        self.walk(text, |_, keys| {
            found.extend(keys.iter().map(|&k| k as usize))
        });
        found.sort_unstable();
    }

    /// The index of the first key equal to `key`.
    pub fn get(&self, key: &str) -> Option<usize> {
        let mut exact = None;
        self.walk(key, |len, keys| {
            if len == key.len() {
                exact = keys.first().map(|&k| k as usize);
            }
        });
        exact
    }
}

#[cfg(test)]
mod tests {
    use super::super::source::build_trie;
    use super::*;

    #[test]
    fn finds_every_key_a_text_starts_with() {
        let keys = ["dinas", "dinsos", "di", "dinas", "kab", ""];
        let trie = Trie::from_tables(build_trie(&keys));
        let mut found = Vec::new();
        trie.prefixes_of("dinassosial", &mut found);
        assert_eq!(found, [0, 2, 3]);
        trie.prefixes_of("kabupaten", &mut found);
        assert_eq!(found, [4]);
        trie.prefixes_of("polda", &mut found);
        assert!(found.is_empty());
        assert_eq!(trie.get("dinas"), Some(0));
        assert_eq!(trie.get("din"), None);
        assert_eq!(trie.get("dinass"), None);
    }
}
