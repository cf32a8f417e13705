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
        CellLines::is_blank(self)
    }

    /// The lines joined with single spaces (for header matching and marks).
    pub fn flat(&self) -> String {
        CellLines::flat(self)
    }

    /// [`Cell::flat`], borrowed when the cell has a single non-blank line
    /// (the common case).
    pub fn flat_cow(&self) -> Cow<'_, str> {
        CellLines::flat_cow(self)
    }

    /// The number of characters of [`Cell::flat`], without building it.
    pub fn flat_chars(&self) -> usize {
        CellLines::flat_chars(self)
    }

    /// The lines joined with nothing (for split header words: `PENANGG`+`UNG`).
    pub fn glued(&self) -> String {
        CellLines::glued(self)
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

    /// [`Cell::append`] of a cell given by value: its lines move instead of
    /// being copied.
    pub(crate) fn append_owned(&mut self, other: Cell) {
        let filled = |l: &String| !l.trim().is_empty();
        let Some(first) = other.lines.iter().position(filled) else {
            return;
        };
        let last = other.lines.iter().rposition(filled).unwrap_or(first);
        self.lines.extend(
            other
                .lines
                .into_iter()
                .skip(first)
                .take(last.saturating_sub(first) + 1),
        );
    }
}

/// A table cell read as lines of text: a [`Cell`], or a reader's own form
/// of a cell that it has not turned into one (yet), so that header rows are
/// recognised without building their cells.
///
/// Blank lines may be missing or extra: nothing read through this trait
/// depends on them.
pub(crate) trait CellLines {
    /// The lines of the cell, in order.
    fn lines(&self) -> impl Iterator<Item = Cow<'_, str>> + Clone;

    /// The cell's text when the cell knows, without splitting it, that it
    /// has a single line, this text, already trimmed (no line at all when
    /// it is empty). The other methods then take it as it is.
    fn plain(&self) -> Option<&str> {
        None
    }

    /// Some text of the cell known without splitting it (perhaps none):
    /// each of its characters that is not white space is one of the
    /// cell's, which is quick evidence of what the cell holds.
    fn head(&self) -> &str {
        ""
    }

    /// Whether the cell holds no text at all (see [`Cell::is_empty`]).
    fn is_blank(&self) -> bool {
        match self.plain() {
            Some(text) => text.is_empty(),
            None => self.lines().all(|l| l.chars().all(char::is_whitespace)),
        }
    }

    /// The non-blank lines, trimmed.
    fn filled_lines(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.lines().map(trim_cow).filter(|l| !l.is_empty())
    }

    /// See [`Cell::flat`].
    fn flat(&self) -> String {
        if let Some(text) = self.plain() {
            return text.to_string();
        }
        let mut out = String::new();
        for line in self.filled_lines() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&line);
        }
        out
    }

    /// See [`Cell::flat_cow`].
    fn flat_cow(&self) -> Cow<'_, str> {
        if let Some(text) = self.plain() {
            return Cow::Borrowed(text);
        }
        let mut filled = self.filled_lines();
        match (filled.next(), filled.next()) {
            (None, _) => Cow::Borrowed(""),
            (Some(only), None) => only,
            _ => Cow::Owned(self.flat()),
        }
    }

    /// See [`Cell::flat_chars`].
    fn flat_chars(&self) -> usize {
        if let Some(text) = self.plain() {
            return text.chars().count();
        }
        let (lines, chars) = self.filled_lines().fold((0usize, 0), |(lines, chars), l| {
            (lines + 1, chars + l.chars().count())
        });
        // One space between lines.
        chars + lines.saturating_sub(1)
    }

    /// See [`Cell::glued`].
    fn glued(&self) -> String {
        match self.plain() {
            Some(text) => text.to_string(),
            None => self.lines().map(trim_cow).collect(),
        }
    }

    /// The one character of the cell that is not white space, if there is
    /// exactly one.
    fn only_char(&self) -> Option<char> {
        if let Some(text) = self.plain() {
            // Trimmed: a second character would be a second solid one.
            let mut chars = text.chars();
            return chars.next().filter(|_| chars.next().is_none());
        }
        if self
            .head()
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(1)
            .is_some()
        {
            return None;
        }
        let mut solid = None;
        for line in self.lines() {
            for c in line.chars().filter(|c| !c.is_whitespace()) {
                if solid.replace(c).is_some() {
                    return None;
                }
            }
        }
        solid
    }
}

impl CellLines for Cell {
    fn lines(&self) -> impl Iterator<Item = Cow<'_, str>> + Clone {
        self.lines.iter().map(|l| Cow::Borrowed(l.as_str()))
    }

    fn head(&self) -> &str {
        self.lines.first().map_or("", String::as_str)
    }
}

/// A line trimmed, still borrowed if it was.
pub(crate) fn trim_cow(line: Cow<'_, str>) -> Cow<'_, str> {
    match line {
        Cow::Borrowed(line) => Cow::Borrowed(trim(line)),
        Cow::Owned(line) if trim(&line).len() == line.len() => Cow::Owned(line),
        Cow::Owned(line) => Cow::Owned(trim(&line).to_string()),
    }
}

/// [`str::trim`], at once when `s` starts and ends with visible ASCII,
/// as most text and table cells do.
pub(crate) fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
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

    mod fast_paths {
        use super::super::{trim, Cell};
        use proptest::prelude::*;

        fn lines() -> impl Strategy<Value = Vec<String>> {
            prop::collection::vec("[ a\t\u{a0}]{0,3}", 0..5)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn trim_is_str_trim(s in "[ a.\t\n\r\u{b}\u{c}\u{1f}\u{85}\u{a0}\u{3000}é|~]{0,8}") {
                prop_assert_eq!(trim(&s), s.trim());
            }

            #[test]
            fn append_owned_is_append(first in lines(), other in lines()) {
                let mut copied = Cell::new(first.clone());
                copied.append(&Cell::new(other.clone()));
                let mut moved = Cell::new(first);
                moved.append_owned(Cell::new(other));
                prop_assert_eq!(moved, copied);
            }
        }
    }
}
