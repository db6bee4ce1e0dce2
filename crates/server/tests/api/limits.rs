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
    let calls: Vec<_> = (0..200).map(|_| get_from(&app, None)).collect();
    for r in join_all(calls).await {
        assert_eq!(r.status(), 200);
    }
}
