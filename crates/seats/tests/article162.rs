//! Article 162 rule by rule: each test fails if its rule is broken. Expected tables are hand-computed.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;

use common::{check, election, lot, run};
use insta::assert_snapshot;
use per_seats::{allocate, CandidateList, Percent, Rounding, RuleSet, Rules, ThresholdScope};

fn al2024() -> Rules {
    Rules::of(RuleSet::Al2024)
}
fn al2008() -> Rules {
    Rules::of(RuleSet::Al2008)
}
fn dhondt() -> Rules {
    Rules::of(RuleSet::Dhondt)
}

#[test]
fn law_md_rounding_case() {
    // A/2 = 499.5 rounds to 500 and ties B's 500; A has more votes: A takes both.
    assert_snapshot!(check("Z 2: A=999 B=500", al2024()), @"Z: A 2, B 0 | .5 at boundary: A/2");
    // Exact quotients: 499.5 < 500.
    assert_snapshot!(check("Z 2: A=999 B=500", dhondt()), @"Z: A 1, B 1");
    // 499.5 -> 500 is also the even neighbour.
    assert_snapshot!(check("Z 2: A=999 B=500", al2024().with_rounding(Rounding::HalfEven)), @"Z: A 2, B 0 | .5 at boundary: A/2");
}

#[test]
fn half_up_versus_half_even() {
    // A/2 = 498.5: half-up 499 ties B (A has more votes), half-even 498 loses to B.
    assert_snapshot!(check("Z 2: A=997 B=499", al2024()), @"Z: A 2, B 0 | .5 at boundary: A/2");
    assert_snapshot!(check("Z 2: A=997 B=499", al2024().with_rounding(Rounding::HalfEven)), @"Z: A 1, B 1 | .5 at boundary: A/2");
    // A .5 far from the boundary is not reported: A/2 = 500.5 is far above B's 11.
    assert_snapshot!(check("Z 2: A=1001 B=11", al2024()), @"Z: A 2, B 0");
}

#[test]
fn threshold_exactly_one_percent_passes() {
    // National valid votes 10000: B = 100 is exactly 1 % (passes), C = 99 is below.
    let spec = "Z1 1: A=9701\nZ2 2 valid=299: B=100 C=99";
    assert_snapshot!(check(spec, al2024()), @r"
    Z1: A 1
    Z2: B 2, C 0x
    excluded: C
    ");
    // With no threshold C takes the second seat.
    assert_snapshot!(check(spec, dhondt()), @r"
    Z1: A 1
    Z2: B 1, C 1
    ");
}

#[test]
fn fractional_threshold_is_exact() {
    // 1.5 % of 10000 = 150: B = 150 passes, C = 149 does not.
    let spec = "Z1 1: A=9501\nZ2 2 valid=499: B=150 C=149";
    let rules = dhondt().with_threshold(Percent::parse("1.5").unwrap());
    assert_snapshot!(check(spec, rules), @r"
    Z1: A 1
    Z2: B 2, C 0x
    excluded: C
    ");
}

#[test]
fn independents_divisor_one_and_exempt_from_threshold() {
    // Divided by 1 only: I 600, B 500, B/2 250 (I/2 = 300 does not exist).
    assert_snapshot!(check("Z 3: B=500 *I=600", al2024()), @"Z: B 2, I 1");
    // dhondt: independents as parties: 600, 500, 300.
    assert_snapshot!(check("Z 3: B=500 *I=600", dhondt()), @"Z: B 1, I 2");
    // I has 600 of 102100 votes nationally (0.59 %), yet stands: B 1500, B/2 750, I 600.
    let spec = "Z1 1: A=100000\nZ2 3: B=1500 *I=600";
    assert_snapshot!(check(spec, al2024()), @r"
    Z1: A 1
    Z2: B 2, I 1
    ");
    // dhondt with a threshold: the independent is thresholded like a party.
    assert_snapshot!(check(spec, dhondt().with_threshold(Percent::whole(1))), @r"
    Z1: A 1
    Z2: B 3, I 0x
    excluded: I
    ");
}

#[test]
fn tie_at_the_last_seat_goes_to_more_votes() {
    // A/2 = 300 = B/1; A has more votes in the zone.
    assert_snapshot!(check("Z 2: A=600 B=300", dhondt()), @"Z: A 2, B 0");
    assert_snapshot!(check("Z 2: A=300 B=600", dhondt()), @"Z: A 0, B 2");
}

#[test]
fn full_tie_requires_a_lot_and_the_seat_is_not_counted() {
    // Third seat: A/2 = B/2 = C/1 = 50; C has fewer votes; A and B are tied in every way.
    assert_snapshot!(check("Z 3: A=100 B=100 C=50", dhondt()), @"Z: A 1, B 1, C 0 | lot 1: A, B");
}

#[test]
fn equal_quotients_ordered_by_divisor_then_lot() {
    // Rounded half-up: 3, 2 (1.5), then 1 for divisors 3, 4, 5, 6 (0.5 -> 1).
    // 7 seats: A/1 B/1 A/2 B/2 A/3 B/3, then A/4 = B/4 for the last one.
    // The .5 quotients (A/2 = 1.5, A/6 = 0.5) could round onto the boundary value 1: reported.
    assert_snapshot!(check("Z 7: A=3 B=3", al2024()), @"Z: A 3, B 3 | lot 1: A, B | .5 at boundary: A/2, B/2, A/6, B/6");
}

#[test]
fn lot_outcome_finishes_the_allocation() {
    let mut e = election("Z 3: A=100 B=100 C=50");
    e.lots.push(lot("Z", &["B", "A"]));
    assert_snapshot!(run(&e, dhondt()), @"Z: A 1, B 2, C 0 | by lot: B/2");
    e.lots[0] = lot("Z", &["A"]);
    assert_snapshot!(run(&e, dhondt()), @"error: zone Z: the lot outcome does not name B, who is in contention");
    let mut e = election("Z 2: A=100 B=60");
    e.lots.push(lot("Z", &["A", "B"]));
    assert_snapshot!(run(&e, dhondt()), @r"
    Z: A 1, B 1
    warning: zone Z: lot outcome given but no lot is required
    ");
}

#[test]
fn al2008_zone_threshold_3_percent_parties_5_percent_coalitions() {
    // Zone valid 1000: P 3 % exactly passes, Q 2.9 % fails, coalition C 4.9 % fails, D 5 % passes.
    let spec = "Z 4 valid=1000: A=600 P=30 Q=29 +C=49 +D=50";
    assert_snapshot!(check(spec, al2008()), @r"
    Z: A 4, P 0, Q 0x, C 0x, D 0
    excluded: Q, C
    ");
    // The same under a 5 % party threshold scoped to the zone: P fails too.
    let rules = al2008().with_threshold(Percent::whole(5));
    assert_snapshot!(check(spec, rules), @r"
    Z: A 4, P 0x, Q 0x, C 0x, D 0
    excluded: P, Q, C
    ");
}

#[test]
fn zone_scope_excludes_per_zone() {
    // B is 10 % in Z1 and 0.9 % in Z2: excluded in Z2 only, so not in the national list.
    let spec = "Z1 2: A=90 B=10\nZ2 2: A=1000 B=9";
    assert_snapshot!(check(spec, al2008()), @r"
    Z1: A 2, B 0
    Z2: A 2, B 0x
    ");
    let rules = al2024().with_scope(ThresholdScope::Zone);
    assert_snapshot!(check(spec, rules), @r"
    Z1: A 2, B 0
    Z2: A 2, B 0x
    ");
}

#[test]
fn votes_for_next_seat_are_exact() {
    let a = allocate(&election("Z 2: A=999 B=500"), &dhondt()).unwrap();
    let need: Vec<_> = a.zones[0]
        .subjects
        .iter()
        .map(|s| (a.name(s.subject), s.votes_for_next_seat))
        .collect();
    // A: A/2 must beat B's 500: 1000/2 = 500 ties, and 1000 votes > 500 wins: +1.
    // B: B/2 must beat A's 999: 1998/2 = 999 ties, 1998 > 999 votes wins: +1498.
    assert_eq!(need, [("A", Some(1)), ("B", Some(1498))]);
    let a = allocate(&election("Z 2: A=999 B=500"), &al2024()).unwrap();
    // B/1 must beat A/2 = 500 (rounded, 999 votes): 500 ties but has fewer votes; 501 wins.
    assert_eq!(a.zones[0].subjects[1].votes_for_next_seat, Some(1));
    assert_eq!(
        a.zones[0].subjects[0].votes_for_next_seat, None,
        "A has every seat"
    );
    let q = &a.zones[0].last_winning.as_ref().unwrap().quotient;
    assert_eq!(
        (q.votes, q.divisor, q.rounded, q.half),
        (999, 2, Some(500), true)
    );
    let q = &a.zones[0].first_losing.as_ref().unwrap().quotient;
    assert_eq!((q.votes, q.divisor, q.rounded), (500, 1, Some(500)));
}

#[test]
fn errors_name_zone_and_subject() {
    let cases = [
        ("zero seats", "Z 0: A=1"),
        ("all below threshold", "Z1 1: A=1000\nZ2 2: B=5"),
        ("no votes", "Z 1: A=0"),
        ("duplicate subject in zone", "Z 1: A=1 A=2"),
        ("independent twice in one zone", "Z 1: A=1 *A=2"),
        ("independent in two zones", "Z1 1: A=5 *I=1\nZ2 1: A=5 *I=1"),
        ("independent also party", "Z1 1: I=5\nZ2 1: A=5 *I=1"),
        ("duplicate zone", "Z 1: A=1\nZ 1: A=1"),
        ("too many seats", "Z 10001: A=1"),
        ("no zones", ""),
    ];
    let out: Vec<String> = cases
        .iter()
        .map(|(what, spec)| format!("{what}: {}", check(spec, al2024())))
        .collect();
    assert_snapshot!(out.join("\n"), @r"
    zero seats: error: zone Z: 0 seats
    all below threshold: error: zone Z2: only 0 eligible quotients for 2 seats
    no votes: error: zone Z: only 0 eligible quotients for 1 seats
    duplicate subject in zone: error: zone Z, subject A: listed twice
    independent twice in one zone: error: zone Z, subject A: listed twice
    independent in two zones: error: independent I: stands in zone Z1 and in zone Z2
    independent also party: error: zone Z2, subject I: used both as an independent and as a party or coalition
    duplicate zone: error: zone Z: listed twice
    too many seats: error: zone Z: 10001 seats is more than the 10000 accepted
    no zones: error: the election has no zone
    ");
}

#[test]
fn declared_subjects_errors_and_house_size_warning() {
    // law.md: "subjects is optional (a subject not listed is a party)", even when some are.
    let mut e = election("Z 2: A=1 +C=2");
    e.zones[0].votes.push(("X".into(), 3));
    assert_snapshot!(run(&e, al2024()), @"Z: A 0, C 0, X 2 | .5 at boundary: X/2");
    // A name in a lot or a candidate list with no votes anywhere is unknown to the election.
    let mut e = election("Z1 1: A=5\nZ2 1: B=5");
    e.lots.push(lot("Z1", &["A", "Nobody"]));
    assert_snapshot!(run(&e, al2024()), @"error: zone Z1, subject Nobody: named in a lot outcome but has no votes in any zone");
    let mut e = election("Z1 1: A=5\nZ2 1: B=5");
    e.zones[0]
        .lists
        .push(("Nobody".into(), CandidateList::default()));
    assert_snapshot!(run(&e, al2024()), @"error: zone Z1, subject Nobody: named in a candidate list but has no votes in any zone");
    let mut e = election("Z1 1: A=5\nZ2 1: B=5");
    e.zones[0]
        .lists
        .push(("B".into(), CandidateList::default()));
    assert_snapshot!(run(&e, al2024()), @"error: zone Z1, subject B: candidate list given but no votes");
    // Declared valid votes below the votes listed: a warning; the declared number is used.
    assert_snapshot!(check("Z 1 valid=10: A=11", al2024()), @r"
    Z: A 1
    warning: zone Z: valid votes 10 are fewer than the 11 votes listed (the declared 10 is used)
    ");
    // ... also for the zone threshold: 4 is 4 % of the declared 100 (3 % needed), A passes.
    assert_snapshot!(check("Z 2 valid=100: A=4 B=200", al2008()), @r"
    Z: A 0, B 2
    warning: zone Z: valid votes 100 are fewer than the 204 votes listed (the declared 100 is used)
    ");
    let mut e = election("Z 1: A=1 +C=2");
    let dup = e.subjects.as_ref().unwrap()[0].clone();
    e.subjects.as_mut().unwrap().push(dup);
    assert_snapshot!(run(&e, al2024()), @"error: subject A: declared twice");
    let mut e = election("Z 2: A=10 B=6");
    e.house_size = Some(140);
    assert_snapshot!(run(&e, al2024()), @r"
    Z: A 1, B 1
    warning: the zones have 2 seats in total, the declared house size is 140
    ");
    let mut e = election("Z 1: A=1");
    e.lots.push(lot("Nowhere", &["A"]));
    assert_snapshot!(run(&e, al2024()), @"error: lot outcome for zone Nowhere, which does not exist");
}

#[test]
fn options_parse_and_print_their_reading() {
    assert_eq!(Percent::parse("1.50").unwrap().to_string(), "1.5");
    assert_eq!(Percent::parse("0.25%").unwrap().to_string(), "0.25");
    assert!(Percent::parse("100.1").is_err());
    assert!(Percent::parse("-1").is_err());
    assert!(Percent::parse("").is_err());
    assert!(Percent::parse("1.1234567").is_err());
    assert_snapshot!(al2024().to_string(), @"al-2024: threshold 1% of the national valid votes, rounding half-up, independents divisor 1 only and exempt from the threshold");
    assert_snapshot!(al2008().to_string(), @"al-2008: threshold 3% parties / 5% coalitions of the zone's valid votes, rounding none, independents divisor 1 only and exempt from the threshold");
    assert_snapshot!(dhondt().to_string(), @"dhondt: no threshold, rounding none, independents as parties");
    assert_eq!(
        RuleSet::parse("x").unwrap_err().to_string(),
        "unknown rule set \"x\" (expected al-2024, al-2008 or dhondt)"
    );
}
