//! End to end on the PDF fixtures (`fixtures/pdf/`, made by
//! `tools/make-pdf-fixtures.sh` with Chromium and LibreOffice from clean
//! expected records): the records must match their source documents.
//!
//! Per fixture: the same number of records in the same order, document
//! metadata equal, text similarity (1 - Levenshtein / length over every text
//! field) at least 0.98, years and sections equal on at least 99% of
//! records, and `source.pages` equal to the pages poppler finds.

use pergub::{Format, Pipeline};
use serde_json::Value;
use std::path::{Path, PathBuf};

const TEXT_FIELDS: [&str; 9] = [
    "masalah",
    "kegiatan",
    "indikator.proses",
    "indikator.hasil",
    "indikator.target",
    "kelompok_sasaran",
    "instansi",
    "penanggung_jawab",
    "pelaksana",
];

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf") && !p.ends_with("encrypted.pdf"))
        .collect();
    files.sort();
    files
}

/// A field's items as one string (`text` of agencies), items joined by " | ".
fn field_text(record: &Value, path: &str) -> String {
    let mut v = record;
    for part in path.split('.') {
        v = &v[part];
    }
    let items = v.as_array().cloned().unwrap_or_default();
    items
        .iter()
        .map(|i| {
            i.get("text")
                .unwrap_or(i)
                .as_str()
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - levenshtein(a, b) as f64 / longest as f64
}

#[test]
fn pdf_fixtures_give_their_source_records() {
    let files = fixtures();
    assert!(
        files.len() >= 8,
        "expected Chromium and LibreOffice fixtures of several documents"
    );
    let pipeline = Pipeline::new();
    for pdf in files {
        let name = pdf.file_name().unwrap().to_string_lossy().into_owned();
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(pdf.with_extension("expected.json")).unwrap(),
        )
        .unwrap();
        let doc = pipeline
            .extract(&std::fs::read(&pdf).unwrap(), Format::Pdf, &name)
            .unwrap();
        let got = serde_json::to_value(&doc).unwrap();
        assert_eq!(got["source"]["format"], "pdf", "{name}");
        assert_eq!(
            got["document"], expected["document"],
            "{name}: document metadata"
        );
        let (want, have) = (
            expected["records"].as_array().unwrap(),
            got["records"].as_array().unwrap(),
        );
        assert_eq!(have.len(), want.len(), "{name}: record count");
        let (mut similar, mut fields, mut years, mut sections) = (0.0, 0usize, 0usize, 0usize);
        for (w, h) in want.iter().zip(have) {
            for field in TEXT_FIELDS {
                similar += similarity(&field_text(w, field), &field_text(h, field));
                fields += 1;
            }
            years += usize::from(w["waktu_pelaksanaan"] == h["waktu_pelaksanaan"]);
            sections += usize::from(w["sub_gugus_tugas"] == h["sub_gugus_tugas"]);
            assert_eq!(
                h["source"], w["source"],
                "{name}: pages of record {}",
                w["no"]
            );
        }
        let n = want.len() as f64;
        let text = similar / fields as f64;
        assert!(text >= 0.98, "{name}: text similarity {text:.3}");
        assert!(
            years as f64 / n >= 0.99,
            "{name}: years right on {years} of {n}"
        );
        assert!(
            sections as f64 / n >= 0.99,
            "{name}: sections right on {sections} of {n}"
        );
    }
}
