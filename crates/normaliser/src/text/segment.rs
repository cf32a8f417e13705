//! Joining an item's lines and repairing word boundaries (`OUTPUT.md`,
//! rules 2-4): each line break is decided as inside or between words, a
//! hyphen at a break is dropped for a cut word and kept for a real
//! hyphenated word, glued words are separated and shifted spaces moved back.
//!
//! The text is cut into atoms: runs of letters, and everything else. Runs
//! of letter atoms connected by spaces, breaks or hyphens are re-segmented
//! by dynamic programming over a unigram word model (the [`Lexicon`] plus
//! the document's own words): every candidate word costs its negative
//! log-frequency, and changing what the source shows costs a penalty
//! (joining across a typed space, cutting inside a typed word). Only spans
//! with an unknown word or a line break are re-segmented, so correct text
//! passes unchanged.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::Vocabulary;
use crate::lexicon::{SpansBuffers, WordHasher};
use crate::reuse;
use crate::Lexicon;

/// Cost (log10 units) of a word the model does not know, per word and per
/// character.
const UNKNOWN_BASE: f32 = 11.0;
const UNKNOWN_PER_CHAR: f32 = 0.6;
/// Per character beyond [`LONG_WORD`]: long unknown words are mostly glued.
const UNKNOWN_PER_LONG_CHAR: f32 = 0.5;
const LONG_WORD: f32 = 10.0;
/// Extra cost of a fragment (`nya`, a lone letter) standing as a word.
const FRAGMENT: f32 = 4.0;
/// Extra cost of a short rare word cut out of a typed word (`sinergi` +
/// `tas`): glued text splits into long or very common words.
const SHORT_RARE_CUT: f32 = 5.0;
/// Not cutting where a lower-case letter meets a capital.
const JOIN_CAMEL: f32 = 2.0;
/// Dropping a hyphen before a capital: Indonesian writes a prefix before a
/// proper noun with a hyphen (`se-Provinsi`, `non-Muslim`).
const JOIN_HYPHEN_CAPITAL: f32 = 6.0;
/// A word made of capitals only (`PUPR`): an acronym the lexicon lacks.
const ACRONYM_BASE: f32 = 6.0;
/// Cost of removing a space the source shows.
const JOIN_SPACE: f32 = 4.0;
/// Cost of cutting inside a typed word; much less where a lower-case letter
/// is followed by a capital (`PembinaanPenyuluhan`).
const CUT_INSIDE: f32 = 3.0;
const CUT_CAMEL: f32 = 0.3;
/// Extra cost of cutting a typed word that is itself a known word, per
/// zipf above [`CUT_KNOWN_FROM`], at most [`CUT_KNOWN`].
const CUT_KNOWN: f32 = 2.5;
const CUT_KNOWN_FROM: f32 = 3.0;
/// Extra cost of cutting inside a typed proper name: a capitalised word the
/// model does not know, next to another capitalised word or acronym
/// (`Sungai Xyzabc`, `Xyzabc Polda`): names are rarely glued words.
const CUT_NAME: f32 = 6.0;
/// A line break is a space slightly more often than not.
const CUT_BREAK: f32 = 0.0;
const JOIN_BREAK: f32 = 1.0;
/// A cut one or two letters away from a typed space: with the join of that
/// space it moves the space (`denga nwarga` = `dengan warga`).
const CUT_NEAR_SPACE: f32 = 1.5;
/// Keeping a hyphen at a line break (`anti-` / `narkoba`) against dropping
/// it (`Pe-` / `ncegahan`); an inline hyphen is kept more easily.
const KEEP_HYPHEN_BREAK: f32 = 1.5;
const KEEP_HYPHEN_INLINE: f32 = 0.3;
/// A word with a capital after a lower-case letter (`kantorI`, `GugusT`).
const MIXED_CASE: f32 = 4.0;
/// Prefixes written with a hyphen before a capitalised word (`se-Provinsi`).
const HYPHEN_PREFIXES: &[&str] = &[
    "se", "non", "anti", "pra", "pasca", "antar", "sub", "pro", "eks", "ke",
];
/// Longest prefix of the affix rules and of [`HYPHEN_PREFIXES`], in letters.
const MAX_PREFIX: usize = 6;
/// Below this zipf a typed word is re-segmented like an unknown one.
const SURE_ZIPF: f32 = 1.5;
/// Longest candidate word, in characters.
const MAX_WORD: usize = 24;
// The candidates ending at a position are the bits of a `u32`.
const _: () = assert!(MAX_WORD <= 32);
/// Letters of a candidate's edges that decide whether to look it up: three
/// for the edge key, up to nine for a prefix or suffix of the affix rules
/// and the three letters of the root next to it.
const EDGE_SPAN: usize = 9;
/// Longest fragment of the lexicon worth testing for.
const MAX_FRAGMENT: usize = 6;

/// What the cost of a candidate word needs to know about its letters.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// Length in characters.
    chars: usize,
    /// Whether a capital follows a lower-case letter inside it.
    camel: bool,
    /// Number of capitals.
    capitals: usize,
}

/// The higher of two optional zipf values.
fn max_zipf(a: Option<f32>, b: Option<f32>) -> Option<f32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// What separates two atoms (or two characters) in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Nothing: inside one typed word.
    None,
    /// A typed space.
    Space,
    /// A line break.
    Break,
    /// A hyphen at a line break (`Pe-` / `ncegahan`, `Ketena` / `-gakerjaan`).
    HyphenBreak,
    /// A hyphen inside a line (`gakerja-an`, `anti-narkoba`).
    Hyphen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Letters only.
    Letters,
    /// A token that is never re-segmented: numbers, codes with digits
    /// (`P2TP2A`), acronyms (`TPPO`), abbreviations (`Kab.`).
    Fixed,
    /// Punctuation and symbols.
    Punct,
}

#[derive(Debug, Clone)]
struct Atom<'a> {
    /// The atom's characters, borrowed from its line unless pieces were
    /// joined (a code cut by a line break).
    text: Cow<'a, str>,
    kind: Kind,
    /// What separates it from the atom before.
    gap: Gap,
    /// Whether the next atom follows with no gap (set for punctuation).
    glued_after: bool,
}

/// Restore the text of one item from its (cleaned) lines, appended to
/// `out`.
pub(crate) fn restore_item(
    lines: &[&str],
    lexicon: &Lexicon,
    vocabulary: &Vocabulary,
    buffers: &mut Buffers,
    out: &mut String,
) {
    let model = Model {
        lexicon,
        vocabulary,
    };
    let mut atoms = reuse(std::mem::take(&mut buffers.atoms));
    let mut names = std::mem::take(&mut buffers.names);
    cut_atoms(lines, lexicon, vocabulary, &mut atoms);
    merge_codes(&mut atoms, &model, buffers);
    find_names(
        &atoms,
        &model,
        &mut names,
        &mut buffers.lowers,
        &mut buffers.answers,
    );
    // The restored text is about as long as the lines.
    out.reserve(lines.iter().map(|l| l.len() + 1).sum());
    let mut i = 0;
    while i < atoms.len() {
        let Some(atom) = atoms.get(i) else { break };
        if atom.kind != Kind::Letters {
            push_gap(
                out,
                atoms.get(i.wrapping_sub(1)).filter(|_| i > 0),
                atom,
                &model,
                buffers,
            );
            out.push_str(&atom.text);
            i += 1;
            continue;
        }
        // A run of letter atoms joined by spaces, breaks or hyphens.
        let mut end = i + 1;
        while atoms.get(end).is_some_and(|a| a.kind == Kind::Letters) {
            end += 1;
        }
        let run = atoms.get(i..end).unwrap_or(&[]);
        push_gap(
            out,
            atoms.get(i.wrapping_sub(1)).filter(|_| i > 0),
            atom,
            &model,
            buffers,
        );
        model.run(run, names.get(i..end).unwrap_or(&[]), out, buffers);
        i = end;
    }
    buffers.atoms = reuse(atoms);
    buffers.names = names;
}

/// Which atoms are proper names typed whole: a capitalised letter atom of
/// at least four letters (`Xyzabc`, not `XYZ` nor `xyzabc`), unknown to the
/// model, whose neighbour on either side (across a space or line break)
/// begins with a capital.
///
/// `names` is filled, one for each atom; `lower` is room for a word in
/// lower case; `answers` remembers the lexicon's answers.
fn find_names(
    atoms: &[Atom<'_>],
    model: &Model<'_>,
    names: &mut Vec<bool>,
    lower: &mut String,
    answers: &mut Answers,
) {
    let capitalised = |a: &Atom| a.text.chars().next().is_some_and(char::is_uppercase);
    names.clear();
    names.resize(atoms.len(), false);
    for (k, atom) in atoms.iter().enumerate() {
        if atom.kind != Kind::Letters || !has_chars(&atom.text, 4) {
            continue;
        }
        let mut chars = atom.text.chars();
        let shape = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
        if !shape {
            continue;
        }
        // Whole on its line: not cut by a hyphen, nor glued to punctuation.
        let glued_before =
            atom.gap == Gap::None || matches!(atom.gap, Gap::Hyphen | Gap::HyphenBreak);
        let next = atoms.get(k + 1);
        let glued_after =
            next.is_some_and(|n| matches!(n.gap, Gap::None | Gap::Hyphen | Gap::HyphenBreak));
        if (glued_before && k > 0) || glued_after {
            continue;
        }
        let before = k.checked_sub(1).and_then(|p| atoms.get(p));
        let neighbour = before.is_some_and(|b| b.kind != Kind::Punct && capitalised(b))
            || next.is_some_and(|n| n.kind != Kind::Punct && capitalised(n));
        if !neighbour {
            continue;
        }
        lower.clear();
        push_lower(lower, &atom.text);
        if model.remembered_zipf(answers, lower).is_none() {
            names[k] = true;
        }
    }
}

/// Join the parts of a code cut by a line break (`BNP2TK` / `I`, `201` /
/// `7`) into one fixed atom, so that the letters do not join the words
/// after them.
fn merge_codes(atoms: &mut Vec<Atom<'_>>, model: &Model<'_>, buffers: &mut Buffers) {
    // In place: `kept` atoms stay, each later one joins the last kept or
    // moves up behind it.
    let mut kept: usize = 0;
    for at in 0..atoms.len() {
        let (head, tail) = atoms.split_at_mut(at);
        let last = kept.checked_sub(1).and_then(|k| head.get_mut(k));
        if let (Some(last), Some(atom)) = (last, tail.first()) {
            let both = last.kind == Kind::Fixed && atom.kind != Kind::Punct;
            if both && atom.gap == Gap::Break && joins_at_break(last, atom, model, buffers) {
                last.text.to_mut().push_str(&atom.text);
                continue;
            }
        }
        atoms.swap(kept, at);
        kept += 1;
    }
    atoms.truncate(kept);
}

/// The separator before `atom`, outside letter runs.
fn push_gap(
    out: &mut String,
    before: Option<&Atom<'_>>,
    atom: &Atom<'_>,
    model: &Model<'_>,
    buffers: &mut Buffers,
) {
    let Some(before) = before else { return };
    let text = match atom.gap {
        Gap::None => "",
        Gap::Space => " ",
        Gap::Hyphen | Gap::HyphenBreak => "-",
        Gap::Break => {
            if joins_at_break(before, atom, model, buffers) {
                ""
            } else {
                " "
            }
        }
    };
    out.push_str(text);
}

/// Whether a line break between two atoms (not both letters) falls inside
/// a word: digits of a year (`201` / `7`), an acronym and its last letter
/// (`TPP` / `O`), punctuation that hugs its neighbour.
fn joins_at_break(
    before: &Atom<'_>,
    atom: &Atom<'_>,
    model: &Model<'_>,
    buffers: &mut Buffers,
) -> bool {
    // Room for the two joined and for a code in lower case: buffers of
    // `Model::run`, free outside it.
    let Buffers {
        joined,
        lowers: lower,
        ..
    } = buffers;
    let b: &str = &before.text;
    let a: &str = &atom.text;
    if a.starts_with([',', '.', ';', ':', ')', ']', '%']) || b.ends_with(['(', '[']) {
        return true;
    }
    // A slash glued to the word on its other side: `Mandiri` / `/Magang`.
    if (a == "/" && atom.glued_after) || (b == "/" && before.gap == Gap::None) {
        return true;
    }
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    if all_digits(b) && a.starts_with(|c: char| c.is_ascii_digit()) {
        let a_digits = a.bytes().take_while(u8::is_ascii_digit).count();
        joined.clear();
        joined.push_str(b);
        joined.push_str(a.get(..a_digits).unwrap_or_default());
        let year = joined.len() == 4 && (joined.starts_with("19") || joined.starts_with("20"));
        return year || a.starts_with('0');
    }
    if before.kind == Kind::Fixed && b.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
        joined.clear();
        joined.push_str(b);
        joined.push_str(a);
        let joined: &str = joined;
        // The document spells the joined code whole, not the parts.
        let seen = |s: &str| model.vocabulary.contains(s);
        if seen(joined) && !(seen(b) && seen(a)) {
            return true;
        }
        // [`Lexicon::contains`], without a new string for the lower case.
        let mut known = |s: &str| {
            if seen(s) {
                return true;
            }
            if !s.chars().any(char::is_uppercase) {
                return model.lexicon.zipf_lower(s).is_some();
            }
            lower.clear();
            push_lower(lower, s);
            model.lexicon.zipf_lower(lower).is_some()
        };
        if known(joined) && !(known(b) && known(a)) {
            return true;
        }
        let single =
            a.chars().count() == 1 && a.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        return single && !model.vocabulary.contains(a);
    }
    false
}

/// Cut the lines into atoms with the gap before each, into `atoms`
/// (empty).
fn cut_atoms<'a>(
    lines: &[&'a str],
    lexicon: &Lexicon,
    vocabulary: &Vocabulary,
    atoms: &mut Vec<Atom<'a>>,
) {
    // About one atom per four bytes of text, to grow the vector rarely.
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    atoms.reserve(bytes / 4 + 4);
    let line_count = lines.len();
    for (l, line) in lines.iter().enumerate() {
        let mut tokens = line.split_whitespace().enumerate().peekable();
        while let Some((t, token)) = tokens.next() {
            let last = tokens.peek().is_none();
            let mut gap = if t > 0 { Gap::Space } else { Gap::Break };
            let mut token = token;
            // `Ketena` / `-gakerjaan`: the hyphen belongs to the break.
            if t == 0 && l > 0 && token.len() > 1 && token.starts_with('-') {
                let next = token[1..].chars().next();
                if next.is_some_and(char::is_alphabetic)
                    && atoms.last().is_some_and(|a| a.kind == Kind::Letters)
                {
                    gap = Gap::HyphenBreak;
                    token = &token[1..];
                }
            }
            // `Pe-` / `ncegahan`: the hyphen at the end of a line.
            let mut hyphen_after = false;
            if last && l + 1 < line_count && token.len() > 1 && token.ends_with('-') {
                let before = token[..token.len() - 1].chars().next_back();
                if before.is_some_and(char::is_alphanumeric) {
                    hyphen_after = true;
                    token = &token[..token.len() - 1];
                }
            }
            push_token(atoms, token, gap, lexicon, vocabulary);
            if hyphen_after {
                // The next line's first atom takes a hyphen gap.
                atoms.push(Atom {
                    text: Cow::Borrowed(""),
                    kind: Kind::Punct,
                    gap: Gap::HyphenBreak,
                    glued_after: false,
                });
            }
        }
    }
    // Fold the placeholder of a line-end hyphen into the next atom's gap.
    let mut pending = false;
    atoms.retain_mut(|atom| {
        if atom.kind == Kind::Punct && atom.text.is_empty() {
            pending = true;
            return false;
        }
        if pending {
            atom.gap = Gap::HyphenBreak;
            pending = false;
        }
        true
    });
    if pending {
        atoms.push(Atom {
            text: Cow::Borrowed("-"),
            kind: Kind::Punct,
            gap: Gap::None,
            glued_after: false,
        });
    }
    for k in 1..atoms.len() {
        if atoms[k].gap == Gap::None {
            atoms[k - 1].glued_after = true;
        }
    }
}

/// Cut one whitespace-free token into atoms.
fn push_token<'a>(
    atoms: &mut Vec<Atom<'a>>,
    token: &'a str,
    gap: Gap,
    lexicon: &Lexicon,
    vocabulary: &Vocabulary,
) {
    // Most tokens are plain words: one atom, found in one pass.
    if !token.is_empty() && token.bytes().all(|b| b.is_ascii_alphabetic()) {
        let caps = token.len() >= 2 && token.bytes().all(|b| b.is_ascii_uppercase());
        let kind = if caps || vocabulary.is_acronym(token) {
            Kind::Fixed
        } else {
            Kind::Letters
        };
        atoms.push(Atom {
            text: Cow::Borrowed(token),
            kind,
            gap,
            glued_after: false,
        });
        return;
    }
    push_token_parts(atoms, token, gap, lexicon, vocabulary);
}

/// [`push_token`] for any token: punctuation, digits, letters outside
/// ASCII.
fn push_token_parts<'a>(
    atoms: &mut Vec<Atom<'a>>,
    token: &'a str,
    gap: Gap,
    lexicon: &Lexicon,
    vocabulary: &Vocabulary,
) {
    // Leading and trailing punctuation are atoms of their own; the core is
    // fixed when it holds digits, split at inner punctuation otherwise.
    let core_start = token
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(token.len());
    let core_end = token
        .rfind(|c: char| c.is_alphanumeric())
        .map_or(core_start, |i| {
            i + token[i..].chars().next().map_or(1, char::len_utf8)
        });
    let (lead, core, trail) = (
        &token[..core_start],
        &token[core_start..core_end.max(core_start)],
        &token[core_end.max(core_start)..],
    );
    let mut gap = gap;
    if !lead.is_empty() {
        atoms.push(Atom {
            text: Cow::Borrowed(lead),
            kind: Kind::Punct,
            gap,
            glued_after: false,
        });
        gap = Gap::None;
    }
    if !core.is_empty() {
        if core.chars().any(|c| c.is_ascii_digit()) {
            push_with_digits(atoms, core, gap, lexicon);
        } else {
            // Split at inner non-letters: `Desa/Kelurahan`, `gakerja-an`.
            let mut rest = core;
            let mut gap_here = gap;
            while !rest.is_empty() {
                let letters_end = rest
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(rest.len());
                if letters_end > 0 {
                    let text = &rest[..letters_end];
                    atoms.push(Atom {
                        text: Cow::Borrowed(text),
                        kind: Kind::Letters,
                        gap: gap_here,
                        glued_after: false,
                    });
                    rest = &rest[letters_end..];
                    gap_here = Gap::None;
                    continue;
                }
                let punct_end = rest.find(|c: char| c.is_alphabetic()).unwrap_or(rest.len());
                let punct = &rest[..punct_end];
                if punct == "-" && atoms.last().is_some_and(|a| a.kind == Kind::Letters) {
                    gap_here = Gap::Hyphen;
                } else {
                    atoms.push(Atom {
                        text: Cow::Borrowed(punct),
                        kind: Kind::Punct,
                        gap: gap_here,
                        glued_after: false,
                    });
                    gap_here = Gap::None;
                }
                rest = &rest[punct_end..];
            }
        }
    }
    if !trail.is_empty() {
        atoms.push(Atom {
            text: Cow::Borrowed(trail),
            kind: Kind::Punct,
            gap: if core.is_empty() && lead.is_empty() {
                gap
            } else {
                Gap::None
            },
            glued_after: false,
        });
    }
    // Acronyms and abbreviations are fixed: `TPPO`, `Kab.`, `a.`.
    let abbreviation = trail.starts_with('.');
    let len = atoms.len();
    for atom in atoms.iter_mut().skip(len.saturating_sub(3)) {
        if atom.kind != Kind::Letters {
            continue;
        }
        let caps = atom.text.chars().all(char::is_uppercase) && has_chars(&atom.text, 2);
        let _ = lexicon;
        if caps || vocabulary.is_acronym(&atom.text) {
            atom.kind = Kind::Fixed;
        }
    }
    if abbreviation {
        if let Some(atom) = atoms.iter_mut().rev().find(|a| a.kind != Kind::Punct) {
            if atom.kind == Kind::Letters && atom.text.chars().count() <= 4 {
                atom.kind = Kind::Fixed;
            }
        }
    }
}

/// Push a token core that holds digits. Codes (`P2TP2A`, `DP3AKKB`,
/// `2017`) stay whole; words glued to numbers are cut apart (`Nomor23`,
/// `kan4kali`, `DinasP3A`), the number standing as a word of its own.
///
/// A count glued to an acronym is two tokens (`12ABC` = `12 ABC`), and
/// capitals glued between a code and a lower-case word go with the code
/// (`X4YZkegiatan` = `X4YZ kegiatan`).
fn push_with_digits<'a>(atoms: &mut Vec<Atom<'a>>, core: &'a str, gap: Gap, lexicon: &Lexicon) {
    let digits = core.bytes().take_while(u8::is_ascii_digit).count();
    if let (Some(number), Some(acronym)) = (core.get(..digits), core.get(digits..)) {
        if digits > 0 && acronym.chars().count() >= 2 && acronym.chars().all(char::is_uppercase) {
            for (text, gap) in [(number, gap), (acronym, Gap::Space)] {
                atoms.push(Atom {
                    text: Cow::Borrowed(text),
                    kind: Kind::Fixed,
                    gap,
                    glued_after: false,
                });
            }
            return;
        }
    }
    // A word is a letter segment with a lower-case letter and at least two
    // letters; everything between words is one fixed code. The code's
    // pieces follow one another in `core`: it is a range of it.
    let is_word = |seg: &str, letters: bool| {
        letters && seg.chars().count() >= 2 && seg.chars().any(char::is_lowercase)
    };
    let mut gap = gap;
    let mut code: Range<usize> = 0..0;
    // Add the piece of `core` at `piece` to the code.
    let extend = |code: &mut Range<usize>, piece: Range<usize>| {
        if Range::is_empty(code) {
            *code = piece;
        } else if !piece.is_empty() {
            code.end = piece.end;
        }
    };
    let mut seg_start = 0;
    for (seg, letters) in segments(core) {
        let seg_end = seg_start + seg.len();
        if is_word(seg, letters) {
            // `DinasP`: the capitals at the end begin the code.
            let caps_tail = seg.chars().rev().take_while(|c| c.is_uppercase()).count();
            let split = if caps_tail > 0 && code.is_empty() {
                seg.char_indices()
                    .rev()
                    .nth(caps_tail - 1)
                    .map_or(0, |(i, _)| i)
            } else {
                seg.len()
            };
            let (mut word, mut tail) = seg.split_at(split);
            // `X4YZkegiatan`: the capitals after a code's digit are the code's.
            let caps_head = word.chars().take_while(|c| c.is_uppercase()).count();
            let code_ends_in_digit = core
                .get(code.clone())
                .is_some_and(|c| c.ends_with(|c: char| c.is_ascii_digit()));
            if caps_head > 0 && code_ends_in_digit {
                let all = word
                    .char_indices()
                    .nth(caps_head)
                    .map_or(word.len(), |(i, _)| i);
                let rest = &word[all..];
                let at = if lexicon.contains(rest) || caps_head == 1 {
                    all
                } else {
                    word.char_indices().nth(caps_head - 1).map_or(0, |(i, _)| i)
                };
                if rest.chars().count() >= 2 {
                    extend(&mut code, seg_start..seg_start + at);
                    word = &word[at..];
                }
            }
            if word.is_empty() {
                word = tail;
                tail = "";
            }
            if !code.is_empty() {
                atoms.push(Atom {
                    text: Cow::Borrowed(core.get(std::mem::take(&mut code)).unwrap_or_default()),
                    kind: Kind::Fixed,
                    gap,
                    glued_after: false,
                });
                gap = Gap::Space;
            }
            if !word.is_empty() {
                atoms.push(Atom {
                    text: Cow::Borrowed(word),
                    kind: Kind::Letters,
                    gap,
                    glued_after: false,
                });
                gap = Gap::Space;
            }
            extend(&mut code, seg_end - tail.len()..seg_end);
        } else {
            extend(&mut code, seg_start..seg_end);
        }
        seg_start = seg_end;
    }
    if !code.is_empty() {
        atoms.push(Atom {
            text: Cow::Borrowed(core.get(code).unwrap_or_default()),
            kind: Kind::Fixed,
            gap,
            glued_after: false,
        });
    }
}

/// The segments of `code`, in order: runs of letters (with `true`), of
/// ASCII digits and of other characters.
fn segments(code: &str) -> impl Iterator<Item = (&str, bool)> {
    let class = |c: char| {
        if c.is_alphabetic() {
            0
        } else if c.is_ascii_digit() {
            1
        } else {
            2
        }
    };
    let mut rest = code;
    std::iter::from_fn(move || {
        let first = class(rest.chars().next()?);
        let end = rest
            .char_indices()
            .find(|&(_, c)| class(c) != first)
            .map_or(rest.len(), |(i, _)| i);
        let (segment, after) = rest.split_at(end);
        rest = after;
        Some((segment, first == 0))
    })
}

/// The word model: lexicon and document vocabulary.
struct Model<'a> {
    lexicon: &'a Lexicon,
    vocabulary: &'a Vocabulary,
}

/// What [`Model::run`] finds out about one atom of a run.
#[derive(Debug, Clone)]
struct Facts {
    /// Where the atom in lower case is in the run's lower-case text.
    lower: Range<usize>,
    /// The model's zipf of it.
    zipf: Option<f32>,
    /// Whether it is a sure word ([`SURE_ZIPF`]).
    known: bool,
    /// Whether it must be re-segmented.
    suspect: bool,
    /// Whether it is in a window to re-segment (suspect, or next to one).
    window: bool,
}

/// One character of a run with the gap before it.
#[derive(Debug, Clone, Copy)]
struct Slot {
    c: char,
    lower: char,
    /// Whether `c` is a capital, and whether it is a lower-case letter:
    /// asked of every slot several times while weighing candidates.
    capital: bool,
    small: bool,
    gap: Gap,
    /// Index of the atom it comes from.
    atom: usize,
}

/// What the search needs to know at a position `j` of a window (before
/// slot `j`, or at its end), kept together so that weighing a candidate
/// reads three of them. The counts are over slots `0..j`: `b.x - a.x`
/// counts slots `a..b`.
#[derive(Debug, Clone, Copy, Default)]
struct Point {
    /// Slots with a typed space before them.
    spaces: u32,
    /// Slots with a hyphen (inline or at a break) before them.
    hyphens: u32,
    /// Capitals following a lower-case letter.
    camels: u32,
    capitals: u32,
    /// Slots with a line break before them.
    breaks: u32,
    /// The last slot before `j` with a hyphen before it (0 if none): the
    /// hyphen of every candidate ending at `j` that holds one.
    last_hyphen: u32,
    /// Sum of the costs of joining across the gaps of slots `1..j`.
    joins: f32,
    /// The cost of a word boundary before slot `j` (nothing at the end).
    cut: f32,
    /// Whether slot `j` continues a typed word (no gap before it).
    inside: bool,
}

/// The buffers of [`Model::segment`], kept from one window to the next so
/// that restoring many items allocates once.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    slots: Vec<Slot>,
    lower: String,
    offsets: Vec<usize>,
    points: Vec<Point>,
    text: Vec<char>,
    lex_begin: Vec<Option<bool>>,
    lex_finish: Vec<Option<bool>>,
    voc_begin: Vec<bool>,
    voc_finish: Vec<bool>,
    atom_known: Vec<f32>,
    atom_start: Vec<usize>,
    best: Vec<f32>,
    back: Vec<(usize, bool)>,
    words: Vec<(usize, usize, bool)>,
    spans: SpansBuffers,
    /// What the atoms of a run are, and their lower-case text.
    facts: Vec<Facts>,
    lowers: String,
    /// The lexicon's answers for the atoms seen so far.
    answers: Answers,
    /// A hyphenated candidate, to look up; a code or a word in lower case.
    joined: String,
    /// An item's atoms (empty: they borrow the item's lines) and which are
    /// names, kept for their room.
    atoms: Vec<Atom<'static>>,
    names: Vec<bool>,
    /// Weigh every candidate, as the reference the pruned search is tested
    /// against.
    #[cfg(test)]
    exhaustive: bool,
}

/// Room for the answers of [`Answers`] made at once.
const ANSWERS: usize = 512;

/// The lexicon's zipf of the atoms (lower case) restored so far in one
/// document: a document repeats its words from cell to cell, and a worker
/// keeps its buffers for the whole document.
#[derive(Debug, Default)]
struct Answers {
    /// The document they were found in ([`Buffers::start_document`]).
    document: u64,
    /// The address of the lexicon that gave them: a workspace serves one
    /// restorer, but answers from another lexicon must not be reused.
    lexicon: usize,
    /// The words answered, one after the other: one string for all, kept
    /// from document to document, instead of one allocation per word.
    words: String,
    /// By the hash of a word: where it is in `words`, and its zipf.
    zipf: HashMap<u64, Answer, BuildHasherDefault<HashedKey>>,
}

/// A word remembered by [`Answers`].
#[derive(Debug, Clone)]
struct Answer {
    word: Range<usize>,
    zipf: Option<f32>,
}

/// The hasher of keys that are hashes already.
#[derive(Debug, Default)]
struct HashedKey(u64);

impl Hasher for HashedKey {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Buffers {
    /// Use the buffers for the document numbered `document`: what was
    /// remembered of another document is forgotten (the room is kept).
    pub(crate) fn start_document(&mut self, document: u64) {
        if self.answers.document != document {
            self.answers.forget();
            self.answers.document = document;
        }
    }
}

impl Answers {
    /// Forget every answer, keeping the room.
    fn forget(&mut self) {
        self.zipf.clear();
        self.words.clear();
    }

    /// [`Lexicon::zipf_lower`] of `lower`, remembered.
    fn zipf(&mut self, lexicon: &Lexicon, lower: &str) -> Option<f32> {
        let mut hasher = WordHasher::default();
        hasher.write(lower.as_bytes());
        self.zipf_hashed(lexicon, lower, hasher.finish())
    }

    /// [`Answers::zipf`] of `lower`, whose hash is `hash`. A word whose
    /// hash another word holds is not remembered.
    fn zipf_hashed(&mut self, lexicon: &Lexicon, lower: &str, hash: u64) -> Option<f32> {
        let address = std::ptr::from_ref(lexicon).addr();
        if self.lexicon != address {
            self.forget();
            // About the distinct words of a document, to grow rarely.
            self.zipf.reserve(ANSWERS);
            self.words.reserve(ANSWERS * 8);
            self.lexicon = address;
        }
        match self.zipf.entry(hash) {
            Entry::Occupied(entry) => {
                let answer = entry.get();
                if self.words.get(answer.word.clone()) == Some(lower) {
                    answer.zipf
                } else {
                    lexicon.zipf_lower(lower)
                }
            }
            Entry::Vacant(entry) => {
                let zipf = lexicon.zipf_lower(lower);
                let from = self.words.len();
                self.words.push_str(lower);
                entry.insert(Answer {
                    word: from..self.words.len(),
                    zipf,
                });
                zipf
            }
        }
    }
}

impl Model<'_> {
    /// The zipf of a lower-case word, from the lexicon or the document.
    fn zipf(&self, lower: &str) -> Option<f32> {
        max_zipf(self.lexicon.zipf_lower(lower), self.vocabulary.zipf(lower))
    }

    /// [`Model::zipf`], the lexicon's answer remembered in `answers`.
    fn remembered_zipf(&self, answers: &mut Answers, lower: &str) -> Option<f32> {
        max_zipf(
            answers.zipf(self.lexicon, lower),
            self.vocabulary.zipf(lower),
        )
    }

    /// The cost of `word` (original case) as one word.
    fn word_cost(&self, word: &str, lower: &str) -> f32 {
        let mixed = if has_camel(word) { MIXED_CASE } else { 0.0 };
        mixed + self.plain_cost(word, lower)
    }

    /// [`Model::word_cost`] without the case penalty.
    fn plain_cost(&self, word: &str, lower: &str) -> f32 {
        if let Some(z) = self.zipf(lower) {
            return 9.0 - z;
        }
        let chars = lower.chars().count() as f32;
        if word.chars().all(char::is_uppercase) && has_chars(word, 2) {
            return ACRONYM_BASE + 0.2 * chars;
        }
        let fragment = if self.lexicon.is_fragment(lower) && !is_lone_capital(word) {
            FRAGMENT
        } else {
            0.0
        };
        UNKNOWN_BASE
            + UNKNOWN_PER_CHAR * chars
            + UNKNOWN_PER_LONG_CHAR * (chars - LONG_WORD).max(0.0)
            + fragment
    }

    /// Restore a run of letter atoms, appended to `out`.
    fn run(&self, run: &[Atom<'_>], names: &[bool], out: &mut String, buffers: &mut Buffers) {
        // Which atoms need re-segmenting: unknown ones, those at a line
        // break or hyphen, those with an inner capital; and one neighbour
        // on each side of them.
        let n = run.len();
        // A word known only through an unlikely derivation (`di` + noun, a
        // preposition glued to its noun) is checked like an unknown one.
        let mut facts = std::mem::take(&mut buffers.facts);
        let mut lowers = std::mem::take(&mut buffers.lowers);
        facts.clear();
        lowers.clear();
        for atom in run {
            let from = lowers.len();
            push_lower(&mut lowers, &atom.text);
            let lower = lowers.get(from..).unwrap_or_default();
            let zipf = self.remembered_zipf(&mut buffers.answers, lower);
            let known = zipf.is_some_and(|z| z >= SURE_ZIPF);
            facts.push(Facts {
                lower: from..lowers.len(),
                zipf,
                known,
                suspect: !known || has_camel(&atom.text),
                window: false,
            });
        }
        // A plain line break between two known words that do not join into
        // a known word is a space: nothing to decide. Any other break or
        // hyphen makes both sides suspect.
        for k in 1..n {
            let decided = match run[k].gap {
                Gap::Space | Gap::None => true,
                Gap::Break => {
                    facts[k - 1].known && facts[k].known && {
                        let joined = &mut buffers.joined;
                        joined.clear();
                        for fact in [&facts[k - 1], &facts[k]] {
                            joined.push_str(lowers.get(fact.lower.clone()).unwrap_or_default());
                        }
                        self.remembered_zipf(&mut buffers.answers, joined).is_none()
                    }
                }
                Gap::HyphenBreak | Gap::Hyphen => false,
            };
            if !decided {
                facts[k - 1].suspect = true;
                facts[k].suspect = true;
            }
        }
        for k in 0..n {
            if facts[k].suspect {
                facts[k].window = true;
                if k > 0 {
                    facts[k - 1].window = true;
                }
                if k + 1 < n {
                    facts[k + 1].window = true;
                }
            }
        }
        let mut k = 0;
        while k < n {
            let gap_text = if k == 0 { "" } else { gap_text(run[k].gap) };
            if !facts[k].window {
                out.push_str(gap_text);
                out.push_str(&run[k].text);
                k += 1;
                continue;
            }
            let mut end = k + 1;
            while end < n && facts[end].window {
                end += 1;
            }
            out.push_str(gap_text);
            let names = names.get(k..end).unwrap_or(&[]);
            self.segment(&run[k..end], names, &facts[k..end], out, buffers);
            k = end;
        }
        buffers.facts = facts;
        buffers.lowers = lowers;
    }

    /// Re-segment a window of letter atoms by dynamic programming (`facts`:
    /// what [`Model::run`] found out about each atom, its zipf among them).
    ///
    /// Every substring of at most [`MAX_WORD`] characters (and every whole
    /// typed atom) is a candidate word. What a candidate needs beyond its
    /// dictionary lookup comes from prefix sums; the lookup itself is made
    /// only when the candidate's first and last three letters match some
    /// known word's, so most substrings cost a few comparisons.
    fn segment(
        &self,
        atoms: &[Atom<'_>],
        names: &[bool],
        facts: &[Facts],
        out: &mut String,
        buffers: &mut Buffers,
    ) {
        let Buffers {
            slots,
            lower,
            offsets,
            points,
            text,
            lex_begin,
            lex_finish,
            voc_begin,
            voc_finish,
            atom_known,
            atom_start,
            best,
            back,
            words,
            spans: spans_buffers,
            facts: _,
            lowers: _,
            answers,
            joined,
            atoms: _,
            names: _,
            #[cfg(test)]
            exhaustive,
        } = buffers;
        #[cfg(test)]
        let exhaustive = *exhaustive;
        #[cfg(not(test))]
        let exhaustive = false;
        // The slots, and their lower-case letters as a string (with the
        // byte offset of each) and as characters.
        slots.clear();
        lower.clear();
        offsets.clear();
        text.clear();
        let mut layout = Layout {
            slots,
            lower,
            offsets,
            text,
        };
        for (a, atom) in atoms.iter().enumerate() {
            let gap = if a > 0 { atom.gap } else { Gap::None };
            layout.push_atom(&atom.text, gap, a);
        }
        offsets.push(lower.len());
        let n = slots.len();
        if n == 0 {
            return;
        }
        let slots: &[Slot] = slots;
        let lower: &str = lower;
        let offsets: &[usize] = offsets;
        let text: &[char] = text;
        // Which typed atoms are known words: cutting them costs more.
        // A proper name typed whole costs more to cut still.
        atom_known.clear();
        atom_known.extend(atoms.iter().enumerate().map(|(a, atom)| {
            if names.get(a).copied().unwrap_or(false) {
                return CUT_NAME;
            }
            let zipf = match facts.get(a) {
                Some(fact) => fact.zipf,
                None => self.zipf(&atom.text.to_lowercase()),
            };
            zipf.map_or(0.0, |z| (z - CUT_KNOWN_FROM).clamp(0.0, CUT_KNOWN))
        }));
        let atom_known: &[f32] = atom_known;
        // The cost of joining across slot j's gap.
        let join_cost = |j: usize, slot: &Slot| match slot.gap {
            Gap::None if is_camel(slots, j) => JOIN_CAMEL,
            Gap::None => 0.0,
            Gap::HyphenBreak | Gap::Hyphen if slot.capital => JOIN_HYPHEN_CAPITAL,
            Gap::HyphenBreak | Gap::Hyphen => 0.0,
            Gap::Space => JOIN_SPACE,
            Gap::Break => JOIN_BREAK,
        };
        // The points, and the start of the typed atom each slot belongs to.
        points.clear();
        atom_start.clear();
        let mut point = Point::default();
        let mut prev: Option<&Slot> = None;
        for (j, slot) in slots.iter().enumerate() {
            point.cut = self.cut_cost(slots, j, atom_known);
            point.inside = slot.gap == Gap::None;
            points.push(point);
            let camel = j > 0 && slot.capital && prev.is_some_and(|p| p.small);
            let hyphen = matches!(slot.gap, Gap::Hyphen | Gap::HyphenBreak);
            point.spaces += u32::from(slot.gap == Gap::Space);
            point.hyphens += u32::from(hyphen);
            point.camels += u32::from(camel);
            point.capitals += u32::from(slot.capital);
            point.breaks += u32::from(slot.gap == Gap::Break);
            if hyphen {
                point.last_hyphen = j as u32;
            }
            point.joins += if j == 0 { 0.0 } else { join_cost(j, slot) };
            let same_atom = prev.is_some_and(|p| p.atom == slot.atom);
            let start = match atom_start.last() {
                Some(&s) if same_atom => s,
                _ => j,
            };
            atom_start.push(start);
            prev = Some(slot);
        }
        point.cut = 0.0;
        point.inside = false;
        points.push(point);
        let points: &[Point] = points;
        let atom_start: &[usize] = atom_start;
        // What the lexicon knows of every candidate of the window, and
        // (computed when first asked) whether a position can begin or end a
        // known word by its edges: a derived word counts only then, as
        // for the lexicon's own lookups (a listed word always passes).
        let spans = self.lexicon.spans_in(text, MAX_WORD, spans_buffers);
        let head = |s: usize| lower.get(offsets[s]..offsets[(s + EDGE_SPAN).min(n)]);
        let tail = |e: usize| lower.get(offsets[e.saturating_sub(EDGE_SPAN)]..offsets[e]);
        lex_begin.clear();
        lex_begin.resize(n, None);
        let lex_begin: &mut [Option<bool>] = lex_begin;
        lex_finish.clear();
        lex_finish.resize(n + 1, None);
        let lex_finish: &mut [Option<bool>] = lex_finish;
        let mut edges_known = |start: usize, end: usize| {
            let begin = *lex_begin[start]
                .get_or_insert_with(|| head(start).is_some_and(|h| self.lexicon.may_begin(h)));
            begin
                && *lex_finish[end]
                    .get_or_insert_with(|| tail(end).is_some_and(|t| self.lexicon.may_finish(t)))
        };
        // Document words to consult: where they may begin and end.
        let local = !self.vocabulary.is_empty();
        voc_begin.clear();
        voc_finish.clear();
        if local {
            voc_begin.extend((0..n).map(|s| head(s).is_some_and(|h| self.vocabulary.may_begin(h))));
            voc_finish
                .extend((0..=n).map(|e| tail(e).is_some_and(|t| self.vocabulary.may_finish(t))));
        }
        let voc_begin: &[bool] = voc_begin;
        let voc_finish: &[bool] = voc_finish;

        best.clear();
        best.resize(n + 1, f32::INFINITY);
        let best: &mut [f32] = best;
        back.clear();
        back.resize(n + 1, (0usize, false));
        let back: &mut [(usize, bool)] = back;
        best[0] = 0.0;
        // The candidate `start..end`, weighed and kept if it is the best
        // way to reach `end` so far: the cheapest, the later start winning
        // a tie. Candidates may be weighed in any order.
        let mut consider =
            |start: usize, end: usize, best: &mut [f32], back: &mut [(usize, bool)]| {
                let (Some(&before), Some(first), Some(inner), Some(last)) = (
                    best.get(start),
                    points.get(start),
                    points.get(start + 1),
                    points.get(end),
                ) else {
                    return;
                };
                if !before.is_finite() {
                    return;
                }
                let inner_spaces = last.spaces - inner.spaces;
                if inner_spaces > 1 {
                    return;
                }
                let word = || lower.get(offsets[start]..offsets[end]).unwrap_or_default();
                let seen = || local.then(|| self.vocabulary.zipf(word())).flatten();
                let chars = end - start;
                let (zipf, fragment) = match spans.at(start, end) {
                    None => {
                        // A whole typed word longer than any candidate.
                        let listed = if edges_known(start, end) {
                            self.lexicon.zipf_checked(word())
                        } else {
                            None
                        };
                        (max_zipf(listed, seen()), false)
                    }
                    // Shorter than three letters, a candidate is no derived
                    // word and is looked for among the document's words
                    // without the test of its edges (one path for both: the
                    // length is hard to predict).
                    Some(span) => {
                        let short = chars < 3;
                        let derived = if short { None } else { span.derived };
                        let listed = match span.listed {
                            Some(z) => Some(z),
                            None if span.fragment => None,
                            None => derived.filter(|_| edges_known(start, end)),
                        };
                        let seen = if local && (short || (voc_begin[start] && voc_finish[end])) {
                            self.vocabulary.zipf(word())
                        } else {
                            None
                        };
                        (max_zipf(listed, seen), span.fragment)
                    }
                };
                let hyphen = last.hyphens - inner.hyphens == 1;
                let capitals = (last.capitals - first.capitals) as usize;
                if zipf.is_none() && !hyphen && capitals != chars {
                    // An unknown word: no cheaper than its base and letters,
                    // and never across a typed space.
                    let least = UNKNOWN_BASE + UNKNOWN_PER_CHAR * chars as f32;
                    if inner_spaces > 0 || before + least > best[end] {
                        return;
                    }
                }
                let shape = Shape {
                    chars,
                    camel: last.camels > inner.camels,
                    capitals,
                };
                let fragment = chars <= MAX_FRAGMENT && fragment;
                let mut cost = shaped_cost(zipf, shape, fragment);
                let mut hyphenated = false;
                if hyphen {
                    let at = (last.last_hyphen as usize).saturating_sub(start);
                    (cost, hyphenated) = self.hyphen_cost(
                        &slots[start..end],
                        &text[start..end],
                        at,
                        cost,
                        joined,
                        answers,
                    );
                }
                // Only a known word may take a typed space away, and not the
                // space before a capital (`Kelas I` is no `KelasI`).
                if inner_spaces > 0 && (cost >= UNKNOWN_BASE || shape.camel) {
                    return;
                }
                // Capitals across a line break join into an acronym only
                // when the model knows it (`merge_codes` handles codes).
                let breaks = last.breaks - inner.breaks;
                if breaks > 0 && zipf.is_none() && chars >= 2 && shape.capitals == chars {
                    return;
                }
                let joins = last.joins - inner.joins;
                // Cut out of a typed word on either side (evaluated without
                // branching: the outcome is hard to predict).
                let cut_before = (start > 0) & first.inside;
                let cut_after = last.inside;
                let rare = zipf.unwrap_or(f32::INFINITY) < 5.0;
                let short = SHORT_RARE_CUT
                    * f32::from(u8::from((cut_before | cut_after) & (chars <= 3) & rare));
                let total = before + cost + joins + last.cut + short;
                if total < best[end] || (total == best[end] && start > back[end].0) {
                    best[end] = total;
                    back[end] = (start, hyphenated);
                }
            };
        // The least cost of an unknown word, by length.
        let mut least = [0.0f32; MAX_WORD + 1];
        for (chars, least) in least.iter_mut().enumerate() {
            let shape = Shape {
                chars,
                camel: false,
                capitals: 0,
            };
            *least = shaped_cost(None, shape, false);
        }
        // Capitals up to each end, for acronym candidates.
        let mut capital_run = 0;
        // The last two slots before `end` with a typed space before them (0
        // if none; the first slot has none): the earliest starts with at
        // most one, and with no, typed space inside follow from them
        // without a search.
        let (mut space, mut space_before) = (0, 0);
        for end in 1..=n {
            capital_run = if slots[end - 1].capital {
                capital_run + 1
            } else {
                0
            };
            // A typed word longer than any listed word may stay whole.
            let whole_atom = end == n || slots[end].atom != slots[end - 1].atom;
            let long_atom = atom_start[end - 1];
            if whole_atom && long_atom + MAX_WORD < end {
                consider(long_atom, end, best, back);
            }
            // Candidates start at most MAX_WORD back and hold at most one
            // typed space; bit `k` stands for the start `end - k - 1`.
            let last = points[end];
            let typed_space = slots[end - 1].gap == Gap::Space;
            space_before = if typed_space { space } else { space_before };
            space = if typed_space { end - 1 } else { space };
            let lo = end.saturating_sub(MAX_WORD).max(space_before);
            let lo_unspaced = lo.max(space);
            if exhaustive {
                for start in (lo..end).rev() {
                    consider(start, end, best, back);
                }
                continue;
            }
            let within = low_bits(end - lo);
            // First what may cost less than an unknown word: known words
            // (all of them with document words to consult), acronyms and
            // candidates across one hyphen.
            let mut first = spans.words_ending_at(end) | low_bits(capital_run);
            if local {
                first = u32::MAX;
            }
            if last.hyphens > points[lo + 1].hyphens {
                let may_keep = self.hyphen_starts(slots, text, lo, end, last.last_hyphen as usize);
                for start in lo..end {
                    if last.hyphens - points[start + 1].hyphens == 1 && may_keep(start) {
                        first |= 1 << (end - start - 1);
                    }
                }
            }
            first &= within;
            for_bits(first, |k| consider(end - k - 1, end, best, back));
            // Then the unknown words within one typed word that could still
            // beat the best found: their least total is that of an unknown
            // word of their length with no penalty of its own, summed as
            // `consider` sums.
            let mut rest = 0u32;
            let best_end = best[end];
            // From the longest candidate to the shortest: each bit goes in
            // at the bottom and moves up one place per shorter candidate.
            let starts = best.get(lo_unspaced..end).unwrap_or(&[]);
            let inners = points.get(lo_unspaced + 1..=end).unwrap_or(&[]);
            let leasts = least.get(1..=end - lo_unspaced).unwrap_or(&[]);
            for ((before, inner), least) in starts.iter().zip(inners).zip(leasts.iter().rev()) {
                let joins = last.joins - inner.joins;
                let total = before + least + joins + last.cut;
                rest = rest << 1 | u32::from(total <= best_end);
            }
            // Each is weighed against the best found by then, which only
            // falls. Such a candidate is no listed or derived word, no
            // acronym, across no hyphen nor typed space (those were weighed
            // first, and with document words every candidate was): unless
            // it has an inner capital or may be a fragment, its total is its
            // bound exactly, as `consider` would sum it.
            for_bits(rest & !first & within, |k| {
                let start = end - k - 1;
                let chars = k + 1;
                let (Some(&before), Some(inner), Some(&least)) =
                    (best.get(start), points.get(start + 1), least.get(chars))
                else {
                    return;
                };
                let total = before + least + (last.joins - inner.joins) + last.cut;
                if total > best[end] || !before.is_finite() {
                    return;
                }
                let camel = last.camels > inner.camels;
                if camel
                    || (chars <= MAX_FRAGMENT && spans.at(start, end).is_some_and(|s| s.fragment))
                {
                    consider(start, end, best, back);
                } else if total < best[end] || start > back[end].0 {
                    best[end] = total;
                    back[end] = (start, false);
                }
            });
        }
        // Read the words back.
        words.clear();
        let mut end = n;
        while end > 0 {
            let (start, hyphenated) = back[end];
            words.push((start, end, hyphenated));
            if start >= end {
                break;
            }
            end = start;
        }
        words.reverse();
        out.reserve(lower.len() + words.len());
        for (w, &(start, end, hyphenated)) in words.iter().enumerate() {
            if w > 0 {
                out.push_str(match slots[start].gap {
                    Gap::Hyphen | Gap::HyphenBreak => "-",
                    _ => " ",
                });
            }
            for (i, s) in slots[start..end].iter().enumerate() {
                if i > 0 && hyphenated && matches!(s.gap, Gap::Hyphen | Gap::HyphenBreak) {
                    out.push('-');
                }
                out.push(s.c);
            }
        }
    }

    /// The cost of a candidate across one hyphen (before slot `at`), and
    /// whether it keeps the hyphen (`perundang-undangan`, `se-Provinsi`),
    /// given its plain cost. The document repeats its hyphenated words:
    /// `answers` remembers their zipf.
    fn hyphen_cost(
        &self,
        slots: &[Slot],
        lower: &[char],
        at: usize,
        plain: f32,
        joined: &mut String,
        answers: &mut Answers,
    ) -> (f32, bool) {
        // The model knows a hyphenated word only as a reduplication (the
        // right half begins with the left half, or with what follows a
        // prefix of it) or through a listed hyphenated word.
        let (l, r) = lower.split_at(at.min(lower.len()));
        let reduplication = crate::lexicon::is_reduplication(l, r);
        if !reduplication && !self.lexicon.may_end_hyphenated(r) {
            return self.hyphen_prefix_cost(slots, at, plain, joined);
        }
        joined.clear();
        joined.extend(l);
        joined.push('-');
        joined.extend(r);
        if let Some(z) = self.remembered_zipf(answers, joined) {
            let cost = 9.0 - z;
            if cost < plain {
                return (cost, true);
            }
        }
        self.hyphen_prefix_cost(slots, at, plain, joined)
    }

    /// Which candidates across the hyphen before slot `hyphen`, ending at
    /// `end` and starting at `lo` or later, [`Model::hyphen_cost`] may make
    /// cheaper than their plain cost; the others are unknown words like any
    /// (or known ones without their hyphen).
    ///
    /// The right half is the same for all: whether it may end a listed
    /// hyphenated word, and whether it is a capitalised word after a
    /// prefix, is decided once. A reduplication's right half begins with a
    /// stem of at least two letters that the left half holds: no left half
    /// without the right half's first two letters is one.
    fn hyphen_starts(
        &self,
        slots: &[Slot],
        text: &[char],
        lo: usize,
        end: usize,
        hyphen: usize,
    ) -> impl Fn(usize) -> bool {
        let right = text.get(hyphen..end).unwrap_or_default();
        let listed = self.lexicon.may_end_hyphenated(right);
        let capital = slots.get(hyphen).is_some_and(|s| s.capital);
        let prefix_from = if capital {
            hyphen.saturating_sub(MAX_PREFIX)
        } else {
            usize::MAX
        };
        // The last start of a left half holding the right half's first two
        // letters, if any.
        let stem_to = right.get(..2).and_then(|head| {
            (lo..hyphen.saturating_sub(1))
                .rev()
                .find(|&q| text.get(q..q + 2) == Some(head))
        });
        move |start| listed || start >= prefix_from || stem_to.is_some_and(|to| start <= to)
    }

    /// `se-Provinsi`: the cost of a candidate that is a prefix, a hyphen
    /// and a capitalised word (hyphen before slot `at`), if below `plain`.
    /// `scratch` is room for the word.
    fn hyphen_prefix_cost(
        &self,
        slots: &[Slot],
        at: usize,
        plain: f32,
        scratch: &mut String,
    ) -> (f32, bool) {
        let capital = slots.get(at).is_some_and(|s| s.capital);
        if !capital || at > MAX_PREFIX {
            return (plain, false);
        }
        let left = || slots[..at].iter().map(|s| s.lower);
        if HYPHEN_PREFIXES.iter().any(|p| p.chars().eq(left())) {
            // The word as typed, then in lower case.
            scratch.clear();
            scratch.extend(slots[at..].iter().map(|s| s.c));
            let typed = scratch.len();
            scratch.extend(slots[at..].iter().map(|s| s.lower));
            let (right_original, right) = scratch.split_at(typed);
            let cost = self.word_cost(right_original, right) + 1.0;
            if cost < plain {
                return (cost, true);
            }
        }
        (plain, false)
    }

    /// The cost of a word boundary before slot `at`.
    fn cut_cost(&self, slots: &[Slot], at: usize, atom_known: &[f32]) -> f32 {
        let Some(slot) = slots.get(at) else {
            return 0.0;
        };
        match slot.gap {
            Gap::Space => 0.0,
            Gap::Break => CUT_BREAK,
            Gap::HyphenBreak => KEEP_HYPHEN_BREAK,
            Gap::Hyphen => KEEP_HYPHEN_INLINE,
            Gap::None => {
                let near_space = [at.wrapping_sub(1), at + 1, at.wrapping_sub(2), at + 2]
                    .iter()
                    .any(|&i| slots.get(i).is_some_and(|s| s.gap == Gap::Space));
                let base = if is_camel(slots, at) {
                    CUT_CAMEL
                } else if near_space {
                    CUT_NEAR_SPACE
                } else {
                    CUT_INSIDE
                };
                let known = atom_known.get(slot.atom).copied().unwrap_or(0.0);
                if base >= CUT_INSIDE {
                    base + known
                } else {
                    base
                }
            }
        }
    }
}

/// The cost of a candidate word from its zipf and its shape (`fragment`:
/// whether it is a fragment of at most [`MAX_FRAGMENT`] letters).
fn shaped_cost(zipf: Option<f32>, shape: Shape, fragment: bool) -> f32 {
    let mixed = if shape.camel { MIXED_CASE } else { 0.0 };
    if let Some(z) = zipf {
        return mixed + 9.0 - z;
    }
    let chars = shape.chars as f32;
    // A lone capital (`I`, a numeral or an initial) costs what an
    // acronym does.
    if shape.capitals == shape.chars {
        return mixed + ACRONYM_BASE + 0.2 * chars;
    }
    let fragment = if fragment { FRAGMENT } else { 0.0 };
    mixed
        + UNKNOWN_BASE
        + UNKNOWN_PER_CHAR * chars
        + UNKNOWN_PER_LONG_CHAR * (chars - LONG_WORD).max(0.0)
        + fragment
}

/// Append `text` in lower case to `lowers`.
fn push_lower(lowers: &mut String, text: &str) {
    if text.is_ascii() {
        let from = lowers.len();
        lowers.push_str(text);
        if let Some(added) = lowers.get_mut(from..) {
            added.make_ascii_lowercase();
        }
    } else {
        lowers.push_str(&text.to_lowercase());
    }
}

/// A window's slots as they are laid out: the slots, their lower-case
/// letters as a string (`lower`, with the byte offset of each in
/// `offsets`) and as characters (`text`).
struct Layout<'b> {
    slots: &'b mut Vec<Slot>,
    lower: &'b mut String,
    offsets: &'b mut Vec<usize>,
    text: &'b mut Vec<char>,
}

impl Layout<'_> {
    /// Append the slots of an atom's text (`gap` before its first
    /// character, `atom` its index). Plain ASCII text, most of it, is read
    /// byte by byte, which gives the same slots.
    fn push_atom(&mut self, atom_text: &str, gap: Gap, atom: usize) {
        if !atom_text.is_ascii() {
            self.push_chars(atom_text, gap, atom);
            return;
        }
        let letters = atom_text.bytes().map(|byte| {
            let c = char::from(byte);
            let small = char::from(byte.to_ascii_lowercase());
            (
                c,
                small,
                byte.is_ascii_uppercase(),
                byte.is_ascii_lowercase(),
            )
        });
        self.push_letters(letters, gap, atom);
    }

    /// [`Layout::push_atom`] for any text, character by character.
    fn push_chars(&mut self, atom_text: &str, gap: Gap, atom: usize) {
        let letters = atom_text.chars().map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            (c, lower, c.is_uppercase(), c.is_lowercase())
        });
        self.push_letters(letters, gap, atom);
    }

    /// Append one slot per letter: as typed, in lower case, whether a
    /// capital, whether a small letter.
    fn push_letters(
        &mut self,
        letters: impl Iterator<Item = (char, char, bool, bool)>,
        mut gap: Gap,
        atom: usize,
    ) {
        for (c, lower, capital, small) in letters {
            self.offsets.push(self.lower.len());
            self.lower.push(lower);
            self.text.push(lower);
            self.slots.push(Slot {
                c,
                lower,
                capital,
                small,
                gap,
                atom,
            });
            gap = Gap::None;
        }
    }
}

/// The separator a kept gap prints as.
fn gap_text(gap: Gap) -> &'static str {
    match gap {
        Gap::None => "",
        Gap::Space | Gap::Break => " ",
        Gap::Hyphen | Gap::HyphenBreak => "-",
    }
}

/// Whether slot `at` begins a word by its case: a capital after a
/// lower-case letter (`kantorImigrasi`), or the last capital of a run of
/// capitals before a lower-case letter (`PKorban`).
fn is_camel(slots: &[Slot], at: usize) -> bool {
    let (Some(prev), Some(this)) = (at.checked_sub(1).and_then(|p| slots.get(p)), slots.get(at))
    else {
        return false;
    };
    if !this.capital {
        return false;
    }
    prev.small || (prev.capital && slots.get(at + 1).is_some_and(|n| n.small))
}

/// A mask of the `n` lowest bits (all of them from 32 on).
fn low_bits(n: usize) -> u32 {
    if n >= 32 {
        u32::MAX
    } else {
        (1u32 << n) - 1
    }
}

/// Call `each` with the index of every set bit of `bits`, lowest first.
fn for_bits(mut bits: u32, mut each: impl FnMut(usize)) {
    while bits != 0 {
        each(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}

/// Whether `text` has at least `n` characters (without counting them all).
fn has_chars(text: &str, n: usize) -> bool {
    n == 0 || text.chars().nth(n - 1).is_some()
}

/// A single capital letter (`I`, a numeral or an initial).
fn is_lone_capital(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether a lower-case letter is followed by a capital inside `word`.
fn has_camel(word: &str) -> bool {
    let mut prev_lower = false;
    for c in word.chars() {
        if c.is_uppercase() && prev_lower {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Workspace;
    use crate::Normaliser;
    use pergub_model::Format;

    /// A plain word takes the quick way into atoms; every token comes out
    /// as the general cutting makes it, after any atoms before it.
    #[test]
    fn plain_words_make_the_atoms_the_general_cutting_makes() {
        let normaliser = Normaliser::new();
        let lexicon = normaliser.restorer().lexicon();
        let cells = [vec!["kata BKPSDM kata".to_string(), "x LKSA y".into()]];
        let document = normaliser
            .restorer()
            .vocabulary(cells.iter().map(Vec::as_slice));
        assert!(document.is_acronym("BKPSDM"));
        for words in [&Vocabulary::new(), &document] {
            let tokens = [
                "Kabupaten",
                "LKSA",
                "I",
                "a",
                "gedungI",
                "BKPSDM",
                "Kab.",
                "(Dinas",
                "BP4D",
                "Kota/Kabupaten",
                "pelatih-an",
                "ÉCOLE",
                "Pöhl",
                "2017",
                "se-Provinsi",
                "x",
            ];
            for before in ["", "(", "LKS", "12ABC"] {
                for token in tokens {
                    let (mut quick, mut general) = (Vec::new(), Vec::new());
                    for atoms in [&mut quick, &mut general] {
                        if !before.is_empty() {
                            push_token_parts(atoms, before, Gap::Break, lexicon, words);
                        }
                    }
                    push_token(&mut quick, token, Gap::Space, lexicon, words);
                    push_token_parts(&mut general, token, Gap::Space, lexicon, words);
                    assert_eq!(
                        format!("{quick:?}"),
                        format!("{general:?}"),
                        "{before} {token}"
                    );
                }
            }
        }
    }

    /// A code glued to words is cut where the words begin; every piece is
    /// borrowed from the token.
    #[test]
    fn codes_glued_to_words_are_cut_apart() {
        let lexicon = Lexicon::embedded();
        let (letters, fixed) = (Kind::Letters, Kind::Fixed);
        for (token, expected) in [
            ("2017", vec![("2017", fixed)]),
            ("P2TP2A", vec![("P2TP2A", fixed)]),
            ("12ABC", vec![("12", fixed), ("ABC", fixed)]),
            ("Nomor23", vec![("Nomor", letters), ("23", fixed)]),
            (
                "kan4kali",
                vec![("kan", letters), ("4", fixed), ("kali", letters)],
            ),
            ("DinasP3A", vec![("Dinas", letters), ("P3A", fixed)]),
            ("X4YZkegiatan", vec![("X4YZ", fixed), ("kegiatan", letters)]),
            ("P3A-KB2x", vec![("P3A-KB2x", fixed)]),
        ] {
            let mut atoms = Vec::new();
            push_with_digits(&mut atoms, token, Gap::Space, lexicon);
            let got: Vec<(&str, Kind)> = atoms.iter().map(|a| (&*a.text, a.kind)).collect();
            assert_eq!(got, expected, "{token}");
            assert!(
                atoms.iter().all(|a| matches!(a.text, Cow::Borrowed(_))),
                "{token}"
            );
        }
    }

    /// The remembered answers are the lexicon's, for words whose hashes
    /// differ or collide, and are forgotten with the document.
    #[test]
    fn remembered_answers_are_the_lexicons() {
        let lexicon = Lexicon::embedded();
        let words = [
            "dinas", "sosial", "xyzabc", "dinas", "kegiatan", "sosial", "xyzabc",
        ];
        let mut answers = Answers::default();
        for word in words {
            assert_eq!(
                answers.zipf(lexicon, word),
                lexicon.zipf_lower(word),
                "{word}"
            );
        }
        // One hash for every word: the first is remembered, the others are
        // looked up each time.
        let mut colliding = Answers::default();
        for word in words {
            let zipf = colliding.zipf_hashed(lexicon, word, 7);
            assert_eq!(zipf, lexicon.zipf_lower(word), "{word}");
        }
        assert_eq!(colliding.zipf.len(), 1);
        assert_eq!(colliding.words, "dinas");
        let mut buffers = Buffers {
            answers,
            ..Buffers::default()
        };
        buffers.start_document(1);
        assert!(buffers.answers.zipf.is_empty() && buffers.answers.words.is_empty());
    }

    /// Unknown words inside typed words are weighed without `consider`
    /// unless they have an inner capital or may be a fragment: glued and
    /// broken text of each kind restores as weighing every candidate does.
    #[test]
    fn unknown_words_inside_typed_words_are_weighed_as_every_candidate_is() {
        let normaliser = Normaliser::new();
        let restorer = normaliser.restorer();
        let none = Vocabulary::new();
        let (mut pruned, mut every) = (Workspace::default(), Workspace::default());
        every.segment.exhaustive = true;
        let cells: [&[&str]; 12] = [
            &["xqzvbw kantorImigrasi qqqqqq"],
            &["Pe-", "ncegahan dan penanganannya"],
            &["nyanyanyaxq sinergitas"],
            &["PembinaanPenyuluhanxqz", "Kab."],
            &["zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz kata"],
            &["dinassosialkabupatenbanyumasxq"],
            &["abab abab", "abab"],
            &["GugusTxq kantorIxq"],
            &["perundang-", "undangan se-Provinsi xyz-abc"],
            // Candidates across a hyphen weighed first or with the unknown
            // words: reduplications, listed right halves, prefixes.
            &["qxmasing-masingan kegiatanpe-", "ncegahan anti-Narkoba"],
            &["lintassektoral-sektoral abab-ababan xqab-ab"],
            &["kerjasamapasca-Bencana nonpro-Muslim ke-", "Camatan"],
        ];
        for lines in cells {
            let lines: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
            assert_eq!(
                restorer.items_with(&lines, &none, &mut pruned),
                restorer.items_with(&lines, &none, &mut every),
                "{lines:?}"
            );
        }
    }

    /// The search that skips candidates which cannot win finds what
    /// weighing every candidate finds, in every cell of the documents.
    /// ASCII text takes the quick way into slots; it gives what going
    /// character by character gives.
    #[test]
    fn ascii_slots_are_the_slots_of_its_characters() {
        let texts = ["Pembinaan", "kantorImigrasi", "PUPR", "a", "", "x-Y z"];
        let (mut quick, mut general) = (Buffers::default(), Buffers::default());
        for (a, text) in texts.iter().enumerate() {
            for gap in [Gap::None, Gap::Space, Gap::HyphenBreak] {
                for (buffers, ascii) in [(&mut quick, true), (&mut general, false)] {
                    let mut layout = Layout {
                        slots: &mut buffers.slots,
                        lower: &mut buffers.lower,
                        offsets: &mut buffers.offsets,
                        text: &mut buffers.text,
                    };
                    if ascii {
                        layout.push_atom(text, gap, a);
                    } else {
                        layout.push_chars(text, gap, a);
                    }
                }
            }
        }
        assert_eq!(quick.lower, general.lower);
        assert_eq!(quick.offsets, general.offsets);
        assert_eq!(quick.text, general.text);
        assert_eq!(format!("{:?}", quick.slots), format!("{:?}", general.slots));
        assert!(quick
            .slots
            .iter()
            .any(|s| s.capital && s.gap == Gap::HyphenBreak));
        assert!(quick.slots.iter().any(|s| s.small && s.gap == Gap::Space));
    }

    #[test]
    fn the_pruned_search_finds_what_weighing_every_candidate_finds() {
        let documents = crate::text::FIXTURE_DOCUMENTS;
        let normaliser = Normaliser::new();
        let restorer = normaliser.restorer();
        let none = Vocabulary::new();
        let (mut pruned, mut every) = (Workspace::default(), Workspace::default());
        every.segment.exhaustive = true;
        let mut cells = 0;
        for text in documents {
            let parsed = pergub_parser::parse(text.as_bytes(), Format::Markdown)
                .unwrap_or_else(|e| panic!("fixture does not parse: {e}"));
            let vocabulary = restorer.vocabulary(
                parsed
                    .records
                    .iter()
                    .flat_map(|r| r.cells.iter())
                    .map(|(_, c)| c.lines.as_slice()),
            );
            for (_, cell) in parsed.records.iter().flat_map(|r| r.cells.iter()) {
                for words in [&none, &vocabulary] {
                    assert_eq!(
                        restorer.items_with(&cell.lines, words, &mut pruned),
                        restorer.items_with(&cell.lines, words, &mut every),
                        "{:?}",
                        cell.lines
                    );
                }
                cells += 1;
            }
        }
        assert!(cells > 500, "only {cells} cells");
    }
}
