//! Two `per-server serve` processes on one database, both delivery workers running: a
//! sign-up started on one is finished on the other, the session holds on both, and every
//! message is delivered exactly once.

use crate::helpers::*;
use serde_json::json;
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const BIN: &str = env!("CARGO_BIN_EXE_per-server");

/// Starts `per-server serve` on a free port; returns it and its address.
async fn serve(app: &TestApp) -> (Child, String) {
    let mut c = Command::new(BIN);
    c.arg("--dev")
        .arg("--data-dir")
        .arg(app.dir.path())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env_remove("PER_DATA_KEY")
        .env("PER_DELIVERY__POLL_INTERVAL_MS", "50")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    match &app.database_url {
        Some(url) => c.env("DATABASE_URL", url),
        None => c.env_remove("DATABASE_URL"),
    };
    let mut child = c.spawn().expect("per-server serve starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines.next_line().await.unwrap().expect("a listening line");
        if let Some(address) = line.strip_prefix("listening on ") {
            break address.to_owned();
        }
    };
    // Keep reading the outbox lines, so the pipe never fills.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, address)
}

/// Waits (bounded) until `n` messages reached `destination`; returns them.
async fn delivered(app: &TestApp, destination: &str, n: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let got = app.delivered_to(destination).await;
        if got.len() >= n {
            return got;
        }
        assert!(
            Instant::now() < deadline,
            "only {got:?} reached {destination}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn code_in(body: &str) -> String {
    body.split(|c: char| !c.is_ascii_digit())
        .find(|p| p.len() == 6)
        .expect("a code")
        .to_owned()
}

#[tokio::test]
async fn two_server_processes_share_voters_and_deliver_each_message_once() {
    let app = spawn_app().await; // makes the database and the data key; its worker is off
    let (_a, a) = serve(&app).await;
    let (_b, b) = serve(&app).await;
    let client = new_client();
    let r = client
        .post(format!("{a}/api/signup"))
        .json(&json!({"phone": PHONE, "email": EMAIL, "language": "sq"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.unwrap()["signup_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let phone = code_in(&delivered(&app, PHONE_E164, 1).await[0]);
    let email = code_in(&delivered(&app, EMAIL, 1).await[0]);
    for (base, channel, code) in [(&b, "phone", phone), (&a, "email", email)] {
        let r = client
            .post(format!("{base}/api/signup/verify"))
            .json(&json!({"signup_id": id, "channel": channel, "code": code}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{channel} on {base}");
    }
    let r = client
        .post(format!("{b}/api/signup/complete"))
        .json(&json!({"signup_id": id, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    for base in [&a, &b] {
        let r = client.get(format!("{base}/api/me")).send().await.unwrap();
        assert_eq!(r.status(), 200, "the session holds on {base}");
    }

    // More codes to one address, started on both: both workers compete for them.
    for i in 0..4 {
        let base = if i % 2 == 0 { &a } else { &b };
        let r = client
            .post(format!("{base}/api/signup"))
            .json(
                &json!({"phone": format!("+44 7911 1234{i:02}"), "email": EMAIL, "language": "en"}),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
    }
    delivered(&app, EMAIL, 5).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let mut tx = app.state.store.read().await.unwrap();
        let pending = tx.messages_to(EMAIL).await.unwrap();
        drop(tx);
        if pending.iter().all(|m| m.delivered) {
            assert_eq!(pending.len(), 5);
            break;
        }
        assert!(Instant::now() < deadline, "{pending:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        app.delivered_to(EMAIL).await.len(),
        5,
        "each e-mail exactly once"
    );
}
