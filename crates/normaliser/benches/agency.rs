//! Agency resolution over every agency cell of the seed document.
//!
//! `resolve/seed` resolves all items of the seed's three agency columns
//! (restoration done beforehand), reported per mention through
//! `Throughput::Elements`. `resolve/unknown` does the same for cells of
//! unknown agencies, which go through the fuzzy scorer, and `resolve/run-together`
//! for ever longer cells of agencies run together, so that super-linear
//! splitting shows. `registry/build` reads the embedded registry and builds
//! its index.

use criterion::{black_box, criterion_main, BenchmarkId, Criterion, Throughput};
use pergub_model::Format;
use pergub_normaliser::{Normaliser, Registry};
use pergub_parser::ColumnRole;

const SEED: &str = include_str!("../../../seeds/000_861539b47a742229.txt");

fn seed_items(normaliser: &Normaliser) -> Vec<String> {
    let Ok(parsed) = pergub_parser::parse(SEED.as_bytes(), Format::Markdown) else {
        return Vec::new();
    };
    let roles = [
        ColumnRole::Instansi,
        ColumnRole::PenanggungJawab,
        ColumnRole::Pelaksana,
    ];
    parsed
        .records
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter(|(role, _)| roles.contains(role))
        .flat_map(|(_, cell)| normaliser.restorer().items(&cell.lines))
        .collect()
}

fn bench(c: &mut Criterion) {
    let normaliser = Normaliser::new();
    let registry = Registry::embedded();
    let items = seed_items(&normaliser);
    let mentions: usize = items.iter().map(|i| registry.mentions(i).len()).sum();

    let mut group = c.benchmark_group("resolve");
    group.throughput(Throughput::Elements(mentions as u64));
    group.bench_function("seed", |b| {
        b.iter(|| {
            for item in &items {
                black_box(registry.mentions(black_box(item)));
            }
        })
    });
    let unknown = [
        "Badan Pengelola Perbatasan Daerah Provinsi Kalimantan Barat",
        "Kantor Pencarian dan Pertolongan Kupang",
        "Dinas Pengelolaan Sumber Daya Air Kota Batam",
        "Otoritas Jasa Keuangan",
    ];
    group.throughput(Throughput::Elements(unknown.len() as u64));
    group.bench_function("unknown", |b| {
        b.iter(|| {
            for item in &unknown {
                black_box(registry.mentions(black_box(item)));
            }
        })
    });
    group.finish();

    // Reading the registry and building its index, as the first use does.
    let tsv = include_str!("../data/agencies.tsv");
    c.bench_function("registry/build", |b| {
        b.iter(|| black_box(Registry::from_tsv(black_box(tsv)).map(|r| r.entries().len())))
    });

    let mut group = c.benchmark_group("resolve/run-together");
    let unit = "Kanwil Hukum dan HAM NTB BP3TKI Mataram DP3AP2KB Provinsi NTB Kantor Kesehatan Pelabuhan Kelas II Mataram ";
    for n in [1usize, 4, 16] {
        let cell = unit.repeat(n);
        group.throughput(Throughput::Elements(4 * n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &cell, |b, cell| {
            b.iter(|| black_box(registry.mentions(black_box(cell))))
        });
    }
    group.finish();
}

/// The benchmark group (in a module of its own: the macro defines a public function).
mod group {
    criterion::criterion_group!(benches, super::bench);
}
criterion_main!(group::benches);
