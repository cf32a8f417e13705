//! The published JSON Schema accepts every document the pipeline emits and
//! rejects documents that break the contract.

use pergub_model::{Document, Format, Source};
use pergub_normaliser::Normaliser;
use pergub_validator::{Validator, SCHEMA};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

/// What the pipeline emits for a Markdown file (the facade's steps).
fn extract(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap();
    let parsed = pergub_parser::parse(&bytes, Format::Markdown).unwrap();
    let normaliser = Normaliser::new();
    let normalised = normaliser.normalise(&parsed);
    let mut meta = parsed.meta.clone();
    meta.province = normalised.province.clone();
    let name = path.file_name().unwrap().to_string_lossy();
    let mut doc = Document::new(Source::new(name, Format::Markdown), meta);
    doc.records = normalised.records;
    doc.diagnostics = parsed.diagnostics;
    doc.diagnostics.extend(normalised.diagnostics);
    let found = Validator::new(&normaliser).validate(&doc);
    doc.diagnostics.extend(found);
    serde_json::to_value(&doc).unwrap()
}

fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn files(dir: &str, suffix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    out.sort();
    out
}

#[test]
fn the_schema_file_is_what_the_crate_publishes() {
    let on_disk = std::fs::read_to_string(root().join("schemas/pergub-rad-1.json")).unwrap();
    assert_eq!(on_disk, SCHEMA);
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    assert_eq!(
        schema["properties"]["schema"]["const"],
        pergub_model::SCHEMA_ID
    );
}

#[test]
fn every_document_the_pipeline_emits_validates() {
    let validator = schema();
    let mut inputs = files("seeds", ".txt");
    inputs.extend(files("fixtures/defects", ".md"));
    assert!(inputs.len() >= 2, "no inputs found");
    for input in inputs {
        let doc = extract(&input);
        assert_eq!(
            errors(&validator, &doc),
            Vec::<String>::new(),
            "{}",
            input.display()
        );
    }
}

#[test]
fn the_reference_documents_validate() {
    let validator = schema();
    let expected = files("fixtures/documents", ".expected.json");
    assert!(!expected.is_empty());
    for path in expected {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            errors(&validator, &doc),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
    }
}

fn minimal() -> Value {
    json!({
        "schema": "pergub-rad/1",
        "source": { "name": "plan.pdf", "format": "pdf" },
        "document": { "title": null, "regulation": null, "province": null, "period": [2024, 2026] },
        "records": [{
            "no": 1,
            "sub_gugus_tugas": null,
            "instansi": [{ "text": "Dinas Sosial", "id": "DINSOS" }],
            "masalah": [], "kegiatan": ["Pelatihan"],
            "indikator": { "proses": [], "hasil": [], "target": [] },
            "waktu_pelaksanaan": [2024],
            "penanggung_jawab": [], "pelaksana": [{ "text": "Masyarakat", "id": null }],
            "kelompok_sasaran": [],
            "extra": { "anggaran": ["Rp 10 juta"] },
            "source": { "pages": [3, 4] }
        }],
        "diagnostics": [
            { "severity": "warning", "code": "stray-mark", "message": "m", "record": 1, "field": "indikator.target", "pages": [3, 3] },
            { "severity": "error", "code": "no-table", "message": "m" }
        ]
    })
}

#[test]
fn pages_extra_columns_and_document_level_diagnostics_are_allowed() {
    assert_eq!(errors(&schema(), &minimal()), Vec::<String>::new());
}

/// Breaks one rule of the contract in a valid document.
type Breakage = fn(&mut Value);

#[test]
fn documents_that_break_the_contract_are_rejected() {
    let validator = schema();
    let breakages: [(&str, Breakage); 8] = [
        ("wrong schema id", |d| d["schema"] = json!("pergub-rad/2")),
        ("unknown format", |d| d["source"]["format"] = json!("docx")),
        ("record numbered 0", |d| d["records"][0]["no"] = json!(0)),
        ("text column not an array", |d| {
            d["records"][0]["kegiatan"] = json!("Pelatihan")
        }),
        ("agency without id key", |d| {
            d["records"][0]["instansi"][0] = json!({ "text": "Dinas Sosial" })
        }),
        ("span with lines and pages", |d| {
            d["records"][0]["source"] = json!({ "lines": [1, 1], "pages": [1, 1] })
        }),
        ("diagnostic with a bad severity", |d| {
            d["diagnostics"][0]["severity"] = json!("fatal")
        }),
        ("diagnostic code not kebab-case", |d| {
            d["diagnostics"][0]["code"] = json!("Stray Mark")
        }),
    ];
    for (what, break_it) in breakages {
        let mut doc = minimal();
        break_it(&mut doc);
        assert!(
            !errors(&validator, &doc).is_empty(),
            "accepted a document with {what}"
        );
    }
}
