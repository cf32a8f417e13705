//! What every format reader produces: text lines and tables of cells with
//! source spans, before any header or row interpretation.

use pergub_model::Span;
use std::borrow::Cow;

/// A document as a format reader sees it: text and tables in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawDocument {
    /// Text and tables in reading order.
    pub blocks: Vec<Block>,
}

/// One block of a [`RawDocument`].
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A line of text outside any table.
    Text(TextLine),
    /// A table (a Markdown pipe table, an HTML `<table>`, a PDF page's grid).
    Table(RawTable),
}

/// A line of text outside tables, with markup removed.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// The text, markup removed and entities decoded.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A table: rows of cells. Rows may be ragged.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    /// The rows, in order. Separator rows of Markdown are not rows.
    pub rows: Vec<RawRow>,
}

/// One row of a [`RawTable`].
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// The cells, left to right; a cell spanning several columns is repeated
    /// once per column it covers only by readers that know spans (HTML).
    pub cells: Vec<Cell>,
    /// Where the row is in the input.
    pub span: Span,
}

/// The content of one table cell: its visual lines, markup removed.
///
/// A line break of the source (`<br>` in Markdown and HTML, a wrapped line in
/// PDF) separates lines; an empty line marks a blank line (`<br><br>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The lines, each trimmed.
    pub lines: Vec<String>,
}

impl Cell {
    /// A cell from lines.
    pub fn new(lines: Vec<String>) -> Cell {
        Cell { lines }
    }

    /// A one-line cell.
    pub fn from_text(text: &str) -> Cell {
        Cell {
            lines: vec![text.trim().to_string()],
        }
    }

    /// Whether the cell holds no text at all.
    pub fn is_empty(&self) -> bool {
        self.lines
            .iter()
            .all(|l| l.chars().all(char::is_whitespace))
    }

    /// The lines joined with single spaces (for header matching and marks).
    pub fn flat(&self) -> String {
        let mut out = String::new();
        for line in self.filled_lines() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line);
        }
        out
    }

    /// [`Cell::flat`], borrowed when the cell has a single non-blank line
    /// (the common case).
    pub fn flat_cow(&self) -> Cow<'_, str> {
        let mut filled = self.filled_lines();
        match (filled.next(), filled.next()) {
            (None, _) => Cow::Borrowed(""),
            (Some(only), None) => Cow::Borrowed(only),
            _ => Cow::Owned(self.flat()),
        }
    }

    /// The number of characters of [`Cell::flat`], without building it.
    pub fn flat_chars(&self) -> usize {
        let (lines, chars) = self.filled_lines().fold((0usize, 0), |(lines, chars), l| {
            (lines + 1, chars + l.chars().count())
        });
        // One space between lines.
        chars + lines.saturating_sub(1)
    }

    /// The non-blank lines, trimmed.
    fn filled_lines(&self) -> impl Iterator<Item = &str> {
        self.lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
    }

    /// The lines joined with nothing (for split header words: `PENANGG`+`UNG`).
    pub fn glued(&self) -> String {
        self.lines.iter().map(|l| l.trim()).collect()
    }

    /// Append another cell's lines (a continuation fragment). Blank lines
    /// inside the fragment stay (they separate list items); blank lines at
    /// its ends carry nothing.
    pub fn append(&mut self, other: &Cell) {
        let filled = |l: &&String| !l.trim().is_empty();
        let Some(first) = other.lines.iter().position(|l| filled(&l)) else {
            return;
        };
        let last = other
            .lines
            .iter()
            .rposition(|l| filled(&l))
            .unwrap_or(first);
        self.lines.extend(other.lines[first..=last].iter().cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::Cell;

    #[test]
    fn append_keeps_inner_blank_lines_only() {
        let mut cell = Cell::new(vec!["Penangan".into()]);
        cell.append(&Cell::new(vec![
            "".into(),
            "an".into(),
            "".into(),
            "Rujukan".into(),
            "".into(),
        ]));
        assert_eq!(cell.lines, ["Penangan", "an", "", "Rujukan"]);
        cell.append(&Cell::new(vec!["".into()]));
        assert_eq!(cell.lines.len(), 4);
    }
}
