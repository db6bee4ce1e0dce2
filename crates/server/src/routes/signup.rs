//! Creating an account: contacts, the two one-time codes, then the password.

use crate::crypto;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::notifier::texts;
use crate::routes::me_view;
use crate::routes::session::start_session;
use crate::state::AppState;
use crate::store::{CompleteOutcome, SignupRow};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use per_domain::api::{
    Channel, CompleteSignup, ResendCode, SignupProgress, SignupStart, SignupStarted, VerifyCode,
};
use per_domain::{FieldProblem, Language, SecretToken};

/// A code lives 10 minutes, allows 5 wrong tries, can be re-sent after 60 s, and a
/// destination gets at most 5 codes an hour.
pub const CODE_TTL_SECONDS: i64 = 600;
pub const MAX_CODE_ATTEMPTS: i64 = 5;
pub const RESEND_AFTER_SECONDS: i64 = 60;
pub const MAX_CODES_PER_HOUR: i64 = 5;
/// A sign-up not finished within two hours is void; the voter starts again.
pub const SIGNUP_TTL_SECONDS: i64 = 2 * 3600;

pub async fn start(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SignupStart>,
) -> AppResult<(StatusCode, Json<SignupStarted>)> {
    let v = body.parse().map_err(AppError::Invalid)?;
    let _issuing = state.code_issue.lock().await;
    let now = state.clock.now();
    // Refuse before creating anything if either destination had its codes for the hour.
    for destination in [v.phone.as_str(), v.email.as_str()] {
        hourly_allowance(&state, destination, now).await?;
    }
    let (token, hash) = crypto::new_token();
    let id = state
        .store
        .create_signup(
            &hash,
            v.phone.as_str(),
            v.email.as_str(),
            v.language.code(),
            now,
        )
        .await?;
    send_code(
        &state,
        id,
        Channel::Phone,
        v.phone.as_str(),
        v.language,
        now,
    )
    .await?;
    send_code(
        &state,
        id,
        Channel::Email,
        v.email.as_str(),
        v.language,
        now,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(SignupStarted {
            signup_id: token.expose().to_owned(),
            phone_masked: v.phone.masked(),
            email_masked: v.email.masked(),
            code_ttl_seconds: CODE_TTL_SECONDS as u32,
            resend_after_seconds: RESEND_AFTER_SECONDS as u32,
        }),
    ))
}

pub async fn verify(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<VerifyCode>,
) -> AppResult<Json<SignupProgress>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    let signup = open_signup(&state, &v.signup_id).await?;
    let already = match v.channel {
        Channel::Phone => signup.phone_verified,
        Channel::Email => signup.email_verified,
    };
    if already {
        return Ok(Json(progress(&signup)));
    }
    let channel = v.channel.code();
    let now = state.clock.now();
    let code = state
        .store
        .current_code(signup.id, channel)
        .await?
        .ok_or(AppError::CodeExpired)?;
    // The try is counted before the comparison: parallel guesses cannot exceed the limit.
    let attempts = state
        .store
        .reserve_code_attempt(code.id, MAX_CODE_ATTEMPTS, now)
        .await?
        .ok_or(AppError::CodeExpired)?;
    let id = signup.id.to_string();
    let parts: [&[u8]; 3] = [
        id.as_bytes(),
        channel.as_bytes(),
        v.code.expose().as_bytes(),
    ];
    if !state.keys.mac_matches(&parts, &code.code_hash) {
        let left = (MAX_CODE_ATTEMPTS - attempts).max(0);
        if left == 0 {
            state.store.spend_code(code.id).await?;
        }
        return Err(AppError::CodeWrong {
            attempts_left: left as u32,
        });
    }
    if !state
        .store
        .accept_code(signup.id, code.id, v.channel)
        .await?
    {
        return Err(AppError::CodeExpired);
    }
    let signup = open_signup(&state, &v.signup_id).await?;
    Ok(Json(progress(&signup)))
}

pub async fn resend(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ResendCode>,
) -> AppResult<StatusCode> {
    let (token, channel) = body.parse().map_err(AppError::Invalid)?;
    let signup = open_signup(&state, &token).await?;
    let _issuing = state.code_issue.lock().await;
    let now = state.clock.now();
    if let Some(last) = state
        .store
        .last_code_sent_at(signup.id, channel.code())
        .await?
    {
        let wait = last + RESEND_AFTER_SECONDS - now;
        if wait > 0 {
            return Err(AppError::TooMany {
                retry_after_seconds: wait as u32,
            });
        }
    }
    let destination = match channel {
        Channel::Phone => &signup.phone,
        Channel::Email => &signup.email,
    };
    hourly_allowance(&state, destination, now).await?;
    let language = Language::parse(&signup.language).unwrap_or_default();
    send_code(&state, signup.id, channel, destination, language, now).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn complete(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CompleteSignup>,
) -> AppResult<Response> {
    let v = body.parse().map_err(AppError::Invalid)?;
    v.password
        .check_not_common()
        .map_err(|p| AppError::Invalid(vec![FieldProblem::new("password", p)]))?;
    let signup = open_signup(&state, &v.signup_id).await?;
    if !(signup.phone_verified && signup.email_verified) {
        return Err(AppError::StepMissing("both codes must be verified"));
    }
    let password = v.password;
    let password_hash = state
        .argon2(move |keys| keys.hash_password(password.expose()))
        .await?;
    let now = state.clock.now();
    let account_id = match state
        .store
        .complete_signup(&signup, &password_hash, now)
        .await?
    {
        CompleteOutcome::Created(id) => id,
        CompleteOutcome::AlreadyCompleted => return Err(AppError::Unauthorized),
        CompleteOutcome::ContactTaken => return Err(AppError::AlreadyRegistered),
    };
    let cookie = start_session(&state, account_id).await?;
    let me = me_view(&state, account_id).await?;
    Ok((StatusCode::CREATED, [cookie], Json(me)).into_response())
}

/// The sign-up behind a token, if it is still open (not yet an account).
async fn open_signup(state: &AppState, token: &SecretToken) -> AppResult<SignupRow> {
    let signup = state
        .store
        .signup_by_token(&crypto::token_hash(token))
        .await?
        .ok_or(AppError::Unauthorized)?;
    if signup.completed || signup.created_at + SIGNUP_TTL_SECONDS <= state.clock.now() {
        return Err(AppError::Unauthorized);
    }
    Ok(signup)
}

fn progress(signup: &SignupRow) -> SignupProgress {
    SignupProgress {
        phone_verified: signup.phone_verified,
        email_verified: signup.email_verified,
    }
}

async fn hourly_allowance(state: &AppState, destination: &str, now: i64) -> AppResult<()> {
    let (sent, oldest) = state
        .store
        .codes_sent_since(destination, now - 3600)
        .await?;
    if sent >= MAX_CODES_PER_HOUR {
        let wait = oldest.map_or(3600, |t| t + 3600 - now).max(1);
        return Err(AppError::TooMany {
            retry_after_seconds: wait as u32,
        });
    }
    Ok(())
}

async fn send_code(
    state: &AppState,
    signup_id: i64,
    channel: Channel,
    destination: &str,
    language: Language,
    now: i64,
) -> AppResult<()> {
    let code = crypto::new_code();
    let id = signup_id.to_string();
    let hash = state.keys.mac(&[
        id.as_bytes(),
        channel.code().as_bytes(),
        code.expose().as_bytes(),
    ]);
    state
        .store
        .insert_code(
            signup_id,
            channel.code(),
            destination,
            &hash,
            now,
            now + CODE_TTL_SECONDS,
        )
        .await?;
    let message = texts::code(language, channel, destination, &code);
    state
        .notifier
        .send(&message)
        .await
        .map_err(|e| AppError::Internal(e.into()))
}
