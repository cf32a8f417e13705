//! The normaliser restores a document's cells in parallel on the current
//! rayon pool; the result must not depend on how many threads there are.

use pergub_model::Format;
use pergub_normaliser::{Normalised, Normaliser};

/// The documents of `fixtures/documents`, Markdown and the seed's text.
fn documents() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/documents");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures/documents is readable") {
        let path = entry.expect("a directory entry").path();
        let name = path.display().to_string();
        if name.ends_with(".md") || name.ends_with(".txt") {
            out.push((name, std::fs::read(&path).expect("a fixture is readable")));
        }
    }
    out.sort();
    out
}

fn normalise_on(threads: usize, normaliser: &Normaliser, bytes: &[u8]) -> Normalised {
    let parsed = pergub_parser::parse(bytes, Format::Markdown).expect("a fixture parses");
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(|| normaliser.normalise(&parsed))
}

/// The first difference between two results, named by record and field.
fn first_difference(one: &Normalised, many: &Normalised) -> Option<String> {
    if one.records.len() != many.records.len() {
        return Some(format!(
            "{} records on one thread, {} on four",
            one.records.len(),
            many.records.len()
        ));
    }
    for (a, b) in one.records.iter().zip(&many.records) {
        if a != b {
            return Some(format!("record {}: {:?}\n  against {:?}", a.no, a, b));
        }
    }
    if one.diagnostics != many.diagnostics {
        return Some(format!(
            "diagnostics: {:?}\n  against {:?}",
            one.diagnostics, many.diagnostics
        ));
    }
    (one.province != many.province)
        .then(|| format!("province {:?} against {:?}", one.province, many.province))
}

#[test]
fn one_thread_and_four_give_the_same_records() {
    let normaliser = Normaliser::new();
    let documents = documents();
    assert!(documents.len() >= 5, "the fixture documents are found");
    for (name, bytes) in &documents {
        let one = normalise_on(1, &normaliser, bytes);
        let many = normalise_on(4, &normaliser, bytes);
        assert!(!one.records.is_empty(), "{name}: records are read");
        if let Some(difference) = first_difference(&one, &many) {
            panic!("{name}: {difference}");
        }
    }
}
