//! Drafts round-trip, forget what they must, and print no personal data.

use super::*;
use per_domain::api::{IdentityForm, RequestDraft};
use per_domain::Language;

#[test]
fn request_draft_round_trips() {
    let store = MemoryStore::default();
    let draft = RequestDraft {
        idempotency_key: Some("k".repeat(32)),
        identity: Some(IdentityForm {
            surname: "Çela".into(),
            ..IdentityForm::default()
        }),
        ..RequestDraft::default()
    };
    save(&store, REQUEST_KEY, &draft);
    assert_eq!(load::<RequestDraft>(&store, REQUEST_KEY), Some(draft));
}

#[test]
fn corrupt_drafts_are_ignored() {
    let store = MemoryStore::default();
    store.set(REQUEST_KEY, "{not json");
    assert_eq!(load::<RequestDraft>(&store, REQUEST_KEY), None);
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
        REQUEST_KEY,
        IDENTITY_KEY,
        LAST_IDENTITY_KEY,
        REFERENCE_KEY,
    ] {
        assert_eq!(session.get(key), None, "{key}");
    }
    assert_eq!(load_lang(&local), Some(Language::En));
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
        sms_later: false,
    };
    let draft = RequestDraft {
        idempotency_key: Some("k".repeat(32)),
        identity: Some(IdentityForm {
            personal_number: "J90415123A".into(),
            surname: "Çela".into(),
            date_of_birth: "1989-04-15".into(),
            ..IdentityForm::default()
        }),
        ..RequestDraft::default()
    };
    let store = MemoryStore::default();
    save(&store, REQUEST_KEY, &draft);
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
    assert!(printed.contains(REQUEST_KEY));
}

#[test]
fn hex_is_lower_case_and_two_per_byte() {
    assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    assert_eq!(hex(&[7; 16]).len(), 32);
}

#[test]
fn a_hex_key_is_a_valid_idempotency_key() {
    let key = hex(&[0xab; 16]);
    assert!(per_domain::api::IdempotencyKey::parse(&key).is_ok());
}
