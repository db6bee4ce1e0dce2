//! Writing a result as CSV: the readings used, one row per zone and subject, one row per
//! subject nationally, then one row per warning.

use per_seats::Allocation;

use crate::document::Document;

/// The header row of [`to_csv`].
pub const CSV_HEADER: &str =
    "level,zone,subject,kind,votes,eligible,seats,official_seats,lot_required,votes_for_next_seat";

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
pub fn write_csv<W: std::io::Write>(
    w: &mut W,
    doc: &Document,
    allocation: &Allocation,
) -> std::io::Result<()> {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    let rules = allocation.rules.to_string();
    row(
        &mut out,
        &["rules", "", &rules, allocation.rules.set.name()],
    );
    for zone in &allocation.zones {
        let official = doc.official_of(&zone.name);
        for s in &zone.subjects {
            let official_seats = official.map(|o| {
                o.iter()
                    .find(|(n, _)| *n == s.name)
                    .map_or(0, |(_, n)| *n)
                    .to_string()
            });
            let in_lot = zone
                .lot
                .as_ref()
                .is_some_and(|l| l.contenders.contains(&s.name));
            row(
                &mut out,
                &[
                    "zone",
                    &zone.name,
                    &s.name,
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
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    let official = doc.official_national(allocation);
    for s in &allocation.subjects {
        let official_seats = official.as_ref().map(|o| {
            o.iter()
                .find(|(n, _)| *n == s.name)
                .map_or(0, |(_, n)| *n)
                .to_string()
        });
        let excluded = allocation.excluded.contains(&s.name);
        row(
            &mut out,
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
    for warning in &allocation.warnings {
        let message = warning.to_string();
        row(
            &mut out,
            &["warning", warning.zone().unwrap_or(""), &message],
        );
    }
    w.write_all(out.as_bytes())
}

/// Writes one row; columns after the given fields are left empty.
fn row(out: &mut String, fields: &[&str]) {
    let columns = CSV_HEADER.split(',').count();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ') {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    for _ in fields.len()..columns {
        out.push(',');
    }
    out.push('\n');
}
