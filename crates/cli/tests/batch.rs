//! `pergub batch`, run as a real process in a temporary directory.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../seeds/000_861539b47a742229.txt"
);

/// A small plan of our own making, different from the seed.
const SMALL: &str = "\
LAMPIRAN PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

| NO | INSTANSI | KEGIATAN | 2022 | 2023 |
|---|---|---|---|---|
| 1 | Dinas Sosial | Pelatihan kader | x | |
| 2 | Dinas Kesehatan | Penyuluhan<br>kesehatan | | v |
";

fn pergub(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pergub"))
        .current_dir(dir)
        .arg("batch")
        .args(args)
        .output()
        .expect("run pergub")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(path: PathBuf) -> Value {
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The numbers of the closing summary line, in order.
fn summary(err: &str) -> [u64; 5] {
    let line = err
        .lines()
        .find(|l| l.starts_with("pergub: ") && l.contains(" documents, "))
        .unwrap_or_else(|| panic!("no summary line in:\n{err}"));
    let mut numbers = line.split([' ', ',']).filter_map(|w| w.parse::<u64>().ok());
    let mut out = [0; 5];
    for n in &mut out {
        *n = numbers.next().unwrap();
    }
    assert!(
        line.contains(" records, ")
            && line.contains(" errors, ")
            && line.contains(" warnings, ")
            && line.contains(" failures in "),
        "{line}"
    );
    out
}

fn count(docs: &[Value], severity: &str) -> u64 {
    docs.iter()
        .flat_map(|d| d["diagnostics"].as_array().unwrap())
        .filter(|d| d["severity"] == severity)
        .count() as u64
}

#[test]
fn good_files_are_written_and_bad_ones_are_reported_while_the_rest_go_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::create_dir_all(dir.join("docs/kab")).unwrap();
    fs::copy(SEED, dir.join("docs/banten.txt")).unwrap();
    fs::write(dir.join("docs/kab/contoh.md"), SMALL).unwrap();
    fs::write(dir.join("docs/notes.json"), "{}").unwrap();
    fs::write(
        dir.join("broken.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    )
    .unwrap();

    let out = pergub(
        dir,
        &[
            "docs",
            "broken.pdf",
            "missing.md",
            "--out",
            "out",
            "--jsonl",
            "all.jsonl",
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty());

    // The directory keeps its layout; the JSON file in it is no input.
    let banten = json(dir.join("out/banten.json"));
    let contoh = json(dir.join("out/kab/contoh.json"));
    assert!(!dir.join("out/notes.json").exists());
    assert_eq!(banten["source"]["name"], "banten.txt");
    assert_eq!(banten["source"]["format"], "markdown");
    assert_eq!(contoh["source"]["name"], "contoh.md");
    assert_eq!(contoh["records"].as_array().unwrap().len(), 2);
    assert_eq!(contoh["records"][1]["kegiatan"][0], "Penyuluhan kesehatan");
    assert_eq!(
        fs::read_dir(dir.join("out")).unwrap().count(),
        2,
        "banten.json and kab/ only"
    );

    // One line per failing input, naming it.
    let failures: Vec<&str> = err
        .lines()
        .filter(|l| !l.contains(" documents, "))
        .collect();
    assert_eq!(failures.len(), 2, "{err}");
    assert!(
        failures
            .iter()
            .any(|l| l.starts_with("pergub: broken.pdf: cannot ")),
        "{err}"
    );
    assert!(
        failures
            .iter()
            .any(|l| l.starts_with("pergub: missing.md: cannot read: ")),
        "{err}"
    );

    let docs = [banten, contoh];
    let records: u64 = docs
        .iter()
        .map(|d| d["records"].as_array().unwrap().len() as u64)
        .sum();
    assert_eq!(
        summary(&err),
        [
            4,
            records,
            count(&docs, "error"),
            count(&docs, "warning"),
            2
        ]
    );
}

#[test]
fn jsonl_holds_every_record_with_its_source_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::copy(SEED, dir.join("seed.txt")).unwrap();
    fs::write(dir.join("small.md"), SMALL).unwrap();

    let out = pergub(
        dir,
        &[
            "seed.txt",
            "small.md",
            "--out",
            "out",
            "--jsonl",
            "records.jsonl",
            "--jobs",
            "2",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let text = fs::read_to_string(dir.join("records.jsonl")).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (file, output) in [
        ("seed.txt", "out/seed.json"),
        ("small.md", "out/small.json"),
    ] {
        let mine: Vec<Value> = lines
            .iter()
            .filter(|l| l["file"] == file)
            .map(|l| {
                let mut record = l.clone();
                record.as_object_mut().unwrap().remove("file");
                record
            })
            .collect();
        let doc = json(dir.join(output));
        assert_eq!(&Value::Array(mine), &doc["records"], "{file}");
    }
    assert!(lines
        .iter()
        .all(|l| l["file"] == "seed.txt" || l["file"] == "small.md"));
}

#[test]
fn parallel_and_sequential_runs_write_the_same_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::create_dir(dir.join("in")).unwrap();
    for i in 0..6 {
        let doc = if i % 2 == 0 {
            fs::read_to_string(SEED).unwrap()
        } else {
            SMALL.replace("Pelatihan", &format!("Pelatihan {i}"))
        };
        fs::write(dir.join(format!("in/plan{i}.md")), doc).unwrap();
    }
    let one = pergub(dir, &["in", "--out", "one", "--jobs", "1"]);
    let two = pergub(dir, &["in", "--out", "two", "--jobs", "2"]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(two.status.code(), Some(0), "{}", stderr(&two));
    assert_eq!(summary(&stderr(&one)), summary(&stderr(&two)));
    for i in 0..6 {
        let name = format!("plan{i}.json");
        assert_eq!(
            fs::read(dir.join("one").join(&name)).unwrap(),
            fs::read(dir.join("two").join(&name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn glob_patterns_are_expanded_and_name_clashes_are_resolved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(dir.join("plan.md"), SMALL).unwrap();
    fs::write(dir.join("plan.txt"), SMALL).unwrap();
    fs::write(dir.join("other.html.bak"), SMALL).unwrap();

    let out = pergub(dir, &["plan.*", "--out", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(summary(&stderr(&out))[0], 2);
    assert_eq!(json(dir.join("out/plan.json"))["source"]["name"], "plan.md");
    assert_eq!(
        json(dir.join("out/plan.txt.json"))["source"]["name"],
        "plan.txt"
    );

    let none = pergub(dir, &["nothing*.md", "--out", "out"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("pergub: nothing*.md: cannot read: no file matches this pattern"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn an_empty_directory_is_a_failure() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("empty")).unwrap();
    let out = pergub(tmp.path(), &["empty", "--out", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("pergub: empty: cannot read: no documents"),
        "{err}"
    );
    assert_eq!(summary(&err), [1, 0, 0, 0, 1]);
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let no_out = pergub(tmp.path(), &["x.md"]);
    assert_eq!(no_out.status.code(), Some(2));
    fs::write(tmp.path().join("file"), "").unwrap();
    let out_is_a_file = pergub(tmp.path(), &["x.md", "--out", "file/sub"]);
    assert_eq!(out_is_a_file.status.code(), Some(2));
    assert!(stderr(&out_is_a_file).starts_with("pergub: file/sub: cannot create output directory"));
}
