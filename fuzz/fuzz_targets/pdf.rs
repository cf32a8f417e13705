//! The PDF reader and the pipeline behind it, on arbitrary bytes.
//!
//! A PDF that cannot be read is an error value, never a panic, a hang or an
//! unbounded allocation; one that can be read gives a consistent document.
//!
//! The reader runs the PDF libraries under `catch_unwind` and turns their
//! panics into `ParseError::CorruptPdf`, so this target replaces the
//! fuzzer's abort-on-any-panic hook: a panic the reader catches is counted
//! and its first few locations are reported on stderr, while a panic that
//! escapes `extract` still aborts and is recorded as a crash.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;
use pergub::Format;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

static CAUGHT: AtomicUsize = AtomicUsize::new(0);

fn quiet_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        panic::set_hook(Box::new(|info| {
            let n = CAUGHT.fetch_add(1, Ordering::Relaxed);
            if n < 20 {
                eprintln!("panic #{} inside the PDF reader: {info}", n + 1);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    quiet_hook();
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        check::pipeline().extract(data, Format::Pdf, "input.pdf")
    }));
    match result {
        Ok(Ok(doc)) => check::document(&doc, data.len()),
        Ok(Err(_)) => {}
        Err(_) => {
            eprintln!("a panic escaped Pipeline::extract on PDF input");
            std::process::abort();
        }
    }
});
