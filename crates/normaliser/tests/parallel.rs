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

/// A thread keeps its workspace from one document to the next, and from
/// one normaliser to another: what it learnt of a word with one lexicon
/// must not answer for another lexicon, nor outlive its document.
#[test]
fn a_threads_workspace_answers_for_one_document_and_lexicon_only() {
    let mut lexicon = pergub_normaliser::Lexicon::embedded().clone();
    lexicon.extend_words(["zorba"]);
    let plain = Normaliser::new();
    let extended = Normaliser::with_data(lexicon, pergub_normaliser::Registry::embedded().clone());
    let cell = pergub_parser::Cell::new(vec!["Pelatihankaderzorba pembinaanzorbadesa".to_string()]);
    let parsed = pergub_parser::Parsed {
        records: vec![pergub_parser::RawRecord {
            section: None,
            cells: vec![(pergub_parser::ColumnRole::Kegiatan, cell)],
            years: vec![2024],
            ditto: false,
            span: pergub_model::Span::line(3),
        }],
        ..pergub_parser::Parsed::default()
    };
    let kegiatan = |n: &Normaliser| n.normalise(&parsed).records[0].kegiatan.clone();
    let (plain_first, extended_first) = (kegiatan(&plain), kegiatan(&extended));
    // The added word cuts the glued text where the embedded lexicon does not.
    assert_eq!(plain_first, ["Pelatihan kaderzorba pembinaan zorbadesa"]);
    assert_eq!(
        extended_first,
        ["Pelatihan kader zorba pembinaan zorba desa"]
    );
    // Alternating on this thread, each gives what it gave first.
    for _ in 0..3 {
        assert_eq!(kegiatan(&plain), plain_first);
        assert_eq!(kegiatan(&extended), extended_first);
    }
}
