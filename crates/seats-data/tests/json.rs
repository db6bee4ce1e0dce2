//! Reading the JSON interchange format and writing results: shapes, orders and error places.
#![allow(clippy::unwrap_used)]

use insta::assert_snapshot;
use per_seats::{allocate, RuleSet, Rules};
use per_seats_data::{parse_json, to_json, DataError};

fn err(text: &str) -> String {
    match parse_json(text) {
        Ok(_) => "parsed".into(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_inputs_name_line_column_zone_and_subject() {
    let cases = [
        (
            "negative votes",
            "{\"zones\": [\n {\"name\": \"Berat\", \"seats\": 2,\n  \"votes\": {\"PS\": -5}}]}",
        ),
        (
            "non-integer votes",
            "{\"zones\": [{\"name\": \"Berat\", \"seats\": 2, \"votes\": {\"PS\": 1.5}}]}",
        ),
        (
            "votes before name",
            "{\"zones\": [{\"votes\": {\"PS\": -1}, \"name\": \"Berat\"}]}",
        ),
        (
            "duplicate subject",
            "{\"zones\": [{\"name\": \"Z\", \"seats\": 1, \"votes\": {\"A\": 1, \"A\": 2}}]}",
        ),
        (
            "duplicate declared subject",
            "{\"subjects\": {\"A\": {}, \"A\": {}}, \"zones\": []}",
        ),
        (
            "unknown kind",
            "{\"subjects\": {\"A\": {\"kind\": \"club\"}}, \"zones\": []}",
        ),
        ("missing seats", "{\"zones\": [{\"name\": \"Z\"}]}"),
        ("missing zones", "{}"),
        (
            "negative seats",
            "{\"zones\": [{\"name\": \"Z\", \"seats\": -1}]}",
        ),
        ("bad rules", "{\"rules\": \"al-1990\", \"zones\": []}"),
        ("syntax", "{\"zones\": [}"),
        (
            "string votes",
            "{\"zones\": [{\"name\": \"Z\", \"seats\": 1, \"votes\": {\"A\": \"12\"}}]}",
        ),
        (
            "votes too large",
            "{\"zones\": [{\"name\": \"Z\", \"seats\": 1, \"votes\": {\"A\": 18446744073709551616}}]}",
        ),
        ("top-level array", "[1, 2, 3, 4, 5]"),
        ("top-level null", "\n  null"),
        ("null name", "{\"zones\": [{\"name\": null, \"seats\": 1}]}"),
        ("null seats", "{\"zones\": [{\"name\": \"Z\", \"seats\": null}]}"),
        (
            "official seats unknown",
            "{\"zones\": [{\"name\": \"Z\", \"seats\": 1, \"votes\": {\"A\": 1}, \"official_seats\": {\"B\": 1}}]}",
        ),
    ];
    let out: Vec<String> = cases
        .iter()
        .map(|(what, text)| format!("{what}: {}", err(text)))
        .collect();
    assert_snapshot!(out.join("\n"), @r#"
    negative votes: line 3, column 19: zone Berat, subject PS: negative votes (-5)
    non-integer votes: line 1, column 58: zone Berat, subject PS: non-integer votes (1.5)
    votes before name: line 1, column 29: zone Berat, subject PS: negative votes (-1)
    duplicate subject: line 1, column 61: zone Z, subject A: listed twice in votes
    duplicate declared subject: line 1, column 29: subject A: declared twice
    unknown kind: line 1, column 29: subject A: unknown kind "club" (expected party, coalition or independent)
    missing seats: line 1, column 12: zone Z: missing field seats
    missing zones: line 1, column 1: missing field zones
    negative seats: line 1, column 35: zone Z: negative seats (-1)
    bad rules: line 1, column 11: unknown rule set "al-1990" (expected al-2024, al-2008 or dhondt)
    syntax: line 1, column 12: expected a value
    string votes: line 1, column 53: zone Z, subject A: votes must be a whole number, not a string
    votes too large: line 1, column 53: zone Z, subject A: votes too large (18446744073709551616)
    top-level array: line 1, column 1: the file must be a JSON object
    top-level null: line 2, column 3: the file must be a JSON object
    null name: line 1, column 12: zone number 1: missing field name
    null seats: line 1, column 12: zone Z: missing field seats
    official seats unknown: zone Z, subject B: named in official seats but has no votes in any zone
    "#);
}

#[test]
fn engine_errors_come_through() {
    let doc = parse_json(
        r#"{"zones": [{"name": "Z", "seats": 1, "votes": {"B": 3}}], "lots": [{"zone": "Z", "order": ["B", "Q"]}]}"#,
    )
    .unwrap();
    let e = DataError::from(allocate(&doc.election, &Rules::default()).unwrap_err());
    assert_eq!(
        e.to_string(),
        "zone Z, subject Q: named in a lot outcome but has no votes in any zone"
    );
}

#[test]
fn a_subject_not_declared_is_a_party() {
    let doc = parse_json(
        r#"{"subjects": {"A": {"kind": "coalition"}}, "zones": [{"name": "Z", "seats": 2, "votes": {"A": 5, "B": 4}}]}"#,
    )
    .unwrap();
    let a = allocate(&doc.election, &Rules::default()).unwrap();
    let kinds: Vec<(&str, &str, u32)> = a
        .subjects
        .iter()
        .map(|s| (s.name.as_str(), s.kind.name(), s.seats))
        .collect();
    assert_eq!(kinds, [("A", "coalition", 1), ("B", "party", 1)]);
}

#[test]
fn null_optional_fields_are_absent() {
    let all_null = r#"{"name": null, "rules": null, "national_valid_votes": null,
        "house_size": null, "subjects": null, "lots": null,
        "zones": [{"name": "Z", "seats": 2, "valid_votes": null, "votes": {"A": 5, "B": 3},
                   "independents": null, "official_seats": null, "lists": null}]}"#;
    let absent = r#"{"zones": [{"name": "Z", "seats": 2, "votes": {"A": 5, "B": 3}}]}"#;
    assert_eq!(parse_json(all_null).unwrap(), parse_json(absent).unwrap());
    let null_votes = r#"{"subjects": {"A": null}, "zones": [{"name": "Z", "seats": 1,
        "votes": null, "independents": {"I": 4},
        "lists": {"I": null}}]}"#;
    let doc = parse_json(null_votes).unwrap();
    assert!(doc.election.zones[0].votes.is_empty());
    assert_eq!(doc.election.zones[0].lists[0].1, Default::default());
    let null_parts = r#"{"zones": [{"name": "Z", "seats": 1, "votes": {"A": 1},
        "lists": {"A": {"fixed": null, "preferential": null}}}]}"#;
    assert_eq!(
        parse_json(null_parts).unwrap().election.zones[0].lists[0].1,
        Default::default()
    );
}

#[test]
fn unknown_fields_are_ignored_and_order_is_kept() {
    let doc = parse_json(
        r#"{"note": [1, {"x": null}], "zones": [{"name": "Z", "seats": 3, "extra": true,
            "votes": {"Zeta": 10, "Alpha": 5}, "independents": {"Ina": 4},
            "official_seats": {"Zeta": 2, "Alpha": 1}}],
            "lots": [{"zone": "Z", "order": ["Zeta"]}]}"#,
    )
    .unwrap();
    let z = &doc.election.zones[0];
    assert_eq!(z.votes, [("Zeta".to_owned(), 10), ("Alpha".to_owned(), 5)]);
    assert_eq!(z.independents, [("Ina".to_owned(), 4)]);
    assert_eq!(doc.election.lots.len(), 1);
    assert!(doc.election.subjects.is_none());
}

#[test]
fn json_output_has_the_law_md_shape() {
    let doc = parse_json(r#"{"name": "t", "zones": [{"name": "Z", "seats": 2, "votes": {"A": 999, "B": 500}, "official_seats": {"A": 2}}]}"#).unwrap();
    let a = allocate(&doc.election, &Rules::of(RuleSet::Al2024)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&to_json(&doc, &a)).unwrap();
    assert_eq!(v["rules"]["name"], "al-2024");
    assert_eq!(v["rules"]["threshold_percent"], 1);
    assert_eq!(v["rules"]["threshold_scope"], "national");
    assert_eq!(v["rules"]["rounding"], "half-up");
    assert_eq!(v["zones"][0]["name"], "Z");
    assert_eq!(v["zones"][0]["seats"], serde_json::json!({"A": 2}));
    assert_eq!(v["zones"][0]["lot_required"], serde_json::json!([]));
    assert_eq!(v["zones"][0]["matches_official"], true);
    assert_eq!(v["national"], serde_json::json!({"A": 2}));
    assert_eq!(v["excluded"], serde_json::json!([]));
    assert_snapshot!(v["zones"][0]["last_winning"].to_string(), @r#"{"by_lot":false,"divisor":2,"half":true,"place":2,"quotient":{"den":2,"num":999},"rounded":500,"subject":"A"}"#);
    assert_snapshot!(v["zones"][0]["half_at_boundary"].to_string(), @r#"[{"by_lot":false,"divisor":2,"half":true,"place":2,"quotient":{"den":2,"num":999},"rounded":500,"subject":"A"}]"#);
}
