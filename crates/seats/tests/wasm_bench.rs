//! The engine in the browser: a full 12-zone, 140-seat allocation of the 2017 data, run by
//! wasm-bindgen-test in headless Chromium. It checks the result and prints the time per
//! allocation (a measurement to read, not a timed assertion).
#![cfg(target_arch = "wasm32")]

use per_seats::{allocate, RuleSet, Rules};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../../seats-data/tests/data/albania-2017.json");
const ROUNDS: u32 = 1000;
const WARM_UP: u32 = 100;

#[wasm_bindgen_test]
fn full_allocation_in_the_browser() {
    let doc = per_seats_data::parse_json(DATA).expect("the 2017 data parses");
    for set in [RuleSet::Al2024, RuleSet::Al2008] {
        let rules = Rules::of(set);
        let first = allocate(&doc.election, &rules).expect("allocates");
        let seats = first.seats_allocated();
        assert_eq!(seats, 140, "{set}: all 140 seats");
        for _ in 0..WARM_UP {
            std::hint::black_box(allocate(&doc.election, &rules).expect("allocates"));
        }
        let start = js_sys::Date::now();
        for _ in 0..ROUNDS {
            let outcome = allocate(&doc.election, &rules).expect("allocates");
            std::hint::black_box(outcome);
        }
        let per_run_us = (js_sys::Date::now() - start) * 1000.0 / f64::from(ROUNDS);
        console_log!(
            "wasm bench: allocate 2017 {set}: {per_run_us:.1} µs per allocation ({ROUNDS} rounds)"
        );
    }
}
