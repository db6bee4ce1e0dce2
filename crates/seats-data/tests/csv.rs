//! Reading the CSV format (columns by header name, errors with line and column) and writing CSV.
#![allow(clippy::unwrap_used)]

use insta::assert_snapshot;
use per_seats::{allocate, RuleSet, Rules};
use per_seats_data::{parse_csv, to_csv};

const GOOD: &str = "\u{feff}# Berat 2017, three parties\n\
zone,zone_seats,subject,kind,votes,zone_valid_votes,official_seats\n\
Berat,7,PS,party,45634,83690,4\n\
Berat,7,PD,party,16302,83690,1\n\
\n\
Berat,7,LSI,party,19766,83690,2\n\
Berat,7,\"Filan, Fisteku\",independent,1000,83690,0\n";

#[test]
fn reads_and_writes_csv() {
    let doc = parse_csv(GOOD).unwrap();
    let z = &doc.election.zones[0];
    assert_eq!(
        (z.seats, z.valid_votes, z.votes.len(), z.independents.len()),
        (7, Some(83690), 3, 1)
    );
    let a = allocate(&doc.election, &Rules::of(RuleSet::Al2008)).unwrap();
    assert_eq!(doc.matches_official(&a, "Berat"), Some(true));
    assert_snapshot!(to_csv(&doc, &a), @r#"
    level,zone,subject,kind,votes,eligible,seats,official_seats,lot_required,votes_for_next_seat
    rules,,"al-2008: threshold 3% parties / 5% coalitions of the zone's valid votes, rounding none, independents divisor 1 only and exempt from the threshold",al-2008,,,,,,
    zone,Berat,PS,party,45634,yes,4,4,no,3781
    zone,Berat,PD,party,16302,yes,1,1,no,3465
    zone,Berat,LSI,party,19766,yes,2,2,no,14460
    zone,Berat,"Filan, Fisteku",independent,1000,yes,0,0,no,8884
    national,,PS,party,45634,yes,4,4,,
    national,,PD,party,16302,yes,1,1,,
    national,,LSI,party,19766,yes,2,2,,
    national,,"Filan, Fisteku",independent,1000,yes,0,0,,
    "#);
}

#[test]
fn errors_name_line_column_zone_and_subject() {
    let head = "zone,zone_seats,subject,kind,votes\n";
    let cases = [
        ("negative votes", format!("{head}Z,2,A,party,-5\n")),
        ("non-integer votes", format!("{head}Z,2,A,party,1.5\n")),
        ("not a number", format!("{head}Z,2,A,party,many\n")),
        ("missing column", "zone,subject,votes\nZ,A,1\n".to_owned()),
        ("short row", format!("{head}Z,2,A\n")),
        (
            "seats disagree",
            format!("{head}Z,2,A,party,1\nZ,3,B,party,1\n"),
        ),
        (
            "duplicate subject",
            format!("{head}Z,2,A,party,1\nZ,2,A,party,1\n"),
        ),
        (
            "kind disagrees",
            format!("{head}Z,2,A,party,1\nW,2,A,coalition,1\n"),
        ),
        ("unknown kind", format!("{head}Z,2,A,club,1\n")),
        ("unclosed quote", format!("{head}Z,2,\"A,party,1\n")),
        ("empty", String::new()),
    ];
    let out: Vec<String> = cases
        .iter()
        .map(|(what, text)| {
            format!(
                "{what}: {}",
                parse_csv(text)
                    .map(|_| "parsed".into())
                    .unwrap_or_else(|e| e.to_string())
            )
        })
        .collect();
    assert_snapshot!(out.join("\n"), @r#"
    negative votes: line 2, column 5 (votes): zone Z, subject A: negative votes ("-5")
    non-integer votes: line 2, column 5 (votes): zone Z, subject A: non-integer votes ("1.5")
    not a number: line 2, column 5 (votes): zone Z, subject A: invalid votes ("many")
    missing column: line 1: header lacks column zone_seats (required: zone, zone_seats, subject, votes)
    short row: line 2, column 5 (votes): missing field: the row has 3 fields
    seats disagree: line 3, column 2 (zone_seats): zone Z: 3 seats here but 2 on an earlier row
    duplicate subject: line 3, column 3 (subject): zone Z, subject A: listed twice
    kind disagrees: line 3, column 4 (kind): zone W, subject A: kind coalition here but party on an earlier row
    unknown kind: line 2, column 4 (kind): zone Z, subject A: unknown kind "club" (expected party, coalition or independent)
    unclosed quote: line 2, column 3: unclosed quote
    empty: line 1: empty input: expected a header row
    "#);
}
