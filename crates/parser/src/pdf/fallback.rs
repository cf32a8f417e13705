//! pdf-extract's decoders as a fallback for pages whose fonts our own
//! decoder cannot map to Unicode (Type 1 and CFF fonts that carry their
//! encoding only inside the font program).
//!
//! pdf-extract places glyphs itself, and in 0.12.1 it misreads the
//! `c_first c_last w` form of a CID font's widths, so it is only asked for a
//! page when it knows more text than we do. It is never asked for a page on
//! which a form draws itself or nests too deep (pdf-extract would recurse
//! until the stack overflows), and every call runs under `catch_unwind`.

use super::content::Glyph;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Ascent and descent of an em when the font is not known (as poppler).
const ASCENT: f64 = 0.95;
const DESCENT: f64 = -0.35;

#[derive(Default)]
struct GlyphSink {
    glyphs: Vec<Glyph>,
    page_origin: Option<(f64, f64)>,
}

impl OutputDev for GlyphSink {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_origin = Some((media_box.llx, media_box.ury));
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let (left, top) = self.page_origin.unwrap_or((0.0, 0.0));
        // The linear part of the transform applied to (w·size, 0) and (0, size).
        let advance = width * font_size * trm.m11;
        let (up_x, up_y) = (font_size * trm.m21, font_size * trm.m22);
        let size = (up_x * up_x + up_y * up_y).sqrt();
        let x = trm.m31 - left;
        let baseline = top - trm.m32;
        if !text.is_empty() && x.is_finite() && baseline.is_finite() && advance.is_finite() {
            self.glyphs.push(Glyph {
                text: text.to_string(),
                x0: x.min(x + advance),
                x1: x.max(x + advance),
                y0: baseline - ASCENT * size,
                y1: baseline - DESCENT * size,
                baseline,
                size,
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The glyphs of one page (1-based, in page-tree order) as pdf-extract
/// reads them, or `None` if it fails or panics.
pub(crate) fn page_glyphs(doc: &lopdf::Document, page: u32) -> Option<Vec<Glyph>> {
    let mut sink = GlyphSink::default();
    let done = crate::contain::contained(|| pdf_extract::output_doc_page(doc, &mut sink, page));
    match done {
        Ok(Ok(())) => Some(sink.glyphs),
        _ => None,
    }
}
