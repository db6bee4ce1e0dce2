//! Reading the JSON interchange format. Unknown fields are ignored; `null` for an optional
//! field means absent; object order is kept and duplicate names are refused; every error
//! carries the line and column of the value at fault and names the zone and subject.
//! The text is read by [`crate::json_value`] (no serde), then walked here.

use per_seats::{
    Candidate, CandidateList, Election, Gender, Lot, RuleSet, Subject, SubjectKind, Zone,
};

use crate::document::Document;
use crate::error::DataError;
use crate::json_value::{self, whole, Node, Pos, Value, Whole};

/// Parses the JSON interchange format.
pub fn parse_json(text: &str) -> Result<Document, DataError> {
    not_an_object(text)?;
    let root = json_value::parse(text)?;
    let mut top = Members::of(&root, "the file")?;
    let name = top.take("name").map(|n| string(n, "name")).transpose()?;
    let rules = top
        .take("rules")
        .map(|n| {
            let s = string(n, "rules")?;
            RuleSet::parse(&s).map_err(|e| n.pos.error(e.to_string()))
        })
        .transpose()?;
    let national_valid_votes = top
        .take("national_valid_votes")
        .map(|n| count(n, "national_valid_votes", "valid votes"))
        .transpose()?;
    let house_size = top
        .take("house_size")
        .map(|n| count(n, "house_size", "seats").and_then(|v| small(n.pos, "house_size", v)))
        .transpose()?;
    let subjects = top.take("subjects").map(subjects).transpose()?;
    let zones_node = top
        .take("zones")
        .ok_or_else(|| root.pos.error("missing field zones"))?;
    let Value::Array(items) = &zones_node.value else {
        return Err(zones_node.pos.error(format!(
            "zones must be an array of zones, not {}",
            zones_node.kind()
        )));
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
            _ => {
                return Err(DataError::Json {
                    line,
                    column,
                    message: "the file must be a JSON object".into(),
                })
            }
        }
    }
    Ok(())
}

/// The members of an object, taken by name: each name at most once, `null` as absent.
struct Members<'a> {
    members: &'a [(String, Node)],
}

impl<'a> Members<'a> {
    /// The members of `node`, which must be an object (`context` names it in messages).
    fn of(node: &'a Node, context: &str) -> Result<Self, DataError> {
        let members = entries(node, context, |name| {
            format!("{context}: field {name} given twice")
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
    context: &str,
    twice: impl Fn(&str) -> String,
) -> Result<&'a [(String, Node)], DataError> {
    let Value::Object(members) = &node.value else {
        return Err(node
            .pos
            .error(format!("{context} must be an object, not {}", node.kind())));
    };
    for (i, (name, value)) in members.iter().enumerate() {
        if members[..i].iter().any(|(n, _)| n == name) {
            return Err(value.pos.error(twice(name)));
        }
    }
    Ok(members)
}

fn string(node: &Node, context: &str) -> Result<String, DataError> {
    match &node.value {
        Value::String(s) => Ok(s.clone()),
        _ => Err(node
            .pos
            .error(format!("{context} must be a text, not {}", node.kind()))),
    }
}

/// A non-negative whole number; negative, fractional and too large numbers are named so.
fn count(node: &Node, context: &str, what: &str) -> Result<u64, DataError> {
    let Value::Number(text) = &node.value else {
        return Err(node.pos.error(format!(
            "{context}: {what} must be a whole number, not {}",
            node.kind()
        )));
    };
    match whole(text) {
        Whole::Count(n) => Ok(n),
        Whole::Negative => Err(node
            .pos
            .error(format!("{context}: negative {what} ({text})"))),
        Whole::Fraction => Err(node
            .pos
            .error(format!("{context}: non-integer {what} ({text})"))),
        Whole::TooLarge => Err(node
            .pos
            .error(format!("{context}: {what} too large ({text})"))),
    }
}

fn small(pos: Pos, context: &str, n: u64) -> Result<u32, DataError> {
    u32::try_from(n).map_err(|_| pos.error(format!("{context}: {n} is too large")))
}

/// The declared subjects, in order, duplicates refused.
fn subjects(node: &Node) -> Result<Vec<Subject>, DataError> {
    let members = entries(node, "subjects", |name| {
        format!("subject {name}: declared twice")
    })?;
    let mut out = Vec::with_capacity(members.len());
    for (name, value) in members {
        let kind = match &value.value {
            Value::Null => None,
            _ => Members::of(value, &format!("subject {name}"))?
                .take("kind")
                .map(|k| string(k, &format!("subject {name}: kind")).map(|s| (k.pos, s)))
                .transpose()?,
        };
        let kind = match kind {
            None => SubjectKind::Party,
            Some((_, k)) if k == "party" => SubjectKind::Party,
            Some((_, k)) if k == "coalition" => SubjectKind::Coalition,
            Some((_, k)) if k == "independent" => SubjectKind::Independent,
            Some((pos, other)) => {
                return Err(pos.error(format!(
                    "subject {name}: unknown kind \"{other}\" (expected party, coalition or independent)"
                )))
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
fn counts(node: &Node, zone: &str, what: &str) -> Result<Vec<(String, u64)>, DataError> {
    let members = entries(node, &format!("{zone}: {what}"), |subject| {
        format!("{zone}, subject {subject}: listed twice in {what}")
    })?;
    members
        .iter()
        .map(|(subject, n)| {
            Ok((
                subject.clone(),
                count(n, &format!("{zone}, subject {subject}"), what)?,
            ))
        })
        .collect()
}

/// Official seats by subject, as a zone gives them.
type Official = Vec<(String, u32)>;

/// Zone number `index` (0-based), and its official seats when given.
fn zone(node: &Node, index: usize) -> Result<(Zone, Option<Official>), DataError> {
    let numbered = format!("zone number {}", index + 1);
    let mut m = Members::of(node, &numbered)?;
    let name = m.take("name").map(|n| string(n, &numbered)).transpose()?;
    let z = match &name {
        Some(n) => format!("zone {n}"),
        None => numbered.clone(),
    };
    let seats = m
        .take("seats")
        .map(|n| count(n, &z, "seats").and_then(|v| small(n.pos, &z, v)))
        .transpose()?;
    let valid_votes = m
        .take("valid_votes")
        .map(|n| count(n, &z, "valid votes"))
        .transpose()?;
    let votes = m
        .take("votes")
        .map(|n| counts(n, &z, "votes"))
        .transpose()?;
    let independents = m
        .take("independents")
        .map(|n| counts(n, &z, "votes"))
        .transpose()?;
    let official = m
        .take("official_seats")
        .map(|n| {
            entries(n, &format!("{z}: official seats"), |s| {
                format!("{z}, subject {s}: listed twice in official seats")
            })?
            .iter()
            .map(|(s, v)| {
                let context = format!("{z}, subject {s}");
                let seats = count(v, &context, "official seats")?;
                Ok((s.clone(), small(v.pos, &context, seats)?))
            })
            .collect::<Result<Vec<_>, DataError>>()
        })
        .transpose()?;
    let lists = m.take("lists").map(|n| lists(n, &z)).transpose()?;
    let Some(name) = name else {
        return Err(node.pos.error(format!("{numbered}: missing field name")));
    };
    let Some(seats) = seats else {
        return Err(node.pos.error(format!("zone {name}: missing field seats")));
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
fn texts(node: &Node, context: &str) -> Result<Vec<String>, DataError> {
    match &node.value {
        Value::Array(items) => items.iter().map(|n| string(n, context)).collect(),
        _ => Err(node.pos.error(format!(
            "{context} must be an array of texts, not {}",
            node.kind()
        ))),
    }
}

/// `lists`: `{ subject: { "fixed": [names], "preferential": [{name, gender, votes}] } }`.
fn lists(node: &Node, zone: &str) -> Result<Vec<(String, CandidateList)>, DataError> {
    let members = entries(node, &format!("{zone}: lists"), |subject| {
        format!("{zone}, subject {subject}: candidate list given twice")
    })?;
    let mut out = Vec::with_capacity(members.len());
    for (subject, list) in members {
        let context = format!("{zone}, subject {subject}");
        let (fixed, preferential) = match &list.value {
            Value::Null => (None, None),
            _ => {
                let mut m = Members::of(list, &context)?;
                (m.take("fixed"), m.take("preferential"))
            }
        };
        let fixed = fixed
            .map(|n| texts(n, &format!("{context}: fixed")))
            .transpose()?
            .unwrap_or_default();
        let preferential = match preferential {
            None => Vec::new(),
            Some(n) => {
                let Value::Array(items) = &n.value else {
                    return Err(n.pos.error(format!(
                        "{context}: preferential must be an array of candidates, not {}",
                        n.kind()
                    )));
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

fn candidate(node: &Node, list: &str) -> Result<Candidate, DataError> {
    let context = format!("{list}: candidate");
    let mut m = Members::of(node, &context)?;
    let missing = |field: &str| node.pos.error(format!("{context}: missing field {field}"));
    let name = string(m.take("name").ok_or_else(|| missing("name"))?, &context)?;
    let g = m.take("gender").ok_or_else(|| missing("gender"))?;
    let gender = match string(g, &context)?.as_str() {
        "f" | "F" | "female" => Gender::Female,
        "m" | "M" | "male" => Gender::Male,
        other => {
            return Err(g.pos.error(format!(
                "unknown gender \"{other}\" (expected female or male)"
            )))
        }
    };
    let votes = count(
        m.take("votes").ok_or_else(|| missing("votes"))?,
        "candidate",
        "preferential votes",
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
        return Err(node
            .pos
            .error(format!("lots must be an array, not {}", node.kind())));
    };
    items
        .iter()
        .map(|item| {
            let mut m = Members::of(item, "a lot outcome")?;
            let missing = |field: &str| {
                item.pos
                    .error(format!("a lot outcome: missing field {field}"))
            };
            let zone = string(
                m.take("zone").ok_or_else(|| missing("zone"))?,
                "a lot outcome: zone",
            )?;
            let subject = m
                .take("subject")
                .map(|s| string(s, "a lot outcome: subject"))
                .transpose()?;
            let order = texts(
                m.take("order").ok_or_else(|| missing("order"))?,
                "a lot outcome: order",
            )?;
            Ok(Lot {
                zone,
                subject,
                order,
            })
        })
        .collect()
}
