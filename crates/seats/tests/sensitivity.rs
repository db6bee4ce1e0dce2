//! Sensitivity of each seat: changing that many votes takes the seat, one fewer does not.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use per_seats::{allocate, sensitivity, Election, Flip, Percent, Rounding, RuleSet, Rules, Zone};
use proptest::prelude::*;

fn one_zone(seats: u32, parties: &[u64], independents: &[u64]) -> Election {
    let name = |p: &str, i: usize| format!("{p}{i}");
    let zone = Zone {
        name: "Z".into(),
        seats,
        valid_votes: None,
        votes: parties
            .iter()
            .enumerate()
            .map(|(i, v)| (name("P", i), *v))
            .collect(),
        independents: independents
            .iter()
            .enumerate()
            .map(|(i, v)| (name("I", i), *v))
            .collect(),
        lists: vec![],
    };
    Election {
        zones: vec![zone],
        ..Election::default()
    }
}

/// The election with the flip (to the subject named `to`) applied to `by` votes taken from
/// `holder`.
fn changed(election: &Election, holder: &str, flip: &Flip, to: &str, by: u64) -> Election {
    let mut e = election.clone();
    let zone = &mut e.zones[0];
    let mut add = |name: &str, delta: i128| {
        for (n, v) in zone.votes.iter_mut().chain(zone.independents.iter_mut()) {
            if n == name {
                *v = u64::try_from(i128::from(*v) + delta).unwrap();
            }
        }
    };
    match flip {
        Flip::Add { .. } => add(to, i128::from(by)),
        Flip::Move { .. } => {
            add(holder, -i128::from(by));
            add(to, i128::from(by));
        }
    }
    e
}

/// Seats of `subject` won outright (a seat awaiting a lot is not won).
fn seats_of(election: &Election, rules: &Rules, subject: &str) -> Option<u32> {
    let a = allocate(election, rules).ok()?;
    Some(a.seats_in(0, subject))
}

fn rules_strategy() -> impl Strategy<Value = Rules> {
    (0usize..3, 0usize..3).prop_map(|(s, r)| {
        let set = [RuleSet::Al2024, RuleSet::Al2008, RuleSet::Dhondt][s];
        let rounding = [Rounding::HalfUp, Rounding::HalfEven, Rounding::None][r];
        // No threshold: its eligibility is held fixed by the measure (see its docs).
        Rules::of(set)
            .with_rounding(rounding)
            .with_threshold(Percent::whole(0))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_least_change_flips_and_one_less_does_not(
        seats in 1u32..=8,
        parties in prop::collection::vec(1u64..=2000, 2..=5),
        independents in prop::collection::vec(0u64..=900, 0..=1),
        rules in rules_strategy(),
    ) {
        let election = one_zone(seats, &parties, &independents);
        let Ok(allocation) = allocate(&election, &rules) else { return Ok(()) };
        let seats_by_lot = allocation.zones[0].awarded.iter().any(|r| r.by_lot);
        prop_assume!(allocation.zones[0].lot.is_none() && !seats_by_lot);
        for seat in sensitivity(&election, &rules, &allocation, 0).unwrap() {
            let Some((m, flip)) = &seat.flip else { continue };
            let holder = allocation.name(seat.subject);
            let (Flip::Add { to } | Flip::Move { to }) = *flip;
            let after = seats_of(&changed(&election, holder, flip, allocation.name(to), *m), &rules, holder);
            prop_assert!(after.is_none_or(|n| n < seat.nth), "{m} votes ({flip:?}) do not take seat {}", seat.place);
            if *m > 1 {
                // One fewer, by that change or by any other, keeps the seat.
                let others: Vec<usize> = allocation.zones[0].subjects.iter().map(|s| s.subject).filter(|&s| s != seat.subject).collect();
                for to in others {
                    for other in [Flip::Add { to }, Flip::Move { to }] {
                        let kept = seats_of(&changed(&election, holder, &other, allocation.name(to), m - 1), &rules, holder);
                        prop_assert!(kept.is_some_and(|n| n >= seat.nth), "{} votes ({other:?}) already take seat {}", m - 1, seat.place);
                    }
                }
            }
        }
    }
}

#[test]
fn a_close_seat_is_a_few_votes_away() {
    // D'Hondt, 2 seats: A 1000 (500 at its second), B 499: A's second seat goes to B
    // when one vote moves from A to B (A 999 → 499.5, B 500).
    let election = one_zone(2, &[1000, 499], &[]);
    let rules = Rules::of(RuleSet::Dhondt);
    let allocation = allocate(&election, &rules).unwrap();
    let s = sensitivity(&election, &rules, &allocation, 0).unwrap();
    assert_eq!(s.len(), 2);
    let name = |i| allocation.name(i);
    assert_eq!((name(s[0].subject), s[0].nth), ("P0", 1));
    assert_eq!((name(s[1].subject), s[1].nth), ("P0", 2));
    let p1 = allocation.subject("P1").unwrap();
    assert_eq!(s[1].flip, Some((1, Flip::Move { to: p1 })));
    // Adding: B needs 501 to beat A's 500 outright (500 ties: B has fewer votes, ranks after).
    // Moving wins; the first seat needs many more.
    assert!(s[0].flip.as_ref().unwrap().0 > 100);
}
