//! A guard against absurdly deep nesting.
//!
//! The standard tree-building algorithm looks through the stack of open
//! elements for many tags, so its cost grows with the square of the nesting
//! depth: ten thousand nested `<div>`s take seconds, a hundred thousand take
//! minutes. No converter writes such documents, so before parsing, the tags
//! of elements nested deeper than [`MAX_DEPTH`] are blanked out (their text
//! is kept). Blanking replaces each byte of a tag with a space (newlines
//! stay), so every line number stays as it was.

/// The deepest nesting read as written.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements that never have content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose end tag may be left out: not counted, since an unclosed
/// one does not make the document deeper.
fn end_optional(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dt"
            | "dd"
            | "td"
            | "th"
            | "tr"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "colgroup"
            | "option"
            | "optgroup"
            | "rb"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
    )
}

/// Elements whose content is text up to their end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "textarea" | "title" | "xmp")
}

/// The text with tags nested deeper than [`MAX_DEPTH`] blanked, and the
/// line of the first blanked tag; `None` when nothing nests that deep.
pub(crate) fn flatten(text: &str) -> Option<(String, u32)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        let name: String = bytes
            .get(name_at..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        if name.is_empty() || !bytes[name_at].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let end = tag_end(bytes, name_at + name.len());
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        if closing {
            if !end_optional(&name) && !is_void(&name) {
                if depth > MAX_DEPTH {
                    blank.push((start, end));
                }
                depth = depth.saturating_sub(1);
            }
        } else if is_raw_text(&name) && !self_closing {
            let close = format!("</{name}");
            i = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        } else if !end_optional(&name) && !is_void(&name) && !self_closing {
            if depth >= MAX_DEPTH {
                blank.push((start, end));
            }
            depth += 1;
        }
        i = end;
    }
    let (first, _) = *blank.first()?;
    let line = bytes[..first].iter().filter(|&&b| b == b'\n').count() + 1;
    let mut out = bytes.to_vec();
    for (from, to) in blank {
        for b in &mut out[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole tags (ASCII delimiters) became ASCII spaces: still UTF-8.
    let out = String::from_utf8(out).ok()?;
    Some((out, u32::try_from(line).unwrap_or(u32::MAX)))
}

/// The index just past the `>` closing a tag whose name ends at `from`,
/// skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_documents_are_left_alone() {
        let doc =
            "<p>a<br>b</p><table><tr><td>x<td>y</table><script>if (a<b) {}</script><!-- <div> -->";
        assert_eq!(flatten(doc), None);
        let unclosed_cells = "<table>".to_string() + &"<tr><td>x".repeat(5000) + "</table>";
        assert_eq!(flatten(&unclosed_cells), None);
    }

    #[test]
    fn tags_past_the_limit_are_blanked_keeping_lines_and_text() {
        let depth = MAX_DEPTH + 10;
        let doc = format!(
            "{}\nDinas A\n{}",
            "<div class=\"a>b\">".repeat(depth),
            "</div>".repeat(depth)
        );
        let (flat, line) = flatten(&doc).unwrap();
        assert_eq!(line, 1);
        assert_eq!(flat.len(), doc.len());
        assert_eq!(flat.lines().count(), doc.lines().count());
        assert_eq!(flat.matches("<div").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("Dinas A"));
    }
}
