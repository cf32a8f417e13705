//! Benchmarks of the PDF reader (filled in below).
fn main() {}
