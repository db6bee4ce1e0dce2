//! The computation behind every view: the data set with the visitor's edits and lot outcomes,
//! the rules chosen, the engine's allocation, and how it differs from the official seats.
//! Plain Rust over `per-seats`, tested natively on the 2017 data.

use crate::state::{LotPick, ViewState};
use per_seats::{allocate, Allocation, Election, Lot, Percent, RuleSet, Rules};
use per_seats_data::Document;

/// Why the rules cannot be built from what the visitor typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadThreshold;

/// The rule set in use: the one chosen, else the data set's, else `al-2024`.
pub fn rule_set(doc: &Document, state: &ViewState) -> RuleSet {
    state.rules.or(doc.rules).unwrap_or(RuleSet::Al2024)
}

/// The rules in use (as the command line builds them from `--rules`, `--threshold`,
/// `--rounding`).
pub fn rules(doc: &Document, state: &ViewState) -> Result<Rules, BadThreshold> {
    let mut rules = Rules::of(rule_set(doc, state));
    if let Some(t) = &state.threshold {
        let t = t.trim().replace(',', ".");
        rules = rules.with_threshold(Percent::parse(&t).map_err(|_| BadThreshold)?);
    }
    if let Some(r) = state.rounding {
        rules = rules.with_rounding(r);
    }
    Ok(rules)
}

/// The votes of `subject` in zone number `zone` in the data as published.
pub fn original_votes(doc: &Document, zone: usize, subject: &str) -> Option<u64> {
    let z = doc.election.zones.get(zone)?;
    z.votes
        .iter()
        .chain(&z.independents)
        .find(|(s, _)| s == subject)
        .map(|(_, v)| *v)
}

/// The election with the visitor's edits and lot outcomes. An edited count moves the
/// declared valid votes of its zone and of the nation by the same amount (valid votes
/// include every subject's), so a declared total never falls below the listed votes.
pub fn edited(doc: &Document, state: &ViewState) -> Election {
    let mut e = doc.election.clone();
    for edit in &state.edits {
        let Some(zone) = e.zones.get_mut(edit.zone) else {
            continue;
        };
        let Some((_, votes)) = zone
            .votes
            .iter_mut()
            .chain(zone.independents.iter_mut())
            .find(|(s, _)| *s == edit.subject)
        else {
            continue;
        };
        let old = *votes;
        *votes = edit.votes;
        let shift = |total: &mut u64| *total = total.saturating_sub(old).saturating_add(edit.votes);
        if let Some(v) = zone.valid_votes.as_mut() {
            shift(v);
        }
        if let Some(v) = e.national_valid_votes.as_mut() {
            shift(v);
        }
    }
    for pick in &state.lots {
        let Some(lot) = lot(&e, pick) else {
            continue;
        };
        // One outcome per lot: a later pick replaces an earlier one.
        e.lots
            .retain(|l| !(l.zone == lot.zone && l.subject == lot.subject));
        e.lots.push(lot);
    }
    e
}

/// The lot outcome that `pick` enters in `e`: it names every possible contender, the
/// winner first, then the others (`None`: no such zone).
pub fn lot(e: &Election, pick: &LotPick) -> Option<Lot> {
    let zone = e.zones.get(pick.zone)?;
    let others: Vec<String> = match &pick.list {
        None => zone
            .votes
            .iter()
            .chain(&zone.independents)
            .map(|(s, _)| s.clone())
            .collect(),
        Some(list) => zone
            .lists
            .iter()
            .filter(|(s, _)| s == list)
            .flat_map(|(_, l)| {
                l.fixed
                    .iter()
                    .cloned()
                    .chain(l.preferential.iter().map(|c| c.name.clone()))
            })
            .collect(),
    };
    let mut order = vec![pick.winner.clone()];
    order.extend(others.into_iter().filter(|o| *o != pick.winner));
    Some(Lot {
        zone: zone.name.clone(),
        subject: pick.list.clone(),
        order,
    })
}

/// What the engine says, or why it refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(Box<Allocation>),
    BadThreshold,
    Refused(per_seats::Error),
}

/// Computes the allocation of `doc` in `state`.
pub fn compute(doc: &Document, state: &ViewState) -> Outcome {
    let rules = match rules(doc, state) {
        Ok(r) => r,
        Err(BadThreshold) => return Outcome::BadThreshold,
    };
    match allocate(&edited(doc, state), &rules) {
        Ok(a) => Outcome::Done(Box::new(a)),
        Err(e) => Outcome::Refused(e),
    }
}

/// The official seats of `subject` in zone `zone` (`None`: the data gives none for the zone).
pub fn official_zone(doc: &Document, zone: &str, subject: &str) -> Option<u32> {
    let seats = doc.official_of(zone)?;
    Some(
        seats
            .iter()
            .find(|(s, _)| s == subject)
            .map_or(0, |(_, n)| *n),
    )
}

/// The official national seats of `subject`, when every zone gives official seats.
pub fn official_national(doc: &Document, a: &Allocation, subject: &str) -> Option<u32> {
    let all = doc.official_national(a)?;
    Some(
        all.iter()
            .find(|(s, _)| s == subject)
            .map_or(0, |(_, n)| *n),
    )
}

/// How many zones differ from their official seats.
pub fn zones_differing(doc: &Document, a: &Allocation) -> usize {
    a.zones
        .iter()
        .filter(|z| doc.matches_official(a, &z.name) == Some(false))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Edit;
    use per_seats_data::{parse, Format};

    fn doc2017() -> Document {
        parse(include_str!("../data/albania-2017.json"), Format::Json).unwrap()
    }

    fn national(a: &Allocation) -> Vec<(String, u32)> {
        a.national()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| (s.to_owned(), n))
            .collect()
    }

    fn done(o: Outcome) -> Allocation {
        match o {
            Outcome::Done(a) => *a,
            other => panic!("not allocated: {other:?}"),
        }
    }

    #[test]
    fn the_2017_data_under_its_own_rules_gives_the_official_seats() {
        let doc = doc2017();
        let a = done(compute(&doc, &ViewState::default()));
        assert_eq!(a.rules.set, RuleSet::Al2008);
        let mut n = national(&a);
        n.sort_by_key(|x| std::cmp::Reverse(x.1));
        let expect = [("PS", 74), ("PD", 43), ("LSI", 19), ("PDIU", 3), ("PSD", 1)];
        assert_eq!(
            n,
            expect.map(|(s, k)| (s.to_owned(), k)).to_vec(),
            "2017 national seats"
        );
        assert_eq!(zones_differing(&doc, &a), 0);
        for (s, k) in expect {
            assert_eq!(official_national(&doc, &a, s), Some(k));
        }
    }

    #[test]
    fn under_al_2024_the_psd_drops_out_and_the_seats_differ() {
        let doc = doc2017();
        let state = ViewState {
            rules: Some(RuleSet::Al2024),
            ..ViewState::default()
        };
        let a = done(compute(&doc, &state));
        assert!(a.excluded_names().any(|s| s == "PSD"));
        assert!(zones_differing(&doc, &a) > 0);
    }

    #[test]
    fn an_edit_moves_the_declared_valid_votes_and_changes_the_seats() {
        let doc = doc2017();
        let berat = &doc.election.zones[0];
        let mut state = ViewState::default();
        let pd = original_votes(&doc, 0, "PD").unwrap();
        state.set_votes(0, "PD", pd + 20_000, pd);
        let e = edited(&doc, &state);
        assert_eq!(
            e.zones[0].valid_votes,
            berat.valid_votes.map(|v| v + 20_000)
        );
        assert_eq!(
            e.national_valid_votes,
            doc.election.national_valid_votes.map(|v| v + 20_000)
        );
        let a = done(compute(&doc, &state));
        assert!(a.seats_in(0, "PD") > 1);
        assert_eq!(doc.matches_official(&a, "Berat"), Some(false));
    }

    #[test]
    fn a_typed_threshold_is_read_with_a_comma_or_a_point_and_nonsense_is_refused() {
        let doc = doc2017();
        let mut state = ViewState {
            threshold: Some("2,5".into()),
            ..ViewState::default()
        };
        assert_eq!(
            rules(&doc, &state).unwrap().threshold,
            Percent::parse("2.5").unwrap()
        );
        state.threshold = Some("abc".into());
        assert_eq!(compute(&doc, &state), Outcome::BadThreshold);
    }

    #[test]
    fn a_tie_needs_a_lot_until_its_outcome_is_entered() {
        let json = r#"{"zones": [{"name": "Z", "seats": 1, "votes": {"A": 100, "B": 100}}]}"#;
        let doc = parse(json, Format::Json).unwrap();
        let mut state = ViewState::default();
        let a = done(compute(&doc, &state));
        let lot = a.zones[0].lot.clone().unwrap();
        let names: Vec<&str> = lot.contenders.iter().map(|&c| a.name(c)).collect();
        assert_eq!(names, ["A", "B"]);
        state.lots.push(LotPick {
            zone: 0,
            list: None,
            winner: "B".into(),
        });
        let a = done(compute(&doc, &state));
        assert!(a.zones[0].lot.is_none());
        assert_eq!(a.seats_in(0, "B"), 1);
        // An edit to a zone that does not exist changes nothing.
        state.edits.push(Edit {
            zone: 9,
            subject: "A".into(),
            votes: 1,
        });
        assert_eq!(done(compute(&doc, &state)).seats_in(0, "B"), 1);
    }

    #[test]
    fn the_synthetic_lists_are_allocated_with_their_gender_moves() {
        let doc = parse(include_str!("../data/synthetic-lists.json"), Format::Json).unwrap();
        let a = done(compute(&doc, &ViewState::default()));
        let lists: Vec<_> = a.zones.iter().flat_map(|z| &z.lists).collect();
        assert!(!lists.is_empty());
        assert!(
            lists.iter().any(|l| !l.moves.is_empty()),
            "a gender move to show"
        );
        for l in &lists {
            assert_eq!(
                l.elected().count(),
                l.seats as usize,
                "{}",
                a.name(l.subject)
            );
        }
    }
}
