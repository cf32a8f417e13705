//! Fonts as the glyph positioner needs them: how a string splits into
//! character codes, each code's advance width and its Unicode text.

use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::HashMap;

/// Ascent and descent used when a font descriptor gives none (as poppler).
const DEFAULT_ASCENT: f64 = 0.95;
const DEFAULT_DESCENT: f64 = -0.35;

/// A font of a page's resources, decoded once per document.
pub(crate) struct Font {
    /// Bytes per character code: 1 for simple fonts, 2 for Identity CID fonts.
    code_len: u8,
    /// Advance widths in glyph space (1/1000 em for all but Type 3).
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space (0.001 except for Type 3 fonts).
    scale: f64,
    /// Unicode of each code, from ToUnicode, then the simple encoding.
    to_unicode: Option<Encoding<'static>>,
    simple: Option<[Option<String>; 256]>,
    /// In text-space units of one em.
    pub(crate) ascent: f64,
    pub(crate) descent: f64,
}

impl Font {
    /// Read a font dictionary. Never fails: what cannot be read falls back
    /// to defaults (a width of half an em, no text).
    pub(crate) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name(doc, dict, b"Subtype").unwrap_or_default();
        let to_unicode = to_unicode(doc, dict);
        if subtype == b"Type0" {
            return Self::load_cid(doc, dict, to_unicode);
        }
        let mut widths = HashMap::new();
        let first = get(doc, dict, b"FirstChar").and_then(number).unwrap_or(0.0) as i64;
        if let Some(Object::Array(ws)) = get(doc, dict, b"Widths") {
            for (i, w) in ws.iter().enumerate() {
                if let Some(w) = deref(doc, w).and_then(number) {
                    let code = first + i as i64;
                    if (0..=255).contains(&code) {
                        widths.insert(code as u32, w);
                    }
                }
            }
        }
        let descriptor = get(doc, dict, b"FontDescriptor").and_then(|o| o.as_dict().ok());
        let missing = descriptor
            .and_then(|d| get(doc, d, b"MissingWidth"))
            .and_then(number);
        let (ascent, descent) = metrics(doc, descriptor);
        let scale = if subtype == b"Type3" {
            match get(doc, dict, b"FontMatrix") {
                Some(Object::Array(m)) => m.first().and_then(number).unwrap_or(0.001),
                _ => 0.001,
            }
        } else {
            0.001
        };
        let default_width = missing.unwrap_or(if widths.is_empty() { 500.0 } else { 0.0 });
        Font {
            code_len: 1,
            widths,
            default_width,
            scale,
            to_unicode,
            simple: simple_encoding(doc, dict),
            ascent,
            descent,
        }
    }

    fn load_cid(doc: &Document, dict: &Dictionary, to_unicode: Option<Encoding<'static>>) -> Font {
        let descendant = match get(doc, dict, b"DescendantFonts") {
            Some(Object::Array(a)) => a
                .first()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok()),
            _ => None,
        };
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        let mut descriptor = None;
        if let Some(cid) = descendant {
            if let Some(dw) = get(doc, cid, b"DW").and_then(number) {
                default_width = dw;
            }
            if let Some(Object::Array(w)) = get(doc, cid, b"W") {
                read_w_array(doc, w, &mut widths);
            }
            descriptor = get(doc, cid, b"FontDescriptor").and_then(|o| o.as_dict().ok());
        }
        let (ascent, descent) = metrics(doc, descriptor);
        Font {
            code_len: 2,
            widths,
            default_width,
            scale: 0.001,
            to_unicode,
            simple: None,
            ascent,
            descent,
        }
    }

    /// Split a string operand into (code, byte length) pairs.
    pub(crate) fn codes<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = (u32, u8)> + 'a {
        let step = usize::from(self.code_len);
        bytes.chunks(step).map(move |c| {
            let code = c.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            (code, c.len() as u8)
        })
    }

    /// Advance width of a code in text-space units of one em.
    pub(crate) fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }

    /// The Unicode text of a code (empty when the font does not say).
    pub(crate) fn text(&self, code: u32, len: u8) -> String {
        if let Some(map) = &self.to_unicode {
            let bytes = code.to_be_bytes();
            let at = 4 - usize::from(len.clamp(1, 4));
            if let Ok(s) = map.bytes_to_string(&bytes[at..]) {
                if !s.is_empty() && !s.contains('\u{fffd}') {
                    return s;
                }
            }
        }
        if let Some(table) = &self.simple {
            if let Some(Some(s)) = table.get(code as usize) {
                return s.clone();
            }
        }
        String::new()
    }

    /// Whether a code is the single-byte space that word spacing applies to.
    pub(crate) fn is_word_space(&self, code: u32, len: u8) -> bool {
        len == 1 && code == 32
    }
}

/// Read a CID font's `/W` array: both `c [w1 w2 ...]` and `c_first c_last w`.
pub(crate) fn read_w_array(doc: &Document, w: &[Object], widths: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() {
        let Some(first) = deref(doc, &w[i]).and_then(number) else {
            i += 1;
            continue;
        };
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (j, width) in list.iter().enumerate() {
                    if let Some(width) = deref(doc, width).and_then(number) {
                        widths.insert(first as u32 + j as u32, width);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let last = number(last).unwrap_or(first);
                let width = w
                    .get(i + 2)
                    .and_then(|o| deref(doc, o))
                    .and_then(number)
                    .unwrap_or(0.0);
                // A range is bounded so a hostile file cannot make us loop long.
                let (lo, hi) = (first.max(0.0) as u32, last.max(0.0) as u32);
                for code in lo..=hi.min(lo.saturating_add(0xFFFF)) {
                    widths.insert(code, width);
                }
                i += 3;
            }
            None => break,
        }
    }
}

fn metrics(doc: &Document, descriptor: Option<&Dictionary>) -> (f64, f64) {
    let Some(d) = descriptor else {
        return (DEFAULT_ASCENT, DEFAULT_DESCENT);
    };
    let ascent = get(doc, d, b"Ascent").and_then(number).map(|a| a * 0.001);
    let descent = get(doc, d, b"Descent").and_then(number).map(|a| a * 0.001);
    let ascent = ascent
        .filter(|a| *a != 0.0 && *a < 3.0)
        .unwrap_or(DEFAULT_ASCENT);
    let descent = descent
        .map(|d| if d > 0.0 { -d } else { d })
        .filter(|d| *d != 0.0 && *d > -3.0)
        .unwrap_or(DEFAULT_DESCENT);
    (ascent, descent)
}

fn to_unicode(doc: &Document, font: &Dictionary) -> Option<Encoding<'static>> {
    let stream = get(doc, font, b"ToUnicode")?;
    if !matches!(stream, Object::Stream(_)) {
        return None;
    }
    // lopdf parses a ToUnicode CMap for a font dictionary that has one and
    // no /Encoding; give it exactly that.
    let mut only = Dictionary::new();
    only.set("Type", Object::Name(b"Font".to_vec()));
    only.set("ToUnicode", stream.clone());
    match only.get_font_encoding(doc) {
        Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    }
}

fn simple_encoding(doc: &Document, font: &Dictionary) -> Option<[Option<String>; 256]> {
    let encoding = font.get_font_encoding(doc).ok()?;
    if matches!(
        encoding,
        Encoding::UnicodeMapEncoding(_) | Encoding::SimpleEncoding(_)
    ) {
        return None;
    }
    let mut table: [Option<String>; 256] = std::array::from_fn(|_| None);
    for (code, slot) in table.iter_mut().enumerate() {
        if let Ok(s) = encoding.bytes_to_string(&[code as u8]) {
            if !s.is_empty() {
                *slot = Some(s);
            }
        }
    }
    Some(table)
}

/// Follow references (a bounded number of times).
pub(crate) fn deref<'a>(doc: &'a Document, mut obj: &'a Object) -> Option<&'a Object> {
    for _ in 0..32 {
        match obj {
            Object::Reference(id) => obj = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

/// A dictionary entry with references followed.
pub(crate) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().and_then(|o| deref(doc, o))
}

pub(crate) fn name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    get(doc, dict, key).and_then(|o| o.as_name().ok())
}

pub(crate) fn number(obj: &Object) -> Option<f64> {
    match obj {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)).filter(|r| r.is_finite()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w_array_reads_both_forms() {
        // `1 [500 600]` gives codes 1 and 2; `3 5 250` gives codes 3 to 5 the
        // same width (the form pdf-extract 0.12.1 misreads).
        let w = vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(500), Object::Real(600.0)]),
            Object::Integer(3),
            Object::Integer(5),
            Object::Integer(250),
        ];
        let mut widths = HashMap::new();
        read_w_array(&Document::new(), &w, &mut widths);
        let mut got: Vec<(u32, f64)> = widths.into_iter().collect();
        got.sort_by_key(|(c, _)| *c);
        assert_eq!(
            got,
            [(1, 500.0), (2, 600.0), (3, 250.0), (4, 250.0), (5, 250.0)]
        );
    }

    #[test]
    fn a_hostile_range_is_bounded() {
        let w = vec![
            Object::Integer(0),
            Object::Integer(i64::from(u32::MAX)),
            Object::Integer(1),
        ];
        let mut widths = HashMap::new();
        read_w_array(&Document::new(), &w, &mut widths);
        assert_eq!(widths.len(), 0x10000);
    }
}
