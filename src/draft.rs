//! What the app keeps in the browser so that a reload or a lost network loses nothing:
//! the language (`localStorage`, the only thing kept after the tab is closed), and in
//! `sessionStorage` (this tab only) the sign-up in progress (its id is a secret), the identity
//! draft with its idempotency key and the last identity submitted (to pre-fill a new request
//! after a rejection).
//!
//! Personal drafts are forgotten on sign-in, on sign-out and whenever the server answers 401
//! ([`forget_all`]). Every type here that holds personal data or a secret prints a redacted
//! `Debug`.

use per_domain::api::{IdentityForm, SignupProgress, SignupStarted};
use per_domain::Language;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

pub const LANG_KEY: &str = "per.lang";
pub const CONTACT_KEY: &str = "per.contact";
pub const SIGNUP_KEY: &str = "per.signup";
pub const IDENTITY_KEY: &str = "per.identity";
pub const LAST_IDENTITY_KEY: &str = "per.identity.last";
pub const REFERENCE_KEY: &str = "per.reference";

/// Every key of `sessionStorage` that holds personal data or a secret.
pub const PERSONAL_SESSION_KEYS: [&str; 5] = [
    CONTACT_KEY,
    SIGNUP_KEY,
    IDENTITY_KEY,
    LAST_IDENTITY_KEY,
    REFERENCE_KEY,
];

/// A string store: `localStorage`, `sessionStorage`, or memory in tests.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str);
    fn remove(&self, key: &str);
}

/// A Web Storage area. Failures (private mode, quota) are ignored: the app still works,
/// it just forgets on reload.
#[derive(Debug, Clone)]
pub struct WebStore(web_sys::Storage);

impl WebStore {
    pub fn local() -> Option<WebStore> {
        web_sys::window()?.local_storage().ok()?.map(WebStore)
    }

    pub fn session() -> Option<WebStore> {
        web_sys::window()?.session_storage().ok()?.map(WebStore)
    }
}

impl KeyValue for WebStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) {
        let _ = self.0.set_item(key, value);
    }
    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }
}

/// A store in memory, for tests.
#[derive(Default)]
pub struct MemoryStore(RefCell<HashMap<String, String>>);

impl fmt::Debug for MemoryStore {
    /// The keys only: the values are drafts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let map = self.0.borrow();
        let mut keys: Vec<&String> = map.keys().collect();
        keys.sort();
        f.debug_struct("MemoryStore").field("keys", &keys).finish()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
    }
    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }
}

pub fn load<T: DeserializeOwned>(store: &impl KeyValue, key: &str) -> Option<T> {
    serde_json::from_str(&store.get(key)?).ok()
}

pub fn save<T: Serialize>(store: &impl KeyValue, key: &str, value: &T) {
    if let Ok(json) = serde_json::to_string(value) {
        store.set(key, &json);
    }
}

// ---------------------------------------------------------------- language

pub fn load_lang(store: &impl KeyValue) -> Option<Language> {
    Language::parse(&store.get(LANG_KEY)?).ok()
}

pub fn save_lang(store: &impl KeyValue, lang: Language) {
    store.set(LANG_KEY, lang.code());
}

// ---------------------------------------------------------------- sign-up

/// The contact details as typed, kept for the session.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDraft {
    pub phone: String,
    pub email: String,
}

impl fmt::Debug for ContactDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ContactDraft { .. }")
    }
}

/// A sign-up in progress, kept for the session.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct SignupSession {
    pub signup_id: String,
    pub phone_masked: String,
    pub email_masked: String,
    pub resend_after_seconds: u32,
    /// When each code was last sent, ms since the epoch.
    pub phone_sent_ms: f64,
    pub email_sent_ms: f64,
    pub phone_verified: bool,
    pub email_verified: bool,
}

impl fmt::Debug for SignupSession {
    /// The progress only: the id is a secret and the masked contacts are personal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignupSession")
            .field("signup_id", &"***")
            .field("phone_verified", &self.phone_verified)
            .field("email_verified", &self.email_verified)
            .finish_non_exhaustive()
    }
}

impl SignupSession {
    pub fn started(s: &SignupStarted, now_ms: f64) -> Self {
        SignupSession {
            signup_id: s.signup_id.clone(),
            phone_masked: s.phone_masked.clone(),
            email_masked: s.email_masked.clone(),
            resend_after_seconds: s.resend_after_seconds,
            phone_sent_ms: now_ms,
            email_sent_ms: now_ms,
            phone_verified: false,
            email_verified: false,
        }
    }

    pub fn progress(&self) -> SignupProgress {
        SignupProgress {
            phone_verified: self.phone_verified,
            email_verified: self.email_verified,
        }
    }

    pub fn set_progress(&mut self, p: SignupProgress) {
        self.phone_verified = p.phone_verified;
        self.email_verified = p.email_verified;
    }
}

/// Seconds until "send again" may be used, for a code sent at `sent_ms`.
pub fn cooldown_left(resend_after_seconds: u32, sent_ms: f64, now_ms: f64) -> u32 {
    let elapsed = ((now_ms - sent_ms) / 1000.0).max(0.0);
    let left = f64::from(resend_after_seconds) - elapsed;
    if left <= 0.0 {
        0
    } else {
        left.ceil() as u32
    }
}

// ---------------------------------------------------------------- identity

/// The identity as typed so far, with the key that makes its submission idempotent.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityDraft {
    pub form: IdentityForm,
    pub idempotency_key: String,
}

impl fmt::Debug for IdentityDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("IdentityDraft { .. }")
    }
}

impl IdentityDraft {
    /// The saved draft, or an empty one with `new_key()` as its key.
    pub fn load_or_new(store: &impl KeyValue, new_key: impl FnOnce() -> String) -> Self {
        load(store, IDENTITY_KEY).unwrap_or_else(|| IdentityDraft {
            form: IdentityForm::default(),
            idempotency_key: new_key(),
        })
    }

    /// After a successful submission: the draft is done (its key must not be reused), and
    /// its answers are kept as the last submitted, to pre-fill a new request.
    pub fn submitted(store: &impl KeyValue, form: &IdentityForm) {
        store.remove(IDENTITY_KEY);
        save(store, LAST_IDENTITY_KEY, form);
    }

    /// Prepares the draft for a new request after a rejection ("apply again"): a draft not yet
    /// sent is kept; otherwise the last submitted answers with a new key (a new request, not
    /// a retry of the rejected one); otherwise nothing.
    pub fn reapply(store: &impl KeyValue, new_key: impl FnOnce() -> String) {
        if load::<IdentityDraft>(store, IDENTITY_KEY).is_some() {
            return;
        }
        if let Some(form) = load::<IdentityForm>(store, LAST_IDENTITY_KEY) {
            let draft = IdentityDraft {
                form,
                idempotency_key: new_key(),
            };
            save(store, IDENTITY_KEY, &draft);
        }
    }
}

/// Forgets everything this browser holds about the voter (sign-in, sign-out, a 401, shared
/// devices), and the identity drafts older versions kept in `localStorage`. The language stays.
pub fn forget_all(local: &impl KeyValue, session: &impl KeyValue) {
    for key in PERSONAL_SESSION_KEYS {
        session.remove(key);
    }
    local.remove(IDENTITY_KEY);
}

/// [`forget_all`] on this browser's storage areas.
pub fn forget_all_here() {
    if let Some(session) = WebStore::session() {
        for key in PERSONAL_SESSION_KEYS {
            session.remove(key);
        }
    }
    if let Some(local) = WebStore::local() {
        local.remove(IDENTITY_KEY);
    }
}

/// Lower-case hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// A new idempotency key: 16 random bytes from `crypto.getRandomValues`, as 32 hex characters.
/// Browser only.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No Web Crypto (very old browser): still unique enough for idempotency.
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    hex(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_draft_round_trips() {
        let store = MemoryStore::default();
        let mut draft = IdentityDraft::load_or_new(&store, || "k".repeat(32));
        assert_eq!(draft.idempotency_key, "k".repeat(32));
        draft.form.surname = "Çela".into();
        save(&store, IDENTITY_KEY, &draft);
        let again = IdentityDraft::load_or_new(&store, || unreachable!("the key is kept"));
        assert_eq!(again, draft);
    }

    #[test]
    fn corrupt_drafts_are_ignored() {
        let store = MemoryStore::default();
        store.set(IDENTITY_KEY, "{not json");
        let d = IdentityDraft::load_or_new(&store, || "fresh".into());
        assert_eq!(d.idempotency_key, "fresh");
    }

    #[test]
    fn language_is_remembered() {
        let store = MemoryStore::default();
        assert_eq!(load_lang(&store), None);
        save_lang(&store, Language::El);
        assert_eq!(store.get(LANG_KEY).as_deref(), Some("el"));
        assert_eq!(load_lang(&store), Some(Language::El));
        store.set(LANG_KEY, "xx");
        assert_eq!(load_lang(&store), None);
    }

    #[test]
    fn cooldown_counts_down() {
        assert_eq!(cooldown_left(60, 1_000.0, 1_000.0), 60);
        assert_eq!(cooldown_left(60, 1_000.0, 31_500.0), 30);
        assert_eq!(cooldown_left(60, 1_000.0, 61_000.0), 0);
        assert_eq!(cooldown_left(60, 1_000.0, 500_000.0), 0);
        assert_eq!(cooldown_left(60, 5_000.0, 1_000.0), 60, "clock went back");
    }

    #[test]
    fn forgetting_clears_personal_data_but_not_the_language() {
        let (local, session) = (MemoryStore::default(), MemoryStore::default());
        save_lang(&local, Language::En);
        local.set(IDENTITY_KEY, "{}");
        for key in PERSONAL_SESSION_KEYS {
            session.set(key, "{}");
        }
        forget_all(&local, &session);
        assert_eq!(local.get(IDENTITY_KEY), None, "the old local draft");
        for key in [
            CONTACT_KEY,
            SIGNUP_KEY,
            IDENTITY_KEY,
            LAST_IDENTITY_KEY,
            REFERENCE_KEY,
        ] {
            assert_eq!(session.get(key), None, "{key}");
        }
        assert_eq!(load_lang(&local), Some(Language::En));
    }

    fn filled() -> IdentityForm {
        IdentityForm {
            personal_number: "J90415123A".into(),
            first_name: "Ëndra".into(),
            surname: "Çela".into(),
            date_of_birth: "1989-04-15".into(),
            sex: "F".into(),
        }
    }

    #[test]
    fn applying_again_pre_fills_the_last_answers_with_a_new_key() {
        let store = MemoryStore::default();
        IdentityDraft::reapply(&store, || unreachable!("nothing to pre-fill"));
        assert_eq!(store.get(IDENTITY_KEY), None);

        let sent = IdentityDraft {
            form: filled(),
            idempotency_key: "a".repeat(32),
        };
        save(&store, IDENTITY_KEY, &sent);
        IdentityDraft::submitted(&store, &sent.form);
        assert_eq!(store.get(IDENTITY_KEY), None, "a sent draft is done");

        IdentityDraft::reapply(&store, || "b".repeat(32));
        let again = IdentityDraft::load_or_new(&store, || unreachable!("pre-filled"));
        assert_eq!(again.form, filled());
        assert_eq!(again.idempotency_key, "b".repeat(32), "a new request");
    }

    #[test]
    fn applying_again_keeps_a_draft_not_yet_sent() {
        let store = MemoryStore::default();
        save(&store, LAST_IDENTITY_KEY, &filled());
        let typing = IdentityDraft {
            form: IdentityForm {
                surname: "Hoxha".into(),
                ..filled()
            },
            idempotency_key: "c".repeat(32),
        };
        save(&store, IDENTITY_KEY, &typing);
        IdentityDraft::reapply(&store, || unreachable!("the draft is kept"));
        assert_eq!(
            IdentityDraft::load_or_new(&store, || unreachable!()),
            typing
        );
    }

    #[test]
    fn debug_prints_no_personal_data_nor_secrets() {
        let contact = ContactDraft {
            phone: "+393123456789".into(),
            email: "ana@example.com".into(),
        };
        let session = SignupSession {
            signup_id: "s3cr3t-token".into(),
            phone_masked: "+•••••••89".into(),
            email_masked: "a•••@example.com".into(),
            resend_after_seconds: 60,
            phone_sent_ms: 0.0,
            email_sent_ms: 0.0,
            phone_verified: true,
            email_verified: false,
        };
        let draft = IdentityDraft {
            form: filled(),
            idempotency_key: "k".repeat(32),
        };
        let store = MemoryStore::default();
        save(&store, IDENTITY_KEY, &draft);
        let printed = format!("{contact:?} {session:?} {draft:?} {store:?}");
        for secret in [
            "393123456789",
            "ana@",
            "s3cr3t",
            "89",
            "example.com",
            "J90415123A",
            "Çela",
            "1989",
            "kkkk",
        ] {
            assert!(!printed.contains(secret), "{secret} in {printed}");
        }
        assert!(printed.contains("phone_verified: true"));
        assert!(printed.contains(IDENTITY_KEY));
    }

    #[test]
    fn hex_is_lower_case_and_two_per_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(hex(&[7; 16]).len(), 32);
    }

    #[test]
    fn a_hex_key_is_a_valid_idempotency_key() {
        let key = hex(&[0xab; 16]);
        let req = per_domain::api::SubmitRequest {
            idempotency_key: key,
            identity: IdentityForm::default(),
        };
        let today = per_domain::Date::parse("2026-11-21").unwrap();
        let problems = req.parse(today).unwrap_err();
        assert!(
            problems.iter().all(|p| p.field != "idempotency_key"),
            "{problems:?}"
        );
    }
}
