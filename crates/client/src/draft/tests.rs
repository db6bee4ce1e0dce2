//! Drafts round-trip, forget what they must, and print no personal data.

use super::*;
use per_domain::api::IdentityForm;
use per_domain::Language;

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
        ..IdentityForm::default()
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
        ..per_domain::api::SubmitRequest::default()
    };
    let today = per_domain::Date::parse("2026-11-21").unwrap();
    let problems = req.parse(today).unwrap_err();
    assert!(
        problems
            .iter()
            .all(|p| p.field != per_domain::Field::IdempotencyKey),
        "{problems:?}"
    );
}
