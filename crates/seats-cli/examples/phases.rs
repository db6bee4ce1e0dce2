//! Peak memory per phase: `phases FILE parse|allocate`.
#![allow(clippy::unwrap_used, missing_docs)]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap();
    if args[2] == "read" {
        return;
    }
    let doc = per_seats_data::parse_json(&text).unwrap();
    if args[2] == "parse" {
        println!("{}", doc.election.zones.len());
        return;
    }
    let a = per_seats::allocate(
        &doc.election,
        &per_seats::Rules::of(per_seats::RuleSet::Dhondt),
    )
    .unwrap();
    println!("{}", a.zones.len());
}
