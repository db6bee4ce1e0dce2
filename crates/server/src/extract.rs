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

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "per_session";

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
#[derive(Debug, Clone, Copy)]
pub struct Voter {
    pub account: AccountId,
}

impl FromRequestParts<AppState> for Voter {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = session_token(&parts.headers).ok_or(AppError::Unauthorized)?;
        let account = session::voter(state, &token).await?;
        Ok(Voter { account })
    }
}

/// The session token from the `Cookie` header, if well-formed.
pub fn session_token(headers: &HeaderMap) -> Option<SecretToken> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .and_then(|(_, value)| SecretToken::parse(value).ok())
}
