//! What every writer keeps from zone to zone for the national part written after them: seats
//! of the zones, lots still open, official seats compared and summed.

use per_seats::{SubjectTotal, ZoneResult};

/// Totals of the zones written so far.
#[derive(Debug)]
pub(crate) struct Tracker {
    /// Seats of the zones.
    pub zone_seats: u64,
    /// Some zone awaits a drawing of lots.
    pub lot_required: bool,
    /// Official national seats: the sum over zones, while every zone gives official seats.
    pub official: Option<Vec<(String, u32)>>,
    /// Zones with official seats, and those reproduced.
    pub compared: usize,
    pub matched: usize,
}

impl Default for Tracker {
    fn default() -> Self {
        Self {
            zone_seats: 0,
            lot_required: false,
            official: Some(Vec::new()),
            compared: 0,
            matched: 0,
        }
    }
}

impl Tracker {
    /// Counts `zone` (with its `official` seats, if given); whether it reproduces them.
    pub fn zone<S: AsRef<str>>(
        &mut self,
        subjects: &[SubjectTotal],
        zone: &ZoneResult,
        official: Option<&[(S, u32)]>,
    ) -> Option<bool> {
        self.zone_seats += u64::from(zone.seats);
        self.lot_required |= zone.lot.is_some() || zone.lists.iter().any(|l| l.lot.is_some());
        let Some(official) = official else {
            self.official = None;
            return None;
        };
        if let Some(total) = &mut self.official {
            for (s, n) in official {
                match total.iter_mut().find(|(t, _)| t == s.as_ref()) {
                    Some((_, t)) => *t = t.saturating_add(*n),
                    None => total.push((s.as_ref().to_owned(), *n)),
                }
            }
        }
        let matches = matches_official(subjects, zone, official);
        self.compared += 1;
        self.matched += usize::from(matches);
        Some(matches)
    }
}

/// Whether the seats of `zone` equal the `official` ones: every official count (0 for a
/// subject that won nothing), no other subject with seats, and no seat awaiting a lot.
pub(crate) fn matches_official<S: AsRef<str>>(
    subjects: &[SubjectTotal],
    zone: &ZoneResult,
    official: &[(S, u32)],
) -> bool {
    let name = |i: usize| subjects.get(i).map_or("", |s| s.name.as_str());
    let seats_of = |subject: &str| {
        zone.subjects
            .iter()
            .find(|s| name(s.subject) == subject)
            .map_or(0, |s| s.seats)
    };
    let same_listed = official.iter().all(|(s, n)| seats_of(s.as_ref()) == *n);
    let none_extra = zone.subjects.iter().filter(|s| s.seats > 0).all(|s| {
        official
            .iter()
            .any(|(o, n)| o.as_ref() == name(s.subject) && *n == s.seats)
    });
    same_listed && none_extra && zone.lot.is_none()
}

/// The official seats of `subject` in `official` (0 when not listed).
pub(crate) fn official_of<S: AsRef<str>>(official: &[(S, u32)], subject: &str) -> u32 {
    official
        .iter()
        .find(|(n, _)| n.as_ref() == subject)
        .map_or(0, |(_, n)| *n)
}

/// The official seats of each zone of a whole document in turn: `doc.official` is in zone
/// order, so a cursor finds them without a search per zone.
pub(crate) struct OfficialCursor<'d> {
    official: &'d [(String, Vec<(String, u32)>)],
    next: usize,
}

impl<'d> OfficialCursor<'d> {
    pub fn new(doc: &'d crate::Document) -> Self {
        Self {
            official: &doc.official,
            next: 0,
        }
    }

    /// The official seats of the zone named `zone` (the next zone of the document).
    pub fn of(&mut self, zone: &str) -> Option<&'d [(String, u32)]> {
        match self.official.get(self.next) {
            Some((z, seats)) if z == zone => {
                self.next += 1;
                Some(seats)
            }
            _ => self
                .official
                .iter()
                .find(|(z, _)| z == zone)
                .map(|(_, s)| s.as_slice()),
        }
    }
}

/// `n` in decimal.
pub(crate) fn int(buf: &mut Vec<u8>, n: impl itoa::Integer) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}
