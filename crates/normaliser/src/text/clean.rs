//! Character-level cleaning of one visual line: Unicode NFC, look-alike
//! letters from other scripts, invisible characters and whitespace.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// A line in NFC with look-alike letters mapped to Latin, invisible
/// characters removed, a soft hyphen at the end kept as a hyphen, and
/// whitespace collapsed and trimmed.
pub(crate) fn clean_line(line: &str) -> Cow<'_, str> {
    if line.is_ascii() {
        // Nothing to normalise, map or remove: only the whitespace, and
        // most lines are already single-spaced.
        let mut previous_space = true;
        let tidy = line.bytes().all(|b| {
            let space = char::from(b).is_whitespace();
            let ok = !space || (b == b' ' && !previous_space);
            previous_space = space;
            ok
        }) && !previous_space;
        if tidy {
            return Cow::Borrowed(line);
        }
    }
    Cow::Owned(clean_owned(line))
}

/// [`clean_line`] into a new string.
fn clean_owned(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    if line.is_ascii() {
        // Nothing to normalise, map or remove: only the whitespace.
        for token in line.split(char::is_whitespace).filter(|t| !t.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(token);
        }
        return out;
    }
    let nfc: String = line.nfc().collect();
    let trimmed = nfc.trim_end_matches(char::is_whitespace);
    let ends_soft = trimmed.ends_with('\u{00AD}');
    for (i, token) in trimmed
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        let latin_context = token.chars().any(is_latin_letter)
            || token
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| latin_lookalike(c).is_some());
        for c in token.chars() {
            if is_invisible(c) {
                continue;
            }
            match latin_lookalike(c) {
                Some(l) if latin_context => out.push(l),
                _ => out.push(c),
            }
        }
    }
    if ends_soft {
        out.push('-');
    }
    out
}

/// Whether `c` is a letter of the Latin script.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{00C0}'..='\u{024F}').contains(&c))
}

/// Characters that print nothing: zero-width spaces and joiners, the byte
/// order mark, and the soft hyphen (kept only at a line end, as a hyphen).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The Latin letter a Cyrillic or Greek letter looks like in print, if it is
/// a look-alike (Unicode's confusables for these scripts, letters only).
fn latin_lookalike(c: char) -> Option<char> {
    let l = match c {
        // Cyrillic
        'а' => 'a',
        'в' => 'B',
        'е' => 'e',
        'ё' => 'ë',
        'к' => 'k',
        'м' => 'm',
        'н' => 'H',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ї' => 'ï',
        'ј' => 'j',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ɡ' => 'g',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'У' => 'Y',
        'Х' => 'X',
        'Ѕ' => 'S',
        'І' => 'I',
        'Ј' => 'J',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        // Greek
        'α' => 'a',
        'ο' => 'o',
        'ρ' => 'p',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'υ' => 'u',
        'χ' => 'x',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    };
    Some(l)
}

/// Collapse whitespace, trim, and remove a space before `,` `.` `;` `:`;
/// brackets hug what they enclose and are spaced from the words around
/// them (`1( satu)kali` = `1 (satu) kali`).
pub(crate) fn tidy_spacing(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    // Most texts are ASCII without brackets: there the whitespace is the
    // ASCII one and a typed space almost always, and no word is looked at
    // character by character.
    let plain = !text
        .bytes()
        .any(|b| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b'(' | b')'));
    if plain {
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            if !out.is_empty() && !glues(word) {
                out.push(' ');
            }
            out.push_str(word);
        }
        return out;
    }
    tidy_any_spacing(text, out)
}

/// [`tidy_spacing`] of any text, appended to `out` (empty).
fn tidy_any_spacing(text: &str, mut out: String) -> String {
    let mut after_open = false;
    for word in text.split_whitespace() {
        if !out.is_empty() && !glues(word) && !after_open {
            out.push(' ');
        }
        // Only a bracket needs a look at each character: before this word
        // `out` ends in a space, an opening bracket (after which no letter
        // is spaced) or a word the glued punctuation follows.
        if !word.contains(['(', ')']) {
            out.push_str(word);
            after_open = false;
            continue;
        }
        let mut prev: Option<char> = out.chars().next_back();
        for c in word.chars() {
            // `kata(` and `)kata`: a bracket glued to a word on its outer side.
            let open_glued = c == '(' && prev.is_some_and(char::is_alphanumeric);
            let close_glued = prev == Some(')') && c.is_alphanumeric();
            if open_glued || close_glued {
                out.push(' ');
            }
            out.push(c);
            prev = Some(c);
        }
        after_open = word.ends_with('(');
    }
    out
}

/// Whether `word` begins with punctuation that follows the word before it
/// with no space.
fn glues(word: &str) -> bool {
    word.starts_with([',', '.', ';', ':', ')']) && !word.starts_with("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_lookalikes_inside_latin_words_become_latin() {
        assert_eq!(clean_line("koordinasipelaкsana"), "koordinasipelaksana");
        assert_eq!(
            clean_line("Россия"),
            "Россия",
            "a Cyrillic word with non-look-alikes stays"
        );
    }

    #[test]
    fn a_tidy_ascii_line_is_kept_as_it_is_and_others_are_cleaned() {
        let tidy = "Dinas Sosial, Provinsi (2024)";
        assert!(matches!(clean_line(tidy), Cow::Borrowed(s) if s == tidy));
        for (untidy, clean) in [
            (" Dinas Sosial", "Dinas Sosial"),
            ("Dinas Sosial ", "Dinas Sosial"),
            ("Dinas  Sosial", "Dinas Sosial"),
            ("Dinas\tSosial", "Dinas Sosial"),
            ("Dinas\u{0B}Sosial", "Dinas Sosial"),
            ("Dinas\r", "Dinas"),
            ("", ""),
            (" ", ""),
        ] {
            let got = clean_line(untidy);
            assert!(matches!(got, Cow::Owned(_)), "{untidy:?}");
            assert_eq!(got, clean, "{untidy:?}");
        }
    }

    #[test]
    fn whitespace_and_invisibles() {
        assert_eq!(clean_line("  a\u{00A0}\u{00A0}b\u{200B}c  "), "a bc");
        assert_eq!(clean_line("Pe\u{00AD}"), "Pe-");
        assert_eq!(clean_line("e\u{0301}"), "é");
    }

    #[test]
    fn punctuation_spacing() {
        assert_eq!(
            tidy_spacing(" Kab. Sleman , Kota ; dan : x "),
            "Kab. Sleman, Kota; dan: x"
        );
        assert_eq!(tidy_spacing("Kab./ Kota dan a / b"), "Kab./ Kota dan a / b");
        assert_eq!(tidy_spacing("2( dua )kali (x)"), "2 (dua) kali (x)");
        // Words without brackets next to words with them.
        assert_eq!(
            tidy_spacing("lihat (Lampiran) , tabel( 3)dan ( ) x"),
            "lihat (Lampiran), tabel (3) dan () x"
        );
    }

    /// Plain text takes the quick way and comes out as the general way
    /// makes it.
    #[test]
    fn plain_text_is_tidied_as_any_text_is() {
        for text in [
            "",
            " ",
            "Dinas Sosial",
            "  Kab. Sleman , Kota ; dan : x  ",
            "a .. b ... c , d",
            "tiga  spasi   di   sini ",
            ", awal",
            "Kab./ Kota dan a / b",
            "x\ty",
            "x\u{a0}y é , z",
            "2( dua )kali",
        ] {
            assert_eq!(
                tidy_spacing(text),
                tidy_any_spacing(text, String::new()),
                "{text:?}"
            );
        }
    }
}
