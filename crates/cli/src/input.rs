//! Reading inputs and building the pipeline from command-line options.

use crate::{FormatArg, PipelineArgs};
use anyhow::{Context, Result};
use pergub::{Format, Pipeline};
use std::io::Read;
use std::path::Path;

/// Read a file, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("<stdin>: cannot read standard input")?;
        Ok(bytes)
    } else {
        std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
    }
}

/// The format to read `bytes` as.
pub fn resolve_format(arg: FormatArg, path: &Path, bytes: &[u8]) -> Format {
    match arg {
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
        FormatArg::Pdf => Format::Pdf,
        FormatArg::Auto => pergub::detect_format(path.to_str(), bytes),
    }
}

/// The name recorded as `source.name`: the file name without directories.
pub fn source_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "-".to_string())
}

/// Inputs from this size on are extracted on a pool of every core (the
/// library restores and checks a document in parallel inside a pool); a
/// smaller one is done on the main thread, without starting any thread.
const POOL_FROM_BYTES: usize = 8192;

/// Extract `bytes` with `pipeline`, on every core when the input is large
/// enough (`RAYON_NUM_THREADS` sets how many threads); on this thread when
/// it is small or no thread can be started.
pub fn extract(
    pipeline: &Pipeline,
    bytes: &[u8],
    format: Format,
    name: &str,
) -> Result<pergub::Document, pergub::Error> {
    let work = || pipeline.extract(bytes, format, name);
    if bytes.len() >= POOL_FROM_BYTES {
        if let Ok(pool) = rayon::ThreadPoolBuilder::new().build() {
            return pool.install(work);
        }
    }
    work()
}

/// Build the pipeline the options ask for.
pub fn pipeline(args: &PipelineArgs) -> Result<Pipeline> {
    let mut registry = pergub::Registry::embedded().clone();
    if let Some(path) = &args.agencies {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read agency registry", path.display()))?;
        let extra = pergub::Registry::from_tsv(&text)
            .with_context(|| format!("{}: invalid agency registry", path.display()))?;
        registry.extend(extra);
    }
    let normaliser = pergub::Normaliser::with_data(pergub::Lexicon::embedded().clone(), registry);
    Ok(Pipeline::builder().normaliser(normaliser).build())
}
