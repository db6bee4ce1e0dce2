//! Article 162 in one zone: quotients, ranking, ties at the last seat, lots, and explanations.
//!
//! Subjects are indices (into the election's national table); the vectors of a zone's
//! ranking live in a [`Work`] that the next zone reuses, so a warm allocation allocates
//! nothing but what its result keeps.

use core::cmp::Ordering;

use crate::error::{Error, Warning};
use crate::input::SubjectKind;
use crate::outcome::{LotRequired, Ranked, SubjectResult, SubjectTotal, ZoneResult};
use crate::quotient::Quotient;
use crate::rules::{Rounding, Rules};

/// A subject as the zone allocation sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Contestant {
    /// Index of the subject among the election's national totals.
    pub subject: usize,
    pub kind: SubjectKind,
    pub votes: u64,
    pub eligible: bool,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Index into the zone's contestants.
    contestant: usize,
    quotient: Quotient,
}

/// A contestant's next quotient in the merge of [`ranking`].
#[derive(Debug, Clone, Copy)]
struct Head {
    /// Index into the zone's contestants.
    contestant: usize,
    votes: u64,
    divisor: u32,
    /// The last divisor it may have (0: none).
    last: u32,
    /// The rounded quotient at `divisor` (rounding on).
    rounded: u64,
}

impl Head {
    /// Whether this quotient comes before `other` in the merge: it ranks before it
    /// (Article 162: larger quotient, then more zone votes, then smaller divisor, as
    /// [`Quotient::rank_cmp`] but with no division: exact quotients compared by
    /// cross-multiplication), or it ties fully and its contestant is listed first.
    #[inline(always)]
    fn before(&self, other: &Self, exact: bool) -> bool {
        if exact {
            let mine = u128::from(self.votes) * u128::from(other.divisor);
            let theirs = u128::from(other.votes) * u128::from(self.divisor);
            if mine != theirs {
                return mine > theirs;
            }
        } else if self.rounded != other.rounded {
            return self.rounded > other.rounded;
        }
        if self.votes != other.votes {
            return self.votes > other.votes;
        }
        if self.divisor != other.divisor {
            return self.divisor < other.divisor;
        }
        self.contestant < other.contestant
    }
}

/// The vectors of one zone's ranking, kept for the next zone.
#[derive(Debug, Default)]
pub(crate) struct Work {
    /// Per contestant: its next quotient.
    heads: Vec<Head>,
    /// Quotients in ranking order, as far as the explanations look (see [`ranking`]).
    entries: Vec<Entry>,
    /// The seats given: (place, quotient, by lot), in ranking order.
    awarded: Vec<(usize, Entry, bool)>,
    /// A lot's order of the tied quotients: (place in the lot, quotient).
    drawn: Vec<(usize, Entry)>,
    /// Seats per contestant.
    won: Vec<u32>,
}

impl Work {
    /// Seats won by contestant `c` in the last [`award`] (seats awaiting a lot not counted).
    pub(crate) fn seats_of(&self, c: usize) -> usize {
        self.awarded
            .iter()
            .filter(|(_, e, _)| e.contestant == c)
            .count()
    }
}

/// What [`award`] decides besides the seats (which stay in its [`Work`]).
#[derive(Debug)]
pub(crate) struct Award {
    /// Seats awaiting a drawing of lots: their number and the tied subjects.
    pub lot_required: Option<LotRequired<usize>>,
    /// A lot was given but no tie needed it.
    pub unused_lot: bool,
}

fn max_divisor(c: &Contestant, seats: u32, rules: &Rules) -> u32 {
    if c.kind == SubjectKind::Independent && rules.independents_divisor_one {
        1
    } else {
        seats
    }
}

/// Ranks the quotients of `contestants` in zone `zone` and gives its `seats` (Article 162,
/// points 2-5): the ranking alone, or a lot's order (`lot`: subjects in the order drawn)
/// for a tie across the last seat. `names` is the national table, for messages.
pub(crate) fn award(
    zone: &str,
    seats: u32,
    contestants: &[Contestant],
    rules: &Rules,
    lot: Option<&[usize]>,
    names: &[SubjectTotal],
    work: &mut Work,
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
    ranking(seats, contestants, rules, work);
    let entries = &work.entries;
    let awarded = &mut work.awarded;
    awarded.clear();
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
            Some(order) => {
                let drawn = &mut work.drawn;
                drawn.clear();
                for e in class {
                    let subject = contestants[e.contestant].subject;
                    let pos = order.iter().position(|&o| o == subject).ok_or_else(|| {
                        Error::LotMismatch {
                            zone: zone.to_owned(),
                            subject: None,
                            missing: names.get(subject).map_or("", |s| &s.name).to_owned(),
                        }
                    })?;
                    drawn.push((pos, *e));
                }
                drawn.sort_by_key(|(pos, _)| *pos);
                for (k, (_, e)) in drawn.iter().take(contested).enumerate() {
                    awarded.push((lo + k, *e, true));
                }
            }
            None => {
                lot_required = Some(LotRequired {
                    seats: contested as u32,
                    contenders: class
                        .iter()
                        .map(|e| contestants[e.contestant].subject)
                        .collect(),
                });
            }
        }
    } else {
        awarded.extend(entries[..n].iter().enumerate().map(|(i, e)| (i, *e, false)));
        unused_lot = lot.is_some();
    }
    Ok(Award {
        lot_required,
        unused_lot,
    })
}

/// The quotients of the eligible `contestants` with votes, best first in the ranking order
/// of Article 162, as far as the zone's explanations look: the first `seats + 1`, then the
/// whole class tied with the last seat, then (when rounding) every quotient whose rounding
/// could reach the boundary. Every subject's next-seat rival is among them: the other
/// subjects hold the seats it does not, inside the first `seats` or the tied class.
///
/// Each subject's quotients are already in ranking order (divisor 1, 2, …), so this is a
/// merge of one short list per subject, not a sort of them all; on equal rank the subject
/// listed first comes first, as a stable sort of all the quotients would give.
fn ranking(seats: u32, contestants: &[Contestant], rules: &Rules, work: &mut Work) {
    let exact = rules.rounding == Rounding::None;
    // With `speed`, one merge for exact quotients and one for rounded ones, each with its
    // comparison fixed; without, one merge that asks.
    #[cfg(feature = "speed")]
    if exact {
        merge(seats, contestants, rules, work, true);
    } else {
        merge(seats, contestants, rules, work, false);
    }
    #[cfg(not(feature = "speed"))]
    merge(seats, contestants, rules, work, exact);
}

/// [`ranking`] with exact quotients or rounded ones.
#[cfg_attr(feature = "speed", inline(always))]
fn merge(seats: u32, contestants: &[Contestant], rules: &Rules, work: &mut Work, exact: bool) {
    let n = seats as usize;
    let Work { heads, entries, .. } = work;
    let rounding = rules.rounding;
    let rounded = |votes: u64, divisor: u32| {
        if exact {
            0
        } else {
            Quotient::new(votes, divisor, rounding).rounded.unwrap_or(0)
        }
    };
    // The heads with a quotient left, kept in merge order: the next entry is the first;
    // taking it, its next quotient goes to its place, found by halving (a few comparisons,
    // not a scan of all).
    heads.clear();
    entries.clear();
    for (i, c) in contestants.iter().enumerate() {
        let last = if c.eligible && c.votes > 0 {
            max_divisor(c, seats, rules)
        } else {
            0
        };
        if last == 0 {
            continue;
        }
        let head = Head {
            contestant: i,
            votes: c.votes,
            divisor: 1,
            last,
            rounded: rounded(c.votes, 1),
        };
        let at = heads.partition_point(|h| h.before(&head, exact));
        heads.insert(at, head);
    }
    while let Some(&first) = heads.first() {
        let q = if exact {
            Quotient::exact(first.votes, first.divisor)
        } else {
            Quotient::new(first.votes, first.divisor, rounding)
        };
        if entries.len() > n {
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
            contestant: first.contestant,
            quotient: q,
        });
        if first.divisor >= first.last {
            heads.remove(0);
            continue;
        }
        let mut next = first;
        next.divisor += 1;
        next.rounded = rounded(next.votes, next.divisor);
        // Its place among the others, by halving; those before it move up one.
        let at = heads[1..].partition_point(|h| h.before(&next, exact));
        heads.copy_within(1..=at, 0);
        heads[at] = next;
    }
}

/// Allocates the `seats` of zone `zone` among `contestants` (Article 162, points 2-5) into
/// `out` (its subjects, seats awarded, boundary quotients, lot and .5 roundings; the caller
/// sets name, seats, valid votes and lists), with the data that explains the result.
#[allow(clippy::too_many_arguments)]
pub(crate) fn allocate_zone(
    zone: &str,
    seats: u32,
    contestants: &[Contestant],
    rules: &Rules,
    lot: Option<&[usize]>,
    names: &[SubjectTotal],
    work: &mut Work,
    out: &mut ZoneResult,
    warnings: &mut Vec<Warning>,
) -> Result<(), Error> {
    let Award {
        lot_required,
        unused_lot,
    } = award(zone, seats, contestants, rules, lot, names, work)?;
    let n = seats as usize;
    let ranked = |place: usize, e: &Entry, by_lot: bool| Ranked {
        place: place as u32 + 1,
        subject: contestants[e.contestant].subject,
        quotient: e.quotient,
        by_lot,
    };
    if unused_lot {
        warnings.push(Warning::UnusedLot {
            zone: zone.to_owned(),
            subject: None,
        });
    }
    let Work {
        entries,
        awarded,
        won,
        ..
    } = work;
    won.clear();
    won.resize(contestants.len(), 0);
    for (_, e, _) in awarded.iter() {
        won[e.contestant] += 1;
    }
    out.subjects.clear();
    out.subjects
        .extend(contestants.iter().enumerate().map(|(i, c)| SubjectResult {
            subject: c.subject,
            kind: c.kind,
            votes: c.votes,
            eligible: c.eligible,
            seats: won[i],
            votes_for_next_seat: votes_for_next_seat(i, won[i], seats, contestants, entries, rules),
        }));

    let last = entries[n - 1];
    let first_out = entries.get(n).copied();
    out.half_at_boundary.clear();
    if let (Rounding::HalfUp | Rounding::HalfEven, Some(first_out)) = (rules.rounding, first_out) {
        let top = last.quotient.rounded.unwrap_or(0);
        let bottom = first_out.quotient.rounded.unwrap_or(0);
        out.half_at_boundary.extend(
            entries
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    let floor = e.quotient.floor();
                    e.quotient.half && floor <= bottom && floor + 1 >= top
                })
                .map(|(i, e)| ranked(i, e, false)),
        );
    }
    out.awarded.clear();
    out.awarded
        .extend(awarded.iter().map(|(i, e, by_lot)| ranked(*i, e, *by_lot)));
    out.last_winning = Some(ranked(n - 1, &last, false));
    out.first_losing = first_out.map(|e| ranked(n, &e, false));
    out.lot = lot_required;
    Ok(())
}

/// The minimum additional zone votes for contestant `s` (holding `won` seats) to win one
/// more seat outright: its quotient at divisor `won + 1` must rank strictly before the
/// `(seats - won)`-th best quotient of the other subjects, in the ranking order of
/// Article 162 (quotient, then zone votes, then divisor; a full tie would need a lot).
fn votes_for_next_seat(
    s: usize,
    won: u32,
    seats: u32,
    contestants: &[Contestant],
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
        .filter(|e| e.contestant != s)
        .nth(rival_index)?
        .quotient;
    // `beats` is monotone in the votes: more votes, a quotient no smaller and more votes.
    let beats = |votes: u64| {
        Quotient::new(votes, divisor, rules.rounding).rank_cmp(&rival) == Ordering::Less
    };
    let low = c.votes.checked_add(1)?;
    #[cfg(feature = "speed")]
    let (mut low, mut high) = match near(divisor, &rival, rules, low) {
        Near::Found(v) => return Some(v - c.votes),
        Near::Between(a, b) => (a, b),
        Near::Anywhere => {
            if !beats(u64::MAX) {
                return None;
            }
            (low, u64::MAX)
        }
    };
    #[cfg(not(feature = "speed"))]
    let (mut low, mut high) = {
        if !beats(u64::MAX) {
            return None;
        }
        (low, u64::MAX)
    };
    // Invariant: beats(high), and nothing below `low` beats; find the least v with beats(v).
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

/// Where the least winning vote count of [`votes_for_next_seat`] lies, found without a search
/// over all counts (`speed`).
#[cfg(feature = "speed")]
enum Near {
    /// The count itself (exact quotients: a formula, checked against the ranking).
    Found(u64),
    /// Between these counts (rounded quotients: within a divisor or two of the crossing).
    Between(u64, u64),
    /// Anywhere from `low` up.
    Anywhere,
}

/// [`Near`] for a quotient at `divisor` against `rival`, from at least `low` votes.
#[cfg(feature = "speed")]
fn near(divisor: u32, rival: &Quotient, rules: &Rules, low: u64) -> Near {
    let beats =
        |v: u64| Quotient::new(v, divisor, rules.rounding).rank_cmp(rival) == Ordering::Less;
    // Exact quotients compared by cross-multiplication, with no division.
    let beats_exactly = |v: u64| {
        let (w, d) = (u128::from(v), u128::from(divisor));
        let (rv, rd) = (u128::from(rival.votes), u128::from(rival.divisor));
        (w * rd)
            .cmp(&(rv * d))
            .then(v.cmp(&rival.votes))
            .then(rival.divisor.cmp(&divisor))
            == Ordering::Greater
    };
    // `rival.votes × divisor / rival.divisor` and whether it divides evenly, in 64 bits when
    // the product fits (a 128-bit division is a slow library call).
    let product = u128::from(rival.votes) * u128::from(divisor);
    let (cross, even) = match u64::try_from(product) {
        Ok(p) => {
            let rd = u64::from(rival.divisor);
            (u128::from(p / rd), p % rd == 0)
        }
        Err(_) => {
            let rd = u128::from(rival.divisor);
            (product / rd, product % rd == 0)
        }
    };
    if rules.rounding == Rounding::None {
        // v / divisor beats rv / rd when v × rd > rv × divisor, or equals it with more votes
        // (v > rv), or with as many and a smaller divisor.
        let rv = u128::from(rival.votes);
        let at_cross = even && (cross > rv || (cross == rv && divisor < rival.divisor));
        let least = if at_cross { cross } else { cross + 1 };
        if let Ok(v) = u64::try_from(least) {
            let v = v.max(low);
            if beats_exactly(v) && (v == low || !beats_exactly(v - 1)) {
                return Near::Found(v);
            }
        }
    }
    // Rounding moves either quotient by at most a half: the answer lies within a divisor or
    // two of the crossing, when the bracket holds it.
    let span = 2 * u128::from(divisor) + 2;
    let clamp = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
    let a = clamp(cross.saturating_sub(span)).max(low);
    let b = clamp(cross + span).max(a);
    if beats(b) && (a == low || !beats(a - 1)) {
        Near::Between(a, b)
    } else {
        Near::Anywhere
    }
}
