//! Sensitivity of each seat: the fewest votes whose change in the zone takes the seat from
//! the subject that won it.

use crate::article162::{award, Contestant, Work};
use crate::error::Error;
use crate::input::{Election, Lot};
use crate::outcome::{Allocation, SubjectTotal, ZoneResult};
use crate::rules::Rules;

/// The change of votes that takes a seat away (subjects are indices into the national table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flip {
    /// Votes added to subject `to` (a new voter, or one who did not vote).
    Add {
        /// The subject given the votes.
        to: usize,
    },
    /// Votes moved from the seat's holder to subject `to` (a voter changing side).
    Move {
        /// The subject the votes go to.
        to: usize,
    },
}

/// How firmly one seat is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatSensitivity {
    /// The seat's place in the zone's ranking, 1-based.
    pub place: u32,
    /// The subject that won it (an index into the national table).
    pub subject: usize,
    /// Which of the subject's seats in the zone it is (1 = its first).
    pub nth: u32,
    /// The fewest votes, and how, that leave the subject with fewer than `nth` seats won
    /// outright; `None` when no change of votes in the zone can (a lone subject).
    pub flip: Option<(u64, Flip)>,
}

/// The sensitivity of every seat won in zone `zone` (an index into `allocation.zones`):
/// for the seat that is the `nth` of subject S, the least `m` such that adding `m` votes to
/// one other subject, or moving `m` votes from S to one other subject, leaves S fewer than
/// `nth` seats won outright (a seat that would need a new drawing of lots counts as lost).
///
/// Exact under `rules` (rounding, ranking, independents), with every subject's eligibility
/// as in `allocation`: the threshold is not measured again with the changed votes, as for
/// [`crate::SubjectResult::votes_for_next_seat`].
pub fn sensitivity(
    election: &Election,
    rules: &Rules,
    allocation: &Allocation,
    zone: usize,
) -> Result<Vec<SeatSensitivity>, Error> {
    let Some(result) = allocation.zones.get(zone) else {
        return Ok(Vec::new());
    };
    let lot = election
        .lots
        .iter()
        .find(|l| l.zone == result.name && l.subject.is_none());
    Ok(zone_sensitivity(rules, &allocation.subjects, result, lot))
}

/// [`sensitivity`] of one zone's `result`, as an [`crate::Allocator`] gave it: `subjects`
/// is the national table, `lot` the zone's lot outcome between subjects, if any.
pub fn zone_sensitivity(
    rules: &Rules,
    subjects: &[SubjectTotal],
    result: &ZoneResult,
    lot: Option<&Lot>,
) -> Vec<SeatSensitivity> {
    let order: Option<Vec<usize>> = lot.map(|l| {
        l.order
            .iter()
            .filter_map(|n| subjects.iter().position(|s| s.name == *n))
            .collect()
    });
    let base = contestants(result);
    let mut trial = base.clone();
    let mut work = Work::default();
    let mut seen = vec![0u32; base.len()];
    let mut out = Vec::with_capacity(result.awarded.len());
    for seat in &result.awarded {
        let Some(s) = base.iter().position(|c| c.subject == seat.subject) else {
            continue;
        };
        seen[s] += 1;
        let nth = seen[s];
        let mut best: Option<(u64, Flip)> = None;
        for t in (0..base.len()).filter(|&t| t != s) {
            let to = base[t].subject;
            for add in [false, true] {
                // Moving from S: at most all of S's votes. Adding to T: enough that each
                // of T's quotients up to the zone's seats beats S's, or none.
                let high = if add {
                    let enough = u128::from(base[s].votes) * u128::from(result.seats + 1)
                        / u128::from(nth)
                        + u128::from(result.seats)
                        + 1;
                    u64::try_from(enough).unwrap_or(u64::MAX)
                } else {
                    base[s].votes
                };
                // Whether S keeps fewer than `nth` seats once `m` votes change (one copy of
                // the code for both changes: the results viewer links it).
                let mut flips = |m: u64| {
                    if !add {
                        trial[s].votes = base[s].votes - m;
                    }
                    trial[t].votes = base[t].votes.saturating_add(m);
                    let lost = match award(
                        &result.name,
                        result.seats,
                        &trial,
                        rules,
                        order.as_deref(),
                        subjects,
                        &mut work,
                    ) {
                        Ok(_) => work.seats_of(s) < nth as usize,
                        Err(_) => true,
                    };
                    trial[s].votes = base[s].votes;
                    trial[t].votes = base[t].votes;
                    lost
                };
                let flip = if add {
                    Flip::Add { to }
                } else {
                    Flip::Move { to }
                };
                if let Some(m) = least(high, &mut flips) {
                    if best.as_ref().is_none_or(|(b, _)| m < *b) {
                        best = Some((m, flip));
                    }
                }
            }
        }
        out.push(SeatSensitivity {
            place: seat.place,
            subject: seat.subject,
            nth,
            flip: best,
        });
    }
    out
}

/// The zone's contestants as the allocation saw them.
fn contestants(zone: &ZoneResult) -> Vec<Contestant> {
    zone.subjects
        .iter()
        .map(|s| Contestant {
            subject: s.subject,
            kind: s.kind,
            votes: s.votes,
            eligible: s.eligible,
        })
        .collect()
}

/// The least `m` in `1..=high` with `flips(m)`, for a `flips` false then true as `m`
/// grows; `None` when even `high` does not flip.
fn least(high: u64, flips: &mut dyn FnMut(u64) -> bool) -> Option<u64> {
    if high == 0 || !flips(high) {
        return None;
    }
    let (mut low, mut high) = (1, high);
    while low < high {
        let mid = low + (high - low) / 2;
        if flips(mid) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some(high)
}
