//! Article 163 rule by rule: fixed list first, preferential re-ranking, the gender rule, lots.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;

use common::{election, run};
use insta::assert_snapshot;
use per_seats::{Candidate, CandidateList, Election, Gender, Lot, RuleSet, Rules};

/// `"m1:m:10"` = candidate m1, male, 10 preferential votes.
fn list(fixed: &[&str], preferential: &[&str]) -> CandidateList {
    CandidateList {
        fixed: fixed.iter().map(|s| (*s).to_owned()).collect(),
        preferential: preferential
            .iter()
            .map(|c| {
                let mut p = c.split(':');
                let name = p.next().unwrap().to_owned();
                let gender = match p.next().unwrap() {
                    "f" => Gender::Female,
                    _ => Gender::Male,
                };
                let votes = p.next().unwrap().parse().unwrap();
                Candidate {
                    name,
                    gender,
                    votes,
                }
            })
            .collect(),
    }
}

fn with_list(spec: &str, subject: &str, l: CandidateList) -> Election {
    let mut e = election(spec);
    e.zones[0].lists.push((subject.to_owned(), l));
    e
}

fn rules() -> Rules {
    Rules::of(RuleSet::Al2024)
}

#[test]
fn fixed_first_then_reranked_with_gender_move() {
    // Re-ranked m2 30, m3 20, m1 10, f1 5, m4 1; block 1-3 has no woman: f1 moves to place 3.
    let l = list(
        &["F1", "F2"],
        &["m1:m:10", "m2:m:30", "m3:m:20", "f1:f:5", "m4:m:1"],
    );
    assert_snapshot!(run(&with_list("Z 5: A=100", "A", l), rules()), @r"
    Z: A 5
      A 5: elected F1 F2 m2 m3 f1 | order F1 F2 m2 m3 f1 m1 m4 | less female | move f1 4->3
    ");
}

#[test]
fn fewer_seats_than_fixed_candidates() {
    // A 200, B 100, A/2 100 (more votes than B): A 2, B 1.
    let mut e = with_list("Z 3: A=200 B=100", "A", list(&["F1"], &["x:m:1", "y:f:2"]));
    e.zones[0]
        .lists
        .push(("B".into(), list(&["G1", "G2"], &["z:f:50"])));
    assert_snapshot!(run(&e, rules()), @r"
    Z: A 2, B 1
      A 2: elected F1 y | order F1 y x | less female (equal counts)
      B 1: elected G1 | order G1 G2 z | less male
    ");
}

#[test]
fn equal_genders_take_female_as_less_represented() {
    let l = list(
        &[],
        &["m1:m:9", "m2:m:8", "m3:m:7", "f1:f:1", "f2:f:2", "f3:f:3"],
    );
    assert_snapshot!(run(&with_list("Z 3: A=100", "A", l), rules()), @r"
    Z: A 3
      A 3: elected m1 m2 f3 | order m1 m2 f3 m3 f2 f1 | less female (equal counts) | move f3 4->3
    ");
}

#[test]
fn male_less_represented_and_none_left() {
    // Men are fewer (1 of 5): m1 moves into place 3.
    let l = list(&[], &["f1:f:9", "f2:f:8", "f3:f:7", "f4:f:6", "m1:m:5"]);
    assert_snapshot!(run(&with_list("Z 3: A=100", "A", l), rules()), @r"
    Z: A 3
      A 3: elected f1 f2 m1 | order f1 f2 m1 f3 f4 | less male | move m1 5->3
    ");
    // Block 4-6 has no man and none is left: vote order stays.
    let l = list(
        &[],
        &[
            "m1:m:9", "f1:f:8", "f2:f:7", "f3:f:6", "f4:f:5", "f5:f:4", "f6:f:3",
        ],
    );
    assert_snapshot!(run(&with_list("Z 6: A=100", "A", l), rules()), @r"
    Z: A 6
      A 6: elected m1 f1 f2 f3 f4 f5 | order m1 f1 f2 f3 f4 f5 f6 | less male
    ");
    // Two blocks each need a move.
    let l = list(
        &[],
        &[
            "a:m:9", "b:m:8", "c:m:7", "d:m:6", "e:m:5", "g:m:4", "x:f:2", "y:f:1",
        ],
    );
    assert_snapshot!(run(&with_list("Z 6: A=100", "A", l), rules()), @r"
    Z: A 6
      A 6: elected a b x c d y | order a b x c d y e g | less female | move x 7->3 | move y 8->6
    ");
}

#[test]
fn equal_preferential_votes_need_a_lot() {
    let l = list(&[], &["a:m:5", "b:m:5", "c:f:9"]);
    let mut e = with_list("Z 2: A=100", "A", l);
    assert_snapshot!(run(&e, rules()), @r"
    Z: A 2
      A 2: elected c | order c a b | less female | lot 1: a b
    ");
    e.lots.push(Lot {
        zone: "Z".into(),
        subject: Some("A".into()),
        order: vec!["b".into(), "a".into()],
    });
    assert_snapshot!(run(&e, rules()), @r"
    Z: A 2
      A 2: elected c b | order c b a | less female
    ");
    e.lots[0].order = vec!["b".into()];
    assert_snapshot!(run(&e, rules()), @"error: zone Z, subject A: the lot outcome does not name candidate a, who is in contention");
    // A tie below the elected places needs no lot.
    let l = list(&[], &["a:m:5", "b:m:5", "c:f:9"]);
    assert_snapshot!(run(&with_list("Z 1: A=100", "A", l), rules()), @r"
    Z: A 1
      A 1: elected c | order c a b | less female
    ");
}

#[test]
fn list_errors_and_short_list_warning() {
    let l = list(&["a"], &["a:m:5"]);
    assert_snapshot!(run(&with_list("Z 1: A=100", "A", l), rules()), @"error: zone Z, subject A: candidate a listed twice");
    let l = list(&["a"], &[]);
    // B has no votes in any zone: unknown to the election.
    assert_snapshot!(run(&with_list("Z 1: A=100", "B", l), rules()), @"error: zone Z, subject B: named in a candidate list but has no votes in any zone");
    let l = list(&["a"], &[]);
    assert_snapshot!(run(&with_list("Z 2: A=100", "A", l), rules()), @r"
    Z: A 2
      A 2: elected a | order a
    warning: zone Z, subject A: 2 seats but only 1 candidates
    ");
}

#[test]
fn a_tie_whose_order_cannot_change_who_is_elected_needs_no_lot() {
    // c and d tie at 80 across the third place, but d (the only woman) takes place 3
    // either way: by the gender rule after c, or by the lot before c. No lot, d elected.
    let l = list(&[], &["a:m:100", "b:m:90", "c:m:80", "d:f:80", "e:m:70"]);
    assert_snapshot!(run(&with_list("Z 3: A=100", "A", l), rules()), @r"
    Z: A 3
      A 3: elected a b d | order a b d c e | less female | move d 4->3
    ");
    // Two women tied for the one place the gender rule gives: the lot decides.
    let l = list(
        &[],
        &[
            "a:m:100", "b:m:90", "c:m:80", "d:f:70", "e:f:70", "f:m:60", "g:m:50",
        ],
    );
    assert_snapshot!(run(&with_list("Z 3: A=100", "A", l), rules()), @r"
    Z: A 3
      A 3: elected a b | order a b d c e f g | less female | move d 4->3 | lot 1: d e
    ");
    // Two men tied for place 3 after a woman: the lot decides.
    let l = list(&[], &["a:f:100", "b:m:90", "c:m:80", "d:m:80"]);
    assert_snapshot!(run(&with_list("Z 3: A=100", "A", l), rules()), @r"
    Z: A 3
      A 3: elected a b | order a b c d | less female | lot 1: c d
    ");
}
