//! Raw records to records.

use crate::Normaliser;
use pergub_model::{Agency, Diagnostic, Field, Record};
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
    /// Restore and resolve every raw record of a parsed document.
    pub fn normalise(&self, parsed: &Parsed) -> Normalised {
        let mut out = Normalised::default();
        for (index, raw) in parsed.records.iter().enumerate() {
            let no = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let record = self.record(no, raw, &mut out.diagnostics);
            out.records.push(record);
        }
        out.province = parsed.province_hint.clone();
        out
    }

    fn record(&self, no: u32, raw: &RawRecord, diagnostics: &mut Vec<Diagnostic>) -> Record {
        let mut record = Record::new(no, raw.span);
        record.sub_gugus_tugas = raw.section.clone();
        record.waktu_pelaksanaan = raw.years.clone();
        for (role, cell) in &raw.cells {
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
                    let mentions = self.agencies(&cell.lines);
                    if let Some(list) = record.agencies_mut(field) {
                        list.extend(mentions);
                    }
                }
                Some(field) => {
                    let items = self.restorer().items(&cell.lines);
                    if let Some(list) = record.items_mut(field) {
                        list.extend(items);
                    }
                }
                None => {
                    let items = self.restorer().items(&cell.lines);
                    if !items.is_empty() {
                        record.extra.entry(role.name()).or_default().extend(items);
                    }
                }
            }
        }
        let _ = diagnostics;
        record
    }

    fn agencies(&self, lines: &[String]) -> Vec<Agency> {
        self.restorer()
            .items(lines)
            .iter()
            .flat_map(|item| self.registry().mentions(item))
            .map(|m| Agency { text: m.text, id: m.id })
            .collect()
    }
}
