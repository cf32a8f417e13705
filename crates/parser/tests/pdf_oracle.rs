//! Word positions of the PDF reader against poppler's `pdftotext -bbox`, an
//! independent reader, on every PDF fixture: at least 99.5% of poppler's
//! words must have a word of ours with the same text on the same page whose
//! box agrees within 0.5 pt on all four sides.
//!
//! Skips (with a note) where poppler-utils is not installed.
#![cfg(feature = "pdf")]

use pergub_parser::pdf;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const TOLERANCE: f64 = 0.5;
const REQUIRED: f64 = 0.995;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf") && !p.ends_with("encrypted.pdf"))
        .collect();
    files.sort();
    files
}

/// Poppler's words: (page, text, [xMin, yMin, xMax, yMax]).
fn poppler_words(path: &Path) -> Option<Vec<(u32, String, [f64; 4])>> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut page = 0;
    let mut words = Vec::new();
    for line in text.lines() {
        if line.contains("<page ") {
            page += 1;
        }
        let Some(rest) = line.trim().strip_prefix("<word ") else {
            continue;
        };
        let attr = |name: &str| -> f64 {
            let key = format!("{name}=\"");
            let start = rest.find(&key).unwrap() + key.len();
            let end = start + rest[start..].find('"').unwrap();
            rest[start..end].parse().unwrap()
        };
        let body_start = rest.find('>').unwrap() + 1;
        let body_end = rest.rfind("</word>").unwrap();
        let word = rest[body_start..body_end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        words.push((
            page,
            word,
            [attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")],
        ));
    }
    Some(words)
}

#[test]
fn word_boxes_agree_with_pdftotext() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("note: pdftotext (poppler-utils) is not installed; skipping the word-position oracle test");
        return;
    }
    let files = fixtures();
    assert!(files.len() >= 4, "expected the PDF fixtures");
    let (mut total, mut agreed) = (0usize, 0usize);
    for path in files {
        let theirs = poppler_words(&path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let pages = pdf::pages(&bytes, &mut Vec::new()).unwrap();
        let mut ours: HashMap<(u32, &str), Vec<[f64; 4]>> = HashMap::new();
        for page in &pages {
            for w in &page.words {
                ours.entry((page.number, w.text.as_str()))
                    .or_default()
                    .push([w.x0, w.y0, w.x1, w.y1]);
            }
        }
        let (mut file_total, mut file_agreed) = (0usize, 0usize);
        for (page, text, bbox) in &theirs {
            file_total += 1;
            let close = ours.get(&(*page, text.as_str())).is_some_and(|boxes| {
                boxes
                    .iter()
                    .any(|b| b.iter().zip(bbox).all(|(a, z)| (a - z).abs() <= TOLERANCE))
            });
            if close {
                file_agreed += 1;
            } else if file_total - file_agreed <= 3 {
                eprintln!(
                    "{}: page {page} {text:?} {bbox:?} not matched",
                    path.display()
                );
            }
        }
        eprintln!("{}: {file_agreed}/{file_total} words agree", path.display());
        total += file_total;
        agreed += file_agreed;
    }
    let share = agreed as f64 / total as f64;
    assert!(
        share >= REQUIRED,
        "only {agreed} of {total} words ({share:.4}) agree within {TOLERANCE} pt"
    );
}
