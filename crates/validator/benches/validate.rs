//! `Validator::validate` on the seed document, for profiling the rules
//! without the earlier stages.
//!
//! `cargo bench -p pergub-validator --bench validate` extracts the seed
//! once (parser and normaliser, as the facade does), then prints the
//! fastest of many `validate` calls. `-- --calls N` makes exactly N calls
//! and prints nothing, for `perf record` or `valgrind --tool=callgrind`.
//! `-- --pool` makes the calls inside a rayon pool (`RAYON_NUM_THREADS`
//! threads), as the CLI extracts a large input: the rules of a large
//! document then run in parallel. Without it they run on the main thread.
//! `-- --doc FILE.json` validates a document `pergub extract` wrote instead
//! of the seed (its diagnostics are kept as the earlier stages'), so that
//! figures stay comparable while the earlier stages change.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use pergub_model::{Document, Format, Source};
use pergub_normaliser::Normaliser;
use pergub_validator::Validator;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../../../seeds/000_861539b47a742229.txt");

/// The seed as the pipeline hands it to the validator.
fn seed_document(normaliser: &Normaliser) -> Document {
    let parsed = pergub_parser::parse(SEED.as_bytes(), Format::Markdown).unwrap();
    let normalised = normaliser.normalise(&parsed);
    let mut meta = parsed.meta.clone();
    meta.province = normalised.province.clone();
    let mut doc = Document::new(Source::new("seed.txt", Format::Markdown), meta);
    doc.records = normalised.records;
    doc.diagnostics = parsed.diagnostics;
    doc.diagnostics.extend(normalised.diagnostics);
    doc
}

/// The value after `flag` on the command line.
fn option<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == flag)?;
    args.get(at + 1).map(String::as_str)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let normaliser = Normaliser::new();
    let doc = match option(&args, "--doc") {
        Some(path) => serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap(),
        None => seed_document(&normaliser),
    };
    let validator = Validator::new(&normaliser);
    let calls = option(&args, "--calls").and_then(|s| s.parse::<usize>().ok());
    let pool = args
        .iter()
        .any(|a| a == "--pool")
        .then(|| rayon::ThreadPoolBuilder::new().build().unwrap());
    let run = |work: &mut (dyn FnMut() + Send)| match &pool {
        Some(pool) => pool.install(work),
        None => work(),
    };
    if let Some(calls) = calls {
        run(&mut || {
            for _ in 0..calls {
                black_box(validator.validate(black_box(&doc)));
            }
        });
        return;
    }
    // `cargo test` runs each bench once: one call is enough there.
    let rounds = if args.iter().any(|a| a == "--bench") {
        2000
    } else {
        1
    };
    let mut best = Duration::MAX;
    run(&mut || {
        for _ in 0..rounds {
            let t = Instant::now();
            black_box(validator.validate(black_box(&doc)));
            best = best.min(t.elapsed());
        }
    });
    let threads = pool.as_ref().map_or(1, |p| p.current_num_threads());
    println!(
        "validate seed ({} records, {threads} thread(s)): fastest of {rounds}: {:.1} µs",
        doc.records.len(),
        best.as_secs_f64() * 1e6
    );
}
