//! Writing a result as readable text: the readings used, a table per zone, the national table.

use core::fmt::Write as _;
use std::io::{self, Write};

use per_seats::{
    Allocation, Flip, ListResult, Quotient, Ranked, Rules, SeatSensitivity, SubjectTotal,
    ZoneResult,
};

use crate::document::Document;
use crate::out::{official_of, OfficialCursor, Tracker, FLUSH};

/// The result as text tables, naming the rule set and options first.
pub fn to_text(doc: &Document, allocation: &Allocation) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail, and every piece written is a str.
    let _ = write_text(&mut bytes, doc, allocation);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`to_text`] written to `w` a zone at a time.
pub fn write_text<W: Write>(w: &mut W, doc: &Document, allocation: &Allocation) -> io::Result<()> {
    let mut out = TextWriter::new();
    out.head(
        w,
        doc.name.as_deref(),
        &allocation.rules,
        allocation.national_valid_votes,
    )?;
    let mut official = OfficialCursor::new(doc);
    for zone in &allocation.zones {
        out.zone(w, &allocation.subjects, zone, official.of(&zone.name))?;
    }
    out.tail(w, allocation)
}

/// Per zone, every seat won and the fewest votes that take it (from
/// [`per_seats::sensitivity`]; `sensitivity[i]` for `allocation.zones[i]`).
pub fn sensitivity_text(allocation: &Allocation, sensitivity: &[Vec<SeatSensitivity>]) -> String {
    let mut out = TextWriter::new();
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = out.sensitivity_head(&mut bytes);
    for (zone, seats) in allocation.zones.iter().zip(sensitivity) {
        let _ = out.sensitivity(&mut bytes, &allocation.subjects, &zone.name, seats);
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes a result as text as it is made: [`TextWriter::head`], each zone, the national
/// [`TextWriter::tail`]; then, for `--explain`, [`TextWriter::sensitivity_head`] and each
/// zone's [`TextWriter::sensitivity`].
#[derive(Debug)]
pub struct TextWriter {
    out: String,
    table: Table,
    tracker: Tracker,
}

impl Default for TextWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl TextWriter {
    /// A writer.
    pub fn new() -> Self {
        Self {
            out: String::with_capacity(FLUSH + (1 << 14)),
            table: Table::default(),
            tracker: Tracker::default(),
        }
    }

    fn flush(&mut self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(self.out.as_bytes())?;
        self.out.clear();
        Ok(())
    }

    /// The name, the readings and the national valid votes.
    pub fn head(
        &mut self,
        w: &mut impl Write,
        name: Option<&str>,
        rules: &Rules,
        national_valid_votes: u64,
    ) -> io::Result<()> {
        if let Some(name) = name {
            let _ = writeln!(self.out, "{name}");
        }
        let _ = writeln!(self.out, "rules: {rules}");
        let _ = writeln!(self.out, "national valid votes: {national_valid_votes}");
        self.flush(w)
    }

    /// One zone's table and notes (`official`: its official seats, if given).
    pub fn zone<S: AsRef<str>>(
        &mut self,
        w: &mut impl Write,
        subjects: &[SubjectTotal],
        zone: &ZoneResult,
        official: Option<&[(S, u32)]>,
    ) -> io::Result<()> {
        let matches = self.tracker.zone(subjects, zone, official);
        let name = |i: usize| subjects.get(i).map_or("", |s| s.name.as_str());
        let out = &mut self.out;
        out.push_str("\nzone ");
        out.push_str(&zone.name);
        out.push_str(": ");
        push_int(out, zone.seats);
        out.push_str(" seats, ");
        push_int(out, zone.valid_votes);
        out.push_str(" valid votes\n");
        let t = &mut self.table;
        t.clear();
        for h in ["subject", "kind", "votes", "eligible", "seats"] {
            t.cell(h);
        }
        if official.is_some() {
            t.cell("official");
        }
        t.cell("votes for next seat");
        t.end_row();
        for s in &zone.subjects {
            t.cell(name(s.subject));
            t.cell(s.kind.name());
            t.int(s.votes);
            t.cell(if s.eligible { "yes" } else { "no" });
            t.int(s.seats);
            if let Some(o) = official {
                t.int(official_of(o, name(s.subject)));
            }
            match s.votes_for_next_seat {
                Some(v) => t.plus_int(v),
                None => t.cell("-"),
            }
            t.end_row();
        }
        t.render(out);
        if let Some(r) = &zone.last_winning {
            out.push_str("  last winning: ");
            ranked(out, subjects, r);
        }
        if let Some(r) = &zone.first_losing {
            out.push_str("  first losing: ");
            ranked(out, subjects, r);
        }
        for r in zone.awarded.iter().filter(|r| r.by_lot) {
            out.push_str("  by lot: ");
            ranked(out, subjects, r);
        }
        if let Some(lot) = &zone.lot {
            let names: Vec<&str> = lot.contenders.iter().map(|&c| name(c)).collect();
            let _ = writeln!(
                out,
                "  LOT REQUIRED: {} seat(s) between {} (equal quotient and votes); not counted above",
                lot.seats,
                names.join(", ")
            );
        }
        for r in &zone.half_at_boundary {
            out.push_str("  .5 rounding at the seat boundary: ");
            ranked(out, subjects, r);
        }
        match matches {
            Some(true) => out.push_str("  official seats: reproduced\n"),
            Some(false) => out.push_str("  official seats: DIFFERENT from the computed seats\n"),
            None => {}
        }
        for list in &zone.lists {
            list_text(out, name(list.subject), list);
        }
        if out.len() >= FLUSH {
            self.flush(w)?;
        }
        Ok(())
    }

    /// The national table and notes of `national` (the national totals, excluded subjects
    /// and warnings of [`per_seats::Allocator::national`]).
    pub fn tail(&mut self, w: &mut impl Write, national: &Allocation) -> io::Result<()> {
        let out = &mut self.out;
        out.push_str("\nnational\n");
        let official = self.tracker.official.as_deref();
        let t = &mut self.table;
        t.clear();
        for h in ["subject", "kind", "votes", "seats"] {
            t.cell(h);
        }
        if official.is_some() {
            t.cell("official");
        }
        t.end_row();
        for s in &national.subjects {
            t.cell(&s.name);
            t.cell(s.kind.name());
            t.int(s.votes);
            t.int(s.seats);
            if let Some(o) = official {
                t.int(official_of(o, &s.name));
            }
            t.end_row();
        }
        t.render(out);
        let _ = writeln!(
            out,
            "  seats allocated: {} of {}",
            national.seats_allocated(),
            self.tracker.zone_seats
        );
        if !national.excluded.is_empty() {
            let names: Vec<&str> = national.excluded_names().collect();
            let _ = writeln!(out, "  excluded by the threshold: {}", names.join(", "));
        }
        let (matched, compared) = (self.tracker.matched, self.tracker.compared);
        if compared > 0 {
            let _ = writeln!(
                out,
                "  official seats reproduced in {matched} of {compared} zones"
            );
        }
        if self.tracker.lot_required {
            out.push_str(
                "  LOT REQUIRED: some seats await a drawing of lots (see the zones above)\n",
            );
        }
        for warning in &national.warnings {
            let _ = writeln!(out, "warning: {warning}");
        }
        self.flush(w)
    }

    /// The heading of the seat sensitivity part.
    pub fn sensitivity_head(&mut self, w: &mut impl Write) -> io::Result<()> {
        self.out.push_str(
            "\nseat sensitivity: the fewest votes, added to one subject or moved from the seat's \
             holder to another, that take the seat (thresholds as computed)\n",
        );
        self.flush(w)
    }

    /// The seats of zone `zone` and the fewest votes that take each.
    pub fn sensitivity(
        &mut self,
        w: &mut impl Write,
        subjects: &[SubjectTotal],
        zone: &str,
        seats: &[SeatSensitivity],
    ) -> io::Result<()> {
        let name = |i: usize| subjects.get(i).map_or("", |s| s.name.as_str());
        let out = &mut self.out;
        let _ = writeln!(out, "\n{zone}");
        let t = &mut self.table;
        t.clear();
        for h in ["place", "subject", "its seat", "votes", "change"] {
            t.cell(h);
        }
        t.end_row();
        for s in seats {
            t.int(s.place);
            t.cell(name(s.subject));
            t.int(s.nth);
            match s.flip {
                None => {
                    t.cell("-");
                    t.cell("no change of votes takes it");
                }
                Some((m, Flip::Add { to })) => {
                    t.int(m);
                    t.cell(&format!("add to {}", name(to)));
                }
                Some((m, Flip::Move { to })) => {
                    t.int(m);
                    t.cell(&format!("move to {}", name(to)));
                }
            }
            t.end_row();
        }
        t.render(out);
        self.flush(w)
    }
}

fn push_int(out: &mut String, n: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(n));
}

fn list_text(out: &mut String, subject: &str, list: &ListResult) {
    let elected: Vec<&str> = list.elected().collect();
    let _ = writeln!(
        out,
        "  list {} ({} seats): elected {}",
        subject,
        list.seats,
        if elected.is_empty() {
            "nobody".into()
        } else {
            elected.join(", ")
        }
    );
    let order: Vec<&str> = list.order.iter().map(|p| p.name.as_str()).collect();
    let _ = writeln!(out, "    final order: {}", order.join(", "));
    if let Some(g) = list.less_represented {
        let note = if list.equal_genders {
            " (equal counts: female taken as less represented)"
        } else {
            ""
        };
        let _ = writeln!(out, "    less represented gender: {}{note}", g.name());
    }
    for m in &list.moves {
        let _ = writeln!(
            out,
            "    gender rule: {} moved from place {} to place {}",
            m.candidate, m.from, m.to
        );
    }
    if let Some(lot) = &list.lot {
        let _ = writeln!(
            out,
            "    LOT REQUIRED: {} place(s) between {} (equal preferential votes)",
            lot.seats,
            lot.contenders.join(", ")
        );
    }
}

/// `place 7, PS 45634/4 = 11408.5` (and `, rounded 11409`), then a new line.
fn ranked(out: &mut String, subjects: &[SubjectTotal], r: &Ranked) {
    let q = &r.quotient;
    out.push_str("place ");
    push_int(out, r.place);
    out.push_str(", ");
    out.push_str(subjects.get(r.subject).map_or("", |s| s.name.as_str()));
    out.push(' ');
    push_int(out, q.votes);
    out.push('/');
    push_int(out, q.divisor);
    out.push_str(" = ");
    decimal(out, q);
    if let Some(rounded) = q.rounded {
        out.push_str(", rounded ");
        push_int(out, rounded);
    }
    out.push('\n');
}

/// The exact quotient as a decimal with up to three places, `…` when truncated.
fn decimal(out: &mut String, q: &Quotient) {
    let d = u64::from(q.divisor);
    let (int, rem) = (q.votes / d, q.votes % d);
    push_int(out, int);
    if rem == 0 {
        return;
    }
    let scaled = u128::from(rem) * 1000;
    let frac = scaled / u128::from(d);
    let exact = scaled % u128::from(d) == 0;
    let digits = [frac / 100, frac / 10 % 10, frac % 10].map(|d| char::from(b'0' + d as u8));
    let kept = 3 - digits.iter().rev().take_while(|&&c| c == '0').count();
    out.push('.');
    out.extend(&digits[..kept]);
    if !exact {
        out.push('…');
    }
}

/// A table of cells, a row at a time, kept for the next table: columns as wide as their
/// widest cell (in characters), numbers right-aligned from the third column on.
#[derive(Debug, Default)]
struct Table {
    text: String,
    /// Per cell: its end in `text` and its width in characters.
    cells: Vec<(usize, usize)>,
    /// Cells per row (each row ends where a multiple of it does).
    rows: Vec<usize>,
    widths: Vec<usize>,
}

impl Table {
    fn clear(&mut self) {
        self.text.clear();
        self.cells.clear();
        self.rows.clear();
    }

    fn cell(&mut self, s: &str) {
        self.text.push_str(s);
        let width = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        self.cells.push((self.text.len(), width));
    }

    fn int(&mut self, n: impl itoa::Integer) {
        self.cell(itoa::Buffer::new().format(n));
    }

    fn plus_int(&mut self, n: u64) {
        let start = self.text.len();
        self.text.push('+');
        self.text.push_str(itoa::Buffer::new().format(n));
        self.cells.push((self.text.len(), self.text.len() - start));
    }

    fn end_row(&mut self) {
        self.rows.push(self.cells.len());
    }

    /// Writes the rows to `out`: a space, then per cell a space and the cell padded to its
    /// column, the line's trailing whitespace trimmed (as `str::trim_end` would).
    fn render(&mut self, out: &mut String) {
        let Self {
            text,
            cells,
            rows,
            widths,
        } = self;
        widths.clear();
        let mut start = 0;
        for &end in rows.iter() {
            for (c, &(_, w)) in cells[start..end].iter().enumerate() {
                match widths.get_mut(c) {
                    Some(max) => *max = (*max).max(w),
                    None => widths.push(w),
                }
            }
            start = end;
        }
        let mut start = 0;
        let mut from = 0;
        for &end in rows.iter() {
            let line = out.len();
            out.push(' ');
            let last = end - start - 1;
            for (c, &(to, w)) in cells[start..end].iter().enumerate() {
                let cell = &text[from..to];
                from = to;
                let pad = widths[c] - w;
                out.push(' ');
                let numeric = c >= 2
                    && cell
                        .bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_digit() || b == b'+' || b == b'-');
                if numeric {
                    spaces(out, pad);
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    // The last cell's padding would be trimmed.
                    if c < last {
                        spaces(out, pad);
                    }
                }
            }
            if out.ends_with(char::is_whitespace) {
                let kept = out[line..].trim_end().len();
                out.truncate(line + kept);
            }
            out.push('\n');
            start = end;
        }
    }
}

/// `n` spaces.
fn spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > SPACES.len() {
        out.push_str(SPACES);
        n -= SPACES.len();
    }
    out.push_str(&SPACES[..n]);
}
