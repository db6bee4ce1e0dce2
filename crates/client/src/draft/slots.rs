//! The typed slots: which key holds what (the language, the sign-up in progress, the request
//! draft), and forgetting the personal ones.

use super::store::{KeyValue, WebStore};
use per_domain::api::{SignupProgress, SignupStarted};
use per_domain::Language;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const LANG_KEY: &str = "per.lang";
pub const CONTACT_KEY: &str = "per.contact";
pub const SIGNUP_KEY: &str = "per.signup";
/// The thin identity drafts of earlier versions: only forgotten (see [`forget_all`]).
pub const IDENTITY_KEY: &str = "per.identity";
pub const LAST_IDENTITY_KEY: &str = "per.identity.last";
pub const REFERENCE_KEY: &str = "per.reference";
/// The request draft (`per_domain::api::RequestDraft`) as typed, with its idempotency key.
pub const REQUEST_KEY: &str = "per.request";

/// A password reset in progress ([`ResetSession`]): its id is a secret.
pub const RESET_KEY: &str = "per.reset";

/// Every key of `sessionStorage` that holds personal data or a secret.
pub const PERSONAL_SESSION_KEYS: [&str; 7] = [
    CONTACT_KEY,
    RESET_KEY,
    REQUEST_KEY,
    SIGNUP_KEY,
    IDENTITY_KEY,
    LAST_IDENTITY_KEY,
    REFERENCE_KEY,
];

// ---------------------------------------------------------------- password reset

/// A password reset in progress, kept for the session (between its two pages).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetSession {
    pub reset_id: String,
    /// How long the codes live, in minutes.
    pub code_minutes: u32,
}

impl fmt::Debug for ResetSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ResetSession { .. }")
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
    /// The server sent no SMS (its SMS budget was spent): e-mail first, SMS code later.
    #[serde(default)]
    pub sms_later: bool,
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
            sms_later: s.sms_later,
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
