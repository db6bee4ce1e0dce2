//! Benchmarks: the 12 zones and 140 seats of the 2017 data (with explanations), and 20,000
//! synthetic zones (10 parties, 4 to 40 seats, D'Hondt, as `bench/scale` makes them): the
//! engine alone, and the whole path of the command line (read, allocate, write) into a sink.
#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use per_seats::{allocate, Election, RuleSet, Rules, Zone};
use per_seats_data::{JsonFile, OutputFormat};

const DATA: &str = include_str!("../../seats-data/tests/data/albania-2017.json");

/// `zones` synthetic zones from a fixed seed: 10 parties with 0 to 99,999 votes each, 4 to
/// 40 seats (the shape of `bench/scale.py`, from its own generator).
fn synthetic(zones: usize) -> Election {
    let mut state: u64 = 2026;
    let mut next = |below: u64| {
        // xorshift64*: deterministic, no dependency.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d) % below
    };
    let zones = (0..zones)
        .map(|z| Zone {
            name: format!("Z{z:05}"),
            seats: 4 + next(37) as u32,
            valid_votes: None,
            votes: (0..10).map(|p| (format!("P{p}"), next(100_000))).collect(),
            independents: vec![],
            lists: vec![],
        })
        .collect();
    Election {
        zones,
        ..Election::default()
    }
}

/// The election as the JSON of the interchange format.
fn json(e: &Election) -> String {
    let zones: Vec<serde_json::Value> = e
        .zones
        .iter()
        .map(|z| {
            let votes: serde_json::Map<String, serde_json::Value> = z
                .votes
                .iter()
                .map(|(s, v)| (s.clone(), (*v).into()))
                .collect();
            serde_json::json!({"name": z.name, "seats": z.seats, "votes": votes})
        })
        .collect();
    serde_json::json!({"name": "synthetic", "rules": "dhondt", "zones": zones}).to_string()
}

fn twelve_zones(c: &mut Criterion) {
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

fn twenty_thousand_zones(c: &mut Criterion) {
    let election = synthetic(20_000);
    let text = json(&election);
    let rules = Rules::of(RuleSet::Dhondt);
    let mut group = c.benchmark_group("20000 zones");
    group.sample_size(10);
    group.throughput(Throughput::Elements(20_000));
    group.bench_function("allocate", |b| {
        b.iter(|| allocate(black_box(&election), black_box(&rules)).unwrap())
    });
    for (name, format) in [
        ("json to csv", OutputFormat::Csv),
        ("json to json", OutputFormat::Json),
        ("json to text", OutputFormat::Text),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let file = JsonFile::read(black_box(&text), &[]).unwrap();
                let run = file.allocate(&rules, None).unwrap();
                run.write(&mut std::io::sink(), format, false).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, twelve_zones, twenty_thousand_zones);
criterion_main!(benches);
