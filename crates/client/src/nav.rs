//! Links between entry pages: a link to another entry is a full page load (`rel="external"`,
//! which Leptos' router leaves to the browser); within an entry the router handles it.

use per_domain::Entry;
use std::sync::OnceLock;

static CURRENT: OnceLock<Entry> = OnceLock::new();

/// Sets the entry this page is (once, at start-up).
pub fn set_current(entry: Entry) {
    let _ = CURRENT.set(entry);
}

/// The entry this page is (the start page before [`set_current`]).
pub fn current() -> Entry {
    CURRENT.get().copied().unwrap_or(Entry::Start)
}

/// Whether following `href` leaves the entry `from`.
pub fn leaves(from: Entry, href: &str) -> bool {
    href.starts_with('/') && Entry::of_path(href) != Some(from)
}

/// The `rel` of a link to `href` from this page: `external` when it leaves the entry.
pub fn rel(href: &str) -> Option<&'static str> {
    leaves(current(), href).then_some("external")
}

/// Goes to `href` with a full page load (for a destination in another entry).
pub fn go(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(href);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_to_another_entry_is_a_page_load() {
        assert!(leaves(Entry::Register, "/"));
        assert!(leaves(Entry::Register, "/results/"));
        assert!(!leaves(Entry::Register, "/sign-in"));
        assert!(!leaves(Entry::Register, "/register/face"));
        assert!(leaves(Entry::Start, "/register/contact"));
        assert!(!leaves(Entry::Start, "/"));
        assert!(!leaves(Entry::Results, "/results/#x"));
        // Fragments on the same page stay.
        assert!(!leaves(Entry::Register, "#main"));
    }

    #[test]
    fn the_build_manifest_builds_the_entries_of_the_domain() {
        let manifest: serde_json::Value =
            serde_json::from_str(include_str!("../../../entries/entries.json")).unwrap();
        let built = manifest["entries"].as_array().unwrap();
        assert_eq!(
            built[0]["dir"], "",
            "the start page is built first (it empties dist/)"
        );
        for e in built {
            let dir = e["dir"].as_str().unwrap();
            let entry = Entry::ALL.into_iter().find(|x| x.dir() == dir);
            assert!(entry.is_some(), "{dir} is no per_domain::Entry");
            let budget = e["budget"].as_u64().unwrap();
            let max = if entry == Some(Entry::Start) {
                100_000
            } else {
                150_000
            };
            assert!(budget <= max, "{dir}: budget {budget} over {max}");
        }
    }
}
