//! Golden test: runs the pipeline over every `fixtures/documents/*.expected.json`
//! (the input is the file with the same stem and another extension) and compares
//! the result with the hand-made expectation field by field.
//!
//! Per document it prints the record count, the similarity of every text and
//! agency field (1 - Levenshtein / max length of the items joined with " | ",
//! as `score.py` computes it), agreement of years, sections, agency ids,
//! extra columns and source lines, and the document metadata. It fails when a
//! document falls below its row of [`THRESHOLDS`], listing the records and
//! fields that differ most, expected against got.
//!
//! The expected files are hand-made truth: nothing here writes them.
//! Run with `cargo test -p pergub --test golden -- --nocapture` to see the
//! report of passing documents too, and set `PERGUB_GOLDEN_VERBOSE=1` to list
//! their differing fields as well.

use pergub::{detect_format, Pipeline};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The lowest figures a document may reach. Set at what the pipeline reaches
/// today minus a small margin; raise them as the pipeline improves.
#[derive(Debug, Clone, Copy)]
struct Thresholds {
    /// F1 of aligned records (a record aligns when its key text is at least
    /// half similar).
    records_f1: f64,
    /// Recall-weighted mean similarity over all text and agency fields.
    text: f64,
    /// Micro F1 of agency ids over aligned records.
    agency_f1: f64,
    /// Fraction of expected records whose years agree exactly.
    years: f64,
    /// Fraction of expected records whose section agrees.
    sections: f64,
    /// Fraction of expected records whose `source` span agrees exactly.
    lines: f64,
    /// Fraction of expected records whose `extra` columns agree exactly.
    extra: f64,
    /// How many of title, regulation, province, period must be right.
    doc: usize,
}

/// What every document with hand-made expected output must reach today.
const STRICT: Thresholds = Thresholds {
    records_f1: 0.99,
    text: 0.99,
    agency_f1: 0.98,
    years: 0.99,
    sections: 0.99,
    lines: 0.99,
    extra: 0.99,
    doc: 4,
};

/// One row per input file; an input without a row is held to [`DEFAULT`].
/// Raise a row above [`STRICT`] only with a reason; lower one never.
const THRESHOLDS: &[(&str, Thresholds)] = &[
    ("000_861539b47a742229.txt", STRICT),
    ("010_jateng_tppo.md", STRICT),
    ("011_banyumas_kpa.md", STRICT),
    ("012_kupang_stunting.md", STRICT),
    ("013_lombok_timur_tppo.md", STRICT),
    ("014_kalbar_p4gn.md", STRICT),
];

/// Held to an input that has no row in [`THRESHOLDS`] yet.
const DEFAULT: Thresholds = Thresholds {
    records_f1: 0.5,
    text: 0.5,
    agency_f1: 0.0,
    years: 0.0,
    sections: 0.0,
    lines: 0.0,
    extra: 0.0,
    doc: 0,
};

/// Text fields as paths into a record, then the agency fields.
const TEXT_FIELDS: &[&str] = &[
    "masalah",
    "kegiatan",
    "indikator.proses",
    "indikator.hasil",
    "indikator.target",
    "kelompok_sasaran",
];
const AGENCY_FIELDS: &[&str] = &["instansi", "penanggung_jawab", "pelaksana"];
/// The fields whose text decides whether two records align (as in `score.py`).
const KEY_FIELDS: &[&str] = &[
    "masalah",
    "kegiatan",
    "indikator.proses",
    "indikator.hasil",
    "indikator.target",
];
const ITEM_SEP: &str = " | ";
const MATCH_THRESHOLD: f64 = 0.5;
/// How far ahead greedy alignment looks for the partner of a record.
const LOOKAHEAD: usize = 6;
/// How many differing fields a failure lists.
const WORST_N: usize = 25;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/documents")
}

/// Every (expected file, input file) of the fixtures directory.
fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let dir = fixtures_dir();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in &names {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let inputs: Vec<&PathBuf> = names
            .iter()
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.strip_prefix(stem)
                        .is_some_and(|rest| rest.starts_with('.') && !rest.ends_with(".json"))
                })
            })
            .collect();
        assert!(
            !inputs.is_empty(),
            "{name}: no input file named {stem}.<ext> beside it"
        );
        // The same document in several formats shares one expectation.
        for input in inputs {
            out.push((path.clone(), input.clone()));
        }
    }
    out
}

// ------------------------------------------------------------------ text

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// 1 - Levenshtein / max length; two empty strings are 1.0.
fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    1.0 - levenshtein(&a, &b) as f64 / longest as f64
}

// ------------------------------------------------------------------ records

fn get<'a>(record: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(record, |v, part| v.get(part))
}

/// A field's items as text: strings as they are, agencies by their `text`.
fn items(record: &Value, path: &str) -> Vec<String> {
    match get(record, path) {
        Some(Value::Array(list)) => list
            .iter()
            .map(|x| match x {
                Value::String(s) => norm(s),
                Value::Object(o) => o
                    .get("text")
                    .and_then(Value::as_str)
                    .map(norm)
                    .unwrap_or_default(),
                other => norm(&other.to_string()),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn joined(record: &Value, path: &str) -> String {
    items(record, path).join(ITEM_SEP)
}

fn ids(record: &Value, path: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    if let Some(Value::Array(list)) = get(record, path) {
        for id in list
            .iter()
            .filter_map(|x| x.get("id").and_then(Value::as_str))
        {
            *out.entry(id.to_string()).or_insert(0) += 1;
        }
    }
    out
}

fn key_text(record: &Value) -> String {
    KEY_FIELDS
        .iter()
        .map(|f| items(record, f).join(" "))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn section(record: &Value) -> String {
    record
        .get("sub_gugus_tugas")
        .and_then(Value::as_str)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn record_no(record: &Value) -> String {
    record
        .get("no")
        .map_or_else(|| "?".into(), Value::to_string)
}

/// Order-preserving alignment of expected to produced records: by position
/// when the counts agree, otherwise greedily, each expected record taking the
/// most similar of the next few unaligned produced records.
fn align(gold: &[Value], pred: &[Value]) -> Vec<(usize, usize)> {
    if gold.len() == pred.len() {
        return (0..gold.len())
            .filter(|&i| similarity(&key_text(&gold[i]), &key_text(&pred[i])) >= MATCH_THRESHOLD)
            .map(|i| (i, i))
            .collect();
    }
    let mut pairs = Vec::new();
    let mut next = 0;
    for (i, g) in gold.iter().enumerate() {
        let key = key_text(g);
        let best = (next..pred.len().min(next + LOOKAHEAD))
            .map(|j| (j, similarity(&key, &key_text(&pred[j]))))
            .filter(|(_, s)| *s >= MATCH_THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((j, _)) = best {
            pairs.push((i, j));
            next = j + 1;
        }
    }
    pairs
}

// ------------------------------------------------------------------ report

/// One differing field of an aligned record pair.
struct Difference {
    similarity: f64,
    gold_no: String,
    pred_no: String,
    field: String,
    expected: String,
    got: String,
}

#[derive(Default)]
struct Report {
    gold: usize,
    pred: usize,
    matched: usize,
    /// field -> (similarity sum over aligned pairs, exact matches)
    fields: BTreeMap<&'static str, (f64, usize)>,
    agency: (usize, usize, usize),
    years: usize,
    sections: usize,
    lines: usize,
    extra: usize,
    doc: Vec<(&'static str, bool, String)>,
    differences: Vec<Difference>,
    unmatched_gold: Vec<String>,
    unmatched_pred: Vec<String>,
}

impl Report {
    fn ratio(&self, n: usize) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            n as f64 / self.gold as f64
        }
    }

    fn records_f1(&self) -> f64 {
        if self.gold + self.pred == 0 {
            return 1.0;
        }
        2.0 * self.matched as f64 / (self.gold + self.pred) as f64
    }

    fn text(&self) -> f64 {
        let fields = TEXT_FIELDS.len() + AGENCY_FIELDS.len();
        let sum: f64 = self.fields.values().map(|(s, _)| s).sum();
        if self.gold == 0 {
            1.0
        } else {
            sum / (self.gold * fields) as f64
        }
    }

    fn agency_f1(&self) -> f64 {
        let (tp, fp, fn_) = self.agency;
        if tp + fp + fn_ == 0 {
            return 1.0;
        }
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    }

    fn doc_ok(&self) -> usize {
        self.doc.iter().filter(|(_, ok, _)| *ok).count()
    }
}

fn compare(gold_doc: &Value, pred_doc: &Value) -> Report {
    let empty = Vec::new();
    let gold = gold_doc
        .get("records")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let pred = pred_doc
        .get("records")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let mut r = Report {
        gold: gold.len(),
        pred: pred.len(),
        ..Report::default()
    };
    let pairs = align(gold, pred);
    r.matched = pairs.len();
    let mut gold_seen = vec![false; gold.len()];
    let mut pred_seen = vec![false; pred.len()];
    for &(i, j) in &pairs {
        gold_seen[i] = true;
        pred_seen[j] = true;
        let (g, p) = (&gold[i], &pred[j]);
        for &field in TEXT_FIELDS.iter().chain(AGENCY_FIELDS) {
            let (a, b) = (joined(g, field), joined(p, field));
            let s = similarity(&a, &b);
            let entry = r.fields.entry(field).or_insert((0.0, 0));
            entry.0 += s;
            entry.1 += usize::from(a == b);
            if a != b {
                r.differences.push(Difference {
                    similarity: s,
                    gold_no: record_no(g),
                    pred_no: record_no(p),
                    field: field.to_string(),
                    expected: a,
                    got: b,
                });
            }
        }
        for field in AGENCY_FIELDS {
            let (a, b) = (ids(g, field), ids(p, field));
            let mut shown = (Vec::new(), Vec::new());
            for (id, &n) in &a {
                let m = b.get(id).copied().unwrap_or(0);
                r.agency.0 += n.min(m);
                r.agency.2 += n.saturating_sub(m);
            }
            for (id, &m) in &b {
                r.agency.1 += m.saturating_sub(a.get(id).copied().unwrap_or(0));
            }
            if a != b {
                shown.0 = a.iter().map(|(k, n)| format!("{k}x{n}")).collect();
                shown.1 = b.iter().map(|(k, n)| format!("{k}x{n}")).collect();
                r.differences.push(Difference {
                    similarity: 0.5,
                    gold_no: record_no(g),
                    pred_no: record_no(p),
                    field: format!("{field}.id"),
                    expected: shown.0.join(", "),
                    got: shown.1.join(", "),
                });
            }
        }
        let mut exact = |name: &str, a: Option<&Value>, b: Option<&Value>, counter: &mut usize| {
            let a = a.cloned().unwrap_or(Value::Null);
            let b = b.cloned().unwrap_or(Value::Null);
            if a == b {
                *counter += 1;
            } else {
                r.differences.push(Difference {
                    similarity: 0.0,
                    gold_no: record_no(g),
                    pred_no: record_no(p),
                    field: name.to_string(),
                    expected: a.to_string(),
                    got: b.to_string(),
                });
            }
        };
        let (mut years, mut lines, mut extra) = (0, 0, 0);
        exact(
            "waktu_pelaksanaan",
            g.get("waktu_pelaksanaan"),
            p.get("waktu_pelaksanaan"),
            &mut years,
        );
        exact("source", g.get("source"), p.get("source"), &mut lines);
        let no_extra = Value::Object(serde_json::Map::new());
        exact(
            "extra",
            Some(g.get("extra").unwrap_or(&no_extra)),
            Some(p.get("extra").unwrap_or(&no_extra)),
            &mut extra,
        );
        r.years += years;
        r.lines += lines;
        r.extra += extra;
        if section(g) == section(p) {
            r.sections += 1;
        } else {
            r.differences.push(Difference {
                similarity: 0.0,
                gold_no: record_no(g),
                pred_no: record_no(p),
                field: "sub_gugus_tugas".into(),
                expected: g
                    .get("sub_gugus_tugas")
                    .map(Value::to_string)
                    .unwrap_or_default(),
                got: p
                    .get("sub_gugus_tugas")
                    .map(Value::to_string)
                    .unwrap_or_default(),
            });
        }
    }
    // Agency ids of unaligned records are misses and false positives.
    for (i, g) in gold.iter().enumerate().filter(|(i, _)| !gold_seen[*i]) {
        r.agency.2 += AGENCY_FIELDS
            .iter()
            .map(|f| ids(g, f).values().sum::<usize>())
            .sum::<usize>();
        r.unmatched_gold
            .push(format!("#{} {}", i + 1, clip(&key_text(g), 90)));
    }
    for (j, p) in pred.iter().enumerate().filter(|(j, _)| !pred_seen[*j]) {
        r.agency.1 += AGENCY_FIELDS
            .iter()
            .map(|f| ids(p, f).values().sum::<usize>())
            .sum::<usize>();
        r.unmatched_pred
            .push(format!("#{} {}", j + 1, clip(&key_text(p), 90)));
    }
    r.doc = doc_checks(gold_doc, pred_doc);
    r.differences
        .sort_by(|a, b| a.similarity.total_cmp(&b.similarity));
    r
}

fn doc_checks(gold: &Value, pred: &Value) -> Vec<(&'static str, bool, String)> {
    let meta = |d: &Value, k: &str| {
        d.get("document")
            .and_then(|m| m.get(k))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let mut out = Vec::new();
    let (gt, pt) = (meta(gold, "title"), meta(pred, "title"));
    let title_ok = match (gt.as_str(), pt.as_str()) {
        (Some(a), Some(b)) => similarity(&norm(a), &norm(b)) >= 0.9,
        (None, None) => true,
        _ => false,
    };
    out.push(("title", title_ok, format!("expected {gt}, got {pt}")));
    for key in ["regulation", "period"] {
        let (a, b) = (meta(gold, key), meta(pred, key));
        out.push((key, a == b, format!("expected {a}, got {b}")));
    }
    let (a, b) = (meta(gold, "province"), meta(pred, "province"));
    let lower = |v: &Value| v.as_str().map(str::to_lowercase);
    out.push((
        "province",
        lower(&a) == lower(&b),
        format!("expected {a}, got {b}"),
    ));
    out
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

fn render(name: &str, r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "== {name}: records expected={} got={} aligned={}{}  records_f1={:.3} text={:.3} agency_f1={:.3} years={:.3} sections={:.3} lines={:.3} extra={:.3} doc={}/4",
        r.gold,
        r.pred,
        r.matched,
        if r.gold == r.pred { "" } else { " (COUNT MISMATCH)" },
        r.records_f1(),
        r.text(),
        r.agency_f1(),
        r.ratio(r.years),
        r.ratio(r.sections),
        r.ratio(r.lines),
        r.ratio(r.extra),
        r.doc_ok(),
    );
    let _ = writeln!(
        out,
        "   {:<18} {:>6} {:>6} {:>6}",
        "field", "mean", "recall", "exact"
    );
    for &field in TEXT_FIELDS.iter().chain(AGENCY_FIELDS) {
        let (sum, exact) = r.fields.get(field).copied().unwrap_or((0.0, 0));
        let mean = if r.matched == 0 {
            0.0
        } else {
            sum / r.matched as f64
        };
        let recall = if r.gold == 0 {
            1.0
        } else {
            sum / r.gold as f64
        };
        let _ = writeln!(
            out,
            "   {field:<18} {mean:6.3} {recall:6.3} {:6.3}",
            r.ratio(exact)
        );
    }
    for (key, ok, detail) in &r.doc {
        let _ = writeln!(
            out,
            "   document.{key:<11} {}  {detail}",
            if *ok { "ok   " } else { "WRONG" }
        );
    }
    for u in &r.unmatched_gold {
        let _ = writeln!(out, "   expected record with no partner: {u}");
    }
    for u in &r.unmatched_pred {
        let _ = writeln!(out, "   produced record with no partner: {u}");
    }
    out
}

fn render_differences(r: &Report) -> String {
    let mut out = String::new();
    for d in r.differences.iter().take(WORST_N) {
        let _ = writeln!(
            out,
            "   record {} (got record {}) field {} similarity {:.3}\n      expected: {}\n      got:      {}",
            d.gold_no,
            d.pred_no,
            d.field,
            d.similarity,
            clip(&d.expected, 300),
            clip(&d.got, 300)
        );
    }
    if r.differences.len() > WORST_N {
        let _ = writeln!(
            out,
            "   ... {} more differing fields",
            r.differences.len() - WORST_N
        );
    }
    out
}

fn failures(r: &Report, t: &Thresholds) -> Vec<String> {
    let mut f = Vec::new();
    let mut check = |what: &str, got: f64, min: f64| {
        if got + 1e-9 < min {
            f.push(format!("{what} {got:.3} < {min:.3}"));
        }
    };
    check("records_f1", r.records_f1(), t.records_f1);
    check("text", r.text(), t.text);
    check("agency_f1", r.agency_f1(), t.agency_f1);
    check("years", r.ratio(r.years), t.years);
    check("sections", r.ratio(r.sections), t.sections);
    check("lines", r.ratio(r.lines), t.lines);
    check("extra", r.ratio(r.extra), t.extra);
    if r.doc_ok() < t.doc {
        f.push(format!(
            "document metadata {}/4 right < {}",
            r.doc_ok(),
            t.doc
        ));
    }
    f
}

#[test]
fn fixtures_reach_their_thresholds() {
    let fixtures = fixtures();
    assert!(
        !fixtures.is_empty(),
        "no *.expected.json in {}",
        fixtures_dir().display()
    );
    let pipeline = Pipeline::new();
    let mut failed = Vec::new();
    for (expected_path, input_path) in &fixtures {
        let expected_text = std::fs::read_to_string(expected_path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", expected_path.display()));
        let expected: Value = serde_json::from_str(&expected_text)
            .unwrap_or_else(|e| panic!("{}: not valid JSON: {e}", expected_path.display()));
        let input = std::fs::read(input_path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", input_path.display()));
        let input_name = input_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let format = detect_format(Some(input_name), &input);
        let doc = pipeline
            .extract(&input, format, input_name)
            .unwrap_or_else(|e| panic!("{input_name}: extraction failed: {e}"));
        let got = serde_json::to_value(&doc).expect("a document serialises");
        assert_eq!(got["schema"], expected["schema"], "{input_name}: schema");
        assert_eq!(
            got["source"]["name"], input_name,
            "{input_name}: source.name"
        );
        if expected["source"]["name"] == input_name {
            assert_eq!(got["source"], expected["source"], "{input_name}: source");
        }
        let report = compare(&expected, &got);
        let thresholds = THRESHOLDS
            .iter()
            .find(|(name, _)| *name == input_name)
            .map_or(DEFAULT, |(_, t)| *t);
        let text = render(input_name, &report);
        print!("{text}");
        if std::env::var_os("PERGUB_GOLDEN_VERBOSE").is_some() {
            print!("{}", render_differences(&report));
        }
        let fails = failures(&report, &thresholds);
        if !fails.is_empty() {
            failed.push(format!(
                "{text}   BELOW THRESHOLD: {}\n   fields that differ most (expected vs got):\n{}",
                fails.join("; "),
                render_differences(&report)
            ));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

#[test]
fn similarity_matches_the_scorer() {
    assert_eq!(similarity("", ""), 1.0);
    assert_eq!(similarity("abc", ""), 0.0);
    assert!((similarity("kitten", "sitting") - (1.0 - 3.0 / 7.0)).abs() < 1e-12);
    assert!((similarity("Penanganan", "Penangan an") - (1.0 - 1.0 / 11.0)).abs() < 1e-12);
}

#[test]
fn unequal_counts_align_greedily_in_order() {
    let rec = |k: &str| serde_json::json!({ "kegiatan": [k] });
    let gold = vec![
        rec("Sosialisasi TPPO di desa"),
        rec("Rapat koordinasi gugus tugas"),
        rec("Pelatihan pendamping korban"),
    ];
    let pred = vec![
        rec("Sosialisasi TPPO di desa"),
        rec("Pelatihan pendamping korban"),
    ];
    assert_eq!(align(&gold, &pred), vec![(0, 0), (2, 1)]);
}

#[test]
fn a_differing_field_is_named_with_its_record_and_both_values() {
    let doc = |target: &str, years: &[u16]| {
        serde_json::json!({
            "document": { "title": "RAD", "regulation": null, "province": "Bali", "period": [2024, 2025] },
            "records": [
                { "no": 1, "kegiatan": ["Rapat koordinasi"], "indikator": { "target": ["Per triwulan"] },
                  "waktu_pelaksanaan": [2024], "source": { "lines": [5, 5] } },
                { "no": 2, "kegiatan": ["Sosialisasi TPPO"], "indikator": { "target": [target] },
                  "waktu_pelaksanaan": years, "source": { "lines": [6, 6] } }
            ]
        })
    };
    let report = compare(
        &doc("Setiap tahun", &[2024, 2025]),
        &doc("Setiaptahun", &[2024]),
    );
    assert_eq!((report.gold, report.pred, report.matched), (2, 2, 2));
    assert_eq!(report.years, 1);
    let listed = render_differences(&report);
    assert!(
        listed.contains("record 2 (got record 2) field waktu_pelaksanaan"),
        "{listed}"
    );
    assert!(
        listed.contains("record 2 (got record 2) field indikator.target"),
        "{listed}"
    );
    assert!(
        listed.contains("expected: Setiap tahun") && listed.contains("got:      Setiaptahun"),
        "{listed}"
    );
    let t = Thresholds {
        records_f1: 1.0,
        text: 0.0,
        agency_f1: 0.0,
        years: 1.0,
        sections: 1.0,
        lines: 1.0,
        extra: 1.0,
        doc: 4,
    };
    assert_eq!(failures(&report, &t), ["years 0.500 < 1.000"]);
}
