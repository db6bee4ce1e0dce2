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

#[tokio::test]
async fn fifty_parallel_wrong_passwords_reach_argon2_at_most_five_times() {
    use per_server::service::session::MAX_LOGIN_FAILURES;
    use std::sync::atomic::Ordering;
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let before = app.state.argon2_runs.load(Ordering::Relaxed);
    let guesses = (0..50).map(|i| {
        let url = app.url("/api/session");
        async move {
            new_client()
                .post(url)
                .json(&json!({"login": EMAIL, "password": format!("guess-number-{i}")}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    });
    let statuses = join_all(guesses.collect()).await;
    let checked = app.state.argon2_runs.load(Ordering::Relaxed) - before;
    let wrong = statuses.iter().filter(|s| **s == 401).count();
    let locked = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(
        (wrong, locked),
        (
            MAX_LOGIN_FAILURES as usize,
            50 - MAX_LOGIN_FAILURES as usize
        ),
        "{statuses:?}"
    );
    assert!(
        checked <= MAX_LOGIN_FAILURES as u64,
        "{checked} passwords checked"
    );
}

#[tokio::test]
async fn the_phone_and_the_email_of_one_account_share_the_five_tries() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let attempt = |login: &'static str, password: &'static str| {
        let url = app.url("/api/session");
        async move {
            new_client()
                .post(url)
                .json(&json!({"login": login, "password": password}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    for login in [PHONE, PHONE, PHONE, EMAIL, EMAIL] {
        assert_eq!(attempt(login, "wrong-password").await, 401);
    }
    assert_eq!(attempt(PHONE, PASSWORD).await, 429, "by phone");
    assert_eq!(attempt(EMAIL, PASSWORD).await, 429, "by e-mail");
}

#[tokio::test]
async fn a_right_password_clears_the_reserved_try() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let attempt = |password: &'static str| {
        let url = app.url("/api/session");
        async move {
            new_client()
                .post(url)
                .json(&json!({"login": EMAIL, "password": password}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    // Ten sign-ins with the right password, four wrong ones between: never locked.
    for _ in 0..10 {
        assert_eq!(attempt(PASSWORD).await, 200);
    }
    for _ in 0..4 {
        assert_eq!(attempt("wrong-password").await, 401);
    }
    assert_eq!(attempt(PASSWORD).await, 200);
    for _ in 0..4 {
        assert_eq!(attempt("wrong-password").await, 401);
    }
    assert_eq!(
        attempt(PASSWORD).await,
        200,
        "the right password reset the count"
    );
}

#[tokio::test]
async fn behind_tls_the_session_is_a_host_only_secure_cookie() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.secure_cookies = true;
    let app = spawn_with(config, dir).await;
    let id = app.start_signup(PHONE, EMAIL).await;
    for (channel, to) in [("phone", PHONE_E164), ("email", EMAIL)] {
        let code = app.code_sent_to(to).await;
        assert_eq!(app.verify(&id, channel, &code).await.status(), 200);
    }
    let r = app
        .post(
            "/api/signup/complete",
            &json!({"signup_id": id, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    for part in [
        "__Host-per_session=",
        "Secure",
        "HttpOnly",
        "SameSite=Strict",
        "Path=/",
    ] {
        assert!(cookie.contains(part), "{part} in {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    let token = cookie["__Host-per_session=".len()..]
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    // The token under the development name is not a session here.
    for (name, status) in [("per_session", 401), ("__Host-per_session", 200)] {
        let r = new_client()
            .get(app.url("/api/me"))
            .header("cookie", format!("theme=dark; {name}={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), status, "{name}");
    }
}

#[tokio::test]
async fn password_checks_beyond_the_queue_are_shed_with_503() {
    let app = spawn_app().await;
    let limit = app.state.argon2_queue_limit;
    // Every Argon2 slot taken: the checks that come now wait in the queue.
    let slots = app.state.argon2_slots.clone();
    let held = slots
        .acquire_many(slots.available_permits() as u32)
        .await
        .unwrap();
    let tasks: Vec<_> = (0..limit + 5)
        .map(|i| {
            let url = app.url("/api/session");
            tokio::spawn(async move {
                let r = new_client()
                    .post(url)
                    .json(&json!({"login": format!("nobody{i}@example.it"), "password": "whatever-1"}))
                    .send()
                    .await
                    .unwrap();
                (r.status().as_u16(), r.headers().get("retry-after").cloned())
            })
        })
        .collect();
    // While the slots are held, the queue fills and the five beyond it are answered at once.
    for _ in 0..1000 {
        if tasks.iter().filter(|t| t.is_finished()).count() >= 5 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let mut early = Vec::new();
    let mut rest = Vec::new();
    for t in tasks {
        if t.is_finished() {
            early.push(t.await.unwrap());
        } else {
            rest.push(t);
        }
    }
    assert_eq!(early.len(), 5, "{early:?}");
    assert!(
        early
            .iter()
            .all(|(s, retry)| *s == 503 && retry.as_ref().is_some_and(|v| v == "2")),
        "{early:?}"
    );
    assert_eq!(
        app.state
            .argon2_queue
            .load(std::sync::atomic::Ordering::Acquire),
        limit
    );
    drop(held);
    for t in rest {
        assert_eq!(t.await.unwrap().0, 401, "the queued ones were checked");
    }
}

#[tokio::test]
async fn signing_in_again_replaces_the_session_and_out_everywhere_ends_all() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let first = app.client.clone();
    let sign_in = |client: reqwest::Client| {
        let url = app.url("/api/session");
        async move {
            let r = client
                .post(url)
                .json(&json!({"login": EMAIL, "password": PASSWORD}))
                .send()
                .await
                .unwrap();
            r.headers()["set-cookie"].to_str().unwrap().to_owned()
        }
    };
    let token_of = |cookie: &str| cookie.split(';').next().unwrap().to_owned();
    // This browser's registration session, then a sign-in in the same browser: a new token,
    // and the old one no longer opens anything.
    let cookie_a = sign_in(first.clone()).await;
    let cookie_b = sign_in(first.clone()).await;
    assert_ne!(
        token_of(&cookie_a),
        token_of(&cookie_b),
        "a fresh token each time"
    );
    let with = |cookie: String| {
        let url = app.url("/api/me");
        async move {
            new_client()
                .get(url)
                .header("cookie", token_of(&cookie))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(
        with(cookie_a.clone()).await,
        401,
        "the replaced session ended"
    );
    assert_eq!(with(cookie_b.clone()).await, 200);
    // A second device, then "sign out everywhere" from the first: both end.
    let phone = new_client();
    let cookie_c = sign_in(phone.clone()).await;
    assert_eq!(with(cookie_c.clone()).await, 200);
    let r = first.delete(app.url("/api/sessions")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(with(cookie_b).await, 401);
    assert_eq!(
        with(cookie_c).await,
        401,
        "the other device is signed out too"
    );
    assert_eq!(
        first
            .delete(app.url("/api/sessions"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
}
