//! Agency registry and resolution of agency mentions.

use std::sync::OnceLock;

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
    entries: Vec<Entry>,
}

/// One agency mention found in a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The restored text of the mention.
    pub text: String,
    /// The registry id, if it resolves.
    pub id: Option<String>,
}

impl Registry {
    /// The registry embedded in the binary.
    pub fn embedded() -> &'static Registry {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(|| Registry::from_tsv(include_str!("../../data/agencies.tsv")).unwrap_or_default())
    }

    /// Parse a registry TSV (`id<TAB>name<TAB>alias|alias`).
    pub fn from_tsv(text: &str) -> Result<Registry, crate::Error> {
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(id), Some(name)) = (parts.next(), parts.next()) else {
                return Err(crate::Error::BadLine { line: i + 1, message: "expected id<TAB>name<TAB>aliases".into() });
            };
            let mut aliases: Vec<String> = parts.next().unwrap_or("").split('|').map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect();
            aliases.push(name.to_string());
            entries.push(Entry { id: id.trim().to_string(), name: name.trim().to_string(), aliases });
        }
        Ok(Registry { entries })
    }

    /// Add `other`'s entries; an entry with an id already present replaces it.
    pub fn extend(&mut self, other: Registry) {
        for entry in other.entries {
            match self.entries.iter_mut().find(|e| e.id == entry.id) {
                Some(existing) => *existing = entry,
                None => self.entries.push(entry),
            }
        }
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Split one restored item into agency mentions and resolve each.
    pub fn mentions(&self, item: &str) -> Vec<Mention> {
        let lower = item.to_lowercase();
        let id = self
            .entries
            .iter()
            .flat_map(|e| e.aliases.iter().map(move |a| (e, a)))
            .filter(|(_, a)| lower.starts_with(&a.to_lowercase()))
            .max_by_key(|(_, a)| a.len())
            .map(|(e, _)| e.id.clone());
        vec![Mention { text: item.to_string(), id }]
    }
}
