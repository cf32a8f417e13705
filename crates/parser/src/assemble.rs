//! From tables of cells to plan records: header recognition, column roles,
//! page stitching, section rows, continuation versus ditto rows, metadata.
//!
//! Shared by every format reader, so that Markdown, HTML and PDF input give
//! the same records for the same document.

use crate::header::{header_key, role_of, ColumnRole};
use crate::raw::{Block, Cell, RawDocument, RawRow, TextLine};
use crate::{Parsed, RawRecord};
use pergub_model::{Diagnostic, DocumentMeta, Regulation, Span};
use regex::Regex;
use std::sync::OnceLock;

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
enum RowKind {
    Empty,
    Numbering,
    Section(String),
    Header,
    Data,
}

/// Whether a cell's text is a year mark (`X`, `x`, `v`, `V`, `✓`, `✔`, `√`).
pub fn is_mark(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        t.as_str(),
        "X" | "x" | "v" | "V" | "✓" | "✔" | "√" | "☑" | "✗" | "×"
    )
}

fn section_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:[IVX]+\.|[A-Z]\.|\d+\.)?\s*SUB\s*-?\s*GUGUS\s*(?:TUGAS)?\s*:?\s*(.*)$",
        )
        .unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable_regex()))
    })
}

#[expect(
    clippy::panic,
    reason = "constant patterns are tested; this is never reached"
)]
fn unreachable_regex() -> Regex {
    panic!("constant regex failed to compile")
}

fn classify(row: &RawRow) -> RowKind {
    let filled: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    if filled.is_empty() {
        return RowKind::Empty;
    }
    if filled.len() == 1 {
        if let Some(caps) = section_re().captures(&filled[0].flat()) {
            let name = caps.get(1).map_or("", |m| m.as_str()).trim();
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            return RowKind::Section(name);
        }
    }
    if is_numbering(&filled) {
        return RowKind::Numbering;
    }
    let (recognised, other): (Vec<&&Cell>, Vec<&&Cell>) = filled
        .iter()
        .partition(|c| c.flat().chars().count() <= 60 && role_of(&c.glued()).is_some());
    // Header fragments that name nothing on their own ("G JAWAB", "KELOMPOK")
    // are short; a data row has sentences.
    let long_text = other.iter().any(|c| c.flat().chars().count() > 25);
    // Printed headers are upper case; a title-case row must be mostly
    // header names, so that a data row whose short cells happen to spell
    // one ("Mitra", "Sasaran") is not taken for a header.
    let upper_case = filled
        .iter()
        .all(|c| !c.flat().chars().any(char::is_lowercase));
    let enough = if upper_case {
        recognised.len() * 2 >= filled.len()
    } else {
        recognised.len() * 3 >= filled.len() * 2
    };
    if recognised.len() >= 2 && enough && !long_text {
        return RowKind::Header;
    }
    RowKind::Data
}

/// Whether every filled cell of a row names a sub-column (PROSES, HASIL,
/// TARGET, a year): the second row of a two-row header.
fn is_sub_header(row: &RawRow) -> bool {
    let mut filled = row.cells.iter().filter(|c| !c.is_empty()).peekable();
    filled.peek().is_some() && filled.all(|c| role_of(&c.glued()).is_some_and(|r| r.is_sub()))
}

fn is_numbering(filled: &[&Cell]) -> bool {
    if filled.len() < 3 {
        return false;
    }
    let mut expect = 1u32;
    for cell in filled {
        let text = cell.flat();
        let digits = text.trim_matches(|c| c == '(' || c == ')' || c == '.' || c == ' ');
        match digits.parse::<u32>() {
            Ok(n) if n == expect => expect += 1,
            _ => return false,
        }
    }
    true
}

/// Turn header rows (top to bottom) into a layout.
fn build_layout(rows: &[Vec<Cell>]) -> Layout {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widest = rows
        .iter()
        .find(|r| r.len() == width)
        .cloned()
        .unwrap_or_default();
    let expanded: Vec<Vec<Cell>> = rows
        .iter()
        .filter_map(|r| {
            if r.len() == width {
                Some(r.clone())
            } else {
                expand_groups(r, &widest)
            }
        })
        .collect();
    let mut roles: Vec<Option<ColumnRole>> = Vec::with_capacity(width);
    for i in 0..width {
        let stack: Vec<&Cell> = expanded
            .iter()
            .filter_map(|r| r.get(i))
            .filter(|c| !c.is_empty())
            .collect();
        roles.push(column_role(&stack));
    }
    // Group headers (INDIKATOR, WAKTU PELAKSANAAN) cover the empty header
    // cells to their right; a group column with no sub-header keeps the group.
    for i in 1..width {
        if roles[i].is_none() {
            if let Some(prev) = roles[i - 1].clone() {
                let top_empty = expanded.iter().all(|r| r.get(i).is_none_or(Cell::is_empty));
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
fn expand_groups(row: &[Cell], widest: &[Cell]) -> Option<Vec<Cell>> {
    let sub_roles: Vec<Option<ColumnRole>> = widest.iter().map(|c| role_of(&c.glued())).collect();
    let mut out = Vec::with_capacity(widest.len());
    for cell in row {
        let role = role_of(&cell.glued());
        let at = out.len();
        out.push(cell.clone());
        let matches_sub = |r: &Option<ColumnRole>| {
            matches!(
                (&role, r),
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
            out.push(Cell::default());
            next += 1;
        }
    }
    (out.len() == widest.len()).then_some(out)
}

fn column_role(stack: &[&Cell]) -> Option<ColumnRole> {
    if stack.is_empty() {
        return None;
    }
    // A sub-header (PROSES, HASIL, TARGET, a year) lowest in the stack wins.
    for cell in stack.iter().rev() {
        if let Some(role) = role_of(&cell.glued()) {
            if role.is_sub() {
                return Some(role);
            }
        }
    }
    for cell in stack {
        if let Some(role) = role_of(&cell.glued()) {
            return Some(role);
        }
    }
    // A header word split across header rows ("PENANGGUN" over "G JAWAB").
    let glued: String = stack.iter().map(|c| c.glued()).collect();
    if let Some(role) = role_of(&glued) {
        return Some(role);
    }
    let name: String = stack
        .iter()
        .map(|c| c.flat())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    Some(ColumnRole::Extra(name))
}

/// Fill what a new layout leaves unknown from the previous one when both
/// have the same number of columns (a header split over two tables).
fn merge_layout(new: Layout, previous: Option<&Layout>) -> Layout {
    let Some(prev) = previous else { return new };
    if prev.roles.len() != new.roles.len() {
        return new;
    }
    let roles = new
        .roles
        .into_iter()
        .zip(&prev.roles)
        .map(|(n, p)| match n {
            None => p.clone(),
            Some(ColumnRole::Extra(_))
                if p.as_ref()
                    .is_some_and(|p| !matches!(p, ColumnRole::Extra(_))) =>
            {
                p.clone()
            }
            other => other,
        })
        .collect();
    Layout { roles }
}

struct Assembler {
    layout: Option<Layout>,
    pending_header: Vec<Vec<Cell>>,
    section: Option<String>,
    records: Vec<RawRecord>,
    diagnostics: Vec<Diagnostic>,
    years: Vec<u16>,
}

/// Assemble a raw document's tables into records and its text into metadata.
pub fn assemble(doc: &RawDocument) -> Parsed {
    let mut asm = Assembler {
        layout: None,
        pending_header: Vec::new(),
        section: None,
        records: Vec::new(),
        diagnostics: Vec::new(),
        years: Vec::new(),
    };
    let mut before_first_table: Vec<&TextLine> = Vec::new();
    let mut seen_table = false;
    let mut all_text: Vec<&TextLine> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Text(line) => {
                if !seen_table {
                    before_first_table.push(line);
                }
                all_text.push(line);
            }
            Block::Table(table) => {
                seen_table = true;
                asm.table(&table.rows);
            }
        }
    }
    if !asm.pending_header.is_empty() && asm.layout.is_none() {
        asm.diagnostics.push(Diagnostic::warning(
            "header-without-rows",
            "a table header was found but no plan rows follow it",
        ));
    }
    if !seen_table {
        asm.diagnostics.push(Diagnostic::error(
            "no-table",
            "the document contains no table, so no plan rows were read",
        ));
    } else if asm.layout.is_none() {
        asm.diagnostics.push(Diagnostic::error(
            "header-not-recognised",
            "no table header names the plan columns (INSTANSI, KEGIATAN, ...); rows were not read",
        ));
    }
    let mut meta = DocumentMeta::default();
    let (regulation, jurisdiction) = regulation(&before_first_table);
    meta.regulation = regulation;
    meta.title = title(&before_first_table);
    if let (Some(lo), Some(hi)) = (asm.years.iter().min(), asm.years.iter().max()) {
        meta.period = Some([*lo, *hi]);
    }
    let province_hint = jurisdiction
        .or_else(|| province_in(meta.title.as_deref().unwrap_or("")))
        .or_else(|| all_text.iter().find_map(|l| province_in(&l.text)));
    Parsed {
        meta,
        province_hint,
        records: asm.records,
        diagnostics: asm.diagnostics,
    }
}

impl Assembler {
    fn table(&mut self, rows: &[RawRow]) {
        let mut header_rows: Vec<Vec<Cell>> = std::mem::take(&mut self.pending_header);
        let mut data_rows = 0usize;
        for row in rows {
            match classify(row) {
                RowKind::Empty => {}
                RowKind::Numbering => self.settle_header(&mut header_rows),
                RowKind::Section(name) => {
                    self.settle_header(&mut header_rows);
                    self.section = Some(name);
                }
                RowKind::Header => {
                    if header_rows.is_empty() && data_rows > 0 {
                        // A header repeated inside a table: a new page.
                        data_rows = 0;
                    }
                    header_rows.push(row.cells.clone());
                }
                RowKind::Data if !header_rows.is_empty() && is_sub_header(row) => {
                    // A second header row with a single sub-header (one year).
                    header_rows.push(row.cells.clone());
                }
                RowKind::Data => {
                    self.settle_header(&mut header_rows);
                    self.data_row(row, data_rows == 0);
                    data_rows += 1;
                }
            }
        }
        // Header rows with no data below them continue into the next table.
        self.pending_header = header_rows;
    }

    fn settle_header(&mut self, header_rows: &mut Vec<Vec<Cell>>) {
        if header_rows.is_empty() {
            return;
        }
        let layout = merge_layout(build_layout(header_rows), self.layout.as_ref());
        header_rows.clear();
        self.years.extend(layout.years());
        self.layout = Some(layout);
    }

    fn data_row(&mut self, row: &RawRow, first_in_table: bool) {
        let Some(layout) = self.layout.clone() else {
            self.diagnostics.push(
                Diagnostic::error(
                    "row-without-header",
                    format!(
                        "a table row comes before any recognised header and was not read: {}",
                        row_text(row)
                    ),
                )
                .with_span(row.span),
            );
            return;
        };
        let first_diagnostic = self.diagnostics.len();
        let mut cells: Vec<(ColumnRole, Cell)> = Vec::new();
        let mut years = Vec::new();
        for (i, cell) in row.cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let role = layout.roles.get(i).cloned().flatten();
            match role {
                None => self.diagnostics.push(
                    Diagnostic::warning(
                        "extra-cell",
                        format!(
                            "cell {} lies beyond the table header and belongs to no column: \"{}\"",
                            i + 1,
                            cell.flat()
                        ),
                    )
                    .with_span(row.span),
                ),
                Some(ColumnRole::Year(year)) => {
                    if is_mark(&cell.flat()) {
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
                            .with_span(row.span),
                        );
                    }
                }
                Some(role) => {
                    if is_mark(&cell.flat()) {
                        self.diagnostics.push(
                            Diagnostic::warning(
                                "stray-mark",
                                format!(
                                    "the {} column holds a lone year mark \"{}\"; it was left out of the text",
                                    role.name().to_uppercase(),
                                    cell.flat()
                                ),
                            )
                            .with_span(row.span)
                            .with_field_name(&role),
                        );
                        continue;
                    }
                    match cells.iter_mut().find(|(r, _)| *r == role) {
                        Some((_, existing)) => existing.append(cell),
                        None => cells.push((role, cell.clone())),
                    }
                }
            }
        }
        years.sort_unstable();
        years.dedup();
        let filled = |role: &ColumnRole| cells.iter().any(|(r, c)| r == role && !c.is_empty());
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
        if starts_record {
            self.push_record(cells, years, false, row.span);
        } else if !wrapped_agency && (own_number || !years.is_empty() || !first_in_table) {
            // A ditto row: a new record of the agency above.
            match self
                .records
                .last()
                .and_then(|r| r.cell(&ColumnRole::Instansi))
                .cloned()
            {
                Some(instansi) => {
                    cells.insert(0, (ColumnRole::Instansi, instansi));
                    self.push_record(cells, years, true, row.span);
                }
                None => {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "missing-instansi",
                            "a plan row has no INSTANSI and no row above it to inherit one from",
                        )
                        .with_span(row.span),
                    );
                    self.push_record(cells, years, false, row.span);
                }
            }
        } else if let Some(prev) = self.records.last_mut() {
            // A continuation: the row above, broken by a page break.
            for (role, cell) in cells {
                prev.cell_mut(&role).append(&cell);
            }
            prev.span = prev.span.cover(&row.span);
        } else {
            self.diagnostics.push(
                Diagnostic::error(
                    "orphan-continuation",
                    format!(
                        "a continuation row has no plan row above it to attach to: {}",
                        row_text(row)
                    ),
                )
                .with_span(row.span),
            );
        }
        // Diagnostics about this row's cells point at its record.
        let no = u32::try_from(self.records.len()).ok().filter(|n| *n > 0);
        for d in &mut self.diagnostics[first_diagnostic..] {
            if d.record.is_none() && d.span == Some(row.span) {
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

trait WithFieldName {
    fn with_field_name(self, role: &ColumnRole) -> Self;
}

impl WithFieldName for Diagnostic {
    fn with_field_name(mut self, role: &ColumnRole) -> Self {
        self.field = Some(role.name());
        self
    }
}

fn row_text(row: &RawRow) -> String {
    row.cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| format!("\"{}\"", c.flat()))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn regulation_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)PERATURAN\s+(GUBERNUR|BUPATI|WALI\s*KOTA|DAERAH)\b(.*?)\bNOMOR\s*:?\s*([0-9][0-9A-Za-z./-]*)\s+TAHUN\s+((?:19|20)\d\d)",
        )
        .unwrap_or_else(|_| unreachable_regex())
    })
}

fn regulation(lines: &[&TextLine]) -> (Option<Regulation>, Option<String>) {
    let text = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let Some(caps) = regulation_re().captures(&text) else {
        return (None, None);
    };
    let kind = match header_key(&caps[1]).as_str() {
        "GUBERNUR" => "Peraturan Gubernur",
        "BUPATI" => "Peraturan Bupati",
        "DAERAH" => "Peraturan Daerah",
        _ => "Peraturan Wali Kota",
    };
    let Ok(year) = caps[4].parse::<u16>() else {
        return (None, None);
    };
    let number = caps[3].trim_end_matches(['.', '/']).to_string();
    let middle = caps[2].split_whitespace().collect::<Vec<_>>().join(" ");
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

fn province_in(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\bPROVINSI\s+((?:[A-Za-z]+\s?){1,4}?)(?:\s+TAHUN\b|\s*[,.(]|\s*$)")
            .unwrap_or_else(|_| unreachable_regex())
    });
    re.captures(text).map(|c| title_case(c[1].trim()))
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
fn title(lines: &[&TextLine]) -> Option<String> {
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
            !(upper.starts_with("LAMPIRAN") || regulation_re().is_match(p))
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
