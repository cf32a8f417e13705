//! Text restoration: the rules of `OUTPUT.md`, "Text restoration".

use crate::Lexicon;

/// Restores the text of cells and splits enumerated cells into items.
#[derive(Debug, Clone)]
pub struct Restorer {
    lexicon: Lexicon,
}

impl Restorer {
    /// A restorer over `lexicon`.
    pub fn new(lexicon: Lexicon) -> Restorer {
        Restorer { lexicon }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// A cell's lines as restored items (one item unless it is a list).
    pub fn items(&self, lines: &[String]) -> Vec<String> {
        let mut items: Vec<String> = Vec::new();
        let mut current = String::new();
        for line in lines {
            let line = line.trim();
            let marker = list_marker(line);
            if line.is_empty() || marker.is_some() {
                if !current.is_empty() {
                    items.push(std::mem::take(&mut current));
                }
            }
            let body = marker.map_or(line, |m| line[m..].trim_start());
            if !body.is_empty() {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(body);
            }
        }
        if !current.is_empty() {
            items.push(current);
        }
        items
            .into_iter()
            .map(|i| i.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// A cell's lines as one restored text.
    pub fn restore(&self, lines: &[String]) -> String {
        lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Byte length of a leading list marker (`1.`, `-`, `•`), if any.
fn list_marker(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 2 && line[digits..].starts_with('.') {
        return Some(digits + 1);
    }
    if line.starts_with("- ") || line.starts_with('•') {
        return Some(line.chars().next().map_or(1, char::len_utf8));
    }
    None
}
