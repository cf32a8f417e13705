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
    pub fn with_data(mut lexicon: Lexicon, registry: Registry) -> Normaliser {
        // Each distinct word of the aliases, once.
        lexicon.extend_words(registry.alias_words());
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
