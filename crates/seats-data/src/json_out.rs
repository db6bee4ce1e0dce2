//! Writing a result as the JSON object of the law specification, plus explanation fields,
//! pretty-printed (two spaces, as serde_json's pretty printer): the zones' objects from
//! constant separators (indent and key in one), names escaped once per subject, integers
//! by `itoa`; the rarer parts (rules, candidate lists) through serde_json.

use std::io::{self, Write};

use per_seats::{
    Allocation, Flip, ListPart, ListResult, Quotient, Ranked, Rules, SeatSensitivity, SubjectKind,
    SubjectTotal, ZoneResult,
};
use serde::Serialize;

use crate::document::Document;
use crate::out::{int, OfficialCursor, Short, Tracker, FLUSH};

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

/// The separators before each key's value of an object whose keys are indented by `ind`:
/// `{` or `,`, a new line, the indent, the key.
macro_rules! keys {
    ($ind:literal; $first:literal $(, $key:literal)*) => {
        [
            concat!("{\n", $ind, "\"", $first, "\": ").as_bytes()
            $(, concat!(",\n", $ind, "\"", $key, "\": ").as_bytes())*
        ]
    };
}

/// The separators of an array (or map) whose items are indented by `ind`, closed at `close`.
macro_rules! list {
    ($ind:literal, $close:literal) => {
        List {
            first: concat!("\n", $ind).as_bytes(),
            next: concat!(",\n", $ind).as_bytes(),
            close_array: concat!("\n", $close, "]").as_bytes(),
            close_map: concat!("\n", $close, "}").as_bytes(),
        }
    };
}

/// The separators of an array (or map) at one level.
#[derive(Debug)]
struct List {
    first: &'static [u8],
    next: &'static [u8],
    close_array: &'static [u8],
    close_map: &'static [u8],
}

impl List {
    #[inline(always)]
    fn item(&self, buf: &mut Vec<u8>, i: usize) {
        buf.extend_from_slice(if i == 0 { self.first } else { self.next });
    }
}

/// Lists of the national part (level 1) and of a zone's members (level 3).
const LIST1: List = list!("    ", "  ");
const LIST3: List = list!("        ", "      ");

/// A zone (at level 2).
const ZONE: [&[u8]; 15] = keys!("      ";
    "name", "seats", "lot_required", "lot_seats", "zone_seats", "valid_votes", "subjects",
    "awarded", "last_winning", "first_losing", "half_at_boundary", "official_seats",
    "matches_official", "lists", "sensitivity");
const ZONE_CLOSE: &[u8] = b"\n    }";

const CLOSE4: &[u8] = b"\n        }";

/// A seat's sensitivity (level 4).
const SEAT: [&[u8]; 6] = keys!("          "; "place", "subject", "nth", "votes", "change", "to");

/// The separators of a ranked quotient at one level, the constant runs merged: before
/// `place`, `subject`, `divisor`, `num`, `den`, `rounded`, and the end (`half`, `by_lot`
/// and the closing brace) for each pair of values, with `rounded` null or not.
#[derive(Debug)]
struct QuotientSeps {
    place: &'static [u8],
    subject: &'static [u8],
    divisor: &'static [u8],
    num: &'static [u8],
    den: &'static [u8],
    rounded: &'static [u8],
    /// Indexed by `2 × half + by_lot`: after a rounded value, and after none (`null`).
    end: [&'static [u8]; 4],
    null_end: [&'static [u8]; 4],
}

/// [`QuotientSeps`] for an object whose keys are indented by `$k` (its fraction's by `$f`),
/// its fraction closed at `$fc` and itself at `$c`.
macro_rules! quotient {
    ($k:literal, $f:literal, $fc:literal, $c:literal) => {
        QuotientSeps {
            place: concat!("{\n", $k, "\"place\": ").as_bytes(),
            subject: concat!(",\n", $k, "\"subject\": ").as_bytes(),
            divisor: concat!(",\n", $k, "\"divisor\": ").as_bytes(),
            num: concat!(",\n", $k, "\"quotient\": {\n", $f, "\"num\": ").as_bytes(),
            den: concat!(",\n", $f, "\"den\": ").as_bytes(),
            rounded: concat!("\n", $fc, "},\n", $k, "\"rounded\": ").as_bytes(),
            end: [
                concat!(
                    ",\n",
                    $k,
                    "\"half\": false,\n",
                    $k,
                    "\"by_lot\": false\n",
                    $c,
                    "}"
                )
                .as_bytes(),
                concat!(
                    ",\n",
                    $k,
                    "\"half\": false,\n",
                    $k,
                    "\"by_lot\": true\n",
                    $c,
                    "}"
                )
                .as_bytes(),
                concat!(
                    ",\n",
                    $k,
                    "\"half\": true,\n",
                    $k,
                    "\"by_lot\": false\n",
                    $c,
                    "}"
                )
                .as_bytes(),
                concat!(
                    ",\n",
                    $k,
                    "\"half\": true,\n",
                    $k,
                    "\"by_lot\": true\n",
                    $c,
                    "}"
                )
                .as_bytes(),
            ],
            null_end: [
                concat!(
                    "\n",
                    $fc,
                    "},\n",
                    $k,
                    "\"rounded\": null,\n",
                    $k,
                    "\"half\": false,\n",
                    $k,
                    "\"by_lot\": false\n",
                    $c,
                    "}"
                )
                .as_bytes(),
                concat!(
                    "\n",
                    $fc,
                    "},\n",
                    $k,
                    "\"rounded\": null,\n",
                    $k,
                    "\"half\": false,\n",
                    $k,
                    "\"by_lot\": true\n",
                    $c,
                    "}"
                )
                .as_bytes(),
                concat!(
                    "\n",
                    $fc,
                    "},\n",
                    $k,
                    "\"rounded\": null,\n",
                    $k,
                    "\"half\": true,\n",
                    $k,
                    "\"by_lot\": false\n",
                    $c,
                    "}"
                )
                .as_bytes(),
                concat!(
                    "\n",
                    $fc,
                    "},\n",
                    $k,
                    "\"rounded\": null,\n",
                    $k,
                    "\"half\": true,\n",
                    $k,
                    "\"by_lot\": true\n",
                    $c,
                    "}"
                )
                .as_bytes(),
            ],
        }
    };
}

/// A ranked quotient in an array (level 4) and as a member of the zone (level 3).
const QUOTIENT4: QuotientSeps = quotient!("          ", "            ", "          ", "        ");
const QUOTIENT3: QuotientSeps = quotient!("        ", "          ", "        ", "      ");

/// A subject of a zone (level 4), the constant runs merged: `name`, then `kind` (by kind)
/// to `votes`, then `eligible` (by value) to `seats`, then `votes_for_next_seat`.
const SUBJECT_NAME: &[u8] = b"{\n          \"name\": ";
const SUBJECT_KIND: [&[u8]; 3] = [
    b",\n          \"kind\": \"party\",\n          \"votes\": ",
    b",\n          \"kind\": \"coalition\",\n          \"votes\": ",
    b",\n          \"kind\": \"independent\",\n          \"votes\": ",
];
const SUBJECT_ELIGIBLE: [&[u8]; 2] = [
    b",\n          \"eligible\": false,\n          \"seats\": ",
    b",\n          \"eligible\": true,\n          \"seats\": ",
];
const SUBJECT_NEXT: &[u8] = b",\n          \"votes_for_next_seat\": ";

/// Writes a result as JSON as it is made: [`JsonWriter::head`], then each zone, then
/// [`JsonWriter::tail`] (the national part); nothing but one zone is held at a time.
#[derive(Debug)]
pub struct JsonWriter {
    explain: bool,
    buf: Vec<u8>,
    /// Each subject's name as a JSON string, made when first needed.
    names: Vec<Short>,
    zones: usize,
    tracker: Tracker,
}

impl JsonWriter {
    /// A writer; `explain` adds each zone's `sensitivity`.
    pub fn new(explain: bool) -> Self {
        Self {
            explain,
            buf: Vec::with_capacity(FLUSH + (1 << 14)),
            names: Vec::new(),
            zones: 0,
            tracker: Tracker::default(),
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
        while self.names.len() < subjects.len() {
            let mut s = Vec::new();
            string(&mut s, &subjects[self.names.len()].name);
            self.names.push(Short::new(&s));
        }
        let matches = self.tracker.zone(subjects, z, official);
        let names = &self.names;
        let unknown = Short::new(b"\"\"");
        let name = |i: usize| names.get(i).unwrap_or(&unknown);
        let b = &mut self.buf;
        b.extend_from_slice(if self.zones == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        self.zones += 1;
        b.extend_from_slice(ZONE[0]);
        string(b, &z.name);
        b.extend_from_slice(ZONE[1]);
        let mut n = 0;
        for s in z.subjects.iter().filter(|s| s.seats > 0) {
            if n == 0 {
                b.push(b'{');
            }
            LIST3.item(b, n);
            name(s.subject).write(b);
            b.extend_from_slice(b": ");
            int(b, s.seats);
            n += 1;
        }
        b.extend_from_slice(if n == 0 { b"{}" } else { LIST3.close_map });
        b.extend_from_slice(ZONE[2]);
        let contenders = z.lot.as_ref().map_or(&[][..], |l| &l.contenders);
        array(b, &LIST3, contenders, |b, &c| name(c).write(b));
        b.extend_from_slice(ZONE[3]);
        int(b, z.lot.as_ref().map_or(0, |l| l.seats));
        b.extend_from_slice(ZONE[4]);
        int(b, z.seats);
        b.extend_from_slice(ZONE[5]);
        int(b, z.valid_votes);
        b.extend_from_slice(ZONE[6]);
        array(b, &LIST3, &z.subjects, |b, s| {
            b.reserve(256);
            b.extend_from_slice(SUBJECT_NAME);
            name(s.subject).write(b);
            b.extend_from_slice(
                SUBJECT_KIND[match s.kind {
                    SubjectKind::Party => 0,
                    SubjectKind::Coalition => 1,
                    SubjectKind::Independent => 2,
                }],
            );
            int(b, s.votes);
            b.extend_from_slice(SUBJECT_ELIGIBLE[usize::from(s.eligible)]);
            int(b, s.seats);
            b.extend_from_slice(SUBJECT_NEXT);
            option(b, s.votes_for_next_seat);
            b.extend_from_slice(CLOSE4);
        });
        b.extend_from_slice(ZONE[7]);
        array(b, &LIST3, &z.awarded, |b, r| {
            ranked(b, r, name(r.subject), &QUOTIENT4)
        });
        b.extend_from_slice(ZONE[8]);
        match &z.last_winning {
            Some(r) => ranked(b, r, name(r.subject), &QUOTIENT3),
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(ZONE[9]);
        match &z.first_losing {
            Some(r) => ranked(b, r, name(r.subject), &QUOTIENT3),
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(ZONE[10]);
        array(b, &LIST3, &z.half_at_boundary, |b, r| {
            ranked(b, r, name(r.subject), &QUOTIENT4)
        });
        b.extend_from_slice(ZONE[11]);
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
                    &LIST3,
                    keys.iter().zip(o).map(|(k, (_, n))| (k.as_slice(), *n)),
                );
            }
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(ZONE[12]);
        match matches {
            Some(m) => boolean(b, m),
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(ZONE[13]);
        if z.lists.is_empty() {
            b.extend_from_slice(b"[]");
        } else {
            let lists: Vec<ListOut<'_>> =
                z.lists.iter().map(|l| ListOut::new(subjects, l)).collect();
            pretty(b, &lists, 3);
        }
        if self.explain {
            b.extend_from_slice(ZONE[14]);
            array(b, &LIST3, sensitivity.unwrap_or_default(), |b, s| {
                b.extend_from_slice(SEAT[0]);
                int(b, s.place);
                b.extend_from_slice(SEAT[1]);
                name(s.subject).write(b);
                b.extend_from_slice(SEAT[2]);
                int(b, s.nth);
                let (votes, change, to) = match s.flip {
                    None => (None, None, None),
                    Some((m, Flip::Add { to })) => (Some(m), Some(&b"\"add\""[..]), Some(to)),
                    Some((m, Flip::Move { to })) => (Some(m), Some(&b"\"move\""[..]), Some(to)),
                };
                b.extend_from_slice(SEAT[3]);
                option(b, votes);
                b.extend_from_slice(SEAT[4]);
                b.extend_from_slice(change.unwrap_or(b"null"));
                b.extend_from_slice(SEAT[5]);
                match to {
                    Some(t) => name(t).write(b),
                    None => b.extend_from_slice(b"null"),
                }
                b.extend_from_slice(CLOSE4);
            });
        }
        b.extend_from_slice(ZONE_CLOSE);
        if self.buf.len() >= FLUSH {
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
        let l1 = &LIST1;
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

/// A ranked quotient (`name`: its subject as a JSON string) with the separators `s`.
#[inline(always)]
fn ranked(b: &mut Vec<u8>, r: &Ranked, name: &Short, s: &QuotientSeps) {
    let q: &Quotient = &r.quotient;
    b.reserve(512);
    b.extend_from_slice(s.place);
    int(b, r.place);
    b.extend_from_slice(s.subject);
    name.write(b);
    b.extend_from_slice(s.divisor);
    int(b, q.divisor);
    b.extend_from_slice(s.num);
    int(b, q.votes);
    b.extend_from_slice(s.den);
    int(b, q.divisor);
    let end = 2 * usize::from(q.half) + usize::from(r.by_lot);
    match q.rounded {
        Some(n) => {
            b.extend_from_slice(s.rounded);
            int(b, n);
            b.extend_from_slice(s.end[end]);
        }
        None => b.extend_from_slice(s.null_end[end]),
    }
}

/// `s` as a JSON string (serde_json's escaping).
fn string(buf: &mut Vec<u8>, s: &str) {
    // Writing a string into memory cannot fail.
    let _ = serde_json::to_writer(&mut *buf, s);
}

#[inline(always)]
fn boolean(buf: &mut Vec<u8>, b: bool) {
    buf.extend_from_slice(if b { b"true" } else { b"false" });
}

#[inline(always)]
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
    buf.extend_from_slice(list.close_array);
}

/// An ordered `{ name: n }` object at `list`'s level (names already JSON strings).
fn map<'a, N: Into<u64>>(
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
    buf.extend_from_slice(if n == 0 { b"{}" } else { list.close_map });
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
