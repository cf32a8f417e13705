//! Raw records to records.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use crate::lexicon::WordHasher;
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
        // row): restore each once.
        let restored = self.restore_cells(parsed);
        let mut cells = restored.in_order();
        // So do agency items: resolve each distinct one once.
        let mut resolved = Resolved::default();
        for (index, raw) in parsed.records.iter().enumerate() {
            let no = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let mut cache = Cache {
                resolved: &mut resolved,
                cells: &mut cells,
            };
            let record = self.record(no, raw, &mut out.diagnostics, &mut cache);
            out.records.push(record);
        }
        out.province = self.province(parsed.province_hint.as_deref(), &out.records);
        out
    }

    /// Every distinct cell of the document restored once. Called inside a
    /// rayon pool, cells are restored in parallel on that pool when there
    /// is enough text to pay for it: restoration is most of the work and
    /// each cell's result depends on its lines only.
    fn restore_cells(&self, parsed: &Parsed) -> Restored {
        let mut distinct: Vec<&[String]> = Vec::new();
        let mut index: HashMap<&[String], usize, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        let mut order = Vec::new();
        for raw in &parsed.records {
            for (_, cell) in &raw.cells {
                let next = distinct.len();
                let at = *index.entry(&cell.lines).or_insert(next);
                if at == next {
                    distinct.push(&cell.lines);
                }
                order.push(at);
            }
        }
        let restore = |lines: &&[String]| self.restorer().items(lines);
        let bytes: usize = distinct
            .iter()
            .flat_map(|l| l.iter())
            .map(String::len)
            .sum();
        let parallel = bytes >= PARALLEL_FROM_BYTES && rayon::current_thread_index().is_some();
        let items: Vec<Vec<String>> = if parallel {
            distinct.par_iter().map(restore).collect()
        } else {
            distinct.iter().map(restore).collect()
        };
        Restored { items, order }
    }

    fn record(
        &self,
        no: u32,
        raw: &RawRecord,
        diagnostics: &mut Vec<Diagnostic>,
        cache: &mut Cache<'_, '_>,
    ) -> Record {
        let mut record = Record::new(no, raw.span);
        record.sub_gugus_tugas = raw.section.clone();
        record.waktu_pelaksanaan = raw.years.clone();
        for (role, _) in &raw.cells {
            // The cell's restored items: one per cell, in order.
            let items = cache.next_cell();
            let field = match role {
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
            };
            match field {
                Some(field) if field.is_agency() => {
                    let mentions =
                        self.agencies(no, field, raw.span, items, diagnostics, cache.resolved);
                    if let Some(list) = record.agencies_mut(field) {
                        list.extend(mentions);
                    }
                }
                Some(field) => {
                    if let Some(list) = record.items_mut(field) {
                        list.extend(items.iter().cloned());
                    }
                }
                None => {
                    if !items.is_empty() {
                        let list = record.extra.entry(role.name()).or_default();
                        list.extend(items.iter().cloned());
                    }
                }
            }
        }
        record
    }

    /// Split an agency cell into mentions and resolve them; a mention that
    /// names an agency the registry does not know gets an `unresolved-agency`
    /// warning naming the nearest entries.
    fn agencies<'a>(
        &self,
        no: u32,
        field: Field,
        span: Span,
        items: &'a [String],
        diagnostics: &mut Vec<Diagnostic>,
        resolved: &mut Resolved<'a>,
    ) -> Vec<Agency> {
        let mut out = Vec::new();
        for item in items {
            let mentions = resolved
                .entry(item.as_str())
                .or_insert_with_key(|item| self.registry().mentions(item));
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

/// A document's cells, restored: the items of each distinct cell, and
/// which of them each cell of the document is, in the order of the
/// records and their cells.
struct Restored {
    items: Vec<Vec<String>>,
    order: Vec<usize>,
}

impl Restored {
    /// The restored items of the document's cells, in order.
    fn in_order(&self) -> impl Iterator<Item = &[String]> {
        self.order
            .iter()
            .map(|&at| self.items.get(at).map_or(&[][..], Vec::as_slice))
    }
}

/// The mentions of each distinct agency item of a document.
type Resolved<'a> = HashMap<&'a str, Vec<Mention>, BuildHasherDefault<WordHasher>>;

/// What a document repeats, done once: agency items resolved, cells
/// restored (taken in the order of the records and their cells).
struct Cache<'c, 'r> {
    resolved: &'c mut Resolved<'r>,
    cells: &'c mut dyn Iterator<Item = &'r [String]>,
}

impl<'r> Cache<'_, 'r> {
    /// The restored items of the next cell.
    fn next_cell(&mut self) -> &'r [String] {
        self.cells.next().unwrap_or(&[])
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
