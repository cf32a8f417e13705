//! Agency registry and resolution of agency mentions.
//!
//! A [`Registry`] holds the agencies of `agencies.tsv` (embedded, and
//! extensible with a user file). [`Registry::mentions`] splits one restored
//! cell item into [`Mention`]s ("Kanwil Hukum dan HAM Banten BP3TKI Serang"
//! is two) and resolves each to a registry id, to a generic phrase ("Instansi
//! terkait", id `None` without alarm), or to nothing.
//!
//! Matching works on a space-free lowercase key, so glued and split words
//! ("DinasKesehatan", "Pember dayaan") match as typed; exact alias look-ups
//! come first, fuzzy scoring only for what they leave; a jurisdiction after a
//! name ("Provinsi Banten", "Prov. Banten", "Kab./Kota", "Serang") stays in the
//! mention's text and is reported as [`Mention::jurisdiction`].
//!
//! The exact look-ups walk a trie of every alias key once per word of the
//! cell, and place names are found the same way. The embedded registry,
//! its index, the places and the vocabulary are compiled into static tables
//! by the build script (`codegen.rs`, with the key functions of `source.rs`
//! that also index a user registry at run time), so a process builds
//! nothing before its first mention.
//!
//! Splitting follows the shape of the names, never a list of documents: an
//! alias matches only from the start of a word, so a longer unknown word
//! ("Dispermadesdukcapil") is never cut inside; a part followed by its
//! organisation is one mention ("Unit PPA Satreskrim Polresta Banyumas"), as
//! is a name with "&" or commas inside ("Dinas Lingkungan Hidup & Kebersihan");
//! a comma before a new name, a new name after a jurisdiction ("Dinas
//! Pendidikan Kab. Banyumas Korwilcam ..."), and a known name after a place
//! name ("... Surakarta UPTD PPA") start a new mention.
//!
//! # Fuzzy matching: method and thresholds
//!
//! Text no alias covers exactly is compared with every alias key by the
//! optimal-string-alignment distance (Levenshtein plus adjacent
//! transposition, the commonest typing slip: "Disnakertrasn"), as similarity
//! `1 − edits / longer length`. A span is accepted at similarity ≥ 0.84 and
//! at most 2 edits, from 5 letters on, over at most 8 words:
//!
//! - 0.84 lets one edit through from 7 letters on and two edits from 13 on,
//!   so acronyms of up to 6 letters never match fuzzily: there one changed
//!   letter is usually another agency ("Kemenkes"/"Kemendes",
//!   "Bapenda"/"Bappenda", both pairs in the registry at 1 edit);
//! - the cap of 2 edits holds for long names too: among the registry's alias
//!   keys of different agencies with similarity ≥ 0.84, 5 pairs lie within 2
//!   edits and 5 more at 4 edits, and a long name 3–4 edits away is mostly
//!   another name ("Unit Pelayanan Terpadu" is not "Unit Pelaksana Teknis").
//!
//! The distance comes from `strsim`. Measured against `rapidfuzz` 0.5 on all
//! 851,754 (span, alias) pairs that the cells of `fixtures/agencies/mentions.tsv`
//! put inside the length window (release build): both give the same distance
//! on every pair; rapidfuzz is about 10× faster per pair (0.28–0.56 s against
//! 3.2–5.5 s for all pairs; 0.14–0.27 s with its batch comparator). But a
//! cheap lower bound from letter counts rejects 99.2 % of the pairs first
//! (6,393 left, filter 24–36 ms); on those strsim takes 2–11 ms and rapidfuzz
//! 0.5–0.8 ms for the whole table. The saving is invisible next to the rest
//! of the pipeline, so the smaller dependency already in the tree stays.
//!
//! Before any distance is computed, keys are narrowed to those at most 2
//! characters longer or shorter than the span (each edit changes the length
//! by one at most), then by the letters only one of the two has, then by
//! letter counts. All three are lower bounds of the distance, so the match
//! found is the one scoring every key would find.
//!
//! ```
//! use pergub_normaliser::Registry;
//!
//! let registry = Registry::embedded();
//! let found = registry.mentions("Kanwil Hukum dan HAM Banten BP3TKI Serang");
//! let ids: Vec<_> = found.iter().map(|m| m.id.as_deref()).collect();
//! assert_eq!(ids, [Some("KEMENKUMHAM"), Some("BP3TKI")]);
//! assert_eq!(found[0].province.as_deref(), Some("Banten"));
//! ```

mod data;
mod resolve;
mod source;
mod trie;
mod units;

/// The embedded data, compiled into static tables by the build script
/// (`codegen.rs`).
mod tables {
    use super::data::{Place, PlaceKind, Vocabulary};
    use super::resolve::Key;
    use super::source::Histogram;
    use std::borrow::Cow;

    include!(concat!(env!("OUT_DIR"), "/agency_tables.rs"));
}

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

pub(crate) use resolve::Workspace;

/// One registry entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id (`DP3A`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Aliases, including the canonical name.
    pub aliases: Vec<String>,
}

/// The agency registry.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// Shared: a clone of the registry (one per [`crate::Normaliser`]) copies no table.
    entries: Arc<[Entry]>,
    index: Arc<resolve::Index>,
    /// The words of the aliases, each once ([`Registry::alias_words`]).
    words: Arc<[Cow<'static, str>]>,
}

/// One agency mention found in a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The restored text of the mention.
    pub text: String,
    /// The registry id, if it resolves.
    pub id: Option<String>,
    /// The jurisdiction the mention names, in official spelling where known
    /// ("Banten", "Kabupaten Serang"), or as written ("Kabupaten / Kota").
    pub jurisdiction: Option<String>,
    /// The province of that jurisdiction, when it is known.
    pub province: Option<String>,
    /// Whether the mention is a generic phrase that names no agency
    /// ("Instansi terkait", "Masyarakat").
    pub generic: bool,
    /// How well the text matched: 1 for an exact alias, the similarity for a
    /// fuzzy match, 0 when unresolved.
    pub score: f64,
}

impl Registry {
    /// The registry embedded in the binary.
    ///
    /// Its index was compiled by the build script: the first use reads only
    /// the entries.
    pub fn embedded() -> &'static Registry {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(|| Registry {
            entries: tables::ENTRIES
                .iter()
                .map(|(id, name, aliases)| Entry {
                    id: (*id).to_string(),
                    name: (*name).to_string(),
                    aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
                })
                .collect(),
            index: Arc::new(resolve::Index::embedded()),
            words: tables::ALIAS_WORDS
                .iter()
                .map(|w| Cow::Borrowed(*w))
                .collect(),
        })
    }

    /// Parse a registry TSV (`id<TAB>name<TAB>alias|alias`); `#` starts a comment line.
    pub fn from_tsv(text: &str) -> Result<Registry, crate::Error> {
        Ok(Registry::with_entries(read_entries(text)?))
    }

    fn with_entries(entries: Vec<Entry>) -> Registry {
        let index = Arc::new(resolve::Index::build(&entries));
        let aliases = entries
            .iter()
            .flat_map(|e| e.aliases.iter().map(String::as_str));
        let words = source::alias_words(aliases)
            .into_iter()
            .map(|w| Cow::Owned(w.to_string()))
            .collect();
        Registry {
            entries: entries.into(),
            index,
            words,
        }
    }

    /// Add `other`'s entries; an entry with an id already present replaces it.
    pub fn extend(&mut self, other: Registry) {
        let mut entries = self.entries.to_vec();
        for entry in other.entries.iter().cloned() {
            match entries.iter_mut().find(|e| e.id == entry.id) {
                Some(existing) => *existing = entry,
                None => entries.push(entry),
            }
        }
        *self = Registry::with_entries(entries);
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with id `id`.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Split one restored item into agency mentions and resolve each.
    pub fn mentions(&self, item: &str) -> Vec<Mention> {
        self.resolve_item(item)
    }

    /// Whether `text` is a generic phrase that names no agency ("Instansi
    /// terkait", "Masyarakat Provinsi Banten"); case, spaces and punctuation
    /// do not matter.
    pub fn is_generic(&self, text: &str) -> bool {
        is_generic_core(core_of(text))
    }

    /// The `n` entries nearest to `text`, best first: (id, canonical name,
    /// similarity in 0..=1). A trailing jurisdiction is ignored.
    pub fn nearest(&self, text: &str, n: usize) -> Vec<(String, String, f64)> {
        let key = data::compact(core_of(text));
        let histogram = source::Histogram::of(&key);
        let len = key.chars().count();
        // Score keys in order of their cheap upper bound; stop once no key
        // left can beat the n-th best entry found.
        let mut order: Vec<(f64, usize)> = self
            .index
            .keys
            .iter()
            .enumerate()
            .filter(|(_, k)| k.entry.is_some())
            .map(|(i, k)| {
                let longer = len.max(k.key.chars().count()).max(1) as f64;
                (
                    1.0 - histogram.distance_bound(&k.histogram) as f64 / longer,
                    i,
                )
            })
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut best: Vec<(usize, f64)> = Vec::new();
        for (bound, i) in order {
            if n == 0 || best.get(n - 1).is_some_and(|(_, s)| *s >= bound) {
                break;
            }
            let Some(k) = self.index.keys.get(i) else {
                continue;
            };
            let Some(entry) = k.entry else { continue };
            let score = resolve::similarity(&key, &k.key);
            match best.iter_mut().find(|(e, _)| *e == entry) {
                Some(slot) if slot.1 < score => slot.1 = score,
                Some(_) => {}
                None => best.push((entry, score)),
            }
            best.sort_by(|a, b| b.1.total_cmp(&a.1));
            best.truncate(n.max(1) * 4);
        }
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        best.into_iter()
            .take(n)
            .filter_map(|(i, s)| {
                self.entries
                    .get(i)
                    .map(|e| (e.id.clone(), e.name.clone(), s))
            })
            .collect()
    }

    /// The province a mention's text names ("Dinsos Prov. Banten", "BP3TKI
    /// Serang"), from its last place name; `None` when it names none or the
    /// place lies in several provinces.
    pub fn province_of(&self, text: &str) -> Option<String> {
        province_in(text, &mut units::Units::default()).map(String::from)
    }

    /// [`Registry::province_of`], with the buffers of `workspace`.
    pub(crate) fn province_with(
        &self,
        text: &str,
        workspace: &mut Workspace,
    ) -> Option<&'static str> {
        province_in(text, &mut workspace.mention_units)
    }

    /// The words of every alias, for a lexicon that should know agency
    /// vocabulary: the pieces of the aliases between characters that are
    /// neither alphanumeric nor `-`, each once, as written.
    pub fn alias_words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| w.as_ref())
    }

    /// The province named by `name` in any spelling ("JAWA BARAT", "Jabar",
    /// "Prov. Banten"), in official spelling.
    pub fn province(name: &str) -> Option<&'static str> {
        data::Places::embedded().province(name)
    }
}

/// The entries of a registry TSV.
fn read_entries(text: &str) -> Result<Vec<Entry>, crate::Error> {
    let entries =
        source::parse_registry(text).map_err(|(line, message)| crate::Error::BadLine {
            line,
            message: message.into(),
        })?;
    Ok(entries
        .into_iter()
        .map(|(id, name, aliases)| Entry { id, name, aliases })
        .collect())
}

/// The province `text` names, from its last place name, with `units` to
/// cut it into.
fn province_in(text: &str, units: &mut units::Units) -> Option<&'static str> {
    let vocab = data::Vocabulary::embedded();
    units.cut(text);
    let units = &*units;
    (0..units.len()).rev().find_map(|at| {
        resolve::jurisdiction(text, units, at, vocab).and_then(|(_, _, j)| j.province)
    })
}

/// Whether `core` (a text without its trailing jurisdiction) is a generic phrase.
fn is_generic_core(core: &str) -> bool {
    let key = data::compact(core);
    !key.is_empty() && data::generic_keys().contains(&key.as_str())
}

/// `text` without a trailing jurisdiction.
fn core_of(text: &str) -> &str {
    match resolve::trailing_jurisdiction(text, data::Vocabulary::embedded()) {
        Some((start, _)) => text.get(..start).unwrap_or(text),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(String, Option<String>)> {
        Registry::embedded()
            .mentions(text)
            .into_iter()
            .map(|m| (m.text, m.id))
            .collect()
    }

    fn pair(text: &str, id: Option<&str>) -> (String, Option<String>) {
        (text.to_string(), id.map(String::from))
    }

    #[test]
    fn run_together_agencies_split() {
        assert_eq!(
            ids("Kanwil Hukum dan HAM NTB BP3TKI Mataram DP3AP2KB Provinsi NTB Kantor Kesehatan Pelabuhan Kelas II Mataram"),
            [
                pair("Kanwil Hukum dan HAM NTB", Some("KEMENKUMHAM")),
                pair("BP3TKI Mataram", Some("BP3TKI")),
                pair("DP3AP2KB Provinsi NTB", Some("DP3A")),
                pair("Kantor Kesehatan Pelabuhan Kelas II Mataram", Some("KKP")),
            ]
        );
    }

    #[test]
    fn names_with_commas_stay_whole() {
        assert_eq!(
            ids("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan dan Keluarga Berencana Provinsi Banten"),
            [pair(
                "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan dan Keluarga Berencana Provinsi Banten",
                Some("DP3A")
            )]
        );
    }

    #[test]
    fn glue_split_and_typo() {
        assert_eq!(
            ids("DinasKesehat an Papua Barat"),
            [pair("DinasKesehat an Papua Barat", Some("DINKES"))]
        );
        assert_eq!(
            ids("Disnakretrans"),
            [pair("Disnakretrans", Some("DISNAKERTRANS"))]
        );
        assert_eq!(
            ids("Disnakertrans Provinsi Jambidan Pihakterka it"),
            [
                pair("Disnakertrans Provinsi Jambi", Some("DISNAKERTRANS")),
                pair("Pihakterka it", None)
            ]
        );
    }

    #[test]
    fn connectors_and_separators_split() {
        assert_eq!(
            ids("Biro Hukum DAN Polda Banten"),
            [
                pair("Biro Hukum", Some("BIRO_HUKUM")),
                pair("Polda Banten", Some("POLDA"))
            ]
        );
        assert_eq!(
            ids("Dinas Kese hatan/RS"),
            [
                pair("Dinas Kese hatan", Some("DINKES")),
                pair("RS", Some("RUMAH_SAKIT"))
            ]
        );
        assert_eq!(
            ids("Dinsos Kabupaten / Kota"),
            [pair("Dinsos Kabupaten / Kota", Some("DINSOS"))]
        );
    }

    #[test]
    fn jurisdiction_is_reported() {
        let m = Registry::embedded().mentions("Dinsos Prov. Banten");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].text, "Dinsos Prov. Banten");
        assert_eq!(m[0].jurisdiction.as_deref(), Some("Banten"));
    }

    #[test]
    fn every_office_of_a_place_is_a_jurisdiction() {
        let m = Registry::embedded().mentions("Camat se-Kota Kupang, Lurah se-Kota Kupang");
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m[0].text, "Camat se-Kota Kupang");
        assert_eq!(m[0].jurisdiction.as_deref(), Some("Kota Kupang"));
        assert_eq!(m[0].province.as_deref(), Some("Nusa Tenggara Timur"));
        assert_eq!(
            (m[1].text.as_str(), m[1].id.as_deref()),
            ("Lurah se-Kota Kupang", None)
        );
        assert!(!m[1].generic);
    }

    #[test]
    fn a_place_name_glued_to_an_acronym_ends_it() {
        let m = Registry::embedded().mentions("P2TP2AKab. Lombok Timur");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].id.as_deref(), Some("P2TP2A"));
        assert_eq!(m[0].jurisdiction.as_deref(), Some("Kabupaten Lombok Timur"));
    }

    #[test]
    fn generic_phrases() {
        let r = Registry::embedded();
        assert!(r.is_generic("Instansi terkait"));
        assert!(r.is_generic("MASYARAKAT"));
        assert!(!r.is_generic("Dinas Sosial"));
    }

    #[test]
    fn nearest_names_candidates() {
        let near = Registry::embedded().nearest("Dinas Sosiall", 2);
        assert_eq!(
            near.first().map(|n| n.0.as_str()),
            Some("DINSOS"),
            "{near:?}"
        );
    }

    #[test]
    fn user_entries_extend_and_override() {
        let mut registry = Registry::embedded().clone();
        assert_eq!(registry.mentions("Basarnas Kupang")[0].id, None);
        let user = Registry::from_tsv(
            "# user file\nBASARNAS\tBadan Nasional Pencarian dan Pertolongan\tBasarnas|Kantor SAR\nDINSOS\tDinas Sosial\tDinas Sosial\n",
        )
        .expect("valid user registry");
        registry.extend(user);
        let m = registry.mentions("Basarnas Kupang");
        assert_eq!(
            (m[0].id.as_deref(), m[0].text.as_str()),
            (Some("BASARNAS"), "Basarnas Kupang")
        );
        // The user's DINSOS replaced the embedded one, aliases included.
        assert_eq!(registry.get("DINSOS").map(|e| e.aliases.len()), Some(1));
        assert_eq!(
            registry.mentions("Dinas Sosial Kota Kupang")[0]
                .id
                .as_deref(),
            Some("DINSOS")
        );
    }

    #[test]
    fn the_compiled_registry_is_the_one_the_file_gives() {
        let registry = Registry::embedded();
        let read = Registry::from_tsv(include_str!("../../data/agencies.tsv"))
            .expect("the embedded registry file is valid");
        assert!(registry.entries().len() > 50);
        assert_eq!(registry.entries(), read.entries());
        assert!(
            *registry.index == *read.index,
            "the build script's index differs"
        );
        assert!(registry.alias_words().eq(read.alias_words()));
    }

    #[test]
    fn a_kept_workspace_resolves_like_a_fresh_one() {
        let registry = Registry::embedded();
        let table = include_str!("../../../../fixtures/agencies/mentions.tsv");
        let mut cells: Vec<&str> = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        assert!(cells.len() > 200, "{}", cells.len());
        // Long cells before short ones, so that buffers hold more than the next cell needs.
        cells.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let mut workspace = Workspace::default();
        for cell in cells {
            let mut kept = Vec::new();
            registry.each_mention(cell, &mut workspace, |found| kept.push(found));
            let fresh = registry.mentions(cell);
            assert_eq!(kept.len(), fresh.len(), "{cell}");
            for (found, mention) in kept.iter().zip(&fresh) {
                assert_eq!(found.to_mention(), *mention, "{cell}");
                assert_eq!(
                    registry.province_with(found.text, &mut workspace),
                    registry.province_of(found.text).as_deref(),
                    "{cell}"
                );
            }
        }
    }

    #[test]
    fn bad_registry_line_names_its_number() {
        let err = Registry::from_tsv("# c\nONLY_ID\n").expect_err("a line without a name");
        assert_eq!(err.to_string(), "line 2: expected id<TAB>name<TAB>aliases");
    }

    #[test]
    fn provinces_in_any_spelling() {
        assert_eq!(Registry::province("JAWA BARAT"), Some("Jawa Barat"));
        assert_eq!(Registry::province("Prov. NTT"), Some("Nusa Tenggara Timur"));
        assert_eq!(Registry::province("D.I. Yogyakarta"), Some("DI Yogyakarta"));
        let r = Registry::embedded();
        assert_eq!(r.province_of("BP3TKI Serang").as_deref(), Some("Banten"));
        assert_eq!(
            r.province_of("Polres Metro Jakarta Selatan").as_deref(),
            Some("DKI Jakarta")
        );
        assert_eq!(r.province_of("Dinsos Kabupaten / Kota"), None);
    }
}
