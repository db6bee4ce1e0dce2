//! Fuzz target: arbitrary bytes through the JSON and CSV parsers, the engine and every writer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    assert_ne!(per_seats_data::fuzz_parse(data), usize::MAX, "a writer produced invalid output");
});
