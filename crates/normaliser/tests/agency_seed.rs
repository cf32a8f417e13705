//! Agency resolution over the seed document against its hand-made reference,
//! and the normaliser's agency diagnostics and province inference.

use pergub_model::{Format, Span};
use pergub_normaliser::Normaliser;
use pergub_parser::{Cell, ColumnRole, Parsed, RawRecord};
use serde_json::Value;
use std::collections::HashMap;

const SEED: &str = include_str!("../../../seeds/000_861539b47a742229.txt");
const EXPECTED: &str =
    include_str!("../../../fixtures/documents/000_861539b47a742229.expected.json");
const FIELDS: [&str; 3] = ["instansi", "penanggung_jawab", "pelaksana"];

fn ids(list: &Value) -> Vec<Option<String>> {
    list.as_array()
        .map(|a| {
            a.iter()
                .map(|m| m["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn seed_agency_ids_and_splits_match_the_reference() {
    let parsed = pergub_parser::parse(SEED.as_bytes(), Format::Markdown).expect("seed parses");
    let normalised = Normaliser::new().normalise(&parsed);
    let got: Value = serde_json::to_value(&normalised.records).expect("records serialise");
    let expected: Value = serde_json::from_str(EXPECTED).expect("reference is JSON");
    let expected = expected["records"].as_array().expect("records").clone();
    let got = got.as_array().expect("records").clone();
    assert_eq!(got.len(), expected.len(), "record count");

    let (mut tp, mut predicted, mut wanted) = (0usize, 0usize, 0usize);
    let mut differences = Vec::new();
    for (g, e) in got.iter().zip(&expected) {
        for field in FIELDS {
            let (gi, ei) = (ids(&g[field]), ids(&e[field]));
            let mut want: HashMap<&String, usize> = HashMap::new();
            for id in ei.iter().flatten() {
                *want.entry(id).or_default() += 1;
            }
            for id in gi.iter().flatten() {
                if let Some(n) = want.get_mut(id).filter(|n| **n > 0) {
                    *n -= 1;
                    tp += 1;
                }
            }
            predicted += gi.iter().flatten().count();
            wanted += ei.iter().flatten().count();
            if gi != ei {
                differences.push(format!(
                    "record {} {field}: expected {ei:?}, got {gi:?} ({})",
                    e["no"], g[field]
                ));
            }
        }
    }
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / wanted.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
    let report = format!(
        "agency-id F1 {f1:.3}; cells that differ:\n{}",
        differences.join("\n")
    );
    assert!(f1 >= 0.97, "{report}");
    assert!(differences.is_empty(), "{report}");
    assert_eq!(normalised.province.as_deref(), Some("Banten"));
    let unresolved: Vec<_> = normalised
        .diagnostics
        .iter()
        .filter(|d| d.code == "unresolved-agency")
        .collect();
    assert!(unresolved.is_empty(), "{unresolved:?}");
}

fn record(cells: &[(ColumnRole, &str)], line: u32) -> RawRecord {
    RawRecord {
        section: None,
        cells: cells
            .iter()
            .map(|(role, text)| (role.clone(), Cell::from_text(text)))
            .collect(),
        years: vec![2020],
        ditto: false,
        span: Span::line(line),
    }
}

#[test]
fn unknown_agency_gets_a_warning_naming_the_nearest_entries() {
    let parsed = Parsed {
        records: vec![record(
            &[
                (ColumnRole::Instansi, "Dinas Sosial Provinsi Bali"),
                (
                    ColumnRole::Pelaksana,
                    "Badan Pengelola Perbatasan, Instansi terkait",
                ),
            ],
            12,
        )],
        ..Parsed::default()
    };
    let normalised = Normaliser::new().normalise(&parsed);
    let record = &normalised.records[0];
    assert_eq!(record.instansi[0].id.as_deref(), Some("DINSOS"));
    let pelaksana: Vec<_> = record
        .pelaksana
        .iter()
        .map(|a| (a.text.as_str(), a.id.as_deref()))
        .collect();
    assert_eq!(
        pelaksana,
        [
            ("Badan Pengelola Perbatasan", None),
            ("Instansi terkait", None)
        ]
    );
    assert_eq!(
        normalised.diagnostics.len(),
        1,
        "{:?}",
        normalised.diagnostics
    );
    let d = &normalised.diagnostics[0];
    assert_eq!(d.code, "unresolved-agency");
    assert_eq!(d.record, Some(1));
    assert_eq!(d.field.as_deref(), Some("pelaksana"));
    assert_eq!(d.span, Some(Span::line(12)));
    assert!(
        d.message.starts_with(
            "agency \"Badan Pengelola Perbatasan\" resolves to no registry id; nearest: "
        ),
        "{}",
        d.message
    );
    assert_eq!(normalised.province.as_deref(), Some("Bali"));
}

#[test]
fn stated_province_wins_and_is_canonicalised() {
    let parsed = Parsed {
        province_hint: Some("JAWA BARAT".to_string()),
        records: vec![record(
            &[(ColumnRole::Instansi, "Dinas Sosial Provinsi Bali")],
            3,
        )],
        ..Parsed::default()
    };
    assert_eq!(
        Normaliser::new().normalise(&parsed).province.as_deref(),
        Some("Jawa Barat")
    );
}

#[test]
fn regency_mentions_give_their_province() {
    let parsed = Parsed {
        records: vec![
            record(
                &[(ColumnRole::Instansi, "Dinas Sosial Kabupaten Sumba Timur")],
                3,
            ),
            record(&[(ColumnRole::Instansi, "Polres Kupang Kota")], 4),
            record(&[(ColumnRole::Instansi, "Dinas Sosial Provinsi Bali")], 5),
        ],
        ..Parsed::default()
    };
    assert_eq!(
        Normaliser::new().normalise(&parsed).province.as_deref(),
        Some("Nusa Tenggara Timur")
    );
}

#[test]
fn a_tie_between_provinces_goes_to_the_first_named() {
    // One agency of each province; the pelaksana column comes first in
    // the table, but the instansi column is counted first.
    let parsed = Parsed {
        records: vec![record(
            &[
                (ColumnRole::Pelaksana, "Dinas Sosial Provinsi Bali"),
                (ColumnRole::Instansi, "Dinas Sosial Kabupaten Sumba Timur"),
            ],
            3,
        )],
        ..Parsed::default()
    };
    assert_eq!(
        Normaliser::new().normalise(&parsed).province.as_deref(),
        Some("Nusa Tenggara Timur")
    );
}

#[test]
fn a_cell_repeated_across_records_and_columns_fills_every_one() {
    // The same text as an agency and as a target group, in three records:
    // every record gets all of it, whichever use comes last.
    let cell = Cell {
        lines: vec![
            "1. Dinas Sosial Provinsi Bali".to_string(),
            "2. Dinas Kesehatan Provinsi Bali".to_string(),
        ],
    };
    let rows = [
        [ColumnRole::Instansi, ColumnRole::KelompokSasaran],
        [ColumnRole::KelompokSasaran, ColumnRole::Pelaksana],
        [ColumnRole::Pelaksana, ColumnRole::Instansi],
    ];
    let parsed = Parsed {
        records: rows
            .iter()
            .enumerate()
            .map(|(i, roles)| {
                let mut raw = record(&[], 3 + i as u32);
                raw.cells = roles.iter().map(|r| (r.clone(), cell.clone())).collect();
                raw
            })
            .collect(),
        ..Parsed::default()
    };
    let normalised = Normaliser::new().normalise(&parsed);
    let names = [
        "Dinas Sosial Provinsi Bali",
        "Dinas Kesehatan Provinsi Bali",
    ];
    let texts = |list: &[pergub_model::Agency]| -> Vec<String> {
        list.iter().map(|a| a.text.clone()).collect()
    };
    let [first, second, third] = &normalised.records[..] else {
        panic!("{} records", normalised.records.len());
    };
    assert_eq!(first.instansi.len(), 2, "{:?}", first.instansi);
    assert_eq!(texts(&first.instansi), names);
    assert_eq!(first.kelompok_sasaran, names);
    assert_eq!(second.kelompok_sasaran, names);
    assert_eq!(texts(&second.pelaksana), names);
    assert_eq!(texts(&third.pelaksana), names);
    assert_eq!(texts(&third.instansi), names);
    assert_eq!(third.instansi[0].id, first.instansi[0].id);
    assert!(first.instansi[0].id.is_some());
    assert_eq!(normalised.province.as_deref(), Some("Bali"));
}
