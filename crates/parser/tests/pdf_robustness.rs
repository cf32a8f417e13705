//! The PDF reader on hostile input: encrypted, image-only, truncated,
//! corrupt and self-referencing files give a clear error or a warning,
//! never a panic and never a silent empty result.
#![cfg(feature = "pdf")]

use pergub_model::Format;
use pergub_parser::{parse, pdf, ParseError};

/// Build a PDF from numbered objects (object `i + 1` is `objects[i]`), with
/// a correct cross-reference table. Object 1 must be the catalog.
fn build(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{}\nendobj\n", i + 1, body).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
            objects.len() + 1,
            xref
        )
        .as_bytes(),
    );
    out
}

fn stream(content: &str) -> String {
    format!(
        "<< /Length {} >>\nstream\n{}\nendstream",
        content.len(),
        content
    )
}

/// A one-page document whose page draws `content` with font F1 (Helvetica
/// with explicit widths) and the XObjects given.
fn one_page(content: &str, xobjects: &str, extra: &[String]) -> Vec<u8> {
    let widths = vec!["600"; 95].join(" ");
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 400] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << {xobjects} >> >> >>"
        ),
        stream(content),
        format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [{widths}] /Encoding /WinAnsiEncoding >>"),
    ];
    objects.extend_from_slice(extra);
    build(&objects)
}

#[test]
fn simple_page_reads_words_at_their_positions() {
    let bytes = one_page("BT /F1 10 Tf 100 300 Td (Dinas Sosial) Tj ET", "", &[]);
    let pages = pdf::pages(&bytes, &mut Vec::new()).unwrap();
    let words: Vec<(&str, f64, f64)> = pages[0]
        .words
        .iter()
        .map(|w| (w.text.as_str(), w.x0, w.x1))
        .collect();
    // 600/1000 em at 10 pt: 6 pt a glyph; the space ends the first word.
    assert_eq!(words, [("Dinas", 100.0, 130.0), ("Sosial", 136.0, 172.0)]);
    assert!(
        (pages[0].words[0].baseline - 100.0).abs() < 1e-9,
        "y counts from the top"
    );
}

#[test]
fn a_form_that_draws_itself_is_skipped_with_a_warning() {
    let form = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 600 400] /Resources << /XObject << /Fx 6 0 R >> >> /Length {} >>\nstream\n/Fx Do\nendstream",
        "/Fx Do".len()
    );
    let bytes = one_page(
        "BT /F1 10 Tf 100 300 Td (kept) Tj ET /Fx Do",
        "/Fx 6 0 R",
        &[form],
    );
    let mut diagnostics = Vec::new();
    let pages = pdf::pages(&bytes, &mut diagnostics).unwrap();
    assert_eq!(pages[0].words[0].text, "kept");
    let d = diagnostics
        .iter()
        .find(|d| d.code == "pdf-content-skipped")
        .unwrap();
    assert!(d.message.contains("draws itself"), "{}", d.message);
}

#[test]
fn forms_nested_without_end_are_bounded() {
    // Two forms that draw each other.
    let a = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /B 7 0 R >> >> /Length {} >>\nstream\n/B Do\nendstream",
        "/B Do".len()
    );
    let b = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /A 6 0 R >> >> /Length {} >>\nstream\n/A Do\nendstream",
        "/A Do".len()
    );
    let bytes = one_page("BT /F1 10 Tf 10 10 Td (x) Tj ET /A Do", "/A 6 0 R", &[a, b]);
    let mut diagnostics = Vec::new();
    assert!(pdf::pages(&bytes, &mut diagnostics).is_ok());
    assert!(diagnostics.iter().any(|d| d.code == "pdf-content-skipped"));
}

#[test]
fn a_page_tree_with_a_cycle_is_an_error() {
    let bytes = build(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>".into(),
    ]);
    let err = parse(&bytes, Format::Pdf).unwrap_err();
    assert!(matches!(err, ParseError::CorruptPdf(_)), "{err:?}");
    assert!(err.to_string().contains("cycle"), "{err}");
}

#[test]
fn an_image_only_pdf_has_no_text_layer() {
    let image = "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{0}\nendstream".to_string();
    let bytes = one_page("q 600 0 0 400 0 0 cm /Im Do Q", "/Im 6 0 R", &[image]);
    let err = parse(&bytes, Format::Pdf).unwrap_err();
    assert!(matches!(err, ParseError::NoTextLayer), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the PDF has no text layer (scanned images?); run OCR first"
    );
}

#[test]
fn not_a_pdf_and_truncated_files_are_corrupt() {
    let err = parse(b"hello", Format::Pdf).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the PDF is corrupt or truncated: no %PDF- header"
    );
    let full = std::fs::read(fixture("jateng-2021-chromium.pdf")).unwrap();
    for cut in [100, full.len() / 3, full.len() / 2] {
        match parse(&full[..cut], Format::Pdf) {
            Err(ParseError::CorruptPdf(_) | ParseError::NoTextLayer) => {}
            Ok(parsed) => assert!(
                !parsed.records.is_empty() || !parsed.diagnostics.is_empty(),
                "cut at {cut}: silent empty result"
            ),
            Err(other) => panic!("cut at {cut}: unexpected {other:?}"),
        }
    }
}

#[test]
fn an_encrypted_pdf_is_refused_clearly() {
    let bytes = std::fs::read(fixture("encrypted.pdf")).unwrap();
    let err = parse(&bytes, Format::Pdf).unwrap_err();
    assert!(matches!(err, ParseError::EncryptedPdf), "{err:?}");
}

#[test]
fn damaged_copies_never_panic() {
    let original = std::fs::read(fixture("jateng-2021-libreoffice.pdf")).unwrap();
    // A fixed xorshift sequence: the same damage on every run.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..40 {
        let mut copy = original.clone();
        for _ in 0..(next() % 20 + 1) {
            let at = (next() % copy.len() as u64) as usize;
            copy[at] = (next() & 0xFF) as u8;
        }
        if next() % 4 == 0 {
            let keep = (next() % copy.len() as u64) as usize;
            copy.truncate(keep.max(1));
        }
        // Ok or a clear error; a panic fails the test.
        if let Ok(parsed) = parse(&copy, Format::Pdf) {
            assert!(
                !parsed.records.is_empty() || !parsed.diagnostics.is_empty(),
                "a damaged copy gave a silent empty result"
            );
        }
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf")
        .join(name)
}
