//! The PDF path against pdf-extract's plain `extract_text` on the same
//! files, per fixture:
//!
//! - `pdf-extract/extract_text`: pdf-extract's plain text, no positions;
//! - `pergub/words`: our text extraction (glyphs, words, rulings);
//! - `pergub/read`: the above plus table reconstruction (a `RawDocument`);
//! - `pergub/parse`: the above plus header roles and record assembly.
//!
//! Table reconstruction is what `pergub/read` and `pergub/parse` add on top
//! of text extraction.
#![expect(
    missing_docs,
    reason = "criterion's macros generate undocumented items"
)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pergub_model::Format;
use std::path::Path;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf") && !p.ends_with("encrypted.pdf"))
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect();
    files.sort();
    files
}

fn pdf(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf");
    group.sample_size(20);
    for (name, bytes) in fixtures() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("pdf-extract/extract_text", &name),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes)).ok()
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("pergub/words", &name),
            &bytes,
            |b, bytes| b.iter(|| pergub_parser::pdf::pages(bytes, &mut Vec::new())),
        );
        group.bench_with_input(
            BenchmarkId::new("pergub/read", &name),
            &bytes,
            |b, bytes| b.iter(|| pergub_parser::pdf::read(bytes, &mut Vec::new())),
        );
        group.bench_with_input(
            BenchmarkId::new("pergub/parse", &name),
            &bytes,
            |b, bytes| b.iter(|| pergub_parser::parse(bytes, Format::Pdf)),
        );
    }
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
