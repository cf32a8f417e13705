//! Text restoration throughput.
//!
//! `restore/seed` restores every cell of the seed document (all columns),
//! reported in bytes of cell text through `Throughput::Bytes`.
//! `restore/glued` restores ever longer cells of glued, cut text, so that
//! super-linear behaviour of the segmentation shows as falling MB/s.
//! `lexicon/first_use` measures getting the embedded lexicon (static tables
//! made by the build script: nothing is parsed) and looking a word up;
//! `lexicon/lookup` looks up the words of a sentence, known and unknown.
#![expect(
    missing_docs,
    reason = "criterion's macros generate undocumented functions"
)]

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pergub_model::Format;
use pergub_normaliser::{Lexicon, Normaliser};

const SEED: &str = include_str!("../../../seeds/000_861539b47a742229.txt");

/// The lines of every cell of the seed's plan rows.
fn seed_cells() -> Vec<Vec<String>> {
    let Ok(parsed) = pergub_parser::parse(SEED.as_bytes(), Format::Markdown) else {
        return Vec::new();
    };
    parsed
        .records
        .iter()
        .flat_map(|r| r.cells.iter())
        .map(|(_, cell)| cell.lines.clone())
        .collect()
}

fn restore(c: &mut Criterion) {
    let normaliser = Normaliser::new();
    let restorer = normaliser.restorer();
    let cells = seed_cells();
    let bytes: usize = cells.iter().flatten().map(String::len).sum();
    let mut group = c.benchmark_group("restore");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seed", |b| {
        b.iter(|| {
            for cell in &cells {
                black_box(restorer.items(black_box(cell)));
            }
        })
    });
    // Glued text cut into narrow lines, as PDF columns lose their spaces.
    let sentence = "peningkatanpemahamanmasyarakattentangpencegahanperdaganganorangdidaerahrawan";
    for repeat in [1usize, 4, 16] {
        let text = sentence.repeat(repeat);
        let chars: Vec<char> = text.chars().collect();
        let lines: Vec<String> = chars.chunks(13).map(|c| c.iter().collect()).collect();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("glued", text.len()), &lines, |b, lines| {
            b.iter(|| black_box(restorer.restore(black_box(lines))))
        });
    }
    group.finish();
}

fn lexicon(c: &mut Criterion) {
    c.bench_function("lexicon/first_use", |b| {
        b.iter(|| black_box(Lexicon::embedded().clone().zipf(black_box("penyuluhan"))))
    });
    let lexicon = Lexicon::embedded();
    let words: Vec<&str> = "peningkatan pemahaman masyarakat tentang pencegahan xqzv \
        perdagangan orang didaerah rawan menyebarluaskan anbidangke"
        .split_whitespace()
        .collect();
    c.bench_function("lexicon/lookup", |b| {
        b.iter(|| {
            for word in &words {
                black_box(lexicon.zipf(black_box(word)));
            }
        })
    });
}

criterion_group!(benches, restore, lexicon);
criterion_main!(benches);
