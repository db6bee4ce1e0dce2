//! What every writer keeps from zone to zone for the national part written after them: seats
//! of the zones, lots still open, official seats compared and summed.

use per_seats::{SubjectTotal, ZoneResult};

/// A writer hands its text on once it holds this much: as much as the command line's
/// buffered stdout holds, which then writes it straight through instead of copying it.
pub(crate) const FLUSH: usize = 1 << 16;

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

/// Two digits per entry: `00` to `99`.
const DIGITS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// `n` in decimal, appended to `buf`. The digits are made two at a time into a fixed array
/// that is appended whole and then cut to length: a copy of known size is a few moves,
/// where one of any size is a call.
#[inline(always)]
pub(crate) fn int(buf: &mut Vec<u8>, n: impl Into<u64>) {
    let n: u64 = n.into();
    if n < 10 {
        buf.push(b'0' + n as u8);
        return;
    }
    let digits = n.ilog10() as usize + 1;
    let mut tmp = [0u8; 20];
    let (mut m, mut end) = (n, digits);
    while m >= 100 {
        let pair = (m % 100) as usize * 2;
        m /= 100;
        end -= 2;
        tmp[end..end + 2].copy_from_slice(&DIGITS[pair..pair + 2]);
    }
    if m >= 10 {
        tmp[..2].copy_from_slice(&DIGITS[m as usize * 2..m as usize * 2 + 2]);
    } else {
        tmp[0] = b'0' + m as u8;
    }
    let len = buf.len();
    buf.extend_from_slice(&tmp);
    buf.truncate(len + digits);
}

/// A short text (a subject's name as written out) held so that writing it is a copy of
/// known size (see [`int`]); a long one is copied as it is.
#[derive(Debug, Clone)]
pub(crate) struct Short {
    bytes: [u8; 32],
    len: usize,
    long: Vec<u8>,
}

impl Short {
    pub fn new(text: &[u8]) -> Self {
        let mut bytes = [0u8; 32];
        match bytes.get_mut(..text.len()) {
            Some(b) => {
                b.copy_from_slice(text);
                Self {
                    bytes,
                    len: text.len(),
                    long: Vec::new(),
                }
            }
            None => Self {
                bytes,
                len: 0,
                long: text.to_vec(),
            },
        }
    }

    #[inline(always)]
    pub fn write(&self, buf: &mut Vec<u8>) {
        if self.long.is_empty() {
            let len = buf.len();
            buf.extend_from_slice(&self.bytes);
            buf.truncate(len + self.len);
        } else {
            buf.extend_from_slice(&self.long);
        }
    }
}
