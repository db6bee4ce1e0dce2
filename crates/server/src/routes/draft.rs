//! `GET`, `PUT` and `DELETE /api/draft`: the voter's saved steps (see `service::draft`).

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::draft;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::RequestDraft;

pub async fn get(State(state): State<AppState>, voter: Voter) -> AppResult<Json<RequestDraft>> {
    Ok(Json(draft::load(&state, voter.account).await?))
}

pub async fn put(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<RequestDraft>,
) -> AppResult<Json<RequestDraft>> {
    let valid = body.parse(state.clock.today()).map_err(AppError::Invalid)?;
    Ok(Json(draft::save(&state, voter.account, &valid).await?))
}

pub async fn delete(State(state): State<AppState>, voter: Voter) -> AppResult<StatusCode> {
    draft::delete(&state, voter.account).await?;
    Ok(StatusCode::NO_CONTENT)
}
