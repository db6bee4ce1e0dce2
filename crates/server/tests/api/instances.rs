//! Several server instances on one database: a sign-up started on one is finished on the
//! other, sessions hold on both, the hourly code budget is shared, and every message is
//! delivered exactly once while both workers run.

use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn two_instances_serve_the_same_voters() {
    let (a, b) = spawn_pair().await;
    let id = a.start_signup(PHONE, EMAIL).await;
    let (da, db) = tokio::join!(a.deliver(), b.deliver());
    assert_eq!(da + db, 2, "each message once");
    assert_eq!(a.delivered_to(PHONE_E164).await.len(), 1);
    assert_eq!(a.delivered_to(EMAIL).await.len(), 1);

    let phone = a.code_sent_to(PHONE_E164).await;
    let email = a.code_sent_to(EMAIL).await;
    assert_eq!(b.verify(&id, "phone", &phone).await.status(), 200);
    assert_eq!(a.verify(&id, "email", &email).await.status(), 200);
    let r = b
        .post(
            "/api/signup/complete",
            &json!({"signup_id": id, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status(), 201, "finished on the other instance");
    // b's client keeps the session cookie; it is valid on a too.
    let r = b.client.get(a.url("/api/me")).send().await.unwrap();
    assert_eq!(r.status(), 200, "the session holds on both");
}

#[tokio::test]
async fn the_hourly_budget_holds_across_instances_and_each_code_goes_once() {
    let (a, b) = spawn_pair().await;
    let starts = (0..10).map(|i| {
        let app = if i % 2 == 0 { &a } else { &b };
        let phone = format!("+44 7911 1234{i:02}");
        let body = json!({"phone": phone, "email": EMAIL, "language": "en"});
        async move { app.post("/api/signup", &body).await.status().as_u16() }
    });
    let mut statuses = Vec::new();
    for s in futures_join(starts.collect()).await {
        statuses.push(s);
    }
    statuses.sort();
    assert_eq!(
        statuses,
        vec![201, 201, 201, 201, 201, 429, 429, 429, 429, 429],
        "five codes an hour to one address, whichever instance"
    );
    let (da, db) = tokio::join!(a.deliver(), b.deliver());
    assert_eq!(da + db, 10, "five SMS and five e-mails");
    assert_eq!(a.delivered_to(EMAIL).await.len(), 5, "none twice");
}

/// Polls every future on one task, so the requests are in flight together.
async fn futures_join<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (f, out) in pinned.iter_mut().zip(outputs.iter_mut()) {
            if out.is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => *out = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().map(|o| o.expect("all ready")).collect()
}
