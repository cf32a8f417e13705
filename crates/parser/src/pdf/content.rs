//! A content-stream interpreter that positions every glyph itself, from the
//! fonts' own widths, and collects the ruling lines of tables.
//!
//! Coordinates are those of the displayed page: points from its top-left
//! corner, y downwards (as `pdftotext -bbox` reports them), page rotation
//! applied.

use super::font::{deref, get, name, number, Font};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// Form XObjects nest at most this deep.
const MAX_FORM_DEPTH: usize = 12;
/// A path segment thinner than this (in points) may be a ruling line.
const RULE_THICKNESS: f64 = 3.0;

/// An affine matrix `[a b c d e f]` as in PDF.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix([f64; 6]);

impl Matrix {
    pub(crate) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's `self × other`).
    pub(crate) fn then(&self, o: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [oa, ob, oc, od, oe, of] = o.0;
        Matrix([
            a * oa + b * oc,
            a * ob + b * od,
            c * oa + d * oc,
            c * ob + d * od,
            e * oa + f * oc + oe,
            e * ob + f * od + of,
        ])
    }

    pub(crate) fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    pub(crate) fn from_array(m: [f64; 6]) -> Matrix {
        Matrix(m)
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        if ops.len() < 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (slot, op) in m.iter_mut().zip(ops) {
            *slot = number(op)?;
        }
        Some(Matrix(m))
    }
}

/// One glyph on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Its Unicode text (may be several characters for a ligature).
    pub text: String,
    /// Left edge (the origin) and right edge (origin plus advance).
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top (baseline minus ascent) and bottom (baseline minus descent).
    pub y0: f64,
    /// Bottom.
    pub y1: f64,
    /// The baseline.
    pub baseline: f64,
    /// The font size on the page, in points.
    pub size: f64,
}

/// A horizontal or vertical ruling line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Whether it runs left to right.
    pub horizontal: bool,
    /// The y of a horizontal rule, the x of a vertical one.
    pub at: f64,
    /// Where it starts along its direction.
    pub from: f64,
    /// Where it ends along its direction.
    pub to: f64,
}

/// What one page draws.
#[derive(Debug, Default)]
pub(crate) struct PageContent {
    pub(crate) glyphs: Vec<Glyph>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) images: usize,
    /// Characters drawn, and those among them with no known Unicode text.
    pub(crate) drawn: usize,
    pub(crate) unmapped: usize,
    /// Whether a form was skipped because it draws itself or nests too deep.
    pub(crate) recursive_forms: bool,
    /// Content streams or forms that could not be read or were skipped.
    pub(crate) problems: Vec<String>,
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// Fonts decoded once per document, by object id (or by name for direct
/// font dictionaries).
#[derive(Default)]
pub(crate) struct FontCache {
    by_id: HashMap<ObjectId, Rc<Font>>,
}

pub(crate) struct Interpreter<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    out: PageContent,
    /// Forms being drawn, to refuse one that draws itself.
    forms: Vec<ObjectId>,
    path: Vec<(f64, f64, bool)>,
    /// Sub-paths as polylines in page space, and rectangles.
    segments: Vec<((f64, f64), (f64, f64))>,
    start: (f64, f64),
    /// Fonts named by `Tf` that the resources do not hold.
    missing_fonts: Vec<String>,
    /// Glyphs drawn with no font, or with no Unicode for their code.
    lost_glyphs: usize,
}

impl<'a> Interpreter<'a> {
    pub(crate) fn new(doc: &'a Document, fonts: &'a mut FontCache) -> Self {
        Interpreter {
            doc,
            fonts,
            out: PageContent::default(),
            forms: Vec::new(),
            path: Vec::new(),
            segments: Vec::new(),
            start: (0.0, 0.0),
            missing_fonts: Vec::new(),
            lost_glyphs: 0,
        }
    }

    /// Run a page's content with `device` mapping user space to the
    /// displayed page.
    pub(crate) fn run_page(
        mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        device: Matrix,
    ) -> PageContent {
        let gs = GraphicsState {
            ctm: device,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        self.run(content, resources, gs, 0);
        if !self.missing_fonts.is_empty() {
            self.out.problems.push(format!(
                "font {} could not be read; text set in it is lost",
                self.missing_fonts.join(", ")
            ));
        }
        self.out.unmapped = self.lost_glyphs;
        if self.lost_glyphs > 0 {
            self.out.problems.push(format!(
                "{} characters have no known Unicode text and were left out",
                self.lost_glyphs
            ));
        }
        self.out
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        gs: GraphicsState,
        depth: usize,
    ) {
        let ops = super::lexer::operations(content);
        let mut gs = gs;
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for op in &ops {
            let o = &op.operands;
            let num = |i: usize| o.get(i).and_then(number).unwrap_or(0.0);
            match op.operator {
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(o) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    gs.size = num(1);
                    let font_name = o.first().and_then(|n| n.as_name().ok()).unwrap_or_default();
                    gs.font = self.font(resources, font_name);
                    if gs.font.is_none() {
                        let shown = format!("/{}", String::from_utf8_lossy(font_name));
                        if !self.missing_fonts.contains(&shown) {
                            self.missing_fonts.push(shown);
                        }
                    }
                }
                "Tc" => gs.char_spacing = num(0),
                "Tw" => gs.word_spacing = num(0),
                "Tz" => gs.scale = num(0) / 100.0,
                "TL" => gs.leading = num(0),
                "Ts" => gs.rise = num(0),
                "Td" => {
                    tlm = Matrix::translate(num(0), num(1)).then(&tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.leading = -num(1);
                    tlm = Matrix::translate(num(0), num(1)).then(&tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(o) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = o.first() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                "'" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = o.first() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                "\"" => {
                    gs.word_spacing = num(0);
                    gs.char_spacing = num(1);
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = o.get(2) {
                        self.show(s, &gs, &mut tm);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = o.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(s, &gs, &mut tm),
                                other => {
                                    if let Some(adjust) = number(other) {
                                        let tx = -adjust / 1000.0 * gs.size * gs.scale;
                                        tm = Matrix::translate(tx, 0.0).then(&tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "m" => {
                    let p = gs.ctm.apply(num(0), num(1));
                    self.start = p;
                    self.path.push((p.0, p.1, false));
                }
                "l" => {
                    let p = gs.ctm.apply(num(0), num(1));
                    self.path.push((p.0, p.1, true));
                }
                "c" => {
                    let p = gs.ctm.apply(num(4), num(5));
                    self.path.push((p.0, p.1, false));
                }
                "v" | "y" => {
                    let p = gs.ctm.apply(num(2), num(3));
                    self.path.push((p.0, p.1, false));
                }
                "h" => {
                    let s = self.start;
                    self.path.push((s.0, s.1, true));
                }
                "re" => {
                    let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                    for (i, (cx, cy)) in corners.iter().enumerate() {
                        let p = gs.ctm.apply(*cx, *cy);
                        if i == 0 {
                            self.start = p;
                        }
                        self.path.push((p.0, p.1, i > 0));
                    }
                }
                "S" | "s" => self.finish_path(true),
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => self.finish_path(false),
                "n" => self.path.clear(),
                "Do" => {
                    if let Some(n) = o.first().and_then(|n| n.as_name().ok()) {
                        self.draw_xobject(resources, n, &gs, depth);
                    }
                }
                "BI" | "EI" => self.out.images += 1,
                _ => {}
            }
        }
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, font_name: &[u8]) -> Option<Rc<Font>> {
        let fonts = resources
            .and_then(|r| get(self.doc, r, b"Font"))?
            .as_dict()
            .ok()?;
        let entry = fonts.get(font_name).ok()?;
        if let Object::Reference(id) = entry {
            if let Some(font) = self.fonts.by_id.get(id) {
                return Some(font.clone());
            }
            let dict = deref(self.doc, entry)?.as_dict().ok()?;
            let font = Rc::new(Font::load(self.doc, dict));
            self.fonts.by_id.insert(*id, font.clone());
            return Some(font);
        }
        let dict = entry.as_dict().ok()?;
        Some(Rc::new(Font::load(self.doc, dict)))
    }

    fn show(&mut self, bytes: &[u8], gs: &GraphicsState, tm: &mut Matrix) {
        let Some(font) = gs.font.clone() else {
            self.lost_glyphs += bytes.len();
            return;
        };
        let size = gs.size;
        for (code, len) in font.codes(bytes) {
            let w0 = font.width(code);
            // Text space to page: [size·Th 0 0 size 0 rise] × Tm × CTM.
            let trm = Matrix([size * gs.scale, 0.0, 0.0, size, 0.0, gs.rise])
                .then(tm)
                .then(&gs.ctm);
            let text = font.text(code, len);
            self.out.drawn += 1;
            if text.is_empty() {
                self.lost_glyphs += 1;
            } else {
                let corners = [
                    trm.apply(0.0, font.descent),
                    trm.apply(w0, font.descent),
                    trm.apply(0.0, font.ascent),
                    trm.apply(w0, font.ascent),
                ];
                let (ox, oy) = trm.apply(0.0, 0.0);
                let (ex, _) = trm.apply(w0, 0.0);
                let y0 = corners.iter().map(|c| c.1).fold(f64::INFINITY, f64::min);
                let y1 = corners
                    .iter()
                    .map(|c| c.1)
                    .fold(f64::NEG_INFINITY, f64::max);
                let [_, _, c, d, _, _] = trm.0;
                let glyph_size = (c * c + d * d).sqrt();
                if ox.is_finite() && oy.is_finite() && ex.is_finite() {
                    self.out.glyphs.push(Glyph {
                        text,
                        x0: ox.min(ex),
                        x1: ox.max(ex),
                        y0,
                        y1,
                        baseline: oy,
                        size: glyph_size,
                    });
                }
            }
            let spacing = gs.char_spacing
                + if font.is_word_space(code, len) {
                    gs.word_spacing
                } else {
                    0.0
                };
            let tx = (w0 * size + spacing) * gs.scale;
            *tm = Matrix::translate(tx, 0.0).then(tm);
        }
    }

    fn finish_path(&mut self, stroke: bool) {
        let path = std::mem::take(&mut self.path);
        let mut prev: Option<(f64, f64)> = None;
        let mut xs = (f64::INFINITY, f64::NEG_INFINITY);
        let mut ys = (f64::INFINITY, f64::NEG_INFINITY);
        for &(x, y, draws) in &path {
            if draws {
                if let Some(p) = prev {
                    self.segments.push((p, (x, y)));
                }
            }
            prev = Some((x, y));
            xs = (xs.0.min(x), xs.1.max(x));
            ys = (ys.0.min(y), ys.1.max(y));
        }
        let segments = std::mem::take(&mut self.segments);
        if stroke {
            for ((x0, y0), (x1, y1)) in segments {
                if (y0 - y1).abs() < 0.5 && (x0 - x1).abs() > 1.0 {
                    self.rule(true, (y0 + y1) / 2.0, x0, x1);
                } else if (x0 - x1).abs() < 0.5 && (y0 - y1).abs() > 1.0 {
                    self.rule(false, (x0 + x1) / 2.0, y0, y1);
                }
            }
        } else if path.len() >= 2 {
            // A filled thin shape is a rule (how many producers draw borders).
            let (w, h) = (xs.1 - xs.0, ys.1 - ys.0);
            if h <= RULE_THICKNESS && w > h {
                self.rule(true, (ys.0 + ys.1) / 2.0, xs.0, xs.1);
            } else if w <= RULE_THICKNESS && h > w {
                self.rule(false, (xs.0 + xs.1) / 2.0, ys.0, ys.1);
            }
        }
    }

    fn rule(&mut self, horizontal: bool, at: f64, a: f64, b: f64) {
        if at.is_finite() && a.is_finite() && b.is_finite() {
            self.out.rules.push(Rule {
                horizontal,
                at,
                from: a.min(b),
                to: a.max(b),
            });
        }
    }

    fn draw_xobject(
        &mut self,
        resources: Option<&'a Dictionary>,
        xname: &[u8],
        gs: &GraphicsState,
        depth: usize,
    ) {
        let doc = self.doc;
        let Some(xobjects) = resources
            .and_then(|r| get(doc, r, b"XObject"))
            .and_then(|o| o.as_dict().ok())
        else {
            return;
        };
        let Ok(entry) = xobjects.get(xname) else {
            return;
        };
        let id = entry.as_reference().ok();
        let Some(Object::Stream(stream)) = deref(doc, entry) else {
            return;
        };
        match name(doc, &stream.dict, b"Subtype") {
            Some(b"Image") => self.out.images += 1,
            Some(b"Form") => {
                if depth >= MAX_FORM_DEPTH {
                    self.out
                        .problems
                        .push("form XObjects nest too deep; the innermost were skipped".into());
                    return;
                }
                if let Some(id) = id {
                    if self.forms.contains(&id) {
                        self.out.recursive_forms = true;
                        self.out.problems.push(format!(
                            "form XObject {} {} draws itself; skipped",
                            id.0, id.1
                        ));
                        return;
                    }
                    self.forms.push(id);
                }
                let matrix = match get(doc, &stream.dict, b"Matrix") {
                    Some(Object::Array(m)) => Matrix::from_operands(m).unwrap_or(Matrix::IDENTITY),
                    _ => Matrix::IDENTITY,
                };
                let form_resources = get(doc, &stream.dict, b"Resources")
                    .and_then(|o| o.as_dict().ok())
                    .or(resources);
                match stream.decompressed_content() {
                    Ok(content) => {
                        let mut inner = gs.clone();
                        inner.ctm = matrix.then(&gs.ctm);
                        self.run(&content, form_resources, inner, depth + 1);
                    }
                    Err(e) => self
                        .out
                        .problems
                        .push(format!("a form XObject could not be decoded: {e}")),
                }
                if id.is_some() {
                    self.forms.pop();
                }
            }
            _ => {}
        }
    }
}
