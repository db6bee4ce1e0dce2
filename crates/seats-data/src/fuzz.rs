//! The fuzzing entry point: any bytes, every parser, every rule set, every writer; never panics.

use per_seats::{allocate, RuleSet, Rules};

use crate::{parse_csv, parse_json, to_csv, to_json, to_text, Document};

/// Parses `data` as JSON and as CSV; allocates what parses under each rule set and writes
/// every output format. Returns how many allocations succeeded (for tests and corpora).
pub fn fuzz_parse(data: &[u8]) -> usize {
    let Ok(text) = core::str::from_utf8(data) else {
        return 0;
    };
    let docs: Vec<Document> = [parse_json(text).ok(), parse_csv(text).ok()]
        .into_iter()
        .flatten()
        .collect();
    let mut ok = 0;
    for doc in &docs {
        for set in [RuleSet::Al2024, RuleSet::Al2008, RuleSet::Dhondt] {
            let mut election = doc.election.clone();
            election.house_size = election.house_size.or(set.house_size());
            if let Ok(allocation) = allocate(&election, &Rules::of(set)) {
                let json = to_json(doc, &allocation);
                let csv = to_csv(doc, &allocation);
                let text = to_text(doc, &allocation);
                // The JSON written must parse back as JSON.
                if serde_json::from_str::<serde_json::Value>(&json).is_err()
                    || csv.is_empty()
                    || text.is_empty()
                {
                    return usize::MAX;
                }
                ok += 1;
            }
        }
    }
    ok
}
