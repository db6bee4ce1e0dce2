//! `POST /api/request` (submit, idempotent), `GET /api/request` and
//! `POST /api/request/withdraw`: extract, call the request service, answer.

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::service::request;
use crate::service::session::request_view;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::ApiError;
use per_domain::api::{RequestView, SubmitRequest};

#[utoipa::path(
    post,
    path = "/api/request",
    operation_id = "submit_request",
    tag = "voter",
    summary = "Submit the request (idempotent by its key)",
    request_body = SubmitRequest,
    security(("voter_session" = [])),
    responses(
        (status = 201, description = "Submitted", body = RequestView),
        (status = 200, description = "The same submission again", body = RequestView),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "Registration is not open (`window_closed`), or a cross-site request", body = ApiError),
        (status = 409, description = "The state does not allow this (`error` says why)", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
    )
)]
pub async fn submit(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<SubmitRequest>,
) -> AppResult<(StatusCode, Json<RequestView>)> {
    let v = body.parse(state.clock.today()).map_err(AppError::Invalid)?;
    let submitted = request::submit(&state, voter.account, &v).await?;
    let status = if submitted.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(request_view(&state, &submitted.request))))
}

#[utoipa::path(
    get,
    path = "/api/request",
    operation_id = "current_request",
    tag = "voter",
    summary = "The voter's current request",
    security(("voter_session" = [])),
    responses(
        (status = 200, description = "OK", body = RequestView),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 404, description = "Not found", body = ApiError),
    )
)]
pub async fn current(State(state): State<AppState>, voter: Voter) -> AppResult<Json<RequestView>> {
    let found = request::current(&state, voter.account).await?;
    Ok(Json(request_view(&state, &found)))
}

#[utoipa::path(
    post,
    path = "/api/request/withdraw",
    operation_id = "withdraw_request",
    tag = "voter",
    summary = "Withdraw the request",
    security(("voter_session" = [])),
    responses(
        (status = 200, description = "OK", body = RequestView),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 404, description = "Not found", body = ApiError),
        (status = 409, description = "The state does not allow this (`error` says why)", body = ApiError),
    )
)]
pub async fn withdraw(State(state): State<AppState>, voter: Voter) -> AppResult<Json<RequestView>> {
    let withdrawn = request::withdraw(&state, voter.account).await?;
    Ok(Json(request_view(&state, &withdrawn)))
}
