//! The registration window: public, and the server refuses new requests outside it.

use crate::helpers::*;
use per_server::config::RegistrationWindow;
use serde_json::Value;

#[tokio::test]
async fn the_window_is_public_and_open_by_default() {
    let app = spawn_app().await;
    let w: Value = app.get("/api/window").await.json().await.unwrap();
    assert_eq!(w["open"], true);
    assert_eq!(w["opens_at"], Value::Null);
    assert!(w["now"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn outside_the_window_new_requests_are_refused_but_a_retry_is_answered() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    config.window = RegistrationWindow {
        opens_at: Some(now - 86_400),
        closes_at: Some(now + 60),
    };
    let app = spawn_with(config, dir).await;
    app.ready(PHONE, EMAIL).await;
    let body = app.request_body("window-key-00000001").await;
    assert_eq!(app.post("/api/request", &body).await.status(), 201);
    let w: Value = app.get("/api/window").await.json().await.unwrap();
    assert_eq!(w["open"], true);
    assert!(w["closes_at"].as_str().unwrap().ends_with('Z'));

    app.state.clock.advance(120);
    let w: Value = app.get("/api/window").await.json().await.unwrap();
    assert_eq!(w["open"], false);
    assert_eq!(
        app.post("/api/request", &body).await.status(),
        200,
        "the retry"
    );
    assert_eq!(
        app.post("/api/request/withdraw", &serde_json::json!({}))
            .await
            .status(),
        200
    );
    let again = app.request_body("window-key-00000002").await;
    let r = app.post("/api/request", &again).await;
    assert_eq!(r.status(), 403);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "window_closed");
    assert!(e["message"].as_str().unwrap().contains("not open"));
    let view: Value = app.get("/api/request").await.json().await.unwrap();
    assert_eq!(view["can_reapply"], false, "not after the close");
}
