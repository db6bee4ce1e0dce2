//! Drafts: every answered step saved on the server, continued on another device; an invalid
//! step saves nothing; cleared by the submission; a rejected voter's answers come back.

use crate::helpers::*;
use per_server::service::decision::{decide, Decision};
use serde_json::{json, Value};

#[tokio::test]
async fn a_draft_follows_the_voter_to_another_device() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    assert_eq!(
        app.get("/api/draft").await.json::<Value>().await.unwrap(),
        json!({
            "idempotency_key": null, "identity": null, "address": null, "proof": null, "uploads": null
        })
    );
    let mut id = identity();
    id["personal_number"] = json!("j05415123a");
    let r = app
        .put(
            "/api/draft",
            &json!({"idempotency_key": "draft-key-000000001", "identity": id}),
        )
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let other = signed_in_client(&app, EMAIL).await;
    let seen: Value = other
        .get(app.url("/api/draft"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        seen["identity"]["personal_number"], "J05415123A",
        "as parsed"
    );
    assert_eq!(seen["identity"]["first_name"], "Ëndra");
    assert_eq!(seen["idempotency_key"], "draft-key-000000001");
    assert_eq!(seen["address"], Value::Null);

    // The second device adds the address; a bad step is refused and nothing changes.
    let mut with_address = seen.clone();
    with_address["address"] = address();
    with_address["address"]["country"] = json!("AL");
    let r = other
        .put(app.url("/api/draft"))
        .json(&with_address)
        .send()
        .await
        .unwrap();
    assert_eq!(
        problem_fields(r).await,
        vec![("country".to_owned(), "country_albania".to_owned())]
    );
    let still: Value = app.get("/api/draft").await.json().await.unwrap();
    assert_eq!(still["address"], Value::Null);
    with_address["address"] = address();
    assert_eq!(
        other
            .put(app.url("/api/draft"))
            .json(&with_address)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let both: Value = app.get("/api/draft").await.json().await.unwrap();
    assert_eq!(both["address"]["postal_code"], "20121");

    // Sealed at rest.
    assert!(!sqlite_bytes(&app)
        .windows(8)
        .any(|w| w == "Via Roma".as_bytes()));
}

#[tokio::test]
async fn submitting_clears_the_draft_and_a_rejection_brings_the_answers_back() {
    let app = spawn_app().await;
    app.ready(PHONE, EMAIL).await;
    let body = app.request_body("draft-then-submit-01").await;
    assert_eq!(
        app.put("/api/draft", &json!({"address": address()}))
            .await
            .status(),
        200
    );
    let r: Value = app.post("/api/request", &body).await.json().await.unwrap();
    let draft: Value = app.get("/api/draft").await.json().await.unwrap();
    assert_eq!(
        draft["address"],
        Value::Null,
        "the draft went with the submission"
    );

    let reference = per_domain::ReferenceNumber::parse(r["reference"].as_str().unwrap()).unwrap();
    decide(
        &app.state,
        &reference,
        &Decision::Reject(vec![per_domain::RejectionReason::AddressMismatch]),
        "official:test",
    )
    .await
    .unwrap();
    let view: Value = app.get("/api/request").await.json().await.unwrap();
    assert_eq!(view["can_reapply"], true);
    let prefilled: Value = app.get("/api/draft").await.json().await.unwrap();
    assert_eq!(prefilled["identity"]["surname"], "Çela");
    assert_eq!(prefilled["address"]["city"], "Milano");
    assert_eq!(
        prefilled["uploads"]["proof_of_address"],
        body["uploads"]["proof_of_address"]
    );
    assert_eq!(
        prefilled["idempotency_key"],
        Value::Null,
        "a new application, a new key"
    );
}
