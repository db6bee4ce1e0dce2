//! What the app keeps in the browser so that a reload or a lost network loses nothing:
//! the language (`localStorage`), the sign-up in progress (`sessionStorage`, its id is a
//! secret) and the identity draft with its idempotency key (`localStorage`).

use per_domain::api::{IdentityForm, SignupProgress, SignupStarted};
use per_domain::Language;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;

pub const LANG_KEY: &str = "per.lang";
pub const CONTACT_KEY: &str = "per.contact";
pub const SIGNUP_KEY: &str = "per.signup";
pub const IDENTITY_KEY: &str = "per.identity";
pub const REFERENCE_KEY: &str = "per.reference";

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
#[derive(Debug, Default)]
pub struct MemoryStore(RefCell<HashMap<String, String>>);

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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDraft {
    pub phone: String,
    pub email: String,
}

/// A sign-up in progress, kept for the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityDraft {
    pub form: IdentityForm,
    pub idempotency_key: String,
}

impl IdentityDraft {
    /// The saved draft, or an empty one with `new_key()` as its key.
    pub fn load_or_new(store: &impl KeyValue, new_key: impl FnOnce() -> String) -> Self {
        load(store, IDENTITY_KEY).unwrap_or_else(|| IdentityDraft {
            form: IdentityForm::default(),
            idempotency_key: new_key(),
        })
    }
}

/// Forgets everything this browser holds about the voter (sign-out, shared devices).
pub fn forget_all(local: &impl KeyValue, session: &impl KeyValue) {
    for key in [CONTACT_KEY, SIGNUP_KEY, REFERENCE_KEY] {
        session.remove(key);
    }
    local.remove(IDENTITY_KEY);
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
        session.set(SIGNUP_KEY, "{}");
        forget_all(&local, &session);
        assert_eq!(local.get(IDENTITY_KEY), None);
        assert_eq!(session.get(SIGNUP_KEY), None);
        assert_eq!(load_lang(&local), Some(Language::En));
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
