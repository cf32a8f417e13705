//! The Markdown reader: pipe tables (ragged rows, separator rows anywhere,
//! inline HTML) and the text between them.

use crate::raw::{Block, Cell, RawDocument, RawRow, RawTable, TextLine};
use pergub_model::Span;
use std::borrow::Cow;

/// Read Markdown text into text lines and tables. Never fails.
pub fn read(text: &str) -> RawDocument {
    // About one block per line (a capacity hint only).
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let mut blocks = Vec::with_capacity(lines);
    let mut table: Option<RawTable> = None;
    // The raw cells of the current row, reused from row to row.
    let mut cells: Vec<RawCell<'_>> = Vec::new();
    // Lines end at `\n`, `\r\n`, or a lone `\r` (old Mac files).
    for (index, line) in text.lines().flat_map(|l| l.split('\r')).enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let trimmed = line.trim();
        // Inside a table, a row may omit its leading pipe (GFM).
        if trimmed.starts_with('|') || (table.is_some() && has_pipe(trimmed)) {
            split_row(trimmed, &mut cells);
            let rows = &mut table
                .get_or_insert_with(|| RawTable { rows: Vec::new() })
                .rows;
            // A separator row anywhere belongs to the table it is in.
            if !is_separator(&cells) {
                rows.push(RawRow {
                    cells: cells.iter().map(cell).collect(),
                    span: Span::line(number),
                });
            }
            continue;
        }
        if let Some(done) = table.take() {
            blocks.push(Block::Table(done));
        }
        blocks.push(Block::Text(TextLine {
            text: line_text(trimmed.trim_start_matches('#')),
            span: Span::line(number),
        }));
    }
    if let Some(done) = table.take() {
        blocks.push(Block::Table(done));
    }
    RawDocument { blocks }
}

/// Whether `line` holds a pipe that is not escaped as `\|`.
fn has_pipe(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'|', bytes).any(|at| !is_escaped(bytes, at))
}

/// Whether the byte at `at` is escaped by a backslash right before it.
fn is_escaped(bytes: &[u8], at: usize) -> bool {
    at.checked_sub(1).and_then(|i| bytes.get(i)) == Some(&b'\\')
}

/// The text of one pipe-table cell, as found between its pipes.
#[derive(Default)]
struct RawCell<'a> {
    /// The text, `\|` made `|`.
    text: Cow<'a, str>,
    /// How many `<` the text holds: perhaps tags to remove.
    tags: usize,
    /// Whether the text holds a `&`: perhaps entities to decode.
    entities: bool,
}

/// Split a pipe-table row into raw cells (into `cells`, cleared first).
/// `\|` is a literal pipe.
fn split_row<'a>(line: &'a str, cells: &mut Vec<RawCell<'a>>) {
    cells.clear();
    let body = line.strip_prefix('|').unwrap_or(line);
    let bytes = body.as_bytes();
    let mut cell = RawCell::default();
    let (mut start, mut escaped) = (0, false);
    // A `\` right before a `|` always escapes it, so the cells are the
    // stretches between unescaped pipes, with `\|` made `|`.
    let text = |raw: &'a str, escaped: bool| -> Cow<'a, str> {
        if escaped {
            Cow::Owned(raw.replace("\\|", "|"))
        } else {
            Cow::Borrowed(raw)
        }
    };
    // One pass finds the pipes and notes which cells hold markup.
    for at in memchr::memchr3_iter(b'|', b'<', b'&', bytes) {
        match bytes.get(at) {
            Some(b'<') => cell.tags += 1,
            Some(b'&') => cell.entities = true,
            _ if is_escaped(bytes, at) => escaped = true,
            _ => {
                // `|` is ASCII, so `start` and `at` are character boundaries.
                cell.text = text(&body[start..at], escaped);
                cells.push(std::mem::take(&mut cell));
                (start, escaped) = (at + 1, false);
            }
        }
    }
    // Text after the last pipe is a cell only when the row was cut short
    // (no closing pipe).
    let rest = &body[start..];
    if !rest.trim().is_empty() {
        cell.text = text(rest, escaped);
        cells.push(cell);
    }
}

/// Whether a row's raw cells are a separator row (`|---|:--:|`).
fn is_separator(cells: &[RawCell<'_>]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.text.trim();
            !c.is_empty() && c.bytes().all(|b| matches!(b, b'-' | b':' | b' '))
        })
}

/// A raw cell's text as lines: `<br>` separates lines, other tags go,
/// entities are decoded.
fn cell(raw: &RawCell<'_>) -> Cell {
    // Every line is trimmed, so the cell's outer whitespace goes first
    // (ASCII padding first, which is quicker to skip).
    let text = raw.text.trim_ascii().trim();
    if text.is_empty() {
        return Cell::default();
    }
    // Most cells are one plain line: no tag, no entity.
    if raw.tags == 0 && !raw.entities {
        return Cell {
            lines: vec![text.to_string()],
        };
    }
    // Each line but the last ends at a `<` (not every `<` ends a line, so
    // the guess is capped).
    let mut lines = Vec::with_capacity(raw.tags.min(31) + 1);
    // Leading blank lines carry nothing.
    let mut push = |line: String| {
        if !(line.is_empty() && lines.is_empty()) {
            lines.push(line);
        }
    };
    // The current line starts at `start`; `tags` tells whether it holds a
    // `<` that is no line break.
    let (mut start, mut tags) = (0, false);
    if raw.tags > 0 {
        for lt in memchr::memchr_iter(b'<', text.as_bytes()) {
            if lt < start {
                // Inside the line break tag just passed.
                continue;
            }
            // `<` is ASCII, so `lt` is a character boundary.
            match line_break_len(&text[lt..]) {
                Some(len) => {
                    push(cell_line(&text[start..lt], tags, raw.entities));
                    (start, tags) = (lt + len, false);
                }
                None => tags = true,
            }
        }
    }
    push(cell_line(&text[start..], tags, raw.entities));
    // Trailing blank lines carry nothing either.
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    Cell { lines }
}

/// One line of a cell: tags removed (when it may hold some), entities
/// decoded (when the cell may hold some), trimmed.
fn cell_line(s: &str, tags: bool, entities: bool) -> String {
    let stripped = if tags {
        strip_tags(s)
    } else {
        Cow::Borrowed(s)
    };
    let decoded = if entities {
        decode_entities_cow(&stripped)
    } else {
        stripped
    };
    decoded.trim().to_string()
}

/// One line of text: tags removed, entities decoded, trimmed.
fn line_text(s: &str) -> String {
    decode_entities_cow(&strip_tags(s)).trim().to_string()
}

/// Tags are short: a `<` with no `>` within this many bytes starts no tag.
/// (It also keeps a line of many `<` linear.)
const MAX_TAG_LEN: usize = 200;

/// The byte offset of the `>` closing a tag that starts at `after[0] == '<'`,
/// if what lies between is a tag.
fn tag_end(after: &str) -> Option<usize> {
    let window = &after.as_bytes()[..after.len().min(MAX_TAG_LEN + 1)];
    let gt = memchr::memchr(b'>', window)?;
    // `>` is ASCII, so `gt` is a character boundary.
    is_tag(&after[1..gt]).then_some(gt)
}

/// The length of the line break tag (`<br>`, `<br/>`, `<br />`,
/// `<BR class="x">`, `</br>`) that starts `after`, if one does.
fn line_break_len(after: &str) -> Option<usize> {
    // The usual spelling, and a tag by every rule below.
    if after
        .as_bytes()
        .get(..4)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"<br>"))
    {
        return Some(4);
    }
    let name = after.get(1..)?.trim_start_matches('/').as_bytes();
    let is_br = name.get(..2).is_some_and(|n| n.eq_ignore_ascii_case(b"br"))
        && !name.get(2).is_some_and(u8::is_ascii_alphanumeric);
    if !is_br {
        return None;
    }
    tag_end(after).map(|gt| gt + 1)
}

/// Remove inline tags and decode entities.
pub fn inline_text(s: &str) -> String {
    decode_entities_cow(&strip_tags(s)).into_owned()
}

/// Remove inline tags (borrowing `s` when it has none).
fn strip_tags(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'<', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        match tag_end(after) {
            Some(gt) => rest = &after[gt + 1..],
            None => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// HTML elements that PDF converters leave inside Markdown text and cells.
const TAG_NAMES: &[&str] = &[
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "del",
    "div",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
];

/// Whether the text between `<` and `>` is an HTML tag: a known element
/// name, then nothing but `name="value"` attributes and perhaps a closing
/// `/`. Anything else is the author's text (`umur < 18 dan x >`, `<a dan b>`)
/// and stays.
fn is_tag(inner: &str) -> bool {
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let (name, rest) = inner.split_at(name_len);
    if !TAG_NAMES.iter().any(|t| t.eq_ignore_ascii_case(name)) {
        return false;
    }
    let rest = rest.trim_end();
    let rest = if closing {
        rest
    } else {
        rest.strip_suffix('/').unwrap_or(rest).trim_end()
    };
    if rest.is_empty() {
        return true;
    }
    // Attributes must follow the name after whitespace; a closing tag has none.
    !closing && rest.starts_with(char::is_whitespace) && are_attributes(rest)
}

/// Whether `s` is a run of `name=value` attributes (values quoted or not).
fn are_attributes(s: &str) -> bool {
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
            .unwrap_or(rest.len());
        if name_len == 0 {
            return false;
        }
        rest = rest[name_len..].trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            return false;
        };
        let value = value.trim_start();
        let end = match value.chars().next() {
            Some(q @ ('"' | '\'')) => match value[1..].find(q) {
                Some(close) => close + 2,
                None => return false,
            },
            Some(_) => value
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '='))
                .unwrap_or(value.len()),
            None => return false,
        };
        if end == 0 {
            return false;
        }
        rest = value[end..].trim_start();
    }
    true
}

/// Decode HTML character references (named ones common in converters'
/// output, and numeric ones).
pub fn decode_entities(s: &str) -> String {
    decode_entities_cow(s).into_owned()
}

/// [`decode_entities`], borrowing `s` when it holds no `&`.
fn decode_entities_cow(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
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
    Cow::Owned(out)
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
        assert_eq!(
            table(&doc).rows[0].cells[0].lines,
            ["DP3AKKB", "", "Gugus tugas"]
        );
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
    fn rows_without_leading_pipe_stay_in_their_table() {
        let doc = read("| a | b |\n|---|---|\nc | d\ne \\| f\n");
        let t = table(&doc);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].cells[0].lines, ["c"]);
        assert_eq!(t.rows[1].cells[1].lines, ["d"]);
        assert!(doc
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Text(l) if l.text == "e \\| f")));
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let doc = read("title\r| a | b |\r|---|---|\r| c | d |\r\n| e | f |\n");
        let t = table(&doc);
        let spans: Vec<u32> = t.rows.iter().map(|r| r.span.start()).collect();
        assert_eq!(spans, [2, 4, 5]);
        assert_eq!(t.rows[1].cells[1].lines, ["d"]);
    }

    #[test]
    fn a_line_of_many_angle_brackets_is_kept() {
        let line = "<".repeat(100_000);
        assert_eq!(inline_text(&line), line);
        let doc = read(&format!("| {line} |\n"));
        assert_eq!(table(&doc).rows[0].cells[0].lines, [line]);
    }

    #[test]
    fn row_cut_short_keeps_its_last_cell() {
        let doc = read("| a | b | trunc");
        assert_eq!(table(&doc).rows[0].cells.len(), 3);
    }

    #[test]
    fn line_break_tags_in_every_spelling_split_cells() {
        let doc = read("| a<BR>b<br/>c<br />d<br class=\"x\">e</br>f<brx>g |\n");
        assert_eq!(
            table(&doc).rows[0].cells[0].lines,
            ["a", "b", "c", "d", "e", "f<brx>g"]
        );
    }

    #[test]
    fn only_real_tags_are_markup() {
        assert_eq!(inline_text("nilai <a dan b> naik"), "nilai <a dan b> naik");
        assert_eq!(inline_text("x<y dan y>z"), "x<y dan y>z");
        assert_eq!(inline_text("<Kegiatan>"), "<Kegiatan>");
        assert_eq!(
            inline_text("a <b>tebal</b> <I>miring</I>"),
            "a tebal miring"
        );
        assert_eq!(
            inline_text("<span style=\"color: red\" class=x>merah</span><img src='a.png'/>"),
            "merah"
        );
        assert_eq!(inline_text("<font face=Arial >A</font >"), "A");
        assert_eq!(inline_text("</b x=1>"), "</b x=1>");
        assert_eq!(inline_text("<span style=\"open>"), "<span style=\"open>");
    }

    #[test]
    fn less_than_sign_in_text_survives() {
        assert_eq!(inline_text("umur < 18 tahun"), "umur < 18 tahun");
        assert_eq!(decode_entities("&#x41;&#66;&unknown;"), "AB&unknown;");
    }
}
