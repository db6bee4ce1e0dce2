//! The purge: abandoned sign-ups, ended sessions and old throttle rows go; live ones stay.

use crate::helpers::*;
use per_server::service::housekeeping::purge;
use serde_json::json;

#[tokio::test]
async fn what_outlived_its_use_is_purged_and_nothing_live() {
    let app = spawn_app().await;
    // A voter who finished, and one who gave up after the first page.
    app.register(PHONE, EMAIL).await;
    let abandoned = app
        .start_signup("+39 312 345 6790", "other@example.it")
        .await;
    let r = app
        .post(
            "/api/session",
            &json!({"login": EMAIL, "password": "wrong-password"}),
        )
        .await;
    assert_eq!(r.status(), 401);
    let nothing = purge(&app.state).await.unwrap();
    assert_eq!(nothing.total(), 0, "all of it still counts: {nothing:?}");

    // Three hours on: the failed sign-in is past its window; the sign-ups are void, but
    // their codes still count for the destinations' daily budget. The session (30 idle
    // minutes) ended, but is kept a day.
    app.state.clock.advance(3 * 3600 + 1);
    let purged = purge(&app.state).await.unwrap();
    assert_eq!(purged.login_failures, 1, "{purged:?}");
    assert_eq!(
        purged.origins, 4,
        "two sign-ups, their address and network: {purged:?}"
    );
    assert_eq!((purged.signups, purged.sessions), (0, 0), "{purged:?}");
    // The account is not a sign-up: its voter signs in (on another device).
    let r = new_client()
        .post(app.url("/api/session"))
        .json(&json!({"login": EMAIL, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    app.state.clock.advance(24 * 3600);
    let later = purge(&app.state).await.unwrap();
    assert_eq!((later.signups, later.codes), (2, 4), "{later:?}");
    assert!(later.sessions >= 1, "{later:?}");
    assert!(later.budgets >= 1, "{later:?}");
    assert_eq!(
        app.verify(&abandoned, "phone", "123456").await.status(),
        401,
        "the sign-up is gone"
    );
    let r = app.get("/api/me").await;
    assert_eq!(r.status(), 401, "the first session ended and is gone");
}
