//! Reading the JSON interchange format. Unknown fields are ignored; `null` for an optional
//! field means absent; object order is kept and duplicate names are refused; every error
//! carries the line and column of the value at fault and names the zone and subject.
//! The text is read by [`crate::json_value`] (no serde), then walked here.

use per_seats::{
    Candidate, CandidateList, Election, Gender, Lot, RuleSet, Subject, SubjectKind, Zone,
};

use crate::document::Document;
use crate::error::{DataError, JsonCount, JsonPlace, JsonProblem, JsonShape, JsonStep, NotACount};
use crate::json_value::{self, whole, Node, Pos, Value, Whole};

/// Parses the JSON interchange format.
pub fn parse_json(text: &str) -> Result<Document, DataError> {
    not_an_object(text)?;
    let root = json_value::parse(text)?;
    let field = |name| JsonPlace::of(JsonStep::Field(name));
    let mut top = Members::of(&root, &JsonPlace::of(JsonStep::File))?;
    let name = top
        .take("name")
        .map(|n| string(n, &field("name")))
        .transpose()?;
    let rules = top
        .take("rules")
        .map(|n| {
            let s = string(n, &field("rules"))?;
            RuleSet::parse(&s).map_err(|e| n.pos.error(JsonProblem::Rules(e)))
        })
        .transpose()?;
    let national_valid_votes = top
        .take("national_valid_votes")
        .map(|n| count(n, &field("national_valid_votes"), JsonCount::ValidVotes))
        .transpose()?;
    let house_size = top
        .take("house_size")
        .map(|n| {
            let place = field("house_size");
            count(n, &place, JsonCount::Seats).and_then(|v| small(n.pos, &place, v))
        })
        .transpose()?;
    let subjects = top.take("subjects").map(subjects).transpose()?;
    let zones_node = top.take("zones").ok_or_else(|| {
        root.pos.error(JsonProblem::Missing {
            place: JsonPlace::default(),
            field: "zones",
        })
    })?;
    let Value::Array(items) = &zones_node.value else {
        return Err(zones_node.pos.error(JsonProblem::WrongType {
            place: field("zones"),
            want: JsonShape::ArrayOfZones,
            found: zones_node.kind(),
        }));
    };
    let mut zones = Vec::with_capacity(items.len());
    let mut official = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (zone, seats) = zone(item, i)?;
        if let Some(seats) = seats {
            official.push((zone.name.clone(), seats));
        }
        zones.push(zone);
    }
    let lots = top.take("lots").map(lots).transpose()?.unwrap_or_default();
    let doc = Document {
        name,
        rules,
        election: Election {
            subjects,
            national_valid_votes,
            house_size,
            zones,
            lots,
        },
        official,
    };
    doc.check_official()?;
    Ok(doc)
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
            _ => return Err(Pos { line, column }.error(JsonProblem::NotAnObject)),
        }
    }
    Ok(())
}

/// The members of an object, taken by name: each name at most once, `null` as absent.
struct Members<'a> {
    members: &'a [(String, Node)],
}

impl<'a> Members<'a> {
    /// The members of `node`, which must be an object (`place` names it in messages).
    fn of(node: &'a Node, place: &JsonPlace) -> Result<Self, DataError> {
        let members = entries(node, place, |name| JsonProblem::FieldTwice {
            place: place.clone(),
            name: name.into(),
        })?;
        Ok(Members { members })
    }

    /// Member `name`, unless absent or `null`.
    fn take(&mut self, name: &str) -> Option<&'a Node> {
        self.members
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
            .filter(|v| v.value != Value::Null)
    }
}

/// An object of `{ name: value }` in order, each name once (`twice` says a duplicate).
fn entries<'a>(
    node: &'a Node,
    place: &JsonPlace,
    twice: impl Fn(&str) -> JsonProblem,
) -> Result<&'a [(String, Node)], DataError> {
    let Value::Object(members) = &node.value else {
        return Err(node.pos.error(JsonProblem::WrongType {
            place: place.clone(),
            want: JsonShape::Object,
            found: node.kind(),
        }));
    };
    for (i, (name, value)) in members.iter().enumerate() {
        if members[..i].iter().any(|(n, _)| n == name) {
            return Err(value.pos.error(twice(name)));
        }
    }
    Ok(members)
}

fn string(node: &Node, place: &JsonPlace) -> Result<String, DataError> {
    match &node.value {
        Value::String(s) => Ok(s.clone()),
        _ => Err(node.pos.error(JsonProblem::WrongType {
            place: place.clone(),
            want: JsonShape::Text,
            found: node.kind(),
        })),
    }
}

/// A non-negative whole number; negative, fractional and too large numbers are named so.
fn count(node: &Node, place: &JsonPlace, what: JsonCount) -> Result<u64, DataError> {
    let Value::Number(text) = &node.value else {
        return Err(node.pos.error(JsonProblem::NotANumber {
            place: place.clone(),
            count: what,
            found: node.kind(),
        }));
    };
    let why = match whole(text) {
        Whole::Count(n) => return Ok(n),
        Whole::Negative => NotACount::Negative,
        Whole::Fraction => NotACount::NotWhole,
        Whole::TooLarge => NotACount::TooLarge,
    };
    Err(node.pos.error(JsonProblem::BadCount {
        place: place.clone(),
        count: what,
        why,
        text: text.clone(),
    }))
}

fn small(pos: Pos, place: &JsonPlace, n: u64) -> Result<u32, DataError> {
    u32::try_from(n).map_err(|_| {
        pos.error(JsonProblem::TooLarge {
            place: place.clone(),
            n,
        })
    })
}

/// The declared subjects, in order, duplicates refused.
fn subjects(node: &Node) -> Result<Vec<Subject>, DataError> {
    let members = entries(node, &JsonPlace::of(JsonStep::Field("subjects")), |name| {
        JsonProblem::SubjectTwice { name: name.into() }
    })?;
    let mut out = Vec::with_capacity(members.len());
    for (name, value) in members {
        let place = JsonPlace::of(JsonStep::Subject(name.clone()));
        let kind = match &value.value {
            Value::Null => None,
            _ => Members::of(value, &place)?
                .take("kind")
                .map(|k| string(k, &place.and(JsonStep::Field("kind"))).map(|s| (k.pos, s)))
                .transpose()?,
        };
        let kind = match kind {
            None => SubjectKind::Party,
            Some((_, k)) if k == "party" => SubjectKind::Party,
            Some((_, k)) if k == "coalition" => SubjectKind::Coalition,
            Some((_, k)) if k == "independent" => SubjectKind::Independent,
            Some((pos, other)) => {
                return Err(pos.error(JsonProblem::UnknownKind {
                    subject: name.clone(),
                    kind: other,
                }))
            }
        };
        out.push(Subject {
            name: name.clone(),
            kind,
        });
    }
    Ok(out)
}

/// An object `{ subject: count }` kept in order, duplicates refused.
fn counts(node: &Node, zone: &JsonPlace, what: JsonCount) -> Result<Vec<(String, u64)>, DataError> {
    let members = entries(node, &zone.and(JsonStep::Count(what)), |subject| {
        JsonProblem::ListedTwice {
            place: zone.and(JsonStep::Subject(subject.into())),
            count: what,
        }
    })?;
    members
        .iter()
        .map(|(subject, n)| {
            Ok((
                subject.clone(),
                count(n, &zone.and(JsonStep::Subject(subject.clone())), what)?,
            ))
        })
        .collect()
}

/// Official seats by subject, as a zone gives them.
type Official = Vec<(String, u32)>;

/// Zone number `index` (0-based), and its official seats when given.
fn zone(node: &Node, index: usize) -> Result<(Zone, Option<Official>), DataError> {
    let numbered = JsonPlace::of(JsonStep::ZoneNumber(index + 1));
    let mut m = Members::of(node, &numbered)?;
    let name = m.take("name").map(|n| string(n, &numbered)).transpose()?;
    let z = match &name {
        Some(n) => JsonPlace::of(JsonStep::Zone(n.clone())),
        None => numbered.clone(),
    };
    let seats = m
        .take("seats")
        .map(|n| count(n, &z, JsonCount::Seats).and_then(|v| small(n.pos, &z, v)))
        .transpose()?;
    let valid_votes = m
        .take("valid_votes")
        .map(|n| count(n, &z, JsonCount::ValidVotes))
        .transpose()?;
    let votes = m
        .take("votes")
        .map(|n| counts(n, &z, JsonCount::Votes))
        .transpose()?;
    let independents = m
        .take("independents")
        .map(|n| counts(n, &z, JsonCount::Votes))
        .transpose()?;
    let official = m
        .take("official_seats")
        .map(|n| {
            entries(n, &z.and(JsonStep::Count(JsonCount::OfficialSeats)), |s| {
                JsonProblem::ListedTwice {
                    place: z.and(JsonStep::Subject(s.into())),
                    count: JsonCount::OfficialSeats,
                }
            })?
            .iter()
            .map(|(s, v)| {
                let place = z.and(JsonStep::Subject(s.clone()));
                let seats = count(v, &place, JsonCount::OfficialSeats)?;
                Ok((s.clone(), small(v.pos, &place, seats)?))
            })
            .collect::<Result<Vec<_>, DataError>>()
        })
        .transpose()?;
    let lists = m.take("lists").map(|n| lists(n, &z)).transpose()?;
    let Some(name) = name else {
        return Err(node.pos.error(JsonProblem::Missing {
            place: numbered,
            field: "name",
        }));
    };
    let Some(seats) = seats else {
        return Err(node.pos.error(JsonProblem::Missing {
            place: z,
            field: "seats",
        }));
    };
    Ok((
        Zone {
            name,
            seats,
            valid_votes,
            votes: votes.unwrap_or_default(),
            independents: independents.unwrap_or_default(),
            lists: lists.unwrap_or_default(),
        },
        official,
    ))
}

/// An array of texts.
fn texts(node: &Node, place: &JsonPlace) -> Result<Vec<String>, DataError> {
    match &node.value {
        Value::Array(items) => items.iter().map(|n| string(n, place)).collect(),
        _ => Err(node.pos.error(JsonProblem::WrongType {
            place: place.clone(),
            want: JsonShape::ArrayOfTexts,
            found: node.kind(),
        })),
    }
}

/// `lists`: `{ subject: { "fixed": [names], "preferential": [{name, gender, votes}] } }`.
fn lists(node: &Node, zone: &JsonPlace) -> Result<Vec<(String, CandidateList)>, DataError> {
    let members = entries(node, &zone.and(JsonStep::Field("lists")), |subject| {
        JsonProblem::ListTwice {
            place: zone.and(JsonStep::Subject(subject.into())),
        }
    })?;
    let mut out = Vec::with_capacity(members.len());
    for (subject, list) in members {
        let context = zone.and(JsonStep::Subject(subject.clone()));
        let (fixed, preferential) = match &list.value {
            Value::Null => (None, None),
            _ => {
                let mut m = Members::of(list, &context)?;
                (m.take("fixed"), m.take("preferential"))
            }
        };
        let fixed = fixed
            .map(|n| texts(n, &context.and(JsonStep::Field("fixed"))))
            .transpose()?
            .unwrap_or_default();
        let preferential = match preferential {
            None => Vec::new(),
            Some(n) => {
                let Value::Array(items) = &n.value else {
                    return Err(n.pos.error(JsonProblem::WrongType {
                        place: context.and(JsonStep::Field("preferential")),
                        want: JsonShape::ArrayOfCandidates,
                        found: n.kind(),
                    }));
                };
                items
                    .iter()
                    .map(|c| candidate(c, &context))
                    .collect::<Result<_, _>>()?
            }
        };
        out.push((
            subject.clone(),
            CandidateList {
                fixed,
                preferential,
            },
        ));
    }
    Ok(out)
}

fn candidate(node: &Node, list: &JsonPlace) -> Result<Candidate, DataError> {
    let context = list.and(JsonStep::Candidate);
    let mut m = Members::of(node, &context)?;
    let missing = |field: &'static str| {
        node.pos.error(JsonProblem::Missing {
            place: context.clone(),
            field,
        })
    };
    let name = string(m.take("name").ok_or_else(|| missing("name"))?, &context)?;
    let g = m.take("gender").ok_or_else(|| missing("gender"))?;
    let gender = match string(g, &context)?.as_str() {
        "f" | "F" | "female" => Gender::Female,
        "m" | "M" | "male" => Gender::Male,
        other => {
            return Err(g.pos.error(JsonProblem::UnknownGender {
                gender: other.into(),
            }))
        }
    };
    let votes = count(
        m.take("votes").ok_or_else(|| missing("votes"))?,
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
fn lots(node: &Node) -> Result<Vec<Lot>, DataError> {
    let Value::Array(items) = &node.value else {
        return Err(node.pos.error(JsonProblem::WrongType {
            place: JsonPlace::of(JsonStep::Field("lots")),
            want: JsonShape::Array,
            found: node.kind(),
        }));
    };
    let lot = JsonPlace::of(JsonStep::Lot);
    items
        .iter()
        .map(|item| {
            let mut m = Members::of(item, &lot)?;
            let missing = |field: &'static str| {
                item.pos.error(JsonProblem::Missing {
                    place: lot.clone(),
                    field,
                })
            };
            let zone = string(
                m.take("zone").ok_or_else(|| missing("zone"))?,
                &lot.and(JsonStep::Field("zone")),
            )?;
            let subject = m
                .take("subject")
                .map(|s| string(s, &lot.and(JsonStep::Field("subject"))))
                .transpose()?;
            let order = texts(
                m.take("order").ok_or_else(|| missing("order"))?,
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
