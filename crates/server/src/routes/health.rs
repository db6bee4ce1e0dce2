//! `GET /api/health`: the server is up and its database answers.

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

pub async fn health(State(state): State<AppState>) -> AppResult<Json<Value>> {
    state.store.ping().await.map_err(AppError::from)?;
    Ok(Json(json!({ "status": "ok" })))
}
