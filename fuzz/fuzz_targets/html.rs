//! The HTML reader and the pipeline behind it, on arbitrary bytes.
//!
//! HTML input never fails once the reader exists: a build without it answers
//! `ParseError::Unsupported`, and nothing else is accepted as an error.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;
use pergub::Format;
use pergub_parser::ParseError;

fuzz_target!(|data: &[u8]| {
    match pergub_parser::parse(data, Format::Html) {
        Ok(_) => {}
        Err(ParseError::Unsupported(_)) => return,
        Err(e) => panic!("HTML input must never fail, got: {e}"),
    }
    match check::pipeline().extract(data, Format::Html, "input.html") {
        Ok(doc) => check::document(&doc, data.len()),
        Err(e) => panic!("HTML input parsed but the pipeline failed: {e}"),
    }
});
