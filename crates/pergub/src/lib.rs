//! `pergub` reconstructs the broken plan tables of Indonesian regional
//! regulations (the RAD annexes of a Peraturan Gubernur / Bupati / Wali Kota)
//! into clean, validated `pergub-rad/1` records.
//!
//! ```
//! use pergub::{Format, Pipeline};
//!
//! let md = "| INSTANSI | KEGIATAN | 2024 |\n|---|---|---|\n| Dinas Sosial Provinsi Bali | Pelatihan kader | x |\n";
//! let doc = Pipeline::new().extract(md.as_bytes(), Format::Markdown, "plan.md").unwrap();
//! assert_eq!(doc.records[0].kegiatan, ["Pelatihan kader"]);
//! assert_eq!(doc.records[0].instansi[0].id.as_deref(), Some("DINSOS"));
//! ```
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod batch;
mod error;
mod pipeline;

pub use batch::{Batch, BatchInput, DocumentBytes, Loaded, Outcome, Summary};
pub use error::Error;
pub use pergub_model as model;
pub use pergub_model::{
    Agency, Diagnostic, Document, DocumentMeta, Field, Format, Indikator, Record, Regulation,
    Severity, Source, Span, SCHEMA_ID,
};
pub use pergub_normaliser::{Lexicon, Normaliser, Registry};
pub use pergub_parser::{detect_format, panic_is_contained};
pub use pergub_validator::{codes, Validator, SCHEMA};
pub use pipeline::{Pipeline, PipelineBuilder};

/// Extract a document with the default pipeline.
pub fn extract(input: &[u8], format: Format) -> Result<Document, Error> {
    Pipeline::new().extract(input, format, "-")
}
