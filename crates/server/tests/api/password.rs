//! Passwords (issue 15, item 4): the common list, the voter's own contacts, NFKC, change
//! (ends the other sessions) and reset (codes to phone and e-mail; ends every session);
//! sessions' idle timeout and absolute limit (item 5).

use crate::helpers::*;
use serde_json::{json, Value};

/// Contacts and both codes verified: the sign-up's token, ready for a password.
async fn verified_signup(app: &TestApp) -> String {
    let id = app.start_signup(PHONE, EMAIL).await;
    let code = app.code_sent_to(PHONE_E164).await;
    assert_eq!(app.verify(&id, "phone", &code).await.status(), 200);
    let code = app.code_sent_to(EMAIL).await;
    assert_eq!(app.verify(&id, "email", &code).await.status(), 200);
    id
}

async fn sign_in(app: &TestApp, login: &str, password: &str) -> reqwest::StatusCode {
    new_client()
        .post(app.url("/api/session"))
        .json(&json!({"login": login, "password": password}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn listed_and_own_contact_passwords_are_refused() {
    let app = spawn_app().await;
    let id = verified_signup(&app).await;
    for (password, problem) in [
        // Far down the 100,000 (not in the domain crate's short list).
        ("ribena11", "password_too_common"),
        ("RIBENA11", "password_too_common"),
        ("mypin3123456789", "password_has_contact"),
        ("Ana.Hoxha-is-me", "password_has_contact"),
        // Full-width digits are the phone's digits once NFKC-normalised.
        ("pin３１２３４５６７８９", "password_has_contact"),
    ] {
        let r = app
            .post(
                "/api/signup/complete",
                &json!({"signup_id": id, "password": password}),
            )
            .await;
        assert_eq!(r.status(), 400, "{password}");
        assert_eq!(
            problem_fields(r).await,
            [("password".to_owned(), problem.to_owned())],
            "{password}"
        );
    }
    let r = app
        .post(
            "/api/signup/complete",
            &json!({"signup_id": id, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status(), 201);
}

#[tokio::test]
async fn passwords_are_nfkc_normalised_before_hashing() {
    let app = spawn_app().await;
    let id = verified_signup(&app).await;
    let composed = "Caf\u{e9} Liqeni i Shkodr\u{eb}s";
    let decomposed = "Cafe\u{301} Liqeni i Shkodre\u{308}s";
    let r = app
        .post(
            "/api/signup/complete",
            &json!({"signup_id": id, "password": composed}),
        )
        .await;
    assert_eq!(r.status(), 201);
    assert_eq!(sign_in(&app, EMAIL, decomposed).await, 200);
    assert_eq!(sign_in(&app, EMAIL, "Cafe Liqeni i Shkodres").await, 401);
}

#[tokio::test]
async fn changing_the_password_needs_the_old_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let other = signed_in_client(&app, EMAIL).await;
    let new = "a new long passphrase";

    let r = app
        .post(
            "/api/password",
            &json!({"old_password": "not the password", "new_password": new}),
        )
        .await;
    assert_eq!(r.status(), 401);
    let r = app
        .post(
            "/api/password",
            &json!({"old_password": PASSWORD, "new_password": "ribena11"}),
        )
        .await;
    assert_eq!(r.status(), 400);
    let r = app
        .post(
            "/api/password",
            &json!({"old_password": PASSWORD, "new_password": new}),
        )
        .await;
    assert_eq!(r.status(), 204, "{}", r.text().await.unwrap());

    assert_eq!(app.get("/api/me").await.status(), 200, "this session stays");
    let r = other.get(app.url("/api/me")).send().await.unwrap();
    assert_eq!(r.status(), 401, "the other session ended");
    assert_eq!(sign_in(&app, EMAIL, PASSWORD).await, 401);
    assert_eq!(sign_in(&app, EMAIL, new).await, 200);

    // Signed out, there is nothing to change.
    let r = new_client()
        .post(app.url("/api/password"))
        .json(&json!({"old_password": new, "new_password": "another long one"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn wrong_old_passwords_share_the_sign_in_lock() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let r = app
            .post(
                "/api/password",
                &json!({"old_password": "wrong guess", "new_password": "a new passphrase"}),
            )
            .await;
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429, 429]);
    // The account is locked for sign-in too (same count).
    assert_eq!(sign_in(&app, PHONE, PASSWORD).await, 429);
}

#[tokio::test]
async fn a_reset_sends_codes_to_phone_and_email_and_ends_every_session() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    app.deliver().await;
    let before_phone = app.delivered_to(PHONE_E164).await.len();
    let before_email = app.delivered_to(EMAIL).await.len();

    // An unknown login gets the same answer and sends nothing.
    let anon = new_client();
    let r = anon
        .post(app.url("/api/password/reset"))
        .json(&json!({"login": "nobody@example.it"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    let body: Value = r.json().await.unwrap();
    assert!(body["reset_id"].as_str().unwrap().len() > 20);
    assert_eq!(app.deliver().await, 0);

    let r = anon
        .post(app.url("/api/password/reset"))
        .json(&json!({"login": PHONE}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    let reset_id = r.json::<Value>().await.unwrap()["reset_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let phone_code = app.code_sent_to(PHONE_E164).await;
    let email_code = app.code_sent_to(EMAIL).await;
    assert_eq!(app.delivered_to(PHONE_E164).await.len(), before_phone + 1);
    assert_eq!(app.delivered_to(EMAIL).await.len(), before_email + 1);

    let new = "reset to this passphrase";
    let complete = |phone: &str, email: &str, password: &str| {
        anon.post(app.url("/api/password/reset/complete"))
            .json(&json!({
                "reset_id": reset_id, "phone_code": phone,
                "email_code": email, "new_password": password,
            }))
            .send()
    };
    let wrong = if phone_code == "000000" {
        "111111"
    } else {
        "000000"
    };
    // Both codes are needed: the phone's alone is not enough.
    let r = complete(&phone_code, wrong, new).await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "code_wrong");
    let r = complete(&phone_code, &email_code, "mypin3123456789")
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "own digits refused");
    let r = complete(&phone_code, &email_code, new).await.unwrap();
    assert_eq!(r.status(), 204, "{}", r.text().await.unwrap());

    assert_eq!(
        app.get("/api/me").await.status(),
        401,
        "every session ended"
    );
    assert_eq!(sign_in(&app, EMAIL, PASSWORD).await, 401);
    assert_eq!(sign_in(&app, EMAIL, new).await, 200);
    // A reset is used once.
    let r = complete(&phone_code, &email_code, "and once more please")
        .await
        .unwrap();
    assert_eq!(r.status(), 410);
}

#[tokio::test]
async fn a_reset_allows_five_tries_for_its_codes() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let r = app
        .post("/api/password/reset", &json!({"login": EMAIL}))
        .await;
    let reset_id = r.json::<Value>().await.unwrap()["reset_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let phone_code = app.code_sent_to(PHONE_E164).await;
    let email_code = app.code_sent_to(EMAIL).await;
    let wrong = if email_code == "000000" {
        "111111"
    } else {
        "000000"
    };
    let mut statuses = Vec::new();
    for code in [wrong, wrong, wrong, wrong, wrong, &email_code] {
        let r = app
            .post(
                "/api/password/reset/complete",
                &json!({"reset_id": reset_id, "phone_code": phone_code,
                        "email_code": code, "new_password": "a good new passphrase"}),
            )
            .await;
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [400, 400, 400, 400, 400, 410]);
    assert_eq!(sign_in(&app, EMAIL, PASSWORD).await, 200, "unchanged");
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes_unless_renewed_and_after_12_hours() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let limits: Value = app.get("/api/session").await.json().await.unwrap();
    assert_eq!(limits["idle_seconds"], 1800);
    assert_eq!(limits["absolute_seconds"], 43200);

    // Renewed by use: 25 minutes, a call, 25 minutes: still signed in.
    app.state.clock.advance(25 * 60);
    assert_eq!(app.get("/api/session").await.status(), 200);
    app.state.clock.advance(25 * 60);
    assert_eq!(app.get("/api/me").await.status(), 200);
    // Used every 25 minutes, it still ends 12 hours after sign-in.
    let mut alive = 50 * 60;
    while alive + 25 * 60 < 12 * 3600 {
        app.state.clock.advance(25 * 60);
        alive += 25 * 60;
        assert_eq!(app.get("/api/session").await.status(), 200, "at {alive} s");
    }
    app.state.clock.advance(12 * 3600 - alive);
    assert_eq!(app.get("/api/me").await.status(), 401, "absolute limit");

    // Idle for 31 minutes: the session is over.
    let c = signed_in_client(&app, EMAIL).await;
    app.state.clock.advance(31 * 60);
    let r = c.get(app.url("/api/me")).send().await.unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn the_session_answer_renews_it_and_says_how_long_it_has_left() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    app.state.clock.advance(10 * 60);
    let clock: Value = app.get("/api/session").await.json().await.unwrap();
    // (The test clock runs on from real time: a second may pass between calls.)
    let near = |v: &Value, want: i64| (want - 5..=want).contains(&v.as_i64().unwrap());
    assert_eq!(clock["idle_left_seconds"], 1800, "renewed by this call");
    assert!(
        near(&clock["absolute_left_seconds"], 43200 - 600),
        "{clock}"
    );
    assert_eq!(clock["renew_slack_seconds"], 60);
    // Used every 25 minutes up to 5 minutes before the absolute end: the idle time left is
    // what remains of the session.
    let mut alive = 600;
    while alive + 1500 < 43200 - 300 {
        app.state.clock.advance(1500);
        alive += 1500;
        assert_eq!(app.get("/api/session").await.status(), 200);
    }
    app.state.clock.advance(43200 - 300 - alive);
    let clock: Value = app.get("/api/session").await.json().await.unwrap();
    assert!(near(&clock["idle_left_seconds"], 300), "{clock}");
    assert_eq!(clock["idle_left_seconds"], clock["absolute_left_seconds"]);
    // Signed out, there is no clock.
    let r = new_client()
        .get(app.url("/api/session"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn a_short_idle_timeout_is_renewed_by_use_and_ends_when_unused() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.limits.session_idle_seconds = 60;
    let app = spawn_with(config, dir).await;
    app.register(PHONE, EMAIL).await;
    let clock: Value = app.get("/api/session").await.json().await.unwrap();
    assert_eq!(clock["idle_seconds"], 60);
    assert_eq!(clock["renew_slack_seconds"], 2);
    // Each call within the minute renews it (written at least every 2 s of use).
    for _ in 0..5 {
        app.state.clock.advance(50);
        assert_eq!(app.get("/api/me").await.status(), 200);
    }
    app.state.clock.advance(61);
    assert_eq!(app.get("/api/me").await.status(), 401, "a minute unused");
}

/// Everything the outbox delivered to the voter's phone and e-mail since `since` messages.
async fn delivered_since(app: &TestApp, since: (usize, usize)) -> (Vec<String>, Vec<String>) {
    app.deliver().await;
    let phone = app.delivered_to(PHONE_E164).await.split_off(since.0);
    let email = app.delivered_to(EMAIL).await.split_off(since.1);
    (phone, email)
}

async fn delivered_counts(app: &TestApp) -> (usize, usize) {
    app.deliver().await;
    (
        app.delivered_to(PHONE_E164).await.len(),
        app.delivered_to(EMAIL).await.len(),
    )
}

#[tokio::test]
async fn a_changed_or_reset_password_is_told_to_the_phone_and_the_email() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let before = delivered_counts(&app).await;
    // A refused change tells nothing.
    let r = app
        .post(
            "/api/password",
            &json!({"old_password": "not the password", "new_password": "a new long passphrase"}),
        )
        .await;
    assert_eq!(r.status(), 401);
    assert_eq!(delivered_since(&app, before).await, (vec![], vec![]));
    let r = app
        .post(
            "/api/password",
            &json!({"old_password": PASSWORD, "new_password": "a new long passphrase"}),
        )
        .await;
    assert_eq!(r.status(), 204);
    // In the voter's language (the sign-up's: Albanian), no code, one to each contact.
    let (phone, email) = delivered_since(&app, before).await;
    assert_eq!((phone.len(), email.len()), (1, 1), "{phone:?} {email:?}");
    for body in [&phone[0], &email[0]] {
        assert!(body.contains("u ndryshua"), "{body}");
        assert!(!body.chars().any(|c| c.is_ascii_digit()), "{body}");
    }

    let before = delivered_counts(&app).await;
    let r = app
        .post("/api/password/reset", &json!({"login": EMAIL}))
        .await;
    let reset_id = r.json::<Value>().await.unwrap()["reset_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let phone_code = app.code_sent_to(PHONE_E164).await;
    let email_code = app.code_sent_to(EMAIL).await;
    let r = app
        .post(
            "/api/password/reset/complete",
            &json!({"reset_id": reset_id, "phone_code": phone_code,
                    "email_code": email_code, "new_password": "reset to this passphrase"}),
        )
        .await;
    assert_eq!(r.status(), 204);
    let (phone, email) = delivered_since(&app, before).await;
    // The codes, then the notice.
    assert_eq!((phone.len(), email.len()), (2, 2), "{phone:?} {email:?}");
    assert!(phone[1].contains("u rivendos"), "{}", phone[1]);
    assert!(email[1].contains("u rivendos"), "{}", email[1]);
}
