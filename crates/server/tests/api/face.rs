//! The liveness check end to end through the API, on frames of the generated test videos:
//! the live clip passes; a still photo and a photo moved as a sheet are refused with their
//! reason; a replayed burst (same nonce), an expired challenge and a changed challenge are
//! refused; three refusals open the assisted route, which the request records.

use crate::helpers::*;
use serde_json::{json, Value};

async fn refusal(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    (status, r.json().await.unwrap())
}

#[tokio::test]
async fn the_live_clip_passes_and_its_nonce_is_single_use() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let challenge = app.face_challenge().await;
    assert_eq!(challenge["steps"].as_array().unwrap().len(), 3);
    assert_eq!(challenge["expires_in_seconds"], 60);
    let live = burst("live");
    let started = std::time::Instant::now();
    let r = app.send_burst(&challenge, &live).await;
    eprintln!(
        "face check of {} frames: {} ms (debug build, face crate optimised)",
        live.len(),
        started.elapsed().as_millis()
    );
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let me: Value = app.get("/api/me").await.json().await.unwrap();
    assert_eq!(me["face_captured"], true);
    // The same burst again: the nonce is used up.
    let (status, body) = refusal(app.send_burst(&challenge, &live).await).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("step_missing"))
    );
}

#[tokio::test]
async fn photos_are_refused_with_the_reason() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let c = app.face_challenge().await;
    let (status, body) = refusal(app.send_burst(&c, &burst("static")).await).await;
    assert_eq!(status, 422);
    assert_eq!(body["error"], "face_refused");
    assert_eq!(body["reason"], "face_step_missing");
    assert_eq!(body["attempts_left"], 2);
    let c = app.face_challenge().await;
    let (status, body) = refusal(app.send_burst(&c, &burst("moved")).await).await;
    assert_eq!(status, 422);
    assert!(
        ["face_flat", "face_step_missing"].contains(&body["reason"].as_str().unwrap()),
        "{body}"
    );
    assert_eq!(body["attempts_left"], 1);
    // Nothing was kept.
    let me: Value = app.get("/api/me").await.json().await.unwrap();
    assert_eq!(me["face_captured"], false);
}

#[tokio::test]
async fn changed_or_expired_challenges_are_refused() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let live = burst("live");
    let mut c = app.face_challenge().await;
    // Other steps than the ones signed.
    c["steps"] = json!(["blink"]);
    let (status, body) = refusal(app.send_burst(&c, &live).await).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["fields"][0]["code"], "challenge_invalid");
    // A later expiry than the one signed.
    let mut c = app.face_challenge().await;
    c["expires_at"] = json!(c["expires_at"].as_i64().unwrap() + 600);
    assert_eq!(app.send_burst(&c, &live).await.status(), 400);
    // Expired: the clock moves past the minute.
    let c = app.face_challenge().await;
    app.state.clock.advance(61);
    let (status, body) = refusal(app.send_burst(&c, &live).await).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("step_missing"))
    );
}

#[tokio::test]
async fn three_refusals_open_the_assisted_route_which_the_request_records() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let body = json!({"reason": "check_failed"});
    assert_eq!(
        app.post("/api/face/assisted", &body).await.status(),
        409,
        "not before three refusals"
    );
    let still = burst("static");
    for left in [2, 1, 0] {
        let c = app.face_challenge().await;
        let (status, b) = refusal(app.send_burst(&c, &still).await).await;
        assert_eq!((status, b["attempts_left"].as_u64()), (422, Some(left)));
    }
    assert_eq!(app.post("/api/face/assisted", &body).await.status(), 204);
    let body = app.request_body(&"k".repeat(32)).await;
    let r = app.post("/api/request", &body).await;
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let route: String = {
        let mut tx = app.state.store.read().await.unwrap();
        tx.request_face_route(account_of(&app, PHONE_E164).await)
            .await
            .unwrap()
    };
    assert_eq!(route, "assisted:check_failed");
}

#[tokio::test]
async fn a_denied_camera_goes_straight_to_the_assisted_route() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let r = app
        .post(
            "/api/face/assisted",
            &json!({"reason": "camera_unavailable"}),
        )
        .await;
    assert_eq!(r.status(), 204);
    let bad = app
        .post("/api/face/assisted", &json!({"reason": "bored"}))
        .await;
    assert_eq!(bad.status(), 400);
}

#[tokio::test]
async fn a_full_pool_answers_503_with_retry_after_and_costs_no_try() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.face_workers = 1;
    let app = spawn_with(config, dir).await;
    app.register(PHONE, EMAIL).await;
    let live = burst("live");
    let (a, b) = (app.face_challenge().await, app.face_challenge().await);
    let (ra, rb) = tokio::join!(app.send_burst(&a, &live), async {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.send_burst(&b, &live).await
    });
    assert_eq!(ra.status(), 200);
    assert_eq!(rb.status(), 503);
    assert_eq!(rb.headers()["retry-after"], "5");
    // The refused burst's challenge is still unused.
    assert_eq!(app.send_burst(&b, &live).await.status(), 200);
}
