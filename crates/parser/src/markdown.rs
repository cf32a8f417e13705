//! The Markdown reader: pipe tables (ragged rows, separator rows anywhere,
//! inline HTML) and the text between them.

use crate::assemble::{Assembler, IntoCell, TableRow};
use crate::raw::{trim, trim_cow, Block, Cell, CellLines, RawDocument, RawRow, RawTable, TextLine};
use crate::Parsed;
use pergub_model::Span;
use std::borrow::Cow;

/// Read Markdown text into text lines and tables. Never fails.
pub fn read(text: &str) -> RawDocument {
    // About one block per line (a capacity hint only).
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let mut blocks = Vec::with_capacity(lines);
    let mut reader = Reader::new(text);
    while let Some(block) = reader.block() {
        blocks.push(match block {
            Start::Text(line) => Block::Text(line),
            Start::Table => {
                let mut rows = Vec::new();
                while let Some(span) = reader.row() {
                    rows.push(RawRow {
                        cells: reader.cells.iter().map(cell).collect(),
                        span,
                    });
                }
                Block::Table(RawTable { rows })
            }
        });
    }
    RawDocument { blocks }
}

/// Read Markdown text and assemble its plan records: what
/// [`crate::assemble::assemble`] makes of [`read`]'s document, found with
/// less work. Each row is assembled as soon as it is read, in the reader's
/// own buffer of raw cells (so the memory of one serves the next): only the
/// cells that go into records are built into [`Cell`]s, while header and
/// numbering rows, which converters repeat on every page, are read where
/// they lie.
pub(crate) fn parse(text: &str) -> Parsed {
    let mut asm = Assembler::new();
    let mut reader = Reader::new(text);
    while let Some(block) = reader.block() {
        match block {
            Start::Text(line) => asm.text(Cow::Owned(line)),
            Start::Table => {
                asm.start_table();
                while let Some(span) = reader.row() {
                    asm.row(LazyRow {
                        cells: &mut reader.cells,
                        span,
                    });
                }
            }
        }
    }
    asm.finish()
}

/// A table row as read, its cells not yet built: the reader's raw cells,
/// lent for as long as the row is assembled.
struct LazyRow<'r, 'a> {
    cells: &'r mut Vec<RawCell<'a>>,
    span: Span,
}

impl<'a> TableRow<'a> for LazyRow<'_, 'a> {
    type Cell = RawCell<'a>;

    fn cells(&self) -> &[RawCell<'a>] {
        self.cells
    }

    fn span(&self) -> Span {
        self.span
    }

    /// The cells move out (a header row keeps them), and the reader gets
    /// room for as many, so that it does not grow again for the next row.
    fn into_cells(self) -> Cow<'a, [RawCell<'a>]> {
        let room = Vec::with_capacity(self.cells.len());
        Cow::Owned(std::mem::replace(self.cells, room))
    }

    /// The cells are drained: the reader keeps their room.
    fn take_cells(self) -> impl Iterator<Item: IntoCell> {
        self.cells.drain(..)
    }
}

impl IntoCell for RawCell<'_> {
    fn into_cell(self) -> Cell {
        cell(&self)
    }

    /// The lines are made where they go: a cell's lines have no blank ones
    /// at the ends, which [`Cell::append_owned`] would drop.
    fn append_to(self, cell: &mut Cell) {
        // Room for the lines at once, as `append_owned` makes it.
        cell.lines.reserve(usize::from(self.tags.min(31)) + 1);
        push_lines(&self, &mut cell.lines);
    }
}

/// How a block starts: see [`Reader::block`].
enum Start {
    /// A line of text.
    Text(TextLine),
    /// A table, whose rows [`Reader::row`] gives.
    Table,
}

/// Reads Markdown text block by block, and a table row by row, each row's
/// raw cells into one buffer, [`Reader::cells`].
struct Reader<'a> {
    /// The lines not yet read.
    lines: SourceLines<'a>,
    /// The number of the last line read.
    number: u32,
    /// Whether a table is being read.
    in_table: bool,
    /// The span of the first row of the table just started, whose cells
    /// are in `cells`.
    first_row: Option<Span>,
    /// The text line that ended the last table, which follows it.
    held: Option<TextLine>,
    /// The raw cells of the current row.
    cells: Vec<RawCell<'a>>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            lines: SourceLines::new(text),
            number: 0,
            in_table: false,
            first_row: None,
            held: None,
            cells: Vec::new(),
        }
    }

    /// The next line and its span.
    fn line(&mut self) -> Option<(&'a str, Span)> {
        let line = self.lines.next()?;
        self.number = self.number.saturating_add(1);
        Some((trim(line), Span::line(self.number)))
    }

    /// Read a table line into `cells`: its span, `None` for a separator
    /// row (`|---|:--:|`), which belongs to the table it is in.
    fn table_line(&mut self, line: &'a str, span: Span) -> Option<Span> {
        split_row(line, &mut self.cells);
        (!is_separator(&self.cells)).then_some(span)
    }

    /// How the next block starts, `None` at the end of the text. The rows of
    /// a table left unread are passed over.
    fn block(&mut self) -> Option<Start> {
        while self.row().is_some() {}
        if let Some(held) = self.held.take() {
            return Some(Start::Text(held));
        }
        let (line, span) = self.line()?;
        if line.starts_with('|') {
            self.in_table = true;
            self.first_row = self.table_line(line, span);
            return Some(Start::Table);
        }
        Some(Start::Text(text_line(line, span)))
    }

    /// The span of the next row of the table being read, whose cells are
    /// then in `cells`; `None` at its end.
    fn row(&mut self) -> Option<Span> {
        if let Some(span) = self.first_row.take() {
            return Some(span);
        }
        while self.in_table {
            let Some((line, span)) = self.line() else {
                self.in_table = false;
                break;
            };
            // Inside a table, a row may omit its leading pipe (GFM).
            if line.starts_with('|') || has_pipe(line) {
                if let Some(span) = self.table_line(line, span) {
                    return Some(span);
                }
            } else {
                self.in_table = false;
                self.held = Some(text_line(line, span));
            }
        }
        None
    }
}

/// A line of text outside tables (`line` trimmed).
fn text_line(line: &str, span: Span) -> TextLine {
    TextLine {
        text: line_text(line.trim_start_matches('#')),
        span,
    }
}

/// The lines of a text, which end at `\n`, `\r\n`, or a lone `\r` (old Mac
/// files): the lines of [`str::lines`], each split at `\r`, found in one
/// pass.
struct SourceLines<'a> {
    /// The text not yet split.
    rest: &'a str,
    /// Whether the last line ended at a lone `\r`: then an empty line
    /// follows it even at the end of the text.
    after_cr: bool,
}

impl<'a> SourceLines<'a> {
    fn new(text: &'a str) -> Self {
        SourceLines {
            rest: text,
            after_cr: false,
        }
    }
}

impl<'a> Iterator for SourceLines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.rest.as_bytes();
        let Some(end) = memchr::memchr2(b'\n', b'\r', bytes) else {
            // The last line, unless the text ended with `\n` or `\r\n`.
            let line = std::mem::take(&mut self.rest);
            let after_cr = std::mem::take(&mut self.after_cr);
            return (!line.is_empty() || after_cr).then_some(line);
        };
        let lone_cr = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) != Some(&b'\n');
        let next = if lone_cr || bytes.get(end) == Some(&b'\n') {
            end + 1
        } else {
            end + 2
        };
        // `\n` and `\r` are ASCII, so `end` and `next` are character
        // boundaries.
        let line = self.rest.get(..end).unwrap_or_default();
        self.rest = self.rest.get(next..).unwrap_or_default();
        self.after_cr = lone_cr;
        Some(line)
    }
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
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct RawCell<'a> {
    /// The text, `\|` made `|`, trimmed.
    text: Cow<'a, str>,
    /// How many `<` the text holds (up to `u16::MAX`): perhaps tags to
    /// remove.
    tags: u16,
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
    // stretches between unescaped pipes, with `\|` made `|`. Every line of a
    // cell is trimmed, so its outer white space goes at once (ASCII padding
    // first, which is quicker to skip).
    let text = |raw: &'a str, escaped: bool| -> Cow<'a, str> {
        let raw = trim(raw.trim_ascii());
        if escaped {
            Cow::Owned(raw.replace("\\|", "|"))
        } else {
            Cow::Borrowed(raw)
        }
    };
    // One pass finds the pipes and notes which cells hold markup.
    for at in memchr::memchr3_iter(b'|', b'<', b'&', bytes) {
        match bytes.get(at) {
            Some(b'<') => cell.tags = cell.tags.saturating_add(1),
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
        && cells
            .iter()
            .all(|c| !c.text.is_empty() && c.text.bytes().all(|b| matches!(b, b'-' | b':' | b' ')))
}

/// A raw cell's text as lines: `<br>` separates lines, other tags go,
/// entities are decoded.
fn cell(raw: &RawCell<'_>) -> Cell {
    // Most cells are one plain line: no tag, no entity.
    if let Some(text) = raw.plain() {
        if text.is_empty() {
            return Cell::default();
        }
        return Cell {
            lines: vec![text.to_string()],
        };
    }
    // Each line but the last ends at a `<` (not every `<` ends a line, so
    // the guess is capped).
    let mut lines = Vec::with_capacity(usize::from(raw.tags.min(31)) + 1);
    push_marked_up_lines(raw, &mut lines);
    Cell { lines }
}

/// Push the lines of [`cell`] onto `out`.
fn push_lines(raw: &RawCell<'_>, out: &mut Vec<String>) {
    match raw.plain() {
        Some("") => {}
        Some(text) => out.push(text.to_string()),
        None => push_marked_up_lines(raw, out),
    }
}

/// [`push_lines`] of a cell that holds markup.
fn push_marked_up_lines(raw: &RawCell<'_>, out: &mut Vec<String>) {
    // Many cells are lines joined by `<br>` and nothing else.
    if raw.entities || !push_line_break_lines(&raw.text, out) {
        push_raw_lines(raw, out);
    }
}

/// [`push_lines`] of a cell whose only markup is `<br>` (in any case): its
/// lines split at once, without [`RawLines`]; `false`, and nothing pushed,
/// when some `<` starts anything else.
fn push_line_break_lines(text: &str, out: &mut Vec<String>) -> bool {
    let first = out.len();
    let mut start = 0;
    for lt in memchr::memchr_iter(b'<', text.as_bytes()) {
        let line_break = text
            .as_bytes()
            .get(lt..lt + 4)
            .is_some_and(|tag| tag.eq_ignore_ascii_case(b"<br>"));
        if !line_break {
            out.truncate(first);
            return false;
        }
        // `<` is ASCII, so `start` and `lt` are character boundaries.
        let line = trim(text.get(start..lt).unwrap_or_default());
        // Leading blank lines carry nothing.
        if !(line.is_empty() && out.len() == first) {
            out.push(line.to_string());
        }
        start = lt + 4;
    }
    let line = trim(text.get(start..).unwrap_or_default());
    if !(line.is_empty() && out.len() == first) {
        out.push(line.to_string());
    }
    drop_trailing_blank_lines(out, first);
    true
}

/// Remove the blank lines at the end of `lines`, down to the line at
/// `first`: trailing blank lines carry nothing either.
fn drop_trailing_blank_lines(lines: &mut Vec<String>, first: usize) {
    while lines.len() > first && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
}

/// [`push_lines`] by the general way: [`RawLines`].
fn push_raw_lines(raw: &RawCell<'_>, out: &mut Vec<String>) {
    let first = out.len();
    for line in RawLines::new(raw) {
        // Leading blank lines carry nothing.
        if !(line.is_empty() && out.len() == first) {
            out.push(line.into_owned());
        }
    }
    drop_trailing_blank_lines(out, first);
}

impl CellLines for RawCell<'_> {
    /// The lines [`cell`] makes, blank ones at the ends not dropped.
    fn lines(&self) -> impl Iterator<Item = Cow<'_, str>> + Clone {
        RawLines::new(self)
    }

    /// Without markup, the text (trimmed) is the one line.
    fn plain(&self) -> Option<&str> {
        (self.tags == 0 && !self.entities).then_some(&self.text)
    }

    /// The text before the first markup starts the first line as it is.
    fn head(&self) -> &str {
        let end = memchr::memchr2(b'<', b'&', self.text.as_bytes()).unwrap_or(self.text.len());
        // `<` and `&` are ASCII, so `end` is a character boundary.
        self.text.get(..end).unwrap_or_default()
    }

    #[inline]
    fn is_blank(&self) -> bool {
        // The text is trimmed: unless it starts with markup, its first
        // character, no white space, starts the first line too. (Asked of
        // every cell of every row, so the rare case is a call of its own.)
        match self.text.as_bytes().first() {
            None => true,
            Some(b'<' | b'&') => self.lines_are_blank(),
            Some(_) => false,
        }
    }
}

impl RawCell<'_> {
    /// Whether every line of the cell is white space.
    #[inline(never)]
    fn lines_are_blank(&self) -> bool {
        self.lines().all(|l| l.chars().all(char::is_whitespace))
    }
}

/// The lines of a raw cell: its text split at line break tags, each line
/// made by [`cell_line`]. Blank lines at the ends are kept.
#[derive(Clone)]
struct RawLines<'c> {
    /// The cell's text, until its last line is out (`None` at once when the
    /// text is empty).
    text: Option<&'c str>,
    /// Where the current line starts.
    start: usize,
    /// Where to look for the next `<`.
    search: usize,
    /// Whether the current line holds a `<` that is no line break.
    tags: bool,
    /// Whether the cell holds a `<` at all.
    any_tag: bool,
    /// Whether the cell may hold entities.
    entities: bool,
}

impl<'c> RawLines<'c> {
    fn new(raw: &'c RawCell<'_>) -> Self {
        RawLines {
            text: Some(raw.text.as_ref()).filter(|t| !t.is_empty()),
            start: 0,
            search: 0,
            tags: false,
            any_tag: raw.tags > 0,
            entities: raw.entities,
        }
    }
}

impl<'c> Iterator for RawLines<'c> {
    type Item = Cow<'c, str>;

    fn next(&mut self) -> Option<Cow<'c, str>> {
        let text = self.text?;
        if !self.any_tag && !self.entities {
            // One line, which the text (trimmed) already is.
            self.text = None;
            return Some(Cow::Borrowed(text));
        }
        while self.any_tag {
            let Some(lt) = next_lt(text.as_bytes(), self.search) else {
                break;
            };
            // `<` is ASCII, so `lt` is a character boundary.
            match text.get(lt..).and_then(line_break_len) {
                Some(len) => {
                    let line = text.get(self.start..lt).unwrap_or_default();
                    let line = cell_line(line, self.tags, self.entities);
                    // A `<` inside the line break tag is passed over.
                    (self.start, self.search, self.tags) = (lt + len, lt + len, false);
                    return Some(line);
                }
                None => (self.search, self.tags) = (lt + 1, true),
            }
        }
        self.text = None;
        let line = text.get(self.start..).unwrap_or_default();
        Some(cell_line(line, self.tags, self.entities))
    }
}

/// One line of a cell: tags removed (when it may hold some), entities
/// decoded (when the cell may hold some), trimmed; borrowed when none of
/// that changes more than the ends.
#[inline]
fn cell_line(s: &str, tags: bool, entities: bool) -> Cow<'_, str> {
    if !tags && !entities {
        // A line between line breaks, most often.
        return Cow::Borrowed(trim(s));
    }
    marked_up_line(s, tags, entities)
}

/// [`cell_line`] of a line that may hold markup.
fn marked_up_line(s: &str, tags: bool, entities: bool) -> Cow<'_, str> {
    let stripped = if tags {
        strip_tags(s)
    } else {
        Cow::Borrowed(s)
    };
    let decoded = match stripped {
        Cow::Borrowed(s) if entities => decode_entities_cow(s),
        Cow::Owned(s) if entities => match decode_entities_cow(&s) {
            Cow::Borrowed(_) => Cow::Owned(s),
            Cow::Owned(decoded) => Cow::Owned(decoded),
        },
        stripped => stripped,
    };
    trim_cow(decoded)
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
    let bytes = s.as_bytes();
    let Some(mut lt) = memchr::memchr(b'<', bytes) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    // `s` is copied up to `copied`, but for the tags found.
    let mut copied = 0;
    let mut closing = NextGt::default();
    loop {
        if let Some(gt) = closing.tag_end(s, lt) {
            // `<` and `>` are ASCII, so both are character boundaries.
            out.push_str(s.get(copied..lt).unwrap_or_default());
            copied = gt + 1;
        }
        // The next `<` not inside the tag just removed.
        let from = copied.max(lt + 1);
        match next_lt(bytes, from) {
            Some(next) => lt = next,
            None => break,
        }
    }
    out.push_str(s.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// The first `<` at or after byte `from`, seen at once when it is there
/// (`<` after `<` is no rarity in broken markup).
fn next_lt(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    if rest.first() == Some(&b'<') {
        return Some(from);
    }
    memchr::memchr(b'<', rest).map(|at| from + at)
}

/// The `>` that closes a tag, found for `<` after `<` of one text: the
/// first `>` at or after a `<` is looked up once and kept for the next
/// `<` before it, so that a text of many `<` and few `>` is read once, not
/// once per `<`.
#[derive(Default)]
struct NextGt {
    /// Where the last search started, and the first `>` from there.
    last: Option<(usize, Option<usize>)>,
}

impl NextGt {
    /// [`tag_end`] of the `<` at byte `lt` of `s`, as a byte of `s`.
    fn tag_end(&mut self, s: &str, lt: usize) -> Option<usize> {
        let gt = match self.last {
            Some((from, gt)) if from <= lt && gt.is_none_or(|gt| gt >= lt) => gt,
            _ => {
                let rest = s.as_bytes().get(lt..).unwrap_or_default();
                let gt = memchr::memchr(b'>', rest).map(|at| lt + at);
                self.last = Some((lt, gt));
                gt
            }
        }?;
        // A `<` with no `>` close enough starts no tag (see `tag_end`).
        if gt - lt > MAX_TAG_LEN {
            return None;
        }
        is_tag(s.get(lt + 1..gt)?).then_some(gt)
    }
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
        // A reference is short: its `;` is among the first 11 bytes (looking
        // no further keeps a text of many `&` linear).
        let semi = after.bytes().take(11).position(|b| b == b';');
        let decoded = semi.and_then(|semi| {
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

    /// The fast paths of the reader checked against the general ones: line
    /// splitting against the standard library's, raw cells read in place
    /// against the cells built from them, and Markdown assembled as it is
    /// read against the document read first and then assembled.
    mod fast_paths {
        use super::super::*;
        use crate::assemble::{assemble, assemble_owned, Assembler};
        use crate::header::{role_of_cell, role_of_lines};
        use proptest::prelude::*;

        /// Pieces of cell text: words, marks, numbers, header names split
        /// oddly, every spelling of a line break, other tags, entities,
        /// escaped pipes and white space of every kind.
        const PIECES: &[&str] = &[
            "",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{3000}",
            "x",
            "X",
            "v",
            "\u{221a}",
            "\u{2713}",
            "Dinas Contoh",
            "badan uji",
            "coba",
            "7",
            "12",
            "(3)",
            "4.",
            "+5",
            "2031",
            "203",
            "TAHUN 2032",
            "SUB GUGUS TUGAS",
            "Sub-Gugus",
            "PERCOBAAN",
            "PROSES",
            "HASIL",
            "TARGET",
            "INSTANSI",
            "Instansi",
            "KEGIATAN",
            "PE",
            "NANGGUNG",
            "JAWAB",
            "KELOM",
            "POK",
            "SASARAN",
            "NO",
            "ANGGARAN",
            "<br>",
            "<BR/>",
            "<br />",
            "</br>",
            "<br class=\"y\">",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<span class=\"a\">",
            "</span>",
            "<brx>",
            "<",
            ">",
            "&amp;",
            "&lt;br&gt;",
            "&nbsp;",
            "&#65;",
            "&#x2713;",
            "&bogus;",
            "&",
            ";",
            "\\|",
            ".",
            ",",
            "é",
            "\u{212a}",
            "\u{17f}",
        ];

        fn cell_text() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(PIECES), 0..6).prop_map(|p| p.concat())
        }

        /// A pipe-table row of `cells`, sometimes without its leading or
        /// closing pipe.
        fn row_line(cells: &[String], lead: bool, close: bool) -> String {
            let mut line = String::new();
            if lead {
                line.push('|');
            }
            for (i, cell) in cells.iter().enumerate() {
                line.push(' ');
                line.push_str(cell);
                line.push(' ');
                if i + 1 < cells.len() || close {
                    line.push('|');
                }
            }
            line
        }

        fn header_row() -> impl Strategy<Value = Vec<String>> {
            let rows: Vec<&[&str]> = vec![
                &[
                    "NO",
                    "INSTANSI",
                    "KEGIATAN",
                    "INDIKATOR",
                    "",
                    "WAKTU PELAKSANAAN",
                    "",
                    "PE<br>NANGGUNG JAWAB",
                ],
                &["", "", "", "PROSES", "HASIL", "2031", "2032", ""],
                &["", "", "", "PROSES", "", "2031", "", ""],
                &[
                    "Instansi/<br>Dinas",
                    "Kegiatan",
                    "Tahun 2031",
                    "Tahun 2032",
                    "Keterangan",
                ],
                &[
                    "INSTANSI/",
                    "MA<br>SALAH",
                    "KEGIATAN",
                    "WAKTU<br>PELAK<br>SANAAN",
                    "PENANGGUN",
                    "KELOM<br>POK SASARAN",
                ],
                &["OPD", "", "", "2031", "2032", "2033", "G JAWAB", "SASARAN"],
                &[
                    "NO",
                    "KEGIATAN",
                    "INSTANSI",
                    "2031",
                    "ANGGARAN",
                    "SUMBER<br>DANA",
                ],
            ];
            prop::sample::select(rows).prop_map(|row| row.iter().map(|c| c.to_string()).collect())
        }

        /// A numbering row (`1 | 2 | 3`), each number written in the way
        /// `styles` picks.
        fn numbering(styles: Vec<u8>) -> Vec<String> {
            (1..)
                .zip(styles)
                .map(|(i, style)| match style {
                    0 => i.to_string(),
                    1 => format!("({i})"),
                    2 => format!("{i}."),
                    3 => format!("{i}\t<br>"),
                    4 => format!("<br>{i}"),
                    5 => format!("{i}<br>&nbsp;"),
                    _ => format!("{i}<br>{i}"),
                })
                .collect()
        }

        fn data_cell() -> impl Strategy<Value = String> {
            prop_oneof![
                3 => cell_text(),
                1 => prop::sample::select(&["x", " X ", "v<br>", "<b>x</b>", "&#x2713;", "xx", ""][..])
                    .prop_map(str::to_string),
                1 => prop::sample::select(&["Dinas Contoh", "Badan Uji<br>Coba", "1", "2", "(1)", "1\t<br>"][..])
                    .prop_map(str::to_string),
            ]
        }

        /// A table: header rows, perhaps a numbering or section row,
        /// separator rows, data rows of any width, in any order.
        fn table() -> impl Strategy<Value = Vec<(Vec<String>, bool, bool)>> {
            let numbering = prop::collection::vec(0..7u8, 1..9).prop_map(numbering);
            let section = Just(vec!["SUB GUGUS TUGAS PERCOBAAN".to_string(), String::new()]);
            let separator = (1..6usize).prop_map(|n| vec!["---".to_string(); n]);
            let row = prop_oneof![
                2 => header_row(),
                1 => numbering,
                1 => section,
                1 => separator,
                5 => prop::collection::vec(data_cell(), 0..10),
            ];
            prop::collection::vec((row, any::<bool>(), any::<bool>()), 0..9)
        }

        /// A document: text and tables, lines ended in every way.
        fn document() -> impl Strategy<Value = String> {
            let text = prop::sample::select(
                &[
                    "",
                    "LAMPIRAN PERATURAN BUPATI CONTOH",
                    "NOMOR 3 TAHUN 2030",
                    "# RENCANA AKSI PROVINSI FIKTIF",
                    "catatan a \\| b",
                    "  <b>judul</b> &amp; isi",
                ][..],
            );
            let block = prop_oneof![
                1 => text.prop_map(|t| vec![t.to_string()]),
                2 => table().prop_map(|rows| {
                    rows.iter()
                        .enumerate()
                        .map(|(i, (cells, lead, close))| row_line(cells, i == 0 || *lead, *close))
                        .collect()
                }),
            ];
            let end = prop::sample::select(&["\n", "\n", "\r\n", "\r"][..]);
            prop::collection::vec((block, end), 0..8).prop_map(|blocks| {
                let mut doc = String::new();
                for (lines, end) in blocks {
                    for line in lines {
                        doc.push_str(&line);
                        doc.push_str(end);
                    }
                }
                doc
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1000))]

            #[test]
            fn source_lines_are_lines_split_at_carriage_returns(text in "[a \r\n|]{0,24}") {
                let ours: Vec<&str> = SourceLines::new(&text).collect();
                let theirs: Vec<&str> = text.lines().flat_map(|l| l.split('\r')).collect();
                prop_assert_eq!(ours, theirs);
            }

            #[test]
            fn raw_cells_read_as_the_cells_built_from_them(
                cells in prop_oneof![
                    3 => prop::collection::vec(cell_text(), 1..6),
                    1 => prop::collection::vec(0..7u8, 1..6).prop_map(numbering),
                ],
            ) {
                let line = row_line(&cells, true, true);
                let mut raw = Vec::new();
                split_row(&line, &mut raw);
                for raw in &raw {
                    let built = cell(raw);
                    prop_assert_eq!(raw.is_blank(), built.is_empty());
                    prop_assert_eq!(raw.flat_cow(), built.flat_cow());
                    prop_assert_eq!(raw.flat(), built.flat());
                    prop_assert_eq!(raw.flat_chars(), built.flat_chars());
                    prop_assert_eq!(raw.glued(), built.glued());
                    prop_assert_eq!(raw.only_char(), CellLines::only_char(&built));
                    prop_assert_eq!(role_of_lines(raw), role_of_cell(&built));
                    // The head starts the first line.
                    let head = raw.head().trim_end();
                    prop_assert!(built.lines.first().map_or(head.is_empty(), |l| l.starts_with(head)));
                }
                for raw in &raw {
                    let mut general = Vec::new();
                    push_raw_lines(raw, &mut general);
                    prop_assert_eq!(&cell(raw).lines, &general);
                    // Lines made in place are the cell built and appended.
                    let above = Cell::new(vec!["di atas".to_string(), String::new()]);
                    let mut appended = above.clone();
                    appended.append_owned(cell(raw));
                    let mut in_place = above;
                    raw.clone().append_to(&mut in_place);
                    prop_assert_eq!(in_place, appended);
                }
                let built: Vec<Cell> = raw.iter().map(cell).collect();
                prop_assert_eq!(
                    crate::assemble::classify(&raw),
                    crate::assemble::classify(&built)
                );
            }

            #[test]
            fn markdown_assembled_as_read_is_markdown_read_then_assembled(doc in document()) {
                let read_first = assemble(&read(&doc));
                prop_assert_eq!(&parse(&doc), &read_first);
                prop_assert_eq!(&assemble_owned(read(&doc).blocks), &read_first);
                // Header rows and layouts remembered change nothing either.
                let raw = read(&doc);
                let mut forgetful = Assembler::forgetful();
                for block in &raw.blocks {
                    match block {
                        Block::Text(line) => forgetful.text(Cow::Borrowed(line)),
                        Block::Table(table) => forgetful.table(table.rows.iter().map(Cow::Borrowed)),
                    }
                }
                prop_assert_eq!(&forgetful.finish(), &read_first);
            }
        }

        /// [`strip_tags`] as first written: each `<` looks for its `>`
        /// afresh.
        fn strip_tags_afresh(s: &str) -> String {
            let mut out = String::new();
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
            out
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn tags_stripped_with_the_next_gt_kept_are_tags_stripped_afresh(
                parts in prop::collection::vec(
                    prop_oneof![
                        prop::sample::select(&["<", ">", "<b>", "</i>", "<br/>", "<span a=\"1\">", "<x>", " ", "é"][..])
                            .prop_map(str::to_string),
                        "[a-c]{1,3}".prop_map(String::from),
                        (190..215usize).prop_map(|n| "a".repeat(n)),
                    ],
                    0..12,
                ),
            ) {
                let text = parts.concat();
                prop_assert_eq!(strip_tags(&text).into_owned(), strip_tags_afresh(&text));
            }
        }

        #[test]
        fn cells_of_line_breaks_only_are_split_at_once() {
            let lines = |text: &str| {
                let mut out = Vec::new();
                push_line_break_lines(text, &mut out).then_some(out)
            };
            assert_eq!(
                lines("<br> a <BR>b<br><br>c <br>").unwrap(),
                ["a", "b", "", "c"]
            );
            assert_eq!(lines("<br><br>").unwrap(), Vec::<String>::new());
            // Any other `<` leaves the cell to the general way.
            assert_eq!(lines("a<br>b<br/>c"), None);
            assert_eq!(lines("a<br>b <i>c</i>"), None);
            assert_eq!(lines("umur < 18"), None);
            // Lines pushed after others: the blank ones at the ends of the
            // cell's own lines go, and nothing is pushed when the general
            // way is needed.
            let mut out = vec![String::new()];
            assert!(push_line_break_lines("<br>a<br><br>b<br><br>", &mut out));
            assert_eq!(out, ["", "a", "", "b"]);
            assert!(!push_line_break_lines("c<br>d<i>", &mut out));
            assert_eq!(out, ["", "a", "", "b"]);
        }

        #[test]
        fn a_number_before_a_line_break_is_still_a_number() {
            let doc = "| NO | INSTANSI | KEGIATAN |\n| 1\t<br> | (2) | 3. |\n| 9 | Dinas Contoh | rapat |\n";
            assert_eq!(parse(doc), assemble(&read(doc)));
            assert_eq!(parse(doc).records.len(), 1);
        }
    }
}
