//! `POST /api/password` (change, signed in), `POST /api/password/reset` and
//! `POST /api/password/reset/complete`; `GET /api/session` (renews the session; its clock).

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::{password, session};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::ApiError;
use per_domain::api::{ChangePassword, CompleteReset, ResetStarted, SessionClock, StartReset};

#[utoipa::path(
    post,
    path = "/api/password",
    operation_id = "change_password",
    tag = "session",
    summary = "Change the password; every other session ends",
    request_body = ChangePassword,
    security(("voter_session" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Not signed in, or the old password is wrong (`bad_credentials`)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Too many wrong passwords: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
        (status = 503, description = "Busy: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn change(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<ChangePassword>,
) -> AppResult<StatusCode> {
    let v = body.parse().map_err(AppError::Invalid)?;
    password::change(&state, voter.account, &voter.token, v).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post,
    path = "/api/password/reset",
    operation_id = "start_reset",
    tag = "session",
    summary = "Start a password reset (the same answer whether or not the login exists)",
    request_body = StartReset,
    responses(
        (status = 202, description = "Codes sent if the login exists", body = ResetStarted),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Too many attempts: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn start_reset(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<StartReset>,
) -> AppResult<(StatusCode, Json<ResetStarted>)> {
    let login = body.parse().map_err(AppError::Invalid)?;
    let started = password::start_reset(&state, &login).await?;
    Ok((StatusCode::ACCEPTED, Json(started)))
}

#[utoipa::path(
    post,
    path = "/api/password/reset/complete",
    operation_id = "complete_reset",
    tag = "session",
    summary = "Both codes and the new password; every session ends",
    request_body = CompleteReset,
    responses(
        (status = 204, description = "Password reset"),
        (status = 400, description = "Invalid input, or the code is wrong (`code_wrong`, `attempts_left`)", body = ApiError),
        (status = 401, description = "No such reset", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 410, description = "The code expired or was used up", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Too many attempts: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
        (status = 503, description = "Busy: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn complete_reset(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CompleteReset>,
) -> AppResult<StatusCode> {
    let v = body.parse().map_err(AppError::Invalid)?;
    password::complete_reset(&state, v).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/session`: a cheap call that renews the session ("stay signed in") and says
/// how long it has left, for the app's idle warning.
#[utoipa::path(
    get,
    path = "/api/session",
    operation_id = "session_clock",
    tag = "session",
    summary = "The session's clock; renews it",
    security(("voter_session" = [])),
    responses(
        (status = 200, description = "OK", body = SessionClock),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
    )
)]
pub async fn session_clock(
    State(state): State<AppState>,
    voter: Voter,
) -> AppResult<Json<SessionClock>> {
    Ok(Json(session::renew(&state, &voter.token).await?))
}
