//! A batch of generated documents through the library's batch API, with one
//! worker and with every core, each document serialised to JSON as the CLI
//! does.
//!
//! `cargo bench -p pergub --bench batch` runs the divan benchmarks, then
//! measures the speed-up of all cores over one in the same process and
//! prints it with documents/s and MB/s.
//!
//! With `PERGUB_WRITE_CORPUS=DIR` (and optionally `PERGUB_CORPUS_SIZE=N`,
//! default 500) it writes the generated documents to DIR instead, for timing
//! the `pergub batch` command itself.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod corpus;

/// The allocator of the `pergub` binary, so that the benches measure what
/// the command runs (the floor runs with it too).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use pergub::{BatchInput, Error, Format, Loaded, Pipeline};
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const DOCUMENTS: usize = 500;

fn documents() -> &'static [(String, String)] {
    static DOCS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    DOCS.get_or_init(|| corpus::generate(&corpus::sources(), DOCUMENTS))
}

fn total_bytes() -> usize {
    documents().iter().map(|(_, d)| d.len()).sum()
}

/// A generated document, borrowed.
struct Generated<'a> {
    name: &'a str,
    text: &'a str,
}

impl BatchInput for Generated<'_> {
    fn name(&self) -> String {
        self.name.to_string()
    }

    fn load(&self) -> Result<Loaded<'_>, Error> {
        Ok(Loaded {
            bytes: Cow::Borrowed(self.text.as_bytes()),
            format: Format::Markdown,
        })
    }
}

/// One batch over every generated document; returns the JSON bytes written.
fn batch(pipeline: &Pipeline, jobs: usize) -> usize {
    let json = AtomicUsize::new(0);
    let inputs = documents()
        .iter()
        .map(|(name, text)| Generated { name, text });
    let summary = pipeline.batch().jobs(jobs).run(inputs, |outcome| {
        let doc = outcome.result.unwrap();
        json.fetch_add(
            serde_json::to_string_pretty(&doc).unwrap().len(),
            Ordering::Relaxed,
        );
    });
    assert_eq!(summary.documents, DOCUMENTS);
    json.into_inner()
}

#[divan::bench(args = [1, 2], sample_count = 2, sample_size = 1)]
fn batch_500_documents(bencher: Bencher, jobs: usize) {
    let pipeline = Pipeline::new();
    bencher
        .counter(ItemsCount::new(DOCUMENTS))
        .counter(BytesCount::new(total_bytes()))
        .bench(|| batch(&pipeline, black_box(jobs)));
}

fn best(rounds: usize, mut f: impl FnMut()) -> Duration {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn speedup() {
    let pipeline = Pipeline::new();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let (mut one, mut all) = (Duration::MAX, Duration::MAX);
    // Interleaved rounds, fastest of each: both see the same machine load.
    for _ in 0..3 {
        one = one.min(best(1, || {
            black_box(batch(&pipeline, 1));
        }));
        all = all.min(best(1, || {
            black_box(batch(&pipeline, cores));
        }));
    }
    let mb = total_bytes() as f64 / 1e6;
    println!();
    println!("batch: {DOCUMENTS} generated documents, {mb:.1} MB");
    for (jobs, t) in [(1, one), (cores, all)] {
        println!(
            "  jobs {jobs}: {:>7.3} s  {:>7.0} documents/s  {:>6.1} MB/s",
            t.as_secs_f64(),
            DOCUMENTS as f64 / t.as_secs_f64(),
            mb / t.as_secs_f64()
        );
    }
    let ratio = one.as_secs_f64() / all.as_secs_f64();
    println!(
        "speed-up jobs {cores} / jobs 1: {ratio:.2} (goal on 2 cores: at least 1.7) {}",
        if ratio >= 1.7 { "ok" } else { "UNDER" }
    );
}

fn write_corpus(dir: &str) {
    let count = std::env::var("PERGUB_CORPUS_SIZE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DOCUMENTS);
    std::fs::create_dir_all(dir).unwrap();
    let docs = corpus::generate(&corpus::sources(), count);
    for (name, text) in &docs {
        std::fs::write(std::path::Path::new(dir).join(name), text).unwrap();
    }
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    println!("wrote {count} documents ({bytes} bytes) to {dir}");
}

fn main() {
    if let Ok(dir) = std::env::var("PERGUB_WRITE_CORPUS") {
        write_corpus(&dir);
        return;
    }
    corpus::bench_then(speedup);
}
