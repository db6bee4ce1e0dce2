//! Writing a result as the JSON object of the law specification, plus explanation fields,
//! pretty-printed (two spaces, as serde_json's pretty printer): the zones' objects from
//! separators made once per writer, names escaped once per subject, integers by `itoa`;
//! the rarer parts (rules, candidate lists, the national part) through serde_json.

use std::io::{self, Write};

use per_seats::{
    Allocation, Flip, ListPart, ListResult, Quotient, Ranked, Rules, SeatSensitivity, SubjectTotal,
    ZoneResult,
};
use serde::Serialize;

use crate::document::Document;
use crate::out::{int, OfficialCursor, Tracker};

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
    // Writing plain strings and integers into memory cannot fail.
    let _ = write_json(&mut bytes, doc, allocation, sensitivity);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`to_json`] (with `sensitivity`, [`to_json_explained`]) written to `w` a zone at a time.
pub fn write_json<W: Write>(
    w: &mut W,
    doc: &Document,
    allocation: &Allocation,
    sensitivity: Option<&[Vec<SeatSensitivity>]>,
) -> io::Result<()> {
    let mut out = JsonWriter::new(sensitivity.is_some());
    out.head(
        w,
        doc.name.as_deref(),
        &allocation.rules,
        allocation.national_valid_votes,
    )?;
    let mut official = OfficialCursor::new(doc);
    for (i, z) in allocation.zones.iter().enumerate() {
        let seats = sensitivity.and_then(|s| s.get(i)).map(Vec::as_slice);
        out.zone(w, &allocation.subjects, z, official.of(&z.name), seats)?;
    }
    out.tail(w, allocation)
}

/// Two spaces per level.
fn indent(level: usize) -> String {
    " ".repeat(2 * level)
}

/// The separators of an object with `keys` whose brace is at `level`: before each key's
/// value (`{` or `,`, a new line, the indent, the key) and the closing brace.
#[derive(Debug)]
struct Object {
    keys: Vec<Vec<u8>>,
    close: Vec<u8>,
}

impl Object {
    fn new(level: usize, keys: &[&str]) -> Self {
        let inner = indent(level + 1);
        let keys = keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let open = if i == 0 { "{" } else { "," };
                format!("{open}\n{inner}\"{k}\": ").into_bytes()
            })
            .collect();
        Self {
            keys,
            close: format!("\n{}}}", indent(level)).into_bytes(),
        }
    }

    fn key(&self, buf: &mut Vec<u8>, i: usize) {
        buf.extend_from_slice(&self.keys[i]);
    }
}

/// The separators of an array (or map) whose bracket is at `level`.
#[derive(Debug)]
struct List {
    first: Vec<u8>,
    next: Vec<u8>,
    close_array: Vec<u8>,
    close_map: Vec<u8>,
}

impl List {
    fn new(level: usize) -> Self {
        let inner = indent(level + 1);
        Self {
            first: format!("\n{inner}").into_bytes(),
            next: format!(",\n{inner}").into_bytes(),
            close_array: format!("\n{}]", indent(level)).into_bytes(),
            close_map: format!("\n{}}}", indent(level)).into_bytes(),
        }
    }

    fn item(&self, buf: &mut Vec<u8>, i: usize) {
        buf.extend_from_slice(if i == 0 { &self.first } else { &self.next });
    }
}

const ZONE_KEYS: [&str; 15] = [
    "name",
    "seats",
    "lot_required",
    "lot_seats",
    "zone_seats",
    "valid_votes",
    "subjects",
    "awarded",
    "last_winning",
    "first_losing",
    "half_at_boundary",
    "official_seats",
    "matches_official",
    "lists",
    "sensitivity",
];

/// Writes a result as JSON as it is made: [`JsonWriter::head`], then each zone, then
/// [`JsonWriter::tail`] (the national part); nothing but one zone is held at a time.
#[derive(Debug)]
pub struct JsonWriter {
    explain: bool,
    buf: Vec<u8>,
    /// Each subject's name as a JSON string, made when first needed.
    names: Vec<Vec<u8>>,
    zones: usize,
    tracker: Tracker,
    zone: Object,
    subject: Object,
    /// A quotient inside an array (level 4) and as a value of the zone (level 3).
    quotient: [Object; 2],
    fraction: [Object; 2],
    seat: Object,
    /// Lists at levels 1 (national part) and 3 (a zone's members).
    list: [List; 2],
}

impl JsonWriter {
    /// A writer; `explain` adds each zone's `sensitivity`.
    pub fn new(explain: bool) -> Self {
        let quotient = |level| {
            Object::new(
                level,
                &[
                    "place", "subject", "divisor", "quotient", "rounded", "half", "by_lot",
                ],
            )
        };
        let fraction = |level| Object::new(level, &["num", "den"]);
        Self {
            explain,
            buf: Vec::with_capacity(1 << 14),
            names: Vec::new(),
            zones: 0,
            tracker: Tracker::default(),
            zone: Object::new(2, &ZONE_KEYS),
            subject: Object::new(
                4,
                &[
                    "name",
                    "kind",
                    "votes",
                    "eligible",
                    "seats",
                    "votes_for_next_seat",
                ],
            ),
            quotient: [quotient(4), quotient(3)],
            fraction: [fraction(5), fraction(4)],
            seat: Object::new(4, &["place", "subject", "nth", "votes", "change", "to"]),
            list: [List::new(1), List::new(3)],
        }
    }

    fn flush(&mut self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// The name, the readings and the national valid votes; opens the zones.
    pub fn head(
        &mut self,
        w: &mut impl Write,
        name: Option<&str>,
        rules: &Rules,
        national_valid_votes: u64,
    ) -> io::Result<()> {
        let b = &mut self.buf;
        b.extend_from_slice(b"{\n  \"name\": ");
        match name {
            Some(n) => string(b, n),
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(b",\n  \"rules\": ");
        pretty(b, &RulesOut::from(rules), 1);
        b.extend_from_slice(b",\n  \"national_valid_votes\": ");
        int(b, national_valid_votes);
        b.extend_from_slice(b",\n  \"zones\": [");
        self.flush(w)
    }

    fn name(&mut self, subjects: &[SubjectTotal], i: usize) -> &[u8] {
        while self.names.len() < subjects.len() {
            let mut s = Vec::new();
            string(&mut s, &subjects[self.names.len()].name);
            self.names.push(s);
        }
        self.names.get(i).map_or(b"\"\"", Vec::as_slice)
    }

    /// One zone: `official` its official seats, `sensitivity` its seats' sensitivity (when
    /// the writer explains).
    pub fn zone<S: AsRef<str>>(
        &mut self,
        w: &mut impl Write,
        subjects: &[SubjectTotal],
        z: &ZoneResult,
        official: Option<&[(S, u32)]>,
        sensitivity: Option<&[SeatSensitivity]>,
    ) -> io::Result<()> {
        self.name(subjects, 0);
        let matches = self.tracker.zone(subjects, z, official);
        let Self {
            buf: b,
            names,
            zone,
            subject,
            quotient,
            fraction,
            seat,
            list,
            ..
        } = self;
        let name = |i: usize| names.get(i).map_or(&b"\"\""[..], Vec::as_slice);
        let l3 = &list[1];
        b.extend_from_slice(if self.zones == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        self.zones += 1;
        zone.key(b, 0);
        string(b, &z.name);
        zone.key(b, 1);
        map(
            b,
            l3,
            z.subjects
                .iter()
                .filter(|s| s.seats > 0)
                .map(|s| (name(s.subject), s.seats)),
        );
        zone.key(b, 2);
        let contenders = z.lot.as_ref().map_or(&[][..], |l| &l.contenders);
        array(b, l3, contenders, |b, &c| b.extend_from_slice(name(c)));
        zone.key(b, 3);
        int(b, z.lot.as_ref().map_or(0, |l| l.seats));
        zone.key(b, 4);
        int(b, z.seats);
        zone.key(b, 5);
        int(b, z.valid_votes);
        zone.key(b, 6);
        array(b, l3, &z.subjects, |b, s| {
            subject.key(b, 0);
            b.extend_from_slice(name(s.subject));
            subject.key(b, 1);
            b.push(b'"');
            b.extend_from_slice(s.kind.name().as_bytes());
            b.push(b'"');
            subject.key(b, 2);
            int(b, s.votes);
            subject.key(b, 3);
            boolean(b, s.eligible);
            subject.key(b, 4);
            int(b, s.seats);
            subject.key(b, 5);
            option(b, s.votes_for_next_seat);
            b.extend_from_slice(&subject.close);
        });
        let ranked = |b: &mut Vec<u8>, r: &Ranked, at: usize| {
            let (q, f, v): (&Object, &Object, &Quotient) =
                (&quotient[at], &fraction[at], &r.quotient);
            q.key(b, 0);
            int(b, r.place);
            q.key(b, 1);
            b.extend_from_slice(name(r.subject));
            q.key(b, 2);
            int(b, v.divisor);
            q.key(b, 3);
            f.key(b, 0);
            int(b, v.votes);
            f.key(b, 1);
            int(b, v.divisor);
            b.extend_from_slice(&f.close);
            q.key(b, 4);
            option(b, v.rounded);
            q.key(b, 5);
            boolean(b, v.half);
            q.key(b, 6);
            boolean(b, r.by_lot);
            b.extend_from_slice(&q.close);
        };
        zone.key(b, 7);
        array(b, l3, &z.awarded, |b, r| ranked(b, r, 0));
        zone.key(b, 8);
        match &z.last_winning {
            Some(r) => ranked(b, r, 1),
            None => b.extend_from_slice(b"null"),
        }
        zone.key(b, 9);
        match &z.first_losing {
            Some(r) => ranked(b, r, 1),
            None => b.extend_from_slice(b"null"),
        }
        zone.key(b, 10);
        array(b, l3, &z.half_at_boundary, |b, r| ranked(b, r, 0));
        zone.key(b, 11);
        match official {
            Some(o) => {
                let mut keys: Vec<Vec<u8>> = Vec::with_capacity(o.len());
                for (s, _) in o {
                    let mut k = Vec::new();
                    string(&mut k, s.as_ref());
                    keys.push(k);
                }
                map(
                    b,
                    l3,
                    keys.iter().zip(o).map(|(k, (_, n))| (k.as_slice(), *n)),
                );
            }
            None => b.extend_from_slice(b"null"),
        }
        zone.key(b, 12);
        match matches {
            Some(m) => boolean(b, m),
            None => b.extend_from_slice(b"null"),
        }
        zone.key(b, 13);
        if z.lists.is_empty() {
            b.extend_from_slice(b"[]");
        } else {
            let lists: Vec<ListOut<'_>> =
                z.lists.iter().map(|l| ListOut::new(subjects, l)).collect();
            pretty(b, &lists, 3);
        }
        if self.explain {
            zone.key(b, 14);
            array(b, l3, sensitivity.unwrap_or_default(), |b, s| {
                seat.key(b, 0);
                int(b, s.place);
                seat.key(b, 1);
                b.extend_from_slice(name(s.subject));
                seat.key(b, 2);
                int(b, s.nth);
                let (votes, change, to) = match s.flip {
                    None => (None, None, None),
                    Some((m, Flip::Add { to })) => (Some(m), Some("add"), Some(to)),
                    Some((m, Flip::Move { to })) => (Some(m), Some("move"), Some(to)),
                };
                seat.key(b, 3);
                option(b, votes);
                seat.key(b, 4);
                match change {
                    Some(c) => {
                        b.push(b'"');
                        b.extend_from_slice(c.as_bytes());
                        b.push(b'"');
                    }
                    None => b.extend_from_slice(b"null"),
                }
                seat.key(b, 5);
                match to {
                    Some(t) => b.extend_from_slice(name(t)),
                    None => b.extend_from_slice(b"null"),
                }
                b.extend_from_slice(&seat.close);
            });
        }
        b.extend_from_slice(&zone.close);
        if self.buf.len() >= 1 << 14 {
            self.flush(w)?;
        }
        Ok(())
    }

    /// Closes the zones and writes the national part of `national` (the national totals,
    /// excluded subjects and warnings of [`per_seats::Allocator::national`]).
    pub fn tail(&mut self, w: &mut impl Write, national: &Allocation) -> io::Result<()> {
        let names: Vec<Vec<u8>> = national
            .subjects
            .iter()
            .map(|s| {
                let mut k = Vec::new();
                string(&mut k, &s.name);
                k
            })
            .collect();
        let l1 = &self.list[0];
        let b = &mut self.buf;
        b.extend_from_slice(if self.zones == 0 { b"]" } else { b"\n  ]" });
        b.extend_from_slice(b",\n  \"national\": ");
        let subjects = names.iter().zip(&national.subjects);
        map(
            b,
            l1,
            subjects
                .clone()
                .filter(|(_, s)| s.seats > 0)
                .map(|(k, s)| (k.as_slice(), s.seats)),
        );
        b.extend_from_slice(b",\n  \"national_votes\": ");
        map(b, l1, subjects.map(|(k, s)| (k.as_slice(), s.votes)));
        b.extend_from_slice(b",\n  \"excluded\": ");
        array(b, l1, &national.excluded, |b, &i| {
            b.extend_from_slice(names.get(i).map_or(&b"\"\""[..], Vec::as_slice));
        });
        b.extend_from_slice(b",\n  \"seats_allocated\": ");
        int(b, national.seats_allocated());
        b.extend_from_slice(b",\n  \"any_lot_required\": ");
        boolean(b, self.tracker.lot_required);
        b.extend_from_slice(b",\n  \"official_national\": ");
        match &self.tracker.official {
            Some(o) => {
                let keys: Vec<Vec<u8>> = o
                    .iter()
                    .map(|(s, _)| {
                        let mut k = Vec::new();
                        string(&mut k, s);
                        k
                    })
                    .collect();
                map(
                    b,
                    l1,
                    keys.iter().zip(o).map(|(k, (_, n))| (k.as_slice(), *n)),
                );
            }
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(b",\n  \"warnings\": ");
        array(b, l1, &national.warnings, |b, warning| {
            string(b, &warning.to_string());
        });
        b.extend_from_slice(b"\n}");
        self.flush(w)
    }
}

/// `s` as a JSON string (serde_json's escaping).
fn string(buf: &mut Vec<u8>, s: &str) {
    // Writing a string into memory cannot fail.
    let _ = serde_json::to_writer(&mut *buf, s);
}

fn boolean(buf: &mut Vec<u8>, b: bool) {
    buf.extend_from_slice(if b { b"true" } else { b"false" });
}

fn option(buf: &mut Vec<u8>, n: Option<u64>) {
    match n {
        Some(n) => int(buf, n),
        None => buf.extend_from_slice(b"null"),
    }
}

/// An array at `list`'s level: `[]`, or each item on its own line.
fn array<T>(buf: &mut Vec<u8>, list: &List, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    if items.is_empty() {
        buf.extend_from_slice(b"[]");
        return;
    }
    buf.push(b'[');
    for (i, x) in items.iter().enumerate() {
        list.item(buf, i);
        item(buf, x);
    }
    buf.extend_from_slice(&list.close_array);
}

/// An ordered `{ name: n }` object at `list`'s level (names already JSON strings).
fn map<'a, N: itoa::Integer>(
    buf: &mut Vec<u8>,
    list: &List,
    entries: impl Iterator<Item = (&'a [u8], N)>,
) {
    let mut n = 0;
    for (name, value) in entries {
        if n == 0 {
            buf.push(b'{');
        }
        list.item(buf, n);
        buf.extend_from_slice(name);
        buf.extend_from_slice(b": ");
        int(buf, value);
        n += 1;
    }
    buf.extend_from_slice(if n == 0 { b"{}" } else { &list.close_map });
}

/// `value` pretty-printed by serde_json, indented to `level`.
fn pretty(buf: &mut Vec<u8>, value: &impl Serialize, level: usize) {
    let mut text = Vec::new();
    // Serialising plain structs, strings and integers into memory cannot fail.
    let _ = serde_json::to_writer_pretty(&mut text, value);
    let pad = indent(level);
    // A JSON text has no raw new line inside a string: each one starts a line.
    for (i, line) in text.split(|&c| c == b'\n').enumerate() {
        if i > 0 {
            buf.push(b'\n');
            buf.extend_from_slice(pad.as_bytes());
        }
        buf.extend_from_slice(line);
    }
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

impl<'a> ListOut<'a> {
    fn new(subjects: &'a [SubjectTotal], l: &'a ListResult) -> Self {
        Self {
            subject: subjects.get(l.subject).map_or("", |s| s.name.as_str()),
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
