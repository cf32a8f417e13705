//! From tables of cells to plan records: header recognition, column roles,
//! page stitching, section rows, continuation versus ditto rows, metadata.
//!
//! Shared by every format reader, so that Markdown, HTML and PDF input give
//! the same records for the same document.

use crate::header::{header_key, role_of, role_of_lines, ColumnRole};
use crate::raw::{Block, Cell, CellLines, RawDocument, RawRow, TextLine};
use crate::scan;
use crate::{Parsed, RawRecord};
use pergub_model::{Diagnostic, DocumentMeta, Regulation, Span};
use std::borrow::Cow;
use std::rc::Rc;

/// The column roles of the table being read, by column index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// The role of each column; `None` where the header names nothing.
    pub roles: Vec<Option<ColumnRole>>,
}

impl Layout {
    /// The years of the WAKTU PELAKSANAAN columns, in column order.
    pub fn years(&self) -> impl Iterator<Item = u16> + '_ {
        self.roles.iter().filter_map(|r| match r {
            Some(ColumnRole::Year(y)) => Some(*y),
            _ => None,
        })
    }

    fn has(&self, role: &ColumnRole) -> bool {
        self.roles.iter().any(|r| r.as_ref() == Some(role))
    }
}

/// How a table row reads before it is placed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RowKind {
    Empty,
    Numbering,
    Section(String),
    /// A header row, with the role each of its cells names.
    Header(Vec<Option<ColumnRole>>),
    Data,
}

/// Whether a cell's text is a year mark (`X`, `x`, `v`, `V`, `✓`, `✔`, `√`).
pub fn is_mark(text: &str) -> bool {
    only_char(text.chars()).is_some_and(is_mark_char)
}

/// [`is_mark`] of a cell's text, without joining its lines.
fn is_mark_cell(cell: &impl CellLines) -> bool {
    cell.only_char().is_some_and(is_mark_char)
}

/// The one character that is not white space, if there is exactly one.
fn only_char(chars: impl Iterator<Item = char>) -> Option<char> {
    let mut solid = chars.filter(|c| !c.is_whitespace());
    match (solid.next(), solid.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Whether `c` marks a year.
fn is_mark_char(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'v' | 'V' | '✓' | '✔' | '√' | '☑' | '✗' | '×')
}

/// How a row of `cells` reads. Depends on nothing but the cells' lines.
pub(crate) fn classify<C: CellLines>(cells: &[C]) -> RowKind {
    // The cells that are not empty, looked over again rather than collected
    // (asking a cell is cheap, an allocation per row is not).
    let filled = || cells.iter().filter(|c| !c.is_blank());
    let mut count = 0;
    let mut last_filled = None;
    for cell in filled() {
        count += 1;
        last_filled = Some(cell);
    }
    let Some(last_filled) = last_filled else {
        return RowKind::Empty;
    };
    if count == 1 {
        let text = last_filled.flat_cow();
        if let Some(name) = scan::section_name(&text) {
            let name = name.trim();
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            return RowKind::Section(name);
        }
    }
    if count >= 3 && is_numbering(filled()) {
        return RowKind::Numbering;
    }
    match header_roles(cells, filled(), count) {
        Some(roles) => RowKind::Header(roles),
        None => RowKind::Data,
    }
}

/// The role each of `cells` names, if they are a header row: at least two
/// cells of at most 60 characters name a column, and the others are short.
/// `filled` are the cells that are not empty, `count` of them.
fn header_roles<'c, C: CellLines + 'c>(
    cells: &[C],
    filled: impl Iterator<Item = &'c C> + Clone,
    count: usize,
) -> Option<Vec<Option<ColumnRole>>> {
    // Header fragments that name nothing on their own ("G JAWAB", "KELOMPOK")
    // are short; a data row has sentences. So a cell of more than 25
    // characters must name a column, and one of more than 60 never does:
    // checked first, this settles most data rows with one name lookup.
    for cell in filled.clone() {
        match cell.flat_chars() {
            0..=25 => {}
            26..=60 if role_of_lines(cell).is_some() => {}
            _ => return None,
        }
    }
    // Every cell is now short enough to count if it names a column. An
    // empty cell names none.
    let roles: Vec<Option<ColumnRole>> = cells
        .iter()
        .map(|c| if c.is_blank() { None } else { role_of_lines(c) })
        .collect();
    let recognised = roles.iter().flatten().count();
    // Printed headers are upper case; a title-case row must be mostly
    // header names, so that a data row whose short cells happen to spell
    // one ("Mitra", "Sasaran") is not taken for a header.
    let mut filled = filled;
    let upper_case = filled.all(|c| !c.lines().any(|l| l.chars().any(char::is_lowercase)));
    let enough = if upper_case {
        recognised * 2 >= count
    } else {
        recognised * 3 >= count * 2
    };
    (recognised >= 2 && enough).then_some(roles)
}

/// The role each cell of a row names, if every filled cell names a
/// sub-column (PROSES, HASIL, TARGET, a year): the second row of a two-row
/// header.
fn sub_header_roles<C: CellLines>(cells: &[C]) -> Option<Vec<Option<ColumnRole>>> {
    let mut roles = Vec::with_capacity(cells.len());
    for cell in cells {
        if cell.is_blank() {
            roles.push(None);
        } else {
            roles.push(Some(role_of_lines(cell).filter(ColumnRole::is_sub)?));
        }
    }
    roles.iter().any(Option::is_some).then_some(roles)
}

/// Whether the `filled` cells of a row (at least three) number the
/// columns: 1, 2, 3 and so on.
fn is_numbering<'c, C: CellLines + 'c>(filled: impl Iterator<Item = &'c C>) -> bool {
    let mut expect = 1u32;
    for cell in filled {
        // Anything but digits, a sign and the brackets and stops around them
        // rules a number out: seen in the head, it spares joining the lines.
        // (White space is let by: at the end of a line it is trimmed off.)
        let number_char =
            |c: char| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '+' | '(' | ')' | '.');
        if !cell.head().chars().all(number_char) {
            return false;
        }
        let text = cell.flat_cow();
        let digits = text.trim_matches(|c| c == '(' || c == ')' || c == '.' || c == ' ');
        match digits.parse::<u32>() {
            Ok(n) if n == expect => expect += 1,
            _ => return false,
        }
    }
    true
}

/// A header row as read, with the role each of its cells names.
#[derive(Clone, PartialEq)]
struct HeaderRow<'a, C: Clone> {
    /// The cells, borrowed from the document or moved out of it.
    cells: Cow<'a, [C]>,
    roles: Vec<Option<ColumnRole>>,
    /// Whether [`classify`] finds the row a header (rather than a data row
    /// taken for a sub-header below one).
    header: bool,
}

/// A header row read and not yet settled into a layout.
enum PendingHeader<'a, C: Clone> {
    /// The header row at this index of the last layout's, read again (its
    /// cells are not kept twice).
    Known(usize),
    /// Another row.
    Read(HeaderRow<'a, C>),
}

/// Whether the header rows read are `rows` (then they build the same
/// layout).
fn same_rows<C: Clone + PartialEq>(
    pending: &[PendingHeader<'_, C>],
    rows: &[HeaderRow<'_, C>],
) -> bool {
    pending.len() == rows.len()
        && pending
            .iter()
            .zip(rows)
            .enumerate()
            .all(|(i, (row, known))| match row {
                PendingHeader::Known(at) => *at == i || rows.get(*at) == Some(known),
                PendingHeader::Read(row) => row == known,
            })
}

/// A header cell with the role it names; `None` stands for an empty cell
/// under a group header spread over its sub-columns.
type Named<'a, C> = (Option<&'a C>, Option<&'a ColumnRole>);

/// Turn header rows (top to bottom) into a layout.
fn build_layout<C: CellLines + Clone>(rows: &[HeaderRow<'_, C>]) -> Layout {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let Some(widest) = rows.iter().find(|r| r.cells.len() == width) else {
        return Layout::default();
    };
    let expanded: Vec<Vec<Named<'_, C>>> = rows
        .iter()
        .filter_map(|r| {
            if r.cells.len() == width {
                Some(
                    r.cells
                        .iter()
                        .map(Some)
                        .zip(r.roles.iter().map(Option::as_ref))
                        .collect(),
                )
            } else {
                expand_groups(r, widest)
            }
        })
        .collect();
    let filled = |(c, _): &Named<'_, C>| c.is_some_and(|c| !c.is_blank());
    let mut roles: Vec<Option<ColumnRole>> = Vec::with_capacity(width);
    // The filled cells of one column, top to bottom (one buffer for all).
    let mut stack: Vec<(&C, Option<&ColumnRole>)> = Vec::with_capacity(expanded.len());
    for i in 0..width {
        stack.clear();
        stack.extend(
            expanded
                .iter()
                .filter_map(|r| r.get(i))
                .filter(|named| filled(named))
                .filter_map(|&(c, r)| Some((c?, r))),
        );
        roles.push(column_role(&stack));
    }
    // Group headers (INDIKATOR, WAKTU PELAKSANAAN) cover the empty header
    // cells to their right; a group column with no sub-header keeps the group.
    for i in 1..width {
        if roles[i].is_none() {
            if let Some(prev) = roles[i - 1].clone() {
                let top_empty = expanded
                    .iter()
                    .all(|r| r.get(i).is_none_or(|named| !filled(named)));
                if prev.is_group() && top_empty {
                    roles[i] = Some(prev);
                }
            }
        }
    }
    Layout { roles }
}

/// Spread a short header row (INDIKATOR and WAKTU PELAKSANAAN as single
/// cells) over the sub-columns of the widest row, or `None` if that does
/// not line up.
fn expand_groups<'a, C: Clone>(
    row: &'a HeaderRow<'_, C>,
    widest: &HeaderRow<'_, C>,
) -> Option<Vec<Named<'a, C>>> {
    let sub_roles = &widest.roles;
    let mut out = Vec::with_capacity(widest.cells.len());
    for (cell, role) in row.cells.iter().zip(&row.roles) {
        let at = out.len();
        out.push((Some(cell), role.as_ref()));
        let matches_sub = |r: &Option<ColumnRole>| {
            matches!(
                (role, r),
                (
                    Some(ColumnRole::Indikator),
                    Some(ColumnRole::Proses | ColumnRole::Hasil | ColumnRole::Target)
                ) | (Some(ColumnRole::Waktu), Some(ColumnRole::Year(_)))
            )
        };
        let mut next = at + 1;
        while next < sub_roles.len()
            && matches_sub(&sub_roles[next])
            && sub_roles.get(at).is_some_and(&matches_sub)
        {
            out.push((None, None));
            next += 1;
        }
    }
    (out.len() == widest.cells.len()).then_some(out)
}

/// The role of a column from its filled header cells, top to bottom.
fn column_role<C: CellLines>(stack: &[(&C, Option<&ColumnRole>)]) -> Option<ColumnRole> {
    if stack.is_empty() {
        return None;
    }
    // A sub-header (PROSES, HASIL, TARGET, a year) lowest in the stack wins,
    // else the topmost name.
    let named = stack
        .iter()
        .rev()
        .filter_map(|(_, r)| *r)
        .find(|r| r.is_sub())
        .or_else(|| stack.iter().find_map(|(_, r)| *r));
    if let Some(role) = named {
        return Some(role.clone());
    }
    // A header word split across header rows ("PENANGGUN" over "G JAWAB").
    let glued: String = stack.iter().map(|(c, _)| c.glued()).collect();
    if let Some(role) = role_of(&glued) {
        return Some(role);
    }
    let name: String = stack
        .iter()
        .map(|(c, _)| c.flat())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    Some(ColumnRole::Extra(name))
}

/// Fill what a new layout leaves unknown from the previous one when both
/// have the same number of columns (a header split over two tables).
fn merge_layout(new: &Layout, previous: Option<&Layout>) -> Layout {
    let Some(prev) = previous.filter(|prev| prev.roles.len() == new.roles.len()) else {
        return new.clone();
    };
    let roles = new
        .roles
        .iter()
        .zip(&prev.roles)
        .map(|(n, p)| match n {
            None => p.clone(),
            Some(ColumnRole::Extra(_))
                if p.as_ref()
                    .is_some_and(|p| !matches!(p, ColumnRole::Extra(_))) =>
            {
                p.clone()
            }
            other => other.clone(),
        })
        .collect();
    Layout { roles }
}

/// A table row as [`Assembler::table`] takes it: cells that can be read as
/// lines (enough to tell header rows from data rows), turned into [`Cell`]s
/// only when they go into a record. A reader can so hand over rows whose
/// cells it has not built.
pub(crate) trait TableRow<'a> {
    /// The cells as the row holds them.
    type Cell: CellLines + Clone + PartialEq + 'a;

    /// The cells.
    fn cells(&self) -> &[Self::Cell];

    /// Where the row is in the input.
    fn span(&self) -> Span;

    /// The cells, for a header row to keep.
    fn into_cells(self) -> Cow<'a, [Self::Cell]>;

    /// The cells one by one, to be made records' cells.
    fn take_cells(self) -> impl Iterator<Item: IntoCell>;
}

/// A cell taken out of a row, made a record's cell.
pub(crate) trait IntoCell: Sized {
    /// The cell as a [`Cell`].
    fn into_cell(self) -> Cell;

    /// Append the cell to `cell` ([`Cell::append_owned`] of
    /// [`IntoCell::into_cell`]), its lines perhaps made in place.
    fn append_to(self, cell: &mut Cell) {
        cell.append_owned(self.into_cell());
    }
}

impl IntoCell for Cow<'_, Cell> {
    fn into_cell(self) -> Cell {
        self.into_owned()
    }
}

impl<'a> TableRow<'a> for Cow<'a, RawRow> {
    type Cell = Cell;

    fn cells(&self) -> &[Cell] {
        &self.cells
    }

    fn span(&self) -> Span {
        self.span
    }

    fn into_cells(self) -> Cow<'a, [Cell]> {
        row_cells(self)
    }

    fn take_cells(self) -> impl Iterator<Item: IntoCell> {
        cells_of(self)
    }
}

/// The cells of a row, borrowed or moved out as the row is.
fn row_cells(row: Cow<'_, RawRow>) -> Cow<'_, [Cell]> {
    match row {
        Cow::Borrowed(row) => Cow::Borrowed(&row.cells),
        Cow::Owned(row) => Cow::Owned(row.cells),
    }
}

/// The cells of a row one by one, borrowed or moved out as the row is.
fn cells_of(row: Cow<'_, RawRow>) -> impl Iterator<Item = Cow<'_, Cell>> {
    let (borrowed, owned) = match row_cells(row) {
        Cow::Borrowed(cells) => (Some(cells.iter().map(Cow::Borrowed)), None),
        Cow::Owned(cells) => (None, Some(cells.into_iter().map(Cow::Owned))),
    };
    borrowed
        .into_iter()
        .flatten()
        .chain(owned.into_iter().flatten())
}

/// The state of assembly, table after table, over rows whose cells are
/// of type `C`.
pub(crate) struct Assembler<'a, C: Clone> {
    /// The layout of the table being read (behind an `Rc`, so that a data
    /// row can hold it while it pushes records).
    layout: Option<Rc<Layout>>,
    /// Header rows not yet settled into a layout, as read. Header rows
    /// with no data below them continue into the next table.
    pending_header: Vec<PendingHeader<'a, C>>,
    /// How many data rows of the table being read have been placed since
    /// it started or its header was repeated (a new page).
    data_rows: usize,
    /// The header rows of the last layout built, and that layout as built
    /// (before merging). Converters repeat the header on every page: a row
    /// equal to one of these rows is the same header row, and the same rows
    /// build the same layout, so neither is worked out again.
    last_header: Option<(Vec<HeaderRow<'a, C>>, Layout)>,
    /// Whether `last_header` is kept (tests turn it off, to check that it
    /// changes nothing).
    remember_header: bool,
    section: Option<String>,
    records: Vec<RawRecord>,
    diagnostics: Vec<Diagnostic>,
    years: Vec<u16>,
    /// The text lines in order.
    text: Vec<Cow<'a, TextLine>>,
    /// How many text lines come before the first table, once one is seen.
    before_first_table: Option<usize>,
    /// The indices of a data row's cells that go into a record (kept from
    /// row to row for its memory).
    placed: Vec<usize>,
}

/// Assemble a raw document's tables into records and its text into metadata.
pub fn assemble(doc: &RawDocument) -> Parsed {
    let mut asm = Assembler::new();
    for block in &doc.blocks {
        match block {
            Block::Text(line) => asm.text(Cow::Borrowed(line)),
            Block::Table(table) => asm.table(table.rows.iter().map(Cow::Borrowed)),
        }
    }
    asm.finish()
}

/// [`assemble`] of a document's blocks given by value, as a reader hands
/// them over: the cells of plan rows move into the records instead of being
/// copied, which spares an allocation per cell and per line.
pub(crate) fn assemble_owned(blocks: Vec<Block>) -> Parsed {
    let mut asm = Assembler::new();
    for block in blocks {
        match block {
            Block::Text(line) => asm.text(Cow::Owned(line)),
            Block::Table(table) => asm.table(table.rows.into_iter().map(Cow::Owned)),
        }
    }
    asm.finish()
}

impl<'a, C: CellLines + Clone + PartialEq> Assembler<'a, C> {
    /// A new assembler. The records grow as they are found: room for one
    /// per row, most of which are headers and continuations, would be a
    /// large allocation up front, which costs more than the few times the
    /// records move.
    pub(crate) fn new() -> Self {
        Assembler {
            layout: None,
            pending_header: Vec::new(),
            data_rows: 0,
            last_header: None,
            remember_header: true,
            section: None,
            records: Vec::new(),
            diagnostics: Vec::new(),
            years: Vec::new(),
            text: Vec::new(),
            before_first_table: None,
            placed: Vec::new(),
        }
    }

    /// An assembler that works out every header row and layout anew.
    #[cfg(test)]
    pub(crate) fn forgetful() -> Self {
        Assembler {
            remember_header: false,
            ..Assembler::new()
        }
    }

    /// Take the next block, a line of text.
    pub(crate) fn text(&mut self, line: Cow<'a, TextLine>) {
        self.text.push(line);
    }

    /// Take the next block, a table: its rows, in order.
    pub(crate) fn table<R: TableRow<'a, Cell = C>>(&mut self, rows: impl Iterator<Item = R>) {
        self.start_table();
        for row in rows {
            self.row(row);
        }
    }

    /// Take the next block, a table whose rows [`Assembler::row`] takes
    /// one by one. (Header rows with no data below them in the table
    /// before continue into this one.)
    pub(crate) fn start_table(&mut self) {
        self.before_first_table.get_or_insert(self.text.len());
        self.data_rows = 0;
    }

    /// Take the next row of the table being read.
    pub(crate) fn row<R: TableRow<'a, Cell = C>>(&mut self, row: R) {
        if let Some(at) = self.known_header(row.cells()) {
            // `classify` depends on nothing but the cells: a header row.
            self.header_row(PendingHeader::Known(at));
            return;
        }
        match classify(row.cells()) {
            RowKind::Empty => {}
            RowKind::Numbering => self.settle_header(),
            RowKind::Section(name) => {
                self.settle_header();
                self.section = Some(name);
            }
            RowKind::Header(roles) => self.header_row(PendingHeader::Read(HeaderRow {
                cells: row.into_cells(),
                roles,
                header: true,
            })),
            RowKind::Data => {
                // A second header row with a single sub-header (one year)?
                let sub_header = if self.pending_header.is_empty() {
                    None
                } else {
                    sub_header_roles(row.cells())
                };
                match sub_header {
                    Some(roles) => self.pending_header.push(PendingHeader::Read(HeaderRow {
                        cells: row.into_cells(),
                        roles,
                        header: false,
                    })),
                    None => {
                        self.settle_header();
                        self.data_row(row, self.data_rows == 0);
                        self.data_rows += 1;
                    }
                }
            }
        }
    }

    /// The records and metadata of all the blocks taken.
    pub(crate) fn finish(mut self) -> Parsed {
        let seen_table = self.before_first_table.is_some();
        if !self.pending_header.is_empty() && self.layout.is_none() {
            self.diagnostics.push(Diagnostic::warning(
                "header-without-rows",
                "a table header was found but no plan rows follow it",
            ));
        }
        if !seen_table {
            self.diagnostics.push(Diagnostic::error(
                "no-table",
                "the document contains no table, so no plan rows were read",
            ));
        } else if self.layout.is_none() {
            self.diagnostics.push(Diagnostic::error(
                "header-not-recognised",
                "no table header names the plan columns (INSTANSI, KEGIATAN, ...); rows were not read",
            ));
        }
        let before_first_table = self
            .text
            .get(..self.before_first_table.unwrap_or(self.text.len()))
            .unwrap_or_default();
        let mut meta = DocumentMeta::default();
        let (regulation, jurisdiction) = regulation(before_first_table);
        meta.regulation = regulation;
        meta.title = title(before_first_table);
        if let (Some(lo), Some(hi)) = (self.years.iter().min(), self.years.iter().max()) {
            meta.period = Some([*lo, *hi]);
        }
        let province_hint = jurisdiction
            .or_else(|| province_in(meta.title.as_deref().unwrap_or("")))
            .or_else(|| self.text.iter().find_map(|l| province_in(&l.text)));
        Parsed {
            meta,
            province_hint,
            records: self.records,
            diagnostics: self.diagnostics,
        }
    }

    /// Where a row of `cells` is among the header rows of the last layout
    /// (those [`classify`] finds a header), if it is one of them.
    fn known_header(&self, cells: &[C]) -> Option<usize> {
        let (rows, _) = self.last_header.as_ref()?;
        rows.iter()
            .position(|known| known.header && *known.cells == *cells)
    }

    /// Take a header row of the table being read.
    fn header_row(&mut self, row: PendingHeader<'a, C>) {
        if self.pending_header.is_empty() && self.data_rows > 0 {
            // A header repeated inside a table: a new page.
            self.data_rows = 0;
        }
        self.pending_header.push(row);
    }

    /// Build the layout of the header rows read (if any), which are then
    /// settled.
    fn settle_header(&mut self) {
        if self.pending_header.is_empty() {
            return;
        }
        let layout = match &self.last_header {
            Some((rows, built)) if same_rows(&self.pending_header, rows) => {
                self.pending_header.clear();
                merge_layout(built, self.layout.as_deref())
            }
            last => {
                let known = last.as_ref().map_or(&[][..], |(rows, _)| rows);
                let rows: Vec<HeaderRow<'a, C>> = self
                    .pending_header
                    .drain(..)
                    .filter_map(|row| match row {
                        PendingHeader::Known(at) => known.get(at).cloned(),
                        PendingHeader::Read(row) => Some(row),
                    })
                    .collect();
                let built = build_layout(&rows);
                let layout = merge_layout(&built, self.layout.as_deref());
                if self.remember_header {
                    self.last_header = Some((rows, built));
                }
                layout
            }
        };
        self.years.extend(layout.years());
        self.layout = Some(Rc::new(layout));
    }

    /// Place a data row: a new record, a ditto record, or a continuation of
    /// the record above.
    ///
    /// The row is read where it lies first (the role each cell takes, the
    /// years marked, what is wrong with it); then only the cells that go
    /// into a record are taken out of it (moved or built, as the row
    /// allows), and an orphan row is quoted whole.
    fn data_row<R: TableRow<'a, Cell = C>>(&mut self, row: R, first_in_table: bool) {
        let span = row.span();
        let Some(layout) = self.layout.as_ref().map(Rc::clone) else {
            self.diagnostics.push(
                Diagnostic::error(
                    "row-without-header",
                    format!(
                        "a table row comes before any recognised header and was not read: {}",
                        row_text(row.cells())
                    ),
                )
                .with_span(span),
            );
            return;
        };
        let first_diagnostic = self.diagnostics.len();
        // The cells that go into a record, by index, in order.
        let mut placed = std::mem::take(&mut self.placed);
        placed.clear();
        let mut years = Vec::new();
        for (i, cell) in row.cells().iter().enumerate() {
            if cell.is_blank() {
                continue;
            }
            match layout.roles.get(i).and_then(Option::as_ref) {
                None => self.diagnostics.push(
                    Diagnostic::warning(
                        "extra-cell",
                        format!(
                            "cell {} lies beyond the table header and belongs to no column: \"{}\"",
                            i + 1,
                            cell.flat()
                        ),
                    )
                    .with_span(span),
                ),
                Some(&ColumnRole::Year(year)) => {
                    if is_mark_cell(cell) {
                        if years.is_empty() {
                            // Room for every year column at once.
                            years.reserve_exact(layout.years().count());
                        }
                        years.push(year);
                    } else {
                        self.diagnostics.push(
                            Diagnostic::warning(
                                "stray-text-in-year-column",
                                format!(
                                    "the {year} column holds text instead of a mark: \"{}\"",
                                    cell.flat()
                                ),
                            )
                            .with_span(span),
                        );
                    }
                }
                Some(role) => {
                    if is_mark_cell(cell) {
                        self.diagnostics.push(
                            Diagnostic::warning(
                                "stray-mark",
                                format!(
                                    "the {} column holds a lone year mark \"{}\"; it was left out of the text",
                                    role.name().to_uppercase(),
                                    cell.flat()
                                ),
                            )
                            .with_span(span)
                            .with_field_name(role),
                        );
                        continue;
                    }
                    placed.push(i);
                }
            }
        }
        years.sort_unstable();
        years.dedup();
        // A placed cell holds text, and so does the record's cell it joins.
        let filled = |role: &ColumnRole| {
            placed
                .iter()
                .any(|&i| layout.roles.get(i).and_then(Option::as_ref) == Some(role))
        };
        // A row starts a record when it names its agency; without an agency
        // it is a ditto row when it has its own number or year marks, or
        // stands below another row of the same table; otherwise it is the
        // row above, continued after a page break.
        let own_number = filled(&ColumnRole::No);
        // At the top of a page, a row with no number and no year marks in a
        // table whose rows carry marks is the row above continued even when
        // its INSTANSI cell holds text: the agency's name itself wrapped
        // across the page break.
        let wrapped_agency = first_in_table
            && !own_number
            && years.is_empty()
            && layout.years().next().is_some()
            && self.records.last().is_some_and(|r| !r.years.is_empty());
        let starts_record = (filled(&ColumnRole::Instansi) && !wrapped_agency)
            || (!layout.has(&ColumnRole::Instansi) && (own_number || !years.is_empty()));
        let ditto = !starts_record
            && !wrapped_agency
            && (own_number || !years.is_empty() || !first_in_table);
        if !starts_record && !ditto && self.records.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    "orphan-continuation",
                    format!(
                        "a continuation row has no plan row above it to attach to: {}",
                        row_text(row.cells())
                    ),
                )
                .with_span(span),
            );
        } else {
            let roles = &layout.roles;
            let taken = row.take_cells();
            if starts_record || ditto {
                // A ditto row is a new record of the agency above.
                let instansi = if ditto {
                    self.records
                        .last()
                        .and_then(|r| r.cell(&ColumnRole::Instansi))
                        .cloned()
                } else {
                    None
                };
                let ditto = instansi.is_some();
                // The cells of a role joined in column order, after the
                // agency inherited.
                let mut cells: Vec<(ColumnRole, Cell)> =
                    Vec::with_capacity(placed.len() + usize::from(ditto));
                cells.extend(instansi.map(|c| (ColumnRole::Instansi, c)));
                for_each_placed(taken, &placed, roles, |role, taken| {
                    match cells.iter_mut().find(|(r, _)| r == role) {
                        Some((_, existing)) => taken.append_to(existing),
                        None => cells.push((role.clone(), taken.into_cell())),
                    }
                });
                if starts_record || ditto {
                    self.push_record(cells, years, ditto, span);
                } else {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "missing-instansi",
                            "a plan row has no INSTANSI and no row above it to inherit one from",
                        )
                        .with_span(span),
                    );
                    self.push_record(cells, years, false, span);
                }
            } else if let Some(prev) = self.records.last_mut() {
                // A continuation: the row above, broken by a page break. Its
                // cells are appended where they go (as they would be once
                // those of a role were joined: a cell's lines have no blank
                // ones at the ends), unless a role takes two of them.
                let distinct = placed.iter().enumerate().all(|(k, &i)| {
                    let role = roles.get(i);
                    placed
                        .get(..k)
                        .unwrap_or_default()
                        .iter()
                        .all(|&j| roles.get(j) != role)
                });
                if distinct {
                    for_each_placed(taken, &placed, roles, |role, taken| {
                        taken.append_to(prev.cell_mut(role));
                    });
                } else {
                    let mut cells: Vec<(&ColumnRole, Cell)> = Vec::with_capacity(placed.len());
                    for_each_placed(taken, &placed, roles, |role, taken| {
                        match cells.iter_mut().find(|(r, _)| *r == role) {
                            Some((_, existing)) => taken.append_to(existing),
                            None => cells.push((role, taken.into_cell())),
                        }
                    });
                    for (role, cell) in cells {
                        prev.cell_mut(role).append_owned(cell);
                    }
                }
                prev.span = prev.span.cover(&span);
            }
        }
        self.placed = placed;
        // Diagnostics about this row's cells point at its record.
        let no = u32::try_from(self.records.len()).ok().filter(|n| *n > 0);
        for d in &mut self.diagnostics[first_diagnostic..] {
            if d.record.is_none() && d.span == Some(span) {
                d.record = no;
            }
        }
    }

    fn push_record(
        &mut self,
        cells: Vec<(ColumnRole, Cell)>,
        years: Vec<u16>,
        ditto: bool,
        span: Span,
    ) {
        self.records.push(RawRecord {
            section: self.section.clone(),
            cells,
            years,
            ditto,
            span,
        });
    }
}

/// Call `place` with each of a row's `cells` whose index is in `placed`
/// (ascending), and its role.
fn for_each_placed<'r, T>(
    cells: impl Iterator<Item = T>,
    placed: &[usize],
    roles: &'r [Option<ColumnRole>],
    mut place: impl FnMut(&'r ColumnRole, T),
) {
    let mut next = placed.iter().copied().peekable();
    for (i, cell) in cells.enumerate() {
        if next.next_if_eq(&i).is_none() {
            // The cells after the last placed one are not looked at.
            if next.peek().is_none() {
                break;
            }
            continue;
        }
        if let Some(role) = roles.get(i).and_then(Option::as_ref) {
            place(role, cell);
        }
    }
}

trait WithFieldName {
    fn with_field_name(self, role: &ColumnRole) -> Self;
}

impl WithFieldName for Diagnostic {
    fn with_field_name(mut self, role: &ColumnRole) -> Self {
        self.field = Some(role.name());
        self
    }
}

/// A row's filled cells, quoted, for a message.
fn row_text(cells: &[impl CellLines]) -> String {
    cells
        .iter()
        .filter(|c| !c.is_blank())
        .map(|c| format!("\"{}\"", c.flat()))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The regulation named in `lines` ("PERATURAN GUBERNUR JAWA TENGAH NOMOR
/// 12 TAHUN 2021"), and the jurisdiction written between its kind and its
/// number.
fn regulation(lines: &[Cow<'_, TextLine>]) -> (Option<Regulation>, Option<String>) {
    let text = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let Some(named) = scan::regulation(&text) else {
        return (None, None);
    };
    let kind = match header_key(named.kind).as_str() {
        "GUBERNUR" => "Peraturan Gubernur",
        "BUPATI" => "Peraturan Bupati",
        "DAERAH" => "Peraturan Daerah",
        _ => "Peraturan Wali Kota",
    };
    let Ok(year) = named.year.parse::<u16>() else {
        return (None, None);
    };
    let number = named.number.trim_end_matches(['.', '/']).to_string();
    let middle = named
        .between
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let jurisdiction = (!middle.is_empty() && middle.len() < 60).then(|| {
        let lower = middle.to_lowercase();
        lower
            .strip_prefix("provinsi ")
            .map(str::to_string)
            .unwrap_or(middle.clone())
    });
    let jurisdiction = jurisdiction.map(|j| title_case(&j));
    (
        Some(Regulation {
            kind: kind.to_string(),
            number,
            year,
        }),
        jurisdiction,
    )
}

/// The province named in `text` ("PROVINSI JAWA TENGAH TAHUN 2020"), in
/// title case.
fn province_in(text: &str) -> Option<String> {
    scan::province(text).map(|name| title_case(name.trim()))
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The heading above the first table: the last paragraph before it that is
/// not the LAMPIRAN block.
fn title(lines: &[Cow<'_, TextLine>]) -> Option<String> {
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in lines {
        if line.text.trim().is_empty() {
            paragraphs.push(Vec::new());
        } else if let Some(last) = paragraphs.last_mut() {
            last.push(line.text.trim());
        }
    }
    paragraphs
        .iter()
        .rev()
        .filter(|p| !p.is_empty())
        .map(|p| p.join(" ").split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|p| {
            let upper = p.to_uppercase();
            !(upper.starts_with("LAMPIRAN") || scan::regulation(p).is_some())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;

    fn parse(md: &str) -> Parsed {
        assemble(&markdown::read(md))
    }

    const HEADER: &str = "| INSTANSI | MASALAH | KEGIATAN | INDIKATOR | | | WAKTU PELAKSANAAN | | PENANGGUNG<br>JAWAB | PELAKSANA | KELOMPOK<br>SASARAN |\n|---|---|---|---|---|---|---|---|---|---|---|\n| | | | PROSES | HASIL | TARGET | 2024 | 2025 | | | |\n";

    #[test]
    fn two_row_header_gives_roles_by_name() {
        let p = parse(&format!(
            "{HEADER}| Dinas A | m | k | p | h | t | x | | pj | pl | ks |\n"
        ));
        assert_eq!(p.records.len(), 1);
        let r = &p.records[0];
        assert_eq!(r.years, [2025 - 1]);
        assert_eq!(r.cell(&ColumnRole::Target).unwrap().flat(), "t");
        assert_eq!(r.cell(&ColumnRole::KelompokSasaran).unwrap().flat(), "ks");
        assert_eq!(p.meta.period, Some([2024, 2025]));
    }

    #[test]
    fn continuation_joins_row_above_and_ditto_inherits_instansi() {
        let md = format!(
            "{HEADER}| Dinas A | Penangan | k | p | h | t | x | x | pj | pl | ks |\n\n{HEADER}| | an | | | | | | | | | |\n| | m2 | k2 | | | | x | | | | |\n"
        );
        let p = parse(&md);
        assert_eq!(p.records.len(), 2);
        assert_eq!(
            p.records[0].cell(&ColumnRole::Masalah).unwrap().lines,
            ["Penangan", "an"]
        );
        assert_eq!(p.records[0].span, Span::Lines([4, 9]));
        assert!(p.records[1].ditto);
        assert_eq!(
            p.records[1].cell(&ColumnRole::Instansi).unwrap().flat(),
            "Dinas A"
        );
        assert_eq!(p.records[1].span, Span::line(10));
    }

    #[test]
    fn numbered_row_without_agency_is_a_ditto_row() {
        let md = "| NO | INSTANSI | KEGIATAN | 2020 |\n|--|--|--|--|\n| 1 | Dinsos | a | x |\n\n| NO | INSTANSI | KEGIATAN | 2020 |\n|--|--|--|--|\n| 2 | | b | |\n";
        let p = parse(md);
        assert_eq!(p.records.len(), 2);
        assert!(p.records[1].ditto);
        assert_eq!(
            p.records[1].cell(&ColumnRole::Instansi).unwrap().flat(),
            "Dinsos"
        );
    }

    #[test]
    fn agency_name_wrapped_across_a_page_continues_the_row_above() {
        let md = format!(
            "{HEADER}| Dinas Pemberdayaan | m | k | p | h | t | x | x | pj | pl | ks |\n\n{HEADER}| Masyarakat Desa | lanjutan | | | | | | | | | |\n| Dinas B | m2 | k2 | | | | x | | | | |\n"
        );
        let p = parse(&md);
        assert_eq!(p.records.len(), 2);
        assert_eq!(
            p.records[0].cell(&ColumnRole::Instansi).unwrap().lines,
            ["Dinas Pemberdayaan", "Masyarakat Desa"]
        );
        assert_eq!(
            p.records[1].cell(&ColumnRole::Instansi).unwrap().flat(),
            "Dinas B"
        );
    }

    #[test]
    fn section_rows_set_the_section() {
        let md = format!("{HEADER}| SUB GUGUS TUGAS PENCEGAHAN | | | | | | | | | | |\n| Dinas A | m | k | p | h | t | x | x | pj | pl | ks |\n");
        let p = parse(&md);
        assert_eq!(p.records[0].section.as_deref(), Some("PENCEGAHAN"));
    }

    #[test]
    fn other_column_order_and_extra_columns() {
        let md = "| NO | KEGIATAN | INSTANSI/OPD | 2020 | 2021 | ANGGARAN | KETERANGAN |\n|--|--|--|--|--|--|--|\n| 1 | Rapat | Dinsos | v | √ | Rp 10 juta | - |\n";
        let p = parse(md);
        let r = &p.records[0];
        assert_eq!(r.cell(&ColumnRole::Instansi).unwrap().flat(), "Dinsos");
        assert_eq!(
            r.cell(&ColumnRole::Extra("anggaran".into()))
                .unwrap()
                .flat(),
            "Rp 10 juta"
        );
        assert_eq!(r.years, [2020, 2021]);
    }

    #[test]
    fn title_case_headers_and_single_indikator_column() {
        let md = "| Instansi/Perangkat Daerah | Kegiatan | Indikator | Tahun 2022 | Tahun 2023 | Penanggung Jawab |\n|--|--|--|--|--|--|\n| Dinkes Kab. Sleman | Penyuluhan gizi | 80% balita | ✓ | ✓ | Dinkes |\n";
        let p = parse(md);
        assert_eq!(p.records.len(), 1, "{:?}", p.diagnostics);
        let r = &p.records[0];
        assert_eq!(r.cell(&ColumnRole::Indikator).unwrap().flat(), "80% balita");
        assert_eq!(
            r.cell(&ColumnRole::PenanggungJawab).unwrap().flat(),
            "Dinkes"
        );
        assert_eq!(r.years, [2022, 2023]);
    }

    #[test]
    fn header_split_over_two_tables_is_merged() {
        let md = "| INSTANSI/ | MASALAH | KEGIATAN | INDIKATOR | WAKTU PELAKSANAAN | PENANGGUN | PELAKSANA | KELOMPOK |\n|--|--|--|--|--|--|--|--|\n\n| OPD | | | PROSES | HASIL | TARGET | 2020 | 2021 | G JAWAB | | SASARAN |\n|--|--|--|--|--|--|--|--|--|--|--|\n| Dinas A | m | k | p | h | t | x | x | pj | pl | ks |\n";
        let p = parse(md);
        let r = &p.records[0];
        assert_eq!(r.cell(&ColumnRole::PenanggungJawab).unwrap().flat(), "pj");
        assert_eq!(r.cell(&ColumnRole::Pelaksana).unwrap().flat(), "pl");
        assert_eq!(r.cell(&ColumnRole::KelompokSasaran).unwrap().flat(), "ks");
        assert_eq!(r.cell(&ColumnRole::Target).unwrap().flat(), "t");
    }

    #[test]
    fn stray_mark_is_reported_not_kept() {
        let p = parse(&format!(
            "{HEADER}| Dinas A | m | k | p | h | x | x | | pj | pl | ks |\n"
        ));
        assert!(p.records[0].cell(&ColumnRole::Target).is_none());
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.code == "stray-mark")
            .unwrap();
        assert_eq!(d.record, Some(1));
        assert_eq!(d.field.as_deref(), Some("indikator.target"));
    }

    #[test]
    fn metadata_from_text() {
        let md = format!("LAMPIRAN PERATURAN BUPATI BANYUMAS  \nNOMOR 7 TAHUN 2021  \nTENTANG RAD\n\nRENCANA AKSI DAERAH   KABUPATEN BANYUMAS\n\n{HEADER}| Dinas A | m | k | p | h | t | x | | pj | pl | ks |\n");
        let p = parse(&md);
        let reg = p.meta.regulation.unwrap();
        assert_eq!(
            (reg.kind.as_str(), reg.number.as_str(), reg.year),
            ("Peraturan Bupati", "7", 2021)
        );
        assert_eq!(
            p.meta.title.as_deref(),
            Some("RENCANA AKSI DAERAH KABUPATEN BANYUMAS")
        );
    }

    #[test]
    fn orphan_continuation_is_an_error_that_keeps_the_text() {
        let md = format!("{HEADER}| | lost words | | | | | | | | | |\n");
        let p = parse(&md);
        assert!(p.records.is_empty());
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.code == "orphan-continuation")
            .unwrap();
        assert!(d.message.contains("lost words"));
    }
}
