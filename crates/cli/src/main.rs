//! The `pergub` command-line tool: CLI and glue only; the work is the library's.

mod batch;
mod check;
mod extract;
mod input;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// The allocator of the `pergub` binary (the library leaves the choice to
/// its users): see `docs/performance.md`.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Reconstruct the plan tables of Indonesian RAD regulations (Peraturan
/// Gubernur / Bupati / Wali Kota annexes) into validated pergub-rad/1 JSON.
///
/// Exit codes: 0 ok; 1 the document(s) have error diagnostics (check) or some
/// inputs failed (batch); 2 usage error or unreadable input.
#[derive(Debug, Parser)]
#[command(name = "pergub", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract one document to pergub-rad/1 JSON (stdout, or -o FILE).
    ///
    /// Always emits a complete document: problems become diagnostics in it.
    /// A large document is restored and checked on all cores; the
    /// RAYON_NUM_THREADS environment variable sets how many threads.
    ///
    /// Example: pergub extract seeds/000_861539b47a742229.txt -o plan.json
    Extract(extract::Args),
    /// Check documents and print their diagnostics; exit 1 on errors.
    Check(check::Args),
    /// Extract many files in parallel into a directory, with a progress bar.
    Batch(batch::Args),
    /// Print the JSON Schema of pergub-rad/1.
    Schema,
}

/// Input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// From the file extension and the content.
    Auto,
    /// A PDF converter's Markdown (pipe tables with inline HTML).
    Markdown,
    /// HTML tables.
    Html,
    /// PDF.
    Pdf,
}

/// Options shared by the commands that run the pipeline.
#[derive(Debug, Clone, clap::Args)]
pub struct PipelineArgs {
    /// Extra or overriding agency registry entries (TSV: id, name, aliases separated by |).
    #[arg(long, value_name = "FILE")]
    agencies: Option<PathBuf>,
}

fn main() -> ExitCode {
    // Panics that a reader contains (damaged PDFs) become one clear error
    // line; only an uncontained panic prints its message.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !pergub::panic_is_contained() {
            default_hook(info)
        }
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Check(args) => check::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Schema => {
            println!("{}", pergub::SCHEMA.trim_end());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("pergub: {err:#}");
            ExitCode::from(2)
        }
    }
}
