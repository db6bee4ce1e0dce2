//! Signing in and out: the same request is there after coming back.

use crate::helpers::*;
use serde_json::{json, Value};

#[tokio::test]
async fn sign_out_and_back_in_by_email_or_phone() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let me: Value = app.get("/api/me").await.json().await.unwrap();
    assert_eq!(me["face_captured"], false);
    assert!(
        !me.to_string().contains("3123456"),
        "contacts are masked: {me}"
    );

    let r = app
        .client
        .delete(app.url("/api/session"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(app.get("/api/me").await.status(), 401);

    for login in ["ANA.HOXHA@example.it", PHONE] {
        let fresh = new_client();
        let r = fresh
            .post(app.url("/api/session"))
            .json(&json!({"login": login, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "sign in with {login}");
        let r = fresh.get(app.url("/api/me")).send().await.unwrap();
        assert_eq!(r.status(), 200);
    }
}

#[tokio::test]
async fn wrong_password_and_unknown_login_look_the_same() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let mut bodies = Vec::new();
    for (login, password) in [(EMAIL, "wrong-password"), ("nobody@example.it", PASSWORD)] {
        let r = new_client()
            .post(app.url("/api/session"))
            .json(&json!({"login": login, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        bodies.push(r.text().await.unwrap());
    }
    assert_eq!(bodies[0], bodies[1]);
}

#[tokio::test]
async fn a_forged_session_is_refused() {
    let app = spawn_app().await;
    let r = new_client()
        .get(app.url("/api/me"))
        .header("cookie", format!("per_session={}", "A".repeat(43)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_login_for_fifteen_minutes() {
    use per_server::service::session::{LOGIN_WINDOW_SECONDS, MAX_LOGIN_FAILURES};
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let attempt = |password: &'static str| {
        let client = new_client();
        let url = app.url("/api/session");
        async move {
            client
                .post(url)
                .json(&json!({"login": EMAIL, "password": password}))
                .send()
                .await
                .unwrap()
        }
    };
    for _ in 0..MAX_LOGIN_FAILURES {
        assert_eq!(attempt("wrong-password").await.status(), 401);
    }
    let r = attempt(PASSWORD).await;
    assert_eq!(r.status(), 429, "locked even with the right password");
    assert!(r.headers().contains_key("retry-after"));
    app.state.clock.advance(LOGIN_WINDOW_SECONDS + 1);
    assert_eq!(
        attempt(PASSWORD).await.status(),
        200,
        "unlocked after the window"
    );
}
