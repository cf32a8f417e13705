//! Validation rules over a `pergub-rad/1` document, the catalogue of every
//! diagnostic code, and the document's JSON Schema.
//!
//! The parser and the normaliser report what they meet while reading and
//! repairing; the [`Validator`] then looks at the finished [`Document`] as a
//! whole: records without a year or without an activity, years outside the
//! plan's period, columns no record fills, words still glued, cut or in
//! another script, duplicated records. Every rule lives in its own file with
//! its documentation and tests, and every code any stage emits is listed in
//! [`codes`] with its severity and what to do about it. The validator reads
//! a document and returns diagnostics; it never changes records.
//!
//! ```
//! use pergub_model::{Agency, Document, DocumentMeta, Format, Record, Source, Span};
//! use pergub_validator::Validator;
//!
//! let mut doc = Document::new(Source::new("plan.md", Format::Markdown), DocumentMeta::default());
//! let mut record = Record::new(1, Span::line(7));
//! record.instansi = vec![Agency { text: "Dinas Sosial".into(), id: Some("DINSOS".into()) }];
//! record.kegiatan = vec!["Pelatihan kader".into()];
//! doc.records.push(record.clone());
//! record.no = 2;
//! record.source = Span::line(8);
//! doc.records.push(record);
//!
//! let found = Validator::default().validate(&doc);
//! let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
//! assert!(codes.contains(&"duplicate-record"));
//! assert_eq!(found.iter().find(|d| d.code == "duplicate-record").unwrap().record, Some(2));
//! ```
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod codes;
mod rules;
mod words;

use pergub_model::{Diagnostic, Document};
use pergub_normaliser::{Lexicon, Normaliser};

pub use codes::Code;

/// The JSON Schema of `pergub-rad/1` (JSON Schema draft 2020-12).
pub const SCHEMA: &str = include_str!("../../../schemas/pergub-rad-1.json");

/// Runs every rule over a document. Build once, share freely (it is
/// `Send + Sync` and cheap to clone).
#[derive(Debug, Clone)]
pub struct Validator {
    lexicon: Lexicon,
}

impl Default for Validator {
    /// A validator over the embedded lexicon.
    fn default() -> Self {
        Validator::with_lexicon(Lexicon::embedded().clone())
    }
}

impl Validator {
    /// A validator that knows the words the normaliser knows, so that what
    /// restoration accepts the rules accept too.
    pub fn new(normaliser: &Normaliser) -> Validator {
        Validator::with_lexicon(normaliser.restorer().lexicon().clone())
    }

    /// A validator over `lexicon`. The rules about glued and cut words
    /// use it; with an empty lexicon they report only what needs no words
    /// (`DinasSosial`, `Bin- mas`).
    pub fn with_lexicon(lexicon: Lexicon) -> Validator {
        Validator { lexicon }
    }

    /// Run every rule over `doc` and return what they found, document-level
    /// findings first, then by record. `doc.diagnostics` (the earlier
    /// stages' findings) is read, so that no cause is reported twice.
    /// Called inside a rayon pool of more than one thread, the rules of a
    /// large document run in parallel on that pool; the findings are the
    /// same and in the same order either way.
    pub fn validate(&self, doc: &Document) -> Vec<Diagnostic> {
        rules::run(doc, &self.lexicon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pergub_model::{Agency, DocumentMeta, Format, Record, Source, Span};

    fn document(kegiatan: &str) -> Document {
        let mut doc = Document::new(
            Source::new("plan.md", Format::Markdown),
            DocumentMeta::default(),
        );
        let mut record = Record::new(1, Span::line(5));
        record.instansi = vec![Agency {
            text: "Dinas Pariwisata".into(),
            id: Some("DISPAR".into()),
        }];
        record.kegiatan = vec![kegiatan.into()];
        record.waktu_pelaksanaan = vec![2024];
        doc.records.push(record);
        doc
    }

    /// The codes a reviewer must act on (infos left out).
    fn codes(found: &[Diagnostic]) -> Vec<&str> {
        found
            .iter()
            .filter(|d| d.severity != pergub_model::Severity::Info)
            .map(|d| d.code.as_str())
            .collect()
    }

    #[test]
    fn the_normalisers_lexicon_drives_the_word_rules() {
        let doc = document("Pemberdayaanmasyarakat desa wisata");
        let with_words = Validator::new(&Normaliser::new()).validate(&doc);
        assert_eq!(codes(&with_words), ["glued-text"]);
        let glued = with_words.iter().find(|d| d.code == "glued-text").unwrap();
        assert_eq!(
            glued.message,
            "word looks glued together: \"Pemberdayaanmasyarakat\""
        );
        let without_words = Validator::with_lexicon(Lexicon::default()).validate(&doc);
        assert_eq!(codes(&without_words), Vec::<&str>::new());
    }

    #[test]
    fn a_clean_document_has_no_findings() {
        let doc = document("Pelatihan kader posyandu di desa");
        assert_eq!(
            codes(&Validator::default().validate(&doc)),
            Vec::<&str>::new()
        );
    }
}
