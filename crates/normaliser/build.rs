//! Turns the lexicon data files (`data/lexicon/`) into static tables, so
//! that nothing is parsed at start-up: the words in one string with their
//! offsets and zipf frequencies, an open-addressing hash table over them,
//! the sorted edge keys and the sorted fragments.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/lexicon/hash.rs"]
#[allow(dead_code)]
mod hash;

#[path = "src/lexicon/trie.rs"]
#[allow(dead_code)]
mod trie;

/// The agency registry, places and vocabulary as static tables.
#[path = "src/agency/codegen.rs"]
mod agency;

const WORDFREQ: &str = "data/lexicon/wordfreq_id.txt";
const DOMAIN: &str = "data/lexicon/domain_id.txt";
const FRAGMENTS: &str = "data/lexicon/fragments.txt";
/// The zipf of a domain word listed without one (`Lexicon`'s `DEFAULT_ZIPF`).
const DEFAULT_ZIPF: f32 = 3.5;

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_default()
}

/// What follows the hyphen of every word with exactly one (`undang` of
/// `perundang-undangan`), sorted and distinct, as Rust string literals.
fn hyphen_rights<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let rights: BTreeSet<&str> = words
        .filter_map(|w| w.split_once('-'))
        .filter(|(_, right)| !right.contains('-'))
        .map(|(_, right)| right)
        .collect();
    rights.iter().map(|r| format!("{r:?}")).collect()
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon/hash.rs");
    println!("cargo:rerun-if-changed=src/lexicon/trie.rs");
    let mut words: HashMap<String, f32> = HashMap::new();
    let mut starts = BTreeSet::new();
    let mut ends = BTreeSet::new();
    let mut max_chars = 0usize;
    let mut add = |word: &str, zipf: f32, general: bool| {
        let word = word.trim().to_lowercase();
        if word.is_empty() || !zipf.is_finite() {
            return;
        }
        if general {
            max_chars = max_chars.max(word.chars().count());
        }
        if let Some(k) = hash::edge_key(word.chars()) {
            starts.insert(k);
        }
        if let Some(k) = hash::edge_key(word.chars().rev()) {
            ends.insert(k);
        }
        let slot = words.entry(word).or_insert(zipf);
        *slot = slot.max(zipf);
    };
    for line in read(WORDFREQ).lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((bucket, list)) = line.split_once('\t') else {
            continue;
        };
        let Ok(bucket) = bucket.trim().parse::<u16>() else {
            continue;
        };
        let zipf = 9.0 - f32::from(bucket) / 100.0;
        for word in list.split(' ').filter(|w| !w.is_empty()) {
            add(word, zipf, true);
        }
    }
    for line in read(DOMAIN).lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (word, zipf) = match line.split_once('\t') {
            Some((w, z)) => (w, z.trim().parse::<f32>().unwrap_or(DEFAULT_ZIPF)),
            None => (line, DEFAULT_ZIPF),
        };
        add(word, zipf, false);
    }
    let mut fragments = BTreeSet::new();
    for line in read(FRAGMENTS)
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
    {
        for f in line.split_whitespace() {
            let f = f.to_lowercase();
            words.remove(&f);
            fragments.insert(f);
        }
    }
    let mut sorted: Vec<(String, f32)> = words.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));

    let mut text = String::new();
    let mut offsets = vec![0u32];
    for (w, _) in &sorted {
        text.push_str(w);
        offsets.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
    }
    let size = (sorted.len() * 2).next_power_of_two().max(2);
    let mut table = vec![0u32; size];
    for (i, (w, _)) in sorted.iter().enumerate() {
        let mut at = (hash::word_hash(w.as_bytes()) as usize) & (size - 1);
        while table[at] != 0 {
            at = (at + 1) & (size - 1);
        }
        table[at] = u32::try_from(i + 1).unwrap_or(u32::MAX);
    }

    let mut filter = vec![0u64; hash::FILTER_BITS / 64];
    for (w, _) in &sorted {
        for bit in hash::filter_bits(hash::word_hash(w.as_bytes())) {
            filter[bit / 64] |= 1 << (bit % 64);
        }
    }

    let mut out = String::new();
    let _ = writeln!(out, "/// Longest word of the general list, in characters.");
    let _ = writeln!(out, "pub(super) const MAX_CHARS: usize = {max_chars};");
    let _ = writeln!(out, "/// All words, lower case, sorted, concatenated.");
    let _ = writeln!(out, "pub(super) static TEXT: &str = {text:?};");
    let list = |out: &mut String, name: &str, ty: &str, items: Vec<String>| {
        let _ = writeln!(
            out,
            "pub(super) static {name}: [{ty}; {}] = [{}];",
            items.len(),
            items.join(",")
        );
    };
    list(
        &mut out,
        "OFFSETS",
        "u32",
        offsets.iter().map(u32::to_string).collect(),
    );
    list(
        &mut out,
        "ZIPF",
        "f32",
        sorted.iter().map(|(_, z)| format!("{z:?}")).collect(),
    );
    list(
        &mut out,
        "TABLE",
        "u32",
        table.iter().map(u32::to_string).collect(),
    );
    list(
        &mut out,
        "FILTER",
        "u64",
        filter.iter().map(u64::to_string).collect(),
    );
    list(
        &mut out,
        "STARTS",
        "u64",
        starts.iter().map(u64::to_string).collect(),
    );
    list(
        &mut out,
        "ENDS",
        "u64",
        ends.iter().map(u64::to_string).collect(),
    );
    list(
        &mut out,
        "FRAGMENTS",
        "&str",
        fragments.iter().map(|f| format!("{f:?}")).collect(),
    );
    list(
        &mut out,
        "HYPHEN_RIGHTS",
        "&str",
        hyphen_rights(sorted.iter().map(|(w, _)| w.as_str())),
    );
    let longest = fragments.iter().map(String::len).max().unwrap_or(0);
    let _ = writeln!(out, "/// Longest fragment, in bytes.");
    let _ = writeln!(out, "pub(super) const FRAGMENT_BYTES: usize = {longest};");
    let dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    // The same words (and the fragments) as a trie.
    let trie = trie::encode(
        sorted.iter().map(|(w, z)| (w.as_str(), *z)),
        fragments.iter().map(String::as_str),
    );
    let numbers = |items: &[u32]| items.iter().map(u32::to_string).collect();
    list(&mut out, "TRIE_FIRST", "u32", numbers(&trie.first));
    list(
        &mut out,
        "TRIE_COUNT",
        "u16",
        trie.count.iter().map(u16::to_string).collect(),
    );
    list(
        &mut out,
        "TRIE_LABELS",
        "u8",
        trie.labels.iter().map(u8::to_string).collect(),
    );
    list(&mut out, "TRIE_VALUES", "u32", numbers(&trie.values));
    list(&mut out, "TRIE_LETTERS", "u32", numbers(&trie.letters));
    list(&mut out, "TRIE_ROOT", "u32", numbers(&trie.root));
    agency::write_tables(&dir);
    if let Err(e) = std::fs::write(dir.join("lexicon_tables.rs"), out) {
        println!("cargo:warning=cannot write the lexicon tables: {e}");
    }
}
