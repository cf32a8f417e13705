//! `pergub extract`.

use crate::input::{extract, pipeline, read_input, resolve_format, source_name};
use crate::{FormatArg, PipelineArgs};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `pergub extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The document to read; `-` reads standard input.
    #[arg(value_name = "FILE|-")]
    input: PathBuf,
    /// Input format.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// Write the JSON here instead of standard output.
    #[arg(short, long, value_name = "OUT.json")]
    output: Option<PathBuf>,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// Run `pergub extract`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = pipeline(&args.pipeline)?;
    let bytes = read_input(&args.input)?;
    let format = resolve_format(args.format, &args.input, &bytes);
    let name = source_name(&args.input);
    let doc = extract(&pipeline, &bytes, format, &name)
        .with_context(|| format!("{}: cannot extract", args.input.display()))?;
    // Stream the JSON: a large document is never held twice in memory.
    match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("{}: cannot write", path.display()))?;
            write_json(std::io::BufWriter::new(file), &doc)
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
        None => {
            if let Err(e) = write_json(std::io::stdout().lock(), &doc) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("<stdout>: cannot write");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Write `doc` as pretty JSON and a final newline, then flush.
fn write_json(mut out: impl Write, doc: &pergub::Document) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, doc)?;
    out.write_all(b"\n")?;
    out.flush()
}
