//! Text restoration and agency resolution: from raw records to records.
//!
//! [`Normaliser`] holds the read-only data (the Indonesian [`Lexicon`], the
//! agency [`Registry`]) and turns each [`pergub_parser::RawRecord`] into a
//! [`pergub_model::Record`]: every text cell restored and split into items
//! ([`text`]), every agency cell split into mentions and resolved to
//! registry ids ([`agency`]). It knows nothing about input formats.
//!
//! ```
//! use pergub_normaliser::Normaliser;
//!
//! let normaliser = Normaliser::new();
//! let items = normaliser.restorer().items(&["1. Penampungan".into(), "2. Perlindungan".into(), "Awal".into()]);
//! assert_eq!(items, ["Penampungan", "Perlindungan Awal"]);
//! ```
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod agency;
mod error;
pub mod lexicon;
mod record;
pub mod text;

pub use agency::{Mention, Registry};
pub use error::Error;
pub use lexicon::Lexicon;
pub use record::Normalised;
pub use text::Restorer;

/// The normalising stage, with its data loaded. Cheap to share across threads.
#[derive(Debug, Clone)]
pub struct Normaliser {
    restorer: Restorer,
    registry: Registry,
}

impl Default for Normaliser {
    fn default() -> Self {
        Self::new()
    }
}

impl Normaliser {
    /// A normaliser with the embedded lexicon and registry.
    pub fn new() -> Normaliser {
        Normaliser::with_data(Lexicon::embedded().clone(), Registry::embedded().clone())
    }

    /// A normaliser with the given data. The words of the registry's aliases
    /// join the lexicon, so that restoration knows agency vocabulary.
    ///
    /// The build script has compiled the embedded registry's alias words
    /// into tables of their own: given the embedded lexicon with nothing
    /// added and a registry with those words (the embedded registry or a
    /// clone), the lexicon takes them from there and nothing is added at
    /// run time. Other data gets the words as [`Lexicon::extend_words`]
    /// adds them; the lexicon answers the same either way.
    pub fn with_data(mut lexicon: Lexicon, registry: Registry) -> Normaliser {
        let compiled = has_embedded_alias_words(&registry) && lexicon.add_compiled_alias_words();
        if !compiled {
            lexicon.extend_words(registry.alias_words());
        }
        Normaliser {
            restorer: Restorer::new(lexicon),
            registry,
        }
    }

    /// The text restorer.
    pub fn restorer(&self) -> &Restorer {
        &self.restorer
    }

    /// The agency registry.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }
}

/// Whether `registry`'s alias words are those of the embedded registry,
/// word for word and in order. The embedded registry and its clones share
/// its static words, so the same address is the same word; only a word at
/// another address needs its letters compared, and the first that differs
/// ends the comparison.
fn has_embedded_alias_words(registry: &Registry) -> bool {
    let same = |a: &str, b: &str| a.len() == b.len() && (std::ptr::eq(a, b) || a == b);
    let mut embedded = Registry::embedded().alias_words();
    for word in registry.alias_words() {
        if !embedded.next().is_some_and(|e| same(word, e)) {
            return false;
        }
    }
    embedded.next().is_none()
}

/// An empty vector with the room of `items`, for elements of the same
/// layout: a worker keeps vectors of text borrowed from one cell or item
/// from one to the next, with no lifetime of their own. (The standard
/// library collects a vector's iterator into the vector's own allocation
/// when the layouts match; a test checks that the room is kept.)
pub(crate) fn reuse<T, U>(mut items: Vec<T>) -> Vec<U> {
    items.clear();
    items.into_iter().filter_map(|_| None).collect()
}
