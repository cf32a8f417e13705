//! The catalogue of every diagnostic code a pergub stage emits.
//!
//! Codes are stable: tools and CI configurations key on them. Each entry
//! says which stage emits it, its severity, what it means and what a
//! reviewer should do about it, so that `pergub check` can explain any
//! diagnostic it prints.
//!
//! ```
//! use pergub_validator::codes;
//!
//! let code = codes::lookup("stray-mark").unwrap();
//! assert_eq!(code.severity, pergub_model::Severity::Warning);
//! assert_eq!(code.stage, codes::Stage::Parser);
//! ```

use crate::rules;
use pergub_model::{Diagnostic, Severity};
use std::fmt;

/// The pipeline stage that emits a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// `pergub-parser`: reading the input and assembling rows.
    Parser,
    /// `pergub-normaliser`: text restoration and agency resolution.
    Normaliser,
    /// `pergub-validator`: rules over the finished document.
    Validator,
}

impl Stage {
    /// The stage's lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Parser => "parser",
            Stage::Normaliser => "normaliser",
            Stage::Validator => "validator",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One diagnostic code and its documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The stable kebab-case code.
    pub name: &'static str,
    /// The severity every diagnostic of this code carries.
    pub severity: Severity,
    /// The stage that emits it.
    pub stage: Stage,
    /// What it reports, in one sentence.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// What a reviewer should do.
    pub help: &'static str,
}

impl Code {
    /// A diagnostic of this code, with its severity and no location yet.
    pub fn diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.severity, self.name, message)
    }
}

/// Every code, grouped by stage in pipeline order.
pub const ALL: &[Code] = &[
    // The parser's.
    Code {
        name: "invalid-utf8",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "the input is not valid UTF-8; undecodable bytes were replaced with U+FFFD",
        why: "replaced bytes usually sit inside words, which then neither restore nor resolve",
        help: "re-export the document as UTF-8, or fix the encoding of the converter's output",
    },
    Code {
        name: "no-table",
        severity: Severity::Error,
        stage: Stage::Parser,
        summary: "the document contains no table at all",
        why: "every plan record comes from a table row, so nothing was read",
        help: "check that the converter kept the annex's tables (Markdown pipe tables, HTML <table>)",
    },
    Code {
        name: "header-not-recognised",
        severity: Severity::Error,
        stage: Stage::Parser,
        summary: "no table header names the plan columns (INSTANSI, KEGIATAN, ...)",
        why: "columns are identified by header names, never by position; without a header no row can be read",
        help: "check the header row's spelling; add a synonym for an unusual column name to the header list",
    },
    Code {
        name: "html-syntax",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "the HTML is malformed; it was read as a browser reads it",
        why: "a browser's repair of malformed HTML may put text in other cells than the author meant",
        help: "compare the affected rows with the printed annex, or fix the converter's output",
    },
    Code {
        name: "html-unclosed-tag",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "an HTML element is not closed; it was closed where a browser closes it",
        why: "text after the missing end tag may have joined the wrong cell or row",
        help: "compare the affected rows with the printed annex, or fix the converter's output",
    },
    Code {
        name: "html-stray-cell",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a table cell stands outside any table and was read as text outside tables",
        why: "its text is missing from the records",
        help: "put the cell back into its table row",
    },
    Code {
        name: "html-text-outside-cell",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "text inside a table but outside its cells was left out",
        why: "the text belongs to no column, so it is missing from the records",
        help: "move the text into the cell it belongs to",
    },
    Code {
        name: "html-too-deep",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "HTML elements nest deeper than pergub reads; the deeper tags were ignored and their text kept",
        why: "such nesting is a converter's fault; cells below the limit may have merged with their neighbours",
        help: "compare the affected rows with the printed annex, or fix the converter's output",
    },
    Code {
        name: "html-nested-table",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a table nested inside a table cell was read as that cell's text",
        why: "the inner table's rows and columns are flattened into one cell",
        help: "check that the cell's items read as the author meant",
    },
    Code {
        name: "html-overlapping-cells",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a cell overlaps a cell that spans into its row from above; both were kept",
        why: "the spans contradict each other, so a cell may sit in the wrong column",
        help: "check the rowspan and colspan of the row and the rows above it",
    },
    Code {
        name: "html-table-too-wide",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a row reaches past the widest table pergub reads; the cells beyond were dropped",
        why: "a colspan out of all proportion is usually a conversion error, and the dropped cells are missing",
        help: "fix the colspan of the row's cells",
    },
    Code {
        name: "pdf-page-unreadable",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a page of the PDF is malformed and could not be read",
        why: "the page's rows are missing from the records",
        help: "repair the PDF (re-save or re-print it), or extract from a converter's Markdown or HTML",
    },
    Code {
        name: "pdf-content-skipped",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "part of a PDF page's content could not be read and was skipped",
        why: "text drawn by the skipped content is missing from the records",
        help: "compare the page with the printed annex",
    },
    Code {
        name: "header-without-rows",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a table header was found but no plan rows follow it",
        why: "the rows may have been lost by the conversion, or put in a table the parser did not read",
        help: "compare the extracted records with the printed annex",
    },
    Code {
        name: "row-without-header",
        severity: Severity::Error,
        stage: Stage::Parser,
        summary: "a table row comes before any recognised header and was not read",
        why: "a row can only be read once its columns are known; its content is missing from the output",
        help: "check the header above the row; if the table has no header, add one",
    },
    Code {
        name: "extra-cell",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a row has a non-empty cell beyond the table header's columns",
        why: "the cell belongs to no column, so its text is missing from the record; often a cell split in two by the conversion",
        help: "move the text into the column it belongs to",
    },
    Code {
        name: "stray-mark",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a year mark (X, v, √) stands alone in a column that is not a year column",
        why: "the mark is usually shifted from a year column, so a year may be missing from WAKTU PELAKSANAAN",
        help: "move the mark into the year column it belongs to",
    },
    Code {
        name: "stray-text-in-year-column",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a year column holds text instead of a mark",
        why: "the year is not counted as marked, and the text is lost from the column it came from",
        help: "replace the text by a mark, or move it into its own column",
    },
    Code {
        name: "missing-instansi",
        severity: Severity::Warning,
        stage: Stage::Parser,
        summary: "a plan row has no INSTANSI and no row above it to inherit one from",
        why: "every record belongs to an agency; this one has none",
        help: "fill in the INSTANSI cell of the row",
    },
    Code {
        name: "orphan-continuation",
        severity: Severity::Error,
        stage: Stage::Parser,
        summary: "a continuation row has no plan row above it to attach to",
        why: "its text fragments belong to a record that was not read, so they are missing from the output",
        help: "check the rows before it: the row it continues was lost or is not a plan row",
    },
    // The normaliser's.
    Code {
        name: "unresolved-agency",
        severity: Severity::Warning,
        stage: Stage::Normaliser,
        summary: "an agency mention resolves to no registry id",
        why: "records are grouped and counted by agency id; a mention without one is left out",
        help: "fix the spelling, or add the agency (or this alias) to a registry file passed with --agencies",
    },
    // The validator's.
    rules::no_year_marked::CODE,
    rules::year_outside_period::CODE,
    rules::empty_required_field::CODE,
    rules::missing_column::REQUIRED,
    rules::missing_column::OPTIONAL,
    rules::glued_text::CODE,
    rules::split_word::CODE,
    rules::mixed_script::CODE,
    rules::duplicate_record::CODE,
];

/// The code named `name`, if pergub emits it.
pub fn lookup(name: &str) -> Option<&'static Code> {
    ALL.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = BTreeSet::new();
        for code in ALL {
            assert!(seen.insert(code.name), "{} listed twice", code.name);
            assert!(
                code.name.split('-').all(|part| !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{} is not kebab-case",
                code.name
            );
            for text in [code.summary, code.why, code.help] {
                assert!(!text.is_empty(), "{} lacks documentation", code.name);
                assert!(
                    !text.ends_with('.'),
                    "{}: doc sentences carry no final full stop",
                    code.name
                );
            }
        }
    }

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Every code constructed anywhere in the pipeline's sources is in the
    /// catalogue, with the severity it is constructed with.
    #[test]
    fn every_code_a_stage_emits_is_catalogued() {
        let pattern =
            regex::Regex::new(r#"Diagnostic::(error|warning|info)\(\s*"([a-z0-9-]+)""#).unwrap();
        let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for stage in ["parser", "normaliser", "validator", "pergub"] {
            rust_files(&crates.join(stage).join("src"), &mut files);
        }
        let mut found = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            // Tests build diagnostics of their own.
            let text = text.split("#[cfg(test)]").next().unwrap_or("");
            for caps in pattern.captures_iter(text) {
                let name = &caps[2];
                let code = lookup(name).unwrap_or_else(|| {
                    panic!("{}: code {name} is not in the catalogue", file.display())
                });
                assert_eq!(
                    code.severity.name(),
                    &caps[1],
                    "{name}: severity differs from the catalogue"
                );
                found += 1;
            }
        }
        assert!(
            found >= 10,
            "only {found} codes found: has the source layout changed?"
        );
    }
}
