//! Text restoration: the rules of `OUTPUT.md`, "Text restoration".
//!
//! A cell arrives as its visual lines (markup already removed by the
//! parser). [`Restorer::items`] cleans each line (NFC, look-alike letters,
//! whitespace), splits the cell into list items, joins each item's lines
//! deciding every break, repairs glued and shifted words against the
//! [`Lexicon`] and tidies punctuation spacing.
//!
//! ```
//! use pergub_normaliser::Normaliser;
//!
//! let normaliser = Normaliser::new();
//! let restorer = normaliser.restorer();
//! let lines = ["Sosialisasi Pe-".to_string(), "ncegahan dan Penangan".into(), "an TPPO".into()];
//! assert_eq!(restorer.restore(&lines), "Sosialisasi Pencegahan dan Penanganan TPPO");
//! ```

mod clean;
mod list;
mod segment;
mod vocabulary;

pub use vocabulary::Vocabulary;

use std::borrow::Cow;
use std::ops::Range;

use crate::{reuse, Lexicon};

/// Restores the text of cells and splits enumerated cells into items.
#[derive(Debug, Clone)]
pub struct Restorer {
    lexicon: Lexicon,
    empty: Vocabulary,
}

impl Restorer {
    /// A restorer over `lexicon`.
    pub fn new(lexicon: Lexicon) -> Restorer {
        Restorer {
            lexicon,
            empty: Vocabulary::new(),
        }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The vocabulary of a document, from all its cells' lines, to pass to
    /// [`Restorer::items_in`].
    pub fn vocabulary<'a, I>(&self, cells: I) -> Vocabulary
    where
        I: IntoIterator<Item = &'a [String]>,
    {
        Vocabulary::from_cells(cells, &self.lexicon)
    }

    /// A cell's lines as restored items (one item unless it is a list).
    pub fn items(&self, lines: &[String]) -> Vec<String> {
        self.items_in(lines, &self.empty)
    }

    /// [`Restorer::items`] with the document's own words as evidence.
    pub fn items_in(&self, lines: &[String], vocabulary: &Vocabulary) -> Vec<String> {
        self.items_with(lines, vocabulary, &mut Workspace::default())
    }

    /// [`Restorer::items_in`] with the buffers of `workspace`, which one
    /// worker keeps from cell to cell.
    pub(crate) fn items_with(
        &self,
        lines: &[String],
        vocabulary: &Vocabulary,
        workspace: &mut Workspace,
    ) -> Vec<String> {
        let mut cleaned: Vec<Cow<'_, str>> = reuse(std::mem::take(&mut workspace.cleaned));
        cleaned.extend(lines.iter().map(|l| clean::clean_line(l)));
        let mut item_lines: Vec<&str> = reuse(std::mem::take(&mut workspace.item_lines));
        let mut items = std::mem::take(&mut workspace.items);
        items.clear();
        list::split_items(&cleaned, &self.lexicon, &mut item_lines, &mut items);
        let mut restored = std::mem::take(&mut workspace.restored);
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            restored.clear();
            segment::restore_item(
                item_lines.get(item.clone()).unwrap_or_default(),
                &self.lexicon,
                vocabulary,
                &mut workspace.segment,
                &mut restored,
            );
            let tidy = clean::tidy_spacing(&restored);
            if !tidy.is_empty() {
                out.push(tidy);
            }
        }
        workspace.restored = restored;
        workspace.items = items;
        workspace.item_lines = reuse(item_lines);
        workspace.cleaned = reuse(cleaned);
        out
    }

    /// A cell's lines as one restored text (list markers kept).
    pub fn restore(&self, lines: &[String]) -> String {
        self.restore_in(lines, &self.empty)
    }

    /// [`Restorer::restore`] with the document's own words as evidence.
    pub fn restore_in(&self, lines: &[String], vocabulary: &Vocabulary) -> String {
        let cleaned: Vec<Cow<'_, str>> = lines
            .iter()
            .map(|l| clean::clean_line(l))
            .filter(|l| !l.is_empty())
            .collect();
        let lines: Vec<&str> = cleaned.iter().map(AsRef::as_ref).collect();
        let mut workspace = Workspace::default();
        let mut restored = String::new();
        segment::restore_item(
            &lines,
            &self.lexicon,
            vocabulary,
            &mut workspace.segment,
            &mut restored,
        );
        clean::tidy_spacing(&restored)
    }
}

/// What restoring a cell needs besides its lines: buffers that one worker
/// keeps from cell to cell, so that a document's many items and windows
/// do not each allocate their own.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    segment: segment::Buffers,
    /// A cell's cleaned lines, its items' lines and the items (ranges of
    /// those), and an item's restored text before its spacing is tidied.
    /// The vectors of lines are empty between cells: they borrow the
    /// cell's lines, and are kept for their room only ([`reuse`](crate::reuse)).
    cleaned: Vec<Cow<'static, str>>,
    item_lines: Vec<&'static str>,
    items: Vec<Range<usize>>,
    restored: String,
}

impl Workspace {
    /// Use the workspace for the document numbered `document` (each
    /// document its own number): what was learnt of another is forgotten,
    /// the buffers' room is kept.
    pub(crate) fn start_document(&mut self, document: u64) {
        self.segment.start_document(document);
    }
}

/// The Markdown fixture documents, for tests that restore every cell of
/// real plans.
#[cfg(test)]
pub(crate) const FIXTURE_DOCUMENTS: [&str; 6] = [
    include_str!("../../../../fixtures/documents/000_861539b47a742229.txt"),
    include_str!("../../../../fixtures/documents/010_jateng_tppo.md"),
    include_str!("../../../../fixtures/documents/011_banyumas_kpa.md"),
    include_str!("../../../../fixtures/documents/012_kupang_stunting.md"),
    include_str!("../../../../fixtures/documents/013_lombok_timur_tppo.md"),
    include_str!("../../../../fixtures/documents/014_kalbar_p4gn.md"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Normaliser;
    use pergub_model::Format;

    /// A vector handed from one lifetime to another keeps its room, so
    /// that a kept workspace does not allocate again.
    #[test]
    fn reuse_keeps_the_room() {
        let line = String::from("Dinas Sosial");
        let mut lines: Vec<&str> = Vec::with_capacity(40);
        lines.extend(line.split(' '));
        let kept: Vec<&'static str> = reuse(lines);
        assert!(kept.is_empty());
        assert_eq!(kept.capacity(), 40);
        let cleaned: Vec<Cow<'_, str>> = reuse(Vec::<Cow<'static, str>>::with_capacity(9));
        assert_eq!(cleaned.capacity(), 9);
    }

    /// One workspace kept from cell to cell and document to document
    /// restores every cell of the fixture documents as a fresh one does.
    #[test]
    fn a_kept_workspace_restores_as_a_fresh_one() {
        let documents = FIXTURE_DOCUMENTS;
        let normaliser = Normaliser::new();
        let restorer = normaliser.restorer();
        let none = Vocabulary::new();
        let mut kept = Workspace::default();
        let mut items = 0;
        for (document, text) in (1..).zip(documents) {
            let parsed = pergub_parser::parse(text.as_bytes(), Format::Markdown)
                .unwrap_or_else(|e| panic!("fixture does not parse: {e}"));
            kept.start_document(document);
            for (_, cell) in parsed.records.iter().flat_map(|r| r.cells.iter()) {
                let restored = restorer.items_with(&cell.lines, &none, &mut kept);
                assert_eq!(restored, restorer.items(&cell.lines), "{:?}", cell.lines);
                items += restored.len();
            }
        }
        assert!(items > 1000, "only {items} items");
    }
}
