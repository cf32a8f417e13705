//! `pergub batch`: many inputs, extracted in parallel into a directory.
//!
//! Inputs are expanded up front (files, directories walked recursively,
//! glob patterns) into a list of paths, so that the progress bar knows its
//! length; each file is read only when a worker takes it, and each document
//! is written out and dropped as soon as it is done.

use crate::input::pipeline;
use crate::PipelineArgs;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use pergub::{BatchInput, Document, Loaded, Outcome};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Arguments of `pergub batch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (walked recursively for .md, .markdown, .txt,
    /// .html, .htm, .xhtml and .pdf files) or quoted glob patterns.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Directory for one JSON per input, named after the input (`plan.md`
    /// gives `plan.json`; files found in a directory keep their relative path).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Worker threads; 0 uses every core. A document's own parallel work
    /// shares these threads, so no more run at once.
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Also write every record of every document to this JSON Lines file,
    /// one record per line with a "file" key naming its input. Lines come in
    /// the order documents finish.
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// Extensions of the documents taken from a directory.
const DOCUMENT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm", "xhtml", "pdf"];

/// One input file of a batch and where its JSON goes.
#[derive(Debug)]
struct FileInput {
    /// The path as found.
    path: PathBuf,
    /// The JSON's path relative to the output directory.
    target: PathBuf,
    /// Why there is nothing to read here (a pattern that matches nothing).
    missing: Option<String>,
}

impl BatchInput for FileInput {
    fn name(&self) -> String {
        crate::input::source_name(&self.path)
    }

    fn load(&self) -> Result<Loaded<'_>, pergub::Error> {
        let read_error = |source| pergub::Error::Read {
            name: self.path.display().to_string(),
            source,
        };
        if let Some(why) = &self.missing {
            return Err(read_error(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                why.clone(),
            )));
        }
        let bytes = std::fs::read(&self.path).map_err(read_error)?;
        let format = pergub::detect_format(self.path.to_str(), &bytes);
        Ok(Loaded {
            bytes: Cow::Owned(bytes),
            format,
        })
    }
}

/// Run `pergub batch`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = pipeline(&args.pipeline)?;
    let inputs = expand(&args.inputs);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create output directory", args.out.display()))?;
    let jsonl = match &args.jsonl {
        Some(path) => Some(Mutex::new(BufWriter::new(
            File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        ))),
        None => None,
    };

    let bar = progress_bar(inputs.len() as u64);
    let write_failures = AtomicUsize::new(0);
    let report = |line: String| bar.suspend(|| eprintln!("pergub: {line}"));
    let summary = pipeline
        .batch()
        .jobs(args.jobs)
        .run(inputs, |outcome: Outcome<FileInput>| {
            let path = outcome.input.path.display().to_string();
            match outcome.result {
                Ok(doc) => {
                    let target = args.out.join(&outcome.input.target);
                    if let Err(e) = write_document(&doc, &target, &path, jsonl.as_ref()) {
                        write_failures.fetch_add(1, Ordering::Relaxed);
                        report(format!("{path}: {e:#}"));
                    }
                }
                Err(pergub::Error::Read { source, .. }) => {
                    report(format!("{path}: cannot read: {source}"));
                }
                Err(e) => report(format!("{path}: cannot extract: {e}")),
            }
            bar.inc(1);
        });
    bar.finish_and_clear();
    if let Some(jsonl) = jsonl {
        let path = args.jsonl.as_deref().unwrap_or(Path::new("-"));
        jsonl
            .into_inner()
            .map_err(|_| anyhow::anyhow!("{}: cannot write", path.display()))?
            .flush()
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }

    let failures = summary.failures + write_failures.into_inner();
    let seconds = summary.elapsed.as_secs_f64();
    let rate = |n: f64| if seconds > 0.0 { n / seconds } else { 0.0 };
    eprintln!(
        "pergub: {} documents, {} records, {} errors, {} warnings, {} failures in {:.2} s ({:.0} documents/s, {:.1} MB/s, {} jobs)",
        summary.documents,
        summary.records,
        summary.errors,
        summary.warnings,
        failures,
        seconds,
        rate(summary.documents as f64),
        rate(summary.bytes as f64 / 1e6),
        summary.jobs,
    );
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} ({per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Write one document's JSON, and its records to the JSON Lines file.
fn write_document(
    doc: &Document,
    target: &Path,
    file: &str,
    jsonl: Option<&Mutex<BufWriter<File>>>,
) -> Result<()> {
    let mut json = serde_json::to_string_pretty(doc)?;
    json.push('\n');
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    std::fs::write(target, json).with_context(|| format!("{}: cannot write", target.display()))?;
    if let Some(jsonl) = jsonl {
        let lines = record_lines(doc, file)?;
        let mut out = jsonl.lock().map_err(|_| {
            anyhow::anyhow!("the JSON Lines file is unusable after an earlier fault")
        })?;
        out.write_all(lines.as_bytes())
            .context("cannot write the JSON Lines file")?;
    }
    Ok(())
}

/// The JSON Lines of a document's records: each record's object with a
/// leading `"file"` key.
fn record_lines(doc: &Document, file: &str) -> Result<String> {
    let file = serde_json::to_string(file)?;
    let mut lines = String::new();
    for record in &doc.records {
        let json = serde_json::to_string(record)?;
        lines.push_str("{\"file\":");
        lines.push_str(&file);
        match json.strip_prefix('{') {
            Some(rest) if rest != "}" => {
                lines.push(',');
                lines.push_str(rest);
            }
            _ => lines.push('}'),
        }
        lines.push('\n');
    }
    Ok(lines)
}

/// Expand the command line's inputs into files, in order, each with a
/// distinct output name.
fn expand(args: &[PathBuf]) -> Vec<FileInput> {
    let mut found: Vec<(PathBuf, PathBuf, Option<String>)> = Vec::new();
    for arg in args {
        if arg.is_dir() {
            walk(arg, &mut found);
        } else if arg.exists() || !is_pattern(arg) {
            // A missing file is kept: reading it reports the failure.
            let name = arg
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| arg.clone());
            found.push((arg.clone(), name, None));
        } else {
            let before = found.len();
            let pattern = arg.to_string_lossy();
            match glob::glob(&pattern) {
                Ok(paths) => {
                    for path in paths.flatten() {
                        if path.is_dir() {
                            walk(&path, &mut found);
                        } else {
                            let name = path
                                .file_name()
                                .map(PathBuf::from)
                                .unwrap_or_else(|| path.clone());
                            found.push((path, name, None));
                        }
                    }
                    if found.len() == before {
                        found.push((
                            arg.clone(),
                            PathBuf::new(),
                            Some("no file matches this pattern".into()),
                        ));
                    }
                }
                Err(e) => found.push((
                    arg.clone(),
                    PathBuf::new(),
                    Some(format!("invalid pattern: {e}")),
                )),
            }
        }
    }
    let mut taken = HashSet::new();
    found
        .into_iter()
        .map(|(path, relative, missing)| {
            let target = target_name(&relative, &mut taken);
            FileInput {
                path,
                target,
                missing,
            }
        })
        .collect()
}

fn is_pattern(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '['])
}

/// Documents under `dir`, sorted, with their paths relative to `dir`.
fn walk(dir: &Path, found: &mut Vec<(PathBuf, PathBuf, Option<String>)>) {
    let before = found.len();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_document(entry.path()) => {
                let relative = entry
                    .path()
                    .strip_prefix(dir)
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|_| entry.path().to_path_buf());
                found.push((entry.path().to_path_buf(), relative, None));
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                found.push((path, PathBuf::new(), Some(e.to_string())));
            }
        }
    }
    if found.len() == before {
        found.push((
            dir.to_path_buf(),
            PathBuf::new(),
            Some("no documents (.md, .txt, .html, .pdf, ...) in this directory".into()),
        ));
    }
}

fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        DOCUMENT_EXTENSIONS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(e))
    })
}

/// The output file for an input at `relative`: its extension becomes
/// `.json`; if another input already has that name, the whole name plus
/// `.json` is used, then a number.
fn target_name(relative: &Path, taken: &mut HashSet<PathBuf>) -> PathBuf {
    if relative.as_os_str().is_empty() {
        return PathBuf::new();
    }
    let mut candidates = vec![relative.with_extension("json")];
    let mut whole = relative.as_os_str().to_owned();
    whole.push(".json");
    candidates.push(PathBuf::from(&whole));
    let mut n = 2;
    loop {
        if let Some(free) = candidates.iter().find(|c| !taken.contains(*c)) {
            taken.insert(free.clone());
            return free.clone();
        }
        let mut numbered = relative.as_os_str().to_owned();
        numbered.push(format!("-{n}.json"));
        candidates = vec![PathBuf::from(numbered)];
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_keep_the_input_name_and_never_collide() {
        let mut taken = HashSet::new();
        let names: Vec<PathBuf> = [
            "a/plan.md",
            "a/plan.txt",
            "a/plan.md",
            "a/plan.md",
            "b/plan.md",
        ]
        .iter()
        .map(|p| target_name(Path::new(p), &mut taken))
        .collect();
        let expected: Vec<PathBuf> = [
            "a/plan.json",
            "a/plan.txt.json",
            "a/plan.md.json",
            "a/plan.md-2.json",
            "b/plan.json",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(names, expected);
    }

    #[test]
    fn only_document_extensions_are_taken_from_directories() {
        assert!(is_document(Path::new("x/plan.MD")));
        assert!(is_document(Path::new("plan.pdf")));
        assert!(!is_document(Path::new("plan.json")));
        assert!(!is_document(Path::new("README")));
    }
}
