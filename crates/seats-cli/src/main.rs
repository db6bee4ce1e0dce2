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
use per_seats_data::{
    parse, sensitivity_text, write_csv, write_json, write_text, Format, JsonFile, OutputFormat,
};

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

/// Why a run stopped.
enum Failure {
    /// Bad input: one line for stderr, before anything is written.
    Input(String),
    /// Stdout could not be written.
    Write(std::io::Error),
}

/// The readings: `--rules`, else the file's, else `al-2024`, with the options given.
fn rules_of(args: &Args, file: Option<RuleSet>) -> Rules {
    let mut rules = Rules::of(args.rules.or(file).unwrap_or(RuleSet::Al2024));
    if let Some(p) = args.threshold {
        rules = rules.with_threshold(p);
    }
    if let Some(s) = args.scope {
        rules = rules.with_scope(s);
    }
    if let Some(r) = args.rounding {
        rules = rules.with_rounding(r);
    }
    rules
}

/// Reads, allocates and writes to `w`. A JSON file is never held as an election: it is read
/// in place a zone at a time (`per_seats_data::JsonFile`), each zone written and dropped;
/// a CSV file is read whole.
fn run(args: &Args, w: &mut impl Write) -> Result<(), Failure> {
    let file = &args.file;
    let input = |e: &dyn std::fmt::Display| Failure::Input(format!("{file}: {e}"));
    let bytes = std::fs::read(file).map_err(|e| input(&format_args!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        input(&format_args!(
            "byte {}: the input is not utf-8",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let format = match args.output {
        Output::Text => OutputFormat::Text,
        Output::Json => OutputFormat::Json,
        Output::Csv => OutputFormat::Csv,
    };
    if !file.to_ascii_lowercase().ends_with(".csv") {
        let json = JsonFile::read(&text, &args.seats).map_err(|e| input(&e))?;
        if let Some(zone) = json.unmatched_seats() {
            return Err(Failure::Input(format!(
                "--seats: zone {zone} is not in {file}"
            )));
        }
        let rules = rules_of(args, json.rules());
        // --house-size, else the file's house_size, else the rule set's (140 for Albania).
        let house_size = args
            .house_size
            .or(json.house_size())
            .or(rules.set.house_size());
        let allocated = json.allocate(&rules, house_size).map_err(|e| input(&e))?;
        allocated
            .write(w, format, args.explain)
            .and_then(|()| match format {
                OutputFormat::Json => w.write_all(b"\n"),
                _ => Ok(()),
            })
            .map_err(Failure::Write)?;
        return Ok(());
    }
    let mut doc = parse(&text, Format::Csv).map_err(|e| input(&e))?;
    for (zone, seats) in &args.seats {
        let z = doc
            .election
            .zones
            .iter_mut()
            .find(|z| &z.name == zone)
            .ok_or_else(|| Failure::Input(format!("--seats: zone {zone} is not in {file}")))?;
        z.seats = *seats;
    }
    let rules = rules_of(args, doc.rules);
    doc.election.house_size = args
        .house_size
        .or(doc.election.house_size)
        .or(rules.set.house_size());
    let allocation = allocate(&doc.election, &rules).map_err(|e| input(&e))?;
    let seats = if args.explain {
        let seats = (0..allocation.zones.len())
            .map(|z| sensitivity(&doc.election, &rules, &allocation, z))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| input(&e))?;
        Some(seats)
    } else {
        None
    };
    write(w, &doc, &allocation, seats.as_deref(), format).map_err(Failure::Write)
}

/// Writes a whole result to `w`, a zone at a time.
fn write(
    w: &mut impl Write,
    doc: &per_seats_data::Document,
    allocation: &per_seats::Allocation,
    seats: Option<&[Vec<per_seats::SeatSensitivity>]>,
    format: OutputFormat,
) -> std::io::Result<()> {
    match (format, seats) {
        (OutputFormat::Json, seats) => {
            write_json(w, doc, allocation, seats)?;
            w.write_all(b"\n")
        }
        (OutputFormat::Csv, _) => write_csv(w, doc, allocation),
        (OutputFormat::Text, None) => write_text(w, doc, allocation),
        (OutputFormat::Text, Some(seats)) => {
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
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("per-seats: {}", one_line(&message));
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match run(&args, &mut stdout).and_then(|()| stdout.flush().map_err(Failure::Write)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("per-seats: {}", one_line(&message));
            ExitCode::from(2)
        }
        Err(Failure::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(141),
        Err(Failure::Write(e)) => {
            eprintln!("per-seats: cannot write the result: {e}");
            ExitCode::FAILURE
        }
    }
}
