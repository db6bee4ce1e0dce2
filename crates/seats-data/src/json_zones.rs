//! Reading the JSON interchange format a zone at a time, for files of any size (the command
//! line's [`crate::JsonFile`]): the same reading as [`crate::parse_json`] (unknown fields
//! ignored, `null` as absent, duplicate names refused, every error at the line and column
//! of the value at fault, naming zone and subject, and the same error first), with no tree.
//!
//! [`crate::json_read`] checks the syntax of the whole text, then [`Head::read`] reads the
//! top-level fields and [`Head::zones`] hands the zones over one at a time in a reused
//! [`ZoneBuf`] (names borrowed from the text). A zone is read in one scan, in the order its
//! members are written; any doubt (a duplicate, a value of the wrong kind, candidate lists)
//! and it is read again in the order of the format, which finds the error the format
//! defines as first. `tests/readers.rs` and the fuzz target hold the two readers to the
//! same results.

use std::borrow::Cow;
use std::collections::HashSet;

use per_seats::{Candidate, CandidateList, Gender, Lot, RuleSet, Subject, SubjectKind, ZoneVotes};

use crate::error::{
    DataError, JsonCount, JsonKind, JsonPlace, JsonProblem, JsonShape, JsonStep, NotACount,
};
use crate::json_read::{check, error_at, whole, Doc, Val, Whole};

/// A JSON election file read up to its zones: its syntax checked, the fields before the
/// zones read (name, rules, national valid votes, house size, subjects).
#[derive(Debug)]
pub(crate) struct Head<'t> {
    doc: Doc<'t>,
    pub name: Option<String>,
    pub rules: Option<RuleSet>,
    pub national_valid_votes: Option<u64>,
    pub house_size: Option<u32>,
    pub subjects: Option<Vec<Subject>>,
    /// The array of zones.
    zones: Val,
    /// `lots`, unless absent or `null`.
    lots: Option<Val>,
}

impl<'t> Head<'t> {
    /// Checks the syntax of `text` and reads its fields up to the zones.
    pub fn read(text: &'t str) -> Result<Self, DataError> {
        not_an_object(text)?;
        let top = check(text).map_err(|(offset, problem)| error_at(text, offset, problem))?;
        let doc = Doc::new(text);
        let root = doc.root();
        let field = |name| JsonPlace::of(JsonStep::Field(name));
        // The root is an object (`not_an_object`), its members found by the check.
        let top = unique(&doc, doc.members_at(&top), |name| JsonProblem::FieldTwice {
            place: JsonPlace::of(JsonStep::File),
            name: name.into(),
        })?;
        let name = take(&doc, &top, "name")
            .map(|n| string(&doc, n, &field("name")))
            .transpose()?;
        let rules = take(&doc, &top, "rules")
            .map(|n| {
                let s = string(&doc, n, &field("rules"))?;
                RuleSet::parse(&s).map_err(|e| doc.error(n, JsonProblem::Rules(e)))
            })
            .transpose()?;
        let national_valid_votes = take(&doc, &top, "national_valid_votes")
            .map(|n| {
                count(
                    &doc,
                    n,
                    &field("national_valid_votes"),
                    JsonCount::ValidVotes,
                )
            })
            .transpose()?;
        let house_size = take(&doc, &top, "house_size")
            .map(|n| {
                let place = field("house_size");
                count(&doc, n, &place, JsonCount::Seats).and_then(|v| small(&doc, n, &place, v))
            })
            .transpose()?;
        let subjects = take(&doc, &top, "subjects")
            .map(|n| subjects(&doc, n))
            .transpose()?;
        let zones = take(&doc, &top, "zones").ok_or_else(|| {
            doc.error(
                root,
                JsonProblem::Missing {
                    place: JsonPlace::default(),
                    field: "zones",
                },
            )
        })?;
        if doc.kind(zones) != JsonKind::Array {
            return Err(doc.error(
                zones,
                JsonProblem::WrongType {
                    place: field("zones"),
                    want: JsonShape::ArrayOfZones,
                    found: doc.kind(zones),
                },
            ));
        }
        let lots = take(&doc, &top, "lots");
        Ok(Self {
            doc,
            name,
            rules,
            national_valid_votes,
            house_size,
            subjects,
            zones,
            lots,
        })
    }

    /// Reads every zone in order and hands each to `each` with its number (0-based), in a
    /// buffer that the next zone reuses. Stops at the first error, the reader's or `each`'s.
    pub fn zones<E: From<DataError>>(
        &self,
        mut each: impl FnMut(usize, &ZoneBuf<'t>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut reader = ZoneReader {
            doc: self.doc,
            buf: ZoneBuf::default(),
            others: Vec::new(),
        };
        // The items of the zones array, each read to its end (no second scan to find it).
        let d = &self.doc;
        let mut at = self.zones.0 + 1;
        for i in 0.. {
            at = d.space(at);
            match d.byte(at) {
                None | Some(b']') => break,
                Some(_) => {}
            }
            let end = reader.read(Val(at), i)?;
            each(i, &reader.buf)?;
            at = d.space(end);
            if d.byte(at) == Some(b',') {
                at += 1;
            }
        }
        Ok(())
    }

    /// The lot outcomes (after the zones in the format's order of errors).
    pub fn lots(&self) -> Result<Vec<Lot>, DataError> {
        Ok(self
            .lots
            .map(|n| lots(&self.doc, n))
            .transpose()?
            .unwrap_or_default())
    }
}

/// One zone as read: names borrowed from the text where they have no escape. Its vectors
/// are refilled for the next zone.
#[derive(Debug, Default)]
pub(crate) struct ZoneBuf<'t> {
    pub name: Cow<'t, str>,
    pub seats: u32,
    pub valid_votes: Option<u64>,
    pub votes: Vec<(Cow<'t, str>, u64)>,
    pub independents: Vec<(Cow<'t, str>, u64)>,
    has_official: bool,
    official: Vec<(Cow<'t, str>, u32)>,
    pub lists: Vec<(String, CandidateList)>,
}

impl<'t> ZoneBuf<'t> {
    /// The zone for the engine, with `seats` in place of the file's.
    pub fn view(&self, seats: u32) -> ZoneVotes<'_, Cow<'t, str>> {
        ZoneVotes {
            name: &self.name,
            seats,
            valid_votes: self.valid_votes,
            votes: &self.votes,
            independents: &self.independents,
            lists: &self.lists,
        }
    }

    /// `official_seats`, when given.
    pub fn official(&self) -> Option<&[(Cow<'t, str>, u32)]> {
        self.has_official.then_some(self.official.as_slice())
    }
}

struct ZoneReader<'t> {
    doc: Doc<'t>,
    buf: ZoneBuf<'t>,
    /// Member names of the zone outside the format (for duplicates).
    others: Vec<Cow<'t, str>>,
}

/// The members of a zone that the format knows, as bits.
const NAME: u32 = 1;
const SEATS: u32 = 2;
const VALID: u32 = 4;
const VOTES: u32 = 8;
const INDEPENDENTS: u32 = 16;
const OFFICIAL: u32 = 32;
const LISTS: u32 = 64;

impl<'t> ZoneReader<'t> {
    /// Reads zone number `index` (0-based) into the buffer; where the zone ends.
    fn read(&mut self, v: Val, index: usize) -> Result<usize, DataError> {
        if let Some(end) = self.fast(v) {
            return Ok(end);
        }
        let zone = zone(&self.doc, v, index)?;
        let b = &mut self.buf;
        b.name = zone.name;
        b.seats = zone.seats;
        b.valid_votes = zone.valid_votes;
        b.votes = zone.votes;
        b.independents = zone.independents;
        b.has_official = zone.official.is_some();
        b.official = zone.official.unwrap_or_default();
        b.lists = zone.lists;
        Ok(self.doc.end(v.0))
    }

    /// Reads the zone in one scan, in the order written, to its end; `None` (the buffer
    /// then undefined) when anything is out of the ordinary.
    fn fast(&mut self, v: Val) -> Option<usize> {
        let d = self.doc;
        if d.byte(v.0) != Some(b'{') {
            return None;
        }
        let (mut seen, mut name, mut seats, mut valid) = (0u32, None, None, None);
        // Members given and not `null`.
        let mut given = 0u32;
        self.others.clear();
        let mut at = v.0 + 1;
        loop {
            at = d.space(at);
            if d.byte(at) != Some(b'"') {
                break;
            }
            let (key, after) = d.string_at(at);
            // The checked text has `:` after a member name.
            at = d.space(d.space(after) + 1);
            let bit = match &*key {
                "name" => NAME,
                "seats" => SEATS,
                "valid_votes" => VALID,
                "votes" => VOTES,
                "independents" => INDEPENDENTS,
                "official_seats" => OFFICIAL,
                "lists" => LISTS,
                _ => {
                    if self.others.contains(&key) {
                        return None;
                    }
                    self.others.push(key);
                    0
                }
            };
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            let b = &mut self.buf;
            if d.byte(at) != Some(b'n') {
                given |= bit;
            }
            at = match (bit, d.byte(at)) {
                (0, _) | (_, Some(b'n')) => d.end(at),
                (NAME, Some(b'"')) => {
                    let (s, end) = d.string_at(at);
                    name = Some(s);
                    end
                }
                (SEATS, _) => {
                    let (n, end) = d.count_at(at);
                    seats = Some(u32::try_from(n?).ok()?);
                    end
                }
                (VALID, _) => {
                    let (n, end) = d.count_at(at);
                    valid = Some(n?);
                    end
                }
                (VOTES, _) => fill(&d, at, &mut b.votes, Some)?,
                (INDEPENDENTS, _) => fill(&d, at, &mut b.independents, Some)?,
                (OFFICIAL, _) => fill(&d, at, &mut b.official, |n| u32::try_from(n).ok())?,
                _ => return None,
            };
            at = d.space(at);
            if d.byte(at) == Some(b',') {
                at += 1;
            }
        }
        // The closing brace.
        let end = at + 1;
        let (Some(name), Some(seats)) = (name, seats) else {
            return None;
        };
        let b = &mut self.buf;
        b.name = name;
        b.seats = seats;
        b.valid_votes = valid;
        if given & VOTES == 0 {
            b.votes.clear();
        }
        if given & INDEPENDENTS == 0 {
            b.independents.clear();
        }
        b.has_official = given & OFFICIAL != 0;
        if !b.has_official {
            b.official.clear();
        }
        b.lists.clear();
        Some(end)
    }
}

/// Refills `out` with the object at `at` of `{ name: count }` (each count as `convert` takes
/// it); where it ends, or `None` when it is not such an object or names a subject twice.
/// The names are compared with the previous zone's as they come: when they are the same,
/// in the same order, they cannot hold a duplicate (the previous zone had none).
fn fill<'t, T: Copy>(
    d: &Doc<'t>,
    at: usize,
    out: &mut Vec<(Cow<'t, str>, T)>,
    convert: impl Fn(u64) -> Option<T>,
) -> Option<usize> {
    if d.byte(at) != Some(b'{') {
        return None;
    }
    let before = out.len();
    let mut same = true;
    let mut n = 0;
    let mut at = at + 1;
    loop {
        at = d.space(at);
        if d.byte(at) != Some(b'"') {
            break;
        }
        // The previous zone's name in this place, when it was written plainly (borrowed,
        // so with no escape): the same bytes here, then the closing quote, are the same
        // name, read without decoding it again.
        let kept = match out.get(n) {
            Some((Cow::Borrowed(prev), _)) => d.plain_string_is(at, prev),
            _ => None,
        };
        let (name, after) = match kept {
            Some(after) => (None, after),
            None => {
                let (name, after) = d.string_at(at);
                (Some(name), after)
            }
        };
        at = d.space(d.space(after) + 1);
        let (count, end) = d.count_at(at);
        let Some(count) = count.and_then(&convert) else {
            out.truncate(n);
            return None;
        };
        match (out.get_mut(n), name) {
            (Some(slot), None) => slot.1 = count,
            (Some(slot), Some(name)) => {
                same &= slot.0 == name;
                *slot = (name, count);
            }
            (None, name) => {
                same = false;
                out.push((name.unwrap_or_default(), count));
            }
        }
        n += 1;
        at = d.space(end);
        if d.byte(at) == Some(b',') {
            at += 1;
        }
    }
    out.truncate(n);
    let unique = (same && n == before)
        || !out
            .iter()
            .enumerate()
            .any(|(i, (name, _))| out[..i].iter().any(|(m, _)| m == name));
    unique.then_some(at + 1)
}

/// A top-level value that is not an object is refused by name, at its position.
fn not_an_object(text: &str) -> Result<(), DataError> {
    let (mut line, mut column) = (1, 1);
    for ch in text.chars() {
        match ch {
            '\n' => {
                line += 1;
                column = 1;
            }
            ' ' | '\t' | '\r' => column += 1,
            '{' => return Ok(()),
            _ => {
                return Err(DataError::Json {
                    line,
                    column,
                    problem: JsonProblem::NotAnObject,
                })
            }
        }
    }
    Ok(())
}

/// An object's members in order, each name once.
type Members<'t> = Vec<(Cow<'t, str>, Val)>;

/// The members of `v`, which must be an object (`place` names it in messages), each name
/// at most once.
fn members_of<'t>(d: &Doc<'t>, v: Val, place: &JsonPlace) -> Result<Members<'t>, DataError> {
    entries(d, v, place, |name| JsonProblem::FieldTwice {
        place: place.clone(),
        name: name.into(),
    })
}

/// Member `name`, unless absent or `null`.
fn take(d: &Doc<'_>, members: &Members<'_>, name: &str) -> Option<Val> {
    members
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| *v)
        .filter(|v| !d.is_null(*v))
}

/// An object of `{ name: value }` in order, each name once (`twice` says a duplicate).
fn entries<'t>(
    d: &Doc<'t>,
    v: Val,
    place: &JsonPlace,
    twice: impl Fn(&str) -> JsonProblem,
) -> Result<Members<'t>, DataError> {
    if d.kind(v) != JsonKind::Object {
        return Err(d.error(
            v,
            JsonProblem::WrongType {
                place: place.clone(),
                want: JsonShape::Object,
                found: d.kind(v),
            },
        ));
    }
    unique(d, d.members(v).collect(), twice)
}

/// `members`, each name once (`twice` says a duplicate, at its value).
fn unique<'t>(
    d: &Doc<'t>,
    members: Members<'t>,
    twice: impl Fn(&str) -> JsonProblem,
) -> Result<Members<'t>, DataError> {
    for (i, (name, value)) in members.iter().enumerate() {
        if members[..i].iter().any(|(n, _)| n == name) {
            return Err(d.error(*value, twice(name)));
        }
    }
    Ok(members)
}

fn string<'t>(d: &Doc<'t>, v: Val, place: &JsonPlace) -> Result<String, DataError> {
    match d.kind(v) {
        JsonKind::String => Ok(d.string(v).into_owned()),
        found => Err(d.error(
            v,
            JsonProblem::WrongType {
                place: place.clone(),
                want: JsonShape::Text,
                found,
            },
        )),
    }
}

/// A non-negative whole number; negative, fractional and too large numbers are named so.
fn count(d: &Doc<'_>, v: Val, place: &JsonPlace, what: JsonCount) -> Result<u64, DataError> {
    let found = d.kind(v);
    if found != JsonKind::Number {
        return Err(d.error(
            v,
            JsonProblem::NotANumber {
                place: place.clone(),
                count: what,
                found,
            },
        ));
    }
    let text = d.number(v);
    let why = match whole(text) {
        Whole::Count(n) => return Ok(n),
        Whole::Negative => NotACount::Negative,
        Whole::Fraction => NotACount::NotWhole,
        Whole::TooLarge => NotACount::TooLarge,
    };
    Err(d.error(
        v,
        JsonProblem::BadCount {
            place: place.clone(),
            count: what,
            why,
            text: text.to_owned(),
        },
    ))
}

fn small(d: &Doc<'_>, v: Val, place: &JsonPlace, n: u64) -> Result<u32, DataError> {
    u32::try_from(n).map_err(|_| {
        d.error(
            v,
            JsonProblem::TooLarge {
                place: place.clone(),
                n,
            },
        )
    })
}

/// The declared subjects, in order, duplicates refused.
fn subjects(d: &Doc<'_>, v: Val) -> Result<Vec<Subject>, DataError> {
    let members = entries(d, v, &JsonPlace::of(JsonStep::Field("subjects")), |name| {
        JsonProblem::SubjectTwice { name: name.into() }
    })?;
    let mut out = Vec::with_capacity(members.len());
    for (name, value) in &members {
        let place = JsonPlace::of(JsonStep::Subject(name.to_string()));
        let kind = if d.is_null(*value) {
            None
        } else {
            let m = members_of(d, *value, &place)?;
            take(d, &m, "kind")
                .map(|k| string(d, k, &place.and(JsonStep::Field("kind"))).map(|s| (k, s)))
                .transpose()?
        };
        let kind = match kind {
            None => SubjectKind::Party,
            Some((_, k)) if k == "party" => SubjectKind::Party,
            Some((_, k)) if k == "coalition" => SubjectKind::Coalition,
            Some((_, k)) if k == "independent" => SubjectKind::Independent,
            Some((at, other)) => {
                return Err(d.error(
                    at,
                    JsonProblem::UnknownKind {
                        subject: name.to_string(),
                        kind: other,
                    },
                ))
            }
        };
        out.push(Subject {
            name: name.to_string(),
            kind,
        });
    }
    Ok(out)
}

/// An object `{ subject: count }` kept in order, duplicates refused.
fn counts<'t>(
    d: &Doc<'t>,
    v: Val,
    zone: &JsonPlace,
    what: JsonCount,
) -> Result<Vec<(Cow<'t, str>, u64)>, DataError> {
    let members = entries(d, v, &zone.and(JsonStep::Count(what)), |subject| {
        JsonProblem::ListedTwice {
            place: zone.and(JsonStep::Subject(subject.into())),
            count: what,
        }
    })?;
    members
        .into_iter()
        .map(|(subject, n)| {
            let place = zone.and(JsonStep::Subject(subject.to_string()));
            let votes = count(d, n, &place, what)?;
            Ok((subject, votes))
        })
        .collect()
}

/// A zone read in the order of the format (the reference for the first error).
struct ZoneRead<'t> {
    name: Cow<'t, str>,
    seats: u32,
    valid_votes: Option<u64>,
    votes: Vec<(Cow<'t, str>, u64)>,
    independents: Vec<(Cow<'t, str>, u64)>,
    official: Option<Vec<(Cow<'t, str>, u32)>>,
    lists: Vec<(String, CandidateList)>,
}

/// Zone number `index` (0-based), read member by member in the order of the format.
fn zone<'t>(d: &Doc<'t>, v: Val, index: usize) -> Result<ZoneRead<'t>, DataError> {
    let numbered = JsonPlace::of(JsonStep::ZoneNumber(index + 1));
    let m = members_of(d, v, &numbered)?;
    let name = take(d, &m, "name")
        .map(|n| string(d, n, &numbered))
        .transpose()?;
    let z = match &name {
        Some(n) => JsonPlace::of(JsonStep::Zone(n.clone())),
        None => numbered.clone(),
    };
    let seats = take(d, &m, "seats")
        .map(|n| count(d, n, &z, JsonCount::Seats).and_then(|v| small(d, n, &z, v)))
        .transpose()?;
    let valid_votes = take(d, &m, "valid_votes")
        .map(|n| count(d, n, &z, JsonCount::ValidVotes))
        .transpose()?;
    let votes = take(d, &m, "votes")
        .map(|n| counts(d, n, &z, JsonCount::Votes))
        .transpose()?;
    let independents = take(d, &m, "independents")
        .map(|n| counts(d, n, &z, JsonCount::Votes))
        .transpose()?;
    let official = take(d, &m, "official_seats")
        .map(|n| {
            entries(
                d,
                n,
                &z.and(JsonStep::Count(JsonCount::OfficialSeats)),
                |s| JsonProblem::ListedTwice {
                    place: z.and(JsonStep::Subject(s.into())),
                    count: JsonCount::OfficialSeats,
                },
            )?
            .into_iter()
            .map(|(s, v)| {
                let place = z.and(JsonStep::Subject(s.to_string()));
                let seats = count(d, v, &place, JsonCount::OfficialSeats)?;
                Ok((s, small(d, v, &place, seats)?))
            })
            .collect::<Result<Vec<_>, DataError>>()
        })
        .transpose()?;
    let lists = take(d, &m, "lists").map(|n| lists(d, n, &z)).transpose()?;
    let Some(name) = name else {
        return Err(d.error(
            v,
            JsonProblem::Missing {
                place: numbered,
                field: "name",
            },
        ));
    };
    let Some(seats) = seats else {
        return Err(d.error(
            v,
            JsonProblem::Missing {
                place: z,
                field: "seats",
            },
        ));
    };
    Ok(ZoneRead {
        name: Cow::Owned(name),
        seats,
        valid_votes,
        votes: votes.unwrap_or_default(),
        independents: independents.unwrap_or_default(),
        official,
        lists: lists.unwrap_or_default(),
    })
}

/// An array of texts.
fn texts(d: &Doc<'_>, v: Val, place: &JsonPlace) -> Result<Vec<String>, DataError> {
    match d.kind(v) {
        JsonKind::Array => d.items(v).map(|n| string(d, n, place)).collect(),
        found => Err(d.error(
            v,
            JsonProblem::WrongType {
                place: place.clone(),
                want: JsonShape::ArrayOfTexts,
                found,
            },
        )),
    }
}

/// `lists`: `{ subject: { "fixed": [names], "preferential": [{name, gender, votes}] } }`.
fn lists(d: &Doc<'_>, v: Val, zone: &JsonPlace) -> Result<Vec<(String, CandidateList)>, DataError> {
    let members = entries(d, v, &zone.and(JsonStep::Field("lists")), |subject| {
        JsonProblem::ListTwice {
            place: zone.and(JsonStep::Subject(subject.into())),
        }
    })?;
    let mut out = Vec::with_capacity(members.len());
    for (subject, list) in &members {
        let context = zone.and(JsonStep::Subject(subject.to_string()));
        let (fixed, preferential) = if d.is_null(*list) {
            (None, None)
        } else {
            let m = members_of(d, *list, &context)?;
            (take(d, &m, "fixed"), take(d, &m, "preferential"))
        };
        let fixed = fixed
            .map(|n| texts(d, n, &context.and(JsonStep::Field("fixed"))))
            .transpose()?
            .unwrap_or_default();
        let preferential = match preferential {
            None => Vec::new(),
            Some(n) => {
                if d.kind(n) != JsonKind::Array {
                    return Err(d.error(
                        n,
                        JsonProblem::WrongType {
                            place: context.and(JsonStep::Field("preferential")),
                            want: JsonShape::ArrayOfCandidates,
                            found: d.kind(n),
                        },
                    ));
                }
                d.items(n)
                    .map(|c| candidate(d, c, &context))
                    .collect::<Result<_, _>>()?
            }
        };
        out.push((
            subject.to_string(),
            CandidateList {
                fixed,
                preferential,
            },
        ));
    }
    Ok(out)
}

fn candidate(d: &Doc<'_>, v: Val, list: &JsonPlace) -> Result<Candidate, DataError> {
    let context = list.and(JsonStep::Candidate);
    let m = members_of(d, v, &context)?;
    let missing = |field: &'static str| {
        d.error(
            v,
            JsonProblem::Missing {
                place: context.clone(),
                field,
            },
        )
    };
    let name = string(
        d,
        take(d, &m, "name").ok_or_else(|| missing("name"))?,
        &context,
    )?;
    let g = take(d, &m, "gender").ok_or_else(|| missing("gender"))?;
    let gender = match string(d, g, &context)?.as_str() {
        "f" | "F" | "female" => Gender::Female,
        "m" | "M" | "male" => Gender::Male,
        other => {
            return Err(d.error(
                g,
                JsonProblem::UnknownGender {
                    gender: other.into(),
                },
            ))
        }
    };
    let votes = count(
        d,
        take(d, &m, "votes").ok_or_else(|| missing("votes"))?,
        &JsonPlace::of(JsonStep::Candidate),
        JsonCount::PreferentialVotes,
    )?;
    Ok(Candidate {
        name,
        gender,
        votes,
    })
}

/// `lots`: `[{ "zone": …, "subject": … (optional), "order": [names] }]`.
fn lots(d: &Doc<'_>, v: Val) -> Result<Vec<Lot>, DataError> {
    if d.kind(v) != JsonKind::Array {
        return Err(d.error(
            v,
            JsonProblem::WrongType {
                place: JsonPlace::of(JsonStep::Field("lots")),
                want: JsonShape::Array,
                found: d.kind(v),
            },
        ));
    }
    let lot = JsonPlace::of(JsonStep::Lot);
    d.items(v)
        .map(|item| {
            let m = members_of(d, item, &lot)?;
            let missing = |field: &'static str| {
                d.error(
                    item,
                    JsonProblem::Missing {
                        place: lot.clone(),
                        field,
                    },
                )
            };
            let zone = string(
                d,
                take(d, &m, "zone").ok_or_else(|| missing("zone"))?,
                &lot.and(JsonStep::Field("zone")),
            )?;
            let subject = take(d, &m, "subject")
                .map(|s| string(d, s, &lot.and(JsonStep::Field("subject"))))
                .transpose()?;
            let order = texts(
                d,
                take(d, &m, "order").ok_or_else(|| missing("order"))?,
                &lot.and(JsonStep::Field("order")),
            )?;
            Ok(Lot {
                zone,
                subject,
                order,
            })
        })
        .collect()
}

/// The subject names of an election seen so far (for official seats), added a zone at a
/// time: nothing to add when a zone lists the same names as the one before.
#[derive(Debug, Default)]
pub(crate) struct Known {
    names: HashSet<String>,
    /// The names added last, per kind of count (votes, independents).
    last: [Vec<String>; 2],
}

impl Known {
    pub fn declared(subjects: Option<&[Subject]>) -> Self {
        Self {
            names: subjects
                .unwrap_or_default()
                .iter()
                .map(|s| s.name.clone())
                .collect(),
            last: Default::default(),
        }
    }

    /// Adds the names of a zone's votes (`kind` 0) or independents (1).
    pub fn add<S: AsRef<str>>(&mut self, kind: usize, names: &[(S, u64)]) {
        let last = &mut self.last[kind];
        let same = names.len() == last.len()
            && names
                .iter()
                .zip(last.iter())
                .all(|((n, _), l)| n.as_ref() == l);
        if same {
            return;
        }
        last.clear();
        last.extend(names.iter().map(|(n, _)| n.as_ref().to_owned()));
        for (name, _) in names {
            if !self.names.contains(name.as_ref()) {
                self.names.insert(name.as_ref().to_owned());
            }
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }
}
