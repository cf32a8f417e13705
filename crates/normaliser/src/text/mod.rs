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

use crate::Lexicon;

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
        let cleaned: Vec<Cow<'_, str>> = lines.iter().map(|l| clean::clean_line(l)).collect();
        list::split_items(&cleaned, &self.lexicon)
            .iter()
            .map(|item| {
                let restored =
                    segment::restore_item(item, &self.lexicon, vocabulary, &mut workspace.segment);
                clean::tidy_spacing(&restored)
            })
            .filter(|item| !item.is_empty())
            .collect()
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
        let restored =
            segment::restore_item(&lines, &self.lexicon, vocabulary, &mut workspace.segment);
        clean::tidy_spacing(&restored)
    }
}

/// What restoring a cell needs besides its lines: buffers that one worker
/// keeps from cell to cell, so that a document's many items and windows
/// do not each allocate their own.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    segment: segment::Buffers,
}

impl Workspace {
    /// Use the workspace for the document numbered `document` (each
    /// document its own number): what was learnt of another is forgotten,
    /// the buffers' room is kept.
    pub(crate) fn start_document(&mut self, document: u64) {
        self.segment.start_document(document);
    }
}
