//! `GET /api/window`: when registration opens and closes, and the server's clock. Public.

use crate::service::window;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use per_domain::api::WindowView;

#[utoipa::path(
    get,
    path = "/api/window",
    operation_id = "window",
    tag = "voter",
    summary = "When registration opens and closes, and the server clock",
    responses(
        (status = 200, description = "OK", body = WindowView),
    )
)]
pub async fn window(State(state): State<AppState>) -> Json<WindowView> {
    Json(window::view(&state))
}
