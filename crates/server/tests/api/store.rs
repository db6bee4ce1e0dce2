//! The store itself, on either database: the outbox lease (exclusive, taken over once
//! expired, and a lost lease cannot settle a message) and unique rules as typed outcomes.

use crate::helpers::*;
use per_domain::{ReferenceNumber, RequestStatus};
use per_server::store::{InsertOutcome, NewDecision, NewRequest};
use serde_json::Value;

#[tokio::test]
async fn the_outbox_lease_is_exclusive_and_a_lost_lease_cannot_settle() {
    let app = spawn_app().await;
    app.start_signup(PHONE, EMAIL).await;
    let now = app.state.clock.now();
    let claim = |at: i64| {
        let store = app.state.store.clone();
        async move {
            let mut tx = store.write().await.unwrap();
            let claimed = tx.claim_message(at, at + 10).await.unwrap();
            tx.commit().await.unwrap();
            claimed
        }
    };
    let first = claim(now).await.expect("the SMS");
    let second = claim(now).await.expect("the e-mail");
    assert_ne!(first.id, second.id);
    assert!(claim(now).await.is_none(), "both are leased");

    // The lease runs out (the worker died): another worker takes the message over.
    let again = claim(now + 11).await.expect("taken over");
    assert_eq!((again.id, again.attempts), (first.id, 2));
    let mut tx = app.state.store.write().await.unwrap();
    assert!(
        !tx.mark_delivered(&first, now + 12).await.unwrap(),
        "the old lease cannot settle it"
    );
    assert!(tx.mark_delivered(&again, now + 12).await.unwrap());
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn unique_rules_come_back_as_typed_outcomes_and_decisions_name_who() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    app.capture_face().await;
    let key = "store-test-key-000001";
    let r: Value = app
        .post("/api/request", &app.request_body(key).await)
        .await
        .json()
        .await
        .unwrap();
    let taken = ReferenceNumber::parse(r["reference"].as_str().unwrap()).unwrap();
    let fresh = ReferenceNumber::from_random(7);
    let account = account_of(&app, PHONE_E164).await;
    let mut tx = app.state.store.write().await.unwrap();
    let new = |reference, idempotency_key| NewRequest {
        reference,
        account,
        idempotency_key,
        identity_sealed: b"sealed",
        nid_hash: b"nid",
        body_hash: b"body",
        registry_match: "",
        zone: None,
        document_expired: false,
        submitted_at: 0,
        face_route: "live",
    };
    for (request, expected, why) in [
        (
            new(&taken, "another-key-0000000001"),
            InsertOutcome::ReferenceTaken,
            "reference",
        ),
        (new(&fresh, key), InsertOutcome::KeyTaken, "idempotency key"),
        (
            new(&fresh, "another-key-0000000001"),
            InsertOutcome::OpenRequestExists,
            "one open request",
        ),
    ] {
        assert_eq!(
            tx.insert_request(&request).await.unwrap(),
            expected,
            "{why}"
        );
    }
    let decision = |by| NewDecision {
        reference: &taken,
        status: RequestStatus::Approved,
        reasons: &[],
        decided_by: by,
        decided_at: 1,
        note: "",
        from: &[RequestStatus::Submitted, RequestStatus::UnderReview],
    };
    let decided = tx
        .decide(&decision("official:a"))
        .await
        .unwrap()
        .expect("decided");
    assert_eq!(decided.status, RequestStatus::Approved);
    assert!(
        tx.decide(&decision("official:b")).await.unwrap().is_none(),
        "decided once"
    );
    assert_eq!(tx.deciders(decided.id).await.unwrap(), vec!["official:a"]);
}

#[tokio::test]
async fn a_stored_value_that_does_not_parse_is_an_error_not_a_default() {
    use sqlx::Connection;
    let app = spawn_app().await;
    let id = app.start_signup(PHONE, EMAIL).await;
    let sql = "UPDATE signups SET language = 'xx'";
    match &app.database_url {
        Some(url) => {
            let mut c = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query(sql).execute(&mut c).await.unwrap();
        }
        None => {
            let path = app.dir.path().join("per.sqlite");
            let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
                .await
                .unwrap();
            sqlx::query(sql).execute(&mut c).await.unwrap();
        }
    }
    let r = app.verify(&id, "phone", "123456").await;
    assert_eq!(r.status(), 500, "not Albanian by default");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "internal");
    assert!(
        !body.to_string().contains("language"),
        "nothing internal: {body}"
    );
}
