//! Extractors: JSON bodies whose rejections use the app's error format, and the voter's session.

use crate::error::AppError;
use crate::service::session;
use crate::state::AppState;
use crate::store::AccountId;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use per_domain::{Field, FieldProblem, Problem, SecretToken};
use serde::de::DeserializeOwned;

/// Name of the session cookie behind TLS: `__Host-` makes the browser refuse it unless it is
/// `Secure`, for the whole host (`Path=/`, no `Domain`), so a sibling subdomain cannot set it.
pub const SESSION_COOKIE: &str = "__Host-per_session";
/// Its name in development over plain HTTP (`--dev` without `--secure-cookies`).
pub const DEV_SESSION_COOKIE: &str = "per_session";

/// `Json<T>` whose failures are [`AppError::BadJson`], naming a missing field when serde says
/// which, and never echoing the input back.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

fn json_rejection(rejection: JsonRejection) -> AppError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge;
    }
    let text = rejection.body_text();
    let mut fields = Vec::new();
    if let Some(rest) = text.split("missing field `").nth(1) {
        if let Some(field) = rest.split('`').next().and_then(Field::from_code) {
            fields.push(FieldProblem::new(field, Problem::Required));
        }
    } else if text.contains("unknown variant") {
        // The only enums in request bodies are channels.
        fields.push(FieldProblem::new(Field::Channel, Problem::ChannelInvalid));
    }
    AppError::BadJson(fields)
}

/// `Path<T>` whose rejection (a segment that is no UTF-8 once percent-decoded, or that does
/// not deserialize) is [`AppError::NotFound`] in the app's error format: nothing is named
/// so. axum's own rejection is a plain-text 400, outside the OpenAPI document.
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(_) => Err(AppError::NotFound),
        }
    }
}

/// A raw request body (an upload) within the route's body limit; over it, the answer is
/// [`AppError::UploadTooLarge`] (413) before the rest is read.
#[derive(Debug)]
pub struct UploadBody(pub axum::body::Bytes);

impl<S: Send + Sync> FromRequest<S> for UploadBody {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        match axum::body::Bytes::from_request(req, state).await {
            Ok(bytes) => Ok(UploadBody(bytes)),
            Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(AppError::UploadTooLarge),
            Err(r) => Err(AppError::Internal(anyhow::anyhow!(
                "reading an upload: {r}"
            ))),
        }
    }
}

/// The signed-in voter's account, from the session cookie.
#[derive(Debug, Clone)]
pub struct Voter {
    pub account: AccountId,
    /// The session's token (to keep this session when others end).
    pub token: SecretToken,
}

impl FromRequestParts<AppState> for Voter {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = session_token(state, &parts.headers).ok_or(AppError::Unauthorized)?;
        let account = session::voter(state, &token).await?;
        Ok(Voter { account, token })
    }
}

/// The session cookie's name for this server (see [`SESSION_COOKIE`]).
pub fn session_cookie_name(state: &AppState) -> &'static str {
    if state.secure_cookies {
        SESSION_COOKIE
    } else {
        DEV_SESSION_COOKIE
    }
}

/// The session token from the `Cookie` headers (parsed by the `cookie` crate), if well-formed.
pub fn session_token(state: &AppState, headers: &HeaderMap) -> Option<SecretToken> {
    let name = session_cookie_name(state);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .and_then(|c| SecretToken::parse(c.value()).ok())
}

/// The `Set-Cookie` value of a session (the token is base64url: nothing to encode): `HttpOnly`, `SameSite=Strict`, the whole host
/// (`Path=/`), `Secure` behind TLS; an empty value and no age end it.
pub fn session_cookie(state: &AppState, value: &str, max_age_seconds: i64) -> String {
    cookie::Cookie::build((session_cookie_name(state), value))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Strict)
        .secure(state.secure_cookies)
        .max_age(cookie::time::Duration::seconds(max_age_seconds))
        .build()
        .to_string()
}

/// The client's address: the connection's peer, or, behind a reverse proxy
/// (`behind_proxy`), the last address of `X-Forwarded-For` (the one the proxy saw; the
/// earlier ones are the client's own word).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub std::net::IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        client_ip(state, parts).map(ClientIp)
    }
}

/// See [`ClientIp`]: the one place the client's address is taken (the sign-up limits and
/// the API's rate limits).
pub fn client_ip(state: &AppState, parts: &Parts) -> Result<std::net::IpAddr, AppError> {
    if state.behind_proxy {
        // The last entry of the last header: what the proxy appended.
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|a| a.trim().parse().ok());
        if let Some(ip) = forwarded {
            return Ok(ip);
        }
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip())
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no client address")))
}

/// The review console's cookie behind TLS (`__Secure-`: only over HTTPS), sent only to
/// `/api/review`; a voter's `per_session` never opens it.
pub const REVIEW_COOKIE: &str = "__Secure-per_review";
/// Its name in development over plain HTTP.
pub const DEV_REVIEW_COOKIE: &str = "per_review";
/// The path the review cookie is sent to.
pub const REVIEW_COOKIE_PATH: &str = "/api/review";

pub fn review_cookie_name(state: &AppState) -> &'static str {
    if state.secure_cookies {
        REVIEW_COOKIE
    } else {
        DEV_REVIEW_COOKIE
    }
}

/// The official's session token from the `Cookie` headers, if well-formed.
pub fn review_token(state: &AppState, headers: &HeaderMap) -> Option<SecretToken> {
    let name = review_cookie_name(state);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .and_then(|c| SecretToken::parse(c.value()).ok())
}

/// The `Set-Cookie` value of an official's session: `HttpOnly`, `SameSite=Strict`,
/// `Path=/api/review`, `Secure` behind TLS; an empty value and no age end it.
pub fn review_cookie(state: &AppState, value: &str, max_age_seconds: i64) -> String {
    cookie::Cookie::build((review_cookie_name(state), value))
        .path(REVIEW_COOKIE_PATH)
        .http_only(true)
        .same_site(cookie::SameSite::Strict)
        .secure(state.secure_cookies)
        .max_age(cookie::time::Duration::seconds(max_age_seconds))
        .build()
        .to_string()
}

/// The signed-in official, from the review cookie (401 `unauthorized` without one, 401
/// `signed_out` when the session ended).
#[derive(Debug, Clone)]
pub struct OfficialSession(pub crate::service::review::SignedIn);

impl FromRequestParts<AppState> for OfficialSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = review_token(state, &parts.headers).ok_or(AppError::Unauthorized)?;
        let who = crate::service::review::officials::signed_in(state, &token).await?;
        Ok(OfficialSession(who))
    }
}
