//! The HTML reader: `<table>`s as converters such as MinerU, Docling and
//! pandoc emit them (often one per page), and the text around them.
//!
//! The input is parsed by html5ever exactly as a browser parses it, so
//! unclosed tags, cells outside rows and text outside cells are recovered the
//! standard way; what the recovery changed is reported as diagnostics. Then:
//!
//! - every `<table>` becomes a [`RawTable`]: its rows in source order
//!   (`<thead>`, `<tbody>`, `<tfoot>` as written), `rowspan` and `colspan`
//!   expanded, each row spanning the source line of its `<tr>`;
//! - a merged cell keeps its text in its top-left slot and every other slot
//!   it covers is an empty cell, as the Markdown converters render merged
//!   cells: a group header (INDIKATOR, WAKTU PELAKSANAAN) is followed by
//!   empty cells, and an agency written once over several plan rows leaves
//!   the rows below with an empty INSTANSI, so they become ditto rows that
//!   inherit it. Other merged data cells (a PENANGGUNG JAWAB over two rows)
//!   stay empty below, as in Markdown;
//! - a cell's text becomes lines: `<br>` starts a new line (`<br><br>` leaves
//!   an empty line), block elements (`<p>`, `<div>`, `<li>`) start their own
//!   line, list items keep their marker (`1.` in `<ol>`, `-` in `<ul>`),
//!   inline markup goes, whitespace collapses as a browser collapses it;
//! - a table nested inside a cell is read as that cell's text, row by row;
//! - text outside tables becomes paragraphs, one per block element, one
//!   [`TextLine`] per visual line, an empty line closing each paragraph (as
//!   blank lines do in Markdown). Text standing directly in `<body>` (a
//!   Markdown file with HTML tables in it) keeps its source lines, and a
//!   blank source line closes a paragraph there.

mod dom;
mod grid;
mod nesting;

use crate::raw::{Block, Cell, RawDocument, RawRow, RawTable, TextLine};
use dom::{Dom, Kind};
use grid::SourceCell;
use pergub_model::{Diagnostic, Span};
use std::collections::HashMap;

/// Read HTML text into text lines and tables. Never fails: what the parser
/// had to repair is reported in `diagnostics`.
pub fn read(text: &str, diagnostics: &mut Vec<Diagnostic>) -> RawDocument {
    let flattened = nesting::flatten(text);
    let dom = Dom::parse(flattened.as_ref().map_or(text, |(flat, _)| flat.as_str()));
    if let Some((_, line)) = flattened {
        diagnostics.push(
            Diagnostic::warning(
                "html-too-deep",
                format!(
                    "elements nest more than {} levels deep; the deeper tags were ignored and their text kept",
                    nesting::MAX_DEPTH
                ),
            )
            .with_span(Span::line(line)),
        );
    }
    let mut reader = Reader {
        dom: &dom,
        blocks: Vec::new(),
        paragraph: Lines::default(),
        last_line: 1,
        diagnostics: Vec::new(),
    };
    reader.document();
    let Reader {
        blocks,
        diagnostics: mut found,
        ..
    } = reader;
    found.extend(syntax_diagnostics(&dom));
    diagnostics.append(&mut found);
    RawDocument { blocks }
}

/// Elements whose content is never document text.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "head" | "script" | "style" | "template" | "noscript" | "iframe" | "object" | "select"
    )
}

/// Elements that stand on lines of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Visual lines being collected, whitespace collapsed as a browser does.
#[derive(Debug, Default)]
struct Lines {
    done: Vec<(String, Option<u32>)>,
    text: String,
    space: bool,
    line: Option<u32>,
}

impl Lines {
    fn push_char(&mut self, ch: char, line: u32) {
        if ch.is_whitespace() {
            self.space = !self.text.is_empty();
            return;
        }
        if std::mem::take(&mut self.space) {
            self.text.push(' ');
        }
        self.line.get_or_insert(line);
        self.text.push(ch);
    }

    fn push_str(&mut self, s: &str, line: u32) {
        for ch in s.chars() {
            self.push_char(ch, line);
        }
    }

    /// A space between two pieces of inline text (cells of a nested table).
    fn separate(&mut self) {
        self.space = !self.text.is_empty();
    }

    /// End the line, even if it is empty (`<br>`).
    fn hard_break(&mut self) {
        let text = std::mem::take(&mut self.text);
        self.done.push((text, self.line.take()));
        self.space = false;
    }

    /// End the line unless it is empty (a block element's edge).
    fn soft_break(&mut self) {
        if !self.text.is_empty() {
            self.hard_break();
        }
    }

    fn take(&mut self) -> Vec<(String, Option<u32>)> {
        self.soft_break();
        std::mem::take(&mut self.done)
    }
}

/// One step of an iterative tree walk.
#[derive(Debug, Clone, Copy)]
enum Step {
    Enter(usize),
    Exit(usize),
}

struct Reader<'a> {
    dom: &'a Dom,
    blocks: Vec<Block>,
    paragraph: Lines,
    /// The last source line seen, for the span of empty lines.
    last_line: u32,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn document(&mut self) {
        let dom = self.dom;
        let mut stack = vec![Step::Enter(0)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(id) => {
                    let Some(node) = dom.nodes.get(id) else {
                        continue;
                    };
                    if node.fostered {
                        self.fostered(id);
                        continue;
                    }
                    match &node.kind {
                        Kind::Text(chunks) => self.text(id, chunks),
                        Kind::Element { html: false, .. } | Kind::Other => {}
                        Kind::Document | Kind::Element { .. } => {
                            let name = dom.name(id).unwrap_or("");
                            if is_hidden(name) {
                                continue;
                            }
                            self.last_line = self.last_line.max(node.line);
                            if name == "table" {
                                self.end_paragraph();
                                self.table(id);
                                continue;
                            }
                            if name == "br" {
                                self.paragraph.hard_break();
                                continue;
                            }
                            if is_block(name) {
                                self.end_paragraph();
                            }
                            stack.push(Step::Exit(id));
                            stack.extend(dom.children(id).iter().rev().map(|&c| Step::Enter(c)));
                        }
                    }
                }
                Step::Exit(id) => {
                    if dom.name(id).is_some_and(is_block) {
                        self.end_paragraph();
                    }
                }
            }
        }
        self.end_paragraph();
    }

    /// Text outside tables. Text directly in `<body>` keeps its source lines.
    fn text(&mut self, id: usize, chunks: &[(String, u32)]) {
        let bare = self
            .dom
            .nodes
            .get(id)
            .and_then(|n| n.parent)
            .and_then(|p| self.dom.name(p))
            .is_some_and(|p| matches!(p, "body" | "html"));
        for (chunk, end) in chunks {
            self.last_line = self.last_line.max(*end);
            let mut line = start_line(chunk, *end);
            if !bare {
                self.paragraph.push_str(chunk, line);
                continue;
            }
            let mut pieces = chunk.split('\n').peekable();
            while let Some(piece) = pieces.next() {
                let piece = if self.paragraph.text.is_empty() {
                    piece.trim_start().trim_start_matches('#')
                } else {
                    piece
                };
                self.paragraph.push_str(piece, line);
                if pieces.peek().is_some() {
                    if self.paragraph.text.is_empty() {
                        // A blank source line.
                        self.end_paragraph();
                    } else {
                        self.paragraph.hard_break();
                    }
                    line = line.saturating_add(1);
                }
            }
        }
    }

    fn end_paragraph(&mut self) {
        let lines = self.paragraph.take();
        let mut any = false;
        for (text, line) in lines {
            let line = line.unwrap_or(self.last_line);
            any |= !text.is_empty();
            self.blocks.push(Block::Text(TextLine {
                text,
                span: Span::line(line),
            }));
        }
        if any {
            self.blocks.push(Block::Text(TextLine {
                text: String::new(),
                span: Span::line(self.last_line),
            }));
        }
    }

    /// Content the parser moved out of a table because it stood outside
    /// the table's cells: reported, not read as document text.
    fn fostered(&mut self, id: usize) {
        let mut lines = Lines::default();
        cell_text(self.dom, id, &mut lines, &mut Vec::new());
        let text: Vec<String> = lines.take().into_iter().map(|(t, _)| t).collect();
        let text = text.join(" ");
        if text.trim().is_empty() {
            return;
        }
        self.diagnostics.push(
            Diagnostic::warning(
                "html-text-outside-cell",
                format!("text inside a table but outside its cells was left out: \"{text}\""),
            )
            .with_span(Span::line(self.dom.line(id))),
        );
    }

    fn table(&mut self, id: usize) {
        let dom = self.dom;
        // A caption is text above the table.
        for &child in dom.children(id) {
            if dom.name(child) == Some("caption") {
                let mut lines = Lines::default();
                cell_text(dom, child, &mut lines, &mut self.diagnostics);
                for (text, line) in lines.take() {
                    self.paragraph
                        .push_str(&text, line.unwrap_or(dom.line(child)));
                    self.paragraph.hard_break();
                }
                self.end_paragraph();
            }
        }
        let mut rows = Vec::new();
        for group in row_groups(dom, id) {
            let source: Vec<Vec<SourceCell>> = group
                .iter()
                .map(|&tr| {
                    dom.children(tr)
                        .iter()
                        .filter(|&&c| matches!(dom.name(c), Some("td" | "th")))
                        .map(|&c| self.source_cell(c))
                        .collect()
                })
                .collect();
            let (grid, trouble) = grid::expand(&source);
            for r in trouble.overlaps {
                let line = group.get(r).map_or(dom.line(id), |&tr| dom.line(tr));
                self.diagnostics.push(
                    Diagnostic::warning(
                        "html-overlapping-cells",
                        "a cell overlaps a cell that spans into its row from above; both were kept",
                    )
                    .with_span(Span::line(line)),
                );
            }
            for r in trouble.too_wide {
                let line = group.get(r).map_or(dom.line(id), |&tr| dom.line(tr));
                self.diagnostics.push(
                    Diagnostic::warning(
                        "html-table-too-wide",
                        format!(
                            "a row reaches past {} columns; the cells beyond were dropped",
                            grid::MAX_COLUMNS
                        ),
                    )
                    .with_span(Span::line(line)),
                );
            }
            for (cells, &tr) in grid.into_iter().zip(&group) {
                rows.push(RawRow {
                    cells,
                    span: Span::line(dom.line(tr)),
                });
            }
        }
        self.blocks.push(Block::Table(RawTable { rows }));
    }

    fn source_cell(&mut self, id: usize) -> SourceCell {
        let mut lines = Lines::default();
        cell_text(self.dom, id, &mut lines, &mut self.diagnostics);
        let mut lines: Vec<String> = lines.take().into_iter().map(|(t, _)| t).collect();
        // Leading and trailing blank lines carry nothing.
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        let first = lines
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(lines.len());
        lines.drain(..first);
        let colspan = span_attr(self.dom.attr(id, "colspan"))
            .filter(|&n| n > 0)
            .unwrap_or(1);
        let rowspan = span_attr(self.dom.attr(id, "rowspan"))
            .unwrap_or(1)
            .min(65_534);
        SourceCell {
            cell: Cell::new(lines),
            colspan,
            rowspan,
        }
    }
}

/// The line a text chunk starts on: the parser reports the line where the
/// chunk ends.
fn start_line(chunk: &str, end: u32) -> u32 {
    let breaks = chunk.bytes().filter(|&b| b == b'\n').count();
    end.saturating_sub(u32::try_from(breaks).unwrap_or(u32::MAX))
        .max(1)
}

/// A `colspan` / `rowspan` value by the HTML rules for non-negative
/// integers: leading digits after optional whitespace, `None` if there are
/// none.
fn span_attr(value: Option<&str>) -> Option<usize> {
    let digits: String = value?
        .trim_start()
        .trim_start_matches('+')
        .chars()
        .take_while(char::is_ascii_digit)
        .take(7)
        .collect();
    digits.parse().ok()
}

/// The rows of a table by row group, in source order. Rows directly in
/// `<table>` (a tree the parser did not build) form groups of their own.
fn row_groups(dom: &Dom, table: usize) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut loose: Vec<usize> = Vec::new();
    for &child in dom.children(table) {
        match dom.name(child) {
            Some("thead" | "tbody" | "tfoot") => {
                if !loose.is_empty() {
                    groups.push(std::mem::take(&mut loose));
                }
                groups.push(
                    dom.children(child)
                        .iter()
                        .copied()
                        .filter(|&c| dom.name(c) == Some("tr"))
                        .collect(),
                );
            }
            Some("tr") => loose.push(child),
            _ => {}
        }
    }
    if !loose.is_empty() {
        groups.push(loose);
    }
    groups
}

/// Collect the text of `root`'s subtree as visual lines.
fn cell_text(dom: &Dom, root: usize, lines: &mut Lines, diagnostics: &mut Vec<Diagnostic>) {
    let mut list_counters: HashMap<usize, i64> = HashMap::new();
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(id) => {
                let Some(node) = dom.nodes.get(id) else {
                    continue;
                };
                match &node.kind {
                    Kind::Text(chunks) => {
                        for (chunk, end) in chunks {
                            lines.push_str(chunk, start_line(chunk, *end));
                        }
                        continue;
                    }
                    Kind::Element { html: true, .. } => {}
                    _ => continue,
                }
                let name = dom.name(id).unwrap_or("");
                if is_hidden(name) {
                    continue;
                }
                match name {
                    "br" => {
                        lines.hard_break();
                        continue;
                    }
                    "table" if id != root => diagnostics.push(
                        Diagnostic::warning(
                            "html-nested-table",
                            "a table nested inside a table cell was read as that cell's text",
                        )
                        .with_span(Span::line(node.line)),
                    ),
                    "td" | "th" if id != root => lines.separate(),
                    _ => {}
                }
                if is_block(name) {
                    lines.soft_break();
                }
                if name == "li" {
                    lines.push_str(&list_marker(dom, id, &mut list_counters), node.line);
                }
                stack.push(Step::Exit(id));
                stack.extend(dom.children(id).iter().rev().map(|&c| Step::Enter(c)));
            }
            Step::Exit(id) => {
                if dom.name(id).is_some_and(is_block) {
                    lines.soft_break();
                }
            }
        }
    }
}

/// The marker a list item shows: its number in an `<ol>` (honouring
/// `start`), a dash in a `<ul>`.
fn list_marker(dom: &Dom, li: usize, counters: &mut HashMap<usize, i64>) -> String {
    let Some(list) = dom.nodes.get(li).and_then(|n| n.parent) else {
        return "- ".to_string();
    };
    if dom.name(list) != Some("ol") {
        return "- ".to_string();
    }
    let start = dom
        .attr(list, "start")
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or(1);
    let n = counters.entry(list).or_insert(start.saturating_sub(1));
    *n = n.saturating_add(1);
    format!("{n}. ")
}

/// What the parser repaired, as diagnostics: one per kind of repair, with
/// the first occurrence and a count (a missing doctype is normal in
/// converters' output and not reported).
fn syntax_diagnostics(dom: &Dom) -> Vec<Diagnostic> {
    let mut stray: Vec<(u32, String)> = Vec::new();
    let mut unclosed: Vec<(u32, String)> = Vec::new();
    let mut other: Vec<(u32, String)> = Vec::new();
    for (line, msg) in &dom.errors {
        // A missing doctype is normal; text outside cells has its own
        // diagnostic.
        if msg.contains("DOCTYPE")
            || msg.contains("insertion mode Initial")
            || msg.contains("table text")
        {
            continue;
        }
        let tag = tag_in(msg);
        match tag.as_deref() {
            Some(name)
                if msg.starts_with("Unexpected token")
                    && msg.contains("InBody")
                    && is_table_part(name) =>
            {
                stray.push((*line, format!("<{name}>")));
            }
            Some(name) if msg.contains("at end of body") => {
                unclosed.push((*line, format!("<{name}> is never closed")));
            }
            Some(name) if msg.starts_with("Unexpected open element while closing") => {
                unclosed.push((*line, format!("an element inside <{name}> is left open")));
            }
            _ => other.push((*line, describe(msg, tag.as_deref()))),
        }
    }
    let more = |n: usize| match n {
        0 | 1 => String::new(),
        n => format!(" ({} more like it)", n - 1),
    };
    let mut out = Vec::new();
    if let Some((line, tag)) = stray.first() {
        out.push(
            Diagnostic::warning(
                "html-stray-cell",
                format!(
                    "{tag} stands outside any table and was ignored; its text was read as text outside tables{}",
                    more(stray.len())
                ),
            )
            .with_span(Span::line(*line)),
        );
    }
    if let Some((line, what)) = unclosed.first() {
        out.push(
            Diagnostic::warning(
                "html-unclosed-tag",
                format!(
                    "{what}; it was closed where a browser closes it{}",
                    more(unclosed.len())
                ),
            )
            .with_span(Span::line(*line)),
        );
    }
    if let Some((line, what)) = other.first() {
        out.push(
            Diagnostic::warning(
                "html-syntax",
                format!(
                    "the HTML is malformed ({what}); it was read as a browser reads it{}",
                    more(other.len())
                ),
            )
            .with_span(Span::line(*line)),
        );
    }
    out
}

fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "td" | "th" | "tr" | "thead" | "tbody" | "tfoot" | "caption" | "col" | "colgroup"
    )
}

/// The element name a parse error message mentions, if any.
fn tag_in(msg: &str) -> Option<String> {
    let name = if let Some(at) = msg.find("Atom(") {
        msg[at + 5..].trim_start_matches(['\\', '\''])
    } else if let Some(at) = msg.find("xhtml}:") {
        &msg[at + 7..]
    } else {
        return None;
    };
    let name: String = name
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    (!name.is_empty()).then_some(name)
}

/// A parse error message in a few words.
fn describe(msg: &str, tag: Option<&str>) -> String {
    let end = msg.contains("EndTag");
    match tag {
        Some(name) if msg.starts_with("Unexpected token") && end => {
            format!("an unexpected </{name}>")
        }
        Some(name) if msg.starts_with("Unexpected token") => format!("an unexpected <{name}>"),
        _ => {
            let short: String = msg.chars().take(80).collect();
            short.to_lowercase()
        }
    }
}
