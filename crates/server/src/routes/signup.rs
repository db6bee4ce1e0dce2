//! `POST /api/signup`, `/signup/verify`, `/signup/resend`, `/signup/complete`: extract, call
//! the sign-up service, answer.

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ClientIp};
use crate::routes::session::cookie_header;
use crate::service::session::me;
use crate::service::signup::{self, CODE_TTL_SECONDS, RESEND_AFTER_SECONDS};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use per_domain::api::ApiError;
use per_domain::api::{
    CompleteSignup, ResendCode, SignupProgress, SignupStart, SignupStarted, VerifyCode,
};
use per_domain::{Field, FieldProblem};

#[utoipa::path(
    post,
    path = "/api/signup",
    operation_id = "signup_start",
    tag = "signup",
    summary = "Start a sign-up; codes go to both contacts",
    request_body = SignupStart,
    responses(
        (status = 201, description = "Started", body = SignupStarted),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 409, description = "The state does not allow this (`error` says why)", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Too many attempts: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn start(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<SignupStart>,
) -> AppResult<(StatusCode, Json<SignupStarted>)> {
    let v = body.parse().map_err(AppError::Invalid)?;
    let started = signup::start(&state, &v, signup::Origin(ip)).await?;
    Ok((
        StatusCode::CREATED,
        Json(SignupStarted {
            signup_id: started.token.expose().to_owned(),
            phone_masked: v.phone.masked(),
            email_masked: v.email.masked(),
            code_ttl_seconds: CODE_TTL_SECONDS as u32,
            resend_after_seconds: RESEND_AFTER_SECONDS as u32,
            sms_later: started.sms_later,
        }),
    ))
}

#[utoipa::path(
    post,
    path = "/api/signup/verify",
    operation_id = "signup_verify",
    tag = "signup",
    summary = "Verify one code",
    request_body = VerifyCode,
    responses(
        (status = 200, description = "OK", body = SignupProgress),
        (status = 400, description = "Invalid input, or the code is wrong (`code_wrong`, `attempts_left`)", body = ApiError),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 410, description = "The code expired or was used up", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Too many attempts: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn verify(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<VerifyCode>,
) -> AppResult<Json<SignupProgress>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    Ok(Json(
        signup::verify(&state, &v.signup_id, v.channel, &v.code).await?,
    ))
}

#[utoipa::path(
    post,
    path = "/api/signup/resend",
    operation_id = "signup_resend",
    tag = "signup",
    summary = "A new code for one channel",
    request_body = ResendCode,
    responses(
        (status = 204, description = "Sent"),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 410, description = "The code expired or was used up", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Too many attempts: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn resend(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ResendCode>,
) -> AppResult<StatusCode> {
    let (token, channel) = body.parse().map_err(AppError::Invalid)?;
    signup::resend(&state, &token, channel).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post,
    path = "/api/signup/complete",
    operation_id = "signup_complete",
    tag = "signup",
    summary = "Choose the password: the account exists; sets the session cookie",
    request_body = CompleteSignup,
    responses(
        (status = 201, description = "Account created, signed in", body = per_domain::api::Me, headers(("set-cookie" = String, description = "The voter session cookie"))),
        (status = 400, description = "Invalid input: `fields` names each problem (the validation problems)", body = ApiError),
        (status = 401, description = "Not signed in (no valid session cookie)", body = ApiError),
        (status = 403, description = "A cross-site request: `Origin`/`Sec-Fetch-Site` not this service's", body = ApiError),
        (status = 409, description = "The state does not allow this (`error` says why)", body = ApiError),
        (status = 410, description = "The code expired or was used up", body = ApiError),
        (status = 413, description = "The request body is over the limit", body = ApiError),
        (status = 429, description = "Too many attempts: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
        (status = 503, description = "Busy: `retry_after_seconds` (also `Retry-After`)", body = ApiError),
    )
)]
pub async fn complete(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CompleteSignup>,
) -> AppResult<Response> {
    let v = body.parse().map_err(AppError::Invalid)?;
    v.password
        .check_not_common()
        .map_err(|p| AppError::Invalid(vec![FieldProblem::new(Field::Password, p)]))?;
    let (account, session) = signup::complete(&state, &v.signup_id, v.password).await?;
    let cookie = cookie_header(
        &state,
        session.expose(),
        crate::service::session::session_seconds(&state),
    );
    let me = me(&state, account).await?;
    Ok((StatusCode::CREATED, [cookie], Json(me)).into_response())
}
