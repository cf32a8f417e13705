//! The `pergub-rad/1` document model: the types every pergub stage speaks.
//!
//! The parser fills [`DocumentMeta`] and emits [`Diagnostic`]s, the normaliser
//! builds [`Record`]s, the validator adds more diagnostics, and the facade
//! assembles the [`Document`]. This crate holds data and no logic beyond
//! small accessors, so that every stage can depend on it without depending on
//! each other's internals.
//!
//! ```
//! use pergub_model::{Document, DocumentMeta, Format, Source};
//!
//! let doc = Document::new(Source::new("plan.md", Format::Markdown), DocumentMeta::default());
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.starts_with(r#"{"schema":"pergub-rad/1""#));
//! ```
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod diagnostic;
mod field;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub use diagnostic::{Diagnostic, Severity};
pub use field::Field;

/// The identifier of the output contract this model serialises to.
pub const SCHEMA_ID: &str = "pergub-rad/1";

/// The input formats pergub reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A PDF converter's Markdown: pipe tables with inline HTML (`<br>`, `<i>`).
    Markdown,
    /// HTML `<table>`s, as MinerU, Docling or pandoc emit them.
    Html,
    /// The PDF itself.
    Pdf,
}

impl Format {
    /// The lowercase name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where something came from in the input: 1-based inclusive line range for
/// text formats, 1-based inclusive page range for PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Span {
    /// First and last input line.
    Lines([u32; 2]),
    /// First and last PDF page.
    Pages([u32; 2]),
}

impl Span {
    /// A span of one line.
    pub fn line(line: u32) -> Span {
        Span::Lines([line, line])
    }

    /// A span of one page.
    pub fn page(page: u32) -> Span {
        Span::Pages([page, page])
    }

    /// The first line or page.
    pub fn start(&self) -> u32 {
        match self {
            Span::Lines([a, _]) | Span::Pages([a, _]) => *a,
        }
    }

    /// The last line or page.
    pub fn end(&self) -> u32 {
        match self {
            Span::Lines([_, b]) | Span::Pages([_, b]) => *b,
        }
    }

    /// The smallest span covering both (the unit of `self` wins if they differ).
    pub fn cover(&self, other: &Span) -> Span {
        let lo = self.start().min(other.start());
        let hi = self.end().max(other.end());
        match self {
            Span::Lines(_) => Span::Lines([lo, hi]),
            Span::Pages(_) => Span::Pages([lo, hi]),
        }
    }
}

/// A whole output document of contract `pergub-rad/1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA_ID`].
    pub schema: String,
    /// The input this document was made from.
    pub source: Source,
    /// Title, regulation, province and period.
    pub document: DocumentMeta,
    /// One record per plan row, in document order.
    pub records: Vec<Record>,
    /// Everything a reviewer should look at.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// An empty document for `source`.
    pub fn new(source: Source, document: DocumentMeta) -> Document {
        Document {
            schema: SCHEMA_ID.to_string(),
            source,
            document,
            records: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Number of diagnostics of the given severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The input file a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// File name (without directories), or `-` for standard input.
    pub name: String,
    /// The format it was read as.
    pub format: Format,
}

impl Source {
    /// A source named `name` read as `format`.
    pub fn new(name: impl Into<String>, format: Format) -> Source {
        Source {
            name: name.into(),
            format,
        }
    }
}

/// Document-level metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The heading line above the first table, as printed; `None` if none.
    pub title: Option<String>,
    /// The regulation this annex belongs to.
    pub regulation: Option<Regulation>,
    /// The province the plan belongs to, in official spelling.
    pub province: Option<String>,
    /// First and last year of the WAKTU PELAKSANAAN columns.
    pub period: Option<[u16; 2]>,
}

/// "Peraturan Gubernur Nomor 10 Tahun 2018".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regulation {
    /// "Peraturan Gubernur", "Peraturan Bupati", "Peraturan Wali Kota", "Peraturan Daerah".
    pub kind: String,
    /// The number as printed ("10", "12A").
    pub number: String,
    /// The year of enactment.
    pub year: u16,
}

/// One plan row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// 1-based position in the document.
    pub no: u32,
    /// The active SUB GUGUS TUGAS section, without that prefix.
    pub sub_gugus_tugas: Option<String>,
    /// The agency whose row this is.
    pub instansi: Vec<Agency>,
    /// MASALAH items.
    pub masalah: Vec<String>,
    /// KEGIATAN items.
    pub kegiatan: Vec<String>,
    /// INDIKATOR: PROSES, HASIL, TARGET.
    pub indikator: Indikator,
    /// Years whose column carries a mark, ascending.
    pub waktu_pelaksanaan: Vec<u16>,
    /// PENANGGUNG JAWAB mentions.
    pub penanggung_jawab: Vec<Agency>,
    /// PELAKSANA mentions.
    pub pelaksana: Vec<Agency>,
    /// KELOMPOK SASARAN items.
    pub kelompok_sasaran: Vec<String>,
    /// Columns outside the contract's fields (NO, ANGGARAN, SUMBER DANA,
    /// KETERANGAN, unknown headers), keyed by their lowercase header name.
    /// Omitted when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, Vec<String>>,
    /// The input lines (or pages) that contributed to this record.
    pub source: Span,
}

impl Record {
    /// An empty record numbered `no` spanning `source`.
    pub fn new(no: u32, source: Span) -> Record {
        Record {
            no,
            sub_gugus_tugas: None,
            instansi: Vec::new(),
            masalah: Vec::new(),
            kegiatan: Vec::new(),
            indikator: Indikator::default(),
            waktu_pelaksanaan: Vec::new(),
            penanggung_jawab: Vec::new(),
            pelaksana: Vec::new(),
            kelompok_sasaran: Vec::new(),
            extra: BTreeMap::new(),
            source,
        }
    }

    /// The text items of a text field; `None` for agency fields and years.
    pub fn items(&self, field: Field) -> Option<&[String]> {
        match field {
            Field::Masalah => Some(&self.masalah),
            Field::Kegiatan => Some(&self.kegiatan),
            Field::Proses => Some(&self.indikator.proses),
            Field::Hasil => Some(&self.indikator.hasil),
            Field::Target => Some(&self.indikator.target),
            Field::KelompokSasaran => Some(&self.kelompok_sasaran),
            _ => None,
        }
    }

    /// The mentions of an agency field; `None` for other fields.
    pub fn agencies(&self, field: Field) -> Option<&[Agency]> {
        match field {
            Field::Instansi => Some(&self.instansi),
            Field::PenanggungJawab => Some(&self.penanggung_jawab),
            Field::Pelaksana => Some(&self.pelaksana),
            _ => None,
        }
    }

    /// Mutable text items of a text field.
    pub fn items_mut(&mut self, field: Field) -> Option<&mut Vec<String>> {
        match field {
            Field::Masalah => Some(&mut self.masalah),
            Field::Kegiatan => Some(&mut self.kegiatan),
            Field::Proses => Some(&mut self.indikator.proses),
            Field::Hasil => Some(&mut self.indikator.hasil),
            Field::Target => Some(&mut self.indikator.target),
            Field::KelompokSasaran => Some(&mut self.kelompok_sasaran),
            _ => None,
        }
    }

    /// Mutable mentions of an agency field.
    pub fn agencies_mut(&mut self, field: Field) -> Option<&mut Vec<Agency>> {
        match field {
            Field::Instansi => Some(&mut self.instansi),
            Field::PenanggungJawab => Some(&mut self.penanggung_jawab),
            Field::Pelaksana => Some(&mut self.pelaksana),
            _ => None,
        }
    }
}

/// The three indicator columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indikator {
    /// PROSES items.
    pub proses: Vec<String>,
    /// HASIL items.
    pub hasil: Vec<String>,
    /// TARGET items.
    pub target: Vec<String>,
}

/// One mention of an agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// The restored text of the mention.
    pub text: String,
    /// The registry id, or `None` for mentions that name no known agency.
    pub id: Option<String>,
}
