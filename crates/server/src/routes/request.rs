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
use per_domain::api::{RequestView, SubmitRequest};

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

pub async fn current(State(state): State<AppState>, voter: Voter) -> AppResult<Json<RequestView>> {
    let found = request::current(&state, voter.account).await?;
    Ok(Json(request_view(&state, &found)))
}

pub async fn withdraw(State(state): State<AppState>, voter: Voter) -> AppResult<Json<RequestView>> {
    let withdrawn = request::withdraw(&state, voter.account).await?;
    Ok(Json(request_view(&state, &withdrawn)))
}
