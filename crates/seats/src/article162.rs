//! Article 162 in one zone: quotients, ranking, ties at the last seat, lots, and explanations.

use core::cmp::Ordering;

use crate::error::{Error, Warning};
use crate::input::{Lot, SubjectKind};
use crate::outcome::{LotRequired, Ranked, SubjectResult};
use crate::quotient::Quotient;
use crate::rules::{Rounding, Rules};

/// A subject as the zone allocation sees it.
#[derive(Debug, Clone)]
pub(crate) struct Contestant<'a> {
    pub name: &'a str,
    /// Index of the subject among the election's national totals.
    pub national: usize,
    pub kind: SubjectKind,
    pub votes: u64,
    pub eligible: bool,
}

/// What the zone allocation produces (the caller adds the zone's name, seats and lists).
#[derive(Debug)]
pub(crate) struct ZoneSeats {
    pub subjects: Vec<SubjectResult>,
    pub awarded: Vec<Ranked>,
    pub last_winning: Option<Ranked>,
    pub first_losing: Option<Ranked>,
    pub lot: Option<LotRequired>,
    pub half_at_boundary: Vec<Ranked>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    subject: usize,
    quotient: Quotient,
}

fn max_divisor(c: &Contestant<'_>, seats: u32, rules: &Rules) -> u32 {
    if c.kind == SubjectKind::Independent && rules.independents_divisor_one {
        1
    } else {
        seats
    }
}

/// The quotients of a zone in ranking order and the seats they win outright.
#[derive(Debug)]
pub(crate) struct Award {
    /// Every quotient of an eligible subject with votes, in ranking order.
    entries: Vec<Entry>,
    /// The seats given: (place, quotient, by lot), in ranking order.
    awarded: Vec<(usize, Entry, bool)>,
    /// Seats awaiting a drawing of lots: their number and the tied quotients.
    lot_required: Option<LotRequired>,
    /// A lot was given but no tie needed it.
    unused_lot: bool,
}

impl Award {
    /// Seats won by contestant `s` (seats awaiting a lot are not counted).
    pub(crate) fn seats_of(&self, s: usize) -> usize {
        self.awarded
            .iter()
            .filter(|(_, e, _)| e.subject == s)
            .count()
    }
}

/// Ranks the quotients of `contestants` in zone `zone` and gives its `seats` (Article 162,
/// points 2-5): the ranking alone, or a lot's order for a tie across the last seat.
pub(crate) fn award(
    zone: &str,
    seats: u32,
    contestants: &[Contestant<'_>],
    rules: &Rules,
    lot: Option<&Lot>,
) -> Result<Award, Error> {
    let n = seats as usize;
    let total: usize = contestants
        .iter()
        .filter(|c| c.eligible && c.votes > 0)
        .map(|c| max_divisor(c, seats, rules) as usize)
        .sum();
    if total < n {
        return Err(Error::TooFewQuotients {
            zone: zone.to_owned(),
            quotients: total,
            seats,
        });
    }
    let entries = ranking(seats, contestants, rules);
    let mut awarded: Vec<(usize, Entry, bool)> = Vec::with_capacity(n);
    let mut lot_required = None;
    let mut unused_lot = false;
    let straddles = entries
        .get(n)
        .is_some_and(|next| entries[n - 1].quotient.rank_cmp(&next.quotient) == Ordering::Equal);
    if straddles {
        let tied = |e: &Entry| entries[n - 1].quotient.rank_cmp(&e.quotient) == Ordering::Equal;
        let lo = entries.iter().position(tied).unwrap_or(n - 1);
        let hi = lo + entries[lo..].iter().take_while(|e| tied(e)).count();
        let contested = n - lo;
        awarded.extend(
            entries[..lo]
                .iter()
                .enumerate()
                .map(|(i, e)| (i, *e, false)),
        );
        let class = &entries[lo..hi];
        match lot {
            Some(lot) => {
                let mut drawn: Vec<(usize, Entry)> = Vec::with_capacity(class.len());
                for e in class {
                    let name = &contestants[e.subject].name;
                    let pos = lot.order.iter().position(|o| o == name).ok_or_else(|| {
                        Error::LotMismatch {
                            zone: zone.to_owned(),
                            subject: None,
                            missing: (*name).to_owned(),
                        }
                    })?;
                    drawn.push((pos, *e));
                }
                drawn.sort_by_key(|(pos, _)| *pos);
                for (k, (_, e)) in drawn.into_iter().take(contested).enumerate() {
                    awarded.push((lo + k, e, true));
                }
            }
            None => {
                lot_required = Some(LotRequired {
                    seats: contested as u32,
                    contenders: class
                        .iter()
                        .map(|e| contestants[e.subject].name.to_owned())
                        .collect(),
                });
            }
        }
    } else {
        awarded.extend(entries[..n].iter().enumerate().map(|(i, e)| (i, *e, false)));
        unused_lot = lot.is_some();
    }
    Ok(Award {
        entries,
        awarded,
        lot_required,
        unused_lot,
    })
}

/// The quotients of the eligible `contestants` with votes, best first in the ranking order
/// of Article 162, as far as the zone's explanations look: at least `2 × seats + 1` (so
/// that every subject's next-seat rival is among them), then the whole class tied with the
/// last seat, then (when rounding) every quotient whose rounding could reach the boundary.
///
/// Each subject's quotients are already in ranking order (divisor 1, 2, …), so this is a
/// merge of one short list per subject, not a sort of them all; on equal rank the subject
/// listed first comes first, as a stable sort of all the quotients would give.
fn ranking(seats: u32, contestants: &[Contestant<'_>], rules: &Rules) -> Vec<Entry> {
    let n = seats as usize;
    // Per contestant: the next divisor to take and the last one it may have.
    let mut next: Vec<(u32, u32)> = contestants
        .iter()
        .map(|c| {
            let last = if c.eligible && c.votes > 0 {
                max_divisor(c, seats, rules)
            } else {
                0
            };
            (1, last)
        })
        .collect();
    let head = |i: usize, d: u32| Quotient::new(contestants[i].votes, d, rules.rounding);
    let mut heads: Vec<Option<Quotient>> = next
        .iter()
        .enumerate()
        .map(|(i, &(d, last))| (d <= last).then(|| head(i, d)))
        .collect();
    let mut entries: Vec<Entry> = Vec::with_capacity(2 * n + 2);
    loop {
        let mut best: Option<(usize, Quotient)> = None;
        for (i, q) in heads.iter().enumerate() {
            if let Some(q) = q {
                if best.is_none_or(|(_, b)| q.rank_cmp(&b) == Ordering::Less) {
                    best = Some((i, *q));
                }
            }
        }
        let Some((i, q)) = best else { break };
        if entries.len() > 2 * n {
            let boundary = entries[n - 1].quotient;
            let tied = boundary.rank_cmp(&q) == Ordering::Equal;
            // A quotient whose floor could round up to the last seat's (see half_at_boundary).
            let near = boundary
                .rounded
                .is_some_and(|top| q.rounded.is_some_and(|r| r + 1 >= top));
            if !tied && !near {
                break;
            }
        }
        entries.push(Entry {
            subject: i,
            quotient: q,
        });
        let (d, last) = &mut next[i];
        *d += 1;
        heads[i] = (*d <= *last).then(|| head(i, *d));
    }
    entries
}

/// Allocates the `seats` of zone `zone` among `contestants` (Article 162, points 2-5), with
/// the data that explains the result.
pub(crate) fn allocate_zone(
    zone: &str,
    seats: u32,
    contestants: &[Contestant<'_>],
    rules: &Rules,
    lot: Option<&Lot>,
) -> Result<ZoneSeats, Error> {
    let Award {
        entries,
        awarded,
        lot_required,
        unused_lot,
    } = award(zone, seats, contestants, rules, lot)?;
    let n = seats as usize;
    let ranked = |place: usize, e: &Entry, by_lot: bool| Ranked {
        place: place as u32 + 1,
        subject: contestants[e.subject].name.to_owned(),
        quotient: e.quotient,
        by_lot,
    };
    let mut warnings = Vec::new();
    if unused_lot {
        warnings.push(Warning::UnusedLot {
            zone: zone.to_owned(),
            subject: None,
        });
    }

    let mut won = vec![0u32; contestants.len()];
    for (_, e, _) in &awarded {
        won[e.subject] += 1;
    }
    let subjects = contestants
        .iter()
        .enumerate()
        .map(|(i, c)| SubjectResult {
            name: c.name.to_owned(),
            kind: c.kind,
            votes: c.votes,
            eligible: c.eligible,
            seats: won[i],
            votes_for_next_seat: votes_for_next_seat(
                i,
                won[i],
                seats,
                contestants,
                &entries,
                rules,
            ),
        })
        .collect();

    let last = entries[n - 1];
    let first_out = entries.get(n).copied();
    let half_at_boundary = match (rules.rounding, first_out) {
        (Rounding::None, _) | (_, None) => Vec::new(),
        (_, Some(out)) => {
            let top = last.quotient.rounded.unwrap_or(0);
            let bottom = out.quotient.rounded.unwrap_or(0);
            entries
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    let floor = e.quotient.floor();
                    e.quotient.half && floor <= bottom && floor + 1 >= top
                })
                .map(|(i, e)| ranked(i, e, false))
                .collect()
        }
    };
    Ok(ZoneSeats {
        subjects,
        awarded: awarded
            .iter()
            .map(|(i, e, by_lot)| ranked(*i, e, *by_lot))
            .collect(),
        last_winning: Some(ranked(n - 1, &last, false)),
        first_losing: first_out.map(|e| ranked(n, &e, false)),
        lot: lot_required,
        half_at_boundary,
        warnings,
    })
}

/// The minimum additional zone votes for subject `s` (holding `won` seats) to win one more
/// seat outright: its quotient at divisor `won + 1` must rank strictly before the
/// `(seats - won)`-th best quotient of the other subjects, in the ranking order of
/// Article 162 (quotient, then zone votes, then divisor; a full tie would need a lot).
fn votes_for_next_seat(
    s: usize,
    won: u32,
    seats: u32,
    contestants: &[Contestant<'_>],
    entries: &[Entry],
    rules: &Rules,
) -> Option<u64> {
    let c = &contestants[s];
    if !c.eligible || won >= max_divisor(c, seats, rules) {
        return None;
    }
    let divisor = won + 1;
    let rival_index = (seats - won - 1) as usize;
    let rival = entries
        .iter()
        .filter(|e| e.subject != s)
        .nth(rival_index)?
        .quotient;
    let beats = |votes: u64| {
        Quotient::new(votes, divisor, rules.rounding).rank_cmp(&rival) == Ordering::Less
    };
    let low = c.votes.checked_add(1)?;
    if !beats(u64::MAX) {
        return None;
    }
    let guess = u128::from(divisor) * (u128::from(rival.votes) + 1);
    let mut high = u64::try_from(guess).unwrap_or(u64::MAX).max(low);
    if !beats(high) {
        high = u64::MAX;
    }
    // Invariant: beats(high); find the least v in [low, high] with beats(v).
    let mut low = low;
    while low < high {
        let mid = low + (high - low) / 2;
        if beats(mid) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some(high - c.votes)
}
