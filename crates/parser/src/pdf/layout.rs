//! From glyphs to words and lines, with our own spacing decisions: a word
//! ends at a space glyph, at a gap wider than a fraction of the font size,
//! and where the text jumps back or to another baseline.

use super::content::Glyph;

/// A gap wider than this fraction of the font size separates words (as
/// poppler's `minWordBreakSpace`).
const WORD_GAP: f64 = 0.1;

/// A word on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The text.
    pub text: String,
    /// Left edge, in points from the page's left.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top, in points from the page's top.
    pub y0: f64,
    /// Bottom.
    pub y1: f64,
    /// The baseline.
    pub baseline: f64,
    /// The font size, in points.
    pub size: f64,
}

impl Word {
    /// The horizontal middle.
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    /// The vertical middle.
    pub fn cy(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }
}

/// Group glyphs (in drawing order) into words.
pub(crate) fn words(glyphs: &[Glyph]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    for g in glyphs {
        if g.text.chars().all(char::is_whitespace) {
            if let Some(w) = current.take() {
                out.push(w);
            }
            continue;
        }
        if let Some(w) = current.as_mut() {
            let size = w.size.max(g.size).max(1.0);
            let same_line = (g.baseline - w.baseline).abs() < 0.3 * size;
            let gap = g.x0 - w.x1;
            if same_line && gap <= WORD_GAP * size && gap > -0.5 * size {
                w.text.push_str(&g.text);
                w.x1 = w.x1.max(g.x1);
                w.y0 = w.y0.min(g.y0);
                w.y1 = w.y1.max(g.y1);
                continue;
            }
            if let Some(done) = current.take() {
                out.push(done);
            }
        }
        current = Some(Word {
            text: g.text.clone(),
            x0: g.x0,
            x1: g.x1,
            y0: g.y0,
            y1: g.y1,
            baseline: g.baseline,
            size: g.size,
        });
    }
    out.extend(current);
    out
}

/// Group words into lines (top to bottom, each left to right). Words whose
/// baselines are within a third of the font size share a line.
pub(crate) fn lines(words: &[&Word]) -> Vec<Vec<Word>> {
    let mut sorted: Vec<&Word> = words.to_vec();
    sorted.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    let mut lines: Vec<Vec<Word>> = Vec::new();
    for w in sorted {
        match lines.last_mut() {
            Some(line)
                if line.first().is_some_and(|f| {
                    (w.baseline - f.baseline).abs() < 0.35 * f.size.max(w.size).max(1.0)
                }) =>
            {
                line.push(w.clone());
            }
            _ => lines.push(vec![w.clone()]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// A line's text: words joined by one space.
pub(crate) fn line_text(line: &[Word]) -> String {
    line.iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
