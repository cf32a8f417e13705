//! Splitting a cell's lines into list items (`OUTPUT.md`, rule 7).

use std::ops::Range;

use crate::Lexicon;

/// Group cleaned lines into items: numbered markers (`1.`, `2)`) in
/// sequence, bullets (`-`, `•`), lines ending in `;`, and blank lines start
/// a new item. Markers are dropped, and so is a trailing `;` or `,` that only
/// separated the items. Lettered sub-items (`a.`) stay in their parent.
///
/// The items' lines, borrowed from `lines`, are pushed to `item_lines` and
/// each item is a range of them, pushed to `items` (both empty at first):
/// a worker keeps the two vectors from cell to cell.
pub(crate) fn split_items<'a, S: AsRef<str>>(
    lines: &'a [S],
    lexicon: &Lexicon,
    item_lines: &mut Vec<&'a str>,
    items: &mut Vec<Range<usize>>,
) {
    // The current item is `item_lines[current..]`.
    let mut current = item_lines.len();
    let mut last_number: Option<u32> = None;
    let mut is_list = false;
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            if item_lines.len() > current {
                items.push(current..item_lines.len());
                current = item_lines.len();
                is_list = true;
            }
            continue;
        }
        let previous = item_lines.get(current..).and_then(|c| c.last()).copied();
        let body = match marker(line, last_number, previous, lexicon) {
            Some(Marker::Number(n, len)) => {
                last_number = Some(n);
                Some(len)
            }
            Some(Marker::Bullet(len)) => Some(len),
            None => None,
        };
        let line = match body {
            Some(len) => {
                if item_lines.len() > current {
                    items.push(current..item_lines.len());
                    current = item_lines.len();
                }
                is_list = true;
                line.get(len..).unwrap_or("").trim_start()
            }
            None => line,
        };
        if line.is_empty() {
            continue;
        }
        item_lines.push(line);
        if line.ends_with(';') {
            items.push(current..item_lines.len());
            current = item_lines.len();
            is_list = true;
        }
    }
    if item_lines.len() > current {
        items.push(current..item_lines.len());
    }
    if is_list || items.len() > 1 {
        for item in items.iter_mut() {
            if let Some(last) = item.end.checked_sub(1).and_then(|l| item_lines.get_mut(l)) {
                *last = last.trim_end_matches([';', ',']).trim_end();
                if last.is_empty() {
                    item.end -= 1;
                }
            }
        }
        items.retain(|item| !item.is_empty());
    }
}

/// A list marker at the start of a line, with its length in bytes.
enum Marker {
    Number(u32, usize),
    Bullet(usize),
}

/// The list marker that begins `line`, if any. A number counts when it is
/// the first of the cell or follows the previous one (`4.` after `3.`), so
/// that a wrapped sentence that begins with a number is not cut.
fn marker(
    line: &str,
    last: Option<u32>,
    previous: Option<&str>,
    lexicon: &Lexicon,
) -> Option<Marker> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let n: u32 = line.get(..digits)?.parse().ok()?;
        let rest = line.get(digits..)?;
        let after = rest.chars().nth(1);
        let punct_ok = rest.starts_with(['.', ')']) && !after.is_some_and(|c| c.is_ascii_digit());
        let sequence_ok = last.map_or(n <= 1 || previous.is_none(), |l| n == l + 1);
        if punct_ok && sequence_ok {
            return Some(Marker::Number(n, digits + 1));
        }
        return None;
    }
    let first = line.chars().next()?;
    if matches!(
        first,
        '•' | '●' | '▪' | '◦' | '·' | '‣' | '∙' | '○' | '■' | '□' | '➢' | '►' | '✓'
    ) {
        return Some(Marker::Bullet(first.len_utf8()));
    }
    if matches!(first, '-' | '–' | '—' | '*') {
        let rest = &line[first.len_utf8()..];
        let next = rest.chars().next();
        match next {
            None => return Some(Marker::Bullet(first.len_utf8())),
            Some(c) if c.is_whitespace() => return Some(Marker::Bullet(first.len_utf8())),
            // `-gakerjaan`: the second half of a word cut at the line end.
            Some(c) if c.is_lowercase() || first != '-' && first != '*' => return None,
            Some(c) if c.is_uppercase() => {
                // `Undang` / `-Undang` is a reduplication, not a bullet.
                let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                let before = previous
                    .and_then(|p| p.rsplit(' ').next())
                    .map(|w| w.trim_end_matches('-').to_lowercase());
                let redup = before.is_some_and(|b| {
                    crate::lexicon::shared_stem(&b, &word.to_lowercase()).is_some()
                        || lexicon.contains(&format!("{b}-{word}"))
                });
                return if redup {
                    None
                } else {
                    Some(Marker::Bullet(first.len_utf8()))
                };
            }
            Some(_) => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(lines: &[&str]) -> Vec<Vec<String>> {
        let lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        let (mut item_lines, mut items) = (Vec::new(), Vec::new());
        split_items(&lines, Lexicon::embedded(), &mut item_lines, &mut items);
        items
            .into_iter()
            .map(|item| item_lines[item].iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn numbered_items_split_and_lose_their_markers() {
        assert_eq!(
            split(&["1. Penampungan", "2. Perlindungan", "Awal"]),
            [vec!["Penampungan"], vec!["Perlindungan", "Awal"]]
        );
    }

    #[test]
    fn a_number_out_of_sequence_is_text() {
        assert_eq!(
            split(&["1. Sosialisasi UU No.", "21. tahun"]),
            [vec!["Sosialisasi UU No.", "21. tahun"]]
        );
    }

    #[test]
    fn separators_are_dropped_but_full_stops_stay() {
        assert_eq!(
            split(&["1. Dinas Sosial;", "2. Evaluasi.", "3. Polda,"]),
            [vec!["Dinas Sosial"], vec!["Evaluasi."], vec!["Polda"]]
        );
        assert_eq!(
            split(&["Dinas Sosial;", "Polda"]),
            [vec!["Dinas Sosial"], vec!["Polda"]]
        );
    }

    #[test]
    fn bullets_blank_lines_and_hyphen_cuts() {
        assert_eq!(
            split(&["- Biro", "Hukum", "- Dinas"]),
            [vec!["Biro", "Hukum"], vec!["Dinas"]]
        );
        assert_eq!(split(&["A", "", "B"]), [vec!["A"], vec!["B"]]);
        assert_eq!(
            split(&["Ketena", "-gakerjaan"]),
            [vec!["Ketena", "-gakerjaan"]]
        );
        assert_eq!(split(&["undang", "-Undang"]), [vec!["undang", "-Undang"]]);
    }

    #[test]
    fn lettered_sub_items_stay_in_their_parent() {
        assert_eq!(
            split(&["1. Meminta dari:", "a. Kantor", "b. BNP2TKI", "2. Lain"]),
            [
                vec!["Meminta dari:", "a. Kantor", "b. BNP2TKI"],
                vec!["Lain"]
            ]
        );
    }
}
