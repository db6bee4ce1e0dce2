//! The face capture, the submission (idempotent) and the decision the voter then sees.

use crate::helpers::*;
use per_domain::ReferenceNumber;
use per_server::service::decision::{decide, Decision};
use serde_json::{json, Value};

#[tokio::test]
async fn submitting_needs_a_session_and_the_face() {
    let app = spawn_app().await;
    let unsigned = request_with(&"k".repeat(32), identity(), fake_uploads());
    assert_eq!(app.post("/api/request", &unsigned).await.status(), 401);
    app.register(PHONE, EMAIL).await;
    let body = app.request_body(&"k".repeat(32)).await;
    let r = app.post("/api/request", &body).await;
    assert_eq!(r.status(), 409);
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["error"], "step_missing");
}

#[tokio::test]
async fn a_challenge_is_single_use_and_frames_must_be_jpeg() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let challenge: Value = app
        .post("/api/face/challenge", &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let id = challenge["challenge_id"].clone();
    let r = app
        .post(
            "/api/face",
            &json!({"challenge_id": id, "frames": ["aGVsbG8="]}),
        )
        .await;
    assert_eq!(
        problem_fields(r).await,
        vec![("frames".to_owned(), "frame_invalid".to_owned())]
    );
    let ok = json!({"challenge_id": id, "frames": [TestApp::frame()]});
    assert_eq!(app.post("/api/face", &ok).await.status(), 200);
    assert_eq!(
        app.post("/api/face", &ok).await.status(),
        409,
        "used challenge"
    );
}

#[tokio::test]
async fn bad_identity_gets_400_naming_each_field() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    app.capture_face().await;
    let mut id = identity();
    id["date_of_birth"] = json!("1990-04-16");
    id["first_name"] = json!("Ana<script>");
    let r = app
        .post(
            "/api/request",
            &request_with(&"k".repeat(32), id, fake_uploads()),
        )
        .await;
    assert_eq!(
        problem_fields(r).await,
        vec![
            ("first_name".to_owned(), "name_invalid".to_owned()),
            (
                "personal_number".to_owned(),
                "personal_number_date_mismatch".to_owned()
            ),
        ]
    );
    assert_eq!(
        app.get("/api/request").await.status(),
        404,
        "nothing was stored"
    );
}

#[tokio::test]
async fn submit_is_idempotent_and_the_decision_reaches_the_voter() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    app.capture_face().await;
    let body = app.request_body("0123456789abcdef0123").await;
    let r = app.post("/api/request", &body).await;
    assert_eq!(r.status(), 201);
    let first: Value = r.json().await.unwrap();
    assert_eq!(first["status"], "submitted");
    let reference = first["reference"].as_str().unwrap().to_owned();
    assert!(ReferenceNumber::parse(&reference).is_ok());

    // A retry with the same key returns the same request, not a second one.
    let r = app.post("/api/request", &body).await;
    assert_eq!(r.status(), 200);
    let again: Value = r.json().await.unwrap();
    assert_eq!(again["reference"], first["reference"]);

    // A different key while one is open is refused.
    let other = app.request_body("zzzzzzzzzzzzzzzzzzzz").await;
    assert_eq!(app.post("/api/request", &other).await.status(), 409);

    // The personal data is sealed at rest.
    let all = sqlite_bytes(&app);
    assert!(
        !all.windows(10).any(|w| w == b"J05415123A"),
        "the NID is not in clear"
    );

    // An official rejects; the voter sees it, with the reason, and may re-apply.
    let reference = ReferenceNumber::parse(&reference).unwrap();
    let decided = decide(
        &app.state,
        &reference,
        &Decision::Reject(vec![per_domain::RejectionReason::AddressMismatch]),
        "official:test",
    )
    .await
    .unwrap();
    assert_eq!(decided.status, per_domain::RequestStatus::Rejected);
    let view: Value = app.get("/api/request").await.json().await.unwrap();
    assert_eq!(view["status"], "rejected");
    assert_eq!(view["reasons"], json!(["address_mismatch"]));
    assert!(view["decided_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(app.deliver().await, 2, "an SMS and an e-mail");
    let sms = app.delivered_to(PHONE_E164).await.pop().unwrap();
    assert!(sms.contains(reference.as_str()), "the voter is told: {sms}");

    assert!(
        decide(&app.state, &reference, &Decision::Approve, "official:test")
            .await
            .is_err(),
        "a decided request is not decided again"
    );
    let r = app.post("/api/request", &other).await;
    assert_eq!(r.status(), 201, "re-applying after a rejection");
}

#[tokio::test]
async fn two_drafts_submitted_at_once_make_one_request() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    app.capture_face().await;
    let a = app.request_body("aaaaaaaaaaaaaaaaaaaa").await;
    let b = app.request_body("bbbbbbbbbbbbbbbbbbbb").await;
    let (ra, rb) = tokio::join!(app.post("/api/request", &a), app.post("/api/request", &b));
    let mut statuses = vec![ra.status().as_u16(), rb.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, vec![201, 409]);
}

#[tokio::test]
async fn camera_frames_are_sealed_to_their_account() {
    use per_server::service::face::face_context;
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    app.capture_face().await;
    let account = account_of(&app, PHONE_E164).await;
    let sealed = {
        let mut tx = app.state.store.read().await.unwrap();
        tx.latest_face(account).await.unwrap().unwrap()
    };
    let plain = app
        .state
        .keys
        .open(&face_context(account), &sealed)
        .unwrap();
    assert_eq!(
        &plain[..4],
        &402u32.to_be_bytes(),
        "one length-prefixed frame"
    );
    assert_eq!(&plain[4..7], &[0xFF, 0xD8, 0xFF]);
    assert!(app
        .state
        .keys
        .open(
            &face_context(per_server::store::AccountId(account.0 + 1)),
            &sealed
        )
        .is_err());
}

#[tokio::test]
async fn the_same_key_with_another_body_is_refused() {
    let app = spawn_app().await;
    app.ready(PHONE, EMAIL).await;
    let body = app.request_body("changed-body-key-0001").await;
    assert_eq!(app.post("/api/request", &body).await.status(), 201);
    let mut changed = body.clone();
    changed["address"]["city"] = json!("Torino");
    changed["address"]["postal_code"] = json!("10121");
    let r = app.post("/api/request", &changed).await;
    assert_eq!(r.status(), 409);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "idempotency_key_reused");
    assert!(!e.to_string().contains("Torino"), "nothing personal echoed");
    assert_eq!(
        app.post("/api/request", &body).await.status(),
        200,
        "the same body still is"
    );
}

#[tokio::test]
async fn a_doubled_submit_makes_one_request() {
    let app = spawn_app().await;
    app.ready(PHONE, EMAIL).await;
    let body = app.request_body("double-submit-key-001").await;
    let (a, b, c) = tokio::join!(
        app.post("/api/request", &body),
        app.post("/api/request", &body),
        app.post("/api/request", &body)
    );
    let mut statuses = vec![
        a.status().as_u16(),
        b.status().as_u16(),
        c.status().as_u16(),
    ];
    statuses.sort();
    assert_eq!(statuses, vec![200, 200, 201]);
    let mut refs = std::collections::HashSet::new();
    for r in [a, b, c] {
        let v: Value = r.json().await.unwrap();
        refs.insert(v["reference"].as_str().unwrap().to_owned());
    }
    assert_eq!(refs.len(), 1, "one reference");
}

#[tokio::test]
async fn uploads_must_be_the_voters_own_and_of_their_kind() {
    let app = spawn_app().await;
    app.ready(PHONE, EMAIL).await;
    let mut uploads = app.uploads().await;
    let front = uploads["id_card_front"].clone();
    uploads["id_card_back"] = front;
    uploads["proof_of_address"] = json!("f".repeat(32));
    let r = app
        .post(
            "/api/request",
            &request_with("upload-check-key-0001", identity(), uploads),
        )
        .await;
    assert_eq!(
        problem_fields(r).await,
        vec![
            ("id_card_back".to_owned(), "upload_invalid".to_owned()),
            ("proof_of_address".to_owned(), "upload_invalid".to_owned()),
        ]
    );
}

#[tokio::test]
async fn withdraw_then_apply_again() {
    let app = spawn_app().await;
    app.ready(PHONE, EMAIL).await;
    assert_eq!(
        app.post("/api/request/withdraw", &json!({})).await.status(),
        404
    );
    let first: Value = app
        .post(
            "/api/request",
            &app.request_body("withdraw-key-00000001").await,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["can_withdraw"], true);
    let r = app.post("/api/request/withdraw", &json!({})).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "withdrawn");
    assert_eq!(v["can_reapply"], true);
    let r = app.post("/api/request/withdraw", &json!({})).await;
    assert_eq!(r.status(), 409);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"],
        "request_not_active"
    );
    let draft: Value = app.get("/api/draft").await.json().await.unwrap();
    assert_eq!(draft["identity"]["first_name"], "Ëndra", "pre-filled");
    let mut again = request_with(
        "withdraw-key-00000002",
        draft["identity"].clone(),
        draft["uploads"].clone(),
    );
    again["address"] = draft["address"].clone();
    let r = app.post("/api/request", &again).await;
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let second: Value = app.get("/api/request").await.json().await.unwrap();
    assert_ne!(second["reference"], first["reference"]);
    assert_eq!(second["status"], "submitted");
}
