//! `pergub check`.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `pergub check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents to check.
    #[arg(required = true, value_name = "FILE")]
    inputs: Vec<PathBuf>,
}

/// Run `pergub check`.
pub fn run(args: Args) -> Result<ExitCode> {
    anyhow::bail!("check is not available yet ({} inputs)", args.inputs.len())
}
