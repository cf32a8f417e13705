//! Text restoration and agency splitting on arbitrary cell lines.
//!
//! Every item the restorer returns is non-empty, trimmed and has its
//! whitespace collapsed (rule 6 of the output contract), whatever the input.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let normaliser = check::normaliser();
    let items = normaliser.restorer().items(&lines);
    for item in &items {
        check::clean_item(item);
        for mention in normaliser.registry().mentions(item) {
            check::clean_item(&mention.text);
        }
    }
    let _ = normaliser.restorer().restore(&lines);
});
