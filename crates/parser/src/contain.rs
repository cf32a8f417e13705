//! Containing panics of the libraries the readers call on malformed input.
//!
//! Third-party PDF code can panic on damaged files. Readers call it through
//! [`contained`], which turns a panic into an `Err` and marks the thread while
//! it runs, so that a program's panic hook can stay silent about panics that
//! are already handled ([`panic_is_contained`]). The library itself never
//! touches the process-wide hook.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Run `f`, turning a panic into `Err` while marking the thread as containing.
#[cfg_attr(
    not(feature = "pdf"),
    expect(dead_code, reason = "only the PDF reader calls panicking libraries")
)]
pub(crate) fn contained<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    DEPTH.with(|d| d.set(d.get().saturating_add(1)));
    let result = catch_unwind(AssertUnwindSafe(f));
    DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    result
}

/// Whether the current thread is inside a reader's contained call, i.e. a
/// panic raised now will be caught and reported as a diagnostic or error.
///
/// A program that installs a panic hook can use this to stay silent about
/// such panics:
///
/// ```
/// let default = std::panic::take_hook();
/// std::panic::set_hook(Box::new(move |info| {
///     if !pergub_parser::panic_is_contained() {
///         default(info)
///     }
/// }));
/// ```
pub fn panic_is_contained() -> bool {
    DEPTH.with(|d| d.get() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contained_panics_become_errors_and_the_mark_is_scoped() {
        assert!(!panic_is_contained());
        let inside = contained(panic_is_contained);
        assert_eq!(inside.ok(), Some(true));
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let failed = contained(|| -> u8 { panic!("damaged input") });
        std::panic::set_hook(hook);
        assert!(failed.is_err());
        assert!(!panic_is_contained());
    }
}
