//! Serves the built client: its entry pages (`per_domain::Entry`), each `dist/<dir>/index.html`
//! for its addresses with a CSP that allows exactly its own inline loader, and the hashed
//! assets (brotli or gzip when precompressed siblings exist). An address no entry serves gets
//! the start page (which says "not found") with status 404.

use crate::security;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use per_domain::Entry;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// One built entry page: its `index.html` and the CSP it is served with.
#[derive(Debug, Clone)]
struct Page {
    entry: Entry,
    index: PathBuf,
    csp: HeaderValue,
}

/// The client's `dist/`, with the entry pages found in it.
#[derive(Debug, Clone)]
pub struct StaticApp {
    dist: PathBuf,
    pages: Vec<Page>,
}

impl StaticApp {
    /// Reads the entry pages of `dist`. The start page must be there; the others are served
    /// when built (an entry not built answers 404).
    pub fn load(dist: &Path) -> std::io::Result<StaticApp> {
        let mut pages = Vec::new();
        for entry in Entry::ALL {
            let index = dist.join(entry.dir()).join("index.html");
            let html = match std::fs::read_to_string(&index) {
                Ok(html) => html,
                Err(e) if entry != Entry::Start && e.kind() == std::io::ErrorKind::NotFound => {
                    continue
                }
                Err(e) => return Err(e),
            };
            let csp = security::content_security_policy(&inline_script_hashes(&html));
            let csp = HeaderValue::from_str(&csp).map_err(std::io::Error::other)?;
            pages.push(Page { entry, index, csp });
        }
        Ok(StaticApp {
            dist: dist.to_owned(),
            pages,
        })
    }

    /// The entries built in this `dist/`.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        self.pages.iter().map(|p| p.entry)
    }

    fn page(&self, entry: Entry) -> Option<&Page> {
        self.pages.iter().find(|p| p.entry == entry)
    }

    pub async fn serve(&self, req: Request) -> Response {
        let path = req.uri().path().to_owned();
        let last = path.rsplit('/').next().unwrap_or_default();
        let is_file = last.contains('.') && Entry::of_path(&path) != Some(Entry::Start);
        if is_file {
            return self.serve_file(req, last).await;
        }
        let (page, status) = match Entry::of_path(&path) {
            Some(entry) => match self.page(entry) {
                Some(page) => (page, StatusCode::OK),
                None => return (StatusCode::NOT_FOUND, "not found").into_response(),
            },
            None => match self.page(Entry::Start) {
                Some(page) => (page, StatusCode::NOT_FOUND),
                None => return (StatusCode::NOT_FOUND, "not found").into_response(),
            },
        };
        let result = ServeFile::new(&page.index)
            .precompressed_br()
            .precompressed_gzip()
            .oneshot(req)
            .await
            .map(|r| r.map(Body::new));
        let mut response = match result {
            Ok(r) => r,
            Err(never) => match never {},
        };
        // A revalidated page (304, on every reload) runs the same loader: it needs the
        // page's own CSP as much as a 200 does.
        let served = matches!(response.status(), StatusCode::OK | StatusCode::NOT_MODIFIED);
        if response.status() == StatusCode::OK {
            *response.status_mut() = status;
        }
        if served {
            let headers = response.headers_mut();
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            headers.insert(header::CONTENT_SECURITY_POLICY, page.csp.clone());
        }
        response
    }

    async fn serve_file(&self, req: Request, last: &str) -> Response {
        let hashed = is_hashed(last);
        let result = ServeDir::new(&self.dist)
            .precompressed_br()
            .precompressed_gzip()
            .oneshot(req)
            .await
            .map(|r| r.map(Body::new));
        let mut response = match result {
            Ok(r) => r,
            Err(never) => match never {},
        };
        match response.status() {
            StatusCode::OK => {
                let cache = if hashed {
                    "public, max-age=31536000, immutable"
                } else {
                    "no-cache"
                };
                response
                    .headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
                response
            }
            StatusCode::NOT_FOUND => (StatusCode::NOT_FOUND, "not found").into_response(),
            _ => response,
        }
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
