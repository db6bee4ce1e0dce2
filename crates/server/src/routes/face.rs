//! `POST /api/face/challenge`, `POST /api/face` and `POST /api/face/assisted`: extract,
//! call the face service, answer.

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::face;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::{FaceAccepted, FaceAssisted, FaceCapture, FaceChallenge};

pub async fn challenge(
    State(state): State<AppState>,
    voter: Voter,
) -> AppResult<(StatusCode, Json<FaceChallenge>)> {
    Ok((
        StatusCode::CREATED,
        Json(face::challenge(&state, voter.account).await?),
    ))
}

pub async fn capture(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<FaceCapture>,
) -> AppResult<Json<FaceAccepted>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    face::capture(&state, voter.account, &v).await?;
    Ok(Json(FaceAccepted { accepted: true }))
}

pub async fn assisted(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<FaceAssisted>,
) -> AppResult<StatusCode> {
    face::assisted(&state, voter.account, body.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
