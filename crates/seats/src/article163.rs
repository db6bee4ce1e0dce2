//! Article 163 for one subject in one zone: fixed list first, then preferential re-ranking
//! with the one-in-three gender rule.

use std::collections::VecDeque;

use crate::error::{Error, Warning};
use crate::input::{CandidateList, Gender, Lot};
use crate::outcome::{GenderMove, ListPart, ListResult, LotRequired, Placed};

/// Orders a list and marks the first `seats` candidates elected (Article 163).
/// `subject` names the list's subject (for messages), `index` is its place in the national
/// table.
pub(crate) fn allocate_list(
    zone: &str,
    subject: &str,
    index: usize,
    seats: u32,
    list: &CandidateList,
    lot: Option<&Lot>,
    warnings: &mut Vec<Warning>,
) -> Result<ListResult, Error> {
    let mut names: Vec<&str> = list.fixed.iter().map(String::as_str).collect();
    names.extend(list.preferential.iter().map(|c| c.name.as_str()));
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(Error::DuplicateCandidate {
                zone: zone.to_owned(),
                subject: subject.to_owned(),
                candidate: (*name).to_owned(),
            });
        }
    }
    let pref = &list.preferential;

    // 1. Re-rank by preferential votes; equal votes ordered by the lot if one was drawn.
    let lot_rank = |i: usize| {
        lot.and_then(|l| l.order.iter().position(|o| *o == pref[i].name))
            .unwrap_or(usize::MAX)
    };
    let mut ranked: Vec<usize> = (0..pref.len()).collect();
    ranked.sort_by(|&a, &b| {
        pref[b]
            .votes
            .cmp(&pref[a].votes)
            .then_with(|| lot_rank(a).cmp(&lot_rank(b)))
    });
    // Groups of equal votes, as `(start, len)` in `ranked`: resolved by the lot (every member
    // drawn) or still open.
    let mut open_ties: Vec<(usize, usize)> = Vec::new();
    let mut lot_used = false;
    let mut start = 0;
    while start < ranked.len() {
        let votes = pref[ranked[start]].votes;
        let len = ranked[start..]
            .iter()
            .take_while(|&&i| pref[i].votes == votes)
            .count();
        let group = &ranked[start..start + len];
        if len > 1 {
            let drawn: Vec<bool> = group.iter().map(|&i| lot_rank(i) != usize::MAX).collect();
            if drawn.iter().all(|d| *d) {
                lot_used = true;
            } else if let Some(missing) = group.iter().zip(&drawn).find(|(_, d)| !**d) {
                if drawn.iter().any(|d| *d) {
                    return Err(Error::LotMismatch {
                        zone: zone.to_owned(),
                        subject: Some(subject.to_owned()),
                        missing: pref[*missing.0].name.clone(),
                    });
                }
                open_ties.push((start, len));
            }
        }
        start += len;
    }
    if lot.is_some() && !lot_used {
        warnings.push(Warning::UnusedLot {
            zone: zone.to_owned(),
            subject: Some(subject.to_owned()),
        });
    }

    // 2. The gender rule.
    let females = pref.iter().filter(|c| c.gender == Gender::Female).count();
    let males = pref.len() - females;
    let less = match (pref.is_empty(), females.cmp(&males)) {
        (true, _) => None,
        (false, core::cmp::Ordering::Greater) => Some(Gender::Male),
        (false, _) => Some(Gender::Female),
    };
    let is_less = |i: usize| less == Some(pref[i].gender);
    let (order, moves) = gender_rule(&ranked, is_less);
    let moves = moves
        .into_iter()
        .map(|(i, from, to)| GenderMove {
            candidate: pref[i].name.clone(),
            from,
            to,
        })
        .collect();

    // 3. Seats: fixed part first, then the preferential order.
    let seats_n = seats as usize;
    let fixed_elected = seats_n.min(list.fixed.len());
    let pref_places = seats_n - fixed_elected;
    let elected_in = |order: &[usize]| {
        let mut e = vec![false; pref.len()];
        for &i in order.iter().take(pref_places) {
            e[i] = true;
        }
        e
    };
    // Who is elected whatever the lots give (`always`), and who in some outcome (`ever`).
    let (always, ever) = match orders_of(&open_ties) {
        // Few enough orders: try each order of every open tie, gender rule included.
        Some(_) => {
            let mut always = vec![true; pref.len()];
            let mut ever = vec![false; pref.len()];
            for_each_order(&ranked, &open_ties, |r| {
                let (o, _) = gender_rule(r, is_less);
                for (i, e) in elected_in(&o).into_iter().enumerate() {
                    always[i] &= e;
                    ever[i] |= e;
                }
            });
            (always, ever)
        }
        // Too many: every tie straddling the last elected place is undecided.
        None => {
            let mut always = elected_in(&order);
            let mut ever = always.clone();
            for &(start, len) in &open_ties {
                let group = &ranked[start..start + len];
                let inside = group.iter().filter(|&&i| always[i]).count();
                if inside > 0 && inside < len {
                    for &i in group {
                        always[i] = false;
                        ever[i] = true;
                    }
                }
            }
            (always, ever)
        }
    };
    let undecided: Vec<usize> = (0..pref.len()).filter(|&i| ever[i] && !always[i]).collect();
    let lot_required = if undecided.is_empty() {
        None
    } else {
        // The tied candidates whose order decides; all open ties if only others are affected.
        let deciding: Vec<&(usize, usize)> = open_ties
            .iter()
            .filter(|(s, l)| ranked[*s..*s + *l].iter().any(|i| undecided.contains(i)))
            .collect();
        let groups = if deciding.is_empty() {
            open_ties.iter().collect()
        } else {
            deciding
        };
        let decided = always.iter().filter(|a| **a).count();
        Some(LotRequired {
            seats: (pref_places.min(pref.len()) - decided) as u32,
            contenders: groups
                .into_iter()
                .flat_map(|&(s, l)| ranked[s..s + l].iter().map(|&i| pref[i].name.clone()))
                .collect(),
        })
    };
    let candidates = list.fixed.len() + pref.len();
    if seats_n > candidates {
        warnings.push(Warning::ShortList {
            zone: zone.to_owned(),
            subject: subject.to_owned(),
            seats,
            candidates,
        });
    }
    let mut placed: Vec<Placed> = list
        .fixed
        .iter()
        .enumerate()
        .map(|(k, name)| Placed {
            name: name.clone(),
            part: ListPart::Fixed,
            votes: None,
            gender: None,
            elected: k < fixed_elected,
        })
        .collect();
    placed.extend(order.iter().enumerate().map(|(k, &i)| Placed {
        name: pref[i].name.clone(),
        part: ListPart::Preferential,
        votes: Some(pref[i].votes),
        gender: Some(pref[i].gender),
        elected: k < pref_places && always[i],
    }));
    Ok(ListResult {
        subject: index,
        seats,
        less_represented: less,
        equal_genders: !pref.is_empty() && females == males,
        order: placed,
        moves,
        lot: lot_required,
    })
}

/// At most this many orders of the open ties are tried (beyond: the straddle test).
const MAX_ORDERS: usize = 720;

/// How many orders the open ties `(start, len)` allow, if at most [`MAX_ORDERS`].
fn orders_of(ties: &[(usize, usize)]) -> Option<usize> {
    ties.iter().try_fold(1usize, |acc, &(_, len)| {
        (2..=len).try_fold(acc, |a, k| a.checked_mul(k).filter(|&n| n <= MAX_ORDERS))
    })
}

/// Calls `f` with `ranked` under every order of the members of each tie `(start, len)`.
fn for_each_order(ranked: &[usize], ties: &[(usize, usize)], mut f: impl FnMut(&[usize])) {
    fn go(r: &mut Vec<usize>, ties: &[(usize, usize)], f: &mut dyn FnMut(&[usize])) {
        let Some((&(start, len), rest)) = ties.split_first() else {
            f(r);
            return;
        };
        permute(r, start, start + len, &mut |r| go(r, rest, f));
    }
    // Every permutation of `r[from..to]`, by swaps (restored after each branch).
    fn permute(r: &mut Vec<usize>, from: usize, to: usize, f: &mut dyn FnMut(&mut Vec<usize>)) {
        if to - from <= 1 {
            f(r);
            return;
        }
        for k in from..to {
            r.swap(from, k);
            permute(r, from + 1, to, f);
            r.swap(from, k);
        }
    }
    let mut r = ranked.to_vec();
    go(&mut r, ties, &mut f);
}

/// Applies the one-in-three rule to `ranked` (indices in vote order). Returns the final
/// order and the moves as `(index, from place, to place)`, places 1-based.
fn gender_rule(
    ranked: &[usize],
    is_less: impl Fn(usize) -> bool,
) -> (Vec<usize>, Vec<(usize, usize, usize)>) {
    let vote_place = |i: usize| ranked.iter().position(|&r| r == i).map_or(0, |p| p + 1);
    let mut rest: VecDeque<usize> = ranked.iter().copied().collect();
    let mut order = Vec::with_capacity(ranked.len());
    let mut moves = Vec::new();
    while !rest.is_empty() {
        let take = rest.len().min(3);
        let block: Vec<usize> = rest.drain(..take).collect();
        if block.len() == 3 && !block.iter().any(|&i| is_less(i)) {
            if let Some(pos) = rest.iter().position(|&i| is_less(i)) {
                if let Some(moved) = rest.remove(pos) {
                    order.extend([block[0], block[1], moved]);
                    rest.push_front(block[2]);
                    moves.push((moved, vote_place(moved), order.len()));
                    continue;
                }
            }
        }
        order.extend(block);
    }
    (order, moves)
}
