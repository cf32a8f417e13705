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
