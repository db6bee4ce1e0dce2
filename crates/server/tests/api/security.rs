//! Security headers, cross-site refusal, the static app with its client-route fallback and precompressed assets.

use crate::helpers::*;
use serde_json::{json, Value};

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let index = r#"<!doctype html><html><head><script type="module">import init from '/app-0123456789abcdef.js'; init();</script></head><body></body></html>"#;
    std::fs::write(dir.path().join("index.html"), index).unwrap();
    std::fs::write(
        dir.path().join("app-0123456789abcdef.js"),
        "export default function init() {}",
    )
    .unwrap();
    dir
}

#[tokio::test]
async fn every_answer_has_the_security_headers() {
    let app = spawn_app().await;
    let r = app.get("/api/health").await;
    assert_eq!(r.status(), 200);
    let h = r.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h["permissions-policy"]
        .to_str()
        .unwrap()
        .contains("camera=(self)"));
    assert_eq!(h["cache-control"], "no-store");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let app = spawn_app().await;
    let r = app.get("/api/nope").await;
    assert_eq!(r.status(), 404);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error"], "not_found");
}

#[tokio::test]
async fn the_app_is_served_with_its_loader_hash_and_client_routes() {
    let dist = dist();
    std::fs::write(dist.path().join("app-0123456789abcdef.js.br"), b"BROTLI").unwrap();
    let app = spawn_app_with_dist(Some(dist.path().to_owned())).await;

    let r = app.get("/").await;
    assert_eq!(r.status(), 200, "the start page is index.html");
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("'sha256-"),
        "the inline loader is allowed by hash: {csp}"
    );
    assert_eq!(r.headers()["cache-control"], "no-cache");
    assert!(r.text().await.unwrap().contains("<script type=\"module\">"));

    let r = app
        .client
        .get(app.url("/app-0123456789abcdef.js"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-encoding"], "br");
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert_eq!(r.bytes().await.unwrap().as_ref(), b"BROTLI");

    let r = app.get("/missing-file.js").await;
    assert_eq!(r.status(), 404, "a missing asset is not index.html");
}

/// `<script type="module">LOADER</script>` as a CSP hash source.
fn hash_of(loader: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(loader.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[tokio::test]
async fn each_entry_page_is_served_for_its_addresses_with_its_own_csp() {
    let dist = tempfile::tempdir().unwrap();
    let page = |loader: &str| {
        format!(
            r#"<!doctype html><html><head><script type="module">{loader}</script></head></html>"#
        )
    };
    let (start, register) = ("import('/start.js')", "import('/register/register.js')");
    std::fs::write(dist.path().join("index.html"), page(start)).unwrap();
    std::fs::create_dir(dist.path().join("register")).unwrap();
    std::fs::write(dist.path().join("register/index.html"), page(register)).unwrap();
    std::fs::write(
        dist.path().join("register/register-0123456789abcdef.js"),
        "x",
    )
    .unwrap();
    let app = spawn_app_with_dist(Some(dist.path().to_owned())).await;

    for (path, status, loader, other) in [
        ("/", 200, start, register),
        ("/register/contact", 200, register, start),
        ("/register/password", 200, register, start),
        ("/no/such/page", 404, start, register),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status(), status, "{path}");
        let csp = r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(csp.contains(&hash_of(loader)), "{path}: {csp}");
        assert!(
            !csp.contains(&hash_of(other)),
            "{path} allows only its own loader: {csp}"
        );
        assert!(r.text().await.unwrap().contains(loader), "{path}");
    }
    // A reload revalidates the page (304): it keeps the page's own CSP.
    let first = app.get("/register/contact").await;
    let modified = first.headers()["last-modified"]
        .to_str()
        .unwrap()
        .to_owned();
    let r = app
        .client
        .get(app.url("/register/contact"))
        .header("if-modified-since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains(&hash_of(register)),
        "a reload keeps its loader: {csp}"
    );

    let r = app.get("/register/register-0123456789abcdef.js").await;
    assert_eq!(r.status(), 200, "an entry's assets are under its folder");
    let r = app.get("/api/health").await;
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(!csp.contains("sha256-"), "the API allows no script: {csp}");
    // Entries not in this dist (face capture, account, results): not found, not another page.
    for path in ["/register/face", "/sign-in", "/results/"] {
        assert_eq!(app.get(path).await.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn production_refuses_the_dev_outbox_a_key_file_and_cookies_without_secure() {
    use per_server::config::{Config, Mode};
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::new("127.0.0.1:0".parse().unwrap(), dir.path().to_owned());
    config.mode = Mode::Production;
    config.database_url = None;
    let err = per_server::startup::Application::build(config)
        .await
        .expect_err("production with development settings");
    let message = format!("{err:#}");
    for expected in ["no SMTP server", "no SMS gateway", "PER_DATA_KEY", "Secure"] {
        assert!(message.contains(expected), "{expected}: {message}");
    }
    assert!(
        !dir.path().join("data.key").exists(),
        "a refused start makes no key file"
    );
}

#[tokio::test]
async fn another_site_cannot_change_anything() {
    let app = spawn_app().await;
    let body = json!({"phone": PHONE, "email": EMAIL, "language": "sq"});
    let send = |headers: &'static [(&'static str, &'static str)]| {
        let mut r = new_client().post(app.url("/api/signup")).json(&body);
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        r.send()
    };
    for headers in [
        &[("origin", "https://evil.example")][..],
        &[("sec-fetch-site", "cross-site")][..],
        &[
            ("sec-fetch-site", "same-site"),
            ("origin", "https://sub.example"),
        ][..],
    ] {
        let r = send(headers).await.unwrap();
        assert_eq!(r.status(), 403, "{headers:?}");
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"], "forbidden");
    }
    assert_eq!(app.deliver().await, 0, "nothing was sent");
    let own = app.address.trim_start_matches("http://").to_owned();
    let origin = format!("http://{own}");
    let r = new_client()
        .post(app.url("/api/signup"))
        .header("origin", origin)
        .header("sec-fetch-site", "same-origin")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "the service's own page");
    // Reading stays open: a GET from anywhere changes nothing.
    let r = new_client()
        .get(app.url("/api/health"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}
