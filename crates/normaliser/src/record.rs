//! Raw records to records.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use crate::lexicon::WordHasher;
use crate::text::{Vocabulary, Workspace};
use crate::{Mention, Normaliser, Registry};
use pergub_model::{Agency, Diagnostic, Field, Record, Span};
use pergub_parser::{ColumnRole, Parsed, RawRecord};

/// The normaliser's result for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalised {
    /// The records, numbered from 1.
    pub records: Vec<Record>,
    /// What the normaliser could not restore or resolve.
    pub diagnostics: Vec<Diagnostic>,
    /// The province the document's agencies belong to, in official spelling.
    pub province: Option<String>,
}

impl Normaliser {
    /// Restore and resolve every raw record of a parsed document. Called
    /// inside a rayon pool ([`rayon::ThreadPool::install`], or from a
    /// parallel iterator), the cells of a large document are restored in
    /// parallel on that pool; elsewhere on the calling thread alone. The
    /// result does not depend on the number of threads.
    pub fn normalise(&self, parsed: &Parsed) -> Normalised {
        let mut out = Normalised::default();
        // Whole cells repeat within a document (an agency named in every
        // row): restore each once, and resolve the agencies it names once.
        let restored = self.restore_cells(parsed);
        let mut cells = restored.in_order();
        for (index, raw) in parsed.records.iter().enumerate() {
            let no = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let record = self.record(no, raw, &mut out.diagnostics, &mut cells);
            out.records.push(record);
        }
        out.province = self.province(parsed.province_hint.as_deref(), &out.records);
        out
    }

    /// Every distinct cell of the document restored once, and the agency
    /// mentions of its items resolved if it stands in an agency column.
    /// Called inside a rayon pool, cells are handled in parallel on that
    /// pool when there is enough text to pay for it: restoration is most of
    /// the work and each cell's result depends on its lines only.
    fn restore_cells(&self, parsed: &Parsed) -> Restored {
        // Each distinct cell's lines, and whether it names agencies.
        let mut distinct: Vec<(&[String], bool)> = Vec::new();
        let mut index: HashMap<&[String], usize, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        let mut order = Vec::new();
        for raw in &parsed.records {
            for (role, cell) in &raw.cells {
                let next = distinct.len();
                let at = *index.entry(&cell.lines).or_insert(next);
                if at == next {
                    distinct.push((&cell.lines, false));
                }
                if let Some((_, agency)) = distinct.get_mut(at) {
                    *agency |= field_of(role).is_some_and(Field::is_agency);
                }
                order.push(at);
            }
        }
        let vocabulary = Vocabulary::new();
        let restore = |workspace: &mut Workspace, &(lines, _): &(&[String], bool)| {
            self.restorer().items_with(lines, &vocabulary, workspace)
        };
        // Agencies are resolved after all cells are restored: each of the
        // two passes keeps its own code and data hot.
        let resolve = |(items, &(_, agency)): (Vec<String>, &(&[String], bool))| {
            let mentions = if agency {
                items
                    .iter()
                    .map(|item| self.registry().mentions(item))
                    .collect()
            } else {
                Vec::new()
            };
            Cell { items, mentions }
        };
        let bytes: usize = distinct
            .iter()
            .flat_map(|(lines, _)| lines.iter())
            .map(String::len)
            .sum();
        let parallel = bytes >= PARALLEL_FROM_BYTES && rayon::current_thread_index().is_some();
        let cells: Vec<Cell> = if parallel {
            let items: Vec<Vec<String>> = distinct
                .par_iter()
                .map_init(Workspace::default, restore)
                .collect();
            items.into_par_iter().zip(&distinct).map(resolve).collect()
        } else {
            let mut workspace = Workspace::default();
            let items: Vec<Vec<String>> = distinct
                .iter()
                .map(|cell| restore(&mut workspace, cell))
                .collect();
            items.into_iter().zip(&distinct).map(resolve).collect()
        };
        Restored { cells, order }
    }

    fn record<'r>(
        &self,
        no: u32,
        raw: &RawRecord,
        diagnostics: &mut Vec<Diagnostic>,
        cells: &mut impl Iterator<Item = &'r Cell>,
    ) -> Record {
        let mut record = Record::new(no, raw.span);
        record.sub_gugus_tugas = raw.section.clone();
        record.waktu_pelaksanaan = raw.years.clone();
        for (role, _) in &raw.cells {
            // The cell as restored: one per cell, in order.
            let Some(cell) = cells.next() else { break };
            match field_of(role) {
                Some(field) if field.is_agency() => {
                    let mentions = self.agencies(no, field, raw.span, cell, diagnostics);
                    if let Some(list) = record.agencies_mut(field) {
                        list.extend(mentions);
                    }
                }
                Some(field) => {
                    if let Some(list) = record.items_mut(field) {
                        list.extend(cell.items.iter().cloned());
                    }
                }
                None => {
                    if !cell.items.is_empty() {
                        let list = record.extra.entry(role.name()).or_default();
                        list.extend(cell.items.iter().cloned());
                    }
                }
            }
        }
        record
    }

    /// The agency mentions of a cell's items; a mention that names an
    /// agency the registry does not know gets an `unresolved-agency`
    /// warning naming the nearest entries.
    fn agencies(
        &self,
        no: u32,
        field: Field,
        span: Span,
        cell: &Cell,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<Agency> {
        let mut out = Vec::new();
        for (at, item) in cell.items.iter().enumerate() {
            // Resolved with the cell, unless it was not known then to
            // stand in an agency column.
            let resolved;
            let mentions = match cell.mentions.get(at) {
                Some(mentions) => mentions,
                None => {
                    resolved = self.registry().mentions(item);
                    &resolved
                }
            };
            for m in mentions {
                if m.id.is_none() && !m.generic {
                    diagnostics.push(unresolved(self.registry(), &m.text, no, field, span));
                }
                out.push(Agency {
                    text: m.text.clone(),
                    id: m.id.clone(),
                });
            }
        }
        out
    }

    /// The document's province: the one the text names outside the tables,
    /// in official spelling, else the province most agency mentions name.
    fn province(&self, hint: Option<&str>, records: &[Record]) -> Option<String> {
        if let Some(p) = hint.and_then(Registry::province) {
            return Some(p.to_string());
        }
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut known: HashMap<&str, Option<String>> = HashMap::new();
        for record in records {
            for field in Field::AGENCY {
                for agency in record.agencies(field).unwrap_or(&[]) {
                    let province = known
                        .entry(agency.text.as_str())
                        .or_insert_with(|| self.registry().province_of(&agency.text));
                    if let Some(p) = province {
                        match counts.iter_mut().find(|(name, _)| name == p) {
                            Some(slot) => slot.1 += 1,
                            None => counts.push((p.clone(), 1)),
                        }
                    }
                }
            }
        }
        // The first-named province wins a tie.
        let best = counts.iter().map(|(_, c)| *c).max()?;
        counts.into_iter().find(|(_, c)| *c == best).map(|(p, _)| p)
    }
}

/// Below this much cell text (in bytes) a document's cells are restored
/// on the calling thread, even inside a pool: too little work to share.
const PARALLEL_FROM_BYTES: usize = 4096;

/// The field a column fills, if any.
fn field_of(role: &ColumnRole) -> Option<Field> {
    match role {
        ColumnRole::Instansi => Some(Field::Instansi),
        ColumnRole::Masalah => Some(Field::Masalah),
        ColumnRole::Kegiatan => Some(Field::Kegiatan),
        ColumnRole::Proses => Some(Field::Proses),
        ColumnRole::Hasil | ColumnRole::Indikator => Some(Field::Hasil),
        ColumnRole::Target => Some(Field::Target),
        ColumnRole::PenanggungJawab => Some(Field::PenanggungJawab),
        ColumnRole::Pelaksana => Some(Field::Pelaksana),
        ColumnRole::KelompokSasaran => Some(Field::KelompokSasaran),
        _ => None,
    }
}

/// One distinct cell of a document, restored: its items and, for a cell
/// in an agency column, the agency mentions of each item.
struct Cell {
    items: Vec<String>,
    mentions: Vec<Vec<Mention>>,
}

/// A document's cells, restored: each distinct cell once, and which of
/// them each cell of the document is, in the order of the records and
/// their cells.
struct Restored {
    cells: Vec<Cell>,
    order: Vec<usize>,
}

impl Restored {
    /// The document's cells, in order.
    fn in_order(&self) -> impl Iterator<Item = &Cell> {
        self.order.iter().filter_map(|&at| self.cells.get(at))
    }
}

/// The `unresolved-agency` warning for a mention.
fn unresolved(registry: &Registry, text: &str, no: u32, field: Field, span: Span) -> Diagnostic {
    let nearest: Vec<String> = registry
        .nearest(text, 3)
        .into_iter()
        .map(|(id, name, score)| format!("{id} ({name}, {score:.2})"))
        .collect();
    let message = if nearest.is_empty() {
        format!("agency \"{text}\" resolves to no registry id")
    } else {
        format!(
            "agency \"{text}\" resolves to no registry id; nearest: {}",
            nearest.join(", ")
        )
    };
    Diagnostic::warning("unresolved-agency", message)
        .with_record(no)
        .with_field(field)
        .with_span(span)
}
