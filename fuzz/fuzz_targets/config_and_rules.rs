#![no_main]
//! `cargo +nightly fuzz run config_and_rules`: see the Fuzzing section of the README. The body is
//! `periksa::fuzzing::config_and_rules`, which `tests/fuzz_regressions.rs` also runs.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    periksa::fuzzing::config_and_rules(data);
});
