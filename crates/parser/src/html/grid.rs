//! Table grids: `rowspan` and `colspan` expanded into a plain grid of rows.
//!
//! This follows the table model of the HTML standard: each row group
//! (`<thead>`, `<tbody>`, `<tfoot>`) is laid out on its own; a cell takes the
//! first free slot of its row, to the right of slots covered by cells
//! spanning down from above; `rowspan="0"` reaches to the end of the group and
//! no span crosses into the next group. A spanning cell's text stays in its
//! top-left slot; every other slot it covers becomes an empty cell, which is
//! how the Markdown converters render merged cells (a group header such as
//! INDIKATOR followed by empty cells; an agency written once with the rows
//! below it left empty, read later as ditto rows of that agency).

use crate::raw::Cell;

/// The widest table accepted, in columns; cells beyond are dropped.
pub(crate) const MAX_COLUMNS: usize = 1000;

/// One cell as written in the source, before expansion.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SourceCell {
    pub(crate) cell: Cell,
    pub(crate) colspan: usize,
    /// `0` reaches to the end of the row group.
    pub(crate) rowspan: usize,
}

/// What went wrong while laying out a group, for diagnostics.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LayoutTrouble {
    /// Rows (by index in the group) where a cell overlapped another.
    pub(crate) overlaps: Vec<usize>,
    /// Rows (by index in the group) that had cells beyond [`MAX_COLUMNS`].
    pub(crate) too_wide: Vec<usize>,
}

/// Expand one row group into rows of equal-meaning cells.
///
/// Rows keep their own length: a row is as long as its last cell or the
/// last slot covered from above, so ragged tables stay ragged as in
/// Markdown.
pub(crate) fn expand(rows: &[Vec<SourceCell>]) -> (Vec<Vec<Cell>>, LayoutTrouble) {
    let mut trouble = LayoutTrouble::default();
    // For each column, the first row index no longer covered from above.
    let mut covered_until: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (r, cells) in rows.iter().enumerate() {
        let mut row: Vec<Cell> = Vec::new();
        let mut col = 0usize;
        let mut overlapped = false;
        let mut clipped = false;
        for source in cells {
            while covered_until.get(col).is_some_and(|&until| until > r) {
                col += 1;
            }
            if col >= MAX_COLUMNS {
                clipped = true;
                break;
            }
            let colspan = source.colspan.max(1);
            let width = colspan.min(MAX_COLUMNS - col);
            clipped |= width < colspan;
            let until = if source.rowspan == 0 {
                rows.len()
            } else {
                r.saturating_add(source.rowspan).min(rows.len())
            };
            if covered_until.len() < col + width {
                covered_until.resize(col + width, 0);
            }
            if row.len() < col + width {
                row.resize(col + width, Cell::default());
            }
            for (offset, slot) in covered_until[col..col + width].iter_mut().enumerate() {
                overlapped |= *slot > r;
                *slot = until;
                if offset > 0 {
                    row[col + offset] = Cell::default();
                }
            }
            row[col] = source.cell.clone();
            col += width;
        }
        // Slots covered from above past the row's last cell.
        if let Some(last) = covered_until.iter().rposition(|&until| until > r) {
            if row.len() <= last {
                row.resize(last + 1, Cell::default());
            }
        }
        if overlapped {
            trouble.overlaps.push(r);
        }
        if clipped {
            trouble.too_wide.push(r);
        }
        out.push(row);
    }
    (out, trouble)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str, colspan: usize, rowspan: usize) -> SourceCell {
        SourceCell {
            cell: if text.is_empty() {
                Cell::default()
            } else {
                Cell::from_text(text)
            },
            colspan,
            rowspan,
        }
    }

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(Cell::flat).collect())
            .collect()
    }

    #[test]
    fn two_row_header_expands_like_the_markdown_rendering() {
        let rows = vec![
            vec![
                c("INSTANSI", 1, 2),
                c("INDIKATOR", 3, 1),
                c("WAKTU", 2, 1),
                c("PELAKSANA", 1, 2),
            ],
            vec![
                c("PROSES", 1, 1),
                c("HASIL", 1, 1),
                c("TARGET", 1, 1),
                c("2020", 1, 1),
                c("2021", 1, 1),
            ],
        ];
        let (grid, trouble) = expand(&rows);
        assert_eq!(
            texts(&grid),
            [
                vec!["INSTANSI", "INDIKATOR", "", "", "WAKTU", "", "PELAKSANA"],
                vec!["", "PROSES", "HASIL", "TARGET", "2020", "2021", ""],
            ]
        );
        assert_eq!(trouble, LayoutTrouble::default());
    }

    #[test]
    fn rowspan_zero_reaches_the_end_of_the_group_only() {
        let rows = vec![
            vec![c("Dinas A", 1, 0), c("k1", 1, 1)],
            vec![c("k2", 1, 1)],
            vec![c("k3", 1, 1)],
        ];
        let (grid, _) = expand(&rows);
        assert_eq!(
            texts(&grid),
            [vec!["Dinas A", "k1"], vec!["", "k2"], vec!["", "k3"]]
        );
    }

    #[test]
    fn rowspan_past_the_group_is_clipped() {
        let rows = vec![vec![c("a", 1, 5)], vec![c("b", 1, 1)]];
        let (grid, _) = expand(&rows);
        assert_eq!(texts(&grid), [vec!["a"], vec!["", "b"]]);
    }

    #[test]
    fn covered_slot_past_the_last_cell_pads_the_row() {
        let rows = vec![vec![c("a", 1, 1), c("b", 1, 2)], vec![c("c", 1, 1)]];
        let (grid, _) = expand(&rows);
        assert_eq!(texts(&grid), [vec!["a", "b"], vec!["c", ""]]);
    }

    #[test]
    fn overlapping_cells_are_reported() {
        // Row 1's cell spans right into the slot row 0's rowspan covers.
        let rows = vec![vec![c("a", 1, 1), c("b", 1, 2)], vec![c("c", 3, 1)]];
        let (grid, trouble) = expand(&rows);
        assert_eq!(texts(&grid), [vec!["a", "b"], vec!["c", "", ""]]);
        assert_eq!(trouble.overlaps, [1]);
    }

    #[test]
    fn huge_colspan_is_clipped() {
        let rows = vec![vec![c("a", 5000, 1), c("b", 1, 1)]];
        let (grid, trouble) = expand(&rows);
        assert_eq!(grid[0].len(), MAX_COLUMNS);
        assert_eq!(trouble.too_wide, [0]);
    }
}
