//! The engine's output: seats per zone and nationally, with the data that explains them.

use crate::error::Warning;
use crate::input::{Gender, SubjectKind};
use crate::quotient::Quotient;
use crate::rules::Rules;

/// The result of allocating an election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// The readings used (rule set and options).
    pub rules: Rules,
    /// National valid votes used for the threshold.
    pub national_valid_votes: u64,
    /// National totals per subject, in input order.
    pub subjects: Vec<SubjectTotal>,
    /// Subjects (indices into `subjects`) that take no part anywhere: below a national
    /// threshold, or (zone scope) below the threshold in every zone where they stood.
    pub excluded: Vec<usize>,
    /// Per-zone results, in input order.
    pub zones: Vec<ZoneResult>,
    /// Things worth saying that did not stop the allocation.
    pub warnings: Vec<Warning>,
}

impl Allocation {
    /// The name of subject `subject` (an index into [`Allocation::subjects`]).
    pub fn name(&self, subject: usize) -> &str {
        self.subjects.get(subject).map_or("", |s| s.name.as_str())
    }

    /// The index of the subject named `name`, if the election has it.
    pub fn subject(&self, name: &str) -> Option<usize> {
        self.subjects.iter().position(|s| s.name == name)
    }

    /// Seats of the subject named `name` in zone number `zone` (0 when either is unknown).
    pub fn seats_in(&self, zone: usize, name: &str) -> u32 {
        match (self.zones.get(zone), self.subject(name)) {
            (Some(z), Some(s)) => z.seats_of(s),
            _ => 0,
        }
    }

    /// The names of the excluded subjects, in input order.
    pub fn excluded_names(&self) -> impl Iterator<Item = &str> {
        self.excluded.iter().map(|&s| self.name(s))
    }

    /// National seats per subject with at least one seat, in input order.
    pub fn national(&self) -> impl Iterator<Item = (&str, u32)> {
        self.subjects
            .iter()
            .filter(|s| s.seats > 0)
            .map(|s| (s.name.as_str(), s.seats))
    }

    /// Seats allocated in all zones (seats awaiting a lot are not counted).
    pub fn seats_allocated(&self) -> u32 {
        self.subjects.iter().map(|s| s.seats).sum()
    }

    /// True when some zone (or list) still needs a drawing of lots.
    pub fn lot_required(&self) -> bool {
        self.zones
            .iter()
            .any(|z| z.lot.is_some() || z.lists.iter().any(|l| l.lot.is_some()))
    }
}

/// National totals of one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectTotal {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: SubjectKind,
    /// Valid votes in all zones.
    pub votes: u64,
    /// Seats won in all zones.
    pub seats: u32,
}

/// A subject's result in one zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubjectResult {
    /// The subject: an index into the election's national table ([`Allocation::subjects`]).
    pub subject: usize,
    /// Kind.
    pub kind: SubjectKind,
    /// Votes in the zone.
    pub votes: u64,
    /// False when excluded by the threshold.
    pub eligible: bool,
    /// Seats won (not counting seats awaiting a lot).
    pub seats: u32,
    /// The minimum additional votes in this zone that would win it one more seat outright,
    /// everything else (others' votes, every subject's eligibility) unchanged; `None` when
    /// it cannot win another seat (excluded, an independent with its one seat, all seats).
    pub votes_for_next_seat: Option<u64>,
}

/// A ranked quotient of a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    /// Place in the zone's ranking, 1-based.
    pub place: u32,
    /// The subject: an index into the national table ([`Allocation::subjects`]).
    pub subject: usize,
    /// The quotient (exact `votes / divisor`, and rounded if rounding is on).
    pub quotient: Quotient,
    /// True when a drawing of lots gave this seat.
    pub by_lot: bool,
}

/// Seats that only a drawing of lots can give: between subjects (`T = usize`, indices into
/// the national table) in a zone, between candidates (`T = String`, names) in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotRequired<T = String> {
    /// How many seats the lot decides.
    pub seats: u32,
    /// Subjects (or candidates) in contention, all with the same quotient and votes.
    pub contenders: Vec<T>,
}

/// The result of one zone. Subjects are indices into the national table; a result may be
/// filled again for the next zone ([`crate::Allocator::zone`]), its vectors reused.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ZoneResult {
    /// Name.
    pub name: String,
    /// Seats of the zone.
    pub seats: u32,
    /// Valid votes used for a zone threshold.
    pub valid_votes: u64,
    /// Per subject, in input order (parties and coalitions, then independents).
    pub subjects: Vec<SubjectResult>,
    /// The seats awarded, in ranking order.
    pub awarded: Vec<Ranked>,
    /// The last quotient inside the zone's seats (place n).
    pub last_winning: Option<Ranked>,
    /// The first quotient outside (place n + 1).
    pub first_losing: Option<Ranked>,
    /// Seats awaiting a drawing of lots, between the subjects named (indices).
    pub lot: Option<LotRequired<usize>>,
    /// Quotients ending in exactly .5 whose rounding could move them across the seat boundary.
    pub half_at_boundary: Vec<Ranked>,
    /// Article 163 results for the subjects with a candidate list.
    pub lists: Vec<ListResult>,
}

impl ZoneResult {
    /// Seats of `subject` (an index into the national table) in this zone.
    pub fn seats_of(&self, subject: usize) -> u32 {
        self.subjects
            .iter()
            .find(|s| s.subject == subject)
            .map_or(0, |s| s.seats)
    }
}

/// Which part of a list a candidate is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListPart {
    /// Fixed-ranking part.
    Fixed,
    /// Part subject to preferential voting.
    Preferential,
}

/// A candidate in the final order of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Name.
    pub name: String,
    /// Part of the list.
    pub part: ListPart,
    /// Preferential votes (preferential part only).
    pub votes: Option<u64>,
    /// Gender (preferential part only).
    pub gender: Option<Gender>,
    /// True when elected.
    pub elected: bool,
}

/// A move made by the gender rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenderMove {
    /// Candidate moved up.
    pub candidate: String,
    /// Place by preferential votes, 1-based.
    pub from: usize,
    /// Place after the gender rule, 1-based, within the preferential part.
    pub to: usize,
}

/// The Article 163 result of one subject in one zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListResult {
    /// The subject: an index into the national table.
    pub subject: usize,
    /// Seats the subject won in the zone.
    pub seats: u32,
    /// The less represented gender in the preferential part (`None`: empty part).
    pub less_represented: Option<Gender>,
    /// True when both genders have the same count and female was taken as less represented.
    pub equal_genders: bool,
    /// The final order: fixed part, then the re-ranked preferential part.
    pub order: Vec<Placed>,
    /// Moves made by the gender rule.
    pub moves: Vec<GenderMove>,
    /// Places that only a drawing of lots between candidates can fill.
    pub lot: Option<LotRequired>,
}

impl ListResult {
    /// The elected candidates, in list order.
    pub fn elected(&self) -> impl Iterator<Item = &str> {
        self.order
            .iter()
            .filter(|p| p.elected)
            .map(|p| p.name.as_str())
    }
}
