//! `GET`, `PUT` and `DELETE /api/draft`: the voter's saved steps (see `service::draft`).

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::draft;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::ApiError;
use per_domain::api::RequestDraft;

#[utoipa::path(
    get,
    path = "/api/draft",
    operation_id = "get_draft",
    tag = "voter",
    summary = "The saved draft",
    security(("voter_session" = [])),
    responses(
        (status = 200, description = "OK", body = RequestDraft),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
    )
)]
pub async fn get(State(state): State<AppState>, voter: Voter) -> AppResult<Json<RequestDraft>> {
    Ok(Json(draft::load(&state, voter.account).await?))
}

#[utoipa::path(
    put,
    path = "/api/draft",
    operation_id = "put_draft",
    tag = "voter",
    summary = "Save the draft (every present step valid)",
    request_body = RequestDraft,
    security(("voter_session" = [])),
    responses(
        (status = 200, description = "OK", body = RequestDraft),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
    )
)]
pub async fn put(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<RequestDraft>,
) -> AppResult<Json<RequestDraft>> {
    let valid = body.parse(state.clock.today()).map_err(AppError::Invalid)?;
    Ok(Json(draft::save(&state, voter.account, &valid).await?))
}

#[utoipa::path(
    delete,
    path = "/api/draft",
    operation_id = "delete_draft",
    tag = "voter",
    summary = "Delete the draft",
    security(("voter_session" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
    )
)]
pub async fn delete(State(state): State<AppState>, voter: Voter) -> AppResult<StatusCode> {
    draft::delete(&state, voter.account).await?;
    Ok(StatusCode::NO_CONTENT)
}
