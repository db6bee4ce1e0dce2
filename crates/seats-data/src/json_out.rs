//! Writing a result as the JSON object of the law specification, plus explanation fields.

use per_seats::{
    Allocation, Flip, ListPart, ListResult, Quotient, Ranked, Rules, SeatSensitivity, ZoneResult,
};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::document::Document;

/// The result as one pretty-printed JSON object.
pub fn to_json(doc: &Document, allocation: &Allocation) -> String {
    json_string(doc, allocation, None)
}

/// [`to_json`] with each zone's `sensitivity`: per seat won, the fewest votes that take it
/// (`sensitivity[i]` for `allocation.zones[i]`, from [`per_seats::sensitivity`]).
pub fn to_json_explained(
    doc: &Document,
    allocation: &Allocation,
    sensitivity: &[Vec<SeatSensitivity>],
) -> String {
    json_string(doc, allocation, Some(sensitivity))
}

fn json_string(
    doc: &Document,
    allocation: &Allocation,
    sensitivity: Option<&[Vec<SeatSensitivity>]>,
) -> String {
    let mut bytes = Vec::new();
    // Serialising plain structs, strings and integers into memory cannot fail.
    let _ = write_json(&mut bytes, doc, allocation, sensitivity);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`to_json`] (with `sensitivity`, [`to_json_explained`]) written to `w` as it is made:
/// each zone's object exists only while it is written.
pub fn write_json<W: std::io::Write>(
    w: &mut W,
    doc: &Document,
    allocation: &Allocation,
    sensitivity: Option<&[Vec<SeatSensitivity>]>,
) -> std::io::Result<()> {
    let official_national = doc.official_national(allocation);
    let out = Output {
        name: doc.name.as_deref(),
        rules: RulesOut::from(&allocation.rules),
        national_valid_votes: allocation.national_valid_votes,
        zones: ZonesOut {
            doc,
            allocation,
            sensitivity,
        },
        national: Seats(allocation.national().collect()),
        national_votes: Seats(
            allocation
                .subjects
                .iter()
                .map(|s| (s.name.as_str(), s.votes))
                .collect(),
        ),
        excluded: allocation.excluded.iter().map(String::as_str).collect(),
        seats_allocated: allocation.seats_allocated(),
        any_lot_required: allocation.lot_required(),
        official_national: official_national
            .as_ref()
            .map(|o| Seats(o.iter().map(|(s, n)| (s.as_str(), *n)).collect())),
        warnings: allocation
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect(),
    };
    serde_json::to_writer_pretty(w, &out).map_err(std::io::Error::from)
}

/// The zones, each turned into its output object only when serialised.
struct ZonesOut<'a> {
    doc: &'a Document,
    allocation: &'a Allocation,
    sensitivity: Option<&'a [Vec<SeatSensitivity>]>,
}

impl Serialize for ZonesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.allocation.zones.len()))?;
        for (i, z) in self.allocation.zones.iter().enumerate() {
            seq.serialize_element(&ZoneOut {
                sensitivity: self
                    .sensitivity
                    .and_then(|s| s.get(i))
                    .map(|seats| seats.iter().map(SeatOut::from).collect()),
                ..ZoneOut::new(self.doc, self.allocation, z)
            })?;
        }
        seq.end()
    }
}

/// An ordered `{ name: n }` object.
struct Seats<'a, T>(Vec<(&'a str, T)>);

impl<T: Serialize> Serialize for Seats<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Output<'a> {
    name: Option<&'a str>,
    rules: RulesOut,
    national_valid_votes: u64,
    zones: ZonesOut<'a>,
    national: Seats<'a, u32>,
    national_votes: Seats<'a, u64>,
    excluded: Vec<&'a str>,
    seats_allocated: u32,
    any_lot_required: bool,
    official_national: Option<Seats<'a, u32>>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct RulesOut {
    name: &'static str,
    threshold_percent: serde_json::Number,
    threshold_percent_coalitions: serde_json::Number,
    threshold_scope: &'static str,
    rounding: &'static str,
    independents: &'static str,
    description: String,
}

fn percent(p: per_seats::Percent) -> serde_json::Number {
    if p.denominator() == 1 {
        serde_json::Number::from(p.numerator())
    } else {
        // Display only: the engine compares the exact fraction.
        let value = p.numerator() as f64 / p.denominator() as f64;
        serde_json::Number::from_f64(value).unwrap_or_else(|| serde_json::Number::from(0))
    }
}

impl From<&Rules> for RulesOut {
    fn from(r: &Rules) -> Self {
        Self {
            name: r.set.name(),
            threshold_percent: percent(r.threshold),
            threshold_percent_coalitions: percent(r.coalition_threshold),
            threshold_scope: r.scope.name(),
            rounding: r.rounding.name(),
            independents: if r.independents_divisor_one {
                "divisor-1-only"
            } else {
                "as-parties"
            },
            description: r.to_string(),
        }
    }
}

#[derive(Serialize)]
struct ZoneOut<'a> {
    name: &'a str,
    seats: Seats<'a, u32>,
    lot_required: Vec<&'a str>,
    lot_seats: u32,
    zone_seats: u32,
    valid_votes: u64,
    subjects: Vec<SubjectOut<'a>>,
    awarded: Vec<QuotientOut<'a>>,
    last_winning: Option<QuotientOut<'a>>,
    first_losing: Option<QuotientOut<'a>>,
    half_at_boundary: Vec<QuotientOut<'a>>,
    official_seats: Option<Seats<'a, u32>>,
    matches_official: Option<bool>,
    lists: Vec<ListOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sensitivity: Option<Vec<SeatOut<'a>>>,
}

/// One seat's sensitivity: `votes` added to `to`, or moved from the holder to `to`.
#[derive(Serialize)]
struct SeatOut<'a> {
    place: u32,
    subject: &'a str,
    nth: u32,
    votes: Option<u64>,
    change: Option<&'static str>,
    to: Option<&'a str>,
}

impl<'a> From<&'a SeatSensitivity> for SeatOut<'a> {
    fn from(s: &'a SeatSensitivity) -> Self {
        let (votes, change, to) = match &s.flip {
            None => (None, None, None),
            Some((m, Flip::Add { to })) => (Some(*m), Some("add"), Some(to.as_str())),
            Some((m, Flip::Move { to })) => (Some(*m), Some("move"), Some(to.as_str())),
        };
        Self {
            place: s.place,
            subject: &s.subject,
            nth: s.nth,
            votes,
            change,
            to,
        }
    }
}

impl<'a> ZoneOut<'a> {
    fn new(doc: &'a Document, allocation: &Allocation, z: &'a ZoneResult) -> Self {
        Self {
            name: &z.name,
            seats: Seats(
                z.subjects
                    .iter()
                    .filter(|s| s.seats > 0)
                    .map(|s| (s.name.as_str(), s.seats))
                    .collect(),
            ),
            lot_required: z
                .lot
                .iter()
                .flat_map(|l| l.contenders.iter().map(String::as_str))
                .collect(),
            lot_seats: z.lot.as_ref().map_or(0, |l| l.seats),
            zone_seats: z.seats,
            valid_votes: z.valid_votes,
            subjects: z
                .subjects
                .iter()
                .map(|s| SubjectOut {
                    name: &s.name,
                    kind: s.kind.name(),
                    votes: s.votes,
                    eligible: s.eligible,
                    seats: s.seats,
                    votes_for_next_seat: s.votes_for_next_seat,
                })
                .collect(),
            awarded: z.awarded.iter().map(QuotientOut::from).collect(),
            last_winning: z.last_winning.as_ref().map(QuotientOut::from),
            first_losing: z.first_losing.as_ref().map(QuotientOut::from),
            half_at_boundary: z.half_at_boundary.iter().map(QuotientOut::from).collect(),
            official_seats: doc
                .official_of(&z.name)
                .map(|o| Seats(o.iter().map(|(s, n)| (s.as_str(), *n)).collect())),
            matches_official: doc.matches_official(allocation, &z.name),
            lists: z.lists.iter().map(ListOut::from).collect(),
            sensitivity: None,
        }
    }
}

#[derive(Serialize)]
struct SubjectOut<'a> {
    name: &'a str,
    kind: &'static str,
    votes: u64,
    eligible: bool,
    seats: u32,
    votes_for_next_seat: Option<u64>,
}

#[derive(Serialize)]
struct Fraction {
    num: u64,
    den: u32,
}

#[derive(Serialize)]
struct QuotientOut<'a> {
    place: u32,
    subject: &'a str,
    divisor: u32,
    quotient: Fraction,
    rounded: Option<u64>,
    half: bool,
    by_lot: bool,
}

impl<'a> From<&'a Ranked> for QuotientOut<'a> {
    fn from(r: &'a Ranked) -> Self {
        let q: Quotient = r.quotient;
        Self {
            place: r.place,
            subject: &r.subject,
            divisor: q.divisor,
            quotient: Fraction {
                num: q.votes,
                den: q.divisor,
            },
            rounded: q.rounded,
            half: q.half,
            by_lot: r.by_lot,
        }
    }
}

#[derive(Serialize)]
struct ListOut<'a> {
    subject: &'a str,
    seats: u32,
    elected: Vec<&'a str>,
    less_represented: Option<&'static str>,
    equal_genders_female_taken: bool,
    order: Vec<PlacedOut<'a>>,
    moves: Vec<MoveOut<'a>>,
    lot_required: Vec<&'a str>,
    lot_places: u32,
}

#[derive(Serialize)]
struct PlacedOut<'a> {
    name: &'a str,
    part: &'static str,
    votes: Option<u64>,
    gender: Option<&'static str>,
    elected: bool,
}

#[derive(Serialize)]
struct MoveOut<'a> {
    candidate: &'a str,
    from: usize,
    to: usize,
}

impl<'a> From<&'a ListResult> for ListOut<'a> {
    fn from(l: &'a ListResult) -> Self {
        Self {
            subject: &l.subject,
            seats: l.seats,
            elected: l.elected().collect(),
            less_represented: l.less_represented.map(|g| g.name()),
            equal_genders_female_taken: l.equal_genders,
            order: l
                .order
                .iter()
                .map(|p| PlacedOut {
                    name: &p.name,
                    part: match p.part {
                        ListPart::Fixed => "fixed",
                        ListPart::Preferential => "preferential",
                    },
                    votes: p.votes,
                    gender: p.gender.map(|g| g.name()),
                    elected: p.elected,
                })
                .collect(),
            moves: l
                .moves
                .iter()
                .map(|m| MoveOut {
                    candidate: &m.candidate,
                    from: m.from,
                    to: m.to,
                })
                .collect(),
            lot_required: l
                .lot
                .iter()
                .flat_map(|x| x.contenders.iter().map(String::as_str))
                .collect(),
            lot_places: l.lot.as_ref().map_or(0, |x| x.seats),
        }
    }
}
