//! `GET /api/openapi.json`: an OpenAPI 3.1 document, public, whose every `$ref` resolves,
//! and which documents every route of the router (`routes::api()`) with every method the
//! route answers — a route added without its `#[utoipa::path]` fails here.

use crate::helpers::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The router's paths (under `/api`) and their methods. axum has no public route list: the
/// paths come from the router's `Debug` (its path table), and each path's methods from
/// asking it with a method no route has, which axum answers `405` with `Allow`.
async fn router_routes(app: &TestApp) -> BTreeMap<String, BTreeSet<String>> {
    let debug = format!("{:?}", per_server::routes::api());
    // `Router { path_router: …, fallback_router: … }`: only the first holds routes.
    let table = debug.split("fallback_router:").next().unwrap_or_default();
    let mut paths = BTreeSet::new();
    for piece in table.split("): \"/").skip(1) {
        let path = piece.split('"').next().unwrap_or_default();
        if !path.contains("__private__") {
            paths.insert(format!("/api/{path}"));
        }
    }
    assert!(
        paths.len() > 20,
        "the router's paths were not found: {debug}"
    );
    let probe = reqwest::Method::from_bytes(b"PROBE").unwrap();
    let mut routes = BTreeMap::new();
    for path in paths {
        let concrete: String = path
            .split('/')
            .map(|s| if s.starts_with('{') { "x" } else { s })
            .collect::<Vec<_>>()
            .join("/");
        let r = app
            .client
            .request(probe.clone(), app.url(&concrete))
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            405,
            "{path} answered a PROBE with {}",
            r.status()
        );
        let allow = r.headers()["allow"].to_str().unwrap().to_owned();
        let methods = allow
            .split(',')
            .map(|m| m.trim().to_ascii_lowercase())
            .filter(|m| m != "head")
            .collect();
        routes.insert(path, methods);
    }
    routes
}

/// Every `"$ref": "#/…"` in the document names something that exists.
fn check_refs(doc: &Value, node: &Value) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                let pointer = r.strip_prefix('#').expect("a local $ref");
                assert!(doc.pointer(pointer).is_some(), "dangling $ref {r}");
            }
            map.values().for_each(|v| check_refs(doc, v));
        }
        Value::Array(items) => items.iter().for_each(|v| check_refs(doc, v)),
        _ => {}
    }
}

#[tokio::test]
async fn the_openapi_document_is_3_1_and_lists_every_route() {
    let app = spawn_app().await;
    let r = app.get("/api/openapi.json").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/json");
    let doc: Value = r.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["info"]["title"], "PER API");
    check_refs(&doc, &doc);

    // The cookie schemes name this server's cookies (development: no `__Host-`).
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["voter_session"]["in"], "cookie");
    assert_eq!(schemes["voter_session"]["name"], "per_session");
    assert_eq!(schemes["review_session"]["name"], "per_review");

    let documented: BTreeMap<String, BTreeSet<String>> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(path, item)| {
            let methods = item
                .as_object()
                .unwrap()
                .keys()
                .filter(|k| {
                    ["get", "put", "post", "delete", "patch", "options", "trace"]
                        .contains(&k.as_str())
                })
                .cloned()
                .collect();
            (path.clone(), methods)
        })
        .collect();
    let routed = router_routes(&app).await;
    assert_eq!(
        documented, routed,
        "the OpenAPI document and the router disagree (left: documented, right: routed)"
    );

    // Every operation says what its errors look like, and every state-changing one
    // documents the cross-site refusal.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(!responses.is_empty(), "{method} {path}: no responses");
            if method != "get" {
                assert!(
                    responses.contains_key("403"),
                    "{method} {path}: no 403 (cross-site)"
                );
            }
            if op.get("security").is_some() {
                assert!(responses.contains_key("401"), "{method} {path}: no 401");
            }
        }
    }
}

#[tokio::test]
async fn an_undocumented_answer_is_an_error_body() {
    // The document says every error is an `ApiError`: an unknown API path is one too.
    let app = spawn_app().await;
    let r = app.get("/api/no-such-thing").await;
    assert_eq!(r.status(), 404);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "not_found");
}

#[tokio::test]
async fn a_path_that_does_not_decode_is_answered_with_an_error_body() {
    // `%FF` is no UTF-8: axum's own `Path` rejection would be a plain-text 400, outside the
    // document (found by looking where schemathesis had not).
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    for (post, path, expected) in [
        (false, "/api/upload/%FF", 404),
        (false, "/api/upload/%FF%FE", 404),
        (true, "/api/upload/%FF", 400),
    ] {
        let r = if post {
            app.client
                .post(app.url(path))
                .body(vec![0xFF, 0xD8, 0xFF])
                .send()
                .await
                .unwrap()
        } else {
            app.get(path).await
        };
        let status = r.status();
        assert_eq!(status, expected, "{path}");
        let kind = r.headers()["content-type"].to_str().unwrap().to_owned();
        assert_eq!(kind, "application/json", "{path}: {status} {kind}");
        let body: Value = r.json().await.unwrap();
        assert!(body["error"].is_string(), "{path}: {body}");
    }
}
