//! The one error type of the handlers, mapped to HTTP once: a 4xx says what to fix, a 500 says
//! nothing internal and logs the cause chain.

use crate::service::draft::DraftError;
use crate::service::face::FaceError;
use crate::service::password::PasswordError;
use crate::service::request::RequestError;
use crate::service::review::ReviewError;
use crate::service::session::SessionError;
use crate::service::signup::SignupError;
use crate::service::upload::UploadError;
use crate::store::StoreError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use per_domain::api::{ApiError, ErrorKind};
use per_domain::{Field, FieldProblem, Problem};

/// A few seconds: the queue of password checks drains in about half a second.
const ARGON2_RETRY_SECONDS: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("invalid input")]
    Invalid(Vec<FieldProblem>),
    #[error("the request body is not valid JSON for this endpoint")]
    BadJson(Vec<FieldProblem>),
    #[error("wrong code")]
    CodeWrong { attempts_left: u32 },
    #[error("code expired or used up")]
    CodeExpired,
    #[error("too many requests")]
    TooMany { retry_after_seconds: u32 },
    #[error("two uploads of the account are in flight")]
    UploadInProgress { retry_after_seconds: u32 },
    #[error("no SMS can be sent now")]
    SmsLater { retry_after_seconds: u32 },
    #[error("not signed in")]
    Unauthorized,
    #[error("wrong login or password")]
    BadCredentials,
    #[error("already registered")]
    AlreadyRegistered,
    #[error("a step is missing: {0}")]
    StepMissing(&'static str),
    #[error("a request is already open")]
    RequestExists,
    #[error("the idempotency key was used for another submission")]
    KeyReused,
    #[error("registration is not open")]
    WindowClosed,
    #[error("the request is not active")]
    RequestNotActive,
    #[error("the upload is larger than allowed")]
    UploadTooLarge,
    #[error("not found")]
    NotFound,
    #[error("the request body is too large")]
    TooLarge,
    #[error("a cross-site request")]
    CrossSite,
    #[error("the face check refused the burst")]
    FaceRefused {
        reason: &'static str,
        attempts_left: u32,
    },
    #[error("busy")]
    Busy { retry_after_seconds: u32 },
    #[error("sign-in failed")]
    SignInFailed,
    #[error("the official's session ended")]
    SignedOut,
    #[error("the official's role does not allow this")]
    ForbiddenRole,
    #[error("another official holds the assignment")]
    AssignedToOther,
    #[error("the official does not hold the assignment")]
    NotAssigned,
    #[error("the request's status does not allow this")]
    WrongStatus,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<ReviewError> for AppError {
    fn from(e: ReviewError) -> Self {
        match e {
            ReviewError::SignInFailed => AppError::SignInFailed,
            ReviewError::Locked {
                retry_after_seconds,
            } => AppError::TooMany {
                retry_after_seconds,
            },
            ReviewError::SignedOut => AppError::SignedOut,
            ReviewError::ForbiddenRole => AppError::ForbiddenRole,
            ReviewError::AssignedToOther => AppError::AssignedToOther,
            ReviewError::NotAssigned => AppError::NotAssigned,
            ReviewError::WrongStatus => AppError::WrongStatus,
            ReviewError::NotFound => AppError::NotFound,
            ReviewError::Invalid(fields) => AppError::Invalid(fields),
            ReviewError::Busy => AppError::Busy {
                retry_after_seconds: ARGON2_RETRY_SECONDS,
            },
            ReviewError::Store(e) => e.into(),
            ReviewError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Internal(anyhow::Error::new(e).context("store"))
    }
}

impl From<SignupError> for AppError {
    fn from(e: SignupError) -> Self {
        match e {
            SignupError::NoSignup => AppError::Unauthorized,
            SignupError::CodeWrong { attempts_left } => AppError::CodeWrong { attempts_left },
            SignupError::CodeExpired => AppError::CodeExpired,
            SignupError::TooMany {
                retry_after_seconds,
            } => AppError::TooMany {
                retry_after_seconds,
            },
            SignupError::SmsLater {
                retry_after_seconds,
            } => AppError::SmsLater {
                retry_after_seconds,
            },
            SignupError::NotVerified => AppError::StepMissing("both codes must be verified"),
            SignupError::AlreadyRegistered => AppError::AlreadyRegistered,
            SignupError::Busy => AppError::Busy {
                retry_after_seconds: ARGON2_RETRY_SECONDS,
            },
            SignupError::WeakPassword(p) => {
                AppError::Invalid(vec![FieldProblem::new(per_domain::Field::Password, p)])
            }
            SignupError::Phone(p) => AppError::Invalid(vec![FieldProblem::new(Field::Phone, p)]),
            SignupError::Store(e) => e.into(),
            SignupError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<PasswordError> for AppError {
    fn from(e: PasswordError) -> Self {
        match e {
            PasswordError::Weak(p) => {
                AppError::Invalid(vec![FieldProblem::new(Field::Password, p)])
            }
            PasswordError::CodeWrong { attempts_left } => AppError::CodeWrong { attempts_left },
            PasswordError::Expired => AppError::CodeExpired,
            PasswordError::Session(e) => e.into(),
            PasswordError::Store(e) => e.into(),
        }
    }
}

impl From<SessionError> for AppError {
    fn from(e: SessionError) -> Self {
        match e {
            SessionError::BadCredentials => AppError::BadCredentials,
            SessionError::Locked {
                retry_after_seconds,
            } => AppError::TooMany {
                retry_after_seconds,
            },
            SessionError::NoSession => AppError::Unauthorized,
            SessionError::Busy => AppError::Busy {
                retry_after_seconds: ARGON2_RETRY_SECONDS,
            },
            SessionError::Store(e) => e.into(),
            SessionError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<RequestError> for AppError {
    fn from(e: RequestError) -> Self {
        match e {
            RequestError::NoFace => AppError::StepMissing("the live face capture"),
            RequestError::RequestExists => AppError::RequestExists,
            RequestError::KeyReused => AppError::KeyReused,
            RequestError::WindowClosed => AppError::WindowClosed,
            RequestError::NotActive => AppError::RequestNotActive,
            RequestError::Invalid(fields) => AppError::Invalid(fields),
            RequestError::NoRequest => AppError::NotFound,
            RequestError::NoFreeReference => AppError::Internal(anyhow::Error::new(e)),
            RequestError::Store(e) => e.into(),
            RequestError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<DraftError> for AppError {
    fn from(e: DraftError) -> Self {
        match e {
            DraftError::Store(e) => e.into(),
            DraftError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<UploadError> for AppError {
    fn from(e: UploadError) -> Self {
        match e {
            UploadError::Refused(Problem::UploadTooLarge) => AppError::UploadTooLarge,
            UploadError::Refused(p) => AppError::Invalid(vec![FieldProblem::new(Field::Upload, p)]),
            UploadError::Store(e) => e.into(),
            UploadError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<FaceError> for AppError {
    fn from(e: FaceError) -> Self {
        match e {
            FaceError::NoChallenge => AppError::StepMissing("a fresh camera challenge"),
            FaceError::BadChallenge => AppError::Invalid(vec![FieldProblem::new(
                per_domain::Field::Signature,
                per_domain::Problem::ChallengeInvalid,
            )]),
            FaceError::Refused {
                reason,
                attempts_left,
            } => AppError::FaceRefused {
                reason,
                attempts_left,
            },
            FaceError::Busy => AppError::Busy {
                retry_after_seconds: crate::service::face::BUSY_RETRY_SECONDS,
            },
            FaceError::Unavailable => {
                tracing::warn!("face check asked for, but no face models are loaded");
                AppError::Busy {
                    retry_after_seconds: 60,
                }
            }
            FaceError::Store(e) => e.into(),
            FaceError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl AppError {
    fn parts(&self) -> (StatusCode, ErrorKind, String) {
        use AppError::*;
        let (status, kind, message) = match self {
            Invalid(_) => (
                StatusCode::BAD_REQUEST,
                ErrorKind::InvalidInput,
                "some answers need to be corrected",
            ),
            BadJson(_) => (
                StatusCode::BAD_REQUEST,
                ErrorKind::InvalidInput,
                "the request body is not valid JSON for this endpoint",
            ),
            CodeWrong { .. } => (
                StatusCode::BAD_REQUEST,
                ErrorKind::CodeWrong,
                "the code is not correct",
            ),
            CodeExpired => (
                StatusCode::GONE,
                ErrorKind::CodeExpired,
                "the code has expired or was used too many times: ask for a new one",
            ),
            TooMany { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorKind::TooManyRequests,
                "too many attempts: wait and try again",
            ),
            UploadInProgress { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorKind::TooManyRequests,
                "two of your uploads are still being checked: wait for them, then try again",
            ),
            SmsLater { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorKind::TooManyRequests,
                "no SMS can be sent now: confirm the e-mail address first and ask for the SMS code again later",
            ),
            CrossSite => (
                StatusCode::FORBIDDEN,
                ErrorKind::Forbidden,
                "this request must come from the service's own pages",
            ),
            Unauthorized => (
                StatusCode::UNAUTHORIZED,
                ErrorKind::Unauthorized,
                "sign in to continue",
            ),
            BadCredentials => (
                StatusCode::UNAUTHORIZED,
                ErrorKind::BadCredentials,
                "the login or the password is not correct",
            ),
            AlreadyRegistered => (
                StatusCode::CONFLICT,
                ErrorKind::AlreadyRegistered,
                "this phone number or e-mail address already has an account: sign in instead",
            ),
            StepMissing(_) => (
                StatusCode::CONFLICT,
                ErrorKind::StepMissing,
                "a previous step is not complete",
            ),
            RequestExists => (
                StatusCode::CONFLICT,
                ErrorKind::RequestExists,
                "you already have a registration request in progress",
            ),
            KeyReused => (
                StatusCode::CONFLICT,
                ErrorKind::IdempotencyKeyReused,
                "this submission key was already used for different answers: reload and submit again",
            ),
            WindowClosed => (
                StatusCode::FORBIDDEN,
                ErrorKind::WindowClosed,
                "registration is not open now: see GET /api/window for its dates",
            ),
            RequestNotActive => (
                StatusCode::CONFLICT,
                ErrorKind::RequestNotActive,
                "the request is already rejected or withdrawn",
            ),
            UploadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorKind::InvalidInput,
                "the file is larger than 5 MB",
            ),
            NotFound => (StatusCode::NOT_FOUND, ErrorKind::NotFound, "not found"),
            TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorKind::InvalidInput,
                "the request body is too large",
            ),
            FaceRefused { .. } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorKind::FaceRefused,
                "the camera check did not pass: see reason",
            ),
            Busy { .. } => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorKind::Busy,
                "the service is busy: try again shortly",
            ),
            SignInFailed => (
                StatusCode::UNAUTHORIZED,
                ErrorKind::SignInFailed,
                "the login, the password or the code is not correct",
            ),
            SignedOut => (
                StatusCode::UNAUTHORIZED,
                ErrorKind::SignedOut,
                "the session ended: sign in again",
            ),
            ForbiddenRole => (
                StatusCode::FORBIDDEN,
                ErrorKind::ForbiddenRole,
                "your role does not allow this",
            ),
            AssignedToOther => (
                StatusCode::CONFLICT,
                ErrorKind::AssignedToOther,
                "another official is reviewing this request",
            ),
            NotAssigned => (
                StatusCode::CONFLICT,
                ErrorKind::NotAssigned,
                "take the request's assignment first",
            ),
            WrongStatus => (
                StatusCode::CONFLICT,
                ErrorKind::WrongStatus,
                "the request's status does not allow this",
            ),
            Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorKind::Internal,
                "something went wrong on our side; your answers are kept, try again later",
            ),
        };
        (status, kind, message.to_owned())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, kind, message) = self.parts();
        if let AppError::Internal(cause) = &self {
            tracing::error!(error = format!("{cause:#}"), "internal error");
        }
        let mut body = ApiError {
            error: kind,
            message,
            fields: Vec::new(),
            attempts_left: None,
            retry_after_seconds: None,
            reason: None,
        };
        match self {
            AppError::Invalid(fields) | AppError::BadJson(fields) => {
                body.fields = fields.into_iter().map(FieldProblem::with_message).collect();
            }
            AppError::UploadTooLarge => {
                body.fields =
                    vec![FieldProblem::new(Field::Upload, Problem::UploadTooLarge).with_message()];
            }
            AppError::CodeWrong { attempts_left } => body.attempts_left = Some(attempts_left),
            AppError::TooMany {
                retry_after_seconds,
            }
            | AppError::Busy {
                retry_after_seconds,
            } => body.retry_after_seconds = Some(retry_after_seconds),
            AppError::SmsLater {
                retry_after_seconds,
            } => {
                body.retry_after_seconds = Some(retry_after_seconds);
                body.reason = Some(per_domain::api::REASON_SMS_LATER.to_owned());
            }
            AppError::UploadInProgress {
                retry_after_seconds,
            } => {
                body.retry_after_seconds = Some(retry_after_seconds);
                body.reason = Some(per_domain::api::REASON_UPLOAD_IN_PROGRESS.to_owned());
            }
            AppError::FaceRefused {
                reason,
                attempts_left,
            } => {
                body.reason = Some(reason.to_owned());
                body.attempts_left = Some(attempts_left);
            }
            _ => {}
        }
        let retry = body.retry_after_seconds;
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry {
            if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;
