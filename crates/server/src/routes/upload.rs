//! `POST /api/upload/{kind}`: the raw file as the body (any declared type: the content
//! decides); answers the upload's id (see `service::upload`). `GET /api/upload/{id}`: what
//! is stored of one of the voter's uploads (never another's: 404).

use crate::error::{AppError, AppResult};
use crate::extract::{UploadBody, Voter};
use crate::service::upload;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::UploadAccepted;
use per_domain::{Field, FieldProblem, UploadId, UploadKind};

/// The signed-in voter with a place among the account's uploads in flight, taken before
/// the body is read (extractors run in order): a third at once is refused unread.
pub struct Uploading {
    voter: Voter,
    _slot: upload::UploadSlot,
}

impl FromRequestParts<AppState> for Uploading {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let voter = Voter::from_request_parts(parts, state).await?;
        let slot = state.uploads_in_flight.take(voter.account).ok_or_else(|| {
            tracing::info!(
                event = "upload_in_progress",
                "an upload was refused: two of the account's are in flight"
            );
            AppError::UploadInProgress {
                retry_after_seconds: upload::IN_PROGRESS_RETRY_SECONDS,
            }
        })?;
        Ok(Uploading { voter, _slot: slot })
    }
}

pub async fn upload(
    State(state): State<AppState>,
    Uploading { voter, _slot }: Uploading,
    Path(kind): Path<String>,
    UploadBody(body): UploadBody,
) -> AppResult<(StatusCode, Json<UploadAccepted>)> {
    let kind = UploadKind::parse(&kind)
        .map_err(|p| AppError::Invalid(vec![FieldProblem::new(Field::Upload, p)]))?;
    let accepted = upload::upload(&state, voter.account, kind, body.to_vec()).await?;
    Ok((StatusCode::CREATED, Json(accepted)))
}

pub async fn describe(
    State(state): State<AppState>,
    voter: Voter,
    Path(id): Path<String>,
) -> AppResult<Json<UploadAccepted>> {
    let id = UploadId::parse(&id).map_err(|_| AppError::NotFound)?;
    upload::describe(&state, voter.account, &id)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}
