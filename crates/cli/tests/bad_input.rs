//! The bad-input matrix: inputs that are empty, binary, malformed, huge or
//! hostile, run through the real `pergub` binary.
//!
//! Each must end in a complete document with diagnostics (exit 0) or in one
//! clear error line naming the file (exit 2), never in a panic, a hang or a
//! crash; and a batch over all of them goes on past each one.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const HEADER: &str =
    "| INSTANSI | KEGIATAN | TARGET | 2024 | 2025 | PELAKSANA |\n|---|---|---|---|---|---|\n";
const ROW: &str =
    "| Dinas Sosial Provinsi Contoh | Pelatihan kader<br>desa | 27 desa | x | | Dinkes |\n";

fn pergub(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pergub"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run pergub: {e}"))
}

fn pergub_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pergub"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run pergub: {e}"));
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("pergub finishes")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write input");
    path
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn no_panic(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "pergub panicked:\n{err}");
    assert!(
        out.status.code().is_some(),
        "pergub was killed by a signal ({:?}):\n{err}",
        out.status
    );
}

/// `extract` succeeded: exit 0 and a complete pergub-rad/1 document.
fn document(out: &Output) -> Value {
    no_panic(out);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(doc["schema"], "pergub-rad/1");
    assert!(doc["records"].is_array() && doc["diagnostics"].is_array());
    doc
}

/// `extract` refused the input: exit 2 and one error line naming the file.
fn refused(out: &Output, name: &str) -> String {
    no_panic(out);
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{err}");
    assert!(
        out.stdout.is_empty(),
        "no document on stdout after an error"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one error line:\n{err}");
    assert!(err.starts_with("pergub: "), "{err}");
    assert!(err.contains(name), "the error names the file:\n{err}");
    err
}

fn codes(doc: &Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .map(|ds| {
            ds.iter()
                .filter_map(|d| d["code"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn diagnostic<'a>(doc: &'a Value, code: &str) -> &'a Value {
    doc["diagnostics"]
        .as_array()
        .and_then(|ds| ds.iter().find(|d| d["code"] == code))
        .unwrap_or_else(|| panic!("no {code} diagnostic in {:?}", codes(doc)))
}

fn records(doc: &Value) -> &Vec<Value> {
    doc["records"].as_array().expect("records")
}

/// Deterministic noise (xorshift), so that the binary case is reproducible.
fn noise(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// A minimal PDF with one page showing `text`, its cross-reference table
/// computed; `extra` goes into the trailer and `more` are further objects
/// (numbered from 6).
fn pdf(text: &str, more: &[&[u8]], extra: &str) -> Vec<u8> {
    let content = format!("BT /F1 10 Tf 72 720 Td ({text}) Tj ET");
    let stream = format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    );
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream.into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(more.iter().map(|o| o.to_vec()));
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A PDF encrypted with the standard handler (RC4, 40 bit) under a user
/// password that is not empty, so that no reader can open it without one.
fn encrypted_pdf() -> Vec<u8> {
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02X}")).collect::<String>();
    let owner = hex(&noise(32, 0x9E37_79B9_7F4A_7C15));
    let user = hex(&noise(32, 0xC2B2_AE3D_27D4_EB4F));
    let encrypt =
        format!("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{owner}> /U <{user}> >>");
    let id = hex(&noise(16, 0x1656_67B1_9E37_79F9));
    pdf(
        "Dinas Sosial",
        &[encrypt.as_bytes()],
        &format!("/Encrypt 6 0 R /ID [<{id}> <{id}>]"),
    )
}

#[test]
fn the_minimal_pdf_is_readable() {
    // Guards the two PDF cases below: they fail for the reason they name,
    // not because the generated file is broken anyway.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "plain.pdf", &pdf("Dinas Sosial", &[], ""));
    let out = pergub(&["extract", path.to_str().expect("utf-8 path")]);
    let doc = document(&out);
    assert_eq!(doc["source"]["format"], "pdf");
}

#[test]
fn empty_file_gives_a_document_saying_there_is_no_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "empty.md", b"");
    let doc = document(&pergub(&["extract", path.to_str().expect("utf-8 path")]));
    assert!(records(&doc).is_empty());
    assert_eq!(diagnostic(&doc, "no-table")["severity"], "error");
}

#[test]
fn empty_standard_input_gives_a_document_saying_there_is_no_table() {
    let doc = document(&pergub_stdin(&["extract", "-"], b""));
    assert_eq!(doc["source"]["name"], "-");
    assert!(records(&doc).is_empty());
    assert_eq!(codes(&doc), ["no-table"]);
}

#[test]
fn whitespace_only_gives_a_document_saying_there_is_no_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "blank.md", b"  \n\t\n\r\n   \n\n");
    let doc = document(&pergub(&["extract", path.to_str().expect("utf-8 path")]));
    assert!(records(&doc).is_empty());
    assert_eq!(doc["document"]["title"], Value::Null);
    assert_eq!(codes(&doc), ["no-table"]);
}

#[test]
fn binary_noise_is_decoded_lossily_with_a_diagnostic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = noise(64 * 1024, 0x2545_F491_4F6C_DD1D);
    bytes[0] = 0; // not "%PDF", so the noise is read as text
    let path = write(dir.path(), "noise.bin", &bytes);
    let doc = document(&pergub(&["extract", path.to_str().expect("utf-8 path")]));
    assert_eq!(doc["source"]["format"], "markdown");
    assert_eq!(diagnostic(&doc, "invalid-utf8")["severity"], "warning");
}

#[test]
fn invalid_utf8_is_decoded_lossily_and_the_rows_are_still_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(
        b"| Dinas Sosial Provinsi Contoh | Pelatihan \xC0\xFF kader | 27 desa | x | | Dinkes |\n",
    );
    bytes.extend_from_slice(ROW.as_bytes());
    let path = write(dir.path(), "latin1.md", &bytes);
    let doc = document(&pergub(&["extract", path.to_str().expect("utf-8 path")]));
    let bad = diagnostic(&doc, "invalid-utf8");
    assert_eq!(bad["lines"], serde_json::json!([3, 3]), "{bad}");
    assert!(
        bad["message"].as_str().unwrap_or("").contains("offset"),
        "{bad}"
    );
    assert_eq!(records(&doc).len(), 2);
    let kegiatan = records(&doc)[0]["kegiatan"].to_string();
    assert!(
        kegiatan.contains("Pelatihan")
            && kegiatan.contains('\u{FFFD}')
            && kegiatan.contains("kader"),
        "{kegiatan}"
    );
}

#[test]
fn table_without_header_keeps_its_text_in_diagnostics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let md = "Judul\n\n| Dinas Sosial | Pelatihan kader | x |\n|---|---|---|\n| Dinkes | Penyuluhan gizi | v |\n";
    let path = write(dir.path(), "headless.md", md.as_bytes());
    let doc = document(&pergub(&["extract", path.to_str().expect("utf-8 path")]));
    assert!(records(&doc).is_empty());
    assert_eq!(
        diagnostic(&doc, "header-not-recognised")["severity"],
        "error"
    );
    let messages: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "row-without-header")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    for text in [
        "Dinas Sosial",
        "Pelatihan kader",
        "Dinkes",
        "Penyuluhan gizi",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(text)),
            "{text} is lost: {messages:?}"
        );
    }
}

#[test]
fn row_with_ten_thousand_cells_is_read_and_the_overflow_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut md = String::from(HEADER);
    md.push_str("| Dinas Sosial | Rapat | 5 desa | x | | Dinkes |");
    for i in 7..=10_000 {
        md.push_str(&format!(" sel{i} |"));
    }
    md.push('\n');
    let path = write(dir.path(), "wide.md", md.as_bytes());
    let doc = document(&pergub(&["extract", path.to_str().expect("utf-8 path")]));
    assert_eq!(records(&doc).len(), 1);
    assert_eq!(records(&doc)[0]["kegiatan"], serde_json::json!(["Rapat"]));
    assert_eq!(
        records(&doc)[0]["waktu_pelaksanaan"],
        serde_json::json!([2024])
    );
    let overflow: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "extra-cell")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(
        overflow.len(),
        10_000 - 6,
        "every cell beyond the header is reported"
    );
    assert!(overflow[0].contains("sel7") && overflow[overflow.len() - 1].contains("sel10000"));
}

/// A plan of about `bytes` bytes: one header and as many rows as fit.
fn big_plan(bytes: usize) -> Vec<u8> {
    let mut md = String::with_capacity(bytes + ROW.len());
    md.push_str("RENCANA AKSI DAERAH\n\n");
    md.push_str(HEADER);
    while md.len() < bytes {
        md.push_str(ROW);
    }
    md.into_bytes()
}

#[test]
#[ignore = "100 MB through a debug build takes minutes; run with --release --ignored"]
fn hundred_megabyte_markdown_completes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = big_plan(100 * 1024 * 1024);
    let rows = (bytes.len() - 21 - HEADER.len()) / ROW.len();
    let path = write(dir.path(), "huge.md", &bytes);
    drop(bytes);
    let json = dir.path().join("huge.json");
    let out = pergub(&[
        "extract",
        path.to_str().expect("utf-8 path"),
        "-o",
        json.to_str().expect("utf-8 path"),
    ]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    // The output is about ten times the input: count its records line by
    // line instead of holding it as a JSON value.
    let file = std::fs::File::open(&json).expect("output");
    let (mut count, mut last) = (0, String::new());
    for line in std::io::BufRead::lines(std::io::BufReader::new(file)) {
        let line = line.expect("read output");
        if let Some(no) = line.trim_start().strip_prefix("\"no\": ") {
            count += 1;
            last = no.trim_end_matches(',').to_string();
        }
    }
    assert_eq!(count, rows);
    assert_eq!(last, rows.to_string());
}

#[test]
fn deeply_nested_html_gives_a_document_or_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let depth = 25_000;
    let mut html = String::from("<!DOCTYPE html><html><body>");
    html.push_str(&"<div><table><tr><td>".repeat(depth));
    html.push_str("Dinas Sosial");
    html.push_str(&"</td></tr></table></div>".repeat(depth));
    html.push_str("</body></html>");
    let path = write(dir.path(), "nested.html", html.as_bytes());
    let out = pergub(&["extract", path.to_str().expect("utf-8 path")]);
    no_panic(&out);
    match out.status.code() {
        Some(0) => {
            let doc = document(&out);
            assert_eq!(doc["source"]["format"], "html");
            assert!(!doc["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .is_empty());
        }
        _ => {
            refused(&out, "nested.html");
        }
    }
}

#[test]
fn encrypted_pdf_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "locked.pdf", &encrypted_pdf());
    let err = refused(
        &pergub(&["extract", path.to_str().expect("utf-8 path")]),
        "locked.pdf",
    );
    assert!(err.contains("encrypted"), "{err}");
}

#[test]
fn truncated_pdf_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let whole = pdf("Dinas Sosial", &[], "");
    for (name, cut) in [
        ("half.pdf", whole.len() / 2),
        ("header-only.pdf", 9),
        ("no-eof.pdf", whole.len() - 30),
    ] {
        let path = write(dir.path(), name, &whole[..cut]);
        let out = pergub(&["extract", path.to_str().expect("utf-8 path")]);
        no_panic(&out);
        if out.status.code() == Some(0) {
            // A reader may rebuild a file cut only in its trailer; then the
            // page it recovered must be there.
            let doc = document(&out);
            assert_eq!(doc["source"]["format"], "pdf", "{name}");
        } else {
            let err = refused(&out, name);
            assert!(err.contains("corrupt or truncated"), "{name}: {err}");
        }
    }
}

#[test]
fn batch_goes_on_past_every_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).expect("mkdir");
    let mut wide = String::from(HEADER);
    wide.push_str(&"| x ".repeat(10_000));
    wide.push_str("|\n");
    let mut nested = "<div>".repeat(20_000);
    nested.push_str("<table><tr><td>INSTANSI</td></tr></table>");
    let whole = pdf("Dinas Sosial", &[], "");
    let mut good = HEADER.to_string();
    good.push_str(ROW);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("a-empty.md", Vec::new()),
        ("b-blank.md", b" \n\t\n".to_vec()),
        ("c-noise.txt", noise(4096, 7)),
        (
            "d-latin1.md",
            b"| INSTANSI | 2024 |\n|---|---|\n| Dinas \xE9 | x |\n".to_vec(),
        ),
        ("e-headless.md", b"| a | b |\n| c | d |\n".to_vec()),
        ("f-wide.md", wide.into_bytes()),
        ("g-nested.html", nested.into_bytes()),
        ("h-locked.pdf", encrypted_pdf()),
        ("i-truncated.pdf", whole[..whole.len() / 2].to_vec()),
        ("j-good.md", good.into_bytes()),
    ];
    for (name, bytes) in &cases {
        write(&inputs, name, bytes);
    }
    let out_dir = dir.path().join("out");
    let out = pergub(&[
        "batch",
        inputs.to_str().expect("utf-8 path"),
        "--out",
        out_dir.to_str().expect("utf-8 path"),
        "--jobs",
        "2",
    ]);
    no_panic(&out);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "some inputs failed:\n{err}");
    // The two unreadable PDFs are reported, each on its own line.
    for name in ["h-locked.pdf", "i-truncated.pdf"] {
        assert_eq!(
            err.lines().filter(|l| l.contains(name)).count(),
            1,
            "{name} reported once:\n{err}"
        );
        assert!(!out_dir.join(name.replace(".pdf", ".json")).exists());
    }
    // Every other input has its document.
    for (name, _) in cases.iter().filter(|(n, _)| !n.ends_with(".pdf")) {
        let stem = name.rsplit_once('.').map_or(*name, |(s, _)| s);
        let json = out_dir.join(format!("{stem}.json"));
        let text =
            std::fs::read(&json).unwrap_or_else(|e| panic!("{}: {e}\n{err}", json.display()));
        let doc: Value = serde_json::from_slice(&text).expect("JSON");
        assert_eq!(doc["schema"], "pergub-rad/1");
    }
    let good: Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("j-good.json")).expect("good"))
            .expect("JSON");
    assert_eq!(records(&good).len(), 1);
    let summary = err.lines().last().unwrap_or("");
    assert!(
        summary.starts_with("pergub: ") && summary.contains("2 failures"),
        "{summary}"
    );
}

#[test]
fn pdf_with_a_missing_font_object_is_one_clear_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let whole = pdf("Dinas Sosial", &[], "");
    let text = String::from_utf8(whole).expect("the minimal PDF is ASCII");
    // Same length, so the cross-reference offsets stay right.
    let broken = text.replace("/F1 5 0 R", "/F1 9 0 R");
    assert_ne!(broken, text);
    let path = write(dir.path(), "missing-font.pdf", broken.as_bytes());
    let out = pergub(&["extract", path.to_str().expect("utf-8 path")]);
    if out.status.code() == Some(0) {
        document(&out);
    } else {
        refused(&out, "missing-font.pdf");
    }
}
