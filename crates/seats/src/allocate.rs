//! The whole election at once: a [`Tally`] of every zone, then an [`Allocator`] pass that
//! keeps every zone's result.

use crate::error::Error;
use crate::input::Election;
use crate::national::{Allocator, Tally};
use crate::outcome::{Allocation, ZoneResult};
use crate::rules::Rules;

/// Allocates the seats of `election` under `rules`.
///
/// ```
/// use per_seats::{allocate, Election, RuleSet, Rules, Zone};
///
/// let zone = Zone {
///     name: "Z".into(),
///     seats: 2,
///     valid_votes: None,
///     votes: vec![("A".into(), 999), ("B".into(), 500)],
///     independents: vec![],
///     lists: vec![],
/// };
/// let election = Election { zones: vec![zone], ..Election::default() };
/// let al2024 = allocate(&election, &Rules::of(RuleSet::Al2024)).unwrap();
/// assert_eq!(al2024.seats_in(0, "A"), 2);
/// let dhondt = allocate(&election, &Rules::of(RuleSet::Dhondt)).unwrap();
/// assert_eq!(dhondt.seats_in(0, "B"), 1);
/// ```
pub fn allocate(election: &Election, rules: &Rules) -> Result<Allocation, Error> {
    if election.zones.is_empty() {
        return Err(Error::NoZones);
    }
    let mut tally = Tally::new(election.subjects.as_deref());
    for zone in &election.zones {
        tally.zone(&zone.view())?;
    }
    for zone in &election.zones {
        tally.check_lists(&zone.view())?;
    }
    let mut allocator: Allocator = tally.finish(
        election.national_valid_votes,
        election.house_size,
        &election.lots,
        rules,
    )?;
    let mut zones = Vec::with_capacity(election.zones.len());
    for (i, zone) in election.zones.iter().enumerate() {
        let mut result = ZoneResult::default();
        allocator.zone(i, &zone.view(), &mut result)?;
        zones.push(result);
    }
    let mut allocation = allocator.finish();
    allocation.zones = zones;
    Ok(allocation)
}
