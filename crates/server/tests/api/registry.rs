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
