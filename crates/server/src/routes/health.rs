//! `GET /api/health`: the server is up and its database answers.

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;

/// The answer of a healthy server.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: &'static str,
}

#[utoipa::path(
    get,
    path = "/api/health",
    operation_id = "health",
    tag = "health",
    summary = "The server is up and its database answers",
    responses(
        (status = 200, description = "Up", body = Health),
    )
)]
pub async fn health(State(state): State<AppState>) -> AppResult<Json<Health>> {
    state.store.ping().await.map_err(AppError::from)?;
    Ok(Json(Health { status: "ok" }))
}
