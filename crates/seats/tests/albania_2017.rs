//! The real 2017 data: al-2008 reproduces the official seats; al-2024 as a pinned what-if.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;

use common::render;
use insta::assert_snapshot;
use per_seats::{allocate, Allocation, RuleSet, Rules};
use per_seats_data::{parse_json, Document};

const DATA: &str = include_str!("../../seats-data/tests/data/albania-2017.json");

fn run(set: RuleSet) -> (Document, Allocation) {
    let doc = parse_json(DATA).unwrap();
    let a = allocate(&doc.election, &Rules::of(set)).unwrap();
    (doc, a)
}

fn national(a: &Allocation) -> String {
    let seats: Vec<String> = a.national().map(|(s, n)| format!("{s} {n}")).collect();
    seats.join(", ")
}

#[test]
fn al2008_reproduces_every_official_zone_result() {
    let (doc, a) = run(RuleSet::Al2008);
    assert_eq!(a.zones.len(), 12);
    assert_eq!(a.seats_allocated(), 140);
    for zone in &a.zones {
        assert_eq!(
            doc.matches_official(&a, &zone.name),
            Some(true),
            "zone {}",
            zone.name
        );
    }
    assert!(!a.lot_required());
    assert!(a.warnings.is_empty());
    assert_snapshot!(national(&a), @"PS 74, PD 43, LSI 19, PDIU 3, PSD 1");
}

#[test]
fn al2024_what_if_is_pinned() {
    let (doc, a) = run(RuleSet::Al2024);
    // Checked by hand:
    // - PSD: 14992 votes * 100 = 1499200 < 1582118 national valid votes: below 1 %.
    // - Tiranë, 34 seats, rounded quotients: PDIU 12439/1 = 12439 enters; the last winning
    //   quotient is LSI 55812/5 = 11162.4 -> 11162; PS 200460/18 = 11136.67 -> 11137 is
    //   the first outside. So PS 17 (official 18), PD 11, LSI 5, PDIU 1.
    // - Shkodër, 11 seats: without PSD (13226), PS 39247/5 = 7849.4 -> 7849 takes the
    //   eleventh seat ahead of PD 40763/6 = 6793.83 -> 6794: PS 5 (official 4), PD 5, LSI 1.
    let tirane = a.zones.iter().find(|z| z.name == "Tiranë").unwrap();
    let id = |name| a.subject(name).unwrap();
    assert_eq!(tirane.seats_of(id("PDIU")), 1);
    assert_eq!(tirane.seats_of(id("PS")), 17);
    let lw = tirane.last_winning.as_ref().unwrap();
    assert_eq!(
        (
            a.name(lw.subject),
            lw.quotient.votes,
            lw.quotient.divisor,
            lw.quotient.rounded
        ),
        ("LSI", 55812, 5, Some(11162))
    );
    let fl = tirane.first_losing.as_ref().unwrap();
    assert_eq!(
        (a.name(fl.subject), fl.quotient.rounded),
        ("PS", Some(11137))
    );
    let matched = a
        .zones
        .iter()
        .filter(|z| doc.matches_official(&a, &z.name) == Some(true))
        .count();
    assert_eq!(matched, 10);
    assert_snapshot!(render(&a), @r"
    Berat: PS 4, PD 1, LSI 2, PDIU 0, PSD 0x
    Dibër: PS 2, PD 2, LSI 1, PDIU 1, PSD 0x
    Durrës: PS 8, PD 4, LSI 2, PDIU 0, PSD 0x
    Elbasan: PS 7, PD 3, LSI 2, PDIU 2, PSD 0x
    Fier: PS 10, PD 4, LSI 2, PDIU 0, PSD 0x
    Gjirokastër: PS 3, PD 1, LSI 1, PDIU 0, PSD 0x
    Korçë: PS 6, PD 4, LSI 1, PDIU 0, PSD 0x
    Kukës: PS 1, PD 2, LSI 0, PDIU 0, PSD 0x
    Lezhë: PS 3, PD 3, LSI 1, PDIU 0, PSD 0x
    Shkodër: PS 5, PD 5, LSI 1, PDIU 0, PSD 0x
    Tiranë: PS 17, PD 11, LSI 5, PDIU 1, PSD 0x
    Vlorë: PS 8, PD 3, LSI 1, PDIU 0, PSD 0x
    excluded: PSD
    ");
    assert_snapshot!(national(&a), @"PS 74, PD 43, LSI 19, PDIU 4");
}
