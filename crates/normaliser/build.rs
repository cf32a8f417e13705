//! Turns the lexicon data files (`data/lexicon/`) into static tables, so
//! that nothing is parsed at start-up: the words in one string with their
//! offsets and zipf frequencies, an open-addressing hash table over them,
//! the sorted edge keys and the sorted fragments.
//!
//! The words of the embedded agency registry's aliases get tables of their
//! own (`ALIAS_*`): the run-time words that
//! `Lexicon::extend_words(Registry::embedded().alias_words())` would add to
//! the embedded lexicon, compiled, so that a normaliser with the embedded
//! data adds nothing at start-up. In the trie they are a layer over the
//! embedded words (`TRIE_LAYERED`), so that one walk answers for both.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/lexicon/hash.rs"]
#[allow(dead_code)]
mod hash;

#[path = "src/lexicon/trie.rs"]
#[allow(dead_code)]
mod trie;

#[path = "src/lexicon/words.rs"]
#[allow(dead_code)]
mod words;

/// The agency registry, places and vocabulary as static tables.
#[path = "src/agency/codegen.rs"]
mod agency;

const WORDFREQ: &str = "data/lexicon/wordfreq_id.txt";
const DOMAIN: &str = "data/lexicon/domain_id.txt";
const FRAGMENTS: &str = "data/lexicon/fragments.txt";
/// The zipf of a domain word listed without one, and of an alias word.
const DEFAULT_ZIPF: f32 = words::DEFAULT_ZIPF;
/// Bits of the filter of the embedded words (a power of two).
const FILTER_BITS: usize = 1 << 18;

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_default()
}

/// What follows the hyphen of every word with exactly one (`undang` of
/// `perundang-undangan`), sorted and distinct.
fn hyphen_rights<'a>(words: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    words.filter_map(words::hyphen_right).collect()
}

/// Rust string literals of `items`.
fn literals<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    items.into_iter().map(|s| format!("{s:?}")).collect()
}

/// `pub(super) static {name}: [{ty}; n] = [items];`.
fn list(out: &mut String, name: &str, ty: &str, items: Vec<String>) {
    let _ = writeln!(
        out,
        "pub(super) static {name}: [{ty}; {}] = [{}];",
        items.len(),
        items.join(",")
    );
}

/// Numbers as the items of a [`list`].
fn numbers<T: ToString>(items: impl IntoIterator<Item = T>) -> Vec<String> {
    items.into_iter().map(|n| n.to_string()).collect()
}

/// A word table over `sorted` (distinct lower-case words, sorted, with
/// their zipf): `{prefix}TEXT` (the words concatenated), `{prefix}OFFSETS`,
/// `{prefix}ZIPF`, the open-addressing hash table `{prefix}SLOTS` (each
/// word's `words::slot`, 0 for an empty slot) and `{prefix}FILTER`, a
/// filter of `filter_bits` bits (a power of two) over the words' hashes.
fn word_table(out: &mut String, prefix: &str, sorted: &[(String, f32)], filter_bits: usize) {
    let mut text = String::new();
    let mut offsets = vec![0u32];
    let mut slots = Vec::with_capacity(sorted.len());
    for (w, zipf) in sorted {
        let slot = words::slot(text.len(), w.len(), *zipf);
        assert!(
            slot.is_some(),
            "the word table cannot hold {w:?}: a word of at most {} bytes, \
             all words together less than {} bytes",
            words::SLOT_MAX_LEN,
            words::SLOT_MAX_START
        );
        slots.push(slot.unwrap_or(0));
        text.push_str(w);
        offsets.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
    }
    let size = (sorted.len() * 2).next_power_of_two().max(2);
    let mut table = vec![0u64; size];
    for ((w, _), slot) in sorted.iter().zip(slots) {
        let mut at = (hash::word_hash(w.as_bytes()) as usize) & (size - 1);
        while table[at] != 0 {
            at = (at + 1) & (size - 1);
        }
        table[at] = slot;
    }
    let mut filter = vec![0u64; filter_bits / 64];
    for (w, _) in sorted {
        for bit in hash::filter_bits(hash::word_hash(w.as_bytes()), filter_bits) {
            filter[bit / 64] |= 1 << (bit % 64);
        }
    }
    let _ = writeln!(out, "/// Words, lower case, sorted, concatenated.");
    let _ = writeln!(out, "pub(super) static {prefix}TEXT: &str = {text:?};");
    list(out, &format!("{prefix}OFFSETS"), "u32", numbers(&offsets));
    list(
        out,
        &format!("{prefix}ZIPF"),
        "f32",
        sorted.iter().map(|(_, z)| format!("{z:?}")).collect(),
    );
    list(out, &format!("{prefix}SLOTS"), "u64", numbers(&table));
    list(out, &format!("{prefix}FILTER"), "u64", numbers(&filter));
}

/// The edge keys `keys` (`hash::edge_key`): `{name}_OTHER`, the keys that
/// are not three letters `a`-`z` sorted, and `{name}`, all keys sorted, for
/// the tests. Returns the bitmap of the keys of three letters
/// (`hash::edge_bit`), which answers for them with one load.
fn edge_tables<'a>(
    out: &mut String,
    name: &str,
    keys: impl IntoIterator<Item = &'a u64>,
) -> Vec<u64> {
    let mut bits = vec![0u64; hash::EDGE_BITMAP_WORDS];
    let mut other = BTreeSet::new();
    let mut all = BTreeSet::new();
    for &key in keys {
        all.insert(key);
        match hash::edge_bit(key) {
            Some(bit) => bits[bit / 64] |= 1 << (bit % 64),
            None => {
                other.insert(key);
            }
        }
    }
    list(out, &format!("{name}_OTHER"), "u64", numbers(&other));
    let _ = writeln!(out, "#[cfg(test)]");
    list(out, name, "u64", numbers(&all));
    bits
}

/// `{name}_BITS`: an edge bitmap.
fn edge_bitmap(out: &mut String, name: &str, bits: &[u64]) {
    list(out, &format!("{name}_BITS"), "u64", numbers(bits));
}

/// `TRIE_*`: the arrays of the trie of `words` and `fragments`, with the
/// alias words `upper` as a layer over them (`TRIE_LAYERED`: the values of
/// both; `trie::encode_layered`).
fn trie_tables<'a>(
    out: &mut String,
    words: impl IntoIterator<Item = (&'a str, f32)>,
    upper: impl IntoIterator<Item = (&'a str, f32)>,
    fragments: impl IntoIterator<Item = &'a str>,
) {
    let trie = trie::encode_layered(words, upper, fragments);
    let name = |part: &str| format!("TRIE_{part}");
    list(out, &name("FIRST"), "u32", numbers(&trie.first));
    list(out, &name("COUNT"), "u16", numbers(&trie.count));
    list(out, &name("LABELS"), "u8", numbers(&trie.labels));
    list(out, &name("VALUES"), "u32", numbers(&trie.values));
    list(out, &name("LAYERED"), "u32", numbers(&trie.layered));
    list(out, &name("LETTERS"), "u32", numbers(&trie.letters));
    list(out, &name("ROOT"), "u32", numbers(&trie.root));
}

/// The words `Lexicon::extend_words(aliases)` adds to the embedded
/// lexicon, with their zipf, sorted: the pieces of each alias
/// (`words::pieces`), trimmed, under their key (`words::key`), fragments
/// left out (`Lexicon::insert`'s rules).
fn alias_layer(aliases: &[String], fragments: &BTreeSet<String>) -> Vec<(String, f32)> {
    let mut layer: HashMap<String, f32> = HashMap::new();
    for piece in aliases.iter().flat_map(|a| words::pieces(a)) {
        let word = piece.trim();
        if word.is_empty() {
            continue;
        }
        let key = words::key(word);
        if fragments.contains(key.as_ref()) {
            continue;
        }
        let slot = layer.entry(key.into_owned()).or_insert(DEFAULT_ZIPF);
        *slot = slot.max(DEFAULT_ZIPF);
    }
    let mut sorted: Vec<(String, f32)> = layer.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    sorted
}

/// The `ALIAS_*` tables: the word table and longest word of the
/// alias words `layer`, and their hyphen rights that the embedded words
/// lack (`rights`): the lexicon consults both, so the others would change
/// no answer. And the `LAYERED_*` edge tables: the first and last three
/// letters of the alias words and of the embedded words (`starts`, `ends`),
/// the alias words being in use only with the embedded ones.
fn alias_tables(
    out: &mut String,
    layer: &[(String, f32)],
    starts: &BTreeSet<u64>,
    ends: &BTreeSet<u64>,
    rights: &BTreeSet<&str>,
) {
    // About sixteen bits a word: few misses pass the filter.
    let filter_bits = (layer.len() * 16).next_power_of_two().max(64);
    word_table(out, "ALIAS_", layer, filter_bits);
    let new_starts: BTreeSet<u64> = layer
        .iter()
        .filter_map(|(w, _)| hash::edge_key(w.chars()))
        .filter(|k| !starts.contains(k))
        .collect();
    let new_ends: BTreeSet<u64> = layer
        .iter()
        .filter_map(|(w, _)| hash::edge_key(w.chars().rev()))
        .filter(|k| !ends.contains(k))
        .collect();
    // The alias words go with the embedded ones: their tables hold the
    // keys of both.
    let bits = edge_tables(out, "LAYERED_STARTS", starts.iter().chain(&new_starts));
    edge_bitmap(out, "LAYERED_STARTS", &bits);
    let bits = edge_tables(out, "LAYERED_ENDS", ends.iter().chain(&new_ends));
    edge_bitmap(out, "LAYERED_ENDS", &bits);
    let new_rights: BTreeSet<&str> = hyphen_rights(layer.iter().map(|(w, _)| w.as_str()))
        .into_iter()
        .filter(|r| !rights.contains(r))
        .collect();
    list(out, "ALIAS_HYPHEN_RIGHTS", "&str", literals(new_rights));
    let longest = layer
        .iter()
        .map(|(w, _)| w.chars().count())
        .max()
        .unwrap_or(0);
    let _ = writeln!(out, "/// Longest alias word, in characters.");
    let _ = writeln!(out, "pub(super) const ALIAS_MAX_CHARS: usize = {longest};");
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon/hash.rs");
    println!("cargo:rerun-if-changed=src/lexicon/trie.rs");
    println!("cargo:rerun-if-changed=src/lexicon/words.rs");
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

    let dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let aliases = agency::write_tables(&dir);

    let mut out = String::new();
    let _ = writeln!(out, "/// Longest word of the general list, in characters.");
    let _ = writeln!(out, "pub(super) const MAX_CHARS: usize = {max_chars};");
    word_table(&mut out, "", &sorted, FILTER_BITS);
    let bits = edge_tables(&mut out, "STARTS", &starts);
    edge_bitmap(&mut out, "STARTS", &bits);
    let bits = edge_tables(&mut out, "ENDS", &ends);
    edge_bitmap(&mut out, "ENDS", &bits);
    list(
        &mut out,
        "FRAGMENTS",
        "&str",
        literals(fragments.iter().map(String::as_str)),
    );
    let rights = hyphen_rights(sorted.iter().map(|(w, _)| w.as_str()));
    list(
        &mut out,
        "HYPHEN_RIGHTS",
        "&str",
        literals(rights.iter().copied()),
    );
    let longest = fragments.iter().map(String::len).max().unwrap_or(0);
    let _ = writeln!(out, "/// Longest fragment, in bytes.");
    let _ = writeln!(out, "pub(super) const FRAGMENT_BYTES: usize = {longest};");
    // The same words (and the fragments) as a trie, the alias words as a
    // layer over it.
    let layer = alias_layer(&aliases, &fragments);
    trie_tables(
        &mut out,
        sorted.iter().map(|(w, z)| (w.as_str(), *z)),
        layer.iter().map(|(w, z)| (w.as_str(), *z)),
        fragments.iter().map(String::as_str),
    );
    alias_tables(&mut out, &layer, &starts, &ends, &rights);
    if let Err(e) = std::fs::write(dir.join("lexicon_tables.rs"), out) {
        println!("cargo:warning=cannot write the lexicon tables: {e}");
    }
}
