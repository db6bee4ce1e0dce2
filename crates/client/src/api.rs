//! The calls to the PER server (`/api/...`, same origin, the session cookie goes by itself),
//! each returning the shared domain type or an [`ApiFailure`].
//!
//! Decoding (`decode`) is plain Rust, tested natively; only `call` touches the network.
//! Whenever the server answers 401 because the session or sign-up is gone (not for a
//! mistyped password), `call` runs the hook the entry set with [`on_signed_out`] (it forgets
//! the personal drafts this browser holds; see [`forgets_drafts`]).

use gloo_net::http::{Request, RequestBuilder};
use per_domain::api::{
    ApiError, ChangePassword, CompleteReset, CompleteSignup, ErrorKind, FaceAccepted, FaceCapture,
    FaceChallenge, Me, RequestDraft, RequestView, ResendCode, ResetStarted, SessionClock, SignIn,
    SignupProgress, SignupStart, SignupStarted, StartReset, SubmitRequest, VerifyCode, WindowView,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::Cell;

/// Why a call did not give what was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// No answer at all: offline, DNS, server down. Nothing the voter typed is lost.
    Network,
    /// The server answered with its error body.
    Api { status: u16, error: ApiErrorBody },
    /// The server answered something we cannot read (a proxy page, a bug).
    Unexpected { status: u16 },
}

/// [`ApiError`] with the comparisons tests need.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiErrorBody {
    pub kind: ErrorKind,
    pub fields: Vec<per_domain::FieldProblem>,
    pub attempts_left: Option<u32>,
    pub retry_after_seconds: Option<u32>,
    /// A refused face check's reason code.
    pub reason: Option<String>,
}

impl From<ApiError> for ApiErrorBody {
    fn from(e: ApiError) -> Self {
        ApiErrorBody {
            kind: e.error,
            fields: e.fields,
            attempts_left: e.attempts_left,
            retry_after_seconds: e.retry_after_seconds,
            reason: e.reason,
        }
    }
}

impl ApiFailure {
    /// The server's word for what went wrong, if it said one.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            ApiFailure::Api { error, .. } => Some(error.kind),
            _ => None,
        }
    }

    /// Seconds to wait before trying again, when the server said so.
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            ApiFailure::Api { error, .. } => error.retry_after_seconds,
            _ => None,
        }
    }
}

/// Turns a status and body into the expected value or a failure.
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiFailure> {
    if (200..300).contains(&status) {
        serde_json::from_str(body).map_err(|_| ApiFailure::Unexpected { status })
    } else {
        Err(decode_error(status, body))
    }
}

/// For answers without a body (204).
pub fn decode_empty(status: u16, body: &str) -> Result<(), ApiFailure> {
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(decode_error(status, body))
    }
}

fn decode_error(status: u16, body: &str) -> ApiFailure {
    match serde_json::from_str::<ApiError>(body) {
        Ok(error) => ApiFailure::Api {
            status,
            error: error.into(),
        },
        Err(_) => ApiFailure::Unexpected { status },
    }
}

/// Whether an answer makes the app forget the personal drafts: a 401 means whoever typed
/// them is no longer known to the server (a shared device, an expired session), except a
/// wrong password at sign-in, which must not cost a sign-up in progress in the same tab.
pub fn forgets_drafts(status: u16, body: &str) -> bool {
    status == 401
        && serde_json::from_str::<ApiError>(body)
            .map_or(true, |e| e.error != ErrorKind::BadCredentials)
}

/// What to do when the server says the voter is no longer known ([`forgets_drafts`]); set
/// once by the entry at start-up ([`on_signed_out`]), so that this module calls nothing above it.
static SIGNED_OUT: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Sets what happens when an answer means "signed out" (the entry forgets the drafts).
pub fn on_signed_out(f: fn()) {
    let _ = SIGNED_OUT.set(f);
}

async fn call(
    builder: RequestBuilder,
    body: Option<&impl Serialize>,
) -> Result<(u16, String), ApiFailure> {
    let builder = builder.header("Accept", "application/json");
    let request = match body {
        Some(b) => builder
            .json(b)
            .map_err(|_| ApiFailure::Unexpected { status: 0 })?,
        None => builder
            .build()
            .map_err(|_| ApiFailure::Unexpected { status: 0 })?,
    };
    let response = request.send().await.map_err(|_| ApiFailure::Network)?;
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiFailure::Network)?;
    answered(status, &text);
    Ok((status, text))
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiFailure> {
    let (status, text) = call(Request::post(path), Some(body)).await?;
    decode(status, &text)
}

const NO_BODY: Option<&()> = None;

/// `POST /api/signup`.
pub async fn signup(body: &SignupStart) -> Result<SignupStarted, ApiFailure> {
    post("/api/signup", body).await
}

/// `POST /api/signup/verify`.
pub async fn verify(body: &VerifyCode) -> Result<SignupProgress, ApiFailure> {
    post("/api/signup/verify", body).await
}

/// `POST /api/signup/resend` (204).
pub async fn resend(body: &ResendCode) -> Result<(), ApiFailure> {
    let (status, text) = call(Request::post("/api/signup/resend"), Some(body)).await?;
    decode_empty(status, &text)
}

/// `POST /api/signup/complete`: the answer sets the session cookie.
pub async fn complete(body: &CompleteSignup) -> Result<Me, ApiFailure> {
    post("/api/signup/complete", body).await
}

/// `GET` of one of the app's own files (a language file, a data set): its text, when the
/// server has it. Not an API call: no error body to read, no session to forget (so an entry
/// that only fetches files carries no API decoding).
pub async fn file(path: &str) -> Option<String> {
    let response = Request::get(path).send().await.ok()?;
    if response.status() != 200 {
        return None;
    }
    response.text().await.ok()
}

/// An empty JSON object, `{}`, without `serde_json::Value` in the bundle.
#[derive(Serialize)]
struct EmptyObject {}

/// `POST /api/face/challenge`.
pub async fn face_challenge() -> Result<FaceChallenge, ApiFailure> {
    post("/api/face/challenge", &EmptyObject {}).await
}

/// `POST /api/face`.
pub async fn face(body: &FaceCapture) -> Result<FaceAccepted, ApiFailure> {
    post("/api/face", body).await
}

/// `POST /api/face/assisted` (204): the voter takes the assisted route.
pub async fn face_assisted(body: &per_domain::api::FaceAssisted) -> Result<(), ApiFailure> {
    let (status, text) = call(Request::post("/api/face/assisted"), Some(body)).await?;
    decode_empty(status, &text)
}

/// `POST /api/request` (201, or 200 when the idempotency key was seen before).
pub async fn submit(body: &SubmitRequest) -> Result<RequestView, ApiFailure> {
    post("/api/request", body).await
}

/// `GET /api/request`: `None` when the voter has no request yet (404).
pub async fn my_request() -> Result<Option<RequestView>, ApiFailure> {
    let (status, text) = call(Request::get("/api/request"), NO_BODY).await?;
    match decode(status, &text) {
        Ok(view) => Ok(Some(view)),
        Err(f) if is_not_found(&f) => Ok(None),
        Err(f) => Err(f),
    }
}

fn is_not_found(f: &ApiFailure) -> bool {
    match f {
        ApiFailure::Api { status, error } => *status == 404 || error.kind == ErrorKind::NotFound,
        ApiFailure::Unexpected { status } => *status == 404,
        ApiFailure::Network => false,
    }
}

thread_local! {
    /// When the server last answered a call with anything but 401 (ms since the epoch):
    /// each such call renewed the session's idle time (see `crate::idle`).
    static LAST_ANSWER_MS: Cell<f64> = const { Cell::new(0.0) };
}

/// When the server last answered a call other than with 401 (ms since the epoch; 0: never).
pub fn last_answer_ms() -> f64 {
    LAST_ANSWER_MS.with(Cell::get)
}

/// Runs the signed-out hook when an answer means so ([`forgets_drafts`]), for a call made
/// outside this module (an upload, which needs an `XMLHttpRequest` for its progress); notes
/// the time of any other answer ([`last_answer_ms`]).
pub fn answered(status: u16, body: &str) {
    if status != 401 {
        LAST_ANSWER_MS.with(|c| c.set(js_sys::Date::now()));
    }
    if forgets_drafts(status, body) {
        if let Some(signed_out) = SIGNED_OUT.get() {
            signed_out();
        }
    }
}

/// `GET /api/draft`: the answered steps saved on the server; `None` when there is none.
pub async fn draft() -> Result<Option<RequestDraft>, ApiFailure> {
    let (status, text) = call(Request::get("/api/draft"), NO_BODY).await?;
    match decode(status, &text) {
        Ok(d) => Ok(Some(d)),
        Err(f) if is_not_found(&f) => Ok(None),
        Err(f) => Err(f),
    }
}

/// `PUT /api/draft`: saves the answered steps (any success answer will do).
pub async fn save_draft(body: &RequestDraft) -> Result<(), ApiFailure> {
    let (status, text) = call(Request::put("/api/draft"), Some(body)).await?;
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(decode_error(status, &text))
    }
}

/// `GET /api/window`: when registration opens and closes, and the server's clock.
pub async fn window() -> Result<WindowView, ApiFailure> {
    let (status, text) = call(Request::get("/api/window"), NO_BODY).await?;
    decode(status, &text)
}

/// `POST /api/request/withdraw`: the voter takes the request back.
pub async fn withdraw() -> Result<RequestView, ApiFailure> {
    post("/api/request/withdraw", &EmptyObject {}).await
}

/// `GET /api/me`.
pub async fn me() -> Result<Me, ApiFailure> {
    let (status, text) = call(Request::get("/api/me"), NO_BODY).await?;
    decode(status, &text)
}

/// `POST /api/session`: sign in.
pub async fn sign_in(body: &SignIn) -> Result<Me, ApiFailure> {
    post("/api/session", body).await
}

/// `DELETE /api/session`: sign out (204).
pub async fn sign_out() -> Result<(), ApiFailure> {
    let (status, text) = call(Request::delete("/api/session"), NO_BODY).await?;
    decode_empty(status, &text)
}

/// `DELETE /api/sessions`: sign out everywhere, this browser too (204).
pub async fn sign_out_everywhere() -> Result<(), ApiFailure> {
    let (status, text) = call(Request::delete("/api/sessions"), NO_BODY).await?;
    decode_empty(status, &text)
}

/// `GET /api/session`: renews the session ("stay signed in"); its clock.
pub async fn session_clock() -> Result<SessionClock, ApiFailure> {
    let (status, text) = call(Request::get("/api/session"), NO_BODY).await?;
    decode(status, &text)
}

/// `POST /api/password` (204): the current password and the new one.
pub async fn change_password(body: &ChangePassword) -> Result<(), ApiFailure> {
    let (status, text) = call(Request::post("/api/password"), Some(body)).await?;
    decode_empty(status, &text)
}

/// `POST /api/password/reset` (202): codes to the account's phone and e-mail, if any.
pub async fn start_reset(body: &StartReset) -> Result<ResetStarted, ApiFailure> {
    post("/api/password/reset", body).await
}

/// `POST /api/password/reset/complete` (204): both codes and the new password.
pub async fn complete_reset(body: &CompleteReset) -> Result<(), ApiFailure> {
    let (status, text) = call(Request::post("/api/password/reset/complete"), Some(body)).await?;
    decode_empty(status, &text)
}

/// The method of a call made with [`exchange`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Delete,
}

/// A call to an API of another part of the server (the officials' console's
/// `/api/review/...`): `body` sent as JSON, the status and text of the answer returned
/// for the caller's own decoding ([`decode`], [`error_code`]).
pub async fn exchange<B: Serialize>(
    method: Method,
    path: &str,
    body: Option<&B>,
) -> Result<(u16, String), ApiFailure> {
    let builder = match method {
        Method::Get => Request::get(path),
        Method::Post => Request::post(path),
        Method::Delete => Request::delete(path),
    };
    call(builder, body).await
}

/// The `error` code of an error body (`{"error": "assigned_to_other", ...}`), as text, for
/// codes this crate's [`ErrorKind`] does not list.
pub fn error_code(body: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Code {
        error: String,
    }
    serde_json::from_str::<Code>(body).ok().map(|c| c.error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_domain::{Problem, RequestStatus};

    #[test]
    fn decodes_success() {
        let p: SignupProgress =
            decode(200, r#"{"phone_verified":true,"email_verified":false}"#).unwrap();
        assert!(p.phone_verified && !p.email_verified);
        let v: RequestView = decode(
            201,
            r#"{"reference":"PER-7K3M-Q9TX","status":"under_review","submitted_at":"2026-11-21T10:00:00Z","decided_at":null,"reasons":[]}"#,
        )
        .unwrap();
        assert_eq!(v.status, RequestStatus::UnderReview);
        assert_eq!(decode_empty(204, ""), Ok(()));
    }

    #[test]
    fn decodes_errors() {
        let f = decode::<SignupProgress>(
            400,
            r#"{"error":"code_wrong","message":"the code is wrong","attempts_left":3}"#,
        )
        .unwrap_err();
        assert_eq!(f.kind(), Some(ErrorKind::CodeWrong));
        let ApiFailure::Api { error, .. } = &f else {
            panic!("{f:?}")
        };
        assert_eq!(error.attempts_left, Some(3));

        let f = decode_empty(
            429,
            r#"{"error":"too_many_requests","message":"wait","retry_after_seconds":42}"#,
        )
        .unwrap_err();
        assert_eq!(f.retry_after(), Some(42));

        let f = decode::<Me>(
            400,
            r#"{"error":"invalid_input","message":"x","fields":[{"field":"surname","code":"required","message":"this field is required"}]}"#,
        )
        .unwrap_err();
        let ApiFailure::Api { error, .. } = f else {
            panic!()
        };
        assert_eq!(error.fields[0].code, Problem::Required);
    }

    #[test]
    fn unreadable_answers_are_unexpected() {
        for (status, body, why) in [
            (502, "<html>Bad gateway</html>", "a proxy page"),
            (200, "{", "broken JSON on success"),
            (500, "", "an empty error"),
        ] {
            assert_eq!(
                decode::<SignupProgress>(status, body).unwrap_err(),
                ApiFailure::Unexpected { status },
                "{why}"
            );
        }
    }

    #[test]
    fn only_a_lost_session_forgets_the_drafts() {
        let gone = r#"{"error":"unauthorized","message":"sign in"}"#;
        assert!(forgets_drafts(401, gone));
        assert!(
            forgets_drafts(401, "not json"),
            "an unreadable 401 is taken as gone"
        );
        let mistyped = r#"{"error":"bad_credentials","message":"wrong"}"#;
        assert!(
            !forgets_drafts(401, mistyped),
            "a wrong password keeps the drafts"
        );
        for status in [200, 201, 204, 400, 403, 404, 409, 410, 429, 500] {
            assert!(!forgets_drafts(status, gone), "{status}");
        }
    }

    #[test]
    fn not_found_means_no_request() {
        let f =
            decode::<RequestView>(404, r#"{"error":"not_found","message":"none"}"#).unwrap_err();
        assert!(is_not_found(&f));
        assert!(!is_not_found(&ApiFailure::Network));
    }

    #[test]
    fn any_error_code_is_read_as_text() {
        let body = r#"{"error":"assigned_to_other","message":"x"}"#;
        assert_eq!(error_code(body).as_deref(), Some("assigned_to_other"));
        assert_eq!(error_code("<html>"), None);
    }

    #[test]
    fn the_face_challenge_posts_an_empty_object() {
        assert_eq!(serde_json::to_string(&EmptyObject {}).unwrap(), "{}");
    }
}
