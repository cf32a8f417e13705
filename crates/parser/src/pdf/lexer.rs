//! A fast tokenizer for content streams: operands and operators, with
//! inline image data skipped. Malformed input never fails: what cannot be
//! read is skipped up to the next delimiter.

use lopdf::{Dictionary, Object, StringFormat};

/// Arrays and dictionaries nest at most this deep.
const MAX_NESTING: usize = 32;

/// One operator with its operands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Operation<'a> {
    pub(crate) operator: &'a str,
    pub(crate) operands: Vec<Object>,
}

fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// An open array or dictionary.
enum Open {
    Array(Vec<Object>),
    Dict(Vec<Object>),
}

/// Tokenize a content stream into operations.
pub(crate) fn operations(data: &[u8]) -> Vec<Operation<'_>> {
    let mut ops = Vec::new();
    let mut operands: Vec<Object> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if is_white(b) {
            i += 1;
            continue;
        }
        let value = match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'/' => {
                let (name, next) = name(data, i + 1);
                i = next;
                Object::Name(name)
            }
            b'(' => {
                let (s, next) = literal(data, i + 1);
                i = next;
                Object::String(s, StringFormat::Literal)
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                i += 2;
                if open.len() < MAX_NESTING {
                    open.push(Open::Dict(Vec::new()));
                }
                continue;
            }
            b'<' => {
                let (s, next) = hex(data, i + 1);
                i = next;
                Object::String(s, StringFormat::Hexadecimal)
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                i += 2;
                match open.pop() {
                    Some(Open::Dict(items)) => Object::Dictionary(dictionary(items)),
                    Some(other) => {
                        open.push(other);
                        continue;
                    }
                    None => continue,
                }
            }
            b'[' => {
                i += 1;
                if open.len() < MAX_NESTING {
                    open.push(Open::Array(Vec::new()));
                }
                continue;
            }
            b']' => {
                i += 1;
                match open.pop() {
                    Some(Open::Array(items)) => Object::Array(items),
                    Some(other) => {
                        open.push(other);
                        continue;
                    }
                    None => continue,
                }
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let start = i;
                i += 1;
                while i < data.len() && !is_white(data[i]) && !is_delimiter(data[i]) {
                    i += 1;
                }
                match number(&data[start..i]) {
                    Some(n) => n,
                    None => continue,
                }
            }
            _ if is_delimiter(b) => {
                i += 1;
                continue;
            }
            _ => {
                let start = i;
                while i < data.len() && !is_white(data[i]) && !is_delimiter(data[i]) {
                    i += 1;
                }
                let word = &data[start..i];
                match word {
                    b"true" => Object::Boolean(true),
                    b"false" => Object::Boolean(false),
                    b"null" => Object::Null,
                    _ => {
                        open.clear();
                        let Ok(operator) = std::str::from_utf8(word) else {
                            operands.clear();
                            continue;
                        };
                        if operator == "BI" {
                            i = skip_inline_image(data, i);
                        }
                        ops.push(Operation {
                            operator,
                            operands: std::mem::take(&mut operands),
                        });
                        continue;
                    }
                }
            }
        };
        match open.last_mut() {
            Some(Open::Array(items) | Open::Dict(items)) => items.push(value),
            None => operands.push(value),
        }
    }
    ops
}

fn dictionary(items: Vec<Object>) -> Dictionary {
    let mut dict = Dictionary::new();
    let mut it = items.into_iter();
    while let (Some(key), Some(value)) = (it.next(), it.next()) {
        if let Object::Name(k) = key {
            dict.set(k, value);
        }
    }
    dict
}

fn number(token: &[u8]) -> Option<Object> {
    let s = std::str::from_utf8(token).ok()?;
    if !s.contains('.') {
        if let Ok(n) = s.parse::<i64>() {
            return Some(Object::Integer(n));
        }
    }
    // PDF reals have no exponent; tolerate a doubled sign as some writers do.
    let cleaned = s.trim_start_matches('+').replace("--", "");
    let cleaned = if cleaned.starts_with('.') || cleaned.starts_with("-.") {
        cleaned.replacen('.', "0.", 1)
    } else {
        cleaned
    };
    cleaned
        .parse::<f32>()
        .ok()
        .filter(|r| r.is_finite())
        .map(Object::Real)
}

fn name(data: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    while i < data.len() && !is_white(data[i]) && !is_delimiter(data[i]) {
        if data[i] == b'#' && i + 2 < data.len() {
            if let Some(v) = hex_pair(data[i + 1], data[i + 2]) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(data[i]);
        i += 1;
    }
    (out, i)
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn hex_pair(a: u8, b: u8) -> Option<u8> {
    Some(hex_digit(a)? * 16 + hex_digit(b)?)
}

fn hex(data: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut digits = Vec::new();
    while i < data.len() && data[i] != b'>' {
        if let Some(d) = hex_digit(data[i]) {
            digits.push(d);
        }
        i += 1;
    }
    if digits.len() % 2 == 1 {
        digits.push(0);
    }
    let bytes = digits.chunks(2).map(|p| p[0] * 16 + p[1]).collect();
    (bytes, (i + 1).min(data.len()))
}

fn literal(data: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 0usize;
    while i < data.len() {
        let b = data[i];
        i += 1;
        match b {
            b'\\' => {
                let Some(&e) = data.get(i) else { break };
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(0x08),
                    b'f' => out.push(0x0c),
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match data.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push((v & 0xFF) as u8);
                    }
                    b'\r' => {
                        if data.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                if depth == 0 {
                    return (out, i);
                }
                depth -= 1;
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    (out, i)
}

/// Skip an inline image's dictionary and data, to just after `EI`.
fn skip_inline_image(data: &[u8], from: usize) -> usize {
    let Some(id) = find(data, from, b"ID") else {
        return data.len();
    };
    let mut i = id + 3;
    while let Some(at) = find(data, i, b"EI") {
        let before = at.checked_sub(1).map(|p| data[p]);
        let after = data.get(at + 2).copied();
        if before.is_some_and(is_white) && after.is_none_or(|a| is_white(a) || is_delimiter(a)) {
            return at + 2;
        }
        i = at + 2;
    }
    data.len()
}

fn find(data: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    data.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(s: &str) -> Vec<(String, Vec<Object>)> {
        operations(s.as_bytes())
            .into_iter()
            .map(|o| (o.operator.to_string(), o.operands))
            .collect()
    }

    #[test]
    fn operands_of_every_kind() {
        let got = ops("BT /F1#20a 9.5 Tf [(a\\)b) -250 <4142>] TJ .5 -.5 Td ET");
        assert_eq!(got[0].0, "BT");
        assert_eq!(
            got[1].1,
            [Object::Name(b"F1 a".to_vec()), Object::Real(9.5)]
        );
        assert_eq!(
            got[2].1,
            [Object::Array(vec![
                Object::String(b"a)b".to_vec(), StringFormat::Literal),
                Object::Integer(-250),
                Object::String(b"AB".to_vec(), StringFormat::Hexadecimal),
            ])]
        );
        assert_eq!(got[3].1, [Object::Real(0.5), Object::Real(-0.5)]);
        assert_eq!(got[4].0, "ET");
    }

    #[test]
    fn inline_images_and_marked_content_are_skipped_cleanly() {
        let got = ops("/P <</MCID 0>> BDC BI /W 1 /H 1 ID \x00EI\x01 EI Q EMC");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BDC", "BI", "Q", "EMC"]);
    }

    #[test]
    fn garbage_does_not_fail() {
        let got = ops(")>>]] (unterminated");
        assert!(got.is_empty());
    }
}
