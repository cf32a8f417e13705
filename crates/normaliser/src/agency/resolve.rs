//! Splitting a cell into agency mentions and resolving each.
//!
//! 1. The text is cut into [`Units`] with a space-free compact key.
//! 2. Every alias (and generic phrase) that matches the compact key exactly,
//!    starting and ending on unit boundaries, is a candidate; a dynamic
//!    programme picks the non-overlapping set that covers most, longer
//!    matches weighing more (so "Dinas Pendidikan dan Kebudayaan" beats
//!    "Dinas Pendidikan" + rest).
//! 3. What no alias covers is scored fuzzily against the aliases (typos such
//!    as "Disnakertans"), span by span, with the same preference for length.
//! 4. Each match swallows the jurisdiction that follows it ("Provinsi
//!    Banten", "Kab./Kota", "Serang").
//! 5. Leftover text between matches goes to the neighbour it belongs to:
//!    after a match with nothing between, it qualifies that match ("Kelas II
//!    Merak"); before a match with no separator, it is the match's sub-unit
//!    ("Bidang Hukum Polda"); between separators, or opening with an agency
//!    head word, it is a mention of its own.

use super::data::{generic_keys, PlaceKind, Places, Vocabulary};
use super::source::{self, Histogram};
use super::trie::Trie;
use super::units::{Gap, Units};
use super::{tables, Mention, Registry};
use crate::reuse;
use std::borrow::Cow;

/// Shortest compact key scored fuzzily.
const FUZZY_MIN_LEN: usize = 5;
/// Similarity from which a fuzzy candidate is accepted.
pub(crate) const FUZZY_THRESHOLD: f64 = 0.84;
/// Most edits a fuzzy match may need, however long the name: typos are a
/// letter or two, and a larger distance between long names is another name
/// ("Unit Pelayanan Terpadu ..." is not "Unit Pelaksana Teknis ...").
const FUZZY_MAX_EDITS: usize = 2;
/// Most units one fuzzy span may cover.
const FUZZY_MAX_UNITS: usize = 8;
/// Keys this short match only between real word boundaries.
const SHORT_KEY: usize = 4;

/// One key of the compiled index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    pub key: Cow<'static, str>,
    /// Letter and digit counts of `key`, for a cheap lower bound of the edit distance.
    pub histogram: Histogram,
    /// Registry entry, or `None` for a generic phrase.
    pub entry: Option<usize>,
}

/// All alias keys and generic keys, searchable by prefix and by length.
///
/// The embedded registry's index is compiled by the build script into
/// static tables; a registry read at run time compiles its own with the
/// same functions (`source.rs`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Index {
    pub keys: Cow<'static, [Key]>,
    /// The keys by their bytes.
    trie: Trie,
    /// (length in characters, key index), sorted, for the fuzzy scan.
    by_len: Cow<'static, [(usize, usize)]>,
}

impl Index {
    /// The index of the embedded registry.
    pub fn embedded() -> Index {
        Index {
            keys: Cow::Borrowed(tables::KEYS),
            trie: Trie::from_static(
                tables::KEY_TRIE_NODES,
                tables::KEY_TRIE_LABELS,
                tables::KEY_TRIE_TARGETS,
                tables::KEY_TRIE_ENDS,
            ),
            by_len: Cow::Borrowed(tables::KEYS_BY_LEN),
        }
    }

    /// The index of `entries` and the generic phrases.
    pub fn build(entries: &[super::Entry]) -> Index {
        let names = entries.iter().map(|e| {
            // The name is one of the aliases when the registry was read from TSV.
            let name = (!e.aliases.contains(&e.name)).then_some(&e.name);
            e.aliases.iter().chain(name).map(String::as_str)
        });
        let abbreviations = Vocabulary::embedded().abbreviations;
        let keys = source::index_keys(names, generic_keys(), abbreviations);
        let texts: Vec<&str> = keys.iter().map(|(key, _)| key.as_str()).collect();
        let trie = source::build_trie(&texts);
        let by_len = source::by_length(&texts);
        let keys: Vec<Key> = keys
            .into_iter()
            .map(|(key, entry)| Key {
                histogram: Histogram::of(&key),
                key: Cow::Owned(key),
                entry,
            })
            .collect();
        Index {
            keys: keys.into(),
            trie: Trie::from_tables(trie),
            by_len: by_len.into(),
        }
    }
}

/// A jurisdiction found after a mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Jurisdiction<'a> {
    /// Official place name, or the level as written ("Kabupaten/Kota").
    pub name: &'a str,
    /// The province it lies in, when known.
    pub province: Option<&'static str>,
}

/// A span of units resolved to one thing.
#[derive(Debug, Clone)]
struct Piece<'a> {
    from: usize,
    /// Exclusive end unit.
    to: usize,
    /// Byte end when the last unit is cut (a glued connector: "Jambidan").
    cut: Option<usize>,
    /// Entry, generic, or unknown.
    what: What,
    score: f64,
    jurisdiction: Option<Jurisdiction<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum What {
    Entry(usize),
    Generic,
    Unknown,
}

/// A candidate match.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    from: usize,
    to: usize,
    cut: Option<usize>,
    what: What,
    score: f64,
    weight: f64,
}

/// The buffers of mention resolution, kept from one item to the next: an
/// item needs a dozen small vectors, and a document has hundreds of items.
/// What they hold between two items means nothing.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    /// The item's units.
    units: Units,
    /// The units of one mention's text (its trailing jurisdiction, the
    /// province it names).
    pub(super) mention_units: Units,
    /// The keys found at one unit.
    found: Vec<usize>,
    /// Exact candidates, then the fuzzy ones too.
    candidates: Vec<Candidate>,
    fuzzy: Vec<Candidate>,
    /// The best cover of the candidates, and its table.
    chosen: Vec<Candidate>,
    cover: Vec<(f64, Option<usize>)>,
    /// Which units the exact matches cover.
    covered: Vec<bool>,
    /// The pieces of an item and a second list for the passes that rebuild
    /// them; empty between items (a piece borrows its item's text).
    pieces: Vec<Piece<'static>>,
    spare: Vec<Piece<'static>>,
    /// The leftover parts between two pieces.
    leftovers: Vec<(usize, usize)>,
}

/// One mention of an item, as found: its text and jurisdiction borrow the
/// item, its id the registry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'a> {
    pub text: &'a str,
    pub id: Option<&'a str>,
    pub generic: bool,
    pub score: f64,
    pub jurisdiction: Option<Jurisdiction<'a>>,
}

impl Found<'_> {
    /// The mention with its own copies of the text.
    pub(crate) fn to_mention(self) -> Mention {
        Mention {
            text: self.text.to_string(),
            id: self.id.map(String::from),
            jurisdiction: self.jurisdiction.map(|j| j.name.to_string()),
            province: self.jurisdiction.and_then(|j| j.province).map(String::from),
            generic: self.generic,
            score: self.score,
        }
    }
}

impl Registry {
    /// Split one restored item into mentions.
    pub(crate) fn resolve_item(&self, item: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        self.each_mention(item, &mut Workspace::default(), |found| {
            out.push(found.to_mention());
        });
        out
    }

    /// Split one restored item into mentions and hand each to `each`, in
    /// order, with the buffers of `workspace`.
    pub(crate) fn each_mention<'a>(
        &'a self,
        item: &'a str,
        workspace: &mut Workspace,
        mut each: impl FnMut(Found<'a>),
    ) {
        let Workspace {
            units,
            mention_units,
            found,
            candidates,
            fuzzy,
            chosen,
            cover,
            covered,
            pieces: kept_pieces,
            spare: kept_spare,
            leftovers,
        } = workspace;
        units.cut(item);
        let units = &*units;
        if units.len() == 0 {
            return;
        }
        let vocab = Vocabulary::embedded();
        self.exact_candidates(item, units, vocab, found, candidates);
        best_cover(units.len(), candidates, cover, chosen);
        self.fuzzy_candidates(item, units, chosen, vocab, covered, fuzzy);
        if !fuzzy.is_empty() {
            candidates.append(fuzzy);
            candidates.sort_by_key(|c| c.from);
            best_cover(units.len(), candidates, cover, chosen);
        }
        let mut pieces: Vec<Piece<'a>> = std::mem::take(kept_pieces);
        let mut spare: Vec<Piece<'a>> = std::mem::take(kept_spare);
        pieces.extend(chosen.iter().map(|c| Piece {
            from: c.from,
            to: c.to,
            cut: c.cut,
            what: c.what,
            score: c.score,
            jurisdiction: None,
        }));
        // Jurisdictions after each match.
        for k in 0..pieces.len() {
            let limit = pieces.get(k + 1).map_or(units.len(), |p| p.from);
            let Some(p) = pieces.get_mut(k) else { continue };
            if p.cut.is_some() {
                continue;
            }
            // "Kab./Kota se-Provinsi NTB": a jurisdiction may be followed by a wider one.
            while p.cut.is_none() {
                let Some((to, cut, j)) = jurisdiction(item, units, p.to, vocab) else {
                    break;
                };
                if to > limit || to <= p.to {
                    break;
                }
                p.to = to;
                p.cut = cut;
                p.jurisdiction = match p.jurisdiction.take() {
                    Some(first) if first.province.is_some() || j.province.is_none() => Some(first),
                    _ => Some(j),
                };
            }
        }
        join_parts(units, &mut pieces, &mut spare, vocab);
        distribute(item, units, &mut pieces, &mut spare, leftovers, vocab);
        for p in spare.drain(..) {
            if let Some(found) = self.mention(item, units, p, vocab, mention_units) {
                each(found);
            }
        }
        *kept_pieces = reuse(pieces);
        *kept_spare = reuse(spare);
    }

    fn mention<'a>(
        &'a self,
        item: &'a str,
        units: &Units,
        p: Piece<'a>,
        vocab: &Vocabulary,
        text_units: &mut Units,
    ) -> Option<Found<'a>> {
        let start = units.byte_start(p.from, item.len());
        let mut end = match p.cut {
            Some(c) => c,
            None => units
                .units
                .get(p.to.checked_sub(1)?)
                .map_or(item.len(), |u| u.end),
        };
        // Keep an abbreviation's full stop or a closing bracket ("Prov.", "(BNN)").
        if p.cut.is_none() {
            while let Some(c) = item.get(end..).and_then(|r| r.chars().next()) {
                if c == '.' || c == ')' {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
        }
        let text = item.get(start..end)?.trim();
        if text.is_empty() {
            return None;
        }
        // The jurisdiction that ends the text, when no match found one, and
        // to leave out when an unknown text is compared with generic phrases.
        let trailing = (p.jurisdiction.is_none() || p.what == What::Unknown)
            .then(|| trailing_jurisdiction_in(text, vocab, text_units))
            .flatten();
        let (id, generic, score) = match p.what {
            What::Entry(i) => (self.entries.get(i).map(|e| e.id.as_str()), false, p.score),
            What::Generic => (None, true, p.score),
            What::Unknown => {
                let core = trailing.map_or(text, |(start, _)| text.get(..start).unwrap_or(text));
                (None, super::is_generic_core(core), 0.0)
            }
        };
        Some(Found {
            text,
            id,
            generic,
            score,
            jurisdiction: p.jurisdiction.or(trailing.map(|(_, j)| j)),
        })
    }

    /// The exact candidates of an item into `out`, with `found` for the
    /// keys found at each unit.
    fn exact_candidates(
        &self,
        item: &str,
        units: &Units,
        vocab: &Vocabulary,
        found: &mut Vec<usize>,
        out: &mut Vec<Candidate>,
    ) {
        out.clear();
        for (i, unit) in units.units.iter().enumerate() {
            let rest = units.compact.get(unit.key_start..).unwrap_or("");
            self.index.trie.prefixes_of(rest, found);
            for &k in found.iter() {
                let Some(key) = self.index.keys.get(k) else {
                    continue;
                };
                let what = key.entry.map_or(What::Generic, What::Entry);
                let end = unit.key_start + key.key.len();
                let (to, cut) = if let Some(j) = units.unit_at(end) {
                    (j, None)
                } else if let Some(c) = connector_cut(item, units, end, vocab) {
                    c
                } else if let Some(j) = glued_jurisdiction(item, units, end, vocab) {
                    (j, None)
                } else {
                    continue;
                };
                if !boundaries_ok(units, i, to, cut.is_some(), key.key.len(), what, vocab) {
                    continue;
                }
                let len = key.key.len() as f64;
                out.push(Candidate {
                    from: i,
                    to,
                    cut,
                    what,
                    score: 1.0,
                    weight: len * len,
                });
            }
        }
    }

    /// The fuzzy candidates of the units `chosen` leaves into `out`, with
    /// `covered` for the units it covers.
    fn fuzzy_candidates(
        &self,
        item: &str,
        units: &Units,
        chosen: &[Candidate],
        vocab: &Vocabulary,
        covered: &mut Vec<bool>,
        out: &mut Vec<Candidate>,
    ) {
        let n = units.len();
        // Units already matched, or a jurisdiction after a match, or where a
        // jurisdiction starts, are not scored.
        covered.clear();
        covered.resize(n, false);
        out.clear();
        for c in chosen {
            let mut to = c.to;
            if c.cut.is_none() {
                if let Some((end, _, _)) = jurisdiction(item, units, c.to, vocab) {
                    to = end;
                }
            }
            for slot in covered.iter_mut().take(to).skip(c.from) {
                *slot = true;
            }
        }
        for i in 0..n {
            if covered.get(i).copied().unwrap_or(true)
                || is_connector_unit(units, i, vocab)
                || jurisdiction(item, units, i, vocab).is_some()
            {
                continue;
            }
            for j in i + 1..=(i + FUZZY_MAX_UNITS).min(n) {
                if covered.get(j - 1).copied().unwrap_or(true)
                    || units.unit_key(j - 1).is_some_and(|k| vocab.is_level(k))
                {
                    break;
                }
                if j - 1 > i && units.gap(j - 1) == Gap::Separator {
                    break;
                }
                if is_connector_unit(units, j - 1, vocab) {
                    continue;
                }
                let key = units.key(i, j);
                if key.chars().count() < FUZZY_MIN_LEN || vocab.is_level(key) {
                    continue;
                }
                if let Some((k, score)) = self.best_key(key) {
                    if score >= FUZZY_THRESHOLD {
                        let what = self
                            .index
                            .keys
                            .get(k)
                            .and_then(|k| k.entry)
                            .map_or(What::Generic, What::Entry);
                        let len = key.len() as f64;
                        out.push(Candidate {
                            from: i,
                            to: j,
                            cut: None,
                            what,
                            score,
                            weight: len * len * score,
                        });
                    }
                }
            }
        }
    }

    /// The key most similar to `key`, with its similarity.
    pub(crate) fn best_key(&self, key: &str) -> Option<(usize, f64)> {
        let len = key.chars().count();
        let histogram = Histogram::of(key);
        let mut best: Option<(usize, f64)> = None;
        // Only keys whose length allows the threshold: |a − b| ≤ (1 − t)·max.
        // Every edit changes the length by at most one: keys more than
        // `FUZZY_MAX_EDITS` longer or shorter can never be accepted.
        let lo = ((len as f64 * FUZZY_THRESHOLD).floor() as usize)
            .max(len.saturating_sub(FUZZY_MAX_EDITS));
        let hi = ((len as f64 / FUZZY_THRESHOLD).ceil() as usize).min(len + FUZZY_MAX_EDITS);
        let from = self
            .index
            .by_len
            .partition_point(|&(l, _)| l < lo.max(FUZZY_MIN_LEN));
        let to = self.index.by_len.partition_point(|&(l, _)| l <= hi);
        for &(clen, k) in self.index.by_len.get(from..to).unwrap_or(&[]) {
            let Some(cand) = self.index.keys.get(k) else {
                continue;
            };
            if histogram.presence_bound(&cand.histogram) > FUZZY_MAX_EDITS {
                continue;
            }
            let longer = len.max(clen) as f64;
            let diff = len.abs_diff(clen) as f64;
            let bound = histogram.distance_bound(&cand.histogram);
            if 1.0 - diff / longer < FUZZY_THRESHOLD
                || 1.0 - bound as f64 / longer < FUZZY_THRESHOLD
                || bound > FUZZY_MAX_EDITS
            {
                continue;
            }
            let edits = strsim::osa_distance(key, &cand.key);
            if edits > FUZZY_MAX_EDITS {
                continue;
            }
            let score = 1.0 - edits as f64 / longer;
            if !matches!(best, Some((_, s)) if s >= score) {
                best = Some((k, score));
            }
        }
        best
    }
}

/// Similarity of two compact keys: 1 − optimal-string-alignment distance / longer length.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let longer = a.chars().count().max(b.chars().count());
    if longer == 0 {
        return 1.0;
    }
    1.0 - strsim::osa_distance(a, b) as f64 / longer as f64
}

fn is_connector_unit(units: &Units, i: usize, vocab: &Vocabulary) -> bool {
    units.unit_key(i).is_some_and(|k| vocab.is_connector(k))
}

/// A match ending inside a unit whose remainder is a connector glued on
/// ("Jambidan"): the unit count to resume at and the byte where the match ends.
fn connector_cut(
    item: &str,
    units: &Units,
    end: usize,
    vocab: &Vocabulary,
) -> Option<(usize, Option<usize>)> {
    let k = units.unit_containing(end)?;
    let unit = units.units.get(k)?;
    let rest = units.compact.get(end..unit.key_end)?;
    if !vocab.is_connector(rest) {
        return None;
    }
    // The connector is ASCII: its bytes sit at the end of the original unit.
    let cut = unit.end.checked_sub(rest.len())?;
    let original = item.get(cut..unit.end)?;
    if !original.eq_ignore_ascii_case(rest)
        || units.units.get(k + 1).is_some_and(|u| u.gap == Gap::Glued)
    {
        return None;
    }
    Some((k + 1, Some(cut)))
}

/// A match ending inside a unit whose remainder is a capitalised level word or
/// place name glued on ("P2TP2AKab.", "BP3MINTB"): the unit count to resume at.
fn glued_jurisdiction(item: &str, units: &Units, end: usize, vocab: &Vocabulary) -> Option<usize> {
    let k = units.unit_containing(end)?;
    let unit = units.units.get(k)?;
    let rest = units.compact.get(end..unit.key_end)?;
    let original = item.get(unit.start..unit.end)?;
    if rest.len() < 3 || !original.is_ascii() {
        return None;
    }
    let at = original.get(end - unit.key_start..)?.chars().next()?;
    let known = vocab.is_level(rest) || Places::embedded().contains(rest);
    (at.is_ascii_uppercase() && known).then_some(k + 1)
}

/// Whether a match of units `from..to` sits on acceptable boundaries.
fn boundaries_ok(
    units: &Units,
    from: usize,
    to: usize,
    cut: bool,
    key_len: usize,
    what: What,
    vocab: &Vocabulary,
) -> bool {
    let start_gap = units.gap(from);
    let end_gap = if to < units.len() {
        units.gap(to)
    } else {
        Gap::Start
    };
    if key_len <= SHORT_KEY && (start_gap == Gap::Glued || (!cut && end_gap == Gap::Glued)) {
        // A short acronym glued to a neighbour ("RS" in "RSUD" is handled by the longer alias).
        let glued_to_capital = start_gap == Gap::Glued
            && units.units.get(from).is_some_and(|u| u.acronym)
            && (end_gap != Gap::Glued || units.units.get(to).is_some_and(|u| !u.acronym));
        if !glued_to_capital {
            return false;
        }
    }
    if what == What::Generic {
        let before_ok = from == 0
            || start_gap == Gap::Separator
            || is_connector_unit(units, from - 1, vocab)
            || units
                .unit_key(from - 1)
                .is_some_and(|k| ends_with_connector(k, vocab));
        let after_ok = to >= units.len()
            || cut
            || end_gap == Gap::Separator
            || is_connector_unit(units, to, vocab);
        return before_ok && after_ok;
    }
    true
}

fn ends_with_connector(key: &str, vocab: &Vocabulary) -> bool {
    vocab
        .connectors
        .iter()
        .any(|c| key.len() > c.len() && key.ends_with(c))
}

/// The non-overlapping candidates of greatest total weight, in order, into
/// `out`, with `best` for the table of the programme.
fn best_cover(
    n: usize,
    candidates: &[Candidate],
    best: &mut Vec<(f64, Option<usize>)>,
    out: &mut Vec<Candidate>,
) {
    // Candidates that start together are taken in their order: of two of
    // equal weight, the first wins.
    if !candidates.is_sorted_by_key(|c| c.from) {
        let mut sorted = candidates.to_vec();
        sorted.sort_by_key(|c| c.from);
        return best_cover(n, &sorted, best, out);
    }
    // From unit i on: the greatest total weight, and the candidate that
    // starts it.
    best.clear();
    best.resize(n + 1, (0.0, None));
    let total = |best: &[(f64, Option<usize>)], i: usize| best.get(i).map_or(0.0, |b| b.0);
    let mut end = candidates.partition_point(|c| c.from < n);
    for i in (0..n).rev() {
        let mut value = total(best, i + 1);
        let mut pick = None;
        let here = candidates.get(..end).unwrap_or_default();
        let start = here.partition_point(|c| c.from < i);
        end = start;
        for (k, c) in here.iter().enumerate().skip(start) {
            let v = c.weight + total(best, c.to);
            if v > value {
                value = v;
                pick = Some(k);
            }
        }
        if let Some(slot) = best.get_mut(i) {
            *slot = (value, pick);
        }
    }
    out.clear();
    let mut i = 0;
    while i < n {
        match best
            .get(i)
            .and_then(|b| b.1)
            .and_then(|k| candidates.get(k))
        {
            Some(c) if c.to > i => {
                out.push(*c);
                i = c.to;
            }
            _ => i += 1,
        }
    }
}

/// A jurisdiction starting at unit `at`: level words ("Provinsi", "Kab./Kota")
/// and/or a place name. Returns the unit after it, a cut byte, and the jurisdiction.
pub(crate) fn jurisdiction<'a>(
    item: &'a str,
    units: &Units,
    at: usize,
    vocab: &Vocabulary,
) -> Option<(usize, Option<usize>, Jurisdiction<'a>)> {
    let places = Places::embedded();
    let mut k = at;
    // "se-Kota Kupang", "se-Provinsi": every office of that level there.
    if units.unit_key(k) == Some("se") && k + 1 < units.len() {
        k += 1;
    }
    // At most two level words ("Kab./Kota"); the first says which place.
    let (mut levels, mut first_level) = (0, None);
    while levels < 2 {
        match units.unit_key(k) {
            Some(key) if vocab.is_level(key) => {
                first_level = first_level.or(Some(key));
                levels += 1;
                k += 1;
            }
            _ => break,
        }
    }
    // A place: the longest place key starting at unit k that ends where a
    // unit ends, or where a connector glued to the end of a unit begins
    // ("Jambidan").
    let mut place: Option<(usize, Option<usize>, &[usize])> = None;
    if let Some(unit) = units.units.get(k) {
        let rest = units.compact.get(unit.key_start..).unwrap_or("");
        // Keys come shortest first: the last one that fits is the longest.
        places.prefixes(rest, |len, names| {
            let end = unit.key_start + len;
            let fits = match units.unit_at(end) {
                Some(j) => Some((j, None)),
                None => units
                    .unit_containing(end)
                    .and_then(|u| units.units.get(u))
                    .filter(|u| u.key_end - unit.key_start <= places.longest)
                    .and_then(|_| connector_cut(item, units, end, vocab)),
            };
            if let Some((j, cut)) = fits {
                place = Some((j, cut, names));
            }
        });
    }
    let level_kind = first_level.map(|l| match l {
        "kabupaten" | "kab" | "pemkab" => Some(PlaceKind::Regency),
        "kota" | "kotamadya" | "pemkot" => Some(PlaceKind::City),
        _ => Some(PlaceKind::Province),
    });
    match place {
        Some((to, cut, found)) => {
            let candidates = || found.iter().filter_map(|&i| places.places.get(i));
            let wanted = if levels == 1 {
                level_kind.flatten()
            } else {
                None
            };
            let pick = wanted
                .and_then(|w| candidates().find(|p| p.kind == w))
                .or_else(|| candidates().find(|p| p.kind == PlaceKind::Province))
                .or_else(|| candidates().next());
            let pick = pick?;
            let same_province = candidates().all(|p| p.province == pick.province);
            let only = candidates().nth(1).is_none();
            let name = if wanted.is_some() || only || pick.kind == PlaceKind::Province {
                pick.name
            } else {
                let start = units.byte_start(k, item.len());
                let end = cut.unwrap_or_else(|| {
                    units
                        .units
                        .get(to.saturating_sub(1))
                        .map_or(item.len(), |u| u.end)
                });
                item.get(start..end).unwrap_or(pick.name)
            };
            let province = (same_province || wanted.is_some() || pick.kind == PlaceKind::Province)
                .then_some(pick.province);
            Some((to, cut, Jurisdiction { name, province }))
        }
        None if levels > 0 => {
            let start = units.byte_start(at, item.len());
            let end = units.units.get(k - 1).map_or(item.len(), |u| u.end);
            let name = item.get(start..end).unwrap_or("").trim();
            Some((
                k,
                None,
                Jurisdiction {
                    name,
                    province: None,
                },
            ))
        }
        None => None,
    }
}

/// The jurisdiction that ends `text`, if any, with the byte where it starts.
pub(crate) fn trailing_jurisdiction<'a>(
    text: &'a str,
    vocab: &Vocabulary,
) -> Option<(usize, Jurisdiction<'a>)> {
    trailing_jurisdiction_in(text, vocab, &mut Units::default())
}

/// [`trailing_jurisdiction`], with `units` to cut `text` into.
fn trailing_jurisdiction_in<'a>(
    text: &'a str,
    vocab: &Vocabulary,
    units: &mut Units,
) -> Option<(usize, Jurisdiction<'a>)> {
    units.cut(text);
    let units = &*units;
    for at in 1..units.len() {
        if let Some((to, cut, j)) = jurisdiction(text, units, at, vocab) {
            if to == units.len() && cut.is_none() {
                return Some((units.byte_start(at, text.len()), j));
            }
        }
    }
    None
}

/// Join a part of an organisation to the organisation named right after it
/// ("Bagian Kesra Setda Kabupaten X", "RS Bhayangkara Polda NTT", and a chain
/// of parts: "Unit PPA Satreskrim Polresta Banyumas"): one mention, with the
/// id of its first part. An organisation followed by its own part ("Polda
/// Kalbar Ditreskrimum") is one mention too. The pieces are joined in
/// place; `out` is a buffer for the first pass.
fn join_parts<'a>(
    units: &Units,
    pieces: &mut Vec<Piece<'a>>,
    out: &mut Vec<Piece<'a>>,
    vocab: &Vocabulary,
) {
    out.clear();
    for p in pieces.drain(..) {
        if let Some(prev) = out.last_mut() {
            let touching = prev.to == p.from
                && prev.cut.is_none()
                && units.gap(p.from) != Gap::Separator
                && matches!(p.what, What::Entry(_));
            let own_part = touching
                && prev.what == p.what
                && vocab.is_parent(units.key(prev.from, prev.to))
                && units.unit_key(p.from).is_some_and(|k| vocab.is_subunit(k));
            if own_part {
                prev.to = p.to;
                prev.cut = p.cut;
                continue;
            }
        }
        out.push(p);
    }
    // Parts before their organisation, right to left so that chains join.
    // "Satreskrim Polres Kupang": a piece that ends with its organisation.
    let names_parent = |p: &Piece<'_>| {
        (p.from..p.to).any(|k| {
            units
                .units
                .get(k)
                .is_some_and(|u| k == p.from || u.gap != Gap::Glued)
                && vocab.is_parent(units.key(k, p.to))
        })
    };
    let joined = pieces;
    // Whether the piece last pushed, as it was pushed, names its organisation.
    let mut last_names_parent = false;
    for p in out.drain(..).rev() {
        if let Some(next) = joined.last_mut() {
            let adjacent = p.to == next.from
                && p.cut.is_none()
                && p.jurisdiction.is_none()
                && units.gap(next.from) != Gap::Separator
                && matches!(p.what, What::Entry(_))
                && matches!(next.what, What::Entry(_));
            let part = units.unit_key(p.from).is_some_and(|k| vocab.is_subunit(k));
            if adjacent && part && last_names_parent {
                next.from = p.from;
                next.what = p.what;
                next.score = p.score;
                continue;
            }
        }
        last_names_parent = names_parent(&p);
        joined.push(p);
    }
    joined.reverse();
}

/// The first character of unit `i` as written.
fn first_char(item: &str, units: &Units, i: usize) -> Option<char> {
    let u = units.units.get(i)?;
    item.get(u.start..u.end)?.chars().next()
}

/// Give the text between matches to its neighbours or make it mentions of
/// their own: the pieces taken from `pieces` into `out`, with `leftovers`
/// for the parts between two pieces.
fn distribute<'a>(
    item: &str,
    units: &Units,
    pieces: &mut Vec<Piece<'a>>,
    out: &mut Vec<Piece<'a>>,
    leftovers: &mut Vec<(usize, usize)>,
    vocab: &Vocabulary,
) {
    let n = units.len();
    out.clear();
    let mut next_piece = pieces.drain(..).peekable();
    let mut pos = 0;
    loop {
        let next = next_piece.peek().cloned();
        let gap_end = next.as_ref().map_or(n, |p| p.from);
        if gap_end > pos {
            let prev_cut = out.last().is_some_and(|p| p.cut.is_some());
            split_leftover(units, pos, gap_end, vocab, leftovers);
            let sep_after_prev = prev_cut
                || units.gap(pos) == Gap::Separator
                || is_connector_unit(units, pos, vocab);
            let sep_before_next = next.is_none()
                || units.gap(gap_end) == Gap::Separator
                || (gap_end > 0 && is_connector_unit(units, gap_end - 1, vocab));
            let count = leftovers.len();
            let mut prefix: Option<usize> = None;
            for (idx, &(from, to)) in leftovers.iter().enumerate() {
                let heads = starts_with_head(units, from, vocab);
                let opens = heads || units.units.get(from).is_some_and(|u| u.acronym);
                // "Dinas Perindustrian dan Tenaga Kerja": after a bare connector,
                // words that open no new name continue the name before.
                let continues_prev = idx == 0
                    && sep_after_prev
                    && units.gap(pos) != Gap::Separator
                    && units.gap(from) != Gap::Separator
                    && !opens
                    && out.last().is_some_and(|p| matches!(p.what, What::Entry(_)));
                // "Dinas Pendidikan Kab. Banyumas Korwilcam ...": a name ends with
                // its jurisdiction (a known place); a capitalised word after it opens the next
                // name, unless it names a part of the one before ("Bidang ...").
                let after_jurisdiction = idx == 0
                    && units.gap(from) != Gap::Separator
                    && out
                        .last()
                        .and_then(|p| p.jurisdiction.as_ref())
                        .is_some_and(|j| j.province.is_some())
                    && first_char(item, units, from).is_some_and(char::is_uppercase)
                    && !units
                        .unit_key(from)
                        .is_some_and(|k| vocab.is_subunit(k) || vocab.is_level(k));
                let touches_prev = idx == 0
                    && (!sep_after_prev || continues_prev)
                    && !after_jurisdiction
                    && !out.is_empty();
                // "Balai ... Surakarta UPTD PPA": text ending with a place name
                // is a whole name, not a part of the match after it.
                let touches_next = idx + 1 == count
                    && !sep_before_next
                    && next.is_some()
                    && !ends_with_place(item, units, from, to, vocab);
                // "... Provinsi X Bidang Rehabilitasi Sosial": a part of the agency before.
                let part_of_prev = units.unit_key(from).is_some_and(|k| vocab.is_part(k));
                if touches_prev && (!heads || part_of_prev) {
                    if let Some(p) = out.last_mut() {
                        p.to = to;
                        p.cut = None;
                    }
                } else if touches_next {
                    prefix = Some(from);
                } else {
                    out.push(Piece {
                        from,
                        to,
                        cut: None,
                        what: What::Unknown,
                        score: 0.0,
                        jurisdiction: None,
                    });
                }
            }
            if let Some(from) = prefix {
                if let Some(p) = next_piece.peek_mut() {
                    p.from = from;
                }
            }
        }
        match next_piece.next() {
            Some(p) => {
                pos = p.to;
                out.push(p);
            }
            None => break,
        }
    }
}

/// Leftover units `from..to` cut at separators where the next part opens a
/// new name (a head word or an acronym), into `parts`; connector words are
/// dropped.
fn split_leftover(
    units: &Units,
    from: usize,
    to: usize,
    vocab: &Vocabulary,
    parts: &mut Vec<(usize, usize)>,
) {
    parts.clear();
    let mut start: Option<usize> = None;
    let mut i = from;
    while i < to {
        let connector = is_connector_unit(units, i, vocab);
        let separated = i > from && units.gap(i) == Gap::Separator;
        let opens =
            starts_with_head(units, i, vocab) || units.units.get(i).is_some_and(|u| u.acronym);
        if connector || (separated && opens) {
            let next_opens = connector && {
                let j = i + 1;
                j >= to
                    || starts_with_head(units, j, vocab)
                    || units.units.get(j).is_some_and(|u| u.acronym)
            };
            if !connector || next_opens || start.is_none() {
                if let Some(s) = start.take() {
                    parts.push((s, i));
                }
                if connector {
                    i += 1;
                    continue;
                }
            }
        }
        if start.is_none() {
            start = Some(i);
        }
        i += 1;
    }
    if let Some(s) = start {
        parts.push((s, to));
    }
}

/// Whether units `from..to` end with a place name (after at least one other unit).
fn ends_with_place(item: &str, units: &Units, from: usize, to: usize, vocab: &Vocabulary) -> bool {
    (from + 1..to).any(|k| {
        jurisdiction(item, units, k, vocab).is_some_and(|(end, cut, _)| end == to && cut.is_none())
    })
}

fn starts_with_head(units: &Units, i: usize, vocab: &Vocabulary) -> bool {
    units.unit_key(i).is_some_and(|k| vocab.is_head(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reused_pieces_keep_their_room() {
        let item = String::from("Dinsos Prov. Jambi");
        let mut pieces: Vec<Piece<'_>> = Vec::with_capacity(16);
        pieces.push(Piece {
            from: 0,
            to: 3,
            cut: None,
            what: What::Unknown,
            score: 0.0,
            jurisdiction: Some(Jurisdiction {
                name: item.as_str(),
                province: None,
            }),
        });
        let kept: Vec<Piece<'static>> = reuse(pieces);
        assert!(kept.is_empty());
        assert!(kept.capacity() >= 16, "{}", kept.capacity());
    }
}
