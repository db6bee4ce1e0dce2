//! Reading the JSON interchange format. Unknown fields are ignored; `null` for an optional
//! field means absent; object order is kept and duplicate names are refused (serde maps
//! would silently drop them); every error carries serde_json's line and column and names
//! the zone and subject.

use core::fmt;

use per_seats::{
    Candidate, CandidateList, Election, Gender, Lot, RuleSet, Subject, SubjectKind, Zone,
};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::document::Document;
use crate::error::DataError;

/// Parses the JSON interchange format.
pub fn parse_json(text: &str) -> Result<Document, DataError> {
    not_an_object(text)?;
    let raw: RawDocument = serde_json::from_str(text)?;
    let official = raw
        .zones
        .0
        .iter()
        .filter_map(|z| z.official.clone().map(|o| (z.zone.name.clone(), o)))
        .collect();
    let doc = Document {
        name: raw.name,
        rules: raw.rules,
        election: Election {
            subjects: raw.subjects.map(|s| s.0),
            national_valid_votes: raw.national_valid_votes,
            house_size: raw.house_size,
            zones: raw.zones.0.into_iter().map(|z| z.zone).collect(),
            lots: raw
                .lots
                .unwrap_or_default()
                .into_iter()
                .map(|l| Lot {
                    zone: l.zone,
                    subject: l.subject,
                    order: l.order,
                })
                .collect(),
        },
        official,
    };
    doc.check_official()?;
    Ok(doc)
}

/// A top-level value that is not an object is refused by name, at its position (serde would
/// otherwise read an array as the fields of a struct, in order).
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

/// Reads `null` as absent, anything else with the inner seed.
struct OrNull<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for OrNull<S> {
    type Value = Option<S::Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for OrNull<S> {
    type Value = Option<S::Value>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Some)
    }
}

#[derive(Deserialize)]
struct RawDocument {
    #[serde(default)]
    name: Option<String>,
    #[serde(default, deserialize_with = "rule_set")]
    rules: Option<RuleSet>,
    #[serde(default, deserialize_with = "national_valid")]
    national_valid_votes: Option<u64>,
    #[serde(default, deserialize_with = "house_size")]
    house_size: Option<u32>,
    #[serde(default)]
    subjects: Option<Subjects>,
    zones: Zones,
    #[serde(default)]
    lots: Option<Vec<RawLot>>,
}

#[derive(Deserialize)]
struct RawLot {
    zone: String,
    #[serde(default)]
    subject: Option<String>,
    order: Vec<String>,
}

fn rule_set<'de, D: Deserializer<'de>>(d: D) -> Result<Option<RuleSet>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(name) => RuleSet::parse(&name).map(Some).map_err(de::Error::custom),
        None => Ok(None),
    }
}

fn national_valid<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    OrNull(CountSeed {
        context: "national_valid_votes",
        what: "valid votes",
    })
    .deserialize(d)
}

fn house_size<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let n = OrNull(CountSeed {
        context: "house_size",
        what: "seats",
    })
    .deserialize(d)?;
    n.map(|n| small("house_size", n)).transpose()
}

fn small<E: de::Error>(context: &str, n: u64) -> Result<u32, E> {
    u32::try_from(n).map_err(|_| E::custom(format!("{context}: {n} is too large")))
}

/// A non-negative whole number; negative and fractional numbers are named as such.
struct CountSeed<'a> {
    context: &'a str,
    what: &'a str,
}

impl<'de> DeserializeSeed<'de> for CountSeed<'_> {
    type Value = u64;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CountSeed<'_> {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a whole number of {} for {}", self.what, self.context)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        u64::try_from(v)
            .map_err(|_| E::custom(format!("{}: negative {} ({v})", self.context, self.what)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        if v < 0.0 {
            Err(E::custom(format!(
                "{}: negative {} ({v})",
                self.context, self.what
            )))
        } else if v.fract() == 0.0 && v < 18_446_744_073_709_551_616.0 {
            Ok(v as u64)
        } else if v.fract() == 0.0 {
            // Whole but beyond u64 (serde_json reads such integers as floats).
            Err(E::custom(format!(
                "{}: {} too large ({v})",
                self.context, self.what
            )))
        } else {
            Err(E::custom(format!(
                "{}: non-integer {} ({v})",
                self.context, self.what
            )))
        }
    }
}

/// An object `{ name: count }` kept in order, duplicates refused.
struct CountsSeed<'a> {
    zone: &'a str,
    what: &'a str,
}

impl<'de> DeserializeSeed<'de> for CountsSeed<'_> {
    type Value = Vec<(String, u64)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CountsSeed<'_> {
    type Value = Vec<(String, u64)>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object of {} by subject for {}", self.what, self.zone)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out: Vec<(String, u64)> = Vec::new();
        while let Some(subject) = map.next_key::<String>()? {
            let context = format!("{}, subject {subject}", self.zone);
            let n = map.next_value_seed(CountSeed {
                context: &context,
                what: self.what,
            })?;
            if out.iter().any(|(s, _)| *s == subject) {
                return Err(de::Error::custom(format!(
                    "{context}: listed twice in {}",
                    self.what
                )));
            }
            out.push((subject, n));
        }
        Ok(out)
    }
}

/// The declared subjects, in order, duplicates refused.
struct Subjects(Vec<Subject>);

impl<'de> Deserialize<'de> for Subjects {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(SubjectsVisitor)
    }
}

struct SubjectsVisitor;

#[derive(Deserialize)]
struct RawSubject {
    #[serde(default)]
    kind: Option<String>,
}

impl<'de> Visitor<'de> for SubjectsVisitor {
    type Value = Subjects;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of subjects, e.g. {\"PS\": {\"kind\": \"party\"}}")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Subjects, A::Error> {
        let mut out: Vec<Subject> = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let raw: Option<RawSubject> = map.next_value()?;
            let kind = match raw.and_then(|r| r.kind).as_deref() {
                None | Some("party") => SubjectKind::Party,
                Some("coalition") => SubjectKind::Coalition,
                Some("independent") => SubjectKind::Independent,
                Some(other) => {
                    return Err(de::Error::custom(format!(
                        "subject {name}: unknown kind {other:?} (expected party, coalition or independent)"
                    )))
                }
            };
            if out.iter().any(|s| s.name == name) {
                return Err(de::Error::custom(format!("subject {name}: declared twice")));
            }
            out.push(Subject { name, kind });
        }
        Ok(Subjects(out))
    }
}

struct RawZone {
    zone: Zone,
    official: Option<Vec<(String, u32)>>,
}

struct Zones(Vec<RawZone>);

impl<'de> Deserialize<'de> for Zones {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(ZonesVisitor)
    }
}

struct ZonesVisitor;

impl<'de> Visitor<'de> for ZonesVisitor {
    type Value = Zones;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of zones")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Zones, A::Error> {
        let mut out = Vec::new();
        while let Some(zone) = seq.next_element_seed(ZoneSeed { index: out.len() })? {
            out.push(zone);
        }
        Ok(Zones(out))
    }
}

struct ZoneSeed {
    index: usize,
}

impl<'de> DeserializeSeed<'de> for ZoneSeed {
    type Value = RawZone;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawZone, D::Error> {
        d.deserialize_map(self)
    }
}

fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, zone: &str, field: &str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::custom(format!("{zone}: field {field} given twice")));
    }
    *slot = Some(value);
    Ok(())
}

impl<'de> Visitor<'de> for ZoneSeed {
    type Value = RawZone;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "zone number {} as an object", self.index + 1)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawZone, A::Error> {
        let mut name: Option<String> = None;
        let mut seats = None;
        let mut valid = None;
        let mut votes = None;
        let mut independents = None;
        let mut official = None;
        let mut lists = None;
        while let Some(key) = map.next_key::<String>()? {
            let zone = match &name {
                Some(n) => format!("zone {n}"),
                None => format!("zone number {}", self.index + 1),
            };
            let z = zone.as_str();
            match key.as_str() {
                "name" => {
                    if let Some(n) = map.next_value::<Option<String>>()? {
                        once(&mut name, n, z, "name")?;
                    }
                }
                "seats" => {
                    if let Some(n) = map.next_value_seed(OrNull(CountSeed {
                        context: z,
                        what: "seats",
                    }))? {
                        once(&mut seats, small(z, n)?, z, "seats")?;
                    }
                }
                "valid_votes" => {
                    if let Some(n) = map.next_value_seed(OrNull(CountSeed {
                        context: z,
                        what: "valid votes",
                    }))? {
                        once(&mut valid, n, z, "valid_votes")?;
                    }
                }
                "votes" => {
                    if let Some(v) = map.next_value_seed(OrNull(CountsSeed {
                        zone: z,
                        what: "votes",
                    }))? {
                        once(&mut votes, v, z, "votes")?;
                    }
                }
                "independents" => {
                    if let Some(v) = map.next_value_seed(OrNull(CountsSeed {
                        zone: z,
                        what: "votes",
                    }))? {
                        once(&mut independents, v, z, "independents")?;
                    }
                }
                "official_seats" => {
                    if let Some(v) = map.next_value_seed(OrNull(CountsSeed {
                        zone: z,
                        what: "official seats",
                    }))? {
                        let v = v
                            .into_iter()
                            .map(|(s, n)| small(&format!("{z}, subject {s}"), n).map(|n| (s, n)))
                            .collect::<Result<Vec<_>, A::Error>>()?;
                        once(&mut official, v, z, "official_seats")?;
                    }
                }
                "lists" => {
                    if let Some(v) = map.next_value_seed(OrNull(ListsSeed { zone: z }))? {
                        once(&mut lists, v, z, "lists")?;
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let Some(name) = name else {
            return Err(de::Error::custom(format!(
                "zone number {}: missing field name",
                self.index + 1
            )));
        };
        let Some(seats) = seats else {
            return Err(de::Error::custom(format!(
                "zone {name}: missing field seats"
            )));
        };
        Ok(RawZone {
            zone: Zone {
                name,
                seats,
                valid_votes: valid,
                votes: votes.unwrap_or_default(),
                independents: independents.unwrap_or_default(),
                lists: lists.unwrap_or_default(),
            },
            official,
        })
    }
}

/// `lists`: `{ subject: { "fixed": [names], "preferential": [{name, gender, votes}] } }`.
struct ListsSeed<'a> {
    zone: &'a str,
}

#[derive(Deserialize)]
struct RawList {
    #[serde(default)]
    fixed: Option<Vec<String>>,
    #[serde(default)]
    preferential: Option<Vec<RawCandidate>>,
}

#[derive(Deserialize)]
struct RawCandidate {
    name: String,
    #[serde(deserialize_with = "gender")]
    gender: Gender,
    #[serde(deserialize_with = "preferential_votes")]
    votes: u64,
}

fn gender<'de, D: Deserializer<'de>>(d: D) -> Result<Gender, D::Error> {
    let g = String::deserialize(d)?;
    match g.as_str() {
        "f" | "F" | "female" => Ok(Gender::Female),
        "m" | "M" | "male" => Ok(Gender::Male),
        _ => Err(de::Error::custom(format!(
            "unknown gender {g:?} (expected female or male)"
        ))),
    }
}

fn preferential_votes<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    CountSeed {
        context: "candidate",
        what: "preferential votes",
    }
    .deserialize(d)
}

impl<'de> DeserializeSeed<'de> for ListsSeed<'_> {
    type Value = Vec<(String, CandidateList)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ListsSeed<'_> {
    type Value = Vec<(String, CandidateList)>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an object of candidate lists by subject for {}",
            self.zone
        )
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out: Vec<(String, CandidateList)> = Vec::new();
        while let Some(subject) = map.next_key::<String>()? {
            let raw: RawList = map.next_value::<Option<RawList>>()?.unwrap_or(RawList {
                fixed: None,
                preferential: None,
            });
            if out.iter().any(|(s, _)| *s == subject) {
                return Err(de::Error::custom(format!(
                    "{}, subject {subject}: candidate list given twice",
                    self.zone
                )));
            }
            let list = CandidateList {
                fixed: raw.fixed.unwrap_or_default(),
                preferential: raw
                    .preferential
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| Candidate {
                        name: c.name,
                        gender: c.gender,
                        votes: c.votes,
                    })
                    .collect(),
            };
            out.push((subject, list));
        }
        Ok(out)
    }
}
