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
async fn a_hundred_wrong_codes_in_a_row_lock_the_destination_for_a_day() {
    use per_server::service::signup::{
        CODE_WINDOW_SECONDS, DAY_SECONDS, DESTINATION_LOCK_SECONDS, MAX_CODES_PER_DAY,
        MAX_CODES_PER_HOUR, MAX_CODE_ATTEMPTS, MAX_DESTINATION_FAILURES,
    };
    let app = spawn_app().await;
    let mut codes = 0;
    let mut wrong = 0;
    while wrong < MAX_DESTINATION_FAILURES {
        // Within the phone's budgets (5 codes an hour, 10 a day): every code brings five
        // tries, no more, and the tries add up across codes.
        if codes > 0 && codes % MAX_CODES_PER_DAY == 0 {
            app.state.clock.advance(DAY_SECONDS + 1);
        } else if codes > 0 && codes % MAX_CODES_PER_HOUR == 0 {
            app.state.clock.advance(CODE_WINDOW_SECONDS + 1);
        }
        let id = app
            .start_signup(PHONE, &format!("voter{codes}@example.it"))
            .await;
        codes += 1;
        let good = app.code_sent_to(PHONE_E164).await;
        let guess = if good == "000000" { "111111" } else { "000000" };
        for _ in 0..MAX_CODE_ATTEMPTS {
            assert_eq!(app.verify(&id, "phone", guess).await.status(), 400);
            wrong += 1;
        }
    }
    app.state.clock.advance(DAY_SECONDS + 1);
    // A new day: the daily budget would allow a code, but the phone is locked a day after
    // its hundredth wrong code: that was a day and a second ago, so one more try is
    // allowed, and a wrong one locks it again for a day.
    let id = app.start_signup(PHONE, "after@example.it").await;
    let good = app.code_sent_to(PHONE_E164).await;
    let guess = if good == "000000" { "111111" } else { "000000" };
    assert_eq!(app.verify(&id, "phone", guess).await.status(), 400);
    let r = app.verify(&id, "phone", &good).await;
    assert_eq!(r.status(), 429, "locked even with the right code");
    let e: Value = r.json().await.unwrap();
    let wait = e["retry_after_seconds"].as_i64().unwrap();
    assert!(
        (DESTINATION_LOCK_SECONDS - 60..=DESTINATION_LOCK_SECONDS).contains(&wait),
        "until when: {wait}"
    );
    // Another phone with the same kind of traffic is not affected.
    let other = app
        .start_signup("+39 312 345 6790", "other@example.it")
        .await;
    let code = app.code_sent_to("+393123456790").await;
    assert_eq!(app.verify(&other, "phone", &code).await.status(), 200);
    app.state.clock.advance(wait + 1);
    let id = app.start_signup(PHONE, "next-day@example.it").await;
    let good = app.code_sent_to(PHONE_E164).await;
    assert_eq!(
        app.verify(&id, "phone", &good).await.status(),
        200,
        "open again after a day"
    );
}

#[tokio::test]
async fn one_address_cannot_pump_sign_ups() {
    use per_server::service::signup::{MAX_SIGNUPS_PER_ADDRESS, ORIGIN_WINDOW_SECONDS};
    let app = spawn_app().await;
    // Thirty sign-ups to thirty numbers from one address within a second.
    let starts = (0..30).map(|i| {
        let url = app.url("/api/signup");
        async move {
            new_client()
                .post(url)
                .json(&json!({
                    "phone": format!("+39 312 345 {:04}", 6000 + i),
                    "email": format!("voter{i}@example.it"),
                    "language": "sq"
                }))
                .send()
                .await
                .unwrap()
        }
    });
    let answers = join_all(starts.collect()).await;
    let accepted = answers.iter().filter(|r| r.status() == 201).count();
    let refused: Vec<_> = answers.iter().filter(|r| r.status() == 429).collect();
    assert_eq!(accepted as i64, MAX_SIGNUPS_PER_ADDRESS);
    assert_eq!(accepted + refused.len(), 30);
    assert!(refused
        .iter()
        .all(|r| r.headers().contains_key("retry-after")));
    let sent = app.deliver().await;
    assert_eq!(
        sent as i64,
        2 * MAX_SIGNUPS_PER_ADDRESS,
        "an SMS and an e-mail per accepted sign-up only"
    );
    app.state.clock.advance(ORIGIN_WINDOW_SECONDS + 1);
    app.start_signup("+39 312 345 7000", "later@example.it")
        .await;
}

#[tokio::test]
async fn a_destination_gets_at_most_ten_codes_a_day() {
    use per_server::service::signup::{CODE_WINDOW_SECONDS, MAX_CODES_PER_DAY, MAX_CODES_PER_HOUR};
    let app = spawn_app().await;
    let mut sent = 0;
    while sent < MAX_CODES_PER_DAY {
        for _ in 0..MAX_CODES_PER_HOUR.min(MAX_CODES_PER_DAY - sent) {
            app.start_signup(PHONE, &format!("voter{sent}@example.it"))
                .await;
            sent += 1;
        }
        app.state.clock.advance(CODE_WINDOW_SECONDS + 1);
    }
    let r = app
        .post(
            "/api/signup",
            &json!({"phone": PHONE, "email": "one-more@example.it", "language": "sq"}),
        )
        .await;
    assert_eq!(r.status(), 429, "the phone's codes for the day are spent");
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        wait > 20 * 3600,
        "until the first of the day's codes is a day old: {wait}"
    );
}

#[tokio::test]
async fn behind_a_proxy_the_address_is_the_one_the_proxy_saw() {
    use per_server::service::signup::MAX_SIGNUPS_PER_ADDRESS;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.behind_proxy = true;
    let app = spawn_with(config, dir).await;
    let start = |i: i64, forwarded: String| {
        let url = app.url("/api/signup");
        async move {
            new_client()
                .post(url)
                .header("x-forwarded-for", forwarded)
                .json(&json!({
                    "phone": format!("+39 312 345 {:04}", 6000 + i),
                    "email": format!("voter{i}@example.it"),
                    "language": "sq"
                }))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    // Each from its own network (as the proxy saw it): none refused, whatever the client
    // claims in front.
    for i in 0..MAX_SIGNUPS_PER_ADDRESS + 2 {
        let forwarded = format!("203.0.113.9, 198.51.{i}.7");
        assert_eq!(start(i, forwarded).await, 201);
    }
    // One address, however the client's own part of the header varies: the limit holds.
    for i in 0..MAX_SIGNUPS_PER_ADDRESS {
        let forwarded = format!("10.0.0.{i}, 192.0.2.44");
        assert_eq!(start(100 + i, forwarded).await, 201);
    }
    assert_eq!(start(200, "10.9.9.9, 192.0.2.44".into()).await, 429);
}

#[tokio::test]
async fn only_mobile_numbers_of_accepted_countries_sign_up_and_nothing_is_sent_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.phone_countries = vec!["IT".into(), "DE".into()];
    let app = spawn_with(config, dir).await;
    async fn start(app: &TestApp, phone: &str) -> reqwest::Response {
        let body = json!({"phone": phone, "email": EMAIL, "language": "sq"});
        app.post("/api/signup", &body).await
    }
    for (phone, code) in [
        // A Rome landline: no SMS can reach it ("enter a valid mobile number").
        ("+39 06 6982 1234", "phone_invalid"),
        // No such number in the Italian plan, nor any plan for +999.
        ("+39 312 3456", "phone_invalid"),
        ("+999 1234 5678", "phone_invalid"),
        // A British mobile: the deployment accepts Italy and Germany only.
        ("+44 7911 123456", "phone_country_not_accepted"),
        // Albanian numbers stay refused by the shared rule, whatever the list.
        ("+355 69 123 4567", "phone_albanian"),
    ] {
        let fields = problem_fields(start(&app, phone).await).await;
        assert_eq!(
            fields,
            vec![("phone".to_owned(), code.to_owned())],
            "{phone}"
        );
    }
    assert_eq!(app.deliver().await, 0, "nothing was sent");
    assert_eq!(start(&app, "+49 151 23456789").await.status(), 201);
    assert_eq!(start(&app, PHONE).await.status(), 201);
}
