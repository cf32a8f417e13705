//! `pergub check` (and `pergub schema`), run as the real binary in a
//! temporary directory.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("pergub-check-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, text: &str) -> &Self {
        std::fs::write(self.0.join(name), text).unwrap();
        self
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Run `pergub ARGS` in `dir`.
fn pergub(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pergub"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// `check --output json` of files under the repository root.
fn check_json(files: &[&str], extra: &[&str]) -> (Value, i32) {
    let mut args = vec!["check", "--output", "json"];
    args.extend_from_slice(files);
    args.extend_from_slice(extra);
    let out = pergub(&root(), &args);
    let json: Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    (json, out.status.code().unwrap())
}

/// (code, record, first line) of each diagnostic of the first file.
fn findings(json: &Value) -> Vec<(String, Option<u64>, Option<u64>)> {
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["record"].as_u64(),
                d["lines"][0].as_u64(),
            )
        })
        .collect()
}

fn count(json: &Value, severity: &str) -> u64 {
    json["summary"][severity].as_u64().unwrap()
}

/// One injected defect and where it must be reported.
struct Defect {
    file: &'static str,
    code: &'static str,
    record: Option<u64>,
    line: u64,
    field: Option<&'static str>,
}

impl Defect {
    fn at(
        file: &'static str,
        code: &'static str,
        record: Option<u64>,
        line: u64,
        field: Option<&'static str>,
    ) -> Defect {
        Defect {
            file,
            code,
            record,
            line,
            field,
        }
    }
}

/// Every injected defect is reported at its record and line, and nothing
/// else a reviewer must act on is reported: the rest are infos.
#[test]
fn injected_defects_are_reported_at_their_record_and_line() {
    let cases = [
        Defect::at(
            "jateng.mark-in-target.md",
            "stray-mark",
            Some(4),
            26,
            Some("indikator.target"),
        ),
        Defect::at(
            "jateng.no-year.md",
            "no-year-marked",
            Some(2),
            17,
            Some("waktu_pelaksanaan"),
        ),
        Defect::at(
            "jateng.duplicate-row.md",
            "duplicate-record",
            Some(6),
            33,
            None,
        ),
        Defect::at(
            "ntb.unknown-agency.md",
            "unresolved-agency",
            Some(3),
            13,
            Some("pelaksana"),
        ),
        Defect::at("ntb.extra-cell.md", "extra-cell", Some(2), 12, None),
        Defect::at(
            "ntb.orphan-continuation.md",
            "orphan-continuation",
            None,
            11,
            None,
        ),
    ];
    for Defect {
        file,
        code,
        record,
        line,
        field,
    } in cases
    {
        let path = format!("fixtures/defects/{file}");
        let (json, exit) = check_json(&[&path], &[]);
        let found: Vec<_> = findings(&json)
            .into_iter()
            .filter(|(c, _, _)| c != "missing-column")
            .collect();
        assert_eq!(found, [(code.to_string(), record, Some(line))], "{file}");
        let d = json["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap();
        assert_eq!(d["field"].as_str(), field, "{file}");
        let errors = count(&json, "errors");
        assert_eq!(exit, i32::from(errors > 0), "{file}");
    }
}

#[test]
fn clean_twins_pass_even_with_denied_warnings() {
    for file in ["jateng.clean.md", "ntb.clean.md"] {
        let path = format!("fixtures/defects/{file}");
        let (json, exit) = check_json(&[&path], &["--deny", "warnings"]);
        assert_eq!(
            (count(&json, "errors"), count(&json, "warnings")),
            (0, 0),
            "{file}: {json:#}"
        );
        assert_eq!(exit, 0, "{file}");
    }
}

/// The seed: the stray mark of the Dinas Kesehatan training row, every
/// agency that resolves to nothing, and at most three further warnings.
#[test]
fn the_seed_reports_its_stray_mark_and_unresolved_agencies() {
    let seed = "seeds/000_861539b47a742229.txt";
    let (json, _) = check_json(&[seed], &[]);
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap().clone();
    let stray = diagnostics
        .iter()
        .find(|d| d["code"] == "stray-mark")
        .unwrap();
    assert_eq!(stray["record"], 36);
    assert_eq!(stray["field"], "indikator.target");
    assert_eq!(stray["lines"], serde_json::json!([195, 195]));

    let out = pergub(&root(), &["extract", seed]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Mentions that name no agency at all are not "unresolved".
    let generic = ["instansi terkait", "masyarakat"];
    for record in doc["records"].as_array().unwrap() {
        for field in ["instansi", "penanggung_jawab", "pelaksana"] {
            for mention in record[field].as_array().unwrap() {
                let text = mention["text"].as_str().unwrap();
                if !mention["id"].is_null() || generic.contains(&text.to_lowercase().as_str()) {
                    continue;
                }
                let reported = diagnostics.iter().any(|d| {
                    d["code"] == "unresolved-agency"
                        && d["record"] == record["no"]
                        && d["field"] == field
                        && d["message"].as_str().unwrap().contains(text)
                });
                assert!(
                    reported,
                    "record {}: {field} \"{text}\" is not reported",
                    record["no"]
                );
            }
        }
    }
    let further: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| {
            d["severity"] != "info" && d["code"] != "stray-mark" && d["code"] != "unresolved-agency"
        })
        .collect();
    assert!(further.len() <= 3, "{further:#?}");
}

const STRAY: &str = "\
| INSTANSI | KEGIATAN | TARGET | 2024 | 2025 |
|---|---|---|---|---|
| Dinas Sosial Provinsi Bali | Pelatihan kader | Kader terlatih | x | |
| Dinas Kesehatan Provinsi Bali | Penyuluhan gizi | x | | |
";

#[test]
fn text_output_quotes_the_row_and_marks_the_cell() {
    let dir = TempDir::new();
    dir.write("plan.md", STRAY);
    let out = pergub(&dir.0, &["check", "plan.md"]);
    assert_eq!(
        stdout(&out),
        "\
info[missing-column]: no record has any MASALAH, INDIKATOR PROSES, INDIKATOR HASIL, PENANGGUNG JAWAB, PELAKSANA or KELOMPOK SASARAN: the table has no such columns, or their headers were not recognised
 --> plan.md
  = help: if the printed table has the column, check its header against the header list

warning[stray-mark]: the INDIKATOR.TARGET column holds a lone year mark \"x\"; it was left out of the text
 --> plan.md:4
  |
4 | | Dinas Kesehatan Provinsi Bali | Penyuluhan gizi | x | | |
  |                                                     ^ indikator.target
  |
  = record 2, field indikator.target
  = help: move the mark into the year column it belongs to

checked 1 file: 0 errors, 1 warning, 1 info
"
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let dir = TempDir::new();
    dir.write("plan.md", STRAY);
    let out = pergub(
        &dir.0,
        &["check", "--deny", "warnings", "--output", "json", "plan.md"],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn github_output_is_workflow_commands() {
    let dir = TempDir::new();
    dir.write("plan.md", STRAY);
    let orphan = "\
| INSTANSI | KEGIATAN | 2024 |
|---|---|---|
| | lanjutan, 100% | |
| Dinas Sosial | Pelatihan | x |
";
    dir.write("orphan.md", orphan);
    let out = pergub(
        &dir.0,
        &["check", "--output", "github", "plan.md", "orphan.md"],
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1],
        "::warning file=plan.md,line=4,col=53,title=stray-mark::the INDIKATOR.TARGET column holds a lone year mark \"x\"; it was left out of the text (record 2, indikator.target)"
    );
    assert!(lines[0]
        .starts_with("::notice file=plan.md,title=missing-column::no record has any MASALAH"));
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(
        lines[3],
        "::error file=orphan.md,line=3,col=5,title=orphan-continuation::a continuation row has no plan row above it to attach to: \"lanjutan, 100%25\""
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_output_lists_files_and_a_summary() {
    let dir = TempDir::new();
    dir.write("plan.md", STRAY);
    let out = pergub(&dir.0, &["check", "--output", "json", "plan.md"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["file"], "plan.md");
    assert_eq!(json["files"][0]["records"], 2);
    assert_eq!(json["files"][0]["diagnostics"][0]["code"], "stray-mark");
    assert_eq!(
        json["summary"],
        serde_json::json!({ "files": 1, "errors": 0, "warnings": 1, "infos": 1 })
    );
}

#[test]
fn unreadable_input_exits_2_and_names_the_file() {
    let dir = TempDir::new();
    dir.write("plan.md", STRAY);
    let out = pergub(&dir.0, &["check", "missing.md", "plan.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("pergub: missing.md: cannot read: "),
        "{}",
        stderr(&out)
    );
    // The readable file is still checked.
    assert!(stdout(&out).ends_with("checked 1 file: 0 errors, 1 warning, 1 info\n"));
}

#[test]
fn explain_prints_a_code_s_documentation() {
    let out = pergub(&root(), &["check", "--explain", "no-year-marked"]);
    assert_eq!(
        stdout(&out),
        "\
no-year-marked: warning emitted by the validator

A record has no year of WAKTU PELAKSANAAN marked.

Why: a plan row without a year has no schedule; its marks were usually shifted into another column or lost.

What to do: put the marks back in the year columns of the row.
"
    );
    assert_eq!(out.status.code(), Some(0));

    let out = pergub(&root(), &["check", "--explain", "no-such-code"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with(
        "pergub: unknown diagnostic code \"no-such-code\"; known codes: invalid-utf8, "
    ));
}

#[test]
fn every_code_the_fixtures_produce_can_be_explained() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("fixtures/defects"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".md"))
        .collect();
    files.push("seeds/000_861539b47a742229.txt".into());
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let (json, _) = check_json(&refs, &[]);
    let mut seen = std::collections::BTreeSet::new();
    for file in json["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            let code = d["code"].as_str().unwrap();
            let severity = d["severity"].as_str().unwrap();
            if !seen.insert((code, severity)) {
                continue;
            }
            let out = pergub(&root(), &["check", "--explain", code]);
            assert_eq!(out.status.code(), Some(0), "{code}");
            assert!(
                stdout(&out).starts_with(&format!("{code}: {severity} emitted by")),
                "{code}"
            );
        }
    }
    assert!(seen.len() >= 7, "{seen:?}");
}

#[test]
fn schema_prints_the_published_schema() {
    let out = pergub(&root(), &["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/pergub-rad-1.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(printed, file);
}
