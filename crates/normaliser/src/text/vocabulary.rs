//! The document as evidence: words it spells correctly spaced elsewhere.

use std::collections::{HashMap, HashSet};

use crate::lexicon::edge_key;
use crate::Lexicon;

/// The zipf a document word gets in the word model.
const DOCUMENT_ZIPF: f32 = 3.6;

/// Words and acronyms one document spells in clean contexts, to inform the
/// restoration of its damaged cells (`Imigrasi` seen whole helps split
/// `ImigrasiSerang`; `BNP2TKI` seen whole joins `BNP2TK` / `I`).
///
/// A word counts when it stands inside a line (not at a line end, where
/// cuts happen) between neighbours the lexicon knows, at least twice; an
/// acronym (capitals and digits) counts once seen whole inside a line.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: HashMap<String, f32>,
    acronyms: HashSet<String>,
    /// The first and last three letters of the words ([`edge_key`]).
    starts: HashSet<u64>,
    ends: HashSet<u64>,
}

impl Vocabulary {
    /// An empty vocabulary (no document evidence).
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// Collect the vocabulary of a document from its cells' lines.
    pub fn from_cells<'a, I>(cells: I, lexicon: &Lexicon) -> Vocabulary
    where
        I: IntoIterator<Item = &'a [String]>,
    {
        let mut clean: HashMap<String, u32> = HashMap::new();
        let mut acronyms = HashSet::new();
        for lines in cells {
            let single = lines.iter().filter(|l| !l.trim().is_empty()).count() == 1;
            for line in lines {
                let tokens: Vec<&str> = line
                    .split_whitespace()
                    .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
                    .collect();
                let last = tokens.len().saturating_sub(1);
                for (i, token) in tokens.iter().enumerate() {
                    let interior = single || (i > 0 && i < last);
                    if !interior || token.chars().count() < 2 {
                        continue;
                    }
                    if is_acronym_shape(token) {
                        acronyms.insert((*token).to_string());
                        continue;
                    }
                    if !token.chars().all(char::is_alphabetic) || token.chars().count() < 3 {
                        continue;
                    }
                    let lower = token.to_lowercase();
                    if lexicon.contains(&lower) {
                        continue;
                    }
                    let neighbour_ok = |t: Option<&&str>| match t {
                        None => true,
                        Some(t) => t.is_empty() || is_acronym_shape(t) || lexicon.contains(t),
                    };
                    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
                    if neighbour_ok(prev) && neighbour_ok(tokens.get(i + 1)) {
                        *clean.entry(lower).or_default() += 1;
                    }
                }
            }
        }
        let words: HashMap<String, f32> = clean
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(w, _)| (w, DOCUMENT_ZIPF))
            .collect();
        let starts = words.keys().filter_map(|w| edge_key(w.chars())).collect();
        let ends = words
            .keys()
            .filter_map(|w| edge_key(w.chars().rev()))
            .collect();
        Vocabulary {
            words,
            acronyms,
            starts,
            ends,
        }
    }

    /// The zipf of a lower-case document word.
    pub(crate) fn zipf(&self, lower: &str) -> Option<f32> {
        if self.words.is_empty() {
            return None;
        }
        self.words.get(lower).copied()
    }

    /// Whether a word of the document may begin with `head` (lower case).
    pub(crate) fn may_begin(&self, head: &str) -> bool {
        !self.words.is_empty() && edge_key(head.chars()).is_none_or(|k| self.starts.contains(&k))
    }

    /// Whether a word of the document may end with `tail` (lower case).
    pub(crate) fn may_finish(&self, tail: &str) -> bool {
        !self.words.is_empty()
            && edge_key(tail.chars().rev()).is_none_or(|k| self.ends.contains(&k))
    }

    /// Whether the document spells `token` (exact case) as an acronym, or
    /// `token` (any case) as a word.
    pub fn contains(&self, token: &str) -> bool {
        // Empty sets are common (a restorer without document evidence):
        // they need no hashing, nor a lower-case copy.
        (!self.acronyms.is_empty() && self.acronyms.contains(token))
            || (!self.words.is_empty() && self.words.contains_key(&token.to_lowercase()))
    }

    /// Whether the document spells `token` as an acronym (exact case).
    pub(crate) fn is_acronym(&self, token: &str) -> bool {
        !self.acronyms.is_empty() && self.acronyms.contains(token)
    }

    /// Number of words and acronyms.
    pub fn len(&self) -> usize {
        self.words.len() + self.acronyms.len()
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.acronyms.is_empty()
    }
}

/// Capitals and digits only, at least two capitals: `TPPO`, `P2TP2A`.
fn is_acronym_shape(token: &str) -> bool {
    token
        .chars()
        .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && token.chars().filter(|c| c.is_uppercase()).count() >= 2
}
