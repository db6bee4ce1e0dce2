//! `POST /api/upload/{kind}`: the raw file as the body (any declared type: the content
//! decides); answers the upload's id (see `service::upload`). `GET /api/upload/{id}`: what
//! is stored of one of the voter's uploads (never another's: 404).

use crate::error::{AppError, AppResult};
use crate::extract::{UploadBody, Voter};
use crate::service::upload;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::UploadAccepted;
use per_domain::{Field, FieldProblem, UploadId, UploadKind};

pub async fn upload(
    State(state): State<AppState>,
    voter: Voter,
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
