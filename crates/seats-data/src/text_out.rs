//! Writing a result as readable text: the readings used, a table per zone, the national table.

use core::fmt::Write as _;

use per_seats::{Allocation, Flip, ListResult, Quotient, Ranked, SeatSensitivity, ZoneResult};

use crate::document::Document;

/// The result as text tables, naming the rule set and options first.
pub fn to_text(doc: &Document, allocation: &Allocation) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail, and every piece written is a str.
    let _ = write_text(&mut bytes, doc, allocation);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`to_text`] written to `w` a zone at a time.
pub fn write_text<W: std::io::Write>(
    w: &mut W,
    doc: &Document,
    allocation: &Allocation,
) -> std::io::Result<()> {
    let mut out = String::new();
    if let Some(name) = &doc.name {
        let _ = writeln!(out, "{name}");
    }
    let _ = writeln!(out, "rules: {}", allocation.rules);
    let _ = writeln!(
        out,
        "national valid votes: {}",
        allocation.national_valid_votes
    );
    let mut matched = 0;
    let mut compared = 0;
    for zone in &allocation.zones {
        out.push('\n');
        zone_text(&mut out, doc, allocation, zone);
        if let Some(m) = doc.matches_official(allocation, &zone.name) {
            compared += 1;
            matched += usize::from(m);
        }
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    out.push_str("\nnational\n");
    let official = doc.official_national(allocation);
    let mut rows = vec![vec![
        "subject".into(),
        "kind".into(),
        "votes".into(),
        "seats".into(),
    ]];
    if official.is_some() {
        rows[0].push("official".into());
    }
    for s in &allocation.subjects {
        let mut row = vec![
            s.name.clone(),
            s.kind.name().into(),
            s.votes.to_string(),
            s.seats.to_string(),
        ];
        if let Some(o) = &official {
            row.push(
                o.iter()
                    .find(|(n, _)| *n == s.name)
                    .map_or(0, |(_, n)| *n)
                    .to_string(),
            );
        }
        rows.push(row);
    }
    table(&mut out, &rows);
    let total: u32 = allocation.zones.iter().map(|z| z.seats).sum();
    let _ = writeln!(
        out,
        "  seats allocated: {} of {total}",
        allocation.seats_allocated()
    );
    if !allocation.excluded.is_empty() {
        let _ = writeln!(
            out,
            "  excluded by the threshold: {}",
            allocation.excluded.join(", ")
        );
    }
    if compared > 0 {
        let _ = writeln!(
            out,
            "  official seats reproduced in {matched} of {compared} zones"
        );
    }
    if allocation.lot_required() {
        out.push_str("  LOT REQUIRED: some seats await a drawing of lots (see the zones above)\n");
    }
    for warning in &allocation.warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    w.write_all(out.as_bytes())
}

fn zone_text(out: &mut String, doc: &Document, allocation: &Allocation, zone: &ZoneResult) {
    let _ = writeln!(
        out,
        "zone {}: {} seats, {} valid votes",
        zone.name, zone.seats, zone.valid_votes
    );
    let official = doc.official_of(&zone.name);
    let mut header: Vec<String> = ["subject", "kind", "votes", "eligible", "seats"]
        .map(String::from)
        .to_vec();
    if official.is_some() {
        header.push("official".into());
    }
    header.push("votes for next seat".into());
    let mut rows = vec![header];
    for s in &zone.subjects {
        let mut row = vec![
            s.name.clone(),
            s.kind.name().into(),
            s.votes.to_string(),
            if s.eligible { "yes" } else { "no" }.into(),
            s.seats.to_string(),
        ];
        if let Some(o) = official {
            row.push(
                o.iter()
                    .find(|(n, _)| *n == s.name)
                    .map_or(0, |(_, n)| *n)
                    .to_string(),
            );
        }
        row.push(
            s.votes_for_next_seat
                .map_or("-".into(), |v| format!("+{v}")),
        );
        rows.push(row);
    }
    table(out, &rows);
    if let Some(r) = &zone.last_winning {
        let _ = writeln!(out, "  last winning: {}", ranked(r));
    }
    if let Some(r) = &zone.first_losing {
        let _ = writeln!(out, "  first losing: {}", ranked(r));
    }
    for r in zone.awarded.iter().filter(|r| r.by_lot) {
        let _ = writeln!(out, "  by lot: {}", ranked(r));
    }
    if let Some(lot) = &zone.lot {
        let _ = writeln!(
            out,
            "  LOT REQUIRED: {} seat(s) between {} (equal quotient and votes); not counted above",
            lot.seats,
            lot.contenders.join(", ")
        );
    }
    for r in &zone.half_at_boundary {
        let _ = writeln!(out, "  .5 rounding at the seat boundary: {}", ranked(r));
    }
    match doc.matches_official(allocation, &zone.name) {
        Some(true) => out.push_str("  official seats: reproduced\n"),
        Some(false) => out.push_str("  official seats: DIFFERENT from the computed seats\n"),
        None => {}
    }
    for list in &zone.lists {
        list_text(out, list);
    }
}

fn list_text(out: &mut String, list: &ListResult) {
    let elected: Vec<&str> = list.elected().collect();
    let _ = writeln!(
        out,
        "  list {} ({} seats): elected {}",
        list.subject,
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

/// `place 7, PS 45634/4 = 11408.5` (and `rounded 11409`).
fn ranked(r: &Ranked) -> String {
    let q = &r.quotient;
    let mut s = format!(
        "place {}, {} {}/{} = {}",
        r.place,
        r.subject,
        q.votes,
        q.divisor,
        decimal(q)
    );
    if let Some(rounded) = q.rounded {
        let _ = write!(s, ", rounded {rounded}");
    }
    s
}

/// The exact quotient as a decimal with up to three places, `…` when truncated.
fn decimal(q: &Quotient) -> String {
    let d = u64::from(q.divisor);
    let (int, rem) = (q.votes / d, q.votes % d);
    if rem == 0 {
        return int.to_string();
    }
    let scaled = u128::from(rem) * 1000;
    let frac = scaled / u128::from(d);
    let exact = scaled % u128::from(d) == 0;
    let digits = format!("{frac:03}");
    let digits = digits.trim_end_matches('0');
    format!("{int}.{digits}{}", if exact { "" } else { "…" })
}

fn table(out: &mut String, rows: &[Vec<String>]) {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::from(" ");
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            line.push(' ');
            if c >= 2
                && cell
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_ascii_digit() || ch == '+' || ch == '-')
            {
                line.extend(core::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(core::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// Per zone, every seat won and the fewest votes that take it (from
/// [`per_seats::sensitivity`]; `sensitivity[i]` for `allocation.zones[i]`).
pub fn sensitivity_text(allocation: &Allocation, sensitivity: &[Vec<SeatSensitivity>]) -> String {
    let mut out = String::from(
        "\nseat sensitivity: the fewest votes, added to one subject or moved from the seat's \
         holder to another, that take the seat (thresholds as computed)\n",
    );
    for (zone, seats) in allocation.zones.iter().zip(sensitivity) {
        let _ = writeln!(out, "\n{}", zone.name);
        let mut rows = vec![vec![
            "place".into(),
            "subject".into(),
            "its seat".into(),
            "votes".into(),
            "change".into(),
        ]];
        for s in seats {
            let (votes, change) = match &s.flip {
                None => ("-".into(), "no change of votes takes it".into()),
                Some((m, Flip::Add { to })) => (m.to_string(), format!("add to {to}")),
                Some((m, Flip::Move { to })) => (m.to_string(), format!("move to {to}")),
            };
            rows.push(vec![
                s.place.to_string(),
                s.subject.clone(),
                s.nth.to_string(),
                votes,
                change,
            ]);
        }
        table(&mut out, &rows);
    }
    out
}
