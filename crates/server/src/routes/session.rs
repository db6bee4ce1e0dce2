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
use per_domain::api::ApiError;
use per_domain::api::{Me, SignIn};

#[utoipa::path(
    post,
    path = "/api/session",
    operation_id = "sign_in",
    tag = "session",
    summary = "Sign in; sets the session cookie",
    request_body = SignIn,
    responses(
        (status = 200, description = "Signed in", body = Me, headers(("set-cookie" = String, description = "The voter session cookie"))),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Wrong login or password", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Too many attempts: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
        (status = 503, description = "Busy: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
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

#[utoipa::path(
    delete,
    path = "/api/session",
    operation_id = "sign_out",
    tag = "session",
    summary = "Sign out (clears the cookie; no session needed)",
    responses(
        (status = 204, description = "Signed out", headers(("set-cookie" = String, description = "Clears the session cookie"))),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
    )
)]
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(token) = session_token(&state, &headers) {
        session::sign_out(&state, &token).await?;
    }
    let clear = cookie_header(&state, "", 0);
    Ok((StatusCode::NO_CONTENT, [clear]).into_response())
}

/// `DELETE /api/sessions`: every session of the signed-in voter ends, this one too.
#[utoipa::path(
    delete,
    path = "/api/sessions",
    operation_id = "sign_out_everywhere",
    tag = "session",
    summary = "End every session of the voter, this one too",
    security(("voter_session" = [])),
    responses(
        (status = 204, description = "Signed out everywhere", headers(("set-cookie" = String, description = "Clears the session cookie"))),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
    )
)]
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    voter: Voter,
) -> AppResult<Response> {
    session::sign_out_everywhere(&state, voter.account).await?;
    let clear = cookie_header(&state, "", 0);
    Ok((StatusCode::NO_CONTENT, [clear]).into_response())
}

#[utoipa::path(
    get,
    path = "/api/me",
    operation_id = "me",
    tag = "session",
    summary = "The signed-in voter and their request",
    security(("voter_session" = [])),
    responses(
        (status = 200, description = "OK", body = Me),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
    )
)]
pub async fn me(State(state): State<AppState>, voter: Voter) -> AppResult<Json<Me>> {
    Ok(Json(session::me(&state, voter.account).await?))
}

/// The `Set-Cookie` header of a session (an empty value and no age: sign-out).
pub fn cookie_header(state: &AppState, value: &str, max_age: i64) -> (HeaderName, String) {
    (SET_COOKIE, session_cookie(state, value, max_age))
}
