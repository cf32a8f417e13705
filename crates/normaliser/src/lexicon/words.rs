//! How added text becomes lexicon words, shared by the build script (which
//! adds the embedded registry's alias words to its tables) and the lexicon
//! (which adds words at run time), so that both add the same words under
//! the same keys.

use std::borrow::Cow;

/// The zipf a word gets when it is added without a frequency.
pub const DEFAULT_ZIPF: f32 = 3.5;

/// The words one string gives [`crate::Lexicon::extend_words`]: the pieces
/// between characters that are neither alphanumeric nor `-`, without
/// leading or trailing hyphens, of two characters or more.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().count() > 1)
}

/// A trimmed word as the word tables key it: lower case. A word without
/// an upper-case letter is kept as it is (not even a title-case letter
/// changes).
pub(crate) fn key(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        word.to_lowercase().into()
    } else {
        word.into()
    }
}

/// What follows the hyphen of a word with exactly one (`undang` of
/// `perundang-undangan`).
pub(crate) fn hyphen_right(word: &str) -> Option<&str> {
    word.split_once('-')
        .map(|(_, right)| right)
        .filter(|right| !right.contains('-'))
}

/// Longest word (in bytes) a slot of the word tables holds.
pub(crate) const SLOT_MAX_LEN: usize = 0xff;
/// Where a word of the word tables may begin in their text, at most.
pub(crate) const SLOT_MAX_START: usize = 0xff_ffff;

/// A word's slot in the hash table of the build script's word tables:
/// its zipf (the bits of the `f32`), where it begins in the tables' text
/// and its length in bytes, so that a look-up reads the slot and the text
/// and nothing else. `None` for a word the fields cannot hold (empty, too
/// long, beginning too far); never 0, the empty slot. (The build script
/// makes the slots; the lexicon only reads them, and its tests.)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn slot(start: usize, len: usize, zipf: f32) -> Option<u64> {
    if len == 0 || len > SLOT_MAX_LEN || start > SLOT_MAX_START {
        return None;
    }
    Some(u64::from(zipf.to_bits()) << 32 | (start as u64) << 8 | len as u64)
}

/// Where the word of a [`slot`] begins in the text, its length in bytes
/// and its zipf.
#[inline]
pub(crate) fn unslot(slot: u64) -> (usize, usize, f32) {
    let start = (slot >> 8) as usize & SLOT_MAX_START;
    let len = slot as usize & SLOT_MAX_LEN;
    (start, len, f32::from_bits((slot >> 32) as u32))
}
