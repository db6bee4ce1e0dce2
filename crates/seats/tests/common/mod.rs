//! Test helpers: a one-line-per-zone notation for elections, and a text rendering of results.
#![allow(dead_code, clippy::unwrap_used)]

use per_seats::{allocate, Allocation, Election, Lot, Rules, Subject, SubjectKind, Zone};

/// Builds an election from lines `ZONE SEATS [valid=N]: A=100 +C=50 *I=20`
/// (`+` marks a coalition, `*` an independent; a coalition makes the subject list declared).
pub fn election(spec: &str) -> Election {
    let mut e = Election::default();
    let mut subjects: Vec<Subject> = Vec::new();
    let mut declared = false;
    for line in spec.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (head, votes) = line.split_once(':').unwrap();
        let mut head = head.split_whitespace();
        let name = head.next().unwrap().to_owned();
        let seats = head.next().unwrap().parse().unwrap();
        let valid = head
            .next()
            .map(|v| v.trim_start_matches("valid=").parse().unwrap());
        let mut zone = Zone {
            name,
            seats,
            valid_votes: valid,
            votes: vec![],
            independents: vec![],
            lists: vec![],
        };
        for item in votes.split_whitespace() {
            let (s, v) = item.split_once('=').unwrap();
            let v: u64 = v.parse().unwrap();
            if let Some(s) = s.strip_prefix('*') {
                zone.independents.push((s.to_owned(), v));
                continue;
            }
            let (s, kind) = match s.strip_prefix('+') {
                Some(s) => {
                    declared = true;
                    (s, SubjectKind::Coalition)
                }
                None => (s, SubjectKind::Party),
            };
            if !subjects.iter().any(|x| x.name == s) {
                subjects.push(Subject {
                    name: s.to_owned(),
                    kind,
                });
            }
            zone.votes.push((s.to_owned(), v));
        }
        e.zones.push(zone);
    }
    if declared {
        e.subjects = Some(subjects);
    }
    e
}

/// A lot outcome between subjects.
pub fn lot(zone: &str, order: &[&str]) -> Lot {
    Lot {
        zone: zone.into(),
        subject: None,
        order: order.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// One line per zone: `Z: A 2, B 0x` (`x` = excluded by the threshold), then lots, .5
/// roundings at the boundary, excluded subjects and warnings.
pub fn render(a: &Allocation) -> String {
    let mut out = Vec::new();
    for z in &a.zones {
        let seats: Vec<String> = z
            .subjects
            .iter()
            .map(|s| {
                format!(
                    "{} {}{}",
                    a.name(s.subject),
                    s.seats,
                    if s.eligible { "" } else { "x" }
                )
            })
            .collect();
        let mut line = format!("{}: {}", z.name, seats.join(", "));
        if let Some(lot) = &z.lot {
            let names: Vec<&str> = lot.contenders.iter().map(|&c| a.name(c)).collect();
            line += &format!(" | lot {}: {}", lot.seats, names.join(", "));
        }
        let by_lot: Vec<String> = z
            .awarded
            .iter()
            .filter(|r| r.by_lot)
            .map(|r| format!("{}/{}", a.name(r.subject), r.quotient.divisor))
            .collect();
        if !by_lot.is_empty() {
            line += &format!(" | by lot: {}", by_lot.join(", "));
        }
        let half: Vec<String> = z
            .half_at_boundary
            .iter()
            .map(|r| format!("{}/{}", a.name(r.subject), r.quotient.divisor))
            .collect();
        if !half.is_empty() {
            line += &format!(" | .5 at boundary: {}", half.join(", "));
        }
        out.push(line);
        for l in &z.lists {
            let elected: Vec<&str> = l.elected().collect();
            let order: Vec<&str> = l.order.iter().map(|p| p.name.as_str()).collect();
            let mut line = format!(
                "  {} {}: elected {} | order {}",
                a.name(l.subject),
                l.seats,
                elected.join(" "),
                order.join(" ")
            );
            if let Some(g) = l.less_represented {
                line += &format!(
                    " | less {}{}",
                    g.name(),
                    if l.equal_genders {
                        " (equal counts)"
                    } else {
                        ""
                    }
                );
            }
            for m in &l.moves {
                line += &format!(" | move {} {}->{}", m.candidate, m.from, m.to);
            }
            if let Some(lot) = &l.lot {
                line += &format!(" | lot {}: {}", lot.seats, lot.contenders.join(" "));
            }
            out.push(line);
        }
    }
    if !a.excluded.is_empty() {
        let names: Vec<&str> = a.excluded_names().collect();
        out.push(format!("excluded: {}", names.join(", ")));
    }
    for w in &a.warnings {
        out.push(format!("warning: {w}"));
    }
    out.join("\n")
}

/// Allocates `e` under `rules` and renders the result, or the error message.
pub fn run(e: &Election, rules: Rules) -> String {
    match allocate(e, &rules) {
        Ok(a) => render(&a),
        Err(err) => format!("error: {err}"),
    }
}

/// [`run`] on the notation of [`election`].
pub fn check(spec: &str, rules: Rules) -> String {
    run(&election(spec), rules)
}
