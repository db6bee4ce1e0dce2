//! `POST /api/upload/{kind}`: the raw file as the body (any declared type: the content
//! decides); answers the upload's id (see `service::upload`).

use crate::error::{AppError, AppResult};
use crate::extract::{UploadBody, Voter};
use crate::service::upload;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::UploadAccepted;
use per_domain::{Field, FieldProblem, UploadKind};

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
