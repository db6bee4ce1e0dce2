//! A crash between a decision and its delivery: `per-server decide` records the decision and
//! its notices in one transaction; the server's worker claims the SMS, the gateway holds the
//! request, the server is killed (SIGKILL); a restarted server delivers each notice once.

use crate::gateway::Gateway;
use crate::helpers::*;
use serde_json::Value;
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

const BIN: &str = env!("CARGO_BIN_EXE_per-server");

fn per_server(app: &TestApp, data_dir: &std::path::Path, gateway: &Gateway) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--dev")
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("PER_DATA_KEY")
        .env("PER_SMS__URL", &gateway.url)
        .env("PER_DELIVERY__LEASE_SECONDS", "1")
        .env("PER_DELIVERY__POLL_INTERVAL_MS", "100")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    match &app.database_url {
        Some(url) => c.env("DATABASE_URL", url),
        None => c.env_remove("DATABASE_URL"),
    };
    c
}

fn serve(app: &TestApp, data_dir: &std::path::Path, gateway: &Gateway) -> Child {
    per_server(app, data_dir, gateway)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .spawn()
        .expect("per-server serve starts")
}

#[tokio::test]
async fn a_decision_survives_a_kill_and_is_notified_exactly_once() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    app.capture_face().await;
    let body = app.request_body("crash-test-key-0001").await;
    let r: Value = app.post("/api/request", &body).await.json().await.unwrap();
    let reference = r["reference"].as_str().unwrap().to_owned();
    app.deliver().await;

    let gateway = Gateway::start(0, 1).await;
    let data_dir = app.dir.path().to_owned();
    let status = per_server(&app, &data_dir, &gateway)
        .args([
            "decide",
            "--reference",
            &reference,
            "--approve",
            "--by",
            "official:crash",
        ])
        .status()
        .await
        .unwrap();
    assert!(status.success(), "decide records the decision");

    let mut first = serve(&app, &data_dir, &gateway);
    gateway.wait_hung().await;
    first.kill().await.unwrap(); // SIGKILL while the SMS is in flight
    let mut second = serve(&app, &data_dir, &gateway);

    let deadline = Instant::now() + Duration::from_secs(60);
    let delivered = loop {
        let mut tx = app.state.store.read().await.unwrap();
        let sms = tx.messages_to(PHONE_E164).await.unwrap();
        let email = tx.messages_to(EMAIL).await.unwrap();
        drop(tx);
        let done = |m: &[per_server::store::MessageState]| m.iter().all(|m| m.delivered);
        if done(&sms) && done(&email) {
            break (sms, email);
        }
        assert!(
            Instant::now() < deadline,
            "not delivered: {sms:?} {email:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    second.kill().await.unwrap();

    let decision_sms = delivered.0.last().unwrap();
    assert_eq!(decision_sms.attempts, 2, "the killed try, then one more");
    assert!(!decision_sms.has_payload);
    let answers: Vec<u16> = gateway
        .received()
        .iter()
        .filter(|r| r.body["text"].as_str().unwrap_or("").contains(&reference))
        .map(|r| r.answered.as_u16())
        .collect();
    assert_eq!(answers, vec![408, 202], "accepted exactly once");
    let emails = app.delivered_to(EMAIL).await;
    assert_eq!(
        emails.iter().filter(|b| b.contains(&reference)).count(),
        1,
        "the e-mail notice exactly once"
    );
    let mut tx = app.state.store.read().await.unwrap();
    let request = tx
        .request_by_reference(&per_domain::ReferenceNumber::parse(&reference).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        tx.deciders(request.id).await.unwrap(),
        vec!["official:crash"]
    );
}
