//! `spawn_app()`: the real application on a free port, a fresh database and a cookie-keeping
//! client; plus shortcuts for the steps a test needs to get through.
//!
//! The database is a fresh SQLite file, or, when `PER_TEST_POSTGRES` holds the URL of a
//! PostgreSQL server (scripts/test starts a throwaway one), a fresh database on it. The
//! outbox worker is off: a test delivers what is due with `deliver()`, so nothing depends on
//! timing.

use per_server::config::{Argon2Cost, Config};
use per_server::startup::Application;
use per_server::state::AppState;
use reqwest::{Client, Response};
use serde_json::{json, Value};
use std::path::PathBuf;
use tempfile::TempDir;

pub struct TestApp {
    pub address: String,
    /// The PostgreSQL database, if the test runs on one.
    pub database_url: Option<String>,
    pub client: Client,
    pub state: AppState,
    pub dir: TempDir,
}

/// Fast Argon2 for tests; production uses `Argon2Cost::RECOMMENDED`.
const TEST_ARGON2: Argon2Cost = Argon2Cost {
    memory_kib: 256,
    iterations: 1,
    lanes: 1,
};

pub async fn spawn_app() -> TestApp {
    spawn_app_with_dist(None).await
}

pub async fn spawn_app_with_dist(dist: Option<PathBuf>) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = test_config(&dir).await;
    config.dist = dist;
    spawn_with(config, dir).await
}

/// A development configuration on a fresh database, worker off.
pub async fn test_config(dir: &TempDir) -> Config {
    let mut config = Config::new("127.0.0.1:0".parse().unwrap(), dir.path().to_owned());
    config.argon2 = TEST_ARGON2;
    config.delivery.worker = false;
    config.database_url = fresh_postgres().await;
    config
}

/// A fresh database on the test PostgreSQL server, if there is one.
pub async fn fresh_postgres() -> Option<String> {
    use sqlx::Connection;
    let server = std::env::var("PER_TEST_POSTGRES").ok()?;
    let name = format!("per_test_{:016x}", rand_u64());
    let mut admin = sqlx::PgConnection::connect(&server)
        .await
        .expect("the test PostgreSQL server answers");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("a test database");
    let (base, _) = server.rsplit_once('/').expect("a URL with a database");
    Some(format!("{base}/{name}"))
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    h.finish()
}

pub fn on_postgres() -> bool {
    std::env::var_os("PER_TEST_POSTGRES").is_some()
}

/// Two instances on one database (and one data key), each with its own client.
pub async fn spawn_pair() -> (TestApp, TestApp) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = test_config(&dir).await;
    let second = config.clone();
    let a = spawn_with(config, dir).await;
    let b = spawn_with(second, tempfile::tempdir().expect("temp dir")).await;
    (a, b)
}

pub async fn spawn_with(config: Config, dir: TempDir) -> TestApp {
    let database_url = config.database_url.clone();
    let app = Application::build(config).await.expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        database_url,
        client: new_client(),
        state,
        dir,
    }
}

pub fn new_client() -> Client {
    Client::builder()
        .cookie_store(true)
        .build()
        .expect("client")
}

pub const PHONE: &str = "+39 312 345 6789";
pub const PHONE_E164: &str = "+393123456789";
pub const EMAIL: &str = "ana.hoxha@example.it";
pub const PASSWORD: &str = "Shkodra-1990-Liqeni";

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    /// Delivers every message due (as the worker would); returns how many went out.
    pub async fn deliver(&self) -> usize {
        per_server::delivery::deliver_due(&self.state)
            .await
            .expect("delivery pass")
    }

    /// What the development outbox delivered to a destination, oldest first.
    pub async fn delivered_to(&self, destination: &str) -> Vec<String> {
        let mut tx = self.state.store.read().await.unwrap();
        tx.dev_messages(destination).await.unwrap()
    }

    /// The last code delivered to a destination (delivering what is due first).
    pub async fn code_sent_to(&self, destination: &str) -> String {
        self.deliver().await;
        let body = self
            .delivered_to(destination)
            .await
            .pop()
            .expect("a message was sent");
        body.split(|c: char| !c.is_ascii_digit())
            .find(|part| part.len() == 6)
            .expect("a 6-digit code in the message")
            .to_owned()
    }

    pub async fn start_signup(&self, phone: &str, email: &str) -> String {
        let r = self
            .post(
                "/api/signup",
                &json!({"phone": phone, "email": email, "language": "sq"}),
            )
            .await;
        assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
        let body: Value = r.json().await.unwrap();
        body["signup_id"].as_str().unwrap().to_owned()
    }

    pub async fn verify(&self, signup_id: &str, channel: &str, code: &str) -> Response {
        self.post(
            "/api/signup/verify",
            &json!({"signup_id": signup_id, "channel": channel, "code": code}),
        )
        .await
    }

    /// Contacts, both codes and the password: a signed-in voter with an account.
    pub async fn register(&self, phone: &str, email: &str) {
        let id = self.start_signup(phone, email).await;
        let phone_e164 = per_domain::PhoneNumber::parse(phone).unwrap();
        let phone_code = self.code_sent_to(phone_e164.as_str()).await;
        assert_eq!(self.verify(&id, "phone", &phone_code).await.status(), 200);
        let email_code = self.code_sent_to(&email.to_lowercase()).await;
        assert_eq!(self.verify(&id, "email", &email_code).await.status(), 200);
        let r = self
            .post(
                "/api/signup/complete",
                &json!({"signup_id": id, "password": PASSWORD}),
            )
            .await;
        assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    }

    /// A valid JPEG-shaped frame for the face step.
    pub fn frame() -> String {
        use base64::Engine;
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
        jpeg.resize(400, 0x11);
        jpeg.extend([0xFF, 0xD9]);
        base64::engine::general_purpose::STANDARD.encode(jpeg)
    }

    pub async fn capture_face(&self) {
        let r = self.post("/api/face/challenge", &json!({})).await;
        assert_eq!(r.status(), 201);
        let challenge: Value = r.json().await.unwrap();
        let r = self
            .post(
                "/api/face",
                &json!({"challenge_id": challenge["challenge_id"], "frames": [Self::frame()]}),
            )
            .await;
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    }
}

pub fn identity() -> Value {
    json!({
        "document_type": "id_card",
        "document_number": "012345678",
        "personal_number": "J05415123A",
        "first_name": "Ëndra",
        "surname": "Çela",
        "father_name": "Ilir",
        "date_of_birth": "1990-04-15",
        "place_of_birth": "Gjirokastër",
        "sex": "F",
        "document_expiry": "2030-01-31"
    })
}

pub fn address() -> Value {
    json!({
        "country": "IT",
        "city": "Milano",
        "postal_code": "20121",
        "street": "Via Roma 12",
        "apartment": "",
        "care_of": ""
    })
}

pub fn proof() -> Value {
    json!({"kind": "rental_contract", "shows_name_and_address": true})
}

/// A whole submission with `key` and the given upload ids.
pub fn request_with(key: &str, identity: Value, uploads: Value) -> Value {
    json!({
        "idempotency_key": key,
        "identity": identity,
        "address": address(),
        "proof": proof(),
        "uploads": uploads,
        "declaration": true
    })
}

/// Upload ids of the right shape (the server checks them once uploads exist).
pub fn fake_uploads() -> Value {
    json!({
        "id_card_front": "1".repeat(32),
        "id_card_back": "2".repeat(32),
        "proof_of_address": "3".repeat(32)
    })
}

/// A whole submission with `key`.
pub fn request_body(key: &str) -> Value {
    request_with(key, identity(), fake_uploads())
}

/// The account of a phone number.
pub async fn account_of(app: &TestApp, phone: &str) -> per_server::store::AccountId {
    let phone = per_domain::PhoneNumber::parse(phone).unwrap();
    let mut tx = app.state.store.read().await.unwrap();
    tx.account(per_server::store::AccountKey::Phone(&phone))
        .await
        .unwrap()
        .expect("an account")
        .id
}

/// Every byte the SQLite database holds (file and WAL); empty on PostgreSQL.
pub fn sqlite_bytes(app: &TestApp) -> Vec<u8> {
    let db = std::fs::read(app.dir.path().join("per.sqlite")).unwrap_or_default();
    let wal = std::fs::read(app.dir.path().join("per.sqlite-wal")).unwrap_or_default();
    [db, wal].concat()
}

/// The field names of a 400 answer, in order.
pub async fn problem_fields(r: Response) -> Vec<(String, String)> {
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "invalid_input", "{body}");
    body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let message = f["message"].as_str().unwrap_or_default();
            assert!(
                !message.is_empty(),
                "every problem has its English sentence: {f}"
            );
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
