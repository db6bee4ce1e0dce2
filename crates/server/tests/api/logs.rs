//! What the server logs while a voter registers, signs in wrong, is decided on and hears of
//! it: the security events, and none of the voter's personal data.

use crate::helpers::*;
use per_domain::ReferenceNumber;
use per_server::service::decision::{decide, Decision};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

/// Every log line written while the guard lives (this test's thread: the server runs on
/// the test's own single-threaded runtime).
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

#[tokio::test]
async fn a_whole_registration_logs_no_personal_data() {
    let logs = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(logs.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = spawn_app().await;
    app.ready(PHONE, EMAIL).await;
    let draft = json!({"identity": identity(), "address": address()});
    assert_eq!(app.put("/api/draft", &draft).await.status(), 200);
    let body = app.request_body(&"k".repeat(32)).await;
    let r = app.post("/api/request", &body).await;
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let view: Value = r.json().await.unwrap();
    let reference = ReferenceNumber::parse(view["reference"].as_str().unwrap()).unwrap();
    assert_eq!(app.delete("/api/session").await.status(), 204);
    for login in [EMAIL, PHONE] {
        let r = app
            .post(
                "/api/session",
                &json!({"login": login, "password": "Wrong-Password-1"}),
            )
            .await;
        assert_eq!(r.status(), 401);
    }
    decide(&app.state, &reference, &Decision::Approve, "official.one")
        .await
        .unwrap();
    app.deliver().await;

    let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        text.contains("sign_in_failed"),
        "the security events are logged:\n{text}"
    );
    let id = identity();
    for secret in [
        PHONE,
        PHONE_E164,
        "3123456789",
        EMAIL,
        "ana.hoxha",
        PASSWORD,
        id["personal_number"].as_str().unwrap(),
        id["first_name"].as_str().unwrap(),
        id["surname"].as_str().unwrap(),
        id["father_name"].as_str().unwrap(),
        id["place_of_birth"].as_str().unwrap(),
        id["document_number"].as_str().unwrap(),
        "1990-04-15",
        "Via Roma",
        "Milano",
    ] {
        assert!(!text.contains(secret), "{secret} in the logs:\n{text}");
    }
}
