//! Each stage and the whole pipeline on the seed, against a floor:
//! pulldown-cmark parsing the same Markdown with tables enabled, the least
//! any Markdown reader spends.
//!
//! `cargo bench -p pergub --bench pipeline` runs the divan benchmarks, then
//! measures the ratio whole pipeline / floor in the same process and prints
//! it (interleaved rounds, fastest call of each, so that both see the same
//! machine load). The pipeline runs on a pool of every core, as `pergub
//! extract` runs it (a document is restored and checked in parallel inside
//! a pool); its ratio on one thread is printed too. The normaliser, validator
//! and whole-pipeline benches run on that pool as well.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod corpus;

/// The allocator of the `pergub` binary, so that the benches measure what
/// the command runs (the floor runs with it too).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
#[cfg(not(target_env = "msvc"))]
const ALLOCATOR_NAME: &str = "jemalloc, as the pergub binary";
#[cfg(target_env = "msvc")]
const ALLOCATOR_NAME: &str = "the system's, as the pergub binary";

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use pergub::{Format, Pipeline};
use pulldown_cmark::{Options, Parser};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn seed() -> &'static str {
    static SEED: OnceLock<String> = OnceLock::new();
    SEED.get_or_init(corpus::seed)
}

/// Documents growing by whole pages, to show super-linear behaviour.
fn grown(pages: usize) -> String {
    let seed = seed();
    let start = seed.find("\n|").unwrap_or(0);
    let (head, tables) = seed.split_at(start);
    let mut out = head.to_string();
    for _ in 0..pages {
        out.push_str(tables);
        out.push('\n');
    }
    out
}

/// A pool of every core: the normaliser and validator work in parallel
/// only inside a pool, as `pergub extract` runs them.
fn all_cores() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().build().unwrap())
}

fn floor(text: &str) -> usize {
    Parser::new_ext(text, Options::ENABLE_TABLES).count()
}

fn bytes() -> BytesCount {
    BytesCount::new(seed().len())
}

#[divan::bench]
fn floor_pulldown_cmark(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| floor(black_box(seed())));
}

#[divan::bench]
fn stage_1_read_markdown(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        let mut diagnostics = Vec::new();
        pergub_parser::read(
            black_box(seed().as_bytes()),
            Format::Markdown,
            &mut diagnostics,
        )
    });
}

#[divan::bench]
fn stage_2_assemble(bencher: Bencher) {
    let mut diagnostics = Vec::new();
    let raw = pergub_parser::read(seed().as_bytes(), Format::Markdown, &mut diagnostics).unwrap();
    bencher
        .counter(bytes())
        .bench(|| pergub_parser::assemble::assemble(black_box(&raw)));
}

#[divan::bench]
fn stage_3_normalise(bencher: Bencher) {
    let parsed = pergub_parser::parse(seed().as_bytes(), Format::Markdown).unwrap();
    let normaliser = pergub_normaliser::Normaliser::new();
    bencher
        .counter(bytes())
        .bench(|| all_cores().install(|| normaliser.normalise(black_box(&parsed))));
}

#[divan::bench]
fn stage_4_validate(bencher: Bencher) {
    let doc = Pipeline::new()
        .extract(seed().as_bytes(), Format::Markdown, "seed.txt")
        .unwrap();
    let validator = pergub_validator::Validator::new(&pergub_normaliser::Normaliser::new());
    bencher
        .counter(bytes())
        .bench(|| all_cores().install(|| validator.validate(black_box(&doc))));
}

#[divan::bench]
fn stage_5_json(bencher: Bencher) {
    let doc = Pipeline::new()
        .extract(seed().as_bytes(), Format::Markdown, "seed.txt")
        .unwrap();
    bencher
        .counter(bytes())
        .bench(|| serde_json::to_string_pretty(black_box(&doc)).unwrap());
}

#[divan::bench]
fn whole_pipeline(bencher: Bencher) {
    let pipeline = Pipeline::new();
    bencher.counter(bytes()).bench(|| {
        all_cores().install(|| {
            pipeline
                .extract(black_box(seed().as_bytes()), Format::Markdown, "seed.txt")
                .unwrap()
        })
    });
}

/// What every `pergub` process does before reading its input: build a
/// pipeline from the embedded data (the first load happens once per
/// process and is not repeated here; `hyperfine` measures it).
#[divan::bench]
fn startup_pipeline_from_embedded_data() -> Pipeline {
    let normaliser = pergub::Normaliser::with_data(
        pergub::Lexicon::embedded().clone(),
        pergub::Registry::embedded().clone(),
    );
    Pipeline::builder().normaliser(normaliser).build()
}

#[divan::bench(args = [1, 4, 16])]
fn whole_pipeline_pages(bencher: Bencher, pages: usize) {
    let text = grown(pages);
    let pipeline = Pipeline::new();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        all_cores().install(|| {
            pipeline
                .extract(black_box(text.as_bytes()), Format::Markdown, "grown.md")
                .unwrap()
        })
    });
}

#[divan::bench(args = [1, 4, 16])]
fn floor_pulldown_cmark_pages(bencher: Bencher, pages: usize) {
    let text = grown(pages);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| floor(black_box(&text)));
}

/// Rounds of the closing measurement, each timing the floor, the pipeline
/// on all cores and on one thread for 200 ms: on a shared machine the
/// pipeline on two cores needs both free at once, which more rounds find.
const ROUNDS: usize = 15;

/// The fastest single call of `f` over at least `min` of calls (the
/// fastest call is the one least disturbed by other load on the machine).
fn fastest_call(mut f: impl FnMut(), min: Duration) -> Duration {
    let mut calls = 0u32;
    let mut best = Duration::MAX;
    let start = Instant::now();
    while start.elapsed() < min || calls < 3 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        calls += 1;
    }
    best
}

fn ratio() {
    let text = seed();
    let pipeline = Pipeline::new();
    let whole = || {
        black_box(
            pipeline
                .extract(black_box(text.as_bytes()), Format::Markdown, "seed.txt")
                .unwrap(),
        );
    };
    let floor_once = || {
        black_box(floor(black_box(text)));
    };
    // Inside a pool the pipeline restores and checks a document in
    // parallel: measured on a pool of every core, and on this thread alone.
    let whole_one_thread = whole;
    let whole = || all_cores().install(whole_one_thread);
    let (mut best_floor, mut best_whole, mut best_one) =
        (Duration::MAX, Duration::MAX, Duration::MAX);
    for _ in 0..ROUNDS {
        best_floor = best_floor.min(fastest_call(&floor_once, Duration::from_millis(200)));
        best_whole = best_whole.min(fastest_call(&whole, Duration::from_millis(200)));
        best_one = best_one.min(fastest_call(&whole_one_thread, Duration::from_millis(200)));
    }
    let mb = text.len() as f64 / 1e6;
    let ratio = best_whole.as_secs_f64() / best_floor.as_secs_f64();
    let ratio_one = best_one.as_secs_f64() / best_floor.as_secs_f64();
    println!();
    println!("seed: {} bytes", text.len());
    println!(
        "floor (pulldown-cmark, tables): {:>9.1} µs  {:>7.1} MB/s",
        best_floor.as_secs_f64() * 1e6,
        mb / best_floor.as_secs_f64()
    );
    println!(
        "whole pipeline:                 {:>9.1} µs  {:>7.1} MB/s  {:>7.0} documents/s",
        best_whole.as_secs_f64() * 1e6,
        mb / best_whole.as_secs_f64(),
        1.0 / best_whole.as_secs_f64()
    );
    println!(
        "whole pipeline, one thread:     {:>9.1} µs  {:>7.1} MB/s  {:>7.0} documents/s",
        best_one.as_secs_f64() * 1e6,
        mb / best_one.as_secs_f64(),
        1.0 / best_one.as_secs_f64()
    );
    println!(
        "threads: {}; allocator: {ALLOCATOR_NAME}; ratio on one thread: {ratio_one:.2}",
        all_cores().current_num_threads()
    );
    println!(
        "ratio whole pipeline / floor: {ratio:.2} (goal: at most 10) {}",
        if ratio <= 10.0 { "ok" } else { "OVER" }
    );
}

fn main() {
    corpus::bench_then(ratio);
}
