//! `pergub batch`.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `pergub batch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (recursive) or globs.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Directory for one JSON per input.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// Run `pergub batch`.
pub fn run(args: Args) -> Result<ExitCode> {
    anyhow::bail!("batch is not available yet ({} inputs to {})", args.inputs.len(), args.out.display())
}
