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

/// Upload ids of the right shape that the server never gave.
pub fn fake_uploads() -> Value {
    json!({
        "id_card_front": "1".repeat(32),
        "id_card_back": "2".repeat(32),
        "proof_of_address": "3".repeat(32)
    })
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

// ---------------------------------------------------------------- documents

/// A JPEG photo of `w` × `h` pixels (a gradient, so it compresses like a photo).
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&img)
        .unwrap();
    out
}

/// A PNG of `w` × `h` pixels.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, 40, (y % 256) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A small well-formed PDF (what a scanned proof of address looks like to the checks).
pub fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R /Size 3 >>\nstartxref\n110\n%%EOF\n".to_vec()
}

/// The GPS position written into [`with_gps_exif`]: 41° 19′ 39″ N (Tirana), as EXIF
/// rationals, big-endian.
pub const GPS_LATITUDE: [u8; 24] = [
    0, 0, 0, 41, 0, 0, 0, 1, 0, 0, 0, 19, 0, 0, 0, 1, 0, 0, 0, 39, 0, 0, 0, 1,
];

/// The JPEG with an EXIF APP1 segment holding a GPS IFD (latitude reference and latitude).
pub fn with_gps_exif(jpeg: &[u8]) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend(b"MM\0\x2a\0\0\0\x08"); // big-endian TIFF, IFD0 at 8
    tiff.extend(1u16.to_be_bytes()); // IFD0: one entry
    tiff.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1]); // GPSInfo, LONG, 1
    tiff.extend(26u32.to_be_bytes()); // the GPS IFD's offset
    tiff.extend(0u32.to_be_bytes()); // no next IFD
    tiff.extend(2u16.to_be_bytes()); // GPS IFD: two entries
    tiff.extend([0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]); // GPSLatitudeRef "N"
    tiff.extend([0, 2, 0, 5, 0, 0, 0, 3]); // GPSLatitude, 3 RATIONAL
    tiff.extend(56u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(GPS_LATITUDE);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend(data);
    c.extend(&body);
    c.extend(crc32(&body).to_be_bytes());
    c
}

/// A decompression bomb: a PNG of a few hundred bytes that claims 60,000 × 60,000 pixels
/// (10.8 GB of RGB once decoded), its IDAT a long run of zeros deflated.
pub fn png_bomb() -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend(60_000u32.to_be_bytes());
    ihdr.extend(60_000u32.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    // zlib: fixed Huffman block of zeros would do; a stored empty block keeps it simple.
    let idat = [
        0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01,
    ];
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(png_chunk(b"IHDR", &ihdr));
    out.extend(png_chunk(b"IDAT", &idat));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

impl TestApp {
    /// Posts a raw file to `/api/upload/{kind}`, declared as `content_type`.
    pub async fn upload(&self, kind: &str, bytes: Vec<u8>, content_type: &str) -> Response {
        self.client
            .post(self.url(&format!("/api/upload/{kind}")))
            .header("content-type", content_type)
            .body(bytes)
            .send()
            .await
            .expect("request sent")
    }

    /// Uploads a document and returns its id.
    pub async fn upload_id(&self, kind: &str, bytes: Vec<u8>) -> String {
        let r = self.upload(kind, bytes, "application/octet-stream").await;
        assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
        let v: Value = r.json().await.unwrap();
        v["upload_id"].as_str().unwrap().to_owned()
    }

    /// The ID card's two sides and a proof of address, uploaded (small PDFs: quick).
    pub async fn uploads(&self) -> Value {
        json!({
            "id_card_front": self.upload_id("id_card_front", pdf()).await,
            "id_card_back": self.upload_id("id_card_back", pdf()).await,
            "proof_of_address": self.upload_id("proof_of_address", pdf()).await,
        })
    }

    /// A whole submission with `key`, its documents uploaded.
    pub async fn request_body(&self, key: &str) -> Value {
        request_with(key, identity(), self.uploads().await)
    }

    /// Registers, captures the face: ready to submit.
    pub async fn ready(&self, phone: &str, email: &str) {
        self.register(phone, email).await;
        self.capture_face().await;
    }

    pub async fn put(&self, path: &str, body: &Value) -> Response {
        self.client
            .put(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }
}

/// A client signed in as the voter of `login` on `app` (another device).
pub async fn signed_in_client(app: &TestApp, login: &str) -> Client {
    let c = new_client();
    let r = c
        .post(app.url("/api/session"))
        .json(&json!({"login": login, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    c
}
