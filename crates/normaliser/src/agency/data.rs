//! The read-only data behind agency resolution: agency vocabulary, places
//! (provinces, regencies, cities) and generic phrases. All embedded.

use std::collections::HashMap;
use std::sync::OnceLock;

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
        } else if c == '&' {
            out.push_str("dan");
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Agency vocabulary (`vocabulary.tsv`).
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// Words that open an agency name.
    pub heads: Vec<String>,
    /// Jurisdiction level words (`provinsi`, `kab`).
    pub levels: Vec<String>,
    /// Words that join two mentions.
    pub connectors: Vec<String>,
    /// Prefixes of the first word of a part of an organisation.
    pub subunits: Vec<String>,
    /// Words that name a part of an organisation and never one on its own.
    pub parts: Vec<String>,
    /// Prefixes of the name of an organisation with such parts.
    pub parents: Vec<String>,
    /// (long words, short word) pairs, lowercase, words separated by one space.
    pub abbreviations: Vec<(Vec<String>, Vec<String>)>,
}

impl Vocabulary {
    pub fn embedded() -> &'static Vocabulary {
        static V: OnceLock<Vocabulary> = OnceLock::new();
        V.get_or_init(|| Vocabulary::parse(include_str!("vocabulary.tsv")))
    }

    fn parse(text: &str) -> Vocabulary {
        let mut v = Vocabulary::default();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut parts = line.split('\t');
            let kind = parts.next().unwrap_or("");
            let a = parts.next().unwrap_or("").trim().to_lowercase();
            let b = parts.next().unwrap_or("").trim().to_lowercase();
            match kind {
                "head" => v.heads.push(compact(&a)),
                "level" => v.levels.push(compact(&a)),
                "connector" => v.connectors.push(compact(&a)),
                "subunit" => v.subunits.push(compact(&a)),
                "parent" => v.parents.push(compact(&a)),
                "part" => v.parts.push(compact(&a)),
                "abbrev" if !a.is_empty() && !b.is_empty() => v.abbreviations.push((
                    a.split_whitespace().map(String::from).collect(),
                    b.split_whitespace().map(String::from).collect(),
                )),
                _ => {}
            }
        }
        v
    }

    pub fn is_head(&self, key: &str) -> bool {
        self.heads.iter().any(|h| h == key)
    }

    pub fn is_level(&self, key: &str) -> bool {
        self.levels.iter().any(|h| h == key)
    }

    pub fn is_subunit(&self, key: &str) -> bool {
        self.subunits.iter().any(|h| key.starts_with(h.as_str()))
    }

    pub fn is_parent(&self, key: &str) -> bool {
        self.parents.iter().any(|h| key.starts_with(h.as_str()))
    }

    pub fn is_part(&self, key: &str) -> bool {
        self.parts.iter().any(|h| h == key)
    }

    pub fn is_connector(&self, key: &str) -> bool {
        self.connectors.iter().any(|h| h == key)
    }
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
    pub name: String,
    /// The province's official name.
    pub province: String,
}

/// Places by compact key.
#[derive(Debug, Default)]
pub(crate) struct Places {
    pub places: Vec<Place>,
    /// Compact key → indices of the places it names (a bare regency name may be
    /// a regency and a city at once).
    pub keys: HashMap<String, Vec<usize>>,
    /// Longest key, in bytes.
    pub longest: usize,
}

impl Places {
    pub fn embedded() -> &'static Places {
        static P: OnceLock<Places> = OnceLock::new();
        P.get_or_init(|| Places::parse(include_str!("../../data/provinces.tsv")))
    }

    fn parse(text: &str) -> Places {
        let mut p = Places::default();
        // A name, its bare form and an alias or two per line.
        let lines = text.lines().count();
        p.places.reserve(lines);
        p.keys.reserve(lines * 2);
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (Some(kind), Some(name), Some(province)) = (cols.first(), cols.get(1), cols.get(2))
            else {
                continue;
            };
            let kind = match *kind {
                "provinsi" => PlaceKind::Province,
                "kabupaten" => PlaceKind::Regency,
                "kota" => PlaceKind::City,
                _ => continue,
            };
            let index = p.places.len();
            p.places.push(Place {
                kind,
                name: (*name).to_string(),
                province: (*province).to_string(),
            });
            let mut names: Vec<String> = vec![(*name).to_string()];
            let bare = name
                .strip_prefix("Kabupaten ")
                .or_else(|| name.strip_prefix("Kota "));
            if let Some(bare) = bare {
                names.push(bare.to_string());
            }
            if let Some(aliases) = cols.get(3) {
                names.extend(
                    aliases
                        .split('|')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(String::from),
                );
            }
            for n in names {
                let key = compact(&n);
                if key.is_empty() {
                    continue;
                }
                p.longest = p.longest.max(key.len());
                let slot = p.keys.entry(key).or_default();
                if !slot.contains(&index) {
                    slot.push(index);
                }
            }
        }
        p
    }

    /// The province named by `name` in any spelling ("JAWA BARAT", "Jabar", "Prov. Banten").
    pub fn province(&self, name: &str) -> Option<&str> {
        let mut key = compact(name);
        for prefix in ["provinsi", "propinsi", "prov"] {
            if let Some(rest) = key.strip_prefix(prefix) {
                if !rest.is_empty() {
                    key = rest.to_string();
                }
                break;
            }
        }
        let found = self.keys.get(&key)?;
        let place = found
            .iter()
            .filter_map(|&i| self.places.get(i))
            .find(|p| p.kind == PlaceKind::Province)?;
        Some(place.name.as_str())
    }
}

/// Generic phrases (`generic_mentions.tsv`) as compact keys.
pub(crate) fn generic_keys() -> &'static [String] {
    static G: OnceLock<Vec<String>> = OnceLock::new();
    G.get_or_init(|| {
        include_str!("../../data/generic_mentions.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(compact)
            .filter(|k| !k.is_empty())
            .collect()
    })
}
