#![no_main]
//! `cargo +nightly fuzz run figure_lexer`: see the Fuzzing section of the README. The body is
//! `periksa::fuzzing::figure_lexer`, which `tests/fuzz_regressions.rs` also runs.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    periksa::fuzzing::figure_lexer(data);
});
