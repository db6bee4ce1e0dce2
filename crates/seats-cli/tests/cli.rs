//! The real `per-seats` binary, spawned: output formats, exit status 2 and one stderr line.
#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_per-seats");
const DATA_2017: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../seats-data/tests/data/albania-2017.json"
);
/// The JSON example of law.md, copied verbatim.
const LAW_EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/law-example.json");

fn per_seats(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

/// Writes `content` to a fresh file under the target-independent temp dir.
fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("per-seats-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn json_output_has_the_contract_shape() {
    let o = per_seats(&[
        "allocate", DATA_2017, "--rules", "al-2024", "--format", "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["rules"],
        serde_json::json!({
            "name": "al-2024", "threshold_percent": 1, "threshold_percent_coalitions": 1,
            "threshold_scope": "national", "rounding": "half-up", "independents": "divisor-1-only",
            "description": "al-2024: threshold 1% of the national valid votes, rounding half-up, independents divisor 1 only and exempt from the threshold"
        })
    );
    assert_eq!(v["zones"].as_array().unwrap().len(), 12);
    assert_eq!(v["zones"][0]["name"], "Berat");
    assert_eq!(
        v["zones"][0]["seats"],
        serde_json::json!({"PS": 4, "PD": 1, "LSI": 2})
    );
    assert_eq!(v["zones"][0]["lot_required"], serde_json::json!([]));
    assert_eq!(
        v["national"],
        serde_json::json!({"PS": 74, "PD": 43, "LSI": 19, "PDIU": 4})
    );
    assert_eq!(v["excluded"], serde_json::json!(["PSD"]));
    // Key order of the seat objects follows the input.
    assert!(stdout(&o).contains("\"national\": {\n    \"PS\": 74,\n    \"PD\": 43,"));
}

#[test]
fn rules_in_the_file_apply_unless_the_command_line_says_otherwise() {
    let o = per_seats(&["allocate", DATA_2017, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rules"]["name"], "al-2008");
    assert_eq!(
        v["national"],
        serde_json::json!({"PS": 74, "PD": 43, "LSI": 19, "PDIU": 3, "PSD": 1})
    );
    let o = per_seats(&[
        "allocate",
        DATA_2017,
        "--rules=dhondt",
        "--threshold",
        "2.5",
        "--rounding",
        "half-even",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rules"]["threshold_percent"], 2.5);
    assert_eq!(v["rules"]["rounding"], "half-even");
}

#[test]
fn text_output_names_the_rules_and_compares_with_official_seats() {
    let o = per_seats(&["allocate", DATA_2017]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.starts_with("Albania parliamentary election, 25 June 2017\nrules: al-2008: threshold 3% parties / 5% coalitions of the zone's valid votes"));
    assert!(text.contains("official seats reproduced in 12 of 12 zones"));
    let o = per_seats(&["allocate", DATA_2017, "--rules", "al-2024"]);
    assert!(stdout(&o).contains("official seats reproduced in 10 of 12 zones"));
}

#[test]
fn lots_are_flagged_in_every_format() {
    let f = temp_file(
        "tie.json",
        r#"{"zones": [{"name": "Z", "seats": 3, "votes": {"A": 100, "B": 100, "C": 50}}]}"#,
    );
    let f = f.to_str().unwrap();
    let o = per_seats(&["allocate", f, "--rules", "dhondt"]);
    assert!(stdout(&o).contains("LOT REQUIRED: 1 seat(s) between A, B"));
    let o = per_seats(&["allocate", f, "--rules", "dhondt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["zones"][0]["lot_required"], serde_json::json!(["A", "B"]));
    assert_eq!(v["zones"][0]["seats"], serde_json::json!({"A": 1, "B": 1}));
}

#[test]
fn csv_in_and_out() {
    let f = temp_file(
        "z.csv",
        "zone,zone_seats,subject,votes\nZ,2,A,999\nZ,2,B,500\n",
    );
    let o = per_seats(&["allocate", f.to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // One zone of 2 seats under al-2024 (house size 140 by default): a warning row.
    assert_eq!(
        stdout(&o),
        "level,zone,subject,kind,votes,eligible,seats,official_seats,lot_required,votes_for_next_seat\n\
         rules,,\"al-2024: threshold 1% of the national valid votes, rounding half-up, independents divisor 1 only and exempt from the threshold\",al-2024,,,,,,\n\
         zone,Z,A,party,999,yes,2,,no,\n\
         zone,Z,B,party,500,yes,0,,no,1\n\
         national,,A,party,999,yes,2,,,\n\
         national,,B,party,500,yes,0,,,\n\
         warning,,\"the zones have 2 seats in total, the declared house size is 140\",,,,,,,\n"
    );
    // Under dhondt no house size is assumed, so no warning; a zone warning names its zone.
    let f = temp_file(
        "w.csv",
        "zone,zone_seats,subject,votes,zone_valid_votes\nZ,2,A,999,1000\nZ,2,B,500,1000\n",
    );
    let o = per_seats(&[
        "allocate",
        f.to_str().unwrap(),
        "--format=csv",
        "--rules=dhondt",
    ]);
    let out = stdout(&o);
    let tail: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("zone,") && !l.starts_with("national,"))
        .collect();
    assert_eq!(
        tail,
        [
            "level,zone,subject,kind,votes,eligible,seats,official_seats,lot_required,votes_for_next_seat",
            "rules,,\"dhondt: no threshold, rounding none, independents as parties\",dhondt,,,,,,",
            "warning,Z,zone Z: valid votes 1000 are fewer than the 1499 votes listed (the declared 1000 is used),,,,,,,",
        ]
    );
}

#[test]
fn the_law_md_example_runs_verbatim() {
    // Undeclared PD and LSI are parties; listed votes (83,802) above valid_votes (83,690)
    // are a warning; the lot is unused (no tie); a one-zone file warns about the house size.
    let o = per_seats(&["allocate", LAW_EXAMPLE, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rules"]["name"], "al-2008");
    assert_eq!(
        v["zones"][0]["seats"],
        serde_json::json!({"PS": 4, "PD": 1, "LSI": 2})
    );
    assert_eq!(v["zones"][0]["valid_votes"], 83690);
    assert_eq!(v["zones"][0]["matches_official"], true);
    assert_eq!(
        v["warnings"],
        serde_json::json!([
            "zone Berat: valid votes 83690 are fewer than the 83802 votes listed (the declared 83690 is used)",
            "zone Berat: lot outcome given but no lot is required",
            "the zones have 7 seats in total, the declared house size is 140"
        ])
    );
    let o = per_seats(&["allocate", LAW_EXAMPLE]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("warning: zone Berat: valid votes 83690 are fewer"));
}

#[test]
fn a_zone_missing_from_an_albanian_file_warns_about_the_house_size() {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(DATA_2017).unwrap()).unwrap();
    v["zones"].as_array_mut().unwrap().remove(0);
    let f = temp_file("2017-no-berat.json", &v.to_string());
    let f = f.to_str().unwrap();
    let warnings = |args: &[&str]| {
        let o = per_seats(&[&["allocate", f, "--format", "json"], args].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        v["warnings"].clone()
    };
    let missing =
        serde_json::json!(["the zones have 133 seats in total, the declared house size is 140"]);
    assert_eq!(warnings(&[]), missing);
    assert_eq!(warnings(&["--rules", "al-2024"]), missing);
    assert_eq!(warnings(&["--rules", "dhondt"]), serde_json::json!([]));
    assert_eq!(warnings(&["--house-size", "133"]), serde_json::json!([]));
    // The complete file has no warning.
    let o = per_seats(&["allocate", DATA_2017, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_place() {
    let neg = temp_file(
        "neg.json",
        "{\"zones\": [{\"name\": \"Berat\", \"seats\": 2,\n \"votes\": {\"PS\": -5}}]}",
    );
    let zero = temp_file(
        "zero.json",
        r#"{"zones": [{"name": "Kukës", "seats": 0, "votes": {"PS": 5}}]}"#,
    );
    let newline = temp_file(
        "nl.json",
        r#"{"zones": [{"name": "A\nB", "seats": 0, "votes": {"PS": 5}}]}"#,
    );
    let badcsv = temp_file("bad.csv", "zone,zone_seats,subject,votes\nZ,2,A,1.5\n");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["allocate", neg.to_str().unwrap()],
            "line 2, column 18: zone Berat, subject PS: negative votes (-5)",
        ),
        (
            vec!["allocate", zero.to_str().unwrap()],
            "zone Kukës: 0 seats",
        ),
        (
            vec!["allocate", newline.to_str().unwrap()],
            "zone A\\nB: 0 seats",
        ),
        (
            vec!["allocate", badcsv.to_str().unwrap()],
            "line 2, column 4 (votes): zone Z, subject A: non-integer votes (\"1.5\")",
        ),
        (
            vec!["allocate", DATA_2017, "--rules", "al-1990"],
            "unknown rule set",
        ),
        (
            vec!["allocate", DATA_2017, "--threshold", "abc"],
            "threshold \"abc\"",
        ),
        (vec!["allocate", "/nonexistent/file.json"], "cannot read"),
        (vec!["frobnicate"], "unknown command"),
        (vec![], "usage"),
    ];
    for (args, expected) in cases {
        let o = per_seats(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn a_reader_that_closes_early_ends_the_command_quietly() {
    // A file big enough that its output does not fit in a pipe's buffer (64 KiB).
    let zones: Vec<String> = (0..2000)
        .map(|i| {
            format!(
                r#"{{"name": "Z{i}", "seats": 9, "votes": {{"A": {}, "B": 500, "C": 250}}}}"#,
                1000 + i
            )
        })
        .collect();
    let file = temp_file(
        "many-zones.json",
        &format!(r#"{{"zones": [{}]}}"#, zones.join(",")),
    );
    for format in ["text", "json", "csv"] {
        let mut child = Command::new(BIN)
            .args(["allocate", file.to_str().unwrap(), "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one chunk, as `head -c` would, then close the pipe.
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 256];
        out.read_exact(&mut first).unwrap();
        drop(out);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(141), "{format}: {err}");
        assert_eq!(err, "", "{format}: nothing on stderr");
    }
}

#[test]
fn explain_gives_every_seat_its_sensitivity() {
    let o = per_seats(&["allocate", DATA_2017, "--format", "json", "--explain"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let zones = v["zones"].as_array().unwrap();
    let mut seats = 0;
    for z in zones {
        let s = z["sensitivity"].as_array().unwrap();
        assert_eq!(s.len() as u64, z["zone_seats"].as_u64().unwrap());
        for seat in s {
            assert!(seat["votes"].as_u64().unwrap() >= 1);
            assert!(["add", "move"].contains(&seat["change"].as_str().unwrap()));
        }
        seats += s.len();
    }
    assert_eq!(seats, 140);
    // Vlorë 2017 (al-2008): PD's third seat is the one closest to changing hands.
    let vlore = zones.iter().find(|z| z["name"] == "Vlorë").unwrap();
    let last = &vlore["sensitivity"][11];
    assert_eq!(
        (last["subject"].as_str(), last["nth"].as_u64()),
        (Some("PD"), Some(3))
    );
    assert_eq!(
        (
            last["votes"].as_u64(),
            last["change"].as_str(),
            last["to"].as_str()
        ),
        (Some(985), Some("move"), Some("PS"))
    );

    let text = per_seats(&["allocate", DATA_2017, "--explain"]);
    assert!(
        stdout(&text).contains("seat sensitivity"),
        "{}",
        stderr(&text)
    );
    let without = per_seats(&["allocate", DATA_2017, "--format", "json"]);
    assert!(!stdout(&without).contains("\"sensitivity\""));
    let csv = per_seats(&["allocate", DATA_2017, "--format", "csv", "--explain"]);
    assert_eq!(csv.status.code(), Some(2));
    assert!(stderr(&csv).contains("--explain works with --format text or json"));
}
