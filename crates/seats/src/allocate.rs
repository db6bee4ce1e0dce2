//! The whole election: validation, vote totals, the threshold (Article 162.1), and each zone.

use std::collections::HashMap;

use crate::article162::{allocate_zone, Contestant};
use crate::article163::allocate_list;
use crate::error::{Error, Warning, MAX_ZONE_SEATS};
use crate::input::{Election, Lot, SubjectKind};
use crate::outcome::{Allocation, SubjectTotal, ZoneResult};
use crate::rules::{Rules, ThresholdScope};

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
/// assert_eq!(al2024.zones[0].seats_of("A"), 2);
/// let dhondt = allocate(&election, &Rules::of(RuleSet::Dhondt)).unwrap();
/// assert_eq!(dhondt.zones[0].seats_of("B"), 1);
/// ```
pub fn allocate(election: &Election, rules: &Rules) -> Result<Allocation, Error> {
    if election.zones.is_empty() {
        return Err(Error::NoZones);
    }
    let declared: Option<HashMap<&str, SubjectKind>> = match &election.subjects {
        None => None,
        Some(list) => {
            let mut map = HashMap::new();
            for s in list {
                if map.insert(s.name.as_str(), s.kind).is_some() {
                    return Err(Error::DuplicateSubject {
                        zone: None,
                        subject: s.name.clone(),
                    });
                }
            }
            Some(map)
        }
    };

    // National subjects in first-seen order (declared ones first), and per-zone contestants.
    let mut totals: Vec<SubjectTotal> = Vec::new();
    // Names are looked up once per zone entry, by reference into the election.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut independent_zone: HashMap<&str, &str> = HashMap::new();
    if let Some(list) = &election.subjects {
        for s in list {
            index.insert(s.name.as_str(), totals.len());
            totals.push(SubjectTotal {
                name: s.name.clone(),
                kind: s.kind,
                votes: 0,
                seats: 0,
            });
        }
    }
    let mut warnings = Vec::new();
    let mut zone_names: HashMap<&str, usize> = HashMap::new();
    // Per national subject, the last zone it was listed in.
    let mut in_zone: Vec<usize> = vec![usize::MAX; totals.len()];
    let mut zones: Vec<(Vec<Contestant>, u64)> = Vec::with_capacity(election.zones.len());
    let mut zones_valid: u64 = 0;
    for (zi, zone) in election.zones.iter().enumerate() {
        let z = &zone.name;
        if zone_names.insert(z.as_str(), zi).is_some() {
            return Err(Error::DuplicateZone { zone: z.clone() });
        }
        if zone.seats == 0 {
            return Err(Error::ZeroSeats { zone: z.clone() });
        }
        if zone.seats > MAX_ZONE_SEATS {
            return Err(Error::TooManySeats {
                zone: z.clone(),
                seats: zone.seats,
            });
        }
        let mut contestants: Vec<Contestant> =
            Vec::with_capacity(zone.votes.len() + zone.independents.len());
        let listed = zone.votes.iter().map(|v| (v, false));
        let independents = zone.independents.iter().map(|v| (v, true));
        for ((name, votes), is_independent) in listed.chain(independents) {
            let declared_kind = declared
                .as_ref()
                .and_then(|d| d.get(name.as_str()).copied());
            let kind = match (is_independent, declared_kind) {
                (true, None | Some(SubjectKind::Independent)) => SubjectKind::Independent,
                (true, Some(_)) => {
                    return Err(Error::IndependentAlsoParty {
                        zone: z.clone(),
                        subject: name.clone(),
                    })
                }
                (false, Some(kind)) => kind,
                // law.md: "a subject not listed is a party", declared list or not.
                (false, None) => SubjectKind::Party,
            };
            let i = match index.get(name.as_str()) {
                Some(&i) => i,
                None => {
                    index.insert(name.as_str(), totals.len());
                    totals.push(SubjectTotal {
                        name: name.clone(),
                        kind,
                        votes: 0,
                        seats: 0,
                    });
                    in_zone.push(usize::MAX);
                    totals.len() - 1
                }
            };
            // A name twice in one zone: the zone's number is stamped on each name seen.
            if std::mem::replace(&mut in_zone[i], zi) == zi {
                return Err(Error::DuplicateSubject {
                    zone: Some(z.clone()),
                    subject: name.clone(),
                });
            }
            let national = &mut totals[i];
            if (national.kind == SubjectKind::Independent) != (kind == SubjectKind::Independent) {
                return Err(Error::IndependentAlsoParty {
                    zone: z.clone(),
                    subject: name.clone(),
                });
            }
            if kind == SubjectKind::Independent {
                if let Some(first) = independent_zone.insert(name.as_str(), z.as_str()) {
                    return Err(Error::IndependentInSeveralZones {
                        subject: name.clone(),
                        first: first.to_owned(),
                        second: z.clone(),
                    });
                }
            }
            national.votes = national
                .votes
                .checked_add(*votes)
                .ok_or(Error::Overflow { zone: None })?;
            contestants.push(Contestant {
                name,
                national: i,
                kind,
                votes: *votes,
                eligible: true,
            });
        }
        let listed = contestants
            .iter()
            .try_fold(0u64, |acc, c| acc.checked_add(c.votes))
            .ok_or(Error::Overflow {
                zone: Some(z.clone()),
            })?;
        let valid = zone.valid_votes.unwrap_or(listed);
        if valid < listed {
            warnings.push(Warning::ValidVotesTooSmall {
                zone: Some(z.clone()),
                declared: valid,
                listed,
            });
        }
        zones_valid = zones_valid
            .checked_add(valid)
            .ok_or(Error::Overflow { zone: None })?;
        zones.push((contestants, valid));
    }
    // Names in lists and lots must be known to the election (voted somewhere or declared).
    let unknown = |zone: &str, subject: &str, named_in: &'static str| Error::UnknownSubject {
        zone: zone.to_owned(),
        subject: subject.to_owned(),
        named_in,
    };
    for (zone, (contestants, _)) in election.zones.iter().zip(&zones) {
        for (name, _) in &zone.lists {
            if !index.contains_key(name.as_str()) {
                return Err(unknown(&zone.name, name, "a candidate list"));
            }
            if !contestants.iter().any(|c| c.name == name) {
                return Err(Error::ListWithoutVotes {
                    zone: zone.name.clone(),
                    subject: name.clone(),
                });
            }
        }
    }
    let national_valid = election.national_valid_votes.unwrap_or(zones_valid);
    if national_valid < zones_valid {
        warnings.push(Warning::ValidVotesTooSmall {
            zone: None,
            declared: national_valid,
            listed: zones_valid,
        });
    }

    // Lots by zone.
    let mut zone_lots: HashMap<&str, &Lot> = HashMap::new();
    let mut list_lots: HashMap<(&str, &str), &Lot> = HashMap::new();
    for lot in &election.lots {
        if !zone_names.contains_key(lot.zone.as_str()) {
            return Err(Error::UnknownLotZone {
                zone: lot.zone.clone(),
            });
        }
        let names = match &lot.subject {
            None => lot.order.as_slice(),
            Some(s) => core::slice::from_ref(s),
        };
        if let Some(name) = names.iter().find(|n| !index.contains_key(n.as_str())) {
            return Err(unknown(&lot.zone, name, "a lot outcome"));
        }
        match &lot.subject {
            None => zone_lots.insert(lot.zone.as_str(), lot),
            Some(s) => list_lots.insert((lot.zone.as_str(), s.as_str()), lot),
        };
    }

    // Threshold, then each zone.
    let below = |kind: SubjectKind, votes: u64, valid: u64| {
        if kind == SubjectKind::Independent && rules.independents_divisor_one {
            return false;
        }
        let pct = if kind == SubjectKind::Coalition {
            rules.coalition_threshold
        } else {
            rules.threshold
        };
        pct.is_below(votes, valid)
    };
    let nationally_out: Vec<bool> = totals
        .iter()
        .map(|t| rules.scope == ThresholdScope::National && below(t.kind, t.votes, national_valid))
        .collect();
    let mut results = Vec::with_capacity(zones.len());
    let mut ran_anywhere = vec![false; totals.len()];
    for (zone, (mut contestants, valid)) in election.zones.iter().zip(zones) {
        for c in &mut contestants {
            let i = c.national;
            c.eligible = match rules.scope {
                ThresholdScope::National => !nationally_out[i],
                ThresholdScope::Zone => !below(c.kind, c.votes, valid),
            };
            ran_anywhere[i] |= c.eligible;
        }
        let lot = zone_lots.get(zone.name.as_str()).copied();
        let seats = allocate_zone(&zone.name, zone.seats, &contestants, rules, lot)?;
        warnings.extend(seats.warnings);
        let mut lists = Vec::new();
        for (subject, list) in &zone.lists {
            let won = seats
                .subjects
                .iter()
                .find(|s| &s.name == subject)
                .map_or(0, |s| s.seats);
            let lot = list_lots
                .get(&(zone.name.as_str(), subject.as_str()))
                .copied();
            lists.push(allocate_list(
                &zone.name,
                subject,
                won,
                list,
                lot,
                &mut warnings,
            )?);
        }
        for (c, s) in contestants.iter().zip(&seats.subjects) {
            totals[c.national].seats += s.seats;
        }
        results.push(ZoneResult {
            name: zone.name.clone(),
            seats: zone.seats,
            valid_votes: valid,
            subjects: seats.subjects,
            awarded: seats.awarded,
            last_winning: seats.last_winning,
            first_losing: seats.first_losing,
            lot: seats.lot,
            half_at_boundary: seats.half_at_boundary,
            lists,
        });
    }
    let excluded = totals
        .iter()
        .zip(&ran_anywhere)
        .filter(|(t, ran)| !**ran && t.votes > 0)
        .map(|(t, _)| t.name.clone())
        .collect();
    if let Some(declared) = election.house_size {
        let zones_total = election.zones.iter().map(|z| u64::from(z.seats)).sum();
        if zones_total != u64::from(declared) {
            warnings.push(Warning::HouseSize {
                declared,
                zones_total,
            });
        }
    }
    Ok(Allocation {
        rules: *rules,
        national_valid_votes: national_valid,
        subjects: totals,
        excluded,
        zones: results,
        warnings,
    })
}
