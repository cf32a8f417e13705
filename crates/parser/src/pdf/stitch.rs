//! Rows broken across a page break, joined again.
//!
//! A long plan row continues at the top of the next page, below the
//! repeated header. The continuation is recognised without knowing what the
//! columns mean: it is the first row after the repeated header rows, its
//! text is not one spanning cell (a section row), and none of its cells is
//! mark-like (a lone `X`, `√` or a small number, as year marks and row
//! numbers are) while the row it would continue has such a cell. Such a row
//! is appended, cell by cell, to the last row of the page before, whose span
//! then covers both pages. Anything less certain is left to assembly.

use super::table::PageLayout;
use crate::raw::{Cell, RawRow};

pub(crate) fn continue_broken_rows(pages: &mut [PageLayout]) {
    // The header: the leading rows the first two tables share.
    let mut tables = pages.iter().filter_map(|p| p.table.as_ref());
    let (Some(first), Some(second)) = (tables.next(), tables.next()) else {
        return;
    };
    let shared = repeated_header_rows(&second.table.rows, &first.table.rows);
    let header: Vec<RawRow> = first.table.rows[..shared].to_vec();
    if header.is_empty() {
        return;
    }
    for next in 1..pages.len() {
        let (before, after) = pages.split_at_mut(next);
        let Some(prev) = before.last_mut().and_then(|p| p.table.as_mut()) else {
            continue;
        };
        let Some(here) = after.first_mut().and_then(|p| p.table.as_mut()) else {
            continue;
        };
        // The repeated header: leading rows equal to the first table's.
        let repeated = here
            .table
            .rows
            .iter()
            .zip(&header)
            .take_while(|(a, b)| a.cells == b.cells)
            .count();
        if repeated == 0 || repeated >= here.table.rows.len() {
            continue;
        }
        if prev.table.rows.len() <= repeated_header_rows(&prev.table.rows, &header) {
            continue;
        }
        let Some(last) = prev.table.rows.last_mut() else {
            continue;
        };
        let candidate = &here.table.rows[repeated];
        if here.spanning[repeated]
            || candidate.cells.len() != last.cells.len()
            || candidate.cells.iter().any(is_mark_like)
            || !last.cells.iter().any(is_mark_like)
        {
            continue;
        }
        let fragment: RawRow = here.table.rows.remove(repeated);
        here.spanning.remove(repeated);
        for (cell, part) in last.cells.iter_mut().zip(&fragment.cells) {
            cell.append(part);
        }
        last.span = last.span.cover(&fragment.span);
    }
}

/// How many leading rows of `rows` repeat the header.
fn repeated_header_rows(rows: &[RawRow], header: &[RawRow]) -> usize {
    rows.iter()
        .zip(header)
        .take_while(|(a, b)| a.cells == b.cells)
        .count()
}

/// A lone mark or a small number: what year columns and row numbers hold.
fn is_mark_like(cell: &Cell) -> bool {
    let text = cell.flat();
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => matches!(c, 'X' | 'x' | 'V' | 'v') || !c.is_alphanumeric(),
        (Some(_), Some(_)) => text.len() <= 3 && text.chars().all(|c| c.is_ascii_digit()),
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::table::PageTable;
    use crate::raw::RawTable;
    use pergub_model::Span;

    fn row(cells: &[&str], page: u32) -> RawRow {
        RawRow {
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::default()
                    } else {
                        Cell::from_text(c)
                    }
                })
                .collect(),
            span: Span::page(page),
        }
    }

    fn page(rows: Vec<RawRow>) -> PageLayout {
        let spanning = vec![false; rows.len()];
        PageLayout {
            table: Some(PageTable {
                table: RawTable { rows },
                spanning,
            }),
            ..PageLayout::default()
        }
    }

    fn cells(p: &PageLayout) -> Vec<Vec<String>> {
        p.table
            .as_ref()
            .unwrap()
            .table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::flat).collect())
            .collect()
    }

    #[test]
    fn a_fragment_below_the_repeated_header_joins_the_row_above() {
        let header = || row(&["INSTANSI", "KEGIATAN", "2024"], 0);
        let mut pages = vec![
            page(vec![
                header(),
                row(&["Dinas Kementerian", "Penangan", "X"], 1),
            ]),
            page(vec![
                header(),
                row(&["Agama", "an", ""], 2),
                row(&["Dinas B", "Rapat", "X"], 2),
            ]),
        ];
        continue_broken_rows(&mut pages);
        assert_eq!(
            cells(&pages[0])[1],
            ["Dinas Kementerian Agama", "Penangan an", "X"]
        );
        assert_eq!(
            pages[0].table.as_ref().unwrap().table.rows[1].span,
            Span::Pages([1, 2])
        );
        assert_eq!(cells(&pages[1]).len(), 2);
    }

    #[test]
    fn a_new_row_with_marks_stays_a_row() {
        let header = || row(&["INSTANSI", "KEGIATAN", "2024"], 0);
        let mut pages = vec![
            page(vec![header(), row(&["Dinas A", "Rapat", "X"], 1)]),
            page(vec![header(), row(&["", "Pelatihan", "√"], 2)]),
        ];
        continue_broken_rows(&mut pages);
        assert_eq!(cells(&pages[1]).len(), 2);
    }
}
