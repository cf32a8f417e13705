//! The Markdown reader and the whole pipeline behind it, on arbitrary bytes.
//!
//! Markdown input never fails: whatever the bytes, `extract` returns a
//! complete document whose records and diagnostics are consistent.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;
use pergub::Format;

fuzz_target!(|data: &[u8]| {
    // Format detection looks at the same bytes first in the CLI.
    let _ = pergub::detect_format(Some("input.md"), data);
    match check::pipeline().extract(data, Format::Markdown, "input.md") {
        Ok(doc) => check::document(&doc, data.len()),
        Err(e) => panic!("Markdown input must never fail, got: {e}"),
    }
});
