//! Properties of the allocation, and agreement with a deliberately naive second implementation.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use core::cmp::Ordering;

use per_seats::{allocate, Election, Rounding, RuleSet, Rules, Zone};
use proptest::prelude::*;

/// One zone: seats, party votes, independent votes.
fn zone_strategy() -> impl Strategy<Value = (u32, Vec<u64>, Vec<u64>)> {
    (
        1u32..=12,
        prop::collection::vec(0u64..=3000, 1..=6),
        prop::collection::vec(0u64..=1500, 0..=2),
    )
}

fn one_zone(seats: u32, parties: &[u64], independents: &[u64]) -> Election {
    let zone = Zone {
        name: "Z".into(),
        seats,
        valid_votes: None,
        votes: parties
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("P{i}"), *v))
            .collect(),
        independents: independents
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("I{i}"), *v))
            .collect(),
        lists: vec![],
    };
    Election {
        zones: vec![zone],
        ..Election::default()
    }
}

fn rules_strategy() -> impl Strategy<Value = Rules> {
    (0usize..3, 0usize..3).prop_map(|(s, r)| {
        let set = [RuleSet::Al2024, RuleSet::Al2008, RuleSet::Dhondt][s];
        let rounding = [Rounding::HalfUp, Rounding::HalfEven, Rounding::None][r];
        Rules::of(set).with_rounding(rounding)
    })
}

/// The naive reading: award seats one at a time to the largest next quotient, comparing
/// rounded integers or exact fractions by cross-multiplication; ties by votes, then
/// divisor. Returns `None` when the next seat is a full tie (a lot).
fn naive(seats: u32, subjects: &[(u64, bool, bool)], rounding: Rounding) -> Option<Vec<u32>> {
    // subjects: (votes, eligible, divisor-one-only)
    let mut won = vec![0u32; subjects.len()];
    let round = |v: u64, d: u64| -> u64 {
        let (q, r) = (v / d, v % d);
        match rounding {
            Rounding::HalfUp => q + u64::from(2 * r >= d),
            Rounding::HalfEven => q + u64::from(2 * r > d || (2 * r == d && q % 2 == 1)),
            Rounding::None => q,
        }
    };
    let cmp = |a: (u64, u64), b: (u64, u64)| -> Ordering {
        let value = if rounding == Rounding::None {
            (u128::from(a.0) * u128::from(b.1)).cmp(&(u128::from(b.0) * u128::from(a.1)))
        } else {
            round(a.0, a.1).cmp(&round(b.0, b.1))
        };
        value.then(a.0.cmp(&b.0)).then(b.1.cmp(&a.1))
    };
    let mut left = seats;
    while left > 0 {
        // Every subject whose next quotient is the best one (a full tie when several).
        let mut best: Vec<(usize, (u64, u64))> = Vec::new();
        for (i, &(v, eligible, one)) in subjects.iter().enumerate() {
            let d = u64::from(won[i]) + 1;
            if !eligible || v == 0 || (one && d > 1) {
                continue;
            }
            match best.first().map(|b| cmp((v, d), b.1)) {
                None | Some(Ordering::Equal) => best.push((i, (v, d))),
                Some(Ordering::Greater) => best = vec![(i, (v, d))],
                Some(Ordering::Less) => {}
            }
        }
        if best.is_empty() || best.len() as u32 > left {
            return None;
        }
        for (i, _) in &best {
            won[*i] += 1;
        }
        left -= best.len() as u32;
    }
    Some(won)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn seats_add_up_and_independents_win_at_most_one(
        (seats, parties, independents) in zone_strategy(),
        rules in rules_strategy(),
    ) {
        let e = one_zone(seats, &parties, &independents);
        if let Ok(a) = allocate(&e, &rules) {
            let z = &a.zones[0];
            let total: u32 = z.subjects.iter().map(|s| s.seats).sum();
            let lot = z.lot.as_ref().map_or(0, |l| l.seats);
            prop_assert_eq!(total + lot, seats);
            for s in &z.subjects {
                if !s.eligible {
                    prop_assert_eq!(s.seats, 0, "{} is below the threshold", a.name(s.subject));
                }
                if rules.independents_divisor_one && a.name(s.subject).starts_with('I') {
                    prop_assert!(s.seats <= 1);
                }
            }
        }
    }

    #[test]
    fn below_national_threshold_never_wins(
        zones in prop::collection::vec(zone_strategy(), 1..=3),
    ) {
        let mut e = Election::default();
        for (k, (seats, parties, _)) in zones.iter().enumerate() {
            let mut z = one_zone(*seats, parties, &[]).zones.remove(0);
            z.name = format!("Z{k}");
            e.zones.push(z);
        }
        let national: u64 = zones.iter().flat_map(|z| z.1.iter()).sum();
        if let Ok(a) = allocate(&e, &Rules::of(RuleSet::Al2024)) {
            for t in &a.subjects {
                if t.votes * 100 < national {
                    prop_assert_eq!(t.seats, 0);
                    prop_assert!(t.votes == 0 || a.excluded_names().any(|x| x == t.name));
                }
            }
        }
    }

    #[test]
    fn more_votes_never_lose_a_seat_under_dhondt(
        (seats, parties, _) in zone_strategy(),
        pick in any::<prop::sample::Index>(),
        extra in 1u64..2000,
    ) {
        let rules = Rules::of(RuleSet::Dhondt);
        let i = pick.index(parties.len());
        let before = allocate(&one_zone(seats, &parties, &[]), &rules);
        let mut raised = parties.clone();
        raised[i] += extra;
        let after = allocate(&one_zone(seats, &raised, &[]), &rules);
        if let (Ok(b), Ok(a)) = (before, after) {
            let (b, a) = (&b.zones[0], &a.zones[0]);
            if b.lot.is_none() && a.lot.is_none() {
                prop_assert!(a.subjects[i].seats >= b.subjects[i].seats);
            }
        }
    }

    #[test]
    fn agrees_with_the_naive_implementation(
        (seats, parties, independents) in zone_strategy(),
        rules in rules_strategy(),
    ) {
        let e = one_zone(seats, &parties, &independents);
        let result = allocate(&e, &rules);
        if let Ok(a) = result {
            let z = &a.zones[0];
            let subjects: Vec<(u64, bool, bool)> = z
                .subjects
                .iter()
                .map(|s| (s.votes, s.eligible, rules.independents_divisor_one && a.name(s.subject).starts_with('I')))
                .collect();
            let expected = naive(seats, &subjects, rules.rounding);
            match expected {
                Some(won) => {
                    prop_assert!(z.lot.is_none());
                    let got: Vec<u32> = z.subjects.iter().map(|s| s.seats).collect();
                    prop_assert_eq!(got, won);
                }
                None => prop_assert!(z.lot.is_some(), "naive found a full tie"),
            }
        }
    }

    #[test]
    fn votes_for_next_seat_are_minimal(
        (seats, parties, _) in zone_strategy(),
        pick in any::<prop::sample::Index>(),
    ) {
        let rules = Rules::of(RuleSet::Dhondt);
        let i = pick.index(parties.len());
        if let Ok(a) = allocate(&one_zone(seats, &parties, &[]), &rules) {
            let z = &a.zones[0];
            if z.lot.is_some() {
                return Ok(());
            }
            if let Some(need) = z.subjects[i].votes_for_next_seat {
                let with = |extra: u64| {
                    let mut v = parties.clone();
                    v[i] += extra;
                    allocate(&one_zone(seats, &v, &[]), &rules).unwrap().zones[0].clone()
                };
                let enough = with(need);
                if enough.lot.is_none() {
                    prop_assert!(enough.subjects[i].seats > z.subjects[i].seats);
                }
                let short = with(need - 1);
                prop_assert!(short.subjects[i].seats == z.subjects[i].seats || short.lot.is_some());
            }
        }
    }
}
