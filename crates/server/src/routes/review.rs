//! `/api/review/…`: the officials' console (sign-in, the queue, assignments, decisions and
//! reversals) and `GET /api/statistics`. Thin: extract, parse with `per_domain::api::review`,
//! call `service::review`, answer. The official's session is its own cookie, sent only to
//! `/api/review` (see `extract::review_cookie`).

use crate::error::{AppError, AppResult};
use crate::extract::{review_cookie, review_token, ApiJson, OfficialSession};
use crate::service::review::{
    detail, export, officials, statistics, work, SESSION_ABSOLUTE_SECONDS,
};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use per_domain::api::review::{
    Assignment, DecisionForm, DecisionMade, ExportQuery, OfficialSignIn, OfficialView, QueuePage,
    QueueQuery, RequestDetail, ReverseForm,
};
use per_domain::{Field, FieldProblem, Problem};

/// The review router, nested under `/api/review`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/sign-in", post(sign_in))
        .route("/sign-out", post(sign_out))
        .route("/me", get(me))
        .route("/queue", get(queue))
        .route("/requests/{reference}/assign", post(assign).delete(release))
        .route("/requests/{reference}", get(request_detail))
        .route("/images/{id}", get(image))
        .route("/requests/{reference}/decision", post(decide))
        .route("/requests/{reference}/reverse", post(reverse))
        .route("/export/approved.csv", get(export_csv))
        .fallback(|| async { AppError::NotFound })
}

async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<OfficialSignIn>,
) -> AppResult<Response> {
    let v = body.parse().map_err(AppError::Invalid)?;
    let previous = review_token(&state, &headers);
    let (who, token) = officials::sign_in(&state, v, previous.as_ref()).await?;
    let cookie = review_cookie(&state, token.expose(), SESSION_ABSOLUTE_SECONDS);
    let view = who.view(state.review.idle_timeout_seconds);
    Ok(([(SET_COOKIE, cookie)], Json(view)).into_response())
}

async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(token) = review_token(&state, &headers) {
        officials::sign_out(&state, &token).await?;
    }
    let clear = review_cookie(&state, "", 0);
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, clear)]).into_response())
}

async fn me(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
) -> Json<OfficialView> {
    Json(who.view(state.review.idle_timeout_seconds))
}

async fn queue(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    query: Result<Query<QueueQuery>, axum::extract::rejection::QueryRejection>,
) -> AppResult<Json<QueuePage>> {
    let Query(q) = query.map_err(|_| {
        AppError::Invalid(vec![FieldProblem::new(
            Field::Reference,
            Problem::CodeInvalid,
        )])
    })?;
    let v = q.parse().map_err(AppError::Invalid)?;
    Ok(Json(work::queue(&state, &who, &v).await?))
}

async fn assign(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    Path(reference): Path<String>,
) -> AppResult<Json<Assignment>> {
    Ok(Json(work::assign(&state, &who, &reference).await?))
}

async fn release(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    Path(reference): Path<String>,
) -> AppResult<StatusCode> {
    work::release(&state, &who, &reference).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn request_detail(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    Path(reference): Path<String>,
) -> AppResult<Json<RequestDetail>> {
    Ok(Json(detail::detail(&state, &who, &reference).await?))
}

/// A decrypted document or face frame: never cached anywhere.
async fn image(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (media, bytes) = detail::image(&state, &who, &id).await?;
    Ok((
        [
            (CONTENT_TYPE, media),
            (CACHE_CONTROL, "no-store"),
            (CONTENT_DISPOSITION, "inline"),
        ],
        bytes,
    )
        .into_response())
}

async fn decide(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<DecisionForm>,
) -> AppResult<Json<DecisionMade>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    Ok(Json(work::decide(&state, &who, &reference, &v).await?))
}

async fn reverse(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<ReverseForm>,
) -> AppResult<Json<DecisionMade>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    Ok(Json(work::reverse(&state, &who, &reference, &v).await?))
}

/// `GET /api/review/export/approved.csv?zone=N` (administrators).
async fn export_csv(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    query: Result<Query<ExportQuery>, axum::extract::rejection::QueryRejection>,
) -> AppResult<Response> {
    let Query(q) = query.map_err(|_| {
        AppError::Invalid(vec![FieldProblem::new(Field::Zone, Problem::CodeInvalid)])
    })?;
    let zone = q.parse().map_err(AppError::Invalid)?;
    let csv = export::approved_csv(&state, &who, zone).await?;
    let disposition = format!("attachment; filename=\"approved-zone-{zone}.csv\"");
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, disposition),
        ],
        csv,
    )
        .into_response())
}

/// `GET /api/statistics`: public, cacheable for a minute.
pub async fn public_statistics(State(state): State<AppState>) -> AppResult<Response> {
    let s = statistics::statistics(&state).await?;
    Ok(([(CACHE_CONTROL, "public, max-age=60")], Json(s)).into_response())
}
