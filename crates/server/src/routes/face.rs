//! `POST /api/face/challenge` and `POST /api/face`: extract, call the face service, answer.

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::face;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::{FaceAccepted, FaceCapture, FaceChallenge};

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
