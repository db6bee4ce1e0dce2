//! `POST /api/upload/{kind}`: the raw file as the body (any declared type: the content
//! decides); answers the upload's id (see `service::upload`). `GET /api/upload/{id}`: what
//! is stored of one of the voter's uploads (never another's: 404).

use crate::error::{AppError, AppResult};
use crate::extract::{ApiPath, UploadBody, Voter};
use crate::service::upload;
use crate::state::AppState;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::ApiError;
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

#[utoipa::path(
    post,
    path = "/api/upload/{kind_or_id}",
    operation_id = "upload",
    tag = "voter",
    summary = "Store a document (the raw file as the body; the content decides its type)",
    params(("kind_or_id" = UploadKind, Path, description = "Which document")),
    request_body(description = "The file: JPEG, PNG or PDF, at most 5 MB; any declared type (the bytes decide)", content(("image/jpeg"), ("image/png"), ("application/pdf"), ("application/octet-stream"))),
    security(("voter_session" = [])),
    responses(
        (status = 201, description = "Stored", body = UploadAccepted),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Two of the account's uploads are in flight (`reason: upload_in_progress`), or too many requests: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
        (status = 503, description = "Busy: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    Uploading { voter, _slot }: Uploading,
    kind: Result<Path<String>, PathRejection>,
    UploadBody(body): UploadBody,
) -> AppResult<(StatusCode, Json<UploadAccepted>)> {
    // A kind that does not even decode is as unknown as a misspelt one (400, not axum's
    // plain-text rejection).
    let kind = kind.map(|Path(k)| k).unwrap_or_default();
    let kind = UploadKind::parse(&kind)
        .map_err(|p| AppError::Invalid(vec![FieldProblem::new(Field::Upload, p)]))?;
    let accepted = upload::upload(&state, voter.account, kind, body.to_vec()).await?;
    Ok((StatusCode::CREATED, Json(accepted)))
}

#[utoipa::path(
    get,
    path = "/api/upload/{kind_or_id}",
    operation_id = "describe_upload",
    tag = "voter",
    summary = "What is stored of one of the voter's uploads",
    params(("kind_or_id" = String, Path, description = "The upload's id")),
    security(("voter_session" = [])),
    responses(
        (status = 200, description = "OK", body = UploadAccepted),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 404, description = "Not found", body = ApiError),
    )
)]
pub async fn describe(
    State(state): State<AppState>,
    voter: Voter,
    ApiPath(id): ApiPath<String>,
) -> AppResult<Json<UploadAccepted>> {
    let id = UploadId::parse(&id).map_err(|_| AppError::NotFound)?;
    upload::describe(&state, voter.account, &id)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}
