//! The client's entry pages and their pages: each entry is its own HTML page and wasm bundle,
//! and this is the one map of which entry serves which address ([`Entry::of_path`], which the
//! server uses) and of the addresses the client links to ([`Route`]). The client follows a
//! link to another entry with a full page load.

use crate::field::Field;
use crate::status::{Fix, RequestStep};

/// One entry page of the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    /// `/`: what the service is and the ways in.
    Start,
    /// `/register/…` but the face: the sign-up (contacts, codes, password).
    Register,
    /// `/register/face`: the live camera capture (and its liveness analysis).
    Face,
    /// `/request/…` but the uploads: the request's questions (personal data as on the
    /// document, address abroad), check your answers, confirmation.
    Request,
    /// `/request/photo`, `/request/proof`: the document uploads (camera or file, downsized
    /// and sent with their progress), apart so that neither first load passes its budget.
    Documents,
    /// `/request/check`, `/request/done`: check your answers, the submission and the
    /// confirmation.
    Submit,
    /// `/sign-in`, `/my-request…` (with the password change): the voter's account and the
    /// status of the request.
    Account,
    /// `/sign-in/reset…`: "forgot your password?" (codes to the phone and the e-mail, the
    /// new password), apart so that the account's first load stays within budget.
    Reset,
    /// `/results/…`: the public seat-allocation viewer.
    Results,
    /// `/review/…`: the officials' console.
    Review,
    /// `/statistics/`: the public counts of requests (per zone, per country).
    Statistics,
}

impl Entry {
    pub const ALL: [Entry; 11] = [
        Entry::Start,
        Entry::Register,
        Entry::Face,
        Entry::Request,
        Entry::Documents,
        Entry::Submit,
        Entry::Account,
        Entry::Reset,
        Entry::Results,
        Entry::Review,
        Entry::Statistics,
    ];

    /// The folder of the entry's `index.html` under the built `dist/` (`""` for the start).
    pub fn dir(self) -> &'static str {
        match self {
            Entry::Start => "",
            Entry::Register => "register",
            Entry::Face => "face",
            Entry::Request => "request",
            Entry::Documents => "documents",
            Entry::Submit => "submit",
            Entry::Account => "account",
            Entry::Reset => "reset",
            Entry::Results => "results",
            Entry::Review => "review",
            Entry::Statistics => "statistics",
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
        } else if under("/request/photo") || under("/request/proof") {
            Some(Entry::Documents)
        } else if under("/request/check") || under("/request/done") {
            Some(Entry::Submit)
        } else if under("/request") {
            Some(Entry::Request)
        } else if under("/sign-in/reset") {
            Some(Entry::Reset)
        } else if under("/sign-in") || under("/my-request") {
            Some(Entry::Account)
        } else if under("/results") {
            Some(Entry::Results)
        } else if under("/review") {
            Some(Entry::Review)
        } else if under("/statistics") {
            Some(Entry::Statistics)
        } else {
            None
        }
    }
}

/// One page of the client, by its address: every link, back link, navigation and entry
/// `match` names a `Route`, never a string. Each route belongs to the entry that
/// [`Entry::of_path`] finds for its path (tested below).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// `/`: the start page.
    Start,
    /// `/register/contact`: mobile number and e-mail.
    Contact,
    /// `/register/verify`: the two one-time codes.
    Verify,
    /// `/register/password`: the password; the account exists from here on.
    Password,
    /// `/register/face`: the live face capture.
    Face,
    /// `/request/`: continues the request where the voter left it (the first step not
    /// answered, or the check page).
    RequestResume,
    /// `/request/document`: the identity document's type, number and expiry.
    RequestDocument,
    /// `/request/name`: first name, surname and father's name, as on the document.
    RequestName,
    /// `/request/birth`: date and place of birth, and sex.
    RequestBirth,
    /// `/request/personal-number`: the NID, cross-checked with the birth date and sex.
    RequestPersonalNumber,
    /// `/request/photo`: the document photos (camera or file).
    RequestPhoto,
    /// `/request/address`: the address abroad.
    RequestAddress,
    /// `/request/proof`: the proof of address, its kind and the declaration.
    RequestProof,
    /// `/request/check`: every answer with a "change" link, the declaration, submit.
    RequestCheck,
    /// `/request/done`: the confirmation with the reference number.
    RequestDone,
    /// `/sign-in`.
    SignIn,
    /// `/sign-in/reset`: "forgot your password?": the phone or e-mail of the account.
    ResetStart,
    /// `/sign-in/reset/codes`: the codes sent to the phone and the e-mail, and the new
    /// password.
    ResetComplete,
    /// `/my-request`: the status of the request.
    MyRequest,
    /// `/my-request/password`: changing the password (the current one, then the new one).
    ChangePassword,
    /// `/results/`: the seat-allocation viewer.
    Results,
    /// `/review/`: the officials' console; the sign-in (password and second factor).
    Review,
    /// `/review/queue`: the requests waiting for a decision, oldest first. One request's
    /// page, `/review/requests/{reference}`, has a reference in its address: see
    /// [`review_request_path`] and [`review_reference`].
    ReviewQueue,
    /// `/statistics/`: the public counts of requests.
    Statistics,
}

impl Route {
    pub const ALL: [Route; 24] = [
        Route::Start,
        Route::Contact,
        Route::Verify,
        Route::Password,
        Route::Face,
        Route::RequestResume,
        Route::RequestDocument,
        Route::RequestName,
        Route::RequestBirth,
        Route::RequestPersonalNumber,
        Route::RequestPhoto,
        Route::RequestAddress,
        Route::RequestProof,
        Route::RequestCheck,
        Route::RequestDone,
        Route::SignIn,
        Route::ResetStart,
        Route::ResetComplete,
        Route::MyRequest,
        Route::ChangePassword,
        Route::Results,
        Route::Review,
        Route::ReviewQueue,
        Route::Statistics,
    ];

    /// The address of the page (no query or fragment).
    pub const fn path(self) -> &'static str {
        match self {
            Route::Start => "/",
            Route::Contact => "/register/contact",
            Route::Verify => "/register/verify",
            Route::Password => "/register/password",
            Route::Face => "/register/face",
            Route::RequestResume => "/request/",
            Route::RequestDocument => "/request/document",
            Route::RequestName => "/request/name",
            Route::RequestBirth => "/request/birth",
            Route::RequestPersonalNumber => "/request/personal-number",
            Route::RequestPhoto => "/request/photo",
            Route::RequestAddress => "/request/address",
            Route::RequestProof => "/request/proof",
            Route::RequestCheck => "/request/check",
            Route::RequestDone => "/request/done",
            Route::SignIn => "/sign-in",
            Route::ResetStart => "/sign-in/reset",
            Route::ResetComplete => "/sign-in/reset/codes",
            Route::MyRequest => "/my-request",
            Route::ChangePassword => "/my-request/password",
            Route::Results => "/results/",
            Route::Review => "/review/",
            Route::ReviewQueue => "/review/queue",
            Route::Statistics => "/statistics/",
        }
    }

    /// The entry page that shows it.
    pub const fn entry(self) -> Entry {
        match self {
            Route::Start => Entry::Start,
            Route::Contact | Route::Verify | Route::Password => Entry::Register,
            Route::Face => Entry::Face,
            Route::RequestResume
            | Route::RequestDocument
            | Route::RequestName
            | Route::RequestBirth
            | Route::RequestPersonalNumber
            | Route::RequestAddress => Entry::Request,
            Route::RequestCheck | Route::RequestDone => Entry::Submit,
            Route::RequestPhoto | Route::RequestProof => Entry::Documents,
            Route::SignIn | Route::MyRequest | Route::ChangePassword => Entry::Account,
            Route::ResetStart | Route::ResetComplete => Entry::Reset,
            Route::Results => Entry::Results,
            Route::Review | Route::ReviewQueue => Entry::Review,
            Route::Statistics => Entry::Statistics,
        }
    }

    /// The page where the voter answers `field` (`None` for a field with no page of its own:
    /// tokens, keys, the frames).
    pub fn of_field(field: Field) -> Option<Route> {
        Some(match field {
            Field::Phone | Field::Email | Field::Language => Route::Contact,
            Field::PhoneCode | Field::EmailCode => Route::Verify,
            Field::Password => Route::Password,
            Field::Login => Route::SignIn,
            Field::Frames => Route::Face,
            Field::DocumentType | Field::DocumentNumber | Field::DocumentExpiry => {
                Route::RequestDocument
            }
            Field::FirstName | Field::Surname | Field::FatherName => Route::RequestName,
            Field::DateOfBirth | Field::PlaceOfBirth | Field::Sex => Route::RequestBirth,
            Field::PersonalNumber => Route::RequestPersonalNumber,
            Field::IdCardFront | Field::IdCardBack | Field::PassportPage => Route::RequestPhoto,
            Field::Country
            | Field::City
            | Field::PostalCode
            | Field::Street
            | Field::Apartment
            | Field::CareOf => Route::RequestAddress,
            Field::ProofKind | Field::ProofDeclaration | Field::ProofOfAddress => {
                Route::RequestProof
            }
            Field::Declaration => Route::RequestCheck,
            _ => return None,
        })
    }

    /// The page of a request step.
    pub fn of_step(step: RequestStep) -> Route {
        match step {
            RequestStep::Face => Route::Face,
            RequestStep::Identity => Route::RequestDocument,
            RequestStep::DocumentPhoto => Route::RequestPhoto,
            RequestStep::Address => Route::RequestAddress,
            RequestStep::ProofOfAddress => Route::RequestProof,
        }
    }

    /// Where the voter puts right what a rejection reason names.
    pub fn of_fix(fix: Fix) -> Option<Route> {
        match fix {
            Fix::Step(step) => Some(Route::of_step(step)),
            Fix::Field(field) => Route::of_field(field),
        }
    }

    /// The page at `path` (a query or fragment is ignored; `/index.html` is the start page),
    /// if it is one of these.
    pub fn of_path(path: &str) -> Option<Route> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = if path == "/index.html" { "/" } else { path };
        Route::ALL.into_iter().find(|r| r.path() == path)
    }
}

/// The console's address of one request: `/review/requests/{reference}`.
pub fn review_request_path(reference: &str) -> String {
    ["/review/requests/", reference].concat()
}

/// The reference in a console request's address (`/review/requests/PER-XXXX-XXXX`), if
/// `path` is one (a query or fragment is ignored; the reference is not checked here).
pub fn review_reference(path: &str) -> Option<&str> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let rest = path.strip_prefix("/review/requests/")?;
    (!rest.is_empty() && !rest.contains('/')).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_console_request_has_its_reference_in_the_address() {
        let path = review_request_path("PER-7K3M-Q9TX");
        assert_eq!(path, "/review/requests/PER-7K3M-Q9TX");
        assert_eq!(Entry::of_path(&path), Some(Entry::Review));
        assert_eq!(review_reference(&path), Some("PER-7K3M-Q9TX"));
        assert_eq!(
            review_reference("/review/requests/PER-7K3M-Q9TX?x#y"),
            Some("PER-7K3M-Q9TX")
        );
        assert_eq!(review_reference("/review/requests/"), None);
        assert_eq!(review_reference("/review/requests/a/b"), None);
        assert_eq!(review_reference("/review/queue"), None);
        assert_eq!(Route::of_path(&path), None);
    }

    #[test]
    fn each_route_is_served_by_its_entry() {
        for r in Route::ALL {
            assert_eq!(Entry::of_path(r.path()), Some(r.entry()), "{r:?}");
            assert_eq!(Route::of_path(r.path()), Some(r), "{r:?}");
            let with_query = [r.path(), "?change=check#x"].concat();
            assert_eq!(Route::of_path(&with_query), Some(r), "{r:?}");
        }
        let paths: std::collections::HashSet<_> = Route::ALL.iter().map(|r| r.path()).collect();
        assert_eq!(paths.len(), Route::ALL.len(), "two routes share a path");
        assert_eq!(Route::of_path("/index.html"), Some(Route::Start));
        assert_eq!(Route::of_path("/register/nowhere"), None);
        assert_eq!(
            Route::of_path("/results"),
            None,
            "the viewer's address ends with /"
        );
        assert_eq!(Route::of_path("/statistics/"), Some(Route::Statistics));
        assert_eq!(Route::of_path("/statistics"), None, "ends with / too");
    }

    #[test]
    fn every_request_answer_has_its_page_in_the_request_entry() {
        use crate::api::{AddressForm, IdentityForm, ProofForm};
        let today = crate::Date::parse("2026-11-21").unwrap();
        let mut fields: Vec<Field> = Vec::new();
        for problems in [
            IdentityForm::default().parse(today).err(),
            AddressForm::default().parse().err(),
            ProofForm::default().parse().err(),
        ] {
            fields.extend(problems.unwrap_or_default().into_iter().map(|p| p.field));
        }
        assert!(fields.len() >= 12, "{fields:?}");
        for f in fields {
            let route = Route::of_field(f);
            let entry = route.map(Route::entry);
            assert!(
                matches!(
                    entry,
                    Some(Entry::Request | Entry::Documents | Entry::Submit)
                ),
                "{f:?}: {entry:?}"
            );
        }
        for reason in crate::RejectionReason::ALL {
            if let Some(fix) = reason.fix() {
                assert!(Route::of_fix(fix).is_some(), "{reason:?}");
            }
        }
        assert_eq!(Route::of_step(RequestStep::Face), Route::Face);
    }

    #[test]
    fn every_address_has_its_entry() {
        let cases = [
            ("/", Some(Entry::Start)),
            ("/index.html", Some(Entry::Start)),
            ("/register/contact", Some(Entry::Register)),
            ("/register", Some(Entry::Register)),
            ("/register/face", Some(Entry::Face)),
            ("/register/faces", Some(Entry::Register)),
            ("/request/identity", Some(Entry::Request)),
            ("/request", Some(Entry::Request)),
            ("/request/photo", Some(Entry::Documents)),
            ("/request/proof?change", Some(Entry::Documents)),
            ("/request/photos", Some(Entry::Request)),
            ("/requests", None),
            ("/sign-in", Some(Entry::Account)),
            ("/my-request?x=1", Some(Entry::Account)),
            ("/my-request/password", Some(Entry::Account)),
            ("/sign-in/reset", Some(Entry::Reset)),
            ("/sign-in/reset/codes", Some(Entry::Reset)),
            ("/sign-in/resets", Some(Entry::Account)),
            ("/results/", Some(Entry::Results)),
            ("/results", Some(Entry::Results)),
            ("/results/#rules=dhondt", Some(Entry::Results)),
            ("/review/queue", Some(Entry::Review)),
            ("/statistics/", Some(Entry::Statistics)),
            ("/statistics", Some(Entry::Statistics)),
            ("/statistics/#zone", Some(Entry::Statistics)),
            ("/statisticsx", None),
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
        for e in [
            Entry::Register,
            Entry::Request,
            Entry::Results,
            Entry::Review,
            Entry::Statistics,
        ] {
            assert_eq!(Entry::of_path(&format!("/{}/", e.dir())), Some(e));
        }
    }
}
