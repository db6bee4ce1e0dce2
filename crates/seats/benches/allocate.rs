//! Benchmark: a full 12-zone, 140-seat allocation of the 2017 data (with explanations).
#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use per_seats::{allocate, RuleSet, Rules};

const DATA: &str = include_str!("../../seats-data/tests/data/albania-2017.json");

fn bench(c: &mut Criterion) {
    let doc = per_seats_data::parse_json(DATA).unwrap();
    for set in [RuleSet::Al2024, RuleSet::Al2008] {
        let rules = Rules::of(set);
        c.bench_function(&format!("allocate 2017 {set}"), |b| {
            b.iter(|| allocate(black_box(&doc.election), black_box(&rules)).unwrap())
        });
    }
    c.bench_function("parse 2017 json", |b| {
        b.iter(|| per_seats_data::parse_json(black_box(DATA)).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
