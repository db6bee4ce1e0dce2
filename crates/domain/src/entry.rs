//! The client's entry pages: each is its own HTML page and wasm bundle, and this is the one
//! map of which page serves which address. The server serves an entry's page for its
//! addresses; the client follows a link to another entry with a full page load.

/// One entry page of the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    /// `/`: what the service is and the ways in.
    Start,
    /// `/register/…` but the face: the sign-up and the request (contacts, codes, password,
    /// identity, done).
    Register,
    /// `/register/face`: the live camera capture (and its liveness analysis).
    Face,
    /// `/sign-in`, `/my-request`: the voter's account and the status of the request.
    Account,
    /// `/results/…`: the public seat-allocation viewer.
    Results,
    /// `/review/…`: the officials' console.
    Review,
}

impl Entry {
    pub const ALL: [Entry; 6] = [
        Entry::Start,
        Entry::Register,
        Entry::Face,
        Entry::Account,
        Entry::Results,
        Entry::Review,
    ];

    /// The folder of the entry's `index.html` under the built `dist/` (`""` for the start).
    pub fn dir(self) -> &'static str {
        match self {
            Entry::Start => "",
            Entry::Register => "register",
            Entry::Face => "face",
            Entry::Account => "account",
            Entry::Results => "results",
            Entry::Review => "review",
        }
    }

    /// The entry that serves the page at `path` (no query or fragment), if any.
    pub fn of_path(path: &str) -> Option<Entry> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let under = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if path == "/" || path == "/index.html" {
            Some(Entry::Start)
        } else if under("/register/face") {
            Some(Entry::Face)
        } else if under("/register") {
            Some(Entry::Register)
        } else if under("/sign-in") || under("/my-request") {
            Some(Entry::Account)
        } else if under("/results") {
            Some(Entry::Results)
        } else if under("/review") {
            Some(Entry::Review)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_has_its_entry() {
        let cases = [
            ("/", Some(Entry::Start)),
            ("/index.html", Some(Entry::Start)),
            ("/register/contact", Some(Entry::Register)),
            ("/register", Some(Entry::Register)),
            ("/register/face", Some(Entry::Face)),
            ("/register/faces", Some(Entry::Register)),
            ("/sign-in", Some(Entry::Account)),
            ("/my-request?x=1", Some(Entry::Account)),
            ("/results/", Some(Entry::Results)),
            ("/results", Some(Entry::Results)),
            ("/results/#rules=dhondt", Some(Entry::Results)),
            ("/review/queue", Some(Entry::Review)),
            ("/registered", None),
            ("/resultsx", None),
            ("/nowhere", None),
            ("", None),
        ];
        for (path, entry) in cases {
            assert_eq!(Entry::of_path(path), entry, "{path}");
        }
    }

    #[test]
    fn every_entry_has_its_own_folder() {
        let dirs: std::collections::HashSet<_> = Entry::ALL.iter().map(|e| e.dir()).collect();
        assert_eq!(dirs.len(), Entry::ALL.len());
        for e in [Entry::Register, Entry::Results, Entry::Review] {
            assert_eq!(Entry::of_path(&format!("/{}/", e.dir())), Some(e));
        }
    }
}
