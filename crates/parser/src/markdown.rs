//! The Markdown reader: pipe tables (ragged rows, separator rows anywhere,
//! inline HTML) and the text between them.

use crate::raw::{Block, Cell, RawDocument, RawRow, RawTable, TextLine};
use pergub_model::Span;

/// Read Markdown text into text lines and tables. Never fails.
pub fn read(text: &str) -> RawDocument {
    let mut blocks = Vec::new();
    let mut table: Option<RawTable> = None;
    // Lines end at `\n`, `\r\n`, or a lone `\r` (old Mac files).
    for (index, line) in text.lines().flat_map(|l| l.split('\r')).enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let trimmed = line.trim();
        // Inside a table, a row may omit its leading pipe (GFM).
        if trimmed.starts_with('|') || (table.is_some() && has_pipe(trimmed)) {
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

/// Whether `line` holds a pipe that is not escaped as `\|`.
fn has_pipe(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
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
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    lines.drain(..first);
    Cell { lines }
}

/// Tags are short: a `<` with no `>` within this many bytes starts no tag.
/// (It also keeps a line of many `<` linear.)
const MAX_TAG_LEN: usize = 200;

/// The byte offset of the `>` closing a tag that starts at `after[0] == '<'`,
/// if what lies between is a tag.
fn tag_end(after: &str) -> Option<usize> {
    let window = &after.as_bytes()[..after.len().min(MAX_TAG_LEN + 1)];
    let gt = window.iter().position(|&b| b == b'>')?;
    // `>` is ASCII, so `gt` is a character boundary.
    is_tag(&after[1..gt]).then_some(gt)
}

/// The byte range of the first line break tag (`<br>`, `<br/>`, `<br />`,
/// `<BR class="x">`, `</br>`).
fn find_br(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(pos) = s[from..].find('<') {
        let start = from + pos;
        let after = &s[start..];
        let name = after[1..].trim_start_matches('/').as_bytes();
        let is_br = name.len() >= 2
            && name[..2].eq_ignore_ascii_case(b"br")
            && !name.get(2).is_some_and(u8::is_ascii_alphanumeric);
        if is_br {
            if let Some(gt) = tag_end(after) {
                return Some((start, start + gt + 1));
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
        match tag_end(after) {
            Some(gt) => rest = &after[gt + 1..],
            None => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out)
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
        assert_eq!(find_br(&line), None);
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
