//! Sensitivity of each seat: the fewest votes whose change in the zone takes the seat from
//! the subject that won it.

use crate::article162::{award, Contestant};
use crate::error::Error;
use crate::input::Election;
use crate::outcome::{Allocation, ZoneResult};
use crate::rules::Rules;

/// The change of votes that takes a seat away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flip {
    /// Votes added to subject `to` (a new voter, or one who did not vote).
    Add {
        /// The subject given the votes.
        to: String,
    },
    /// Votes moved from the seat's holder to subject `to` (a voter changing side).
    Move {
        /// The subject the votes go to.
        to: String,
    },
}

/// How firmly one seat is held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatSensitivity {
    /// The seat's place in the zone's ranking, 1-based.
    pub place: u32,
    /// The subject that won it.
    pub subject: String,
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
    let base = contestants(result);
    let mut trial = base.clone();
    let mut seen = vec![0u32; base.len()];
    let mut out = Vec::with_capacity(result.awarded.len());
    for seat in &result.awarded {
        let Some(s) = base.iter().position(|c| c.name == seat.subject) else {
            continue;
        };
        seen[s] += 1;
        let nth = seen[s];
        // Whether S keeps fewer than `nth` seats once the votes are `trial`.
        let loses =
            |trial: &[Contestant]| match award(&result.name, result.seats, trial, rules, lot) {
                Ok(a) => a.seats_of(s) < nth as usize,
                Err(_) => true,
            };
        let mut best: Option<(u64, Flip)> = None;
        for t in (0..base.len()).filter(|&t| t != s) {
            // Moving from S: at most all of S's votes.
            let moved = least(base[s].votes, |m| {
                trial[s].votes = base[s].votes - m;
                trial[t].votes = base[t].votes.saturating_add(m);
                let lost = loses(&trial);
                trial[s].votes = base[s].votes;
                trial[t].votes = base[t].votes;
                lost
            });
            // Adding to T: enough that each of T's quotients up to the zone's seats beats
            // S's, or none.
            let enough = u128::from(base[s].votes) * u128::from(result.seats + 1) / u128::from(nth)
                + u128::from(result.seats)
                + 1;
            let added = least(u64::try_from(enough).unwrap_or(u64::MAX), |m| {
                trial[t].votes = base[t].votes.saturating_add(m);
                let lost = loses(&trial);
                trial[t].votes = base[t].votes;
                lost
            });
            let to = || base[t].name.to_owned();
            for (m, flip) in [
                (moved, Flip::Move { to: to() }),
                (added, Flip::Add { to: to() }),
            ] {
                if let Some(m) = m {
                    if best.as_ref().is_none_or(|(b, _)| m < *b) {
                        best = Some((m, flip));
                    }
                }
            }
        }
        out.push(SeatSensitivity {
            place: seat.place,
            subject: seat.subject.clone(),
            nth,
            flip: best,
        });
    }
    Ok(out)
}

/// The zone's contestants as the allocation saw them.
fn contestants(zone: &ZoneResult) -> Vec<Contestant<'_>> {
    zone.subjects
        .iter()
        .enumerate()
        .map(|(i, s)| Contestant {
            name: &s.name,
            national: i,
            kind: s.kind,
            votes: s.votes,
            eligible: s.eligible,
        })
        .collect()
}

/// The least `m` in `1..=high` with `flips(m)`, for a `flips` false then true as `m`
/// grows; `None` when even `high` does not flip.
fn least(high: u64, mut flips: impl FnMut(u64) -> bool) -> Option<u64> {
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
