//! Serves the built app: hashed assets (brotli or gzip when precompressed siblings exist) and
//! `index.html` for every client route.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// The app's `dist/` and the hashes of `index.html`'s inline scripts.
#[derive(Debug, Clone)]
pub struct StaticApp {
    dist: PathBuf,
    pub script_hashes: Vec<String>,
}

impl StaticApp {
    pub fn load(dist: &Path) -> std::io::Result<StaticApp> {
        let index = std::fs::read_to_string(dist.join("index.html"))?;
        Ok(StaticApp {
            dist: dist.to_owned(),
            script_hashes: inline_script_hashes(&index),
        })
    }

    pub async fn serve(&self, req: Request) -> Response {
        let path = req.uri().path().to_owned();
        let last = path.rsplit('/').next().unwrap_or_default();
        let is_file = last.contains('.');
        let result = if is_file {
            ServeDir::new(&self.dist)
                .precompressed_br()
                .precompressed_gzip()
                .oneshot(req)
                .await
                .map(|r| r.map(Body::new))
        } else {
            ServeFile::new(self.dist.join("index.html"))
                .precompressed_br()
                .precompressed_gzip()
                .oneshot(req)
                .await
                .map(|r| r.map(Body::new))
        };
        let mut response = match result {
            Ok(r) => r,
            Err(never) => match never {},
        };
        if response.status() == StatusCode::OK {
            let cache = if is_file && is_hashed(last) {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        } else if response.status() == StatusCode::NOT_FOUND {
            return (StatusCode::NOT_FOUND, "not found").into_response();
        }
        response
    }
}

/// Trunk names built files `name-<16 hex>.ext` (or `_bg.wasm`): those never change.
fn is_hashed(file: &str) -> bool {
    file.split(['-', '_', '.'])
        .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `sha256-<base64>` of every inline `<script>` body, for the CSP.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        let body = &rest[body_start..body_start + close];
        if !tag.contains(" src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_start + close..];
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<script src="/a.js"></script><script type="module">init()</script>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert_eq!(hashes[0], format!("sha256-{expected}"));
    }

    #[test]
    fn knows_hashed_names() {
        assert!(is_hashed("per-app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed("main-0123456789abcdef.css"));
        assert!(!is_hashed("manifest.webmanifest"));
        assert!(!is_hashed("index.html"));
    }
}
