//! The agency registry in source form, and the index keys compiled from it.
//!
//! Shared by the library and the build script: the build script (through
//! `codegen.rs`) compiles the embedded registry into static tables with
//! these functions, and the library compiles a user registry with the same
//! ones at run time, so that both indexes agree key for key. Plain `std`
//! code only.

/// Lowercase letters and digits of `text`, `&` read as `dan`.
pub(crate) fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if c == '&' {
                out.push_str("dan");
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// One entry of a registry file: id, canonical name, aliases (the name
/// among them).
pub(crate) type SourceEntry = (String, String, Vec<String>);

/// Read a registry file (`id<TAB>name<TAB>alias|alias`, `#` comment
/// lines). A later line with an id already read replaces that entry. A
/// malformed line gives its number (from 1) and what is wrong with it.
pub(crate) fn parse_registry(text: &str) -> Result<Vec<SourceEntry>, (usize, &'static str)> {
    let mut entries: Vec<SourceEntry> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(id), Some(name)) = (parts.next(), parts.next()) else {
            return Err((i + 1, "expected id<TAB>name<TAB>aliases"));
        };
        let (id, name) = (id.trim(), name.trim());
        if id.is_empty() || name.is_empty() {
            return Err((i + 1, "empty id or name"));
        }
        let mut aliases: Vec<String> = parts
            .next()
            .unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        if !aliases.iter().any(|a| a == name) {
            aliases.push(name.to_string());
        }
        let entry = (id.to_string(), name.to_string(), aliases);
        match entries.iter_mut().find(|e| e.0 == entry.0) {
            Some(existing) => *existing = entry,
            None => entries.push(entry),
        }
    }
    Ok(entries)
}

/// The words of `aliases` for a lexicon, each once (as written, first
/// occurrence first): the pieces between characters that are neither
/// alphanumeric nor `-`.
pub(crate) fn alias_words<'a>(aliases: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut words: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for alias in aliases {
        for word in alias.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            if !word.is_empty() && seen.insert(word) {
                words.push(word);
            }
        }
    }
    words
}

/// A (long form, short form) pair of words: aliases match in either form.
pub(crate) type Abbreviation<'a> = (&'a [&'a str], &'a [&'a str]);

/// The keys of an index, in index order: the keys of each entry's names
/// (`names` lists them entry by entry), an entry's keys together and each
/// once, then each distinct generic key. A key names its entry, or `None`
/// for a generic phrase.
pub(crate) fn index_keys<'n, N>(
    names: N,
    generic: &[&str],
    abbreviations: &[Abbreviation<'_>],
) -> Vec<(String, Option<usize>)>
where
    N: IntoIterator,
    N::Item: IntoIterator<Item = &'n str>,
{
    let mut keys: Vec<(String, Option<usize>)> = Vec::new();
    for (i, aliases) in names.into_iter().enumerate() {
        // An entry's keys are contiguous: a repeated key is found among them.
        let first = keys.len();
        for alias in aliases {
            for key in variants(alias, abbreviations) {
                let repeated = keys
                    .get(first..)
                    .is_some_and(|own| own.iter().any(|(k, _)| *k == key));
                if !key.is_empty() && !repeated {
                    keys.push((key, Some(i)));
                }
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for g in generic {
        if !seen.contains(g) {
            seen.push(g);
            keys.push(((*g).to_string(), None));
        }
    }
    keys
}

/// The compact keys of an alias, with abbreviations expanded and contracted
/// ("Kanwil X" also as "Kantor Wilayah X").
fn variants(alias: &str, abbreviations: &[Abbreviation<'_>]) -> Vec<String> {
    let owned: Vec<String> = alias
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w == "&" {
                "dan".to_string()
            } else {
                compact(w)
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut forms: Vec<Vec<&str>> = vec![words];
    // Each round rewrites the forms the round before added (older forms
    // would only give forms already present).
    let mut fresh = 0..1;
    for _round in 0..2 {
        let mut next = Vec::new();
        for form in forms.get(fresh.clone()).unwrap_or(&[]) {
            let initials = form.iter().fold(0u32, |m, w| m | initial_bit(w));
            for (long, short) in abbreviations {
                for (from, to) in [(long, short), (short, long)] {
                    // Most abbreviations share no initial with the form.
                    let opens = from.first().map_or(0, |w| initial_bit(w));
                    if initials & opens == 0 {
                        continue;
                    }
                    if let Some(replaced) = replace_words(form, from, to) {
                        next.push(replaced);
                    }
                }
            }
        }
        let before = forms.len();
        for f in next {
            if !forms.contains(&f) {
                forms.push(f);
            }
        }
        fresh = before..forms.len();
        if fresh.is_empty() {
            break;
        }
    }
    let mut out: Vec<String> = forms.into_iter().map(|f| f.concat()).collect();
    out.dedup();
    out
}

/// A bit for the first letter of `word` (`a`–`z`); one bit shared by anything else.
fn initial_bit(word: &str) -> u32 {
    match word.bytes().next() {
        Some(b @ b'a'..=b'z') => 1 << (b - b'a'),
        _ => 1 << 26,
    }
}

/// `words` with the first run of `from` replaced by `to`, if `from` occurs.
fn replace_words<'a>(words: &[&'a str], from: &[&str], to: &[&'a str]) -> Option<Vec<&'a str>> {
    if from.is_empty() || words.len() < from.len() {
        return None;
    }
    let at = (0..=words.len() - from.len())
        .find(|&i| words.get(i..i + from.len()).is_some_and(|w| w == from))?;
    let mut out: Vec<&'a str> = Vec::with_capacity(words.len() - from.len() + to.len());
    out.extend_from_slice(words.get(..at)?);
    out.extend_from_slice(to);
    out.extend_from_slice(words.get(at + from.len()..)?);
    Some(out)
}

/// (length in characters, key index) for every key, sorted: the order of
/// the fuzzy scan, which looks at keys of a given length range.
pub(crate) fn by_length<K: AsRef<str>>(keys: &[K]) -> Vec<(usize, usize)> {
    let mut by_len: Vec<(usize, usize)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_ref().chars().count(), i))
        .collect();
    by_len.sort_unstable();
    by_len
}

/// A trie over the bytes of the keys, flattened into arrays, for finding
/// every key a text starts with in one walk (`resolve::Trie`).
///
/// Node 0 is the root. Node `n` is `nodes[n] = [first edge, edge count,
/// first end, end count]`: its edges are `labels[first..first + count]`
/// (ascending bytes) leading to `targets[first..first + count]`, and the
/// keys that end at it are `ends[first end..first end + end count]`
/// (ascending key indices).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TrieTables {
    pub(crate) nodes: Vec<[u32; 4]>,
    pub(crate) labels: Vec<u8>,
    pub(crate) targets: Vec<u32>,
    pub(crate) ends: Vec<u32>,
}

/// The trie of `keys` (key `i` ends at the node its bytes lead to), its
/// nodes numbered breadth first.
pub(crate) fn build_trie<K: AsRef<str>>(keys: &[K]) -> TrieTables {
    let bytes = |k: usize| keys.get(k).map_or(&[][..], |key| key.as_ref().as_bytes());
    let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    // Keys by their bytes: the keys below a node are a run of `order`,
    // those that end at the node first.
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| bytes(a).cmp(bytes(b)).then(a.cmp(&b)));
    let mut out = TrieTables::default();
    // (run of `order`, depth) of the nodes to lay out, in node order.
    let mut queue = std::collections::VecDeque::from([(0..order.len(), 0)]);
    let mut nodes = 1;
    while let Some((run, depth)) = queue.pop_front() {
        let below = order.get(run.clone()).unwrap_or_default();
        let ending = below
            .iter()
            .take_while(|&&k| bytes(k).len() == depth)
            .count();
        let first_edge = out.labels.len();
        let mut from = run.start + ending;
        while from < run.end {
            let label = order.get(from).and_then(|&k| bytes(k).get(depth)).copied();
            let to = from
                + order
                    .get(from..run.end)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|&&k| bytes(k).get(depth).copied() == label)
                    .count();
            out.labels.push(label.unwrap_or_default());
            out.targets.push(at(nodes));
            nodes += 1;
            queue.push_back((from..to, depth + 1));
            from = to.max(from + 1);
        }
        out.nodes.push([
            at(first_edge),
            at(out.labels.len() - first_edge),
            at(out.ends.len()),
            at(ending),
        ]);
        out.ends.extend(below.iter().take(ending).map(|&k| at(k)));
    }
    out
}

/// Counts of `a`–`z`, `0`–`9` and anything else in a compact key, and the
/// set of those present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Histogram {
    /// Count per slot, saturating.
    pub(crate) counts: [u8; 37],
    /// Bit per slot with a count.
    pub(crate) present: u64,
}

impl Histogram {
    /// The histogram of `key`.
    pub(crate) fn of(key: &str) -> Histogram {
        let mut h = [0u8; 37];
        let mut present = 0u64;
        for c in key.chars() {
            let slot = match c {
                'a'..='z' => c as usize - 'a' as usize,
                '0'..='9' => 26 + (c as usize - '0' as usize),
                _ => 36,
            };
            if let Some(n) = h.get_mut(slot) {
                *n = n.saturating_add(1);
                present |= 1 << slot;
            }
        }
        Histogram { counts: h, present }
    }

    /// A lower bound of the edit distance between the two keys: characters
    /// one has in excess must each be inserted, deleted or substituted.
    pub(crate) fn distance_bound(&self, other: &Histogram) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (a, b) in self.counts.iter().zip(other.counts.iter()) {
            if a > b {
                more += usize::from(a - b);
            } else {
                fewer += usize::from(b - a);
            }
        }
        more.max(fewer)
    }

    /// A cheaper and weaker lower bound ([`Histogram::distance_bound`] is
    /// never below it): characters only one key has at all.
    pub(crate) fn presence_bound(&self, other: &Histogram) -> usize {
        let only_self = (self.present & !other.present).count_ones();
        let only_other = (other.present & !self.present).count_ones();
        only_self.max(only_other) as usize
    }
}
