//! Indonesian affix rules: a word not listed is still known when it is a
//! listed root with affixes (`penyuluhan` = `peN-` + `suluh` + `-an`), or a
//! reduplication (`undang-undang`, `perundang-undangan`, `masing-masing`).
//!
//! The rules follow standard Indonesian morphology (Tata Bahasa Baku Bahasa
//! Indonesia): suffixes and clitics `-kan`, `-i`, `-an`, `-nya`, `-lah`,
//! `-kah`; prefixes `di-`, `ter-`, `ber-`, `se-`, `per-`, `ke-...-an` and the
//! nasal prefixes `meN-` / `peN-`, whose nasal replaces the first consonant of
//! roots in `p`, `t`, `k`, `s` (`mem`+`pukul` = `memukul`).

/// Suffixes and clitics with the cost of one derivation (zipf units).
pub(super) const SUFFIXES: &[(&str, f32)] = &[
    ("kannya", 1.0),
    ("annya", 1.0),
    ("inya", 1.0),
    ("kanlah", 1.2),
    ("nya", 0.6),
    ("kan", 0.7),
    ("an", 0.7),
    ("lah", 1.0),
    ("kah", 1.2),
    ("i", 1.5),
];

/// How a prefix changes the first letter of a root.
#[derive(Clone, Copy)]
pub(super) enum Nasal {
    /// The root follows as is.
    None,
    /// The root follows as is, or had lost this first letter.
    Drops(char),
}

/// Prefixes: text, how the root begins, cost when the word has no suffix,
/// cost when it has one (confixes such as `ke-...-an` are cheaper).
pub(super) const PREFIXES: &[(&str, Nasal, f32, f32)] = &[
    ("memper", Nasal::None, 1.0, 0.9),
    ("diper", Nasal::None, 1.0, 0.9),
    ("meng", Nasal::Drops('k'), 0.8, 0.7),
    ("meny", Nasal::Drops('s'), 0.8, 0.7),
    ("mem", Nasal::Drops('p'), 0.8, 0.7),
    ("men", Nasal::Drops('t'), 0.8, 0.7),
    ("me", Nasal::None, 1.4, 0.8),
    ("peng", Nasal::Drops('k'), 0.9, 0.7),
    ("peny", Nasal::Drops('s'), 0.9, 0.7),
    ("pem", Nasal::Drops('p'), 0.9, 0.7),
    ("pen", Nasal::Drops('t'), 0.9, 0.7),
    ("pe", Nasal::None, 1.0, 0.8),
    ("per", Nasal::None, 1.0, 0.8),
    ("ber", Nasal::None, 0.8, 0.8),
    ("be", Nasal::None, 1.2, 1.1),
    ("ter", Nasal::None, 0.8, 0.8),
    ("se", Nasal::None, 1.2, 1.0),
    // Prefixes of loan formation, written attached (`antarperangkat`).
    ("antar", Nasal::None, 1.0, 1.0),
    ("non", Nasal::None, 1.0, 1.0),
    ("pasca", Nasal::None, 1.0, 1.0),
    ("pra", Nasal::None, 1.2, 1.2),
    ("swa", Nasal::None, 1.2, 1.2),
    ("multi", Nasal::None, 1.0, 1.0),
    // `di` and `ke` are also prepositions, written apart: as a prefix alone
    // they need strong evidence, as part of `di-...-kan` / `ke-...-an` less.
    ("di", Nasal::None, 5.0, 0.8),
    ("ke", Nasal::None, 9.0, 0.8),
];

/// Most prefixes of the rules beginning with one letter.
const PREFIXES_PER_LETTER: usize = 10;

/// The length of the longest prefix, in bytes (and letters: all ASCII).
const LONGEST_PREFIX: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < PREFIXES.len() {
        let len = PREFIXES[i].0.len();
        if len > longest {
            longest = len;
        }
        i += 1;
    }
    longest
};

/// The indices into [`PREFIXES`] of the prefixes beginning with each
/// letter `a`-`z` (padded with `u8::MAX`).
pub(super) const PREFIXES_BY_LETTER: [[u8; PREFIXES_PER_LETTER]; 26] = {
    let mut table = [[u8::MAX; PREFIXES_PER_LETTER]; 26];
    let mut i = 0;
    while i < PREFIXES.len() {
        let letter = (PREFIXES[i].0.as_bytes()[0] - b'a') as usize;
        let mut k = 0;
        while table[letter][k] != u8::MAX {
            k += 1;
        }
        table[letter][k] = i as u8;
        i += 1;
    }
    table
};

/// The prefixes of the rules that begin with the first letter of `word`
/// (the others cannot begin it).
fn prefixes_of(word: &str) -> impl Iterator<Item = &'static (&'static str, Nasal, f32, f32)> {
    prefixes_beginning(word.as_bytes().first().copied())
}

/// The prefixes of the rules that begin with the byte `first`.
fn prefixes_beginning(
    first: Option<u8>,
) -> impl Iterator<Item = &'static (&'static str, Nasal, f32, f32)> {
    let index = first
        .filter(u8::is_ascii_lowercase)
        .and_then(|b| PREFIXES_BY_LETTER.get(usize::from(b - b'a')));
    index
        .into_iter()
        .flatten()
        .take_while(|&&i| i != u8::MAX)
        .filter_map(|&i| PREFIXES.get(usize::from(i)))
}

/// What any derivation costs beyond its affixes: a listed form is surer.
pub(super) const DERIVED: f32 = 0.5;
/// Longest root (in bytes) a nasal prefix may restore a letter to.
pub(super) const ROOT_BUFFER: usize = 64;
/// Shortest root a derivation may stand on.
pub(super) const MIN_ROOT: usize = 3;

/// `word` without `prefix`, comparing the first byte before the rest (the
/// affix tables are tried in full for every candidate word).
#[inline]
fn strip_prefix<'a>(word: &'a str, prefix: &str) -> Option<&'a str> {
    if word.as_bytes().first() != prefix.as_bytes().first() {
        return None;
    }
    word.strip_prefix(prefix)
}

/// `word` without `suffix`, comparing the last byte before the rest.
#[inline]
fn strip_suffix<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    if word.as_bytes().last() != suffix.as_bytes().last() {
        return None;
    }
    word.strip_suffix(suffix)
}

/// Whether `word` begins with a prefix of the rules.
pub(crate) fn has_prefix(word: &str) -> bool {
    prefixes_of(word).any(|p| strip_prefix(word, p.0).is_some())
}

/// Whether a word beginning with `head` (lower case, at least the longest
/// prefix and three letters more) may be derived from a listed root, judged
/// by the root's first three letters (`starts` tests an edge key): after
/// each prefix it begins with, the rest begins a listed word (with the
/// letter a nasal dropped put back), or begins with another prefix.
pub(crate) fn root_may_start(head: &str, starts: &dyn Fn(u64) -> bool) -> bool {
    prefixes_of(head).any(|&(prefix, nasal, _, _)| {
        let Some(rest) = strip_prefix(head, prefix) else {
            return false;
        };
        let Some(key) = super::edge_key(rest.chars()) else {
            return true;
        };
        if starts(key) || has_prefix(rest) {
            return true;
        }
        match nasal {
            Nasal::Drops(letter) if rest.starts_with(['a', 'e', 'i', 'o', 'u']) => {
                super::edge_key(std::iter::once(letter).chain(rest.chars())).is_some_and(starts)
            }
            _ => false,
        }
    })
}

/// Whether a word ending with `tail` (lower case, at least the longest
/// suffix and three letters more) may be derived from a listed root by a
/// suffix: before a suffix it ends with, the stem ends a listed word
/// (`ends` tests an edge key of the last three letters, last first).
pub(crate) fn root_may_end(tail: &str, ends: &dyn Fn(u64) -> bool) -> bool {
    SUFFIXES.iter().any(|&(suffix, _)| {
        strip_suffix(tail, suffix)
            .is_some_and(|stem| super::edge_key(stem.chars().rev()).is_none_or(ends))
    })
}

/// The zipf of `word` (lower case) as derived from roots `known` gives.
/// `known` looks a listed word up; derivations stack at most two prefixes
/// and one suffix.
pub(crate) fn derived(word: &str, known: &dyn Fn(&str) -> Option<f32>) -> Option<f32> {
    if let Some(z) = reduplication(word, known) {
        return Some(z);
    }
    let mut best: Option<f32> = None;
    let mut consider = |z: Option<f32>| {
        if let Some(z) = z {
            if !best.is_some_and(|b| z <= b) {
                best = Some(z);
            }
        }
    };
    consider(prefixed(word, false, 2, known).map(|z| z - DERIVED));
    for &(suffix, cost) in SUFFIXES {
        if let Some(stem) = strip_suffix(word, suffix) {
            if stem.chars().count() < MIN_ROOT {
                continue;
            }
            // Derivational suffixes do not stack: no `-kan` + `-i`.
            if matches!(suffix, "i" | "kan" | "an")
                && (stem.ends_with("kan") || stem.ends_with("nya"))
            {
                continue;
            }
            consider(known(stem).map(|z| z - cost - DERIVED));
            consider(prefixed(stem, true, 2, known).map(|z| z - cost - DERIVED));
        }
    }
    best
}

/// The zipf of `word` as prefixes over a listed root (not the word itself).
fn prefixed(
    word: &str,
    suffixed: bool,
    depth: u8,
    known: &dyn Fn(&str) -> Option<f32>,
) -> Option<f32> {
    if depth == 0 {
        return None;
    }
    let mut best: Option<f32> = None;
    for &(prefix, nasal, bare, with_suffix) in prefixes_of(word) {
        let Some(rest) = strip_prefix(word, prefix) else {
            continue;
        };
        if rest.chars().count() < MIN_ROOT - 1 {
            continue;
        }
        let cost = if suffixed { with_suffix } else { bare };
        let mut consider = |root: &str| {
            if root.chars().count() < MIN_ROOT {
                return;
            }
            let direct = known(root);
            let deeper = prefixed(root, suffixed, depth - 1, known);
            for z in [direct, deeper].into_iter().flatten() {
                let z = z - cost;
                if !best.is_some_and(|b| z <= b) {
                    best = Some(z);
                }
            }
        };
        consider(rest);
        if let Nasal::Drops(letter) = nasal {
            if rest.starts_with(['a', 'e', 'i', 'o', 'u']) {
                // The root with its first letter back, without allocating.
                let mut buffer = [0u8; ROOT_BUFFER];
                let mut letter_bytes = [0u8; 4];
                let letter = letter.encode_utf8(&mut letter_bytes).as_bytes();
                let len = letter.len() + rest.len();
                if let Some(slot) = buffer.get_mut(..len) {
                    let (head, tail) = slot.split_at_mut(letter.len());
                    head.copy_from_slice(letter);
                    tail.copy_from_slice(rest.as_bytes());
                    if let Ok(root) = std::str::from_utf8(slot) {
                        consider(root);
                    }
                }
            }
        }
    }
    best
}

/// A hyphenated reduplication: `masing-masing`, `undang-Undang`,
/// `perundang-undangan`, `sayur-sayuran`: both halves share a stem that is
/// one half whole, the other with affixes.
pub(super) fn reduplication(word: &str, known: &dyn Fn(&str) -> Option<f32>) -> Option<f32> {
    let (left, right) = word.split_once('-')?;
    if right.contains('-') || left.is_empty() || right.is_empty() {
        return None;
    }
    let stem = shared_stem(left, right)?;
    let z = known(stem)
        .or_else(|| derived_simple(stem, known))
        .unwrap_or(2.5);
    Some(z - 0.5)
}

fn derived_simple(word: &str, known: &dyn Fn(&str) -> Option<f32>) -> Option<f32> {
    prefixed(word, false, 1, known)
}

/// Whether two halves (lower case) make a reduplication:
/// [`shared_stem`] on characters, without building strings.
pub(crate) fn is_reduplication(left: &[char], right: &[char]) -> bool {
    if left.len() < 2 || right.is_empty() {
        return false;
    }
    left == right || (may_share_stem(left, right) && shares_stem(left, right))
}

/// Whether two halves may share a stem, by a test of a few comparisons
/// that spares most calls of [`shares_stem`]: there the right half begins
/// with a stem of at least two letters that ends the left half, after
/// nothing or after a prefix (of at most [`LONGEST_PREFIX`] letters).
fn may_share_stem(left: &[char], right: &[char]) -> bool {
    let Some(head) = right.get(..2) else {
        return false;
    };
    (0..=LONGEST_PREFIX).any(|p| {
        left.get(p..)
            .is_some_and(|stem| stem.len() <= right.len() && stem.starts_with(head))
    })
}

/// [`is_reduplication`] of two different halves, without the quick test:
/// the left half is a stem, or a prefix and a stem, and the right half the
/// stem and nothing or a suffix.
fn shares_stem(left: &[char], right: &[char]) -> bool {
    let is_suffix = |rest: &[char]| {
        rest.is_empty()
            || SUFFIXES
                .iter()
                .any(|s| s.0.len() == rest.len() && s.0.chars().zip(rest).all(|(a, b)| a == *b))
    };
    let stem_at = |start: usize| {
        let Some(stem) = left.get(start..) else {
            return false;
        };
        stem.len() >= 3
            && right.len() >= stem.len()
            && right.get(..stem.len()) == Some(stem)
            && is_suffix(right.get(stem.len()..).unwrap_or(&[]))
    };
    let begins = |p: &str| p.len() < left.len() && p.chars().zip(left).all(|(a, b)| a == *b);
    let first = left.first().filter(|c| c.is_ascii()).map(|&c| c as u8);
    stem_at(0)
        || prefixes_beginning(first)
            .filter(|p| begins(p.0))
            .any(|p| stem_at(p.0.len()))
}

/// The stem two halves of a reduplication share, if they are one.
pub(crate) fn shared_stem<'a>(left: &'a str, right: &str) -> Option<&'a str> {
    if left.chars().count() < 2 {
        return None;
    }
    if left == right {
        return Some(left);
    }
    // `perundang-undangan`: the left half ends with the stem, the right
    // half begins with it; what is around the stem must be affixes. The
    // stem starts at the beginning of the left half or after a prefix:
    // the shortest prefix first.
    let mut starts = [0usize; PREFIXES.len() + 1];
    let mut count = 1;
    for p in prefixes_of(left) {
        if p.0.len() < left.len() && strip_prefix(left, p.0).is_some() {
            if let Some(slot) = starts.get_mut(count) {
                *slot = p.0.len();
                count += 1;
            }
        }
    }
    let starts = starts.get_mut(..count).unwrap_or(&mut []);
    starts.sort_unstable();
    for &start in starts.iter() {
        let stem = left.get(start..)?;
        if stem.chars().count() < 3 {
            break;
        }
        if let Some(suffix) = strip_prefix(right, stem) {
            if suffix.is_empty() || SUFFIXES.iter().any(|s| s.0 == suffix) {
                return Some(stem);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test of a shared stem never turns one away: every split
    /// of these words the full test accepts, the quick one accepts.
    #[test]
    fn the_quick_reduplication_test_keeps_every_reduplication() {
        let words = [
            "perundang-undangan",
            "undang-undang",
            "kupu-kupu",
            "anak-anaknya",
            "sebaik-baiknya",
            "berbagai-bagai",
            "memperbaiki-perbaikinya",
            "pemberdayaan-berdaya",
            "kanak-kanak",
            "di-dikan",
        ];
        let mut found = 0;
        for word in words {
            let Some((left, right)) = word.split_once('-') else {
                panic!("{word} has no hyphen");
            };
            let left: Vec<char> = left.chars().collect();
            let right: Vec<char> = right.chars().collect();
            for from in 0..left.len() {
                for to in 0..=right.len() {
                    let (l, r) = (&left[from..], &right[..to]);
                    if l.len() >= 2 && !r.is_empty() && shares_stem(l, r) {
                        found += 1;
                        assert!(may_share_stem(l, r), "{l:?} {r:?}");
                    }
                }
            }
        }
        assert!(found >= 10, "only {found} reduplications");
    }

    #[test]
    fn reduplication_on_characters_agrees_with_shared_stem() {
        let words = [
            "undang",
            "undangan",
            "perundang",
            "masing",
            "sayur",
            "sayuran",
            "kanak",
            "anak",
            "berlari",
            "lari",
            "se",
            "pe",
            "meng",
            "ab",
            "abc",
            "abcd",
            "dikit",
            "sedikit",
            "bagian",
            "kebagian",
            "gerak",
            "penggerak",
            "gerakan",
            "main",
            "mainan",
            "multiguna",
            "guna",
            "pascabencana",
            "bencana",
            "antarlembaga",
            "lembaga",
            "ba",
            "abab",
        ];
        for left in words {
            for right in words {
                let l: Vec<char> = left.chars().collect();
                let r: Vec<char> = right.chars().collect();
                assert_eq!(
                    is_reduplication(&l, &r),
                    shared_stem(left, right).is_some(),
                    "{left}-{right}"
                );
            }
        }
    }
}
