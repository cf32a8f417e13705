//! Documents for the benchmarks: the seed, the Markdown fixtures, and as
//! many varied documents as wanted derived from them.
//!
//! A derived document keeps its source's header rows and text, and varies
//! what real RAD documents vary in: the order of plan rows within each
//! section (a row moves together with the continuation and ditto rows below
//! it), the number of pages (tables are dropped or repeated), the province,
//! and the years (the whole plan shifted by a few years). Generation is
//! deterministic: document `i` is the same on every run.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed document.
pub fn seed() -> String {
    read(&root().join("seeds/000_861539b47a742229.txt"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed and every Markdown fixture document (`fixtures/documents`,
/// `.md` and `.txt`, READMEs aside), distinct.
pub fn sources() -> Vec<String> {
    let mut out = vec![seed()];
    let mut paths = Vec::new();
    collect(&root().join("fixtures/documents"), &mut paths);
    paths.sort();
    for path in paths {
        let text = read(&path);
        if text.contains("\n|") && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "md" || e == "txt")
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("README"))
        {
            out.push(path);
        }
    }
}

/// `count` varied documents derived from `sources`, with file names.
pub fn generate(sources: &[String], count: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|i| {
            let mut rng = Rng::new(i as u64 + 1);
            let source = &sources[i % sources.len()];
            (format!("doc{i:04}.md"), derive(source, &mut rng))
        })
        .collect()
}

const PROVINCES: &[&str] = &[
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Jambi",
    "Sumatera Selatan",
    "Bengkulu",
    "Lampung",
    "Kepulauan Bangka Belitung",
    "Kepulauan Riau",
    "DKI Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "DI Yogyakarta",
    "Jawa Timur",
    "Bali",
    "Nusa Tenggara Barat",
    "Nusa Tenggara Timur",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Sulawesi Utara",
    "Sulawesi Tengah",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
    "Gorontalo",
    "Sulawesi Barat",
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
];

/// One derived document.
pub fn derive(source: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = source.lines().collect();
    // Blocks: runs of table lines, and single text lines.
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut in_table = false;
    for line in &lines {
        let is_row = line.trim_start().starts_with('|');
        if is_row && in_table {
            if let Some(b) = blocks.last_mut() {
                b.push(line);
            }
        } else {
            blocks.push(vec![line]);
        }
        in_table = is_row;
    }
    let tables: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i][0].trim_start().starts_with('|'))
        .collect();
    let mut out = String::with_capacity(source.len() * 2);
    let first_table = tables.first().copied().unwrap_or(blocks.len());
    for block in &blocks[..first_table] {
        for line in block {
            out.push_str(line);
            out.push('\n');
        }
    }
    // Between half and twice as many pages as the source.
    let pages = if tables.is_empty() {
        0
    } else {
        (tables.len() / 2).max(1) + rng.below(tables.len() * 3 / 2 + 1)
    };
    for page in 0..pages {
        // Pages in order, wrapping around when repeated.
        let table = &blocks[tables[page % tables.len()]];
        for line in shuffle_rows(table, rng) {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    let province = PROVINCES[rng.below(PROVINCES.len())];
    let shift = rng.below(9) as i32 - 2;
    shift_years(&rename_province(&out, province), shift)
}

fn first_cell(row: &str) -> &str {
    row.trim_start()
        .trim_start_matches('|')
        .split('|')
        .next()
        .unwrap_or("")
        .trim()
}

fn filled_cells(row: &str) -> usize {
    row.split('|').filter(|c| !c.trim().is_empty()).count()
}

fn is_data(row: &str) -> bool {
    row.split('|').any(|c| {
        let c = c.trim();
        matches!(c, "x" | "X" | "v" | "V" | "√" | "✓")
    })
}

/// A table's rows with its plan rows reordered within each section. Rows
/// up to the first one with a year mark stay in place (headers and a
/// continuation from the page before), as do section rows.
fn shuffle_rows<'a>(table: &[&'a str], rng: &mut Rng) -> Vec<&'a str> {
    let start = table
        .iter()
        .position(|r| is_data(r) && !first_cell(r).is_empty());
    let Some(start) = start else {
        return table.to_vec();
    };
    let mut out: Vec<&str> = table[..start].to_vec();
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let flush = |groups: &mut Vec<Vec<&'a str>>, out: &mut Vec<&'a str>, rng: &mut Rng| {
        rng.shuffle(groups);
        for g in groups.drain(..) {
            out.extend(g);
        }
    };
    for row in &table[start..] {
        let section = filled_cells(row) == 1 && row.to_uppercase().contains("GUGUS");
        if section {
            flush(&mut groups, &mut out, rng);
            out.push(row);
        } else if first_cell(row).is_empty() && !groups.is_empty() {
            if let Some(g) = groups.last_mut() {
                g.push(row);
            }
        } else {
            groups.push(vec![row]);
        }
    }
    flush(&mut groups, &mut out, rng);
    out
}

/// Replace the most frequent "Provinsi X" province of the text by `to`.
fn rename_province(text: &str, to: &str) -> String {
    let from = PROVINCES
        .iter()
        .chain(["Banten"].iter())
        .max_by_key(|p| text.matches(&format!("Provinsi {p}")).count())
        .copied()
        .unwrap_or("Banten");
    text.replace(from, to)
        .replace(&from.to_uppercase(), &to.to_uppercase())
}

/// Shift every four-digit year between 1990 and 2060 by `by`.
fn shift_years(text: &str, by: i32) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_digit();
        let boundary_after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if boundary_before && boundary_after && window.iter().all(u8::is_ascii_digit) {
            let year: i32 = text[i..i + 4].parse().unwrap_or(0);
            if (1990..=2060).contains(&year) {
                out.push_str(&text[copied..i]);
                out.push_str(&(year + by).to_string());
                copied = i + 4;
                i += 4;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Run the divan benchmarks, then `closing` (a measurement printed after
/// them) in a real benchmark run only: not when `cargo test` runs each
/// bench once, nor for `--list`.
pub fn bench_then(closing: impl FnOnce()) {
    divan::Divan::default()
        .max_time(std::time::Duration::from_secs(3))
        .config_with_args()
        .main();
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--list") {
        closing();
    }
}
