//! Security headers on every answer: a Content-Security-Policy that allows what the WASM app
//! needs and nothing more, camera for this origin only, no framing, no sniffing.

use axum::http::{header, HeaderName, HeaderValue};

/// Builds the CSP. `script_hashes` are the `sha256-...` of the inline scripts of
/// `index.html` (Trunk's loader), found when the app is loaded.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    let hashes: String = script_hashes.iter().map(|h| format!(" '{h}'")).collect();
    [
        "default-src 'self'".to_owned(),
        format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
        "style-src 'self'".to_owned(),
        "img-src 'self' data: blob:".to_owned(),
        "media-src 'self' blob: mediastream:".to_owned(),
        "connect-src 'self'".to_owned(),
        "font-src 'self'".to_owned(),
        "manifest-src 'self'".to_owned(),
        "worker-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'none'".to_owned(),
        "form-action 'self'".to_owned(),
        "frame-ancestors 'none'".to_owned(),
    ]
    .join("; ")
}

/// The headers every response carries; behind TLS (`secure`) also HSTS.
pub fn headers(csp: &str, secure: bool) -> Vec<(HeaderName, HeaderValue)> {
    let mut out = vec![
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            ),
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
    ];
    if let Ok(v) = HeaderValue::from_str(csp) {
        out.push((header::CONTENT_SECURITY_POLICY, v));
    }
    if secure {
        out.push((
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_is_strict() {
        let csp = content_security_policy(&["sha256-abc=".to_owned()]);
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("'unsafe-eval'"));
    }

    #[test]
    fn hsts_only_behind_tls() {
        let has_hsts = |secure| {
            headers("x", secure)
                .iter()
                .any(|(name, _)| name == header::STRICT_TRANSPORT_SECURITY)
        };
        assert!(has_hsts(true));
        assert!(!has_hsts(false));
    }
}

/// Refuses a state-changing API request (anything but GET, HEAD and OPTIONS) that the
/// browser says comes from another site: `Sec-Fetch-Site` other than `same-origin` (or
/// `none`, a request the user made directly), or, from a browser that does not send it, an
/// `Origin` that is not this service's (scheme and the `Host` the request was sent to).
/// A request with neither header is not a browser's cross-site request (a command-line
/// client); the session cookie is `SameSite=Strict` besides.
pub async fn same_origin_only(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let safe = matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS
    );
    if !safe && cross_site(request.headers()) {
        tracing::warn!(
            event = "cross_site_refused",
            "a cross-site API request was refused"
        );
        return crate::error::AppError::CrossSite.into_response();
    }
    next.run(request).await
}

/// Whether the headers show a request made by another site's page.
fn cross_site(headers: &axum::http::HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let authority = origin.to_str().ok().and_then(|o| {
        o.strip_prefix("https://")
            .or_else(|| o.strip_prefix("http://"))
    });
    match (authority, host) {
        (Some(a), Some(h)) => !a.eq_ignore_ascii_case(h),
        _ => true,
    }
}

#[cfg(test)]
mod csrf_tests {
    use super::cross_site;
    use axum::http::{HeaderMap, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_the_service_own_pages_may_change_state() {
        let host = ("host", "per.example.al");
        for (pairs, cross, why) in [
            (vec![], false, "no browser headers: a command-line client"),
            (vec![("sec-fetch-site", "same-origin")], false, "own page"),
            (vec![("sec-fetch-site", "none")], false, "typed by the user"),
            (vec![("sec-fetch-site", "cross-site")], true, "another site"),
            (
                vec![("sec-fetch-site", "same-site")],
                true,
                "a sibling subdomain",
            ),
            (
                vec![host, ("origin", "https://per.example.al")],
                false,
                "own origin",
            ),
            (
                vec![host, ("origin", "https://evil.example")],
                true,
                "other origin",
            ),
            (vec![host, ("origin", "null")], true, "opaque origin"),
            (
                vec![("origin", "https://per.example.al")],
                true,
                "no host to compare",
            ),
            (
                vec![
                    host,
                    ("origin", "https://evil.example"),
                    ("sec-fetch-site", "same-origin"),
                ],
                false,
                "Sec-Fetch-Site is the browser's own word",
            ),
        ] {
            assert_eq!(cross_site(&headers(&pairs)), cross, "{why}");
        }
    }
}
