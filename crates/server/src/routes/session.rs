//! `POST /api/session` (sign in), `DELETE /api/session` (sign out), `DELETE /api/sessions`
//! (sign out everywhere) and `GET /api/me`. The
//! session lives in an HttpOnly, SameSite=Strict cookie (`__Host-`, Secure, behind TLS).

use crate::error::{AppError, AppResult};
use crate::extract::{session_cookie, session_token, ApiJson, Voter};
use crate::service::session::{self, session_seconds};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use per_domain::api::{Me, SignIn};

pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SignIn>,
) -> AppResult<Response> {
    let v = body.parse().map_err(AppError::Invalid)?;
    let previous = session_token(&state, &headers);
    let (account, token) =
        session::sign_in(&state, &v.login, v.password, previous.as_ref()).await?;
    let cookie = cookie_header(&state, token.expose(), session_seconds(&state));
    let me = session::me(&state, account).await?;
    Ok(([cookie], Json(me)).into_response())
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(token) = session_token(&state, &headers) {
        session::sign_out(&state, &token).await?;
    }
    let clear = cookie_header(&state, "", 0);
    Ok((StatusCode::NO_CONTENT, [clear]).into_response())
}

/// `DELETE /api/sessions`: every session of the signed-in voter ends, this one too.
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    voter: Voter,
) -> AppResult<Response> {
    session::sign_out_everywhere(&state, voter.account).await?;
    let clear = cookie_header(&state, "", 0);
    Ok((StatusCode::NO_CONTENT, [clear]).into_response())
}

pub async fn me(State(state): State<AppState>, voter: Voter) -> AppResult<Json<Me>> {
    Ok(Json(session::me(&state, voter.account).await?))
}

/// The `Set-Cookie` header of a session (an empty value and no age: sign-out).
pub fn cookie_header(state: &AppState, value: &str, max_age: i64) -> (HeaderName, String) {
    (SET_COOKIE, session_cookie(state, value, max_age))
}
