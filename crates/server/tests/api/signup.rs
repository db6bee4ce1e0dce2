//! Sign-up: contacts validated by the shared types, both codes, limits, the password.

use crate::helpers::*;
use per_server::service::signup::{CODE_TTL_SECONDS, MAX_CODES_PER_HOUR};
use serde_json::{json, Value};

#[tokio::test]
async fn bad_contacts_get_400_naming_each_field_and_change_nothing() {
    let app = spawn_app().await;
    let cases = [
        (
            json!({"phone": "+355 69 123 4567", "email": EMAIL, "language": "sq"}),
            vec![("phone", "phone_albanian")],
            "an Albanian number",
        ),
        (
            json!({"phone": "312 345 6789", "email": "ana@", "language": "sq"}),
            vec![
                ("phone", "phone_needs_country_code"),
                ("email", "email_invalid"),
            ],
            "no country code and a broken e-mail",
        ),
        (
            json!({"phone": PHONE, "email": EMAIL, "language": "fr"}),
            vec![("language", "language_invalid")],
            "an unsupported language",
        ),
        (
            json!({"email": EMAIL, "language": "sq"}),
            vec![("phone", "required")],
            "a missing field",
        ),
    ];
    for (body, expected, why) in cases {
        let r = app.post("/api/signup", &body).await;
        let expected: Vec<_> = expected
            .into_iter()
            .map(|(f, c)| (f.to_owned(), c.to_owned()))
            .collect();
        assert_eq!(problem_fields(r).await, expected, "{why}");
    }
    app.deliver().await;
    assert!(app.delivered_to(PHONE_E164).await.is_empty());
}

#[tokio::test]
async fn not_json_is_a_clear_400() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(app.url("/api/signup"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "invalid_input");
    assert!(
        !body.to_string().contains("not json"),
        "input is not echoed"
    );
}

#[tokio::test]
async fn both_codes_verify_the_signup() {
    let app = spawn_app().await;
    let id = app.start_signup(PHONE, EMAIL).await;
    let phone_code = app.code_sent_to(PHONE_E164).await;
    let email_code = app.code_sent_to(EMAIL).await;

    let r = app.verify(&id, "phone", &phone_code).await;
    assert_eq!(r.status(), 200);
    let progress: Value = r.json().await.unwrap();
    assert_eq!(
        progress,
        json!({"phone_verified": true, "email_verified": false})
    );

    // The phone's code does not open the e-mail channel.
    if phone_code != email_code {
        assert_eq!(app.verify(&id, "email", &phone_code).await.status(), 400);
    }
    let r = app.verify(&id, "email", &email_code).await;
    let progress: Value = r.json().await.unwrap();
    assert_eq!(
        progress,
        json!({"phone_verified": true, "email_verified": true})
    );
}

#[tokio::test]
async fn a_code_allows_five_wrong_tries_then_dies() {
    let app = spawn_app().await;
    let id = app.start_signup(PHONE, EMAIL).await;
    let good = app.code_sent_to(PHONE_E164).await;
    let wrong = if good == "000000" { "111111" } else { "000000" };
    for left in (0..5).rev() {
        let r = app.verify(&id, "phone", wrong).await;
        assert_eq!(r.status(), 400);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"], "code_wrong");
        assert_eq!(body["attempts_left"], left);
    }
    // Even the right code no longer works.
    let r = app.verify(&id, "phone", &good).await;
    assert_eq!(r.status(), 410);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "code_expired");
}

#[tokio::test]
async fn a_code_expires_after_ten_minutes_and_is_single_use() {
    let app = spawn_app().await;
    let id = app.start_signup(PHONE, EMAIL).await;
    let code = app.code_sent_to(PHONE_E164).await;
    app.state.clock.advance(CODE_TTL_SECONDS + 1);
    assert_eq!(app.verify(&id, "phone", &code).await.status(), 410);

    // A new code works once; using it again is harmless (already verified).
    let r = app
        .post(
            "/api/signup/resend",
            &json!({"signup_id": id, "channel": "phone"}),
        )
        .await;
    assert_eq!(r.status(), 204);
    let fresh = app.code_sent_to(PHONE_E164).await;
    assert_eq!(app.verify(&id, "phone", &fresh).await.status(), 200);
}

#[tokio::test]
async fn resend_waits_sixty_seconds_and_five_codes_an_hour() {
    let app = spawn_app().await;
    let id = app.start_signup(PHONE, EMAIL).await;
    let resend = json!({"signup_id": id, "channel": "email"});
    let r = app.post("/api/signup/resend", &resend).await;
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    let body: Value = r.json().await.unwrap();
    assert!(body["retry_after_seconds"].as_u64().unwrap() <= 60);

    // The sign-up sent one code; four more fit in the hour.
    for _ in 1..MAX_CODES_PER_HOUR {
        app.state.clock.advance(61);
        assert_eq!(app.post("/api/signup/resend", &resend).await.status(), 204);
    }
    app.state.clock.advance(61);
    let r = app.post("/api/signup/resend", &resend).await;
    assert_eq!(r.status(), 429, "a sixth code in the hour is refused");

    // A new sign-up to the same address is refused too: the limit is per destination.
    let r = app
        .post(
            "/api/signup",
            &json!({"phone": "+44 7911 123456", "email": EMAIL, "language": "en"}),
        )
        .await;
    assert_eq!(r.status(), 429);
}

#[tokio::test]
async fn the_password_needs_both_codes_and_the_rules() {
    let app = spawn_app().await;
    let id = app.start_signup(PHONE, EMAIL).await;
    let r = app
        .post(
            "/api/signup/complete",
            &json!({"signup_id": id, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status(), 409, "codes not verified yet");

    let code = app.code_sent_to(PHONE_E164).await;
    app.verify(&id, "phone", &code).await;
    let code = app.code_sent_to(EMAIL).await;
    app.verify(&id, "email", &code).await;

    for (password, code, why) in [
        ("short", "password_too_short", "seven characters or fewer"),
        ("password123", "password_too_common", "a common password"),
    ] {
        let r = app
            .post(
                "/api/signup/complete",
                &json!({"signup_id": id, "password": password}),
            )
            .await;
        assert_eq!(
            problem_fields(r).await,
            vec![("password".to_owned(), code.to_owned())],
            "{why}"
        );
    }
    let r = app
        .post(
            "/api/signup/complete",
            &json!({"signup_id": id, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );

    // The sign-up is spent: it cannot make a second account.
    let r = app
        .post(
            "/api/signup/complete",
            &json!({"signup_id": id, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn one_account_per_phone_and_email() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let other = spawn_second_signup(&app).await;
    let r = app
        .post(
            "/api/signup/complete",
            &json!({"signup_id": other, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status(), 409);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "already_registered");
}

async fn spawn_second_signup(app: &TestApp) -> String {
    let id = app.start_signup("+44 7911 123456", EMAIL).await;
    let code = app.code_sent_to("+447911123456").await;
    app.verify(&id, "phone", &code).await;
    let code = app.code_sent_to(EMAIL).await;
    app.verify(&id, "email", &code).await;
    id
}

#[tokio::test]
async fn secrets_are_stored_hashed() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    if on_postgres() {
        return; // The bytes on disk belong to the PostgreSQL server; SQLite shows the rule.
    }
    let all = sqlite_bytes(&app);
    let contains = |needle: &str| all.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(!contains(PASSWORD), "the password is not stored in clear");
    assert!(contains("$argon2id$"), "the password is stored as Argon2id");
}

#[tokio::test]
async fn parallel_guesses_cannot_exceed_five_tries() {
    let app = spawn_app().await;
    let id = app.start_signup(PHONE, EMAIL).await;
    let good = app.code_sent_to(PHONE_E164).await;
    let wrong = if good == "000000" { "111111" } else { "000000" };
    let guesses = (0..12).map(|_| app.verify(&id, "phone", wrong));
    let statuses: Vec<u16> = futures_join_all(guesses).await;
    let wrong_answers = statuses.iter().filter(|s| **s == 400).count();
    assert_eq!(
        wrong_answers, 5,
        "exactly five tries were counted: {statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 400 || *s == 410),
        "{statuses:?}"
    );
}

/// Runs the requests concurrently and returns their statuses.
async fn futures_join_all(
    requests: impl Iterator<Item = impl std::future::Future<Output = reqwest::Response>>,
) -> Vec<u16> {
    let mut set = Vec::new();
    for r in requests {
        set.push(r);
    }
    let responses = join_all(set).await;
    responses.iter().map(|r| r.status().as_u16()).collect()
}

#[tokio::test]
async fn a_signup_expires_after_two_hours() {
    use per_server::service::signup::SIGNUP_TTL_SECONDS;
    let app = spawn_app().await;
    let id = app.start_signup(PHONE, EMAIL).await;
    let code = app.code_sent_to(PHONE_E164).await;
    app.state.clock.advance(SIGNUP_TTL_SECONDS);
    let r = app.verify(&id, "phone", &code).await;
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn a_hundred_wrong_codes_lock_the_destination_for_a_day() {
    use per_server::service::signup::{
        CODE_WINDOW_SECONDS, DESTINATION_FAILURE_WINDOW_SECONDS, MAX_CODES_PER_HOUR,
        MAX_CODE_ATTEMPTS, MAX_DESTINATION_FAILURES,
    };
    let app = spawn_app().await;
    let rounds = MAX_DESTINATION_FAILURES / MAX_CODE_ATTEMPTS;
    let mut elapsed = 0;
    for round in 0..rounds {
        if round > 0 && round % MAX_CODES_PER_HOUR == 0 {
            // New codes within the hourly budget: every code brings five tries, no more.
            app.state.clock.advance(CODE_WINDOW_SECONDS + 1);
            elapsed += CODE_WINDOW_SECONDS + 1;
        }
        let id = app.start_signup(PHONE, EMAIL).await;
        let good = app.code_sent_to(PHONE_E164).await;
        let wrong = if good == "000000" { "111111" } else { "000000" };
        for _ in 0..MAX_CODE_ATTEMPTS {
            assert_eq!(app.verify(&id, "phone", wrong).await.status(), 400);
        }
    }
    app.state.clock.advance(CODE_WINDOW_SECONDS + 1);
    elapsed += CODE_WINDOW_SECONDS + 1;
    let r = app
        .post(
            "/api/signup",
            &json!({"phone": PHONE, "email": EMAIL, "language": "sq"}),
        )
        .await;
    assert_eq!(r.status(), 429, "no new code for a locked phone");
    let e: Value = r.json().await.unwrap();
    let wait = e["retry_after_seconds"].as_i64().unwrap();
    // Until the oldest wrong code is a day old (the clock runs on: a minute of slack).
    let until = DESTINATION_FAILURE_WINDOW_SECONDS - elapsed;
    assert!(
        (until - 60..=until).contains(&wait),
        "until when: {wait} of {until}"
    );
    // Another phone with the same e-mail: the e-mail took no wrong code, the phone is new.
    let other = app.start_signup("+39 312 345 6790", EMAIL).await;
    let good = app.code_sent_to("+393123456790").await;
    assert_eq!(app.verify(&other, "phone", &good).await.status(), 200);
    app.state.clock.advance(wait + 1);
    let id = app.start_signup(PHONE, EMAIL).await;
    let good = app.code_sent_to(PHONE_E164).await;
    assert_eq!(
        app.verify(&id, "phone", &good).await.status(),
        200,
        "open again after a day"
    );
}
