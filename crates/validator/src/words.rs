//! Words of restored text, as the text rules see them.

/// The alphabetic runs of `text` (any script).
///
/// Digits, punctuation and spaces separate words, so `P2TP2A` gives `P`,
/// `TP`, `A` and `KTA/PKorban` gives `KTA`, `PKorban`.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Whether every letter of `word` is upper case (an acronym: `TPPO`, `RSUD`).
pub(crate) fn is_upper(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
}

/// Quote `words` for a message: at most `max` of them, then "and N more".
pub(crate) fn quote_list(words: &[String], max: usize) -> String {
    let mut out: Vec<String> = words.iter().take(max).map(|w| format!("\"{w}\"")).collect();
    if words.len() > max {
        out.push(format!("and {} more", words.len() - max));
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_everything_but_letters() {
        let got: Vec<&str> = words("KTA/PKorban, P2TP2A se-Provinsi").collect();
        assert_eq!(got, ["KTA", "PKorban", "P", "TP", "A", "se", "Provinsi"]);
    }

    #[test]
    fn quote_list_caps_the_count() {
        let w: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(quote_list(&w, 2), "\"a\", \"b\", and 1 more");
        assert_eq!(quote_list(&w, 3), "\"a\", \"b\", \"c\"");
    }
}
