//! The read-only data behind agency resolution: agency vocabulary, places
//! (provinces, regencies, cities) and generic phrases. All embedded, and
//! compiled into static tables by the build script (`codegen.rs`): nothing
//! is read or indexed at run time.

pub(crate) use super::source::compact;
use super::source::Abbreviation;
use super::tables;
use super::trie::Trie;

/// Agency vocabulary (`vocabulary.tsv`), as compact keys.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    /// Words that open an agency name.
    pub heads: &'static [&'static str],
    /// Jurisdiction level words (`provinsi`, `kab`).
    pub levels: &'static [&'static str],
    /// Words that join two mentions.
    pub connectors: &'static [&'static str],
    /// Prefixes of the first word of a part of an organisation.
    pub subunits: &'static [&'static str],
    /// Words that name a part of an organisation and never one on its own.
    pub parts: &'static [&'static str],
    /// Prefixes of the name of an organisation with such parts.
    pub parents: &'static [&'static str],
    /// (long words, short words) pairs, lowercase.
    pub abbreviations: &'static [Abbreviation<'static>],
}

impl Vocabulary {
    pub fn embedded() -> &'static Vocabulary {
        &tables::VOCABULARY
    }

    pub fn is_head(&self, key: &str) -> bool {
        self.heads.contains(&key)
    }

    pub fn is_level(&self, key: &str) -> bool {
        self.levels.contains(&key)
    }

    pub fn is_subunit(&self, key: &str) -> bool {
        starts_with_any(key, self.subunits)
    }

    pub fn is_parent(&self, key: &str) -> bool {
        starts_with_any(key, self.parents)
    }

    pub fn is_part(&self, key: &str) -> bool {
        self.parts.contains(&key)
    }

    pub fn is_connector(&self, key: &str) -> bool {
        self.connectors.contains(&key)
    }
}

/// Whether `key` starts with one of `prefixes` (the first byte is compared
/// first: most keys share it with no prefix).
fn starts_with_any(key: &str, prefixes: &[&str]) -> bool {
    let first = key.as_bytes().first();
    prefixes
        .iter()
        .any(|p| p.as_bytes().first() == first && key.starts_with(p))
}

/// The level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Province,
    Regency,
    City,
}

/// One place of `provinces.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub kind: PlaceKind,
    /// Official name ("Jawa Barat", "Kabupaten Serang").
    pub name: &'static str,
    /// The province's official name.
    pub province: &'static str,
}

/// Places by compact key.
#[derive(Debug)]
pub(crate) struct Places {
    pub places: &'static [Place],
    /// Compact key → indices of the places it names (a bare regency name may be
    /// a regency and a city at once).
    keys: &'static [(&'static str, &'static [usize])],
    /// The keys, by their bytes.
    trie: Trie,
    /// Longest key, in bytes.
    pub longest: usize,
}

impl Places {
    pub fn embedded() -> &'static Places {
        static PLACES: Places = Places {
            places: tables::PLACES,
            keys: tables::PLACE_KEYS,
            trie: Trie::from_static(
                tables::PLACE_TRIE_NODES,
                tables::PLACE_TRIE_LABELS,
                tables::PLACE_TRIE_TARGETS,
                tables::PLACE_TRIE_ENDS,
            ),
            longest: tables::PLACE_LONGEST,
        };
        &PLACES
    }

    /// The indices of the places a compact key names.
    pub fn get(&self, key: &str) -> Option<&'static [usize]> {
        let (_, found) = self.keys.get(self.trie.get(key)?)?;
        Some(found)
    }

    /// Walk the place keys `text` (compact) starts with, shortest first:
    /// `visit` gets each key's length and the places it names.
    pub fn prefixes(&self, text: &str, mut visit: impl FnMut(usize, &'static [usize])) {
        let keys = self.keys;
        self.trie.walk(text, |len, found| {
            let places = found.first().and_then(|&k| keys.get(k as usize));
            if let Some((_, places)) = places {
                visit(len, places);
            }
        });
    }

    /// Whether a compact key names a place.
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The province named by `name` in any spelling ("JAWA BARAT", "Jabar", "Prov. Banten").
    pub fn province(&self, name: &str) -> Option<&'static str> {
        let mut key = compact(name);
        for prefix in ["provinsi", "propinsi", "prov"] {
            if let Some(rest) = key.strip_prefix(prefix) {
                if !rest.is_empty() {
                    key = rest.to_string();
                }
                break;
            }
        }
        self.get(&key)?
            .iter()
            .filter_map(|&i| self.places.get(i))
            .find(|p| p.kind == PlaceKind::Province)
            .map(|p| p.name)
    }
}

/// Generic phrases (`generic_mentions.tsv`) as compact keys, in file order.
pub(crate) fn generic_keys() -> &'static [&'static str] {
    tables::GENERIC
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_key_is_found() {
        let places = Places::embedded();
        assert!(places.keys.len() > 400, "{}", places.keys.len());
        for (key, found) in places.keys {
            assert_eq!(places.get(key), Some(*found), "{key}");
        }
        assert_eq!(places.get("atlantis"), None);
        assert_eq!(places.get(""), None);
        let serang: Vec<PlaceKind> = places
            .get("serang")
            .unwrap_or_default()
            .iter()
            .map(|&i| places.places[i].kind)
            .collect();
        assert_eq!(serang, [PlaceKind::Regency, PlaceKind::City]);
    }

    #[test]
    fn vocabulary_is_compiled() {
        let v = Vocabulary::embedded();
        assert!(v.is_head("dinas") && v.is_level("provinsi") && v.is_connector("dan"));
        assert!(v
            .abbreviations
            .contains(&(&["kantor", "wilayah"][..], &["kanwil"][..])));
    }
}
