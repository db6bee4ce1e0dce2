//! The API's rate limits (per client address, per process) in front of every `/api` route,
//! with the address taken as the sign-up limits take it.

use crate::helpers::*;
use reqwest::Response;
use serde_json::Value;

/// A GET of a public route from a fresh client, as a proxy would forward it (if `from`).
async fn get_from(app: &TestApp, from: Option<&str>) -> Response {
    let mut r = new_client().get(app.url("/api/window"));
    if let Some(from) = from {
        r = r.header("x-forwarded-for", from);
    }
    r.send().await.unwrap()
}

async fn assert_rate_limited(r: Response) {
    assert_eq!(r.status(), 429);
    let wait: u32 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    // One request a minute comes back to the bucket.
    assert!((1..=60).contains(&wait), "{wait}");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "too_many_requests");
    assert_eq!(body["retry_after_seconds"], wait);
    assert!(body["message"].is_string());
}

#[tokio::test]
async fn an_address_over_its_budget_gets_429_with_retry_after_on_every_route() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.limits.api_per_address_burst = 3;
    config.limits.api_per_address_per_minute = 1;
    let app = spawn_with(config, dir).await;
    for _ in 0..3 {
        assert_eq!(get_from(&app, None).await.status(), 200);
    }
    assert_rate_limited(get_from(&app, None).await).await;
    // Any route, known or not, signed in or not: the same door.
    let r = app.post("/api/signup", &serde_json::json!({})).await;
    assert_rate_limited(r).await;
    assert_rate_limited(app.get("/api/no-such-route").await).await;
    // Without `behind_proxy` a forwarded address is the client's own word: ignored.
    assert_rate_limited(get_from(&app, Some("198.51.100.7")).await).await;
}

#[tokio::test]
async fn behind_a_proxy_each_address_has_its_budget_and_all_share_the_global_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.behind_proxy = true;
    config.limits.api_per_address_burst = 2;
    config.limits.api_per_address_per_minute = 1;
    config.limits.api_global_burst = 6;
    config.limits.api_global_per_minute = 1;
    let app = spawn_with(config, dir).await;
    // The address the proxy saw (the last one), whatever the client wrote before it.
    assert_eq!(
        get_from(&app, Some("10.0.0.1, 203.0.113.1")).await.status(),
        200
    );
    assert_eq!(
        get_from(&app, Some("10.0.0.2, 203.0.113.1")).await.status(),
        200
    );
    assert_rate_limited(get_from(&app, Some("203.0.113.1")).await).await;
    // One IPv6 subscriber's /64 is one address.
    assert_eq!(get_from(&app, Some("2001:db8:1:2::1")).await.status(), 200);
    assert_eq!(
        get_from(&app, Some("2001:db8:1:2::ffff")).await.status(),
        200
    );
    assert_rate_limited(get_from(&app, Some("2001:db8:1:2:abcd::9")).await).await;
    // Refusals by address spent nothing of the global budget: two more pass, then none.
    assert_eq!(get_from(&app, Some("203.0.113.2")).await.status(), 200);
    assert_eq!(get_from(&app, Some("2001:db8:1:3::1")).await.status(), 200);
    assert_rate_limited(get_from(&app, Some("203.0.113.3")).await).await;
}

#[tokio::test]
async fn the_default_limits_let_a_whole_registration_and_a_burst_of_calls_through() {
    // The defaults, from the one address every test and the e2e suite use.
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    // Far more calls than a page makes, as fast as one connection goes.
    for _ in 0..200 {
        assert_eq!(app.get("/api/window").await.status(), 200);
    }
}

/// Starts a sign-up from a fresh client; returns the answer's body.
async fn start_from(app: &TestApp, i: u32) -> Value {
    let r = new_client()
        .post(app.url("/api/signup"))
        .json(&serde_json::json!({
            "phone": format!("+39 312 345 {:04}", 7000 + i),
            "email": format!("voter{i}@example.it"),
            "language": "en"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    r.json().await.unwrap()
}

#[tokio::test]
async fn a_spent_sms_budget_sends_the_email_code_first_and_the_sms_code_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.limits.sms_per_hour = 2;
    let app = spawn_with(config, dir).await;
    for i in 0..2 {
        let started = start_from(&app, i).await;
        assert!(started.get("sms_later").is_none(), "{started}");
    }
    // The third: the sign-up goes on, only its e-mail code goes out, and says so.
    let started = start_from(&app, 2).await;
    assert_eq!(started["sms_later"], true);
    let id = started["signup_id"].as_str().unwrap();
    app.deliver().await;
    assert!(app.delivered_to("+393123457002").await.is_empty());
    let mail = app.delivered_to("voter2@example.it").await;
    assert_eq!(mail.len(), 1);
    assert!(
        mail[0].contains("cannot send you a text message"),
        "{}",
        mail[0]
    );
    let code = app.code_sent_to("voter2@example.it").await;
    assert_eq!(app.verify(id, "email", &code).await.status(), 200);
    // Asking for the SMS code now: not yet, with when to ask again.
    let resend = serde_json::json!({"signup_id": id, "channel": "phone"});
    let r = app.post("/api/signup/resend", &resend).await;
    assert_eq!(r.status(), 429);
    let wait: i64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "too_many_requests");
    assert_eq!(body["reason"], "sms_later");
    assert_eq!(body["retry_after_seconds"], wait);
    // An hour on, the budget has room: the SMS code comes and the sign-up completes.
    app.state.clock.advance(wait);
    let r = app.post("/api/signup/resend", &resend).await;
    assert_eq!(r.status(), 204);
    let code = app.code_sent_to("+393123457002").await;
    assert_eq!(app.verify(id, "phone", &code).await.status(), 200);
    let r = app
        .post(
            "/api/signup/complete",
            &serde_json::json!({"signup_id": id, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status(), 201);
}

#[tokio::test]
async fn the_daily_sms_budget_holds_after_the_hour() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.limits.sms_per_day = 1;
    let app = spawn_with(config, dir).await;
    assert!(start_from(&app, 0).await.get("sms_later").is_none());
    app.state.clock.advance(2 * 3600);
    assert_eq!(start_from(&app, 1).await["sms_later"], true);
    app.state.clock.advance(22 * 3600 + 1);
    assert!(start_from(&app, 2).await.get("sms_later").is_none());
}

#[tokio::test]
async fn a_huge_list_in_a_body_is_refused_while_it_is_read() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let challenge = app.face_challenge().await;
    // 20,000 empty frames fit the face route's body limit; the list stops being read at
    // twice the frames a burst may have, before the parse looks at it.
    let frames: Vec<(u32, String)> = (0..20_000).map(|i| (i, String::new())).collect();
    let r = app.send_burst(&challenge, &frames).await;
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "invalid_input");
    assert_eq!(
        body["message"], "the request body is not valid JSON for this endpoint",
        "{body}"
    );
    // One frame too many is still named by the parse.
    let frames: Vec<(u32, String)> = (0..65).map(|i| (i, "AAAA".to_owned())).collect();
    let fields = problem_fields(app.send_burst(&challenge, &frames).await).await;
    assert!(
        fields.contains(&("frames".to_owned(), "frame_too_many".to_owned())),
        "{fields:?}"
    );
}

/// An upload whose body comes slowly: the headers and a few bytes, then nothing until
/// the connection is dropped.
async fn slow_upload(app: &TestApp, cookie: &str) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt;
    let host = app.address.trim_start_matches("http://");
    let mut tcp = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST /api/upload/id_card_front HTTP/1.1\r\nhost: {host}\r\ncookie: {cookie}\r\n\
         content-type: image/jpeg\r\ncontent-length: 100000\r\n\r\n"
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(&[0xff, 0xd8, 0xff]).await.unwrap();
    tcp.flush().await.unwrap();
    tcp
}

#[tokio::test]
async fn an_account_has_at_most_two_uploads_in_flight() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    // The session cookie, as a browser would send it.
    let r = new_client()
        .post(app.url("/api/session"))
        .json(&serde_json::json!({"login": EMAIL, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let first = slow_upload(&app, &cookie).await;
    let second = slow_upload(&app, &cookie).await;
    // Once the server holds both (their bodies being read), a third is refused unread.
    let account = account_of(&app, PHONE).await;
    let in_flight = app.state.uploads_in_flight.clone();
    for _ in 0..600 {
        if in_flight.of(account) == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(in_flight.of(account), 2);
    let third = app.upload("id_card_back", pdf(), "application/pdf").await;
    assert_eq!(third.status(), 429);
    assert_eq!(third.headers()["retry-after"], "2");
    let body: Value = third.json().await.unwrap();
    assert_eq!(body["error"], "too_many_requests");
    assert_eq!(body["reason"], "upload_in_progress");
    // One of the two gone (the client left): its place is free again.
    drop(first);
    let mut status = 0;
    for _ in 0..50 {
        status = app
            .upload("id_card_back", pdf(), "application/pdf")
            .await
            .status()
            .as_u16();
        if status == 201 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(status, 201);
    drop(second);
}
