//! The validator's rules, one file each. Every file documents its code
//! (what it does, why, an example) and tests a malformed input that
//! triggers it and a clean one that does not.

pub(crate) mod duplicate_record;
pub(crate) mod empty_required_field;
pub(crate) mod glued_text;
pub(crate) mod missing_column;
pub(crate) mod mixed_script;
pub(crate) mod no_year_marked;
pub(crate) mod split_word;
pub(crate) mod year_outside_period;

use pergub_model::{Diagnostic, Document, Field, Record};

/// The words a rule may treat as known Indonesian.
pub(crate) trait Vocabulary {
    /// How common `word` (any case) is, as a zipf value (log10 of its
    /// frequency per billion words), if it is a known word.
    fn zipf(&self, word: &str) -> Option<f32>;
    /// Whether `word` (any case) is a known word.
    fn knows(&self, word: &str) -> bool {
        self.zipf(word).is_some()
    }
    /// Whether no word is known at all (rules that need words then stay quiet).
    fn is_empty(&self) -> bool;
}

impl Vocabulary for pergub_normaliser::Lexicon {
    fn zipf(&self, word: &str) -> Option<f32> {
        pergub_normaliser::Lexicon::zipf(self, word)
    }

    fn is_empty(&self) -> bool {
        pergub_normaliser::Lexicon::is_empty(self)
    }
}

/// What every rule reads.
pub(crate) struct Context<'a> {
    /// The finished document, with the earlier stages' diagnostics.
    pub doc: &'a Document,
    /// Known words.
    pub vocabulary: &'a dyn Vocabulary,
}

impl Context<'_> {
    /// Whether an earlier stage already reported `code` for record `no`.
    pub fn reported(&self, no: u32, codes: &[&str]) -> bool {
        self.doc
            .diagnostics
            .iter()
            .any(|d| d.record == Some(no) && codes.contains(&d.code.as_str()))
    }
}

/// The texts of a record's field: items of a text field, mention texts of
/// an agency field, nothing for the years.
pub(crate) fn texts(record: &Record, field: Field) -> Vec<&str> {
    if let Some(items) = record.items(field) {
        items.iter().map(String::as_str).collect()
    } else if let Some(mentions) = record.agencies(field) {
        mentions.iter().map(|m| m.text.as_str()).collect()
    } else {
        Vec::new()
    }
}

/// Whether a record's field holds any text (or any year).
pub(crate) fn is_filled(record: &Record, field: Field) -> bool {
    match field {
        Field::WaktuPelaksanaan => !record.waktu_pelaksanaan.is_empty(),
        _ => texts(record, field).iter().any(|t| !t.trim().is_empty()),
    }
}

/// Run every rule over `cx.doc`.
pub(crate) fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    missing_column::check(cx, &mut out);
    empty_required_field::check(cx, &mut out);
    no_year_marked::check(cx, &mut out);
    year_outside_period::check(cx, &mut out);
    glued_text::check(cx, &mut out);
    split_word::check(cx, &mut out);
    mixed_script::check(cx, &mut out);
    duplicate_record::check(cx, &mut out);
    // Document order: records first by number, document-level ones first.
    out.sort_by_key(|d| d.record.unwrap_or(0));
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Small documents for the rules' tests.

    use super::{Context, Vocabulary};
    use pergub_model::{Agency, Diagnostic, Document, DocumentMeta, Format, Record, Source, Span};
    use std::collections::HashSet;

    /// A vocabulary of the given words.
    pub struct Words(pub HashSet<String>);

    impl Words {
        pub fn of(words: &[&str]) -> Words {
            Words(words.iter().map(|w| w.to_lowercase()).collect())
        }
    }

    impl Vocabulary for Words {
        /// Every listed word is common.
        fn zipf(&self, word: &str) -> Option<f32> {
            self.0.contains(&word.to_lowercase()).then_some(4.0)
        }
        fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }

    /// What one rule finds in `doc`.
    pub fn check_with(
        rule: fn(&Context<'_>, &mut Vec<Diagnostic>),
        doc: &Document,
        vocabulary: &dyn Vocabulary,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        rule(&Context { doc, vocabulary }, &mut out);
        out
    }

    /// `check` with no known words.
    pub fn check_plain(
        rule: fn(&Context<'_>, &mut Vec<Diagnostic>),
        doc: &Document,
    ) -> Vec<Diagnostic> {
        check_with(rule, doc, &Words::of(&[]))
    }

    /// A complete, clean record numbered `no` on line `10 + no`.
    pub fn record(no: u32) -> Record {
        let mut r = Record::new(no, Span::line(10 + no));
        r.instansi = vec![agency("Dinas Sosial Provinsi Jawa Tengah", Some("DINSOS"))];
        r.masalah = vec![format!("Masalah nomor {no}")];
        r.kegiatan = vec![format!("Pelatihan kader ke-{no}")];
        r.indikator.proses = vec!["Rapat koordinasi".into()];
        r.indikator.hasil = vec!["Kader terlatih".into()];
        r.indikator.target = vec!["Jumlah kader meningkat".into()];
        r.waktu_pelaksanaan = vec![2024, 2025];
        r.penanggung_jawab = vec![agency("Dinas Sosial", Some("DINSOS"))];
        r.pelaksana = vec![agency("Instansi terkait", None)];
        r.kelompok_sasaran = vec!["Masyarakat".into()];
        r
    }

    pub fn agency(text: &str, id: Option<&str>) -> Agency {
        Agency {
            text: text.into(),
            id: id.map(String::from),
        }
    }

    /// A document of `records` over the period 2024–2026.
    pub fn document(records: Vec<Record>) -> Document {
        let meta = DocumentMeta {
            title: Some("RENCANA AKSI DAERAH TAHUN 2024-2026".into()),
            period: Some([2024, 2026]),
            ..DocumentMeta::default()
        };
        let mut doc = Document::new(Source::new("plan.md", Format::Markdown), meta);
        doc.records = records;
        doc
    }
}
