//! `/api/review/…`: the officials' console (sign-in, the queue, assignments, decisions and
//! reversals) and `GET /api/statistics`. Thin: extract, parse with `per_domain::api::review`,
//! call `service::review`, answer. The official's session is its own cookie, sent only to
//! `/api/review` (see `extract::review_cookie`).

use crate::error::{AppError, AppResult};
use crate::extract::{review_cookie, review_token, ApiJson, ApiPath, OfficialSession};
use crate::service::review::{
    detail, export, officials, statistics, work, SESSION_ABSOLUTE_SECONDS,
};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use per_domain::api::review::{
    Assignment, DecisionForm, DecisionMade, ExportQuery, OfficialSignIn, OfficialView, QueuePage,
    QueueQuery, RequestDetail, ReverseForm,
};
use per_domain::api::ApiError;
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

#[utoipa::path(
    post,
    path = "/api/review/sign-in",
    operation_id = "review_sign_in",
    tag = "review",
    summary = "An official signs in (password and TOTP or recovery code); sets the review cookie",
    request_body = OfficialSignIn,
    responses(
        (status = 200, description = "Signed in", body = OfficialView, headers(("set-cookie" = String, description = "The review session cookie (`Path=/api/review`)"))),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "The login, the password or the code is wrong (`sign_in_failed`)", body = ApiError),
        (status = 403, description = "A cross-site request", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Locked after failed sign-ins: `retry_after_seconds`", body = ApiError),
        (status = 503, description = "Busy: `retry_after_seconds`", body = ApiError),
    )
)]
pub(crate) async fn sign_in(
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

#[utoipa::path(
    post,
    path = "/api/review/sign-out",
    operation_id = "review_sign_out",
    tag = "review",
    summary = "The official signs out (clears the cookie)",
    responses(
        (status = 204, description = "Signed out", headers(("set-cookie" = String, description = "Clears the review cookie"))),
        (status = 403, description = "A cross-site request", body = ApiError),
    )
)]
pub(crate) async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> AppResult<Response> {
    if let Some(token) = review_token(&state, &headers) {
        officials::sign_out(&state, &token).await?;
    }
    let clear = review_cookie(&state, "", 0);
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, clear)]).into_response())
}

#[utoipa::path(
    get,
    path = "/api/review/me",
    operation_id = "review_me",
    tag = "review",
    summary = "The signed-in official",
    security(("review_session" = [])),
    responses(
        (status = 200, description = "OK", body = OfficialView),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
    )
)]
pub(crate) async fn me(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
) -> Json<OfficialView> {
    Json(who.view(state.review.idle_timeout_seconds))
}

#[utoipa::path(
    get,
    path = "/api/review/queue",
    operation_id = "review_queue",
    tag = "review",
    summary = "The queue, oldest first, filtered",
    params(QueueQuery),
    security(("review_session" = [])),
    responses(
        (status = 200, description = "OK", body = QueuePage),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
        (status = 403, description = "The role does not allow this (`forbidden_role`)", body = ApiError),
    )
)]
pub(crate) async fn queue(
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

#[utoipa::path(
    post,
    path = "/api/review/requests/{reference}/assign",
    operation_id = "review_assign",
    tag = "review",
    summary = "Take (or renew) the request's assignment",
    params(("reference" = String, Path, description = "The request's reference number, `PER-XXXX-XXXX`")),
    security(("review_session" = [])),
    responses(
        (status = 200, description = "OK", body = Assignment),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
        (status = 403, description = "The role does not allow this (`forbidden_role`), or a cross-site request", body = ApiError),
        (status = 404, description = "No such request or image", body = ApiError),
        (status = 409, description = "Assigned to another, not assigned, or the status does not allow this", body = ApiError),
    )
)]
pub(crate) async fn assign(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    ApiPath(reference): ApiPath<String>,
) -> AppResult<Json<Assignment>> {
    Ok(Json(work::assign(&state, &who, &reference).await?))
}

#[utoipa::path(
    delete,
    path = "/api/review/requests/{reference}/assign",
    operation_id = "review_release",
    tag = "review",
    summary = "Give the assignment back",
    params(("reference" = String, Path, description = "The request's reference number, `PER-XXXX-XXXX`")),
    security(("review_session" = [])),
    responses(
        (status = 204, description = "Released"),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
        (status = 403, description = "The role does not allow this (`forbidden_role`), or a cross-site request", body = ApiError),
        (status = 404, description = "No such request or image", body = ApiError),
        (status = 409, description = "Assigned to another, not assigned, or the status does not allow this", body = ApiError),
    )
)]
pub(crate) async fn release(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    ApiPath(reference): ApiPath<String>,
) -> AppResult<StatusCode> {
    work::release(&state, &who, &reference).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get,
    path = "/api/review/requests/{reference}",
    operation_id = "review_request",
    tag = "review",
    summary = "A request side by side with the registry",
    params(("reference" = String, Path, description = "The request's reference number, `PER-XXXX-XXXX`")),
    security(("review_session" = [])),
    responses(
        (status = 200, description = "OK", body = RequestDetail),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
        (status = 403, description = "The role does not allow this (`forbidden_role`)", body = ApiError),
        (status = 404, description = "No such request or image", body = ApiError),
    )
)]
pub(crate) async fn request_detail(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    ApiPath(reference): ApiPath<String>,
) -> AppResult<Json<RequestDetail>> {
    Ok(Json(detail::detail(&state, &who, &reference).await?))
}

/// A decrypted document or face frame: never cached anywhere.
#[utoipa::path(
    get,
    path = "/api/review/images/{id}",
    operation_id = "review_image",
    tag = "review",
    summary = "A decrypted document photo, proof or face frame (never cached)",
    params(("id" = String, Path, description = "An image id from the request's detail")),
    security(("review_session" = [])),
    responses(
        (status = 200, description = "The image or PDF", content(("image/jpeg"), ("image/png"), ("application/pdf"))),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
        (status = 403, description = "The role does not allow this (`forbidden_role`)", body = ApiError),
        (status = 404, description = "No such request or image", body = ApiError),
    )
)]
pub(crate) async fn image(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    ApiPath(id): ApiPath<String>,
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

#[utoipa::path(
    post,
    path = "/api/review/requests/{reference}/decision",
    operation_id = "review_decide",
    tag = "review",
    summary = "Decide (approve, reject with reasons, or ask for a correction)",
    params(("reference" = String, Path, description = "The request's reference number, `PER-XXXX-XXXX`")),
    request_body = DecisionForm,
    security(("review_session" = [])),
    responses(
        (status = 200, description = "OK", body = DecisionMade),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
        (status = 403, description = "The role does not allow this (`forbidden_role`), or a cross-site request", body = ApiError),
        (status = 404, description = "No such request or image", body = ApiError),
        (status = 409, description = "Assigned to another, not assigned, or the status does not allow this", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
    )
)]
pub(crate) async fn decide(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    ApiPath(reference): ApiPath<String>,
    ApiJson(body): ApiJson<DecisionForm>,
) -> AppResult<Json<DecisionMade>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    Ok(Json(work::decide(&state, &who, &reference, &v).await?))
}

#[utoipa::path(
    post,
    path = "/api/review/requests/{reference}/reverse",
    operation_id = "review_reverse",
    tag = "review",
    summary = "Reverse a decision (supervisor; the note is required)",
    params(("reference" = String, Path, description = "The request's reference number, `PER-XXXX-XXXX`")),
    request_body = ReverseForm,
    security(("review_session" = [])),
    responses(
        (status = 200, description = "OK", body = DecisionMade),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
        (status = 403, description = "The role does not allow this (`forbidden_role`), or a cross-site request", body = ApiError),
        (status = 404, description = "No such request or image", body = ApiError),
        (status = 409, description = "Assigned to another, not assigned, or the status does not allow this", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
    )
)]
pub(crate) async fn reverse(
    State(state): State<AppState>,
    OfficialSession(who): OfficialSession,
    ApiPath(reference): ApiPath<String>,
    ApiJson(body): ApiJson<ReverseForm>,
) -> AppResult<Json<DecisionMade>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    Ok(Json(work::reverse(&state, &who, &reference, &v).await?))
}

/// `GET /api/review/export/approved.csv?zone=N` (administrators).
#[utoipa::path(
    get,
    path = "/api/review/export/approved.csv",
    operation_id = "review_export",
    tag = "review",
    summary = "The approved voters of one zone, as CSV (administrator)",
    params(ExportQuery),
    security(("review_session" = [])),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv", body = String, headers(("content-disposition" = String, description = "attachment; filename=approved-zone-N.csv"))),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "No official session, or it ended (`unauthorized`, `signed_out`)", body = ApiError),
        (status = 403, description = "The role does not allow this (`forbidden_role`)", body = ApiError),
    )
)]
pub(crate) async fn export_csv(
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
#[utoipa::path(
    get,
    path = "/api/statistics",
    operation_id = "statistics",
    tag = "statistics",
    summary = "Public counts by zone and country (cacheable for a minute)",
    responses(
        (status = 200, description = "OK", body = per_domain::api::review::Statistics),
    )
)]
pub async fn public_statistics(State(state): State<AppState>) -> AppResult<Response> {
    let s = statistics::statistics(&state).await?;
    Ok(([(CACHE_CONTROL, "public, max-age=60")], Json(s)).into_response())
}
