//! The election a zone at a time: a [`Tally`] of every zone first (subjects interned, national
//! totals, the checks that need no threshold), then an [`Allocator`] that allocates one
//! zone at a time into a reused [`ZoneResult`]. The national threshold (Article 162.1) needs
//! the national totals before any zone is allocated, hence the two passes; neither keeps a
//! zone once it is done, so a reader may hand over zones one by one (twice).

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use crate::article162::{allocate_zone, Contestant, Work};
use crate::article163::allocate_list;
use crate::error::{Error, Warning, MAX_ZONE_SEATS};
use crate::input::{Lot, Subject, SubjectKind, ZoneVotes};
use crate::outcome::{Allocation, SubjectTotal, ZoneResult};
use crate::rules::{Rules, ThresholdScope};

/// No zone / no subject.
const NONE: usize = usize::MAX;

/// Subject names interned: each subject once, with its national totals, found by name once
/// per zone entry (first at the position it had in the previous zone, then by hash).
#[derive(Debug, Default)]
struct Subjects {
    totals: Vec<SubjectTotal>,
    index: HashMap<String, usize>,
    /// The subject at each position of the previous zone looked up.
    recent: Vec<usize>,
}

impl Subjects {
    /// The subject named `name`, at position `at` of its zone.
    fn find(&mut self, at: usize, name: &str) -> Option<usize> {
        if let Some(&i) = self.recent.get(at) {
            if self.totals.get(i).is_some_and(|t| t.name == name) {
                return Some(i);
            }
        }
        let i = *self.index.get(name)?;
        self.remember(at, i);
        Some(i)
    }

    fn remember(&mut self, at: usize, i: usize) {
        let n = self.recent.len();
        if at < n {
            self.recent[at] = i;
        } else if at == n {
            self.recent.push(i);
        }
    }

    /// Adds a subject not seen before.
    fn add(&mut self, at: usize, name: &str, kind: SubjectKind) -> usize {
        let i = self.totals.len();
        self.index.insert(name.to_owned(), i);
        self.totals.push(SubjectTotal {
            name: name.to_owned(),
            kind,
            votes: 0,
            seats: 0,
        });
        self.remember(at, i);
        i
    }
}

/// Zone names, each once, in one string (no allocation per zone): for duplicate zones, lot
/// outcomes and messages.
#[derive(Debug, Default)]
struct ZoneNames {
    text: String,
    /// End of each zone's name in `text`.
    ends: Vec<usize>,
    /// Hash of a name → the last zone with that hash.
    heads: HashMap<u64, usize>,
    /// Per zone, the previous zone with the same hash ([`NONE`]: none).
    chain: Vec<usize>,
    hasher: RandomState,
}

impl ZoneNames {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn name(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    fn find_hashed(&self, hash: u64, name: &str) -> Option<usize> {
        let mut at = *self.heads.get(&hash)?;
        while at != NONE {
            if self.name(at) == name {
                return Some(at);
            }
            at = self.chain[at];
        }
        None
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.find_hashed(self.hasher.hash_one(name), name)
    }

    /// Adds `name` as the next zone; `Err(first)` when zone `first` already has it.
    fn insert(&mut self, name: &str) -> Result<usize, usize> {
        let hash = self.hasher.hash_one(name);
        if let Some(first) = self.find_hashed(hash, name) {
            return Err(first);
        }
        let i = self.len();
        self.text.push_str(name);
        self.ends.push(self.text.len());
        self.chain.push(self.heads.insert(hash, i).unwrap_or(NONE));
        Ok(i)
    }
}

/// The first pass over an election's zones: every subject interned (declared ones first),
/// national votes summed, and every check that does not need the threshold (duplicate zones
/// and subjects, seats, independents, overflow). Then [`Tally::finish`] gives the
/// [`Allocator`] for the second pass.
#[derive(Debug)]
pub struct Tally {
    /// A refusal of the declared subjects, given at the first zone (after "no zones").
    pending: Option<Error>,
    /// `subjects.totals[..declared]` are the declared subjects.
    declared: usize,
    subjects: Subjects,
    /// Per subject, the last zone it was listed in.
    in_zone: Vec<usize>,
    /// Per subject, the zone where it stood as an independent.
    independent_zone: Vec<usize>,
    zones: ZoneNames,
    zones_valid: u64,
    zone_seats: u64,
    /// Some zone has fewer quotients than seats, at fewest (independents divided by 1 only).
    may_fall_short: bool,
    /// Some zone has candidate lists.
    any_lists: bool,
    warnings: Vec<Warning>,
}

impl Tally {
    /// A tally with the declared subjects (`None`: none declared, every name a party unless
    /// listed as an independent).
    pub fn new(declared: Option<&[Subject]>) -> Self {
        let mut subjects = Subjects::default();
        let mut pending = None;
        for s in declared.unwrap_or_default() {
            if subjects.index.contains_key(&s.name) {
                pending = Some(Error::DuplicateSubject {
                    zone: None,
                    subject: s.name.clone(),
                });
                break;
            }
            subjects.add(NONE, &s.name, s.kind);
        }
        let n = subjects.totals.len();
        Self {
            pending,
            declared: n,
            subjects,
            in_zone: vec![NONE; n],
            independent_zone: vec![NONE; n],
            zones: ZoneNames::default(),
            zones_valid: 0,
            zone_seats: 0,
            may_fall_short: false,
            any_lists: false,
            warnings: Vec::new(),
        }
    }

    /// How many zones have been tallied.
    pub fn zones(&self) -> usize {
        self.zones.len()
    }

    /// Tallies the next zone.
    pub fn zone<S: AsRef<str>>(&mut self, zone: &ZoneVotes<'_, S>) -> Result<(), Error> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        let z = zone.name;
        let Ok(zi) = self.zones.insert(z) else {
            return Err(Error::DuplicateZone { zone: z.to_owned() });
        };
        if zone.seats == 0 {
            return Err(Error::ZeroSeats { zone: z.to_owned() });
        }
        if zone.seats > MAX_ZONE_SEATS {
            return Err(Error::TooManySeats {
                zone: z.to_owned(),
                seats: zone.seats,
            });
        }
        let mut listed: Option<u64> = Some(0);
        let mut quotients: u64 = 0;
        for (at, (name, votes, is_independent)) in zone.contestants().enumerate() {
            let found = self.subjects.find(at, name);
            let declared_kind = found
                .filter(|&i| i < self.declared)
                .map(|i| self.subjects.totals[i].kind);
            let kind = match (is_independent, declared_kind) {
                (true, None | Some(SubjectKind::Independent)) => SubjectKind::Independent,
                (true, Some(_)) => {
                    return Err(Error::IndependentAlsoParty {
                        zone: z.to_owned(),
                        subject: name.to_owned(),
                    })
                }
                (false, Some(kind)) => kind,
                // law.md: "a subject not listed is a party", declared list or not.
                (false, None) => SubjectKind::Party,
            };
            let i = match found {
                Some(i) => i,
                None => {
                    self.in_zone.push(NONE);
                    self.independent_zone.push(NONE);
                    self.subjects.add(at, name, kind)
                }
            };
            // A name twice in one zone: the zone's number is stamped on each name seen.
            if core::mem::replace(&mut self.in_zone[i], zi) == zi {
                return Err(Error::DuplicateSubject {
                    zone: Some(z.to_owned()),
                    subject: name.to_owned(),
                });
            }
            let national = &mut self.subjects.totals[i];
            if (national.kind == SubjectKind::Independent) != (kind == SubjectKind::Independent) {
                return Err(Error::IndependentAlsoParty {
                    zone: z.to_owned(),
                    subject: name.to_owned(),
                });
            }
            if kind == SubjectKind::Independent {
                let first = core::mem::replace(&mut self.independent_zone[i], zi);
                if first != NONE {
                    return Err(Error::IndependentInSeveralZones {
                        subject: name.to_owned(),
                        first: self.zones.name(first).to_owned(),
                        second: z.to_owned(),
                    });
                }
            }
            national.votes = national
                .votes
                .checked_add(votes)
                .ok_or(Error::Overflow { zone: None })?;
            listed = listed.and_then(|l| l.checked_add(votes));
            if votes > 0 {
                quotients += if kind == SubjectKind::Independent {
                    1
                } else {
                    u64::from(zone.seats)
                };
            }
        }
        self.may_fall_short |= quotients < u64::from(zone.seats);
        self.any_lists |= !zone.lists.is_empty();
        let listed = listed.ok_or(Error::Overflow {
            zone: Some(z.to_owned()),
        })?;
        let valid = zone.valid_votes.unwrap_or(listed);
        if valid < listed {
            self.warnings.push(Warning::ValidVotesTooSmall {
                zone: Some(z.to_owned()),
                declared: valid,
                listed,
            });
        }
        self.zones_valid = self
            .zones_valid
            .checked_add(valid)
            .ok_or(Error::Overflow { zone: None })?;
        self.zone_seats += u64::from(zone.seats);
        Ok(())
    }

    /// Checks the candidate lists of a tallied zone (once every zone is tallied): each must
    /// belong to a subject known to the election that has votes in the zone.
    pub fn check_lists<S: AsRef<str>>(&self, zone: &ZoneVotes<'_, S>) -> Result<(), Error> {
        for (name, _) in zone.lists {
            if !self.subjects.index.contains_key(name) {
                return Err(Error::UnknownSubject {
                    zone: zone.name.to_owned(),
                    subject: name.clone(),
                    named_in: "a candidate list",
                });
            }
            if !zone.contestants().any(|(n, _, _)| n == name) {
                return Err(Error::ListWithoutVotes {
                    zone: zone.name.to_owned(),
                    subject: name.clone(),
                });
            }
        }
        Ok(())
    }

    /// Ends the first pass: national valid votes (declared, else the zones'), the lot
    /// outcomes checked, the national threshold applied. `house_size`: the declared house
    /// size, for the warning when the zones' seats differ.
    pub fn finish(
        self,
        national_valid_votes: Option<u64>,
        house_size: Option<u32>,
        lots: &[Lot],
        rules: &Rules,
    ) -> Result<Allocator, Error> {
        if self.zones.len() == 0 {
            return Err(Error::NoZones);
        }
        if let Some(e) = self.pending {
            return Err(e);
        }
        let mut warnings = self.warnings;
        let national_valid = national_valid_votes.unwrap_or(self.zones_valid);
        if national_valid < self.zones_valid {
            warnings.push(Warning::ValidVotesTooSmall {
                zone: None,
                declared: national_valid,
                listed: self.zones_valid,
            });
        }
        let subjects = self.subjects;
        let mut zone_lots: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut list_lots: Vec<(usize, String, Lot)> = Vec::new();
        for lot in lots {
            let Some(zone) = self.zones.find(&lot.zone) else {
                return Err(Error::UnknownLotZone {
                    zone: lot.zone.clone(),
                });
            };
            let names = match &lot.subject {
                None => lot.order.as_slice(),
                Some(s) => core::slice::from_ref(s),
            };
            if let Some(name) = names.iter().find(|n| !subjects.index.contains_key(*n)) {
                return Err(Error::UnknownSubject {
                    zone: lot.zone.clone(),
                    subject: name.clone(),
                    named_in: "a lot outcome",
                });
            }
            match &lot.subject {
                None => {
                    let order = lot.order.iter().map(|n| subjects.index[n]).collect();
                    zone_lots.insert(zone, order);
                }
                Some(s) => {
                    list_lots.retain(|(z, subject, _)| !(*z == zone && subject == s));
                    list_lots.push((zone, s.clone(), lot.clone()));
                }
            }
        }
        let below = |kind, votes, valid| below(rules, kind, votes, valid);
        let nationally_out: Vec<bool> = subjects
            .totals
            .iter()
            .map(|t| {
                rules.scope == ThresholdScope::National && below(t.kind, t.votes, national_valid)
            })
            .collect();
        let n = subjects.totals.len();
        let nationally_out: Vec<bool> = nationally_out;
        // A zone can be refused only for too few quotients, a lot or a list.
        let none_out = match rules.scope {
            ThresholdScope::National => !nationally_out.contains(&true),
            ThresholdScope::Zone => {
                rules.threshold.is_zero() && rules.coalition_threshold.is_zero()
            }
        };
        let may_refuse =
            self.may_fall_short || !none_out || self.any_lists || !zone_lots.is_empty();
        Ok(Allocator {
            may_refuse,
            rules: *rules,
            national_valid,
            subjects,
            nationally_out,
            ran_anywhere: vec![false; n],
            zone_lots,
            list_lots,
            warnings,
            house: house_size.map(|h| (h, self.zone_seats)),
            contestants: Vec::new(),
            work: Work::default(),
            scratch: ZoneResult::default(),
        })
    }
}

/// Whether a subject of `kind` with `votes` is below the threshold of `valid` votes.
fn below(rules: &Rules, kind: SubjectKind, votes: u64, valid: u64) -> bool {
    if kind == SubjectKind::Independent && rules.independents_divisor_one {
        return false;
    }
    let pct = if kind == SubjectKind::Coalition {
        rules.coalition_threshold
    } else {
        rules.threshold
    };
    pct.is_below(votes, valid)
}

/// The second pass: allocates the tallied zones one at a time (each by its number in the
/// tally, in any order, any number of times), adding the seats to the national totals.
#[derive(Debug)]
pub struct Allocator {
    /// Whether [`Allocator::check`] can refuse some zone.
    may_refuse: bool,
    rules: Rules,
    national_valid: u64,
    subjects: Subjects,
    nationally_out: Vec<bool>,
    /// Per subject: eligible in some zone allocated so far.
    ran_anywhere: Vec<bool>,
    /// Lot outcomes between subjects, by zone number: the subjects in the order drawn.
    zone_lots: HashMap<usize, Vec<usize>>,
    /// Lot outcomes between candidates: zone number, subject, lot.
    list_lots: Vec<(usize, String, Lot)>,
    warnings: Vec<Warning>,
    /// Declared house size and the zones' seats.
    house: Option<(u32, u64)>,
    contestants: Vec<Contestant>,
    work: Work,
    /// The result [`Allocator::check`] fills and forgets.
    scratch: ZoneResult,
}

impl Allocator {
    /// The readings used.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// National valid votes used for the threshold.
    pub fn national_valid_votes(&self) -> u64 {
        self.national_valid
    }

    /// The national table: every subject (the indices of the results), its votes, and the
    /// seats of the zones allocated so far.
    pub fn subjects(&self) -> &[SubjectTotal] {
        &self.subjects.totals
    }

    /// Allocates zone number `index` of the tally (`zone`: the same zone again) into `out`,
    /// whose vectors are reused, and adds its seats to the national totals.
    pub fn zone<S: AsRef<str>>(
        &mut self,
        index: usize,
        zone: &ZoneVotes<'_, S>,
        out: &mut ZoneResult,
    ) -> Result<(), Error> {
        let mut warnings = core::mem::take(&mut self.warnings);
        let done = self.run(index, zone, out, &mut warnings);
        self.warnings = warnings;
        done?;
        for c in &self.contestants {
            self.ran_anywhere[c.subject] |= c.eligible;
        }
        for s in &out.subjects {
            self.subjects.totals[s.subject].seats += s.seats;
        }
        Ok(())
    }

    /// [`Allocator::zone`] without adding anything to the national totals or warnings: a
    /// zone's result once more (for a second look at the zones, as `--explain` takes).
    pub fn result<S: AsRef<str>>(
        &mut self,
        index: usize,
        zone: &ZoneVotes<'_, S>,
        out: &mut ZoneResult,
    ) -> Result<(), Error> {
        self.run(index, zone, out, &mut Vec::new())
    }

    /// False when no zone can be refused (every zone has quotients for its seats whoever
    /// is eligible, no lot outcome, no candidate list): [`Allocator::check`] would pass
    /// every zone, and a caller may skip it.
    pub fn may_refuse(&self) -> bool {
        self.may_refuse
    }

    /// Whether [`Allocator::zone`] would allocate zone number `index`, without keeping
    /// anything: for a caller that must refuse an election before writing any of it.
    pub fn check<S: AsRef<str>>(
        &mut self,
        index: usize,
        zone: &ZoneVotes<'_, S>,
    ) -> Result<(), Error> {
        self.contest(zone)?;
        if zone.lists.is_empty() && !self.zone_lots.contains_key(&index) {
            // Nothing but the count of quotients can refuse the zone (see `award`).
            let total: usize = self
                .contestants
                .iter()
                .filter(|c| c.eligible && c.votes > 0)
                .map(|c| {
                    if c.kind == SubjectKind::Independent && self.rules.independents_divisor_one {
                        1
                    } else {
                        zone.seats as usize
                    }
                })
                .sum();
            if total < zone.seats as usize {
                return Err(Error::TooFewQuotients {
                    zone: zone.name.to_owned(),
                    quotients: total,
                    seats: zone.seats,
                });
            }
            return Ok(());
        }
        let mut scratch = core::mem::take(&mut self.scratch);
        let done = self.run(index, zone, &mut scratch, &mut Vec::new());
        self.scratch = scratch;
        done
    }

    /// The zone's contestants (with eligibility) into `self.contestants`; its valid votes.
    fn contest<S: AsRef<str>>(&mut self, zone: &ZoneVotes<'_, S>) -> Result<u64, Error> {
        self.contestants.clear();
        let mut listed: u64 = 0;
        for (at, (name, votes, _)) in zone.contestants().enumerate() {
            let Some(subject) = self.subjects.find(at, name) else {
                return Err(Error::UnknownSubject {
                    zone: zone.name.to_owned(),
                    subject: name.to_owned(),
                    named_in: "the votes of a zone not tallied",
                });
            };
            listed = listed.saturating_add(votes);
            self.contestants.push(Contestant {
                subject,
                kind: self.subjects.totals[subject].kind,
                votes,
                eligible: true,
            });
        }
        let valid = zone.valid_votes.unwrap_or(listed);
        for c in &mut self.contestants {
            c.eligible = match self.rules.scope {
                ThresholdScope::National => !self.nationally_out[c.subject],
                ThresholdScope::Zone => !below(&self.rules, c.kind, c.votes, valid),
            };
        }
        Ok(valid)
    }

    fn run<S: AsRef<str>>(
        &mut self,
        index: usize,
        zone: &ZoneVotes<'_, S>,
        out: &mut ZoneResult,
        warnings: &mut Vec<Warning>,
    ) -> Result<(), Error> {
        let valid = self.contest(zone)?;
        let lot = self.zone_lots.get(&index).map(Vec::as_slice);
        out.name.clear();
        out.name.push_str(zone.name);
        out.seats = zone.seats;
        out.valid_votes = valid;
        allocate_zone(
            zone.name,
            zone.seats,
            &self.contestants,
            &self.rules,
            lot,
            &self.subjects.totals,
            &mut self.work,
            out,
            warnings,
        )?;
        out.lists.clear();
        for (subject, list) in zone.lists {
            let i = self.subjects.index.get(subject).copied().unwrap_or(NONE);
            let won = out.seats_of(i);
            let lot = self
                .list_lots
                .iter()
                .find(|(z, s, _)| *z == index && s == subject)
                .map(|(_, _, lot)| lot);
            out.lists.push(allocate_list(
                zone.name, subject, i, won, list, lot, warnings,
            )?);
        }
        Ok(())
    }

    /// The national result of the zones allocated so far (by [`Allocator::zone`]): the
    /// national totals, the excluded subjects and every warning; its `zones` is empty (the
    /// zones were handed out one at a time). [`Allocator::finish`] without the copies.
    pub fn national(&self) -> Allocation {
        self.summary(self.subjects.totals.clone(), self.warnings.clone())
    }

    /// [`Allocator::national`], ending the allocation.
    pub fn finish(mut self) -> Allocation {
        let subjects = core::mem::take(&mut self.subjects.totals);
        let warnings = core::mem::take(&mut self.warnings);
        self.summary(subjects, warnings)
    }

    fn summary(&self, subjects: Vec<SubjectTotal>, mut warnings: Vec<Warning>) -> Allocation {
        let excluded = subjects
            .iter()
            .zip(&self.ran_anywhere)
            .enumerate()
            .filter(|(_, (t, ran))| !**ran && t.votes > 0)
            .map(|(i, _)| i)
            .collect();
        if let Some((declared, zones_total)) = self.house {
            if zones_total != u64::from(declared) {
                warnings.push(Warning::HouseSize {
                    declared,
                    zones_total,
                });
            }
        }
        Allocation {
            rules: self.rules,
            national_valid_votes: self.national_valid,
            subjects,
            excluded,
            zones: Vec::new(),
            warnings,
        }
    }
}
