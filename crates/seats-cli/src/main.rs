//! The `per-seats` command line: `per-seats allocate FILE.json [options]`.
//!
//! Exit status: 0 with the result on stdout (a result that awaits a drawing of lots is
//! still a result, flagged in it); 2 with one line on stderr for bad usage or bad input;
//! 141 (128 + SIGPIPE, as a shell reports a process the signal ended) without a word when
//! the reader of stdout goes away early (`per-seats allocate … | head`); 1 when stdout
//! cannot be written for another reason.

use std::io::Write;
use std::process::ExitCode;

use per_seats::{allocate, sensitivity, Percent, Rounding, RuleSet, Rules, ThresholdScope};
use per_seats_data::{parse, sensitivity_text, write_csv, write_json, write_text, Format};

const USAGE: &str =
    "usage: per-seats allocate FILE.json|FILE.csv [--rules al-2024|al-2008|dhondt] \
[--threshold PERCENT] [--threshold-scope national|zone] [--rounding half-up|half-even|none] \
[--format text|json|csv] [--house-size N] [--seats ZONE=N]... [--explain]";

#[derive(Debug, Clone, Copy)]
enum Output {
    Text,
    Json,
    Csv,
}

#[derive(Debug)]
struct Args {
    file: String,
    rules: Option<RuleSet>,
    threshold: Option<Percent>,
    scope: Option<ThresholdScope>,
    rounding: Option<Rounding>,
    output: Output,
    house_size: Option<u32>,
    seats: Vec<(String, u32)>,
    /// `--explain`: add each seat's sensitivity (text and json).
    explain: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("allocate") => {}
        Some("-h" | "--help") | None => return Err(USAGE.into()),
        Some(other) => return Err(format!("unknown command {other:?}; {USAGE}")),
    }
    let mut file = None;
    let mut parsed = Args {
        file: String::new(),
        rules: None,
        threshold: None,
        scope: None,
        rounding: None,
        output: Output::Text,
        house_size: None,
        seats: Vec::new(),
        explain: false,
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        if !flag.starts_with("--") {
            if file.replace(arg).is_some() {
                return Err(format!("more than one input file; {USAGE}"));
            }
            continue;
        }
        if flag == "--help" {
            return Err(USAGE.into());
        }
        if flag == "--explain" && inline.is_none() {
            parsed.explain = true;
            continue;
        }
        let value = match inline.or_else(|| args.next()) {
            Some(v) => v,
            None => return Err(format!("option {flag} needs a value")),
        };
        let e = |e: per_seats::Error| e.to_string();
        match flag.as_str() {
            "--rules" => parsed.rules = Some(RuleSet::parse(&value).map_err(e)?),
            "--threshold" => parsed.threshold = Some(Percent::parse(&value).map_err(e)?),
            "--threshold-scope" => parsed.scope = Some(ThresholdScope::parse(&value).map_err(e)?),
            "--rounding" => parsed.rounding = Some(Rounding::parse(&value).map_err(e)?),
            "--format" => {
                parsed.output = match value.as_str() {
                    "text" => Output::Text,
                    "json" => Output::Json,
                    "csv" => Output::Csv,
                    _ => {
                        return Err(format!(
                            "unknown format {value:?} (expected text, json or csv)"
                        ))
                    }
                }
            }
            "--house-size" => {
                parsed.house_size = Some(
                    value
                        .parse()
                        .map_err(|_| format!("house size {value:?} is not a whole number"))?,
                )
            }
            "--seats" => {
                let bad = || format!("--seats {value:?}: expected ZONE=N");
                let (zone, n) = value.rsplit_once('=').ok_or_else(bad)?;
                let n = n.parse().map_err(|_| bad())?;
                parsed.seats.push((zone.to_owned(), n));
            }
            _ => return Err(format!("unknown option {flag}; {USAGE}")),
        }
    }
    parsed.file = file.ok_or_else(|| format!("no input file; {USAGE}"))?;
    if parsed.explain && matches!(parsed.output, Output::Csv) {
        return Err("--explain works with --format text or json".into());
    }
    Ok(parsed)
}

/// The input read and allocated, and how to write it out.
struct Run {
    doc: per_seats_data::Document,
    allocation: per_seats::Allocation,
    /// Per zone, each seat's sensitivity (`--explain`).
    seats: Option<Vec<Vec<per_seats::SeatSensitivity>>>,
    output: Output,
}

fn run(args: Args) -> Result<Run, String> {
    let file = &args.file;
    let bytes = std::fs::read(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{file}: byte {}: the input is not utf-8",
            e.utf8_error().valid_up_to()
        )
    })?;
    let format = if file.to_ascii_lowercase().ends_with(".csv") {
        Format::Csv
    } else {
        Format::Json
    };
    let mut doc = parse(&text, format).map_err(|e| format!("{file}: {e}"))?;
    for (zone, seats) in &args.seats {
        let z = doc
            .election
            .zones
            .iter_mut()
            .find(|z| &z.name == zone)
            .ok_or_else(|| format!("--seats: zone {zone} is not in {file}"))?;
        z.seats = *seats;
    }
    let set = args.rules.or(doc.rules).unwrap_or(RuleSet::Al2024);
    // --house-size, else the file's house_size, else the rule set's (140 for Albania).
    doc.election.house_size = args
        .house_size
        .or(doc.election.house_size)
        .or(set.house_size());
    let mut rules = Rules::of(set);
    if let Some(p) = args.threshold {
        rules = rules.with_threshold(p);
    }
    if let Some(s) = args.scope {
        rules = rules.with_scope(s);
    }
    if let Some(r) = args.rounding {
        rules = rules.with_rounding(r);
    }
    let allocation = allocate(&doc.election, &rules).map_err(|e| format!("{file}: {e}"))?;
    let seats = if args.explain {
        let seats = (0..allocation.zones.len())
            .map(|z| sensitivity(&doc.election, &rules, &allocation, z))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("{file}: {e}"))?;
        Some(seats)
    } else {
        None
    };
    Ok(Run {
        doc,
        allocation,
        seats,
        output: args.output,
    })
}

/// Writes the result to `w` as it is made (a zone at a time), never as one whole string.
fn write(w: &mut impl Write, run: &Run) -> std::io::Result<()> {
    let (doc, allocation) = (&run.doc, &run.allocation);
    match (run.output, &run.seats) {
        (Output::Json, seats) => {
            write_json(w, doc, allocation, seats.as_deref())?;
            w.write_all(b"\n")
        }
        (Output::Csv, _) => write_csv(w, doc, allocation),
        (Output::Text, None) => write_text(w, doc, allocation),
        (Output::Text, Some(seats)) => {
            write_text(w, doc, allocation)?;
            w.write_all(sensitivity_text(allocation, seats).as_bytes())
        }
    }
}

/// One line, whatever the names in the input contain.
fn one_line(message: &str) -> String {
    message
        .chars()
        .flat_map(char::escape_debug)
        .collect::<String>()
        .replace("\\\"", "\"")
        .replace("\\'", "'")
}

fn main() -> ExitCode {
    let result = parse_args(std::env::args().skip(1)).and_then(run);
    match result {
        Ok(run) => {
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match write(&mut stdout, &run).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(141),
                Err(e) => {
                    eprintln!("per-seats: cannot write the result: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) => {
            eprintln!("per-seats: {}", one_line(&message));
            ExitCode::from(2)
        }
    }
}
