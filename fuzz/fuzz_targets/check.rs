//! Invariants every fuzz target checks on what the library returns.
// Each target uses only some of these helpers.
#![allow(dead_code)]

use pergub::{Document, Normaliser, Pipeline, Span, SCHEMA_ID};
use std::sync::OnceLock;

/// The default pipeline, built once per process.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

/// The default normaliser, built once per process.
pub fn normaliser() -> &'static Normaliser {
    static NORMALISER: OnceLock<Normaliser> = OnceLock::new();
    NORMALISER.get_or_init(Normaliser::new)
}

/// A restored item: non-empty, trimmed, whitespace collapsed.
pub fn clean_item(item: &str) {
    assert!(!item.is_empty(), "empty item");
    assert_eq!(item, item.trim(), "item not trimmed: {item:?}");
    assert!(
        !item.split(char::is_whitespace).any(str::is_empty),
        "whitespace not collapsed: {item:?}"
    );
}

fn span(span: &Span, input_len: usize) {
    assert!(span.start() >= 1, "span starts before 1: {span:?}");
    assert!(span.start() <= span.end(), "span backwards: {span:?}");
    if let Span::Lines(_) = span {
        // A text input of n bytes has at most n + 1 lines.
        assert!(
            span.end() as usize <= input_len + 1,
            "span past the end of the input: {span:?}"
        );
    }
}

/// A document is consistent and survives a JSON round trip.
pub fn document(doc: &Document, input_len: usize) {
    assert_eq!(doc.schema, SCHEMA_ID);
    for (index, record) in doc.records.iter().enumerate() {
        assert_eq!(
            record.no as usize,
            index + 1,
            "records are numbered in order"
        );
        span(&record.source, input_len);
        assert!(
            record.waktu_pelaksanaan.windows(2).all(|w| w[0] < w[1]),
            "years not strictly ascending: {:?}",
            record.waktu_pelaksanaan
        );
        let texts = [
            &record.masalah,
            &record.kegiatan,
            &record.indikator.proses,
            &record.indikator.hasil,
            &record.indikator.target,
            &record.kelompok_sasaran,
        ];
        for item in texts.into_iter().flatten() {
            clean_item(item);
        }
        let agencies = [
            &record.instansi,
            &record.penanggung_jawab,
            &record.pelaksana,
        ];
        for agency in agencies.into_iter().flatten() {
            clean_item(&agency.text);
        }
    }
    for diagnostic in &doc.diagnostics {
        assert!(!diagnostic.code.is_empty(), "diagnostic without code");
        assert!(!diagnostic.message.is_empty(), "diagnostic without message");
        if let Some(no) = diagnostic.record {
            assert!(
                no >= 1 && no as usize <= doc.records.len(),
                "diagnostic points at record {no} of {}",
                doc.records.len()
            );
        }
        if let Some(s) = &diagnostic.span {
            span(s, input_len);
        }
    }
    let json = serde_json::to_string(doc).expect("a document serialises");
    let back: Document = serde_json::from_str(&json).expect("a document reads back");
    assert_eq!(&back, doc, "JSON round trip changed the document");
}
