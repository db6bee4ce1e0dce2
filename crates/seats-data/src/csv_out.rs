//! Writing a result as CSV: the readings used, one row per zone and subject, one row per
//! subject nationally, then one row per warning.

use std::io::{self, Write};

use per_seats::{Allocation, Rules, SubjectTotal, ZoneResult};

use crate::document::Document;
#[cfg(feature = "speed")]
use crate::out::int;
use crate::out::{official_of, OfficialCursor, Tracker, FLUSH};

/// The header row of [`to_csv`].
pub const CSV_HEADER: &str =
    "level,zone,subject,kind,votes,eligible,seats,official_seats,lot_required,votes_for_next_seat";

/// Columns of [`CSV_HEADER`].
const COLUMNS: usize = 10;

/// The result as CSV; empty cells mean "not applicable". `level` is `rules` (first row: the
/// rule set and options in the `subject` column, name in `kind`), `zone`, `national`, or
/// `warning` (last rows: the message in `subject`, its zone in `zone` when it has one).
pub fn to_csv(doc: &Document, allocation: &Allocation) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail, and every piece written is a str.
    let _ = write_csv(&mut bytes, doc, allocation);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`to_csv`] written to `w` a zone at a time, so the whole text is never held in memory.
pub fn write_csv<W: Write>(w: &mut W, doc: &Document, allocation: &Allocation) -> io::Result<()> {
    let mut out = CsvWriter::new();
    out.head(w, &allocation.rules)?;
    let mut official = OfficialCursor::new(doc);
    for zone in &allocation.zones {
        out.zone(w, &allocation.subjects, zone, official.of(&zone.name))?;
    }
    out.tail(w, allocation)
}

/// Writes a result as CSV as it is made: [`CsvWriter::head`], each zone, the national
/// [`CsvWriter::tail`].
#[derive(Debug)]
pub struct CsvWriter {
    out: Vec<u8>,
    /// Each subject's name as a CSV field, made when first needed.
    #[cfg(feature = "speed")]
    names: Vec<Vec<u8>>,
    tracker: Tracker,
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvWriter {
    /// A writer.
    pub fn new() -> Self {
        Self {
            out: Vec::with_capacity(FLUSH + (1 << 14)),
            #[cfg(feature = "speed")]
            names: Vec::new(),
            tracker: Tracker::default(),
        }
    }

    fn flush(&mut self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(&self.out)?;
        self.out.clear();
        Ok(())
    }

    /// The header row and the readings.
    pub fn head(&mut self, w: &mut impl Write, rules: &Rules) -> io::Result<()> {
        self.out.extend_from_slice(CSV_HEADER.as_bytes());
        self.out.push(b'\n');
        let text = rules.to_string();
        row(&mut self.out, &["rules", "", &text, rules.set.name()]);
        self.flush(w)
    }

    /// One row per subject of `zone` (`official`: its official seats, if given).
    pub fn zone<S: AsRef<str>>(
        &mut self,
        w: &mut impl Write,
        subjects: &[SubjectTotal],
        zone: &ZoneResult,
        official: Option<&[(S, u32)]>,
    ) -> io::Result<()> {
        self.tracker.zone(subjects, zone, official);
        #[cfg(feature = "speed")]
        while self.names.len() < subjects.len() {
            let mut f = Vec::new();
            field(&mut f, &subjects[self.names.len()].name);
            self.names.push(f);
        }
        let out = &mut self.out;
        #[cfg(feature = "speed")]
        {
            // `zone,<zone name>,` starts each row.
            let mut start = b"zone,".to_vec();
            field(&mut start, &zone.name);
            start.push(b',');
            for s in &zone.subjects {
                out.extend_from_slice(&start);
                out.extend_from_slice(self.names.get(s.subject).map_or(&[][..], Vec::as_slice));
                out.push(b',');
                out.extend_from_slice(s.kind.name().as_bytes());
                out.push(b',');
                int(out, s.votes);
                out.extend_from_slice(if s.eligible { b",yes," } else { b",no," });
                int(out, s.seats);
                out.push(b',');
                if let Some(o) = official {
                    let name = subjects.get(s.subject).map_or("", |t| t.name.as_str());
                    int(out, official_of(o, name));
                }
                let in_lot = zone
                    .lot
                    .as_ref()
                    .is_some_and(|l| l.contenders.contains(&s.subject));
                out.extend_from_slice(if in_lot { b",yes," } else { b",no," });
                if let Some(v) = s.votes_for_next_seat {
                    int(out, v);
                }
                out.push(b'\n');
            }
        }
        // Without `speed`, each row through `row` (less code, for the results viewer).
        #[cfg(not(feature = "speed"))]
        for s in &zone.subjects {
            let name = subjects.get(s.subject).map_or("", |t| t.name.as_str());
            let official_seats = official.map(|o| official_of(o, name).to_string());
            let in_lot = zone
                .lot
                .as_ref()
                .is_some_and(|l| l.contenders.contains(&s.subject));
            row(
                out,
                &[
                    "zone",
                    &zone.name,
                    name,
                    s.kind.name(),
                    &s.votes.to_string(),
                    if s.eligible { "yes" } else { "no" },
                    &s.seats.to_string(),
                    official_seats.as_deref().unwrap_or(""),
                    if in_lot { "yes" } else { "no" },
                    &s.votes_for_next_seat
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                ],
            );
        }
        if out.len() >= FLUSH {
            self.flush(w)?;
        }
        Ok(())
    }

    /// The national rows of `national` (the national totals, excluded subjects and warnings
    /// of [`per_seats::Allocator::national`]), then the warnings.
    pub fn tail(&mut self, w: &mut impl Write, national: &Allocation) -> io::Result<()> {
        let official = self.tracker.official.as_deref();
        for (i, s) in national.subjects.iter().enumerate() {
            let official_seats = official.map(|o| official_of(o, &s.name).to_string());
            let excluded = national.excluded.contains(&i);
            row(
                &mut self.out,
                &[
                    "national",
                    "",
                    &s.name,
                    s.kind.name(),
                    &s.votes.to_string(),
                    if excluded { "no" } else { "yes" },
                    &s.seats.to_string(),
                    official_seats.as_deref().unwrap_or(""),
                    "",
                    "",
                ],
            );
        }
        for warning in &national.warnings {
            let message = warning.to_string();
            row(
                &mut self.out,
                &["warning", warning.zone().unwrap_or(""), &message],
            );
        }
        self.flush(w)
    }
}

/// `f` as a CSV field: quoted when it holds a comma, quote or line break, or starts or ends
/// with a space.
fn field(out: &mut Vec<u8>, f: &str) {
    if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ') {
        out.push(b'"');
        out.extend_from_slice(f.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(f.as_bytes());
    }
}

/// Writes one row; columns after the given fields are left empty.
fn row(out: &mut Vec<u8>, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        field(out, f);
    }
    for _ in fields.len()..COLUMNS {
        out.push(b',');
    }
    out.push(b'\n');
}
