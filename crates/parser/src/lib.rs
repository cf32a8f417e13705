//! Reads RAD annex documents into raw plan records.
//!
//! A format reader ([`markdown`], ...) turns bytes into a [`RawDocument`]:
//! text lines and tables of [`Cell`]s with source spans. [`assemble`] then
//! recognises headers by name, gives each column a [`ColumnRole`], stitches
//! tables broken across pages, tells continuation rows from ditto rows, and
//! returns [`RawRecord`]s plus document metadata. Nothing here repairs words
//! or resolves agencies: that is the normaliser's job.
//!
//! The parser never fails on a malformed table: it returns what it could and
//! [`Diagnostic`]s. [`ParseError`] is reserved for input that cannot be read
//! at all (an encrypted or corrupt PDF).
//!
//! ```
//! use pergub_parser::{parse, ColumnRole};
//! use pergub_model::Format;
//!
//! let md = "| INSTANSI | KEGIATAN | 2024 | 2025 |\n|---|---|---|---|\n| Dinas Sosial | Pelatihan<br>kader | x | |\n";
//! let parsed = parse(md.as_bytes(), Format::Markdown).unwrap();
//! assert_eq!(parsed.records.len(), 1);
//! let rec = &parsed.records[0];
//! assert_eq!(rec.cell(&ColumnRole::Kegiatan).unwrap().lines, ["Pelatihan", "kader"]);
//! assert_eq!(rec.years, [2024]);
//! ```
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod assemble;
mod contain;
mod error;
pub mod header;
pub mod html;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
mod raw;
mod scan;

use pergub_model::{Diagnostic, DocumentMeta, Format, Span};
use std::borrow::Cow;

pub use contain::panic_is_contained;
pub use error::ParseError;
pub use header::ColumnRole;
pub use raw::{Block, Cell, RawDocument, RawRow, RawTable, TextLine};

/// The parser's result: raw records, metadata and diagnostics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// Title, regulation and period (the province is inferred later, from
    /// the agencies' jurisdictions, unless the text states it).
    pub meta: DocumentMeta,
    /// A province named in the text outside tables ("PERATURAN GUBERNUR JAWA
    /// TENGAH", "PROVINSI BALI"), as written; the normaliser canonicalises it.
    pub province_hint: Option<String>,
    /// One raw record per plan row, in document order.
    pub records: Vec<RawRecord>,
    /// What the parser could not place or understand.
    pub diagnostics: Vec<Diagnostic>,
}

/// One plan row before text restoration: cells by role, continuation
/// fragments already appended.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    /// The active SUB GUGUS TUGAS section, prefix removed, as printed.
    pub section: Option<String>,
    /// The cells by role, in column order. Year columns are not here.
    pub cells: Vec<(ColumnRole, Cell)>,
    /// Years whose column carries a mark, ascending.
    pub years: Vec<u16>,
    /// Whether `instansi` was inherited from the record above (a ditto row).
    pub ditto: bool,
    /// Input lines (or pages) that contributed.
    pub span: Span,
}

impl RawRecord {
    /// The cell of a role, if the table has that column.
    pub fn cell(&self, role: &ColumnRole) -> Option<&Cell> {
        self.cells.iter().find(|(r, _)| r == role).map(|(_, c)| c)
    }

    /// The cell of a role, created empty if missing.
    pub fn cell_mut(&mut self, role: &ColumnRole) -> &mut Cell {
        let at = match self.cells.iter().position(|(r, _)| r == role) {
            Some(at) => at,
            None => {
                self.cells.push((role.clone(), Cell::default()));
                self.cells.len() - 1
            }
        };
        &mut self.cells[at].1
    }
}

/// Read `input` as `format` and assemble its plan records.
///
/// Markdown and HTML never fail: invalid UTF-8 is decoded lossily with a
/// diagnostic. PDF input fails with [`ParseError`] when it cannot be read.
pub fn parse(input: &[u8], format: Format) -> Result<Parsed, ParseError> {
    let mut diagnostics = Vec::new();
    // Blocks are handed over by value, so that plan cells move into the
    // records; Markdown blocks are assembled as they are read.
    let mut parsed = match format {
        Format::Markdown => markdown::parse(&decode_text_cow(input, &mut diagnostics)),
        _ => assemble::assemble_owned(read(input, format, &mut diagnostics)?.blocks),
    };
    diagnostics.append(&mut parsed.diagnostics);
    parsed.diagnostics = diagnostics;
    Ok(parsed)
}

/// Run only the format reader.
pub fn read(
    input: &[u8],
    format: Format,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<RawDocument, ParseError> {
    match format {
        Format::Markdown => Ok(markdown::read(&decode_text_cow(input, diagnostics))),
        Format::Html => Ok(html::read(
            &decode_text_cow(input, diagnostics),
            diagnostics,
        )),
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::read(input, diagnostics),
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => Err(ParseError::Unsupported(format)),
    }
}

/// Decode text input as UTF-8, lossily with a diagnostic when it is not.
pub fn decode_text(input: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    decode_text_cow(input, diagnostics).into_owned()
}

/// [`decode_text`], borrowing the input when it is valid UTF-8.
fn decode_text_cow<'a>(input: &'a [u8], diagnostics: &mut Vec<Diagnostic>) -> Cow<'a, str> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    match std::str::from_utf8(input) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let line = input[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u32
                + 1;
            diagnostics.push(
                Diagnostic::warning(
                    "invalid-utf8",
                    format!(
                        "input is not valid UTF-8 (first bad byte at offset {}); undecodable bytes were replaced with U+FFFD",
                        e.valid_up_to()
                    ),
                )
                .with_span(Span::line(line)),
            );
            String::from_utf8_lossy(input)
        }
    }
}

/// Guess the format from a file name and the first bytes.
pub fn detect_format(name: Option<&str>, input: &[u8]) -> Format {
    let head = &input[..input.len().min(4096)];
    if head.starts_with(b"%PDF") || head.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Format::Pdf;
    }
    if let Some(ext) = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
    {
        match ext.as_str() {
            "pdf" => return Format::Pdf,
            "html" | "htm" | "xhtml" => return Format::Html,
            "md" | "markdown" | "txt" => {}
            _ => {}
        }
    }
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|start| trimmed.starts_with(start))
    {
        return Format::Html;
    }
    // HTML tables and no pipe table anywhere: a converter's HTML, or
    // Markdown whose tables are HTML (read by the HTML reader).
    let html_table = input.windows(6).any(|w| w.eq_ignore_ascii_case(b"<table"));
    let pipe_row = input
        .split(|&b| b == b'\n')
        .any(|line| line.trim_ascii_start().starts_with(b"|"));
    if html_table && !pipe_row {
        return Format::Html;
    }
    Format::Markdown
}
