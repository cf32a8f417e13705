//! The Markdown reader: pipe tables (ragged rows, separator rows anywhere,
//! inline HTML) and the text between them.

use crate::raw::{Block, Cell, RawDocument, RawRow, RawTable, TextLine};
use pergub_model::Span;

/// Read Markdown text into text lines and tables. Never fails.
pub fn read(text: &str) -> RawDocument {
    let mut blocks = Vec::new();
    let mut table: Option<RawTable> = None;
    for (index, line) in text.lines().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let trimmed = line.trim();
        if trimmed.starts_with('|') {
            let cells = split_row(trimmed);
            if is_separator(&cells) {
                // A separator row anywhere belongs to the table it is in.
                table.get_or_insert_with(|| RawTable { rows: Vec::new() });
                continue;
            }
            let row = RawRow {
                cells: cells.iter().map(|c| cell(c)).collect(),
                span: Span::line(number),
            };
            table
                .get_or_insert_with(|| RawTable { rows: Vec::new() })
                .rows
                .push(row);
            continue;
        }
        if let Some(done) = table.take() {
            blocks.push(Block::Table(done));
        }
        let text = inline_text(trimmed.trim_start_matches('#'));
        let text = text.trim();
        if !text.is_empty() {
            blocks.push(Block::Text(TextLine {
                text: text.to_string(),
                span: Span::line(number),
            }));
        } else {
            blocks.push(Block::Text(TextLine {
                text: String::new(),
                span: Span::line(number),
            }));
        }
    }
    if let Some(done) = table.take() {
        blocks.push(Block::Table(done));
    }
    RawDocument { blocks }
}

/// Split a pipe-table row into raw cell texts. `\|` is a literal pipe.
fn split_row(line: &str) -> Vec<String> {
    let body = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                current.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    // Text after the last pipe is a cell only when the row was cut short
    // (no closing pipe).
    if !current.trim().is_empty() {
        cells.push(current);
    }
    cells
}

fn is_separator(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim();
            !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
        })
}

/// A raw cell's text as lines: `<br>` separates lines, other tags go,
/// entities are decoded.
fn cell(raw: &str) -> Cell {
    let mut lines = Vec::new();
    let mut rest = raw;
    loop {
        match find_br(rest) {
            Some((start, end)) => {
                lines.push(inline_text(&rest[..start]).trim().to_string());
                rest = &rest[end..];
            }
            None => {
                lines.push(inline_text(rest).trim().to_string());
                break;
            }
        }
    }
    // Leading and trailing blank lines carry nothing.
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    lines.drain(..first);
    Cell { lines }
}

/// The byte range of the first `<br>`, `<br/>` or `<br />` (any case).
fn find_br(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(pos) = s[from..].find('<') {
        let start = from + pos;
        let tail = &bytes[start + 1..];
        if tail.len() >= 3 && tail[..2].eq_ignore_ascii_case(b"br") {
            let mut i = 2;
            while i < tail.len() && (tail[i] == b' ' || tail[i] == b'/') {
                i += 1;
            }
            if i < tail.len() && tail[i] == b'>' {
                return Some((start, start + 1 + i + 1));
            }
        }
        from = start + 1;
    }
    None
}

/// Remove inline tags and decode entities.
pub fn inline_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        match after.find('>') {
            Some(gt) if is_tag(&after[1..gt]) => rest = &after[gt + 1..],
            _ => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out)
}

fn is_tag(inner: &str) -> bool {
    let inner = inner.trim_start_matches('/');
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    !name.is_empty()
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && inner.len() < 200
}

/// Decode HTML character references (named ones common in converters'
/// output, and numeric ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let decoded = after.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &after[1..semi];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "bull" => Some('•'),
                "hellip" => Some('…'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(doc: &RawDocument) -> &RawTable {
        doc.blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn cells_split_on_br_and_lose_markup() {
        let doc = read("| A<br>B | <i>shelter</i> &amp; x | 201<br/>7 |\n|---|---|---|\n");
        let t = table(&doc);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].cells[0].lines, ["A", "B"]);
        assert_eq!(t.rows[0].cells[1].lines, ["shelter & x"]);
        assert_eq!(t.rows[0].cells[2].glued(), "2017");
    }

    #[test]
    fn blank_line_inside_cell_is_kept() {
        let doc = read("| DP3AKKB<br><br>Gugus tugas |\n");
        assert_eq!(table(&doc).rows[0].cells[0].lines, ["DP3AKKB", "", "Gugus tugas"]);
    }

    #[test]
    fn separator_rows_anywhere_are_skipped_and_spans_are_lines() {
        let doc = read("title\n\n|a|b|\n|--|--|\n|c|d|\n|--|--|\n|e|\n");
        let t = table(&doc);
        let spans: Vec<u32> = t.rows.iter().map(|r| r.span.start()).collect();
        assert_eq!(spans, [3, 5, 7]);
        assert_eq!(t.rows[2].cells.len(), 1);
    }

    #[test]
    fn row_cut_short_keeps_its_last_cell() {
        let doc = read("| a | b | trunc");
        assert_eq!(table(&doc).rows[0].cells.len(), 3);
    }

    #[test]
    fn less_than_sign_in_text_survives() {
        assert_eq!(inline_text("umur < 18 tahun"), "umur < 18 tahun");
        assert_eq!(decode_entities("&#x41;&#66;&unknown;"), "AB&unknown;");
    }
}
