//! Tables from positions: the ruling lines a page draws give the column
//! boundaries and the row bands; a boundary missing inside a band makes a
//! spanning cell, whose text goes to its first column. Words outside the
//! ruled region are the page's text, above or below the table.

use super::content::Rule;
use super::layout::{line_text, lines, Word};
use crate::raw::{Block, Cell, RawRow, RawTable, TextLine};
use pergub_model::Span;

/// Rule positions closer than this (points) are one boundary.
const SNAP: f64 = 2.0;
/// Rules shorter than this are not table borders.
const MIN_RULE: f64 = 4.0;

/// The ruled grid of a page.
#[derive(Debug, Clone, PartialEq)]
struct Grid {
    xs: Vec<f64>,
    ys: Vec<f64>,
    verticals: Vec<Rule>,
    horizontals: Vec<Rule>,
}

impl Grid {
    fn from_rules(rules: &[Rule]) -> Option<Grid> {
        let verticals: Vec<Rule> = rules
            .iter()
            .filter(|r| !r.horizontal && r.to - r.from >= MIN_RULE)
            .copied()
            .collect();
        let xs = cluster(verticals.iter().map(|r| r.at).collect());
        if xs.len() < 3 {
            return None;
        }
        let (left, right) = (xs[0] - SNAP, xs[xs.len() - 1] + SNAP);
        let top = verticals
            .iter()
            .map(|r| r.from)
            .fold(f64::INFINITY, f64::min);
        let bottom = verticals
            .iter()
            .map(|r| r.to)
            .fold(f64::NEG_INFINITY, f64::max);
        let horizontals: Vec<Rule> = rules
            .iter()
            .filter(|r| r.horizontal && r.to - r.from >= MIN_RULE)
            .filter(|r| {
                r.to > left && r.from < right && r.at >= top - SNAP && r.at <= bottom + SNAP
            })
            .copied()
            .collect();
        let mut ys: Vec<f64> = horizontals.iter().map(|r| r.at).collect();
        ys.push(top);
        ys.push(bottom);
        let ys = cluster(ys);
        (ys.len() >= 2).then_some(Grid {
            xs,
            ys,
            verticals,
            horizontals,
        })
    }

    fn contains(&self, w: &Word) -> bool {
        let (x, y) = (w.cx(), w.cy());
        x >= self.xs[0]
            && x <= self.xs[self.xs.len() - 1]
            && y >= self.ys[0]
            && y <= self.ys[self.ys.len() - 1]
    }

    /// Whether column boundary `k` is drawn across the band `lo..hi`.
    fn boundary_in_band(&self, k: usize, lo: f64, hi: f64) -> bool {
        let x = self.xs[k];
        let mid = (lo + hi) / 2.0;
        self.verticals
            .iter()
            .any(|r| (r.at - x).abs() <= SNAP && r.from <= mid && r.to >= mid)
    }

    /// Whether row boundary `b` is drawn across column `c` (else the cell
    /// above and the cell below are one cell spanning rows).
    fn boundary_in_column(&self, b: usize, c: usize) -> bool {
        let y = self.ys[b];
        let mid = (self.xs[c] + self.xs[c + 1]) / 2.0;
        self.horizontals
            .iter()
            .any(|r| (r.at - y).abs() <= SNAP && r.from <= mid && r.to >= mid)
    }

    fn column_of(&self, x: f64) -> usize {
        let n = self.xs.len() - 1;
        self.xs[1..n].iter().take_while(|b| x > **b).count()
    }

    fn band_of(&self, y: f64) -> usize {
        let n = self.ys.len() - 1;
        self.ys[1..n].iter().take_while(|b| y > **b).count()
    }
}

/// Sort and merge positions closer than [`SNAP`].
fn cluster(mut values: Vec<f64>) -> Vec<f64> {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((mean, n)) if v - *mean <= SNAP => {
                *mean = (*mean * *n as f64 + v) / (*n as f64 + 1.0);
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(v, _)| v).collect()
}

/// What one page holds: text above its table, the table, text below.
#[derive(Debug, Default)]
pub(crate) struct PageLayout {
    pub(crate) above: Vec<Block>,
    pub(crate) table: Option<PageTable>,
    pub(crate) below: Vec<Block>,
}

/// A page's table with what the cells alone do not say.
#[derive(Debug)]
pub(crate) struct PageTable {
    pub(crate) table: RawTable,
    /// Per row: whether its only text is one cell spanning several columns
    /// (a section row, a caption).
    pub(crate) spanning: Vec<bool>,
}

impl PageLayout {
    /// The page's blocks in reading order.
    pub(crate) fn into_blocks(self) -> Vec<Block> {
        let mut blocks = self.above;
        if let Some(t) = self.table.filter(|t| !t.table.rows.is_empty()) {
            blocks.push(Block::Table(t.table));
        }
        blocks.extend(self.below);
        blocks
    }
}

/// Lay out one page: text above the table, the table, text below.
pub(crate) fn page_layout(page: u32, words: &[Word], rules: &[Rule]) -> PageLayout {
    let span = Span::page(page);
    let Some(grid) = Grid::from_rules(rules) else {
        let all: Vec<&Word> = words.iter().collect();
        return PageLayout {
            above: text_blocks(&all, span),
            ..PageLayout::default()
        };
    };
    let (inside, outside): (Vec<&Word>, Vec<&Word>) = words.iter().partition(|w| grid.contains(w));
    let top = grid.ys[0];
    let (above, below): (Vec<&Word>, Vec<&Word>) = outside.into_iter().partition(|w| w.cy() < top);
    PageLayout {
        above: text_blocks(&above, span),
        table: Some(grid_table(&grid, &inside, span)),
        below: text_blocks(&below, span),
    }
}

#[cfg(test)]
fn page_blocks(page: u32, words: &[Word], rules: &[Rule]) -> Vec<Block> {
    page_layout(page, words, rules).into_blocks()
}

fn grid_table(grid: &Grid, words: &[&Word], span: Span) -> PageTable {
    let columns = grid.xs.len() - 1;
    let bands = grid.ys.len() - 1;
    // Words per (band, column where the cell starts).
    let mut slots: Vec<Vec<Vec<&Word>>> = vec![vec![Vec::new(); columns]; bands];
    let mut starts: Vec<Vec<usize>> = Vec::with_capacity(bands);
    for b in 0..bands {
        let (lo, hi) = (grid.ys[b], grid.ys[b + 1]);
        let mut start = Vec::with_capacity(columns);
        let mut current = 0;
        for c in 0..columns {
            if c > 0 && grid.boundary_in_band(c, lo, hi) {
                current = c;
            }
            start.push(current);
        }
        starts.push(start);
    }
    for w in words {
        let b = grid.band_of(w.cy());
        let c = grid.column_of(w.cx());
        let Some(&start) = starts.get(b).and_then(|s| s.get(c)) else {
            continue;
        };
        // A cell spanning rows keeps its text in its top row.
        let mut top = b;
        while top > 0 && !grid.boundary_in_column(top, start) {
            top -= 1;
        }
        let start = starts[top][start];
        slots[top][start].push(w);
    }
    let mut rows = Vec::new();
    let mut spanning = Vec::new();
    for (b, cells) in slots.into_iter().enumerate() {
        let filled: Vec<usize> = (0..columns).filter(|c| !cells[*c].is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        spanning
            .push(filled.len() == 1 && starts[b].iter().filter(|s| **s == filled[0]).count() > 1);
        rows.push(RawRow {
            cells: cells
                .iter()
                .map(|ws| Cell::new(lines(ws).iter().map(|l| line_text(l)).collect()))
                .collect(),
            span,
        });
    }
    PageTable {
        table: RawTable { rows },
        spanning,
    }
}

/// Text lines, with a blank line where the gap between two lines is wider
/// than a line (a paragraph break).
fn text_blocks(words: &[&Word], span: Span) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for line in lines(words) {
        let baseline = line.first().map_or(0.0, |w| w.baseline);
        let size = line.iter().map(|w| w.size).fold(0.0, f64::max);
        if let Some((prev_base, prev_size)) = previous {
            if baseline - prev_base > 1.6 * prev_size.max(size) {
                blocks.push(Block::Text(TextLine {
                    text: String::new(),
                    span,
                }));
            }
        }
        previous = Some((baseline, size));
        blocks.push(Block::Text(TextLine {
            text: line_text(&line),
            span,
        }));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x: f64, y: f64) -> Word {
        Word {
            text: text.into(),
            x0: x,
            x1: x + 6.0 * text.len() as f64,
            y0: y - 8.0,
            y1: y + 2.0,
            baseline: y,
            size: 10.0,
        }
    }

    fn v(x: f64, from: f64, to: f64) -> Rule {
        Rule {
            horizontal: false,
            at: x,
            from,
            to,
        }
    }

    fn h(y: f64, from: f64, to: f64) -> Rule {
        Rule {
            horizontal: true,
            at: y,
            from,
            to,
        }
    }

    #[test]
    fn ruled_grid_gives_cells_and_spanning_rows_go_to_first_column() {
        // Three columns; the second band is one cell across all three.
        let rules = vec![
            v(0.0, 0.0, 60.0),
            v(100.0, 0.0, 20.0),
            v(100.0, 40.0, 60.0),
            v(200.0, 0.0, 20.0),
            v(200.0, 40.0, 60.0),
            v(300.0, 0.0, 60.0),
            h(0.0, 0.0, 300.0),
            h(20.0, 0.0, 300.0),
            h(40.0, 0.0, 300.0),
            h(60.0, 0.0, 300.0),
        ];
        let words = vec![
            word("TITLE", 10.0, -20.0),
            word("a", 10.0, 12.0),
            word("b", 110.0, 12.0),
            word("c", 210.0, 12.0),
            word("SUB", 10.0, 32.0),
            word("GUGUS", 150.0, 32.0),
            word("d1", 10.0, 47.0),
            word("d2", 10.0, 57.0),
        ];
        let blocks = page_blocks(3, &words, &rules);
        assert!(matches!(&blocks[0], Block::Text(t) if t.text == "TITLE"));
        let Block::Table(t) = &blocks[1] else {
            panic!("no table")
        };
        assert_eq!(t.rows.len(), 3);
        assert_eq!(
            t.rows[0].cells.iter().map(Cell::flat).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(t.rows[1].cells[0].flat(), "SUB GUGUS");
        assert!(t.rows[1].cells[1].is_empty());
        assert_eq!(t.rows[2].cells[0].lines, ["d1", "d2"]);
        assert_eq!(t.rows[2].span, Span::page(3));
    }

    #[test]
    fn page_without_rules_is_text_with_paragraph_breaks() {
        let words = vec![
            word("one", 0.0, 10.0),
            word("two", 0.0, 22.0),
            word("three", 0.0, 80.0),
        ];
        let blocks = page_blocks(1, &words, &[]);
        let texts: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Text(t) => t.text.clone(),
                Block::Table(_) => "TABLE".into(),
            })
            .collect();
        assert_eq!(texts, ["one", "two", "", "three"]);
    }
}
