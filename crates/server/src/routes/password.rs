//! `POST /api/password` (change, signed in), `POST /api/password/reset` and
//! `POST /api/password/reset/complete`; `GET /api/session` (the session's limits; renews it).

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::password;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::{ChangePassword, CompleteReset, ResetStarted, StartReset};
use serde::Serialize;

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

/// What the app needs for its idle warning.
#[derive(Debug, Serialize)]
pub struct SessionLimits {
    /// The session ends after this long unused (each API call by the voter renews it).
    pub idle_seconds: i64,
    /// ... and this long after sign-in, however used.
    pub absolute_seconds: i64,
}

/// `GET /api/session`: a cheap call that renews the session ("stay signed in").
pub async fn limits(State(state): State<AppState>, _voter: Voter) -> Json<SessionLimits> {
    Json(SessionLimits {
        idle_seconds: state.limits.session_idle_seconds,
        absolute_seconds: state.limits.session_absolute_seconds,
    })
}
