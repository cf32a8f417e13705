//! Conservation test: the records (plus the diagnostics' messages) of every
//! Markdown fixture keep the letters and digits of the input's data cells.
//!
//! The counting follows `tools/conservation.py` of the shared tooling:
//! header, numbering, separator, year and section rows are not data, nor are
//! cells that hold only a year mark, nor the numbers of top-level list items
//! (`1.`, `2.`); tags are dropped, look-alike letters of other scripts count
//! as their Latin twins, and letters count case-insensitively. Two places
//! where that script miscounts are counted as meant here:
//! - HTML entities (`&amp;`) are decoded before counting, so the `&` an
//!   entity stands for is not taken for the letters `a`, `m`, `p`;
//! - the `extra` columns of a record are output like every other column, so
//!   a NO column's numbers (`extra.no`) count; only the record's own `no`,
//!   `source`, `waktu_pelaksanaan` and agency `id`s are skipped.
//!
//! Every fixture may lose at most its row of [`MAX_LOST`] characters (0 for
//! a fixture without a row).

use pergub::{Format, Pipeline};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Characters a fixture may lose today. Lower them as the pipeline improves.
const MAX_LOST: &[(&str, usize)] = &[];

/// Latin twins of look-alike Cyrillic letters (as the shared tool maps them).
const HOMOGLYPHS: &[(char, char)] = &[
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('к', 'k'),
    ('і', 'i'),
    ('т', 'T'),
    ('м', 'M'),
    ('н', 'H'),
    ('в', 'B'),
];

const HEADER_WORDS: &[&str] = &[
    "INSTANSI",
    "MASALAH",
    "KEGIATA",
    "INDIKATOR",
    "PROSES",
    "HASIL",
    "TARGET",
    "WAKTU",
    "PELAKSANA",
    "PENANGG",
    "KELOMP",
    "SASARAN",
];

type Counts = BTreeMap<char, usize>;

/// `text` without its tags (each tag becomes a space).
fn strip_tags(text: &str) -> String {
    replace_tags(text, " ")
}

/// `text` with each tag replaced by `with`.
fn replace_tags(text: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        match rest[open + 1..].find('>') {
            Some(len) if len > 0 => {
                out.push_str(&rest[..open]);
                out.push_str(with);
                rest = &rest[open + len + 2..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn add_chars(counts: &mut Counts, text: &str) {
    for c in strip_tags(text).chars() {
        let c = HOMOGLYPHS
            .iter()
            .find(|(from, _)| *from == c)
            .map_or(c, |(_, to)| *to);
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                *counts.entry(lower).or_insert(0) += 1;
            }
        }
    }
}

fn is_mark_cell(cell: &str) -> bool {
    let t: Vec<char> = cell.chars().filter(|c| !c.is_whitespace()).collect();
    t.is_empty() || (t.len() == 1 && matches!(t[0], 'x' | 'X' | 'v' | 'V' | '✓' | '√'))
}

/// A cell without the numbers of its top-level list items (`1.` at the start
/// of the cell or of a `<br>` line, followed by a space, `<br>` or a letter).
fn drop_list_numbers(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut i = 0;
    let bytes = cell.as_bytes();
    let mut at_line_start = true;
    while i < cell.len() {
        if at_line_start {
            let ws = cell[i..].len() - cell[i..].trim_start().len();
            let j = i + ws;
            let digits = bytes[j..].iter().take_while(|b| b.is_ascii_digit()).count();
            if (1..=2).contains(&digits) && bytes.get(j + digits) == Some(&b'.') {
                let after = &cell[j + digits + 1..];
                let follows = after.starts_with(char::is_whitespace)
                    || after.starts_with("<br>")
                    || after.starts_with(|c: char| c.is_ascii_alphabetic());
                if follows {
                    out.push(' ');
                    i = j + digits + 1;
                    at_line_start = false;
                    continue;
                }
            }
        }
        if cell[i..].starts_with("<br>") {
            out.push_str("<br>");
            i += 4;
            at_line_start = true;
            continue;
        }
        let c = cell[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
        at_line_start = false;
    }
    out
}

/// Whether a row's joined text is an upper-case header row.
fn is_header_row(joined: &str) -> bool {
    let upper = joined.to_uppercase();
    let named = HEADER_WORDS.iter().any(|w| upper.contains(w))
        || ["OPD", "N"].contains(&joined.trim().to_uppercase().as_str());
    let plain = replace_tags(joined, "");
    let mut run = 0;
    let has_lower_word = plain.chars().any(|c| {
        run = if c.is_ascii_lowercase() { run + 1 } else { 0 };
        run >= 4
    });
    named && !has_lower_word
}

/// Whether a row is the years row of the header (`2020 | 202<br>1 | ...`).
fn is_year_row(joined: &str) -> bool {
    let mut rest = joined.to_string();
    for prefix in ["201<br>", "202<br>"] {
        while let Some(at) = rest.find(prefix) {
            let digit_at = at + prefix.len();
            match rest[digit_at..].chars().next() {
                Some(d) if d.is_ascii_digit() => rest.replace_range(at..digit_at + 1, ""),
                _ => break,
            }
        }
    }
    let chars: Vec<char> = rest.chars().collect();
    let mut kept = String::new();
    let mut i = 0;
    while i < chars.len() {
        if i + 3 < chars.len()
            && chars[i] == '2'
            && chars[i + 1] == '0'
            && chars[i + 2].is_ascii_digit()
            && chars[i + 3].is_ascii_digit()
        {
            i += 4;
            continue;
        }
        kept.push(chars[i]);
        i += 1;
    }
    kept.chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "<br>".contains(c))
}

/// Letters and digits of the data cells of a Markdown input.
fn input_counts(text: &str) -> Counts {
    let mut counts = Counts::new();
    for line in text.lines() {
        if !line.trim_start().starts_with('|') {
            continue;
        }
        let body = line.trim().trim_matches('|');
        let cells: Vec<&str> = body.split('|').map(str::trim).collect();
        if cells.iter().all(|c| c.chars().all(|ch| ch == '-')) {
            continue;
        }
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| ch.is_ascii_digit()))
        {
            continue;
        }
        let joined = cells.join(" ");
        if is_header_row(&joined) || is_year_row(&joined) {
            continue;
        }
        if joined.to_uppercase().starts_with("SUB GUGUS TUGAS") {
            continue;
        }
        for cell in cells {
            if is_mark_cell(cell) {
                continue;
            }
            add_chars(&mut counts, &decode_entities(&drop_list_numbers(cell)));
        }
    }
    counts
}

/// Letters and digits of a document's records and diagnostic messages.
fn output_counts(doc: &Value) -> Counts {
    fn walk(v: &Value, top: bool, counts: &mut Counts) {
        match v {
            Value::String(s) => add_chars(counts, s),
            Value::Array(list) => list.iter().for_each(|x| walk(x, false, counts)),
            Value::Object(map) => {
                for (k, x) in map {
                    let skipped = k == "id"
                        || (top && ["no", "source", "waktu_pelaksanaan"].contains(&k.as_str()));
                    if !skipped {
                        walk(x, false, counts);
                    }
                }
            }
            _ => {}
        }
    }
    let mut counts = Counts::new();
    for record in doc["records"].as_array().into_iter().flatten() {
        walk(record, true, &mut counts);
    }
    for d in doc["diagnostics"].as_array().into_iter().flatten() {
        if let Some(m) = d.get("message").and_then(Value::as_str) {
            add_chars(&mut counts, m);
        }
    }
    counts
}

/// (characters lost, characters in the input, the most-lost characters).
fn lost(input: &str, doc: &Value) -> (usize, usize, Vec<(char, usize)>) {
    let inp = input_counts(input);
    let out = output_counts(doc);
    let mut missing: Vec<(char, usize)> = inp
        .iter()
        .filter_map(|(c, n)| {
            n.checked_sub(out.get(c).copied().unwrap_or(0))
                .filter(|m| *m > 0)
                .map(|m| (*c, m))
        })
        .collect();
    missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total = inp.values().sum();
    (missing.iter().map(|(_, n)| n).sum(), total, missing)
}

#[test]
fn markdown_fixtures_conserve_letters_and_digits() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/documents");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            !name.ends_with(".json") && (name.ends_with(".md") || name.ends_with(".txt"))
        })
        .collect();
    inputs.sort();
    assert!(
        !inputs.is_empty(),
        "no Markdown fixtures in {}",
        dir.display()
    );
    let pipeline = Pipeline::new();
    let mut failures = Vec::new();
    for path in &inputs {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let stem = name.split('.').next().unwrap_or(name);
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        let doc = pipeline
            .extract(text.as_bytes(), Format::Markdown, name)
            .unwrap_or_else(|e| panic!("{name}: extraction failed: {e}"));
        let doc = serde_json::to_value(&doc).expect("a document serialises");
        let (lost, total, missing) = lost(&text, &doc);
        let allowed = MAX_LOST
            .iter()
            .find(|(n, _)| *n == stem)
            .map_or(0, |(_, n)| *n);
        println!("{name}: lost={lost} of {total} (allowed {allowed}) missing by char: {missing:?}");
        if lost > allowed {
            failures.push(format!("{name}: lost {lost} of {total} characters (allowed {allowed}); missing by char: {missing:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn counting_skips_what_is_not_data() {
    let md = "| INSTANSI/<br>OPD | KEGIATAN | WAKTU |\n|---|---|---|\n| | | 202<br>1 |\n| 1 | 2 | 3 |\n| SUB GUGUS TUGAS PENCEGAHAN | | |\n| Dinas A | 1. Rapat &amp; <i>workshop</i><br>2. Kaji | x |\n";
    let counts = input_counts(md);
    let text: String = counts
        .iter()
        .flat_map(|(c, n)| std::iter::repeat_n(*c, *n))
        .collect();
    let mut expected: Vec<char> = "dinasarapatworkshopkaji".chars().collect();
    expected.sort_unstable();
    assert_eq!(text, expected.into_iter().collect::<String>());
}

#[test]
fn extra_columns_count_but_record_numbers_do_not() {
    let doc = serde_json::json!({
        "records": [{ "no": 7, "kegiatan": ["Rapat"], "extra": { "no": ["12"] },
                      "instansi": [{ "text": "Dinsos", "id": "DINSOS" }], "source": { "lines": [3, 3] } }],
        "diagnostics": [{ "message": "ok" }]
    });
    let counts = output_counts(&doc);
    let text: String = counts
        .iter()
        .flat_map(|(c, n)| std::iter::repeat_n(*c, *n))
        .collect();
    let mut expected: Vec<char> = "rapat12dinsosok".chars().collect();
    expected.sort_unstable();
    assert_eq!(text, expected.into_iter().collect::<String>());
}
