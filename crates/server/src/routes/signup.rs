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
use per_domain::api::{
    CompleteSignup, ResendCode, SignupProgress, SignupStart, SignupStarted, VerifyCode,
};
use per_domain::{Field, FieldProblem};

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

pub async fn verify(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<VerifyCode>,
) -> AppResult<Json<SignupProgress>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    Ok(Json(
        signup::verify(&state, &v.signup_id, v.channel, &v.code).await?,
    ))
}

pub async fn resend(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ResendCode>,
) -> AppResult<StatusCode> {
    let (token, channel) = body.parse().map_err(AppError::Invalid)?;
    signup::resend(&state, &token, channel).await?;
    Ok(StatusCode::NO_CONTENT)
}

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
