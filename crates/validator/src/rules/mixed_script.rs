//! `mixed-script`: letters of another script left in the text.
//!
//! **What it does.** Reports, once per record and field, the words that
//! still hold Cyrillic, Greek or Armenian letters after restoration
//! (`dаtа`: Latin `d`, `t` with Cyrillic `а`), naming each
//! foreign letter with its code point.
//!
//! **Why.** PDF text layers and OCR substitute look-alike letters of other
//! scripts. Such a word looks right on screen but matches nothing: not the
//! lexicon, not the agency registry, not a search. Indonesian plans are
//! written in Latin letters, so every such letter is a defect.
//!
//! **Example.**
//! ```text
//! | Dinas Sosial | Pemutakhiran dаtа korban | ...   <- mixed-script: "dаtа"
//! ```

use super::Context;
use crate::codes::{Code, Stage};
use crate::words::words;
use pergub_model::{Diagnostic, Severity};

/// The code.
pub(crate) const CODE: Code = Code {
    name: "mixed-script",
    severity: Severity::Warning,
    stage: Stage::Validator,
    summary: "a word holds look-alike letters of another script (Cyrillic, Greek) after restoration",
    why: "such a word looks right but matches nothing: not the lexicon, not the agency registry, not a search",
    help: "retype the word in Latin letters, or add the letter to the restorer's look-alike table",
};

/// The script of a letter that is not Latin, if it is one pergub knows to
/// be confused with Latin.
fn foreign_script(c: char) -> Option<&'static str> {
    match u32::from(c) {
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Some("Greek"),
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Some("Cyrillic"),
        0x0530..=0x058F => Some("Armenian"),
        _ => None,
    }
}

/// The foreign letters of `word`, described (`к U+043A`), with their scripts.
fn foreign_letters(word: &str) -> Vec<(char, &'static str)> {
    let mut found: Vec<(char, &'static str)> = Vec::new();
    for c in word.chars() {
        if let Some(script) = foreign_script(c) {
            if !found.iter().any(|(f, _)| *f == c) {
                found.push((c, script));
            }
        }
    }
    found
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Every letter pergub knows to be confused with Latin lies outside
    // ASCII: only texts that are not plain ASCII are read, a record's
    // field's texts one after the other.
    let mut texts = cx.pieces.unplain().iter().filter(|(_, _, t)| !t.is_ascii());
    let mut next = texts.next();
    while let Some(&(index, field, _)) = next {
        let mut described: Vec<String> = Vec::new();
        while let Some(&(_, _, text)) = next.filter(|(i, f, _)| (*i, *f) == (index, field)) {
            for word in words(text) {
                let letters = foreign_letters(word);
                let Some((_, script)) = letters.first() else {
                    continue;
                };
                let list = letters
                    .iter()
                    .map(|(c, _)| format!("{c} U+{:04X}", u32::from(*c)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let entry = format!("\"{word}\" has {script} letters ({list})");
                if !described.contains(&entry) {
                    described.push(entry);
                }
            }
            next = texts.next();
        }
        let Some(record) = cx.doc.records.get(index) else {
            continue;
        };
        if described.is_empty() {
            continue;
        }
        out.push(
            CODE.diagnostic(described.join("; "))
                .with_record(record.no)
                .with_field(field)
                .with_span(record.source),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{agency, check_plain, document, record};
    use pergub_model::Field;

    #[test]
    fn cyrillic_look_alikes_are_reported_with_code_points() {
        let mut bad = record(3);
        bad.kegiatan = vec!["Pemutakhiran dаtа korban".into()];
        let found = check_plain(check, &document(vec![record(1), bad]));
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!((d.record, d.field.as_deref()), (Some(3), Some("kegiatan")));
        assert_eq!(d.message, "\"dаtа\" has Cyrillic letters (а U+0430)");
    }

    #[test]
    fn greek_is_foreign_too() {
        let mut bad = record(1);
        bad.indikator.target = vec!["Jumlah kаsus (%) menurun, Ρrovinsi".into()];
        let found = check_plain(check, &document(vec![bad]));
        assert_eq!(
            found[0].message,
            "\"kаsus\" has Cyrillic letters (а U+0430); \"Ρrovinsi\" has Greek letters (Ρ U+03A1)"
        );
    }

    #[test]
    fn reading_the_unplain_texts_finds_what_reading_all_texts_finds() {
        let texts = [
            "Pemutakhiran dаtа korban",
            "Café naïve",
            "plain ASCII text",
            "Ρrovinsi dаtа Ρrovinsi",
            "kаsus\tbaru",
        ];
        let records = (1..)
            .zip(texts.iter().cycle().take(12))
            .map(|(no, text)| {
                let mut r = record(no);
                r.kegiatan = vec![
                    text.to_string(),
                    texts[usize::try_from(no).unwrap() % 5].into(),
                ];
                r.pelaksana = vec![agency(text, None)];
                r
            })
            .collect();
        let doc = document(records);
        // Every record's fields and texts in turn.
        let mut expected = Vec::new();
        for record in &doc.records {
            for field in Field::ALL {
                let mut described: Vec<String> = Vec::new();
                for text in crate::rules::texts(record, field) {
                    for word in words(text) {
                        let letters = foreign_letters(word);
                        let Some((_, script)) = letters.first() else {
                            continue;
                        };
                        let list: Vec<String> = letters
                            .iter()
                            .map(|(c, _)| format!("{c} U+{:04X}", u32::from(*c)))
                            .collect();
                        let entry =
                            format!("\"{word}\" has {script} letters ({})", list.join(", "));
                        if !described.contains(&entry) {
                            described.push(entry);
                        }
                    }
                }
                if !described.is_empty() {
                    expected.push(
                        CODE.diagnostic(described.join("; "))
                            .with_record(record.no)
                            .with_field(field)
                            .with_span(record.source),
                    );
                }
            }
        }
        assert!(expected.len() >= 10, "{expected:?}");
        assert_eq!(check_plain(check, &doc), expected);
    }

    #[test]
    fn latin_text_with_accents_and_symbols_is_clean() {
        let mut clean = record(1);
        clean.kegiatan = vec!["Café, µ-kredit, 50% – naïve “kutipan” √".into()];
        assert!(check_plain(check, &document(vec![clean])).is_empty());
    }
}
