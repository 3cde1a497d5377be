#![no_main]
//! `cargo +nightly fuzz run table_reader`: see the Fuzzing section of the README. The body is
//! `periksa::fuzzing::table_reader`, which `tests/fuzz_regressions.rs` also runs.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    periksa::fuzzing::table_reader(data);
});
