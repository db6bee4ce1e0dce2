//! The console's calls to `/api/review/...`, and what an error answer means for the
//! official ([`Failure`]): one clear message per case, never which part of a sign-in was
//! wrong.

use crate::texts::RKey;
use crate::wire::{
    DecisionForm, OfficialSignIn, OfficialView, QueuePage, QueueQuery, RequestDetail, ReverseForm,
};
use per_client::api::{self, decode, exchange, ApiFailure, Method};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Why a call failed, as the console tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    SignInFailed,
    SignedOut,
    AssignedToOther,
    NotAssigned,
    ForbiddenRole,
    WrongStatus,
    NotFound,
    TooMany,
    Invalid,
    Network,
    Other,
}

impl Failure {
    /// From an answer's status and error code.
    pub fn of(status: u16, code: Option<&str>) -> Failure {
        match (status, code) {
            (_, Some("sign_in_failed" | "bad_credentials")) => Failure::SignInFailed,
            (_, Some("assigned_to_other")) => Failure::AssignedToOther,
            (_, Some("not_assigned")) => Failure::NotAssigned,
            (_, Some("forbidden_role")) => Failure::ForbiddenRole,
            (_, Some("wrong_status")) => Failure::WrongStatus,
            (_, Some("too_many_requests")) | (429, _) => Failure::TooMany,
            (_, Some("invalid_input")) | (400 | 422, _) => Failure::Invalid,
            (401, _) | (_, Some("signed_out" | "unauthorized")) => Failure::SignedOut,
            (404, _) | (_, Some("not_found")) => Failure::NotFound,
            (409, _) => Failure::AssignedToOther,
            _ => Failure::Other,
        }
    }

    /// The message shown.
    pub fn key(self) -> RKey {
        match self {
            Failure::SignInFailed => RKey::ErrSignInFailed,
            Failure::SignedOut => RKey::ErrSignedOut,
            Failure::AssignedToOther => RKey::ErrAssignedToOther,
            Failure::NotAssigned => RKey::ErrNotAssigned,
            Failure::ForbiddenRole => RKey::ErrForbiddenRole,
            Failure::WrongStatus => RKey::ErrWrongStatus,
            Failure::NotFound => RKey::ErrNotFound,
            Failure::TooMany => RKey::ErrTooMany,
            Failure::Invalid => RKey::ErrInvalid,
            Failure::Network => RKey::ErrNetwork,
            Failure::Other => RKey::ErrOther,
        }
    }
}

/// Called after every answer: the idle clock restarts (the server's restarts too).
static ON_ANSWER: std::sync::OnceLock<fn(u16)> = std::sync::OnceLock::new();

/// Sets what runs after each answer (the idle clock, a 401's sign-out).
pub fn on_answer(f: fn(u16)) {
    let _ = ON_ANSWER.set(f);
}

async fn send<B: Serialize>(
    method: Method,
    path: &str,
    body: Option<&B>,
) -> Result<String, Failure> {
    match exchange(method, path, body).await {
        Ok((status, text)) => {
            if let Some(f) = ON_ANSWER.get() {
                f(status);
            }
            if (200..300).contains(&status) {
                Ok(text)
            } else {
                Err(Failure::of(status, api::error_code(&text).as_deref()))
            }
        }
        Err(ApiFailure::Network) => Err(Failure::Network),
        Err(_) => Err(Failure::Other),
    }
}

fn read<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    decode(200, text).map_err(|_| Failure::Other)
}

const NONE: Option<&()> = None;

#[derive(Serialize)]
struct Empty {}

pub async fn sign_in(body: &OfficialSignIn) -> Result<OfficialView, Failure> {
    read(&send(Method::Post, "/api/review/sign-in", Some(body)).await?)
}

pub async fn sign_out() -> Result<(), Failure> {
    send(Method::Post, "/api/review/sign-out", Some(&Empty {}))
        .await
        .map(drop)
}

pub async fn me() -> Result<OfficialView, Failure> {
    read(&send(Method::Get, "/api/review/me", NONE).await?)
}

pub async fn queue(q: &QueueQuery) -> Result<QueuePage, Failure> {
    let path = ["/api/review/queue", &crate::wire::to_query(q)].concat();
    read(&send(Method::Get, &path, NONE).await?)
}

fn request_path(reference: &str, tail: &str) -> String {
    ["/api/review/requests/", reference, tail].concat()
}

pub async fn detail(reference: &str) -> Result<RequestDetail, Failure> {
    read(&send(Method::Get, &request_path(reference, ""), NONE).await?)
}

pub async fn assign(reference: &str) -> Result<(), Failure> {
    send(
        Method::Post,
        &request_path(reference, "/assign"),
        Some(&Empty {}),
    )
    .await
    .map(drop)
}

pub async fn release(reference: &str) -> Result<(), Failure> {
    send(Method::Delete, &request_path(reference, "/assign"), NONE)
        .await
        .map(drop)
}

pub async fn decide(reference: &str, form: &DecisionForm) -> Result<(), Failure> {
    send(
        Method::Post,
        &request_path(reference, "/decision"),
        Some(form),
    )
    .await
    .map(drop)
}

pub async fn reverse(reference: &str, form: &ReverseForm) -> Result<(), Failure> {
    send(
        Method::Post,
        &request_path(reference, "/reverse"),
        Some(form),
    )
    .await
    .map(drop)
}

/// The address of an image or PDF of a request.
pub fn image_url(id: &str) -> String {
    ["/api/review/images/", id].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_one_clear_message() {
        assert_eq!(
            Failure::of(401, Some("sign_in_failed")),
            Failure::SignInFailed
        );
        assert_eq!(Failure::of(401, Some("signed_out")), Failure::SignedOut);
        assert_eq!(Failure::of(401, None), Failure::SignedOut);
        assert_eq!(
            Failure::of(409, Some("assigned_to_other")),
            Failure::AssignedToOther
        );
        assert_eq!(Failure::of(409, Some("not_assigned")), Failure::NotAssigned);
        assert_eq!(
            Failure::of(403, Some("forbidden_role")),
            Failure::ForbiddenRole
        );
        assert_eq!(Failure::of(404, None), Failure::NotFound);
        assert_eq!(Failure::of(429, None), Failure::TooMany);
        assert_eq!(Failure::of(500, Some("internal")), Failure::Other);
    }
}
