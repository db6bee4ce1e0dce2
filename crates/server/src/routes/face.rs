//! `POST /api/face/challenge`, `POST /api/face` and `POST /api/face/assisted`: extract,
//! call the face service, answer.

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::face;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::ApiError;
use per_domain::api::{FaceAccepted, FaceAssisted, FaceCapture, FaceChallenge};

#[utoipa::path(
    post,
    path = "/api/face/challenge",
    operation_id = "face_challenge",
    tag = "voter",
    summary = "A signed single-use camera challenge",
    security(("voter_session" = [])),
    responses(
        (status = 201, description = "Challenge", body = FaceChallenge),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
    )
)]
pub async fn challenge(
    State(state): State<AppState>,
    voter: Voter,
) -> AppResult<(StatusCode, Json<FaceChallenge>)> {
    Ok((
        StatusCode::CREATED,
        Json(face::challenge(&state, voter.account).await?),
    ))
}

#[utoipa::path(
    post,
    path = "/api/face",
    operation_id = "face_capture",
    tag = "voter",
    summary = "The burst captured for a challenge",
    request_body = FaceCapture,
    security(("voter_session" = [])),
    responses(
        (status = 200, description = "OK", body = FaceAccepted),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 409, description = "The state does not allow this (`error` says why)", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 422, description = "The check refused the burst: `reason`, `attempts_left`", body = ApiError),
        (status = 503, description = "Busy: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn capture(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<FaceCapture>,
) -> AppResult<Json<FaceAccepted>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    face::capture(&state, voter.account, &v).await?;
    Ok(Json(FaceAccepted { accepted: true }))
}

#[utoipa::path(
    post,
    path = "/api/face/assisted",
    operation_id = "face_assisted",
    tag = "voter",
    summary = "Take the assisted route",
    request_body = FaceAssisted,
    security(("voter_session" = [])),
    responses(
        (status = 204, description = "Recorded"),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 409, description = "`check_failed` before three refused bursts (`step_missing`)", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
    )
)]
pub async fn assisted(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<FaceAssisted>,
) -> AppResult<StatusCode> {
    face::assisted(&state, voter.account, body.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
