//! A parsed input file: the engine's election plus what the engine does not need
//! (name, rule set named in the file, official seats for comparison).

use per_seats::{Allocation, Election, Error, RuleSet};

use crate::out::matches_official;

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The JSON interchange format of the law specification.
    Json,
    /// One row per zone and subject (see the crate README).
    Csv,
}

/// An election file, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// `name` of the election, if given.
    pub name: Option<String>,
    /// `rules` named in the file (the command line's `--rules` wins).
    pub rules: Option<RuleSet>,
    /// The election for the engine.
    pub election: Election,
    /// `official_seats` per zone, when given: `(zone, [(subject, seats)])`.
    pub official: Vec<(String, Vec<(String, u32)>)>,
}

impl Document {
    /// Refuses official seats for a subject unknown to the election (no votes entry in any
    /// zone, not declared): a name the result could never be compared with.
    pub fn check_official(&self) -> Result<(), Error> {
        let e = &self.election;
        let known = |name: &str| {
            e.subjects.iter().flatten().any(|s| s.name == name)
                || e.zones.iter().any(|z| {
                    z.votes
                        .iter()
                        .chain(&z.independents)
                        .any(|(s, _)| s == name)
                })
        };
        for (zone, seats) in &self.official {
            if let Some((subject, _)) = seats.iter().find(|(s, _)| !known(s)) {
                return Err(Error::UnknownSubject {
                    zone: zone.clone(),
                    subject: subject.clone(),
                    named_in: "official seats",
                });
            }
        }
        Ok(())
    }

    /// The official seats of `zone`, if the file gives them.
    pub fn official_of(&self, zone: &str) -> Option<&[(String, u32)]> {
        self.official
            .iter()
            .find(|(z, _)| z == zone)
            .map(|(_, s)| s.as_slice())
    }

    /// Whether the computed seats of `zone` equal the official ones (`None`: none given).
    pub fn matches_official(&self, allocation: &Allocation, zone: &str) -> Option<bool> {
        let official = self.official_of(zone)?;
        let computed = allocation.zones.iter().find(|z| z.name == zone)?;
        Some(matches_official(&allocation.subjects, computed, official))
    }

    /// Official national seats: the sum over zones, when every zone gives official seats.
    pub fn official_national(&self, allocation: &Allocation) -> Option<Vec<(String, u32)>> {
        let mut total: Vec<(String, u32)> = Vec::new();
        for zone in &allocation.zones {
            for (s, n) in self.official_of(&zone.name)? {
                match total.iter_mut().find(|(t, _)| t == s) {
                    Some((_, t)) => *t = t.saturating_add(*n),
                    None => total.push((s.clone(), *n)),
                }
            }
        }
        Some(total)
    }
}
