//! Signing in and out. The session lives in an HttpOnly, SameSite=Strict cookie; the store
//! keeps only the token's hash.

use crate::crypto;
use crate::error::{AppError, AppResult};
use crate::extract::{session_token, ApiJson, SESSION_COOKIE};
use crate::routes::me_view;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use per_domain::api::{Login, SignIn};

/// Sessions end two hours after sign-in.
pub const SESSION_SECONDS: i64 = 2 * 3600;

pub async fn sign_in(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SignIn>,
) -> AppResult<Response> {
    let v = body.parse().map_err(AppError::Invalid)?;
    let account = match &v.login {
        Login::Email(e) => state.store.account_by_email(e.as_str()).await?,
        Login::Phone(p) => state.store.account_by_phone(p.as_str()).await?,
    };
    let keys = state.keys.clone();
    let password = v.password;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let ok = tokio::task::spawn_blocking(move || match stored {
        Some(hash) => keys.verify_password(&password, &hash),
        None => {
            keys.waste_password_check(&password);
            false
        }
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    let account = match (ok, account) {
        (true, Some(account)) => account,
        _ => return Err(AppError::BadCredentials),
    };
    let cookie = start_session(&state, account.id).await?;
    let me = me_view(&state, account.id).await?;
    Ok(([cookie], Json(me)).into_response())
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(token) = session_token(&headers) {
        state
            .store
            .delete_session(&crypto::token_hash(&token))
            .await?;
    }
    let clear = cookie_header(&state, "", 0);
    Ok((StatusCode::NO_CONTENT, [clear]).into_response())
}

/// Opens a session for the account; returns the `Set-Cookie` header to send.
pub async fn start_session(state: &AppState, account_id: i64) -> AppResult<(HeaderName, String)> {
    let (token, hash) = crypto::new_token();
    let now = state.clock.now();
    state
        .store
        .create_session(&hash, account_id, now, now + SESSION_SECONDS)
        .await?;
    Ok(cookie_header(state, token.expose(), SESSION_SECONDS))
}

fn cookie_header(state: &AppState, value: &str, max_age: i64) -> (HeaderName, String) {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    (
        SET_COOKIE,
        format!("{SESSION_COOKIE}={value}; Path=/api; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"),
    )
}
