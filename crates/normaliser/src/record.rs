//! Raw records to records.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::LocalKey;

use rayon::prelude::*;

use crate::agency;
use crate::lexicon::WordHasher;
use crate::text::{Vocabulary, Workspace};
use crate::{Normaliser, Registry};
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
        // The province the text names outside the tables, if any, spares
        // counting the provinces the agencies name.
        let named = parsed.province_hint.as_deref().and_then(Registry::province);
        let (distinct, order) = distinct_cells(parsed);
        let mut cells = self.restore_cells(&distinct, named.is_none());
        let mut order = order.into_iter();
        let mut counts = ProvinceCounts::default();
        let mut provinces = Provinces::default();
        for (index, raw) in parsed.records.iter().enumerate() {
            let no = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let record = self.record(
                no,
                raw,
                &mut out.diagnostics,
                &mut cells,
                &mut order,
                &mut provinces,
            );
            if named.is_none() {
                counts.add(&provinces);
            }
            out.records.push(record);
        }
        out.province = match named {
            Some(p) => Some(p.to_string()),
            None => counts.most_named(),
        };
        out
    }

    /// Every distinct cell of the document restored once, and the agency
    /// mentions of its items resolved if it stands in an agency column
    /// (with the province each names, if `provinces`). Called inside a
    /// rayon pool, cells are handled in parallel on that pool when there is
    /// enough text to pay for it: restoration is most of the work and each
    /// cell's result depends on its lines only.
    fn restore_cells(&self, distinct: &[Distinct<'_>], provinces: bool) -> Vec<Cell> {
        let vocabulary = Vocabulary::new();
        let restore = |workspace: &mut Workspace, d: &Distinct<'_>| {
            self.restorer().items_with(d.lines, &vocabulary, workspace)
        };
        // Agencies are resolved after all cells are restored: each of the
        // two passes keeps its own code and data hot (restoring a cell and
        // resolving its agencies in turn costs a tenth more, even on one
        // thread).
        let resolve = |(items, d): (Vec<String>, &Distinct<'_>)| {
            let mentions = if d.agency {
                with_kept(&AGENCY_WORKSPACE, |w| {
                    self.placed_mentions(&items, provinces, w)
                })
            } else {
                Vec::new()
            };
            Cell {
                items,
                mentions,
                uses: d.uses,
            }
        };
        let bytes: usize = distinct
            .iter()
            .flat_map(|d| d.lines.iter())
            .map(String::len)
            .sum();
        let document = DOCUMENTS.fetch_add(1, Ordering::Relaxed);
        let restore = |d: &Distinct<'_>| with_workspace(document, |w| restore(w, d));
        if bytes >= PARALLEL_FROM_BYTES && rayon::current_thread_index().is_some() {
            let items: Vec<Vec<String>> = distinct.par_iter().map(restore).collect();
            items.into_par_iter().zip(distinct).map(resolve).collect()
        } else {
            let items: Vec<Vec<String>> = distinct.iter().map(restore).collect();
            items.into_iter().zip(distinct).map(resolve).collect()
        }
    }

    /// The agency mentions of a cell's items, each with the province it
    /// names if `provinces`.
    fn placed_mentions(
        &self,
        items: &[String],
        provinces: bool,
        workspace: &mut agency::Workspace,
    ) -> Vec<Placed> {
        let registry = self.registry();
        let mut placed = Vec::new();
        for item in items {
            registry.each_mention(item, workspace, |m| {
                placed.push(Placed {
                    text: m.text.to_string(),
                    id: m.id.map(String::from),
                    generic: m.generic,
                    province: None,
                });
            });
        }
        if provinces {
            for p in &mut placed {
                p.province = registry.province_with(&p.text, workspace);
            }
        }
        placed
    }

    /// The record `no` from its raw record and its cells as restored: the
    /// next `raw.cells.len()` of `order` say which of `cells` they are. A
    /// cell's text is moved into the record at its last use, cloned before.
    /// `provinces` is set to the provinces its agencies name.
    fn record(
        &self,
        no: u32,
        raw: &RawRecord,
        diagnostics: &mut Vec<Diagnostic>,
        cells: &mut [Cell],
        order: &mut impl Iterator<Item = usize>,
        provinces: &mut Provinces,
    ) -> Record {
        let mut record = Record::new(no, raw.span);
        provinces.iter_mut().for_each(Vec::clear);
        record.sub_gugus_tugas = raw.section.clone();
        record.waktu_pelaksanaan = raw.years.clone();
        for (role, _) in &raw.cells {
            // The cell as restored: one per cell, in order.
            let Some(cell) = order.next().and_then(|at| cells.get_mut(at)) else {
                break;
            };
            cell.uses = cell.uses.saturating_sub(1);
            let last = cell.uses == 0;
            match field_of(role) {
                Some(field) if field.is_agency() => {
                    let slot = Field::AGENCY.iter().position(|f| *f == field);
                    let places = slot.and_then(|i| provinces.get_mut(i));
                    if let (Some(list), Some(places)) = (record.agencies_mut(field), places) {
                        let to = Agencies {
                            list,
                            places,
                            diagnostics,
                        };
                        self.agencies(no, field, raw.span, cell, last, to);
                    }
                }
                Some(field) => {
                    if let Some(list) = record.items_mut(field) {
                        take_items(list, cell, last);
                    }
                }
                None => {
                    if !cell.items.is_empty() {
                        let list = record.extra.entry(role.name()).or_default();
                        take_items(list, cell, last);
                    }
                }
            }
        }
        record
    }

    /// The agency mentions of a cell's items appended to `to.list`, and the
    /// province each names to `to.places` (moved out of the cell at its
    /// `last` use); a mention that names an agency the registry does not
    /// know gets an `unresolved-agency` warning naming the nearest entries.
    fn agencies(
        &self,
        no: u32,
        field: Field,
        span: Span,
        cell: &mut Cell,
        last: bool,
        to: Agencies<'_>,
    ) {
        let Agencies {
            list,
            places,
            diagnostics,
        } = to;
        let registry = self.registry();
        let mut add = |text: String, id: Option<String>, generic: bool, province| {
            if id.is_none() && !generic {
                diagnostics.push(unresolved(registry, &text, no, field, span));
            }
            list.push(Agency { text, id });
            places.push(province);
        };
        // A cell in an agency column had its mentions resolved with it.
        if last {
            for p in std::mem::take(&mut cell.mentions) {
                add(p.text, p.id, p.generic, p.province);
            }
        } else {
            for p in &cell.mentions {
                add(p.text.clone(), p.id.clone(), p.generic, p.province);
            }
        }
    }
}

/// Where the agencies of one cell go: the record's list for its field, the
/// provinces they name, and the warnings for the ones left unresolved.
struct Agencies<'r> {
    list: &'r mut Vec<Agency>,
    places: &'r mut Vec<Option<&'static str>>,
    diagnostics: &'r mut Vec<Diagnostic>,
}

/// The province each agency of a record names, in the order of
/// [`Field::AGENCY`], then of the record's list; kept from one record to
/// the next.
type Provinces = [Vec<Option<&'static str>>; 3];

/// How many agencies of a document name each province, in the order the
/// provinces are first named.
#[derive(Default)]
struct ProvinceCounts {
    counts: Vec<(&'static str, usize)>,
}

impl ProvinceCounts {
    /// Count the provinces one record's agencies name.
    fn add(&mut self, provinces: &Provinces) {
        for &province in provinces.iter().flatten().flatten() {
            match self.counts.iter_mut().find(|(name, _)| *name == province) {
                Some(slot) => slot.1 += 1,
                None => self.counts.push((province, 1)),
            }
        }
    }

    /// The province most agency mentions name; the first-named wins a tie.
    fn most_named(self) -> Option<String> {
        let best = self.counts.iter().map(|(_, c)| *c).max()?;
        self.counts
            .into_iter()
            .find(|(_, c)| *c == best)
            .map(|(p, _)| p.to_string())
    }
}

/// The items of `cell` appended to `list`: moved at the cell's last use
/// (the cell's vector itself when `list` is empty).
fn take_items(list: &mut Vec<String>, cell: &mut Cell, last: bool) {
    if last && list.is_empty() {
        std::mem::swap(list, &mut cell.items);
    } else if last {
        list.append(&mut cell.items);
    } else {
        list.extend(cell.items.iter().cloned());
    }
}

/// Each distinct cell of a parsed document (whether it names agencies,
/// how many cells it is), and which of them each cell of the document is,
/// in the order of the records and their cells. Whole cells repeat within a
/// document (an agency named in every row): each is restored once, and the
/// agencies it names resolved once.
fn distinct_cells(parsed: &Parsed) -> (Vec<Distinct<'_>>, Vec<usize>) {
    // Room for every cell at once: growing the table rehashes what it
    // holds, which cost as much as filling it.
    let cells: usize = parsed.records.iter().map(|raw| raw.cells.len()).sum();
    let mut distinct: Vec<Distinct<'_>> = Vec::with_capacity(cells);
    let mut index: HashMap<&[String], usize, BuildHasherDefault<WordHasher>> =
        HashMap::with_capacity_and_hasher(cells, BuildHasherDefault::default());
    let mut order = Vec::with_capacity(cells);
    for raw in &parsed.records {
        for (role, cell) in &raw.cells {
            let next = distinct.len();
            let at = *index.entry(&cell.lines).or_insert(next);
            if at == next {
                distinct.push(Distinct {
                    lines: &cell.lines,
                    agency: false,
                    uses: 0,
                });
            }
            if let Some(d) = distinct.get_mut(at) {
                d.agency |= field_of(role).is_some_and(Field::is_agency);
                d.uses += 1;
            }
            order.push(at);
        }
    }
    (distinct, order)
}

/// Numbers the documents normalised, so that a thread's workspace knows
/// when it starts on another.
static DOCUMENTS: AtomicU64 = AtomicU64::new(1);

/// What a thread keeps from one job to the next, boxed so that lending
/// it out moves a pointer, not the buffers' many fields.
type Kept<W> = RefCell<Option<Box<W>>>;

thread_local! {
    /// Each thread's workspace, kept from one document to the next: a
    /// rayon pool splits a document's cells into many jobs, and a fresh
    /// workspace per job would grow its buffers and learn the document's
    /// words again each time.
    static WORKSPACE: Kept<Workspace> = const { RefCell::new(None) };
}

thread_local! {
    /// Each thread's buffers for resolving agency mentions, kept from one
    /// cell to the next.
    static AGENCY_WORKSPACE: Kept<agency::Workspace> = const { RefCell::new(None) };
}

/// `f` with this thread's workspace, started on `document` (a fresh one
/// while a thread is being torn down).
fn with_workspace<R>(document: u64, f: impl FnOnce(&mut Workspace) -> R) -> R {
    with_kept(&WORKSPACE, |workspace| {
        workspace.start_document(document);
        f(workspace)
    })
}

/// `f` with what this thread keeps in `key`: a fresh one the first time,
/// while a thread is being torn down, or if `f` itself asks for it again.
fn with_kept<W: Default + 'static, R>(
    key: &'static LocalKey<Kept<W>>,
    f: impl FnOnce(&mut W) -> R,
) -> R {
    let take = |cell: &Kept<W>| cell.try_borrow_mut().ok().and_then(|mut kept| kept.take());
    let mut kept = key.try_with(take).ok().flatten().unwrap_or_default();
    let out = f(&mut kept);
    let _gone = key.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(kept);
        }
    });
    out
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

/// One distinct cell of a document, as found among its records.
struct Distinct<'p> {
    lines: &'p [String],
    /// Whether it stands in an agency column (at least once).
    agency: bool,
    /// How many cells of the document it is.
    uses: usize,
}

/// One distinct cell of a document, restored: its items and, for a cell
/// in an agency column, the agency mentions of each item.
struct Cell {
    items: Vec<String>,
    mentions: Vec<Placed>,
    /// How many cells of the document it is that are not yet in a record.
    uses: usize,
}

/// An agency mention and the province it names, if that was asked for.
struct Placed {
    /// The text of the mention.
    text: String,
    /// The registry id, if it resolves.
    id: Option<String>,
    /// Whether it is a generic phrase that names no agency.
    generic: bool,
    province: Option<&'static str>,
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
