//! HTML and Markdown renderings of one document give the same document.
//!
//! For every Markdown document under `fixtures/documents/` that has an HTML
//! twin under `fixtures/html/` (made by `tools/md2html.py`: the same
//! content, header cells merged with `colspan` / `rowspan`, one `<table>` per
//! page), the two extractions must be identical JSON apart from `source`
//! (the top-level one and each record's). Diagnostics are compared too.
//!
//! Regenerate the twins after changing a Markdown fixture:
//! `python3 tools/md2html.py --dir fixtures/documents --out fixtures/html`.

use pergub::{Format, Pipeline};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// The document as JSON without its `source` fields.
fn without_sources(doc: &pergub::Document) -> Value {
    let mut value = serde_json::to_value(doc).unwrap();
    if let Some(obj) = value.as_object_mut() {
        obj.remove("source");
    }
    if let Some(records) = value.get_mut("records").and_then(Value::as_array_mut) {
        for record in records {
            if let Some(obj) = record.as_object_mut() {
                obj.remove("source");
            }
        }
    }
    value
}

/// The first place two JSON values differ, as a path.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(p), Some(q)) => first_difference(p, q, &format!("{path}.{k}")),
                _ => Some(format!("{path}.{k} (present in one only)")),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} vs {b}")),
    }
}

#[test]
fn html_twins_extract_like_their_markdown() {
    let pipeline = Pipeline::new();
    let mut compared = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures().join("documents"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    entries.sort();
    for md_path in entries {
        let stem = md_path.file_stem().unwrap().to_string_lossy().into_owned();
        let twin = fixtures().join("html").join(format!("{stem}.html"));
        let Ok(html) = std::fs::read(&twin) else {
            continue;
        };
        let md = std::fs::read(&md_path).unwrap();
        let from_md = pipeline.extract(&md, Format::Markdown, &stem).unwrap();
        let from_html = pipeline.extract(&html, Format::Html, &stem).unwrap();
        assert_eq!(from_html.source.format, Format::Html);
        assert!(!from_md.records.is_empty(), "{stem}: no records");
        let (a, b) = (without_sources(&from_md), without_sources(&from_html));
        if let Some(diff) = first_difference(&a, &b, "") {
            panic!(
                "{stem}: Markdown and HTML differ at {diff} (a stale twin? python3 tools/md2html.py --dir fixtures/documents --out fixtures/html)"
            );
        }
        compared.push(stem);
    }
    assert!(
        compared.iter().any(|s| s.starts_with("000_")),
        "the seed's HTML twin is missing: compared {compared:?}"
    );
}

/// The comparison above must be able to fail: a twin with one cell changed
/// gives another document.
#[test]
fn a_changed_cell_is_noticed() {
    let twin = std::fs::read_to_string(fixtures().join("html/000_861539b47a742229.html")).unwrap();
    let changed = twin.replacen("Belum ada <i>shelter</i>", "Sudah ada <i>shelter</i>", 1);
    assert_ne!(changed, twin);
    let pipeline = Pipeline::new();
    let a = pipeline
        .extract(twin.as_bytes(), Format::Html, "a")
        .unwrap();
    let b = pipeline
        .extract(changed.as_bytes(), Format::Html, "a")
        .unwrap();
    assert!(first_difference(&without_sources(&a), &without_sources(&b), "").is_some());
}
