//! The civil registry (the embedded table, loaded from the sample CSV): the match per field
//! and the zone are stored on the request; the same NID on two accounts flags both.

use crate::helpers::*;
use per_server::service::registry::TableRegistry;
use serde_json::{json, Value};

async fn load_sample(app: &TestApp) {
    let registry = TableRegistry::new(app.state.store.clone(), app.state.keys.clone());
    let n = registry
        .load_csv(include_str!("../../registry/sample.csv"))
        .await
        .unwrap();
    assert!(n >= 24);
}

async fn stored(app: &TestApp, reference: &str) -> per_server::store::Request {
    let reference = per_domain::ReferenceNumber::parse(reference).unwrap();
    let mut tx = app.state.store.read().await.unwrap();
    tx.request_by_reference(&reference).await.unwrap().unwrap()
}

#[tokio::test]
async fn the_match_and_zone_are_stored_with_the_request() {
    let app = spawn_app().await;
    load_sample(&app).await;
    app.ready(PHONE, EMAIL).await;
    let mut id = identity();
    id["first_name"] = json!("ËNDRA");
    id["surname"] = json!("Cela");
    let body = request_with("registry-key-000001", id, app.uploads().await);
    let r: Value = app.post("/api/request", &body).await.json().await.unwrap();
    let request = stored(&app, r["reference"].as_str().unwrap()).await;
    assert_eq!(request.zone.as_deref(), Some("Tiranë"));
    let m: Value = serde_json::from_str(&request.registry_match).unwrap();
    assert_eq!(
        m,
        json!({"personal_number": "match", "first_name": "match", "surname": "mismatch", "date_of_birth": "match"})
    );
}

#[tokio::test]
async fn an_unknown_nid_is_not_found_and_not_refused() {
    let app = spawn_app().await;
    load_sample(&app).await;
    app.ready(PHONE, EMAIL).await;
    let mut id = identity();
    id["personal_number"] = json!("J05415999A");
    let body = request_with("registry-key-000002", id, app.uploads().await);
    let r = app.post("/api/request", &body).await;
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    let request = stored(&app, v["reference"].as_str().unwrap()).await;
    assert_eq!(request.zone, None);
    assert!(request.registry_match.contains("not_found"));
}

#[tokio::test]
async fn the_same_nid_on_two_accounts_flags_both_and_refuses_neither() {
    let app = spawn_app().await;
    app.ready(PHONE, EMAIL).await;
    let first: Value = app
        .post(
            "/api/request",
            &app.request_body("duplicate-key-00001").await,
        )
        .await
        .json()
        .await
        .unwrap();
    let other = spawn_second_voter(&app).await;
    let r = other
        .post(
            "/api/request",
            &other.request_body("duplicate-key-00002").await,
        )
        .await;
    assert_eq!(r.status(), 201, "never refused");
    let second: Value = r.json().await.unwrap();
    let a = stored(&app, first["reference"].as_str().unwrap()).await;
    let b = stored(&app, second["reference"].as_str().unwrap()).await;
    let mut tx = app.state.store.read().await.unwrap();
    assert_eq!(
        tx.duplicate_flags(a.id).await.unwrap(),
        vec![(b.id, "nid".to_owned())]
    );
    assert_eq!(
        tx.duplicate_flags(b.id).await.unwrap(),
        vec![(a.id, "nid".to_owned())]
    );
}

/// Another voter on the same server (another phone, e-mail and cookie jar), ready to submit.
async fn spawn_second_voter(app: &TestApp) -> TestApp {
    let second = TestApp {
        address: app.address.clone(),
        database_url: app.database_url.clone(),
        client: new_client(),
        state: app.state.clone(),
        dir: tempfile::tempdir().unwrap(),
    };
    second
        .ready("+39 333 765 4321", "arben.leka@example.it")
        .await;
    second
}

#[tokio::test]
async fn the_loader_command_loads_a_csv_file() {
    use per_server::service::registry::CivilRegistry;
    let dir = tempfile::tempdir().unwrap();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/registry/sample.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_per-server"))
        .env_remove("PER_DATA_KEY")
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error")
        .arg("--dev")
        .arg("--data-dir")
        .arg(dir.path())
        .args(["registry", "load", sample])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("loaded 24 citizens"));
    // What it loaded is what the server finds.
    let store = per_server::store::Store::open_sqlite(&dir.path().join("per.sqlite"))
        .await
        .unwrap();
    let keys =
        per_server::crypto::Keys::load(dir.path(), per_server::config::Argon2Cost::RECOMMENDED)
            .unwrap();
    let registry = TableRegistry::new(store, keys);
    let nid = per_domain::PersonalNumber::parse("J05415123A").unwrap();
    let found = registry.find(&nid).await.unwrap().expect("in the sample");
    assert_eq!((found.first_name.as_str(), found.zone), ("Ëndra", "Tiranë"));
    // A bad file loads nothing and names the line.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "personal_number,first_name,surname,date_of_birth,sex,municipality,zone\nJ05415123A,Ëndra,Çela,1990-04-15,F,Tiranë,Atlantis\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_per-server"))
        .env_remove("PER_DATA_KEY")
        .env_remove("DATABASE_URL")
        .arg("--dev")
        .arg("--data-dir")
        .arg(dir.path())
        .args(["registry", "load"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2: the zone"), "{err}");
    assert!(!err.contains("Ëndra"), "no personal data in the error");
}
