//! `pergub check`: extract documents and report their diagnostics.
//!
//! Three renderings of the same findings: `text` in the style of compiler
//! diagnostics (the source row quoted with a marker under the offending
//! cell), `json` for tools, and `github` as workflow commands that GitHub
//! Actions turns into annotations on the pull request.

use crate::input::{extract, pipeline, read_input, resolve_format, source_name};
use crate::{FormatArg, PipelineArgs};
use anyhow::{Context, Result};
use pergub::codes;
use pergub::{Diagnostic, Document, Field, Severity, Span};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `pergub check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents to check; `-` reads standard input.
    #[arg(required_unless_present = "explain", value_name = "FILE")]
    inputs: Vec<PathBuf>,
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = OutputArg::Text)]
    output: OutputArg,
    /// Also fail (exit 1) on diagnostics of this severity.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<DenyArg>,
    /// Input format.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// Explain a diagnostic code (what it means, why, what to do) and exit.
    #[arg(long, value_name = "CODE", conflicts_with = "inputs")]
    explain: Option<String>,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputArg {
    /// Compiler-style diagnostics with the source row quoted.
    Text,
    /// One JSON object with every file's diagnostics and a summary.
    Json,
    /// GitHub Actions workflow commands (`::error file=F,line=L,title=CODE::message`).
    Github,
}

/// Severities `--deny` can turn into failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DenyArg {
    /// Fail on warnings as well as errors.
    Warnings,
}

/// One checked document and the text it came from.
struct Checked {
    /// The path as given on the command line.
    path: String,
    /// The input's lines, for text formats.
    lines: Vec<String>,
    /// The extracted document.
    doc: Document,
}

/// Run `pergub check`.
pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    let pipeline = pipeline(&args.pipeline)?;
    let mut checked = Vec::new();
    let mut unreadable = 0usize;
    for input in &args.inputs {
        let result = read_input(input).and_then(|bytes| {
            let format = resolve_format(args.format, input, &bytes);
            let doc = extract(&pipeline, &bytes, format, &source_name(input))
                .with_context(|| format!("{}: cannot extract", input.display()))?;
            let lines = match doc.source.format {
                pergub::Format::Pdf => Vec::new(),
                _ => String::from_utf8_lossy(&bytes)
                    .trim_start_matches('\u{feff}')
                    .lines()
                    .map(str::to_string)
                    .collect(),
            };
            Ok(Checked {
                path: input.display().to_string(),
                lines,
                doc,
            })
        });
        match result {
            Ok(c) => checked.push(c),
            Err(err) => {
                eprintln!("pergub: {err:#}");
                unreadable += 1;
            }
        }
    }
    let tally = Tally::of(&checked);
    let rendered = match args.output {
        OutputArg::Text => text(&checked, &tally),
        OutputArg::Json => json(&checked, &tally)?,
        OutputArg::Github => github(&checked),
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = out
        .write_all(rendered.as_bytes())
        .and_then(|()| out.flush())
    {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e).context("<stdout>: cannot write");
        }
    }
    let failed = tally.errors > 0 || (args.deny == Some(DenyArg::Warnings) && tally.warnings > 0);
    Ok(if unreadable > 0 {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--explain CODE`.
fn explain(name: &str) -> Result<ExitCode> {
    let Some(code) = codes::lookup(name) else {
        anyhow::bail!(
            "unknown diagnostic code \"{name}\"; known codes: {}",
            known_codes()
        );
    };
    let text = format!(
        "{name}: {severity} emitted by the {stage}\n\n{summary}.\n\nWhy: {why}.\n\nWhat to do: {help}.\n",
        severity = code.severity,
        stage = code.stage,
        summary = capitalise(code.summary),
        why = code.why,
        help = code.help,
    );
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn known_codes() -> String {
    codes::ALL
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Counts by severity over every checked document.
struct Tally {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Tally {
    fn of(checked: &[Checked]) -> Tally {
        let count = |s| checked.iter().map(|c| c.doc.count(s)).sum();
        Tally {
            files: checked.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }

    fn sentence(&self) -> String {
        format!(
            "checked {}: {}, {}, {}",
            plural(self.files, "file"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "info")
        )
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

// ---------------------------------------------------------------------------
// Locating the offending cell in the source row.

/// Where a diagnostic points in the source: a 1-based line, and the
/// character range of a cell in it when the cell could be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Location {
    line: u32,
    cell: Option<(usize, usize)>,
}

/// The cells of a Markdown table row as character ranges (content between
/// two pipes), or nothing if the line is not a table row.
fn cells(line: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = line.chars().collect();
    let mut pipes = Vec::new();
    let mut escaped = false;
    for (i, c) in chars.iter().enumerate() {
        if *c == '|' && !escaped {
            pipes.push(i);
        }
        escaped = *c == '\\' && !escaped;
    }
    if !line.trim_start().starts_with('|') {
        return Vec::new();
    }
    pipes.windows(2).map(|w| (w[0] + 1, w[1])).collect()
}

/// Lower-case letters and digits only, inline tags removed: what a cell
/// and a record's text have in common whatever restoration did.
fn compact(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            _ if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// Texts quoted in a message (`... "x" ...`), last first.
fn quoted(message: &str) -> Vec<&str> {
    let parts: Vec<&str> = message.split('"').collect();
    parts
        .iter()
        .enumerate()
        .filter(|(i, p)| i % 2 == 1 && !p.is_empty())
        .map(|(_, p)| *p)
        .rev()
        .collect()
}

/// The field a diagnostic names, if it is a record field.
fn field_of(d: &Diagnostic) -> Option<Field> {
    let name = d.field.as_deref()?;
    Field::ALL.into_iter().find(|f| f.path() == name)
}

/// The first text of a record's field.
fn first_text(doc: &Document, no: u32, field: Field) -> Option<String> {
    let record = doc.records.iter().find(|r| r.no == no)?;
    if let Some(items) = record.items(field) {
        return items.first().cloned();
    }
    record
        .agencies(field)
        .and_then(|a| a.first())
        .map(|a| a.text.clone())
}

/// The indices of the cells of `line` whose text matches `probe`.
fn matching_cells(line: &str, ranges: &[(usize, usize)], probe: &str) -> Vec<usize> {
    let probe = compact(probe);
    if probe.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = line.chars().collect();
    let head: String = probe.chars().take(16).collect();
    ranges
        .iter()
        .enumerate()
        .filter(|(_, (a, b))| {
            let cell = compact(&chars[*a..*b].iter().collect::<String>());
            if probe.chars().count() < 4 {
                cell == probe
            } else {
                cell.contains(&head)
            }
        })
        .map(|(i, _)| i)
        .collect()
}

/// The cell of `line` a diagnostic points at, its padding trimmed.
fn cell_in_line(line: &str, doc: &Document, d: &Diagnostic) -> Option<(usize, usize)> {
    let (a, b) = find_cell(line, doc, d)?;
    let chars: Vec<char> = line.chars().collect();
    let start = (a..b).find(|i| !chars[*i].is_whitespace())?;
    let end = (start..b)
        .rev()
        .find(|i| !chars[*i].is_whitespace())
        .map_or(start + 1, |i| i + 1);
    Some((start, end))
}

/// The cell of `line` a diagnostic points at, if exactly one fits.
fn find_cell(line: &str, doc: &Document, d: &Diagnostic) -> Option<(usize, usize)> {
    let ranges = cells(line);
    if ranges.is_empty() {
        return None;
    }
    let field = field_of(d);
    // A message that quotes one text quotes the cell; one that quotes
    // several quotes the whole row, and no single cell is at fault.
    let quotes = quoted(&d.message);
    let mut probes: Vec<String> = match quotes.as_slice() {
        [one] => vec![one.to_string()],
        _ => Vec::new(),
    };
    if let (Some(no), Some(field)) = (d.record, field) {
        probes.extend(first_text(doc, no, field));
    }
    for probe in probes {
        let found = matching_cells(line, &ranges, &probe);
        match found.as_slice() {
            [one] => return ranges.get(*one).copied(),
            [] => continue,
            several => {
                // Several cells read the same (a mark among the year marks):
                // take the first one right of the field before it.
                let (Some(no), Some(field)) = (d.record, field) else {
                    continue;
                };
                let at = Field::ALL.iter().position(|f| *f == field)?;
                let before = Field::ALL[..at]
                    .iter()
                    .rev()
                    .find_map(|f| first_text(doc, no, *f))?;
                let anchor = *matching_cells(line, &ranges, &before).first()?;
                let pick = several.iter().find(|i| **i > anchor)?;
                return ranges.get(*pick).copied();
            }
        }
    }
    None
}

/// Where a diagnostic points in `lines`, if it points at a line.
fn locate(lines: &[String], doc: &Document, d: &Diagnostic) -> Option<Location> {
    let Some(Span::Lines([first, last])) = d.span else {
        return None;
    };
    let last = last.min(first.saturating_add(200));
    for n in first..=last {
        let Some(line) = lines.get((n as usize).wrapping_sub(1)) else {
            break;
        };
        if let Some(cell) = cell_in_line(line, doc, d) {
            return Some(Location {
                line: n,
                cell: Some(cell),
            });
        }
    }
    Some(Location {
        line: first,
        cell: None,
    })
}

// ---------------------------------------------------------------------------
// text

/// Widest excerpt of a source row, in characters.
const EXCERPT: usize = 100;

/// The quoted row and the marker under it: (row, marker start, marker width).
fn excerpt(line: &str, cell: Option<(usize, usize)>) -> (String, Option<(usize, usize)>) {
    // Tabs would shift the marker, other control characters the terminal.
    let chars: Vec<char> = line
        .chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect();
    let centre = cell.map_or(0, |(a, _)| a);
    let start = if chars.len() <= EXCERPT || centre < EXCERPT / 3 {
        0
    } else {
        (centre - EXCERPT / 3).min(chars.len().saturating_sub(EXCERPT))
    };
    let end = (start + EXCERPT).min(chars.len());
    let mut row = String::new();
    let mut shift = 0;
    if start > 0 {
        row.push('…');
        shift = 1;
    }
    row.extend(&chars[start..end]);
    if end < chars.len() {
        row.push('…');
    }
    let marker = cell
        .and_then(|(a, b)| (a >= start && a < end).then(|| (a - start + shift, b.min(end) - a)));
    (row.trim_end().to_string(), marker)
}

/// A document's diagnostics in reading order: document-level ones first,
/// then by first line (or page); the pipeline's order among equals.
fn in_reading_order(doc: &Document) -> Vec<&Diagnostic> {
    let mut ordered: Vec<&Diagnostic> = doc.diagnostics.iter().collect();
    ordered.sort_by_key(|d| d.span.map_or(0, |s| s.start()));
    ordered
}

fn text(checked: &[Checked], tally: &Tally) -> String {
    let mut out = String::new();
    for c in checked {
        for d in in_reading_order(&c.doc) {
            render_text(&mut out, c, d);
        }
    }
    out.push_str(&tally.sentence());
    out.push('\n');
    out
}

fn render_text(out: &mut String, c: &Checked, d: &Diagnostic) {
    let _ = writeln!(out, "{}[{}]: {}", d.severity, d.code, d.message);
    let location = locate(&c.lines, &c.doc, d);
    let gutter = location.map_or(1, |l| l.line.to_string().len());
    let pad = " ".repeat(gutter);
    match (location, d.span) {
        (Some(loc), _) => {
            let _ = writeln!(out, "{pad}--> {}:{}", c.path, loc.line);
            if let Some(line) = c.lines.get((loc.line as usize).wrapping_sub(1)) {
                let (row, marker) = excerpt(line, loc.cell);
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{} | {row}", loc.line);
                if let Some((at, width)) = marker {
                    let label = d.field.as_deref().unwrap_or("");
                    let marker = format!(
                        "{}{} {label}",
                        " ".repeat(at),
                        "^".repeat(width.clamp(1, 40))
                    );
                    let _ = writeln!(out, "{pad} | {}", marker.trim_end());
                }
                let _ = writeln!(out, "{pad} |");
            }
        }
        (None, Some(Span::Pages([a, b]))) if a == b => {
            let _ = writeln!(out, "{pad}--> {} (page {a})", c.path);
        }
        (None, Some(Span::Pages([a, b]))) => {
            let _ = writeln!(out, "{pad}--> {} (pages {a}–{b})", c.path);
        }
        (None, _) => {
            let _ = writeln!(out, "{pad}--> {}", c.path);
        }
    }
    match (d.record, d.field.as_deref()) {
        (Some(no), Some(field)) => {
            let _ = writeln!(out, "{pad} = record {no}, field {field}");
        }
        (Some(no), None) => {
            let _ = writeln!(out, "{pad} = record {no}");
        }
        (None, Some(field)) => {
            let _ = writeln!(out, "{pad} = field {field}");
        }
        (None, None) => {}
    }
    if let Some(code) = codes::lookup(&d.code) {
        let _ = writeln!(out, "{pad} = help: {}", code.help);
    }
    out.push('\n');
}

// ---------------------------------------------------------------------------
// json

fn json(checked: &[Checked], tally: &Tally) -> Result<String> {
    let files: Vec<serde_json::Value> = checked
        .iter()
        .map(|c| {
            serde_json::json!({
                "file": c.path,
                "records": c.doc.records.len(),
                "diagnostics": c.doc.diagnostics,
            })
        })
        .collect();
    let value = serde_json::json!({
        "files": files,
        "summary": {
            "files": tally.files,
            "errors": tally.errors,
            "warnings": tally.warnings,
            "infos": tally.infos,
        },
    });
    let mut s = serde_json::to_string_pretty(&value)?;
    s.push('\n');
    Ok(s)
}

// ---------------------------------------------------------------------------
// github

/// Escape the message of a workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(checked: &[Checked]) -> String {
    let mut out = String::new();
    for c in checked {
        for d in in_reading_order(&c.doc) {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = vec![format!("file={}", escape_property(&c.path))];
            if let Some(loc) = locate(&c.lines, &c.doc, d) {
                props.push(format!("line={}", loc.line));
                if let Some((a, _)) = loc.cell {
                    props.push(format!("col={}", a + 1));
                }
            }
            props.push(format!("title={}", escape_property(&d.code)));
            let mut message = d.message.clone();
            match (d.record, d.field.as_deref(), d.span) {
                (Some(no), Some(field), _) => message.push_str(&format!(" (record {no}, {field})")),
                (Some(no), None, _) => message.push_str(&format!(" (record {no})")),
                (None, Some(field), _) => message.push_str(&format!(" ({field})")),
                (None, None, _) => {}
            }
            if let Some(Span::Pages([a, _])) = d.span {
                message.push_str(&format!(" [page {a}]"));
            }
            let _ = writeln!(
                out,
                "::{command} {}::{}",
                props.join(","),
                escape_data(&message)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_the_ranges_between_pipes() {
        let line = "| a | b\\|c | |";
        let got: Vec<String> = cells(line)
            .iter()
            .map(|(a, b)| line.chars().skip(*a).take(b - a).collect())
            .collect();
        assert_eq!(got, [" a ", " b\\|c ", " "]);
        assert!(cells("not a row").is_empty());
    }

    #[test]
    fn compact_drops_tags_case_and_punctuation() {
        assert_eq!(
            compact("PENANGG<br>UNG <i>Jawab</i>, 2024"),
            "penanggungjawab2024"
        );
    }

    #[test]
    fn quoted_texts_last_first() {
        assert_eq!(quoted(r#"cell 4 "a" then "b c""#), ["b c", "a"]);
    }

    #[test]
    fn excerpt_windows_long_rows_and_keeps_the_marker_under_the_cell() {
        let line = format!("| {} | x | y |", "w".repeat(300));
        let (a, b) = cells(&line)[1];
        let (row, marker) = excerpt(&line, Some((a + 1, b - 1)));
        let (at, width) = marker.unwrap();
        assert_eq!(width, 1);
        assert_eq!(row.chars().nth(at), Some('x'));
        assert!(row.starts_with('…'));
        assert!(row.chars().count() <= EXCERPT + 2);
    }

    #[test]
    fn excerpt_replaces_control_characters() {
        let (row, _) = excerpt("| a\u{7}b\tc |", None);
        assert_eq!(row, "| a\u{FFFD}b c |");
    }

    #[test]
    fn workflow_command_escaping() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a,b:c"), "a%2Cb%3Ac");
    }
}
