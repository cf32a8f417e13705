//! Units: the word pieces of a mention cell, and their space-free key.
//!
//! Converted tables glue words ("DinasKesehatan") and split them
//! ("Pember dayaan"). Matching therefore runs on the *compact key*: the
//! lowercase letters and digits of the text with every space and punctuation
//! mark removed. A unit is a run of letters and digits, further cut where case
//! changes from lower to upper ("Kanwil|Kemenag", "HAM|Banten"); each unit
//! remembers where it starts in the compact key and in the original text, and
//! what separated it from the unit before.

/// What stood between a unit and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Start of the text.
    Start,
    /// Nothing: a case change inside one run of letters.
    Glued,
    /// Whitespace or punctuation that does not separate mentions (`.`, `-`, `(`).
    Space,
    /// A mark that separates mentions (`,` `;` `/` `+` `|`).
    Separator,
}

/// One unit of a text.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Byte range of this unit's key (its lowercase letters and digits) in
    /// the compact key.
    pub key_start: usize,
    pub key_end: usize,
    /// What separated it from the previous unit.
    pub gap: Gap,
    /// Whether the unit's letters are all upper case (an acronym such as `LSM`).
    pub acronym: bool,
}

/// A text cut into units, with its compact key.
#[derive(Debug, Clone, Default)]
pub(crate) struct Units {
    pub units: Vec<Unit>,
    pub compact: String,
}

impl Units {
    /// Cut `text` into units.
    #[cfg(test)]
    pub fn new(text: &str) -> Units {
        let mut units = Units::default();
        units.cut(text);
        units
    }

    /// Cut `text` into these units, replacing what they held and keeping
    /// their room: a cell's mentions are cut one after the other.
    pub fn cut(&mut self, text: &str) {
        let Units { units, compact } = self;
        units.clear();
        compact.clear();
        let mut gap = Gap::Start;
        let mut chars = text.char_indices();
        let mut next = chars.next();
        while let Some((pos, c)) = next {
            next = chars.next();
            if c == '&' {
                push_unit(units, compact, text, pos, pos + 1, gap);
                gap = Gap::Space;
                continue;
            }
            if !c.is_alphanumeric() {
                if matches!(c, ',' | ';' | '/' | '+' | '|' | '\\') {
                    gap = Gap::Separator;
                } else if gap != Gap::Separator && gap != Gap::Start {
                    gap = Gap::Space;
                }
                continue;
            }
            // A run of letters and digits, cut at case changes.
            let mut piece_start = pos;
            let (mut before_prev, mut prev) = (None, c);
            let end = loop {
                let Some((at, cur)) = next.filter(|(_, cur)| cur.is_alphanumeric()) else {
                    break next.map_or(text.len(), |(at, _)| at);
                };
                next = chars.next();
                if is_case_cut(before_prev, prev, cur, next.map(|(_, c)| c)) {
                    push_unit(units, compact, text, piece_start, at, gap);
                    gap = Gap::Glued;
                    piece_start = at;
                }
                before_prev = Some(prev);
                prev = cur;
            };
            push_unit(units, compact, text, piece_start, end, gap);
            gap = Gap::Space;
        }
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// The key of unit `i`.
    pub fn unit_key(&self, i: usize) -> Option<&str> {
        let u = self.units.get(i)?;
        self.compact.get(u.key_start..u.key_end)
    }

    /// The compact key from unit `from` (inclusive) to unit `to` (exclusive).
    pub fn key(&self, from: usize, to: usize) -> &str {
        let a = self.key_offset(from);
        let b = self.key_offset(to);
        self.compact.get(a..b).unwrap_or("")
    }

    /// Offset in the compact key where unit `i` starts (the key's length past the end).
    pub fn key_offset(&self, i: usize) -> usize {
        self.units
            .get(i)
            .map_or(self.compact.len(), |u| u.key_start)
    }

    /// Byte where unit `i` starts (the text's end past the last unit).
    pub fn byte_start(&self, i: usize, text_len: usize) -> usize {
        self.units.get(i).map_or(text_len, |u| u.start)
    }

    /// The gap before unit `i` (`Start` past the end is never asked; `Separator` there
    /// would mean the same as the end of text).
    pub fn gap(&self, i: usize) -> Gap {
        self.units.get(i).map_or(Gap::Start, |u| u.gap)
    }

    /// The unit whose key starts exactly at compact offset `offset`, or the
    /// unit count when `offset` is the end of the key.
    pub fn unit_at(&self, offset: usize) -> Option<usize> {
        if offset == self.compact.len() {
            return Some(self.units.len());
        }
        self.units
            .binary_search_by_key(&offset, |u| u.key_start)
            .ok()
    }

    /// The unit that contains compact offset `offset` strictly inside it.
    pub fn unit_containing(&self, offset: usize) -> Option<usize> {
        let idx = self.units.partition_point(|u| u.key_start <= offset);
        let i = idx.checked_sub(1)?;
        let u = self.units.get(i)?;
        (offset > u.key_start && offset < u.key_end).then_some(i)
    }
}

/// Add the unit of `text[start..end]` (`&` read as `dan`), and its key to
/// the compact key.
fn push_unit(
    units: &mut Vec<Unit>,
    compact: &mut String,
    text: &str,
    start: usize,
    end: usize,
    gap: Gap,
) {
    let original = text.get(start..end).unwrap_or("");
    let key_start = compact.len();
    if original == "&" {
        compact.push_str("dan");
    } else if original.is_ascii() {
        compact.push_str(original);
        if let Some(key) = compact.get_mut(key_start..) {
            key.make_ascii_lowercase();
        }
    } else {
        compact.push_str(&original.to_lowercase());
    }
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let acronym = letters.clone().nth(1).is_some() && letters.all(char::is_uppercase);
    units.push(Unit {
        start,
        end,
        key_start,
        key_end: compact.len(),
        gap,
        acronym,
    });
}

/// Whether a run of letters should be cut between `prev` and `cur`: `aB`
/// (lower then upper), or `ABc` (an acronym glued to a capitalised word:
/// `HAMBanten`). `before_prev` and `next` are the run's letters around
/// them, if any.
fn is_case_cut(before_prev: Option<char>, prev: char, cur: char, next: Option<char>) -> bool {
    if prev.is_lowercase() && cur.is_uppercase() {
        return true;
    }
    prev.is_uppercase()
        && cur.is_uppercase()
        && next.is_some_and(char::is_lowercase)
        && before_prev.is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let units = Units::new(text);
        (0..units.len())
            .filter_map(|i| units.unit_key(i).map(String::from))
            .collect()
    }

    #[test]
    fn cuts_glued_words_at_case_changes() {
        assert_eq!(keys("KanwilKemenag"), ["kanwil", "kemenag"]);
        assert_eq!(keys("HAMBanten"), ["ham", "banten"]);
        assert_eq!(keys("DP3AKKB Prov."), ["dp3akkb", "prov"]);
    }

    #[test]
    fn records_separators() {
        let u = Units::new("Dinas Sosial, RS/Polda & Kejati");
        let gaps: Vec<Gap> = u.units.iter().map(|u| u.gap).collect();
        assert_eq!(
            gaps,
            [
                Gap::Start,
                Gap::Space,
                Gap::Separator,
                Gap::Separator,
                Gap::Space,
                Gap::Space
            ]
        );
        assert_eq!(u.compact, "dinassosialrspoldadankejati");
    }

    #[test]
    fn units_cut_again_forget_the_text_before() {
        let mut units = Units::new("Dinas Pemberdayaan Perempuan, Kanwil Hukum dan HAM Banten");
        for text in ["BP3TKI Kupang", "", "P2TP2AKab. Lombok Timur & Dinsos"] {
            units.cut(text);
            let fresh = Units::new(text);
            assert_eq!(units.compact, fresh.compact, "{text}");
            let spans = |u: &Units| -> Vec<_> {
                u.units
                    .iter()
                    .map(|u| (u.start, u.end, u.key_start, u.key_end, u.gap, u.acronym))
                    .collect()
            };
            assert_eq!(spans(&units), spans(&fresh), "{text}");
        }
    }
}
