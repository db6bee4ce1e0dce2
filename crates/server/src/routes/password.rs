//! `POST /api/password` (change, signed in), `POST /api/password/reset` and
//! `POST /api/password/reset/complete`; `GET /api/session` (renews the session; its clock).

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::{password, session};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::{ChangePassword, CompleteReset, ResetStarted, SessionClock, StartReset};

pub async fn change(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<ChangePassword>,
) -> AppResult<StatusCode> {
    let v = body.parse().map_err(AppError::Invalid)?;
    password::change(&state, voter.account, &voter.token, v).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn start_reset(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<StartReset>,
) -> AppResult<(StatusCode, Json<ResetStarted>)> {
    let login = body.parse().map_err(AppError::Invalid)?;
    let started = password::start_reset(&state, &login).await?;
    Ok((StatusCode::ACCEPTED, Json(started)))
}

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
pub async fn session_clock(
    State(state): State<AppState>,
    voter: Voter,
) -> AppResult<Json<SessionClock>> {
    Ok(Json(session::renew(&state, &voter.token).await?))
}
