//! The Indonesian lexicon: known words with frequencies.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Known words with a relative frequency (higher is more common).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashMap<String, f64>,
}

impl Lexicon {
    /// The lexicon embedded in the binary.
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::default)
    }

    /// Whether `word` (any case) is known.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(&word.to_lowercase())
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}
