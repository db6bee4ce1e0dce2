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
/// Wrong passwords allowed for one login within the window.
pub const MAX_LOGIN_FAILURES: i64 = 5;
pub const LOGIN_WINDOW_SECONDS: i64 = 15 * 60;

fn login_key(login: &Login) -> &str {
    match login {
        Login::Email(e) => e.as_str(),
        Login::Phone(p) => p.as_str(),
    }
}

pub async fn sign_in(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SignIn>,
) -> AppResult<Response> {
    let v = body.parse().map_err(AppError::Invalid)?;
    let account = match &v.login {
        Login::Email(e) => state.store.account_by_email(e.as_str()).await?,
        Login::Phone(p) => state.store.account_by_phone(p.as_str()).await?,
    };
    // Five wrong passwords for a login within 15 minutes lock it until the oldest ages out.
    let login_hash = state.keys.mac(&[b"login", login_key(&v.login).as_bytes()]);
    let now = state.clock.now();
    let (failures, oldest) = state
        .store
        .login_failures_since(&login_hash, now - LOGIN_WINDOW_SECONDS)
        .await?;
    if failures >= MAX_LOGIN_FAILURES {
        let wait = oldest.map_or(LOGIN_WINDOW_SECONDS, |t| t + LOGIN_WINDOW_SECONDS - now);
        return Err(AppError::TooMany {
            retry_after_seconds: wait.max(1) as u32,
        });
    }
    let password = v.password;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let ok = state
        .argon2(move |keys| match stored {
            Some(hash) => keys.verify_password(&password, &hash),
            None => {
                keys.waste_password_check(&password);
                false
            }
        })
        .await?;
    let account = match (ok, account) {
        (true, Some(account)) => account,
        _ => {
            state.store.record_login_failure(&login_hash, now).await?;
            return Err(AppError::BadCredentials);
        }
    };
    state.store.clear_login_failures(&login_hash).await?;
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
