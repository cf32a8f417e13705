//! The PDF reader: glyph positions from our own content-stream interpreter
//! on `lopdf`, words and lines by our own spacing rules, tables from the
//! ruling lines each page draws.
//!
//! Each page gives the text above its table, one [`RawTable`](crate::RawTable)
//! whose rows carry `Span::Pages([p, p])` (repeated header rows included;
//! assembly drops them and stitches rows broken across pages), and the text
//! below it.
//!
//! Pages whose fonts our decoder cannot map to Unicode are read again with
//! pdf-extract's decoders (see `fallback`), when that is safe.
//!
//! Input that cannot be read fails with a [`ParseError`]: encrypted files,
//! files without a text layer, and corrupt or truncated files, including
//! ones whose page tree has a cycle. Malformed data never panics out of this
//! module: every call into the PDF libraries runs under `catch_unwind`, and
//! the interpreter bounds form nesting and refuses forms that draw themselves.

mod content;
mod fallback;
mod font;
mod layout;
mod lexer;
mod stitch;
mod table;

pub use content::{Glyph, Rule};
pub use layout::Word;

use crate::raw::{Block, RawDocument};
use crate::ParseError;
use content::{FontCache, Interpreter, Matrix};
use font::{get, number};
use lopdf::{Dictionary, Document, Object, ObjectId};
use pergub_model::{Diagnostic, Span};
use std::collections::HashSet;

/// Page trees nest at most this deep.
const MAX_TREE_DEPTH: usize = 64;

/// One page as the reader sees it: its size, words and ruling lines, in
/// points from the top-left corner of the displayed page.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfPage {
    /// 1-based page number.
    pub number: u32,
    /// Displayed width.
    pub width: f64,
    /// Displayed height.
    pub height: f64,
    /// The words, in drawing order.
    pub words: Vec<Word>,
    /// Horizontal and vertical ruling lines.
    pub rules: Vec<Rule>,
}

/// Read a PDF into text lines and one table per page.
///
/// Pages whose content could only partly be read add a warning to
/// `diagnostics`.
pub fn read(input: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Result<RawDocument, ParseError> {
    let pages = pages(input, diagnostics)?;
    let mut layouts: Vec<table::PageLayout> = pages
        .iter()
        .map(|p| table::page_layout(p.number, &p.words, &p.rules))
        .collect();
    stitch::continue_broken_rows(&mut layouts);
    let mut blocks = Vec::new();
    for (page, layout) in pages.iter().zip(layouts) {
        blocks.extend(layout.into_blocks());
        // A page break ends a paragraph.
        blocks.push(Block::Text(crate::raw::TextLine {
            text: String::new(),
            span: Span::page(page.number),
        }));
    }
    Ok(RawDocument { blocks })
}

/// The words and ruling lines of every page.
pub fn pages(input: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<PdfPage>, ParseError> {
    let doc = load(input)?;
    let page_ids = page_tree(&doc)?;
    if page_ids.is_empty() {
        return Err(ParseError::CorruptPdf("the document has no pages".into()));
    }
    let mut fonts = FontCache::default();
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut images = 0;
    let mut problems = Vec::new();
    for (index, page) in page_ids.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let result = crate::contain::contained(|| interpret(&doc, page, &mut fonts));
        let (pdf_page, content) = match result {
            Ok(r) => r,
            Err(_) => {
                // A panic inside a library on malformed data: skip the page.
                fonts = FontCache::default();
                problems.push(number);
                diagnostics.push(
                    Diagnostic::warning(
                        "pdf-page-unreadable",
                        format!("page {number} of the PDF is malformed and could not be read"),
                    )
                    .with_span(Span::page(number)),
                );
                continue;
            }
        };
        images += content.images;
        let mut content = content;
        // Text our decoder cannot map: ask pdf-extract, when it is safe to.
        if content.unmapped * 10 > content.drawn && !content.recursive_forms {
            if let Some(glyphs) = fallback::page_glyphs(&doc, number) {
                let known = |gs: &[content::Glyph]| {
                    gs.iter().map(|g| g.text.chars().count()).sum::<usize>()
                };
                if known(&glyphs) > known(&content.glyphs) {
                    content.glyphs = glyphs;
                    content
                        .problems
                        .push("text was read with pdf-extract's font decoders".into());
                }
            }
        }
        if !content.problems.is_empty() {
            problems.push(number);
            diagnostics.push(
                Diagnostic::warning(
                    "pdf-content-skipped",
                    format!("page {number}: {}", content.problems.join("; ")),
                )
                .with_span(Span::page(number)),
            );
        }
        let words = layout::words(&content.glyphs);
        pages.push(PdfPage {
            number,
            width: pdf_page.0,
            height: pdf_page.1,
            words,
            rules: content.rules,
        });
    }
    if pages.iter().all(|p| p.words.is_empty()) {
        if !problems.is_empty() && images == 0 {
            return Err(ParseError::CorruptPdf(format!(
                "no page could be read ({} of {} pages are malformed)",
                problems.len(),
                page_ids.len()
            )));
        }
        return Err(ParseError::NoTextLayer);
    }
    Ok(pages)
}

fn load(input: &[u8]) -> Result<Document, ParseError> {
    if !input.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(ParseError::CorruptPdf("no %PDF- header".into()));
    }
    let loaded = crate::contain::contained(|| Document::load_mem(input));
    let doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword)) => {
            return Err(ParseError::EncryptedPdf)
        }
        Ok(Err(e)) => return Err(ParseError::CorruptPdf(e.to_string())),
        Err(_) => {
            return Err(ParseError::CorruptPdf(
                "the file structure is malformed".into(),
            ))
        }
    };
    // A file that is still encrypted after loading needs a password we do
    // not have.
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(ParseError::EncryptedPdf);
    }
    Ok(doc)
}

/// A page with what it inherits from the page tree.
struct PageRef<'a> {
    dict: &'a Dictionary,
    resources: Option<&'a Dictionary>,
    media_box: Option<[f64; 4]>,
    crop_box: Option<[f64; 4]>,
    rotate: i64,
}

#[derive(Clone, Copy, Default)]
struct Inherited<'a> {
    resources: Option<&'a Dictionary>,
    media_box: Option<[f64; 4]>,
    crop_box: Option<[f64; 4]>,
    rotate: Option<i64>,
}

/// The pages in order, walking the page tree ourselves so that a cycle is
/// an error rather than an empty document.
fn page_tree(doc: &Document) -> Result<Vec<PageRef<'_>>, ParseError> {
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|r| font::deref(doc, r))
        .and_then(|o| o.as_dict().ok())
        .ok_or_else(|| ParseError::CorruptPdf("the document catalog is missing".into()))?;
    let pages_ref = root
        .get(b"Pages")
        .ok()
        .ok_or_else(|| ParseError::CorruptPdf("the page tree is missing".into()))?;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    walk(doc, pages_ref, Inherited::default(), 0, &mut seen, &mut out)?;
    Ok(out)
}

fn walk<'a>(
    doc: &'a Document,
    node: &'a Object,
    inherited: Inherited<'a>,
    depth: usize,
    seen: &mut HashSet<ObjectId>,
    out: &mut Vec<PageRef<'a>>,
) -> Result<(), ParseError> {
    if depth > MAX_TREE_DEPTH {
        return Err(ParseError::CorruptPdf(
            "the page tree is nested too deeply".into(),
        ));
    }
    if let Object::Reference(id) = node {
        if !seen.insert(*id) {
            return Err(ParseError::CorruptPdf(format!(
                "the page tree has a cycle (object {} {} appears twice)",
                id.0, id.1
            )));
        }
    }
    let Some(dict) = font::deref(doc, node).and_then(|o| o.as_dict().ok()) else {
        return Ok(());
    };
    let here = Inherited {
        resources: get(doc, dict, b"Resources")
            .and_then(|o| o.as_dict().ok())
            .or(inherited.resources),
        media_box: rect(doc, dict, b"MediaBox").or(inherited.media_box),
        crop_box: rect(doc, dict, b"CropBox").or(inherited.crop_box),
        rotate: get(doc, dict, b"Rotate")
            .and_then(|o| o.as_i64().ok())
            .or(inherited.rotate),
    };
    match get(doc, dict, b"Kids") {
        Some(Object::Array(kids)) if !dict.has_type(b"Page") => {
            for kid in kids {
                walk(doc, kid, here, depth + 1, seen, out)?;
            }
        }
        _ => out.push(PageRef {
            dict,
            resources: here.resources,
            media_box: here.media_box,
            crop_box: here.crop_box,
            rotate: here.rotate.unwrap_or(0),
        }),
    }
    Ok(())
}

fn rect(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<[f64; 4]> {
    let Some(Object::Array(a)) = get(doc, dict, key) else {
        return None;
    };
    if a.len() != 4 {
        return None;
    }
    let mut v = [0.0; 4];
    for (slot, o) in v.iter_mut().zip(a) {
        *slot = font::deref(doc, o).and_then(number)?;
    }
    Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ])
}

/// Run one page: its displayed size and what it draws.
fn interpret(
    doc: &Document,
    page: &PageRef<'_>,
    fonts: &mut FontCache,
) -> ((f64, f64), content::PageContent) {
    let [x0, y0, x1, y1] = page
        .crop_box
        .or(page.media_box)
        .unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let (w, h) = (x1 - x0, y1 - y0);
    let flip = Matrix::from_array([1.0, 0.0, 0.0, -1.0, -x0, y1]);
    let (rotation, size) = match page.rotate.rem_euclid(360) {
        90 => (Matrix::from_array([0.0, 1.0, -1.0, 0.0, h, 0.0]), (h, w)),
        180 => (Matrix::from_array([-1.0, 0.0, 0.0, -1.0, w, h]), (w, h)),
        270 => (Matrix::from_array([0.0, -1.0, 1.0, 0.0, 0.0, w]), (h, w)),
        _ => (Matrix::IDENTITY, (w, h)),
    };
    let device = flip.then(&rotation);
    let mut content = Vec::new();
    let mut problems = Vec::new();
    for stream in contents(doc, page.dict) {
        match stream.decompressed_content() {
            Ok(bytes) => {
                content.extend_from_slice(&bytes);
                content.push(b'\n');
            }
            Err(e) => problems.push(format!("a content stream could not be decoded: {e}")),
        }
    }
    let mut out = Interpreter::new(doc, fonts).run_page(&content, page.resources, device);
    problems.append(&mut out.problems);
    out.problems = problems;
    (size, out)
}

fn contents<'a>(doc: &'a Document, page: &'a Dictionary) -> Vec<&'a lopdf::Stream> {
    match get(doc, page, b"Contents") {
        Some(Object::Stream(s)) => vec![s],
        Some(Object::Array(items)) => items
            .iter()
            .filter_map(|o| font::deref(doc, o))
            .filter_map(|o| o.as_stream().ok())
            .collect(),
        _ => Vec::new(),
    }
}
