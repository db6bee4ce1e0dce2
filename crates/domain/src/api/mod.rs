//! The JSON API between the app and the server: what goes over the wire, and how each
//! request body is parsed into validated values (all field problems at once).
//!
//! Request bodies carry plain strings so that a bad field can be named; `parse` turns them
//! into domain values or into the list of [`FieldProblem`]s the server answers with (400)
//! and the app shows in its error summary. The registration request's bodies are in
//! [`request`] (re-exported here).

mod password;
mod request;
pub mod review;

pub use password::*;
pub use request::*;

use crate::contact::{Email, PhoneNumber};
use crate::field::Field;
use crate::language::Language;
use crate::problem::{FieldProblem, Problem, Problems};
use crate::secret::{OneTimeCode, Password, SecretToken};
use base64::Engine;
use serde::{Deserialize, Serialize};

/// `Debug` for types that carry personal data or secrets: the type's name and nothing else,
/// so a stray `{:?}` in a log line leaks nothing.
macro_rules! redacted_debug {
    ($t:ident) => {
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), " { .. }"))
            }
        }
    };
}

/// The result of parsing a request body.
pub type Parsed<T> = Result<T, Vec<FieldProblem>>;

fn finish<T>(problems: Problems, value: Option<T>) -> Parsed<T> {
    match value {
        Some(v) if problems.is_empty() => Ok(v),
        _ => Err(problems.into_vec()),
    }
}

/// Which of the two contact details a code was sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Phone,
    Email,
}

impl Channel {
    /// The field of the code sent on this channel.
    pub fn code_field(self) -> Field {
        match self {
            Channel::Phone => Field::PhoneCode,
            Channel::Email => Field::EmailCode,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Email => "email",
        }
    }
}

// ---------------------------------------------------------------- sign-up

/// `POST /api/signup`: start creating an account; codes go to both destinations.
#[derive(Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"phone": "+49 151 2345 6789", "email": "besa.krasniqi@example.de", "language": "sq"})))]
pub struct SignupStart {
    pub phone: String,
    pub email: String,
    pub language: String,
}

#[derive(Clone)]
pub struct ValidSignupStart {
    pub phone: PhoneNumber,
    pub email: Email,
    pub language: Language,
}

impl SignupStart {
    pub fn parse(&self) -> Parsed<ValidSignupStart> {
        let mut p = Problems::new();
        let phone = p.check(Field::Phone, PhoneNumber::parse(&self.phone));
        let email = p.check(Field::Email, Email::parse(&self.email));
        let language = p.check(Field::Language, Language::parse(&self.language));
        let v = (|| {
            Some(ValidSignupStart {
                phone: phone?,
                email: email?,
                language: language?,
            })
        })();
        finish(p, v)
    }
}

/// Answer to `POST /api/signup`. `signup_id` is a secret: whoever holds it may verify the codes.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignupStarted {
    pub signup_id: String,
    pub phone_masked: String,
    pub email_masked: String,
    pub code_ttl_seconds: u32,
    pub resend_after_seconds: u32,
    /// No SMS could be sent now (the service's SMS budget is spent): only the e-mail code
    /// went out; the phone code is asked for again later (`retry_after_seconds` of the
    /// resend's `sms_later` answer says when).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sms_later: bool,
}

/// `POST /api/signup/verify`: one code for one channel.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"signup_id": "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", "channel": "phone", "code": "123456"})))]
pub struct VerifyCode {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{43}$"))]
    pub signup_id: String,
    pub channel: Channel,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{6}$"))]
    pub code: String,
}

#[derive(Clone)]
pub struct ValidVerifyCode {
    pub signup_id: SecretToken,
    pub channel: Channel,
    pub code: OneTimeCode,
}

impl VerifyCode {
    pub fn parse(&self) -> Parsed<ValidVerifyCode> {
        let mut p = Problems::new();
        let signup_id = p.check(Field::SignupId, SecretToken::parse(&self.signup_id));
        let code = p.check(self.channel.code_field(), OneTimeCode::parse(&self.code));
        let v = (|| {
            Some(ValidVerifyCode {
                signup_id: signup_id?,
                channel: self.channel,
                code: code?,
            })
        })();
        finish(p, v)
    }
}

/// The state of a sign-up's verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignupProgress {
    pub phone_verified: bool,
    pub email_verified: bool,
}

/// `POST /api/signup/resend`: a new code for one channel.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"signup_id": "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", "channel": "email"})))]
pub struct ResendCode {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{43}$"))]
    pub signup_id: String,
    pub channel: Channel,
}

impl ResendCode {
    pub fn parse(&self) -> Parsed<(SecretToken, Channel)> {
        let mut p = Problems::new();
        let id = p.check(Field::SignupId, SecretToken::parse(&self.signup_id));
        finish(p, id.map(|id| (id, self.channel)))
    }
}

/// `POST /api/signup/complete`: choose the password; the account exists from now on and the
/// answer sets the session cookie.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"signup_id": "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", "password": "Durres-2024-Plazhi"})))]
pub struct CompleteSignup {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{43}$"))]
    pub signup_id: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128))]
    pub password: String,
}

#[derive(Clone)]
pub struct ValidCompleteSignup {
    pub signup_id: SecretToken,
    pub password: Password,
}

impl CompleteSignup {
    pub fn parse(&self) -> Parsed<ValidCompleteSignup> {
        let mut p = Problems::new();
        let signup_id = p.check(Field::SignupId, SecretToken::parse(&self.signup_id));
        let password = p.check(Field::Password, Password::parse(&self.password));
        let v = (|| {
            Some(ValidCompleteSignup {
                signup_id: signup_id?,
                password: password?,
            })
        })();
        finish(p, v)
    }
}

// ---------------------------------------------------------------- session

/// `POST /api/session`: sign in with the e-mail address or the phone number.
#[derive(Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"login": "besa.krasniqi@example.de", "password": "Durres-2024-Plazhi"})))]
pub struct SignIn {
    pub login: String,
    pub password: String,
}

/// Who signs in: an account is found by either of its verified contacts.
#[derive(Debug, Clone)]
pub enum Login {
    Email(Email),
    Phone(PhoneNumber),
}

#[derive(Clone)]
pub struct ValidSignIn {
    pub login: Login,
    /// Not parsed as a [`Password`]: an old password may predate today's rules.
    pub password: String,
}

/// A login as typed: an e-mail address if it has an `@`, else a phone number.
pub(crate) fn parse_login(input: &str) -> Result<Login, Problem> {
    if input.contains('@') {
        Email::parse(input).map(Login::Email)
    } else {
        PhoneNumber::parse(input).map(Login::Phone)
    }
}

impl SignIn {
    pub fn parse(&self) -> Parsed<ValidSignIn> {
        let mut p = Problems::new();
        let login = p.check(Field::Login, parse_login(&self.login));
        if self.password.is_empty() {
            p.push(Field::Password, Problem::Required);
        } else if self.password.chars().count() > 128 {
            p.push(Field::Password, Problem::PasswordTooLong);
        }
        let v = login.map(|login| ValidSignIn {
            login,
            password: self.password.clone(),
        });
        finish(p, v)
    }
}

/// `GET /api/me`: the signed-in voter, with contacts masked, and where their registration is.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub phone_masked: String,
    pub email_masked: String,
    pub language: Language,
    pub face_captured: bool,
    pub request: Option<RequestView>,
}

// ---------------------------------------------------------------- face capture

/// What the camera step must show; the full liveness check adds head-turn prompts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LivenessPrompt {
    LookStraight,
}

impl LivenessPrompt {
    /// The code stored with a challenge and its capture.
    pub fn code(self) -> &'static str {
        match self {
            LivenessPrompt::LookStraight => "look_straight",
        }
    }
}

/// One step of a liveness challenge, in the voter's own terms ("left" is the voter's left).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LivenessStep {
    TurnLeft,
    TurnRight,
    Closer,
    Blink,
}

impl LivenessStep {
    pub const ALL: [LivenessStep; 4] = [
        LivenessStep::TurnLeft,
        LivenessStep::TurnRight,
        LivenessStep::Closer,
        LivenessStep::Blink,
    ];

    /// The code stored with a challenge (the same as `per-face-analysis`'s `Step::code`).
    pub fn code(self) -> &'static str {
        match self {
            LivenessStep::TurnLeft => "turn_left",
            LivenessStep::TurnRight => "turn_right",
            LivenessStep::Closer => "closer",
            LivenessStep::Blink => "blink",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Answer to `POST /api/face/challenge`: a single-use challenge bound to the account, its
/// random steps and expiry signed by the server (`signature`, base64).
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaceChallenge {
    pub challenge_id: String,
    pub prompt: LivenessPrompt,
    #[serde(default, deserialize_with = "crate::bounded::at_most::<8, _, _>")]
    pub steps: Vec<LivenessStep>,
    pub expires_in_seconds: u32,
    /// Unix seconds.
    #[serde(default)]
    pub expires_at: i64,
    #[serde(default)]
    pub signature: String,
}

/// One camera frame of a burst: milliseconds since the burst began, and a base64 JPEG.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaceFrame {
    pub t_ms: u32,
    pub jpeg: String,
}

/// `POST /api/face`: the signed challenge as received, and the burst captured for it.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaceCapture {
    pub challenge_id: String,
    /// Three steps are asked; more than eight is no capture.
    #[serde(deserialize_with = "crate::bounded::at_most::<8, _, _>")]
    pub steps: Vec<LivenessStep>,
    pub expires_at: i64,
    pub signature: String,
    /// Twice [`JpegFrame::MAX_FRAMES`] at most while reading; the parse refuses more than
    /// `MAX_FRAMES` (`frame_too_many`).
    #[serde(deserialize_with = "crate::bounded::at_most::<128, _, _>")]
    pub frames: Vec<FaceFrame>,
}

// [`FaceCapture`]'s reading bound on its frames is twice `JpegFrame::MAX_FRAMES`.
const _: () = assert!(2 * JpegFrame::MAX_FRAMES == 128);

/// A decoded JPEG frame from the camera.
#[derive(Clone, PartialEq, Eq)]
pub struct JpegFrame(Vec<u8>);

impl std::fmt::Debug for JpegFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "JpegFrame({} bytes)", self.0.len())
    }
}

impl JpegFrame {
    /// The most frames one burst may send, and the largest frame (a 480×360 JPEG is
    /// 20-40 KB).
    pub const MAX_FRAMES: usize = 64;
    pub const MAX_BYTES: usize = 150_000;

    pub fn parse_base64(input: &str) -> Result<JpegFrame, Problem> {
        // Base64 is 4/3 of the bytes: refuse before decoding anything too large.
        if input.len() > Self::MAX_BYTES / 3 * 4 + 4 {
            return Err(Problem::FrameTooLarge);
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(input.trim())
            .map_err(|_| Problem::FrameInvalid)?;
        JpegFrame::from_bytes(bytes)
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Result<JpegFrame, Problem> {
        if bytes.len() > Self::MAX_BYTES {
            return Err(Problem::FrameTooLarge);
        }
        let soi = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
        let eoi = bytes.ends_with(&[0xFF, 0xD9]);
        if !soi || !eoi || bytes.len() < 128 {
            return Err(Problem::FrameInvalid);
        }
        Ok(JpegFrame(bytes))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn to_base64(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(&self.0)
    }
}

#[derive(Clone)]
pub struct ValidFaceCapture {
    pub challenge_id: SecretToken,
    pub steps: Vec<LivenessStep>,
    pub expires_at: i64,
    pub signature: Vec<u8>,
    /// With their times (ms since the burst began).
    pub frames: Vec<(u32, JpegFrame)>,
}

impl FaceCapture {
    pub fn parse(&self) -> Parsed<ValidFaceCapture> {
        let mut p = Problems::new();
        let challenge_id = p.check(Field::ChallengeId, SecretToken::parse(&self.challenge_id));
        let signature = base64::engine::general_purpose::STANDARD
            .decode(self.signature.trim())
            .ok()
            .filter(|s| s.len() == 32);
        if signature.is_none() {
            p.push(Field::Signature, Problem::ChallengeInvalid);
        }
        if self.steps.is_empty() || self.steps.len() > LivenessStep::ALL.len() {
            p.push(Field::Steps, Problem::ChallengeInvalid);
        }
        let mut frames = Vec::new();
        if self.frames.is_empty() {
            p.push(Field::Frames, Problem::FrameMissing);
        } else if self.frames.len() > JpegFrame::MAX_FRAMES {
            p.push(Field::Frames, Problem::FrameTooMany);
        } else {
            for f in &self.frames {
                if let Some(frame) = p.check(Field::Frames, JpegFrame::parse_base64(&f.jpeg)) {
                    frames.push((f.t_ms, frame));
                }
            }
        }
        let v = challenge_id
            .zip(signature)
            .map(|(challenge_id, signature)| ValidFaceCapture {
                challenge_id,
                steps: self.steps.clone(),
                expires_at: self.expires_at,
                signature,
                frames,
            });
        finish(p, v)
    }
}

/// Why the voter takes the assisted route (a video call or a consulate visit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssistedReason {
    /// The camera is denied, missing or broken.
    CameraUnavailable,
    /// The check refused three bursts.
    CheckFailed,
}

impl AssistedReason {
    pub fn code(self) -> &'static str {
        match self {
            AssistedReason::CameraUnavailable => "camera_unavailable",
            AssistedReason::CheckFailed => "check_failed",
        }
    }
}

/// `POST /api/face/assisted`: the voter takes the assisted route; recorded on the request.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaceAssisted {
    pub reason: AssistedReason,
}

/// Answer to `POST /api/face`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaceAccepted {
    pub accepted: bool,
}

// ---------------------------------------------------------------- errors

/// What went wrong, in a word the app can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Some fields are wrong: see `fields`.
    InvalidInput,
    /// The code is wrong; `attempts_left` says how many tries remain.
    CodeWrong,
    /// The code expired or was used up: ask for a new one.
    CodeExpired,
    /// Too many attempts or codes; `retry_after_seconds` says when to come back. `reason`
    /// may say more: [`REASON_SMS_LATER`] (no SMS can be sent now, the service's SMS
    /// budget is spent: confirm the e-mail address first, ask for the SMS code again
    /// then), [`REASON_UPLOAD_IN_PROGRESS`] (two uploads of the account are in flight).
    TooManyRequests,
    /// Not signed in, or the sign-up or challenge is unknown.
    Unauthorized,
    /// The login or password is wrong (never says which).
    BadCredentials,
    /// The phone or e-mail already belongs to an account.
    AlreadyRegistered,
    /// A step is missing (e.g. submitting before the face capture).
    StepMissing,
    /// A request is already open for this account.
    RequestExists,
    /// The idempotency key was used for a different submission (409): make a new key.
    IdempotencyKeyReused,
    /// Registration is not open (before its opening or after its close): see `GET /api/window`.
    WindowClosed,
    /// The request is no longer active (rejected or withdrawn): nothing to withdraw.
    RequestNotActive,
    NotFound,
    /// Refused: a state-changing request from another site's page.
    Forbidden,
    /// The camera check refused the burst: `reason` says why, `attempts_left` how many
    /// tries remain before the assisted route.
    FaceRefused,
    /// The server is busy (a bounded pool is full: password checks, the face check);
    /// `retry_after_seconds` says when to try again.
    Busy,
    /// Something broke on our side; nothing about it is said here.
    Internal,
    /// Review console: the login, password or second factor is wrong (never says which).
    SignInFailed,
    /// Review console: the official's session ended (idle or absolute timeout, signed out).
    SignedOut,
    /// Review console: the official's role does not allow this.
    ForbiddenRole,
    /// Review console: another official holds the request's assignment.
    AssignedToOther,
    /// Review console: deciding needs holding the request's assignment.
    NotAssigned,
    /// Review console: the request is not in a state that allows this (e.g. reversing an
    /// undecided request, assigning a decided one).
    WrongStatus,
}

/// `reason` of a `too_many_requests`: the service's SMS budget is spent.
pub const REASON_SMS_LATER: &str = "sms_later";
/// `reason` of a `too_many_requests`: two uploads of the account are in flight.
pub const REASON_UPLOAD_IN_PROGRESS: &str = "upload_in_progress";

/// The body of every error answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub error: ErrorKind,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u32>,
    /// For `FaceRefused`: the check's reason code (`face_flat`, `face_step_missing`, ...);
    /// for `TooManyRequests`, which limit (`sms_later`, `upload_in_progress`), if not the
    /// usual one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(problems: Vec<FieldProblem>) -> Vec<(Field, Problem)> {
        problems.into_iter().map(|p| (p.field, p.code)).collect()
    }

    #[test]
    fn signup_names_every_bad_field() {
        let bad = SignupStart {
            phone: "+355691234567".into(),
            email: "nope".into(),
            language: "sq".into(),
        };
        assert_eq!(
            fields(bad.parse().unwrap_err()),
            vec![
                (Field::Phone, Problem::PhoneAlbanian),
                (Field::Email, Problem::EmailInvalid)
            ]
        );
        let good = SignupStart {
            phone: "+39 312 345 6789".into(),
            email: "ana@example.it".into(),
            language: "en".into(),
        };
        assert_eq!(good.parse().unwrap().language, Language::En);
    }

    #[test]
    fn frames_must_be_jpeg() {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
        jpeg.resize(200, 0);
        jpeg.extend([0xFF, 0xD9]);
        let b64 = JpegFrame::from_bytes(jpeg).unwrap().to_base64();
        let token = "t".repeat(43);
        let frame = |jpeg: &str| FaceFrame {
            t_ms: 0,
            jpeg: jpeg.to_owned(),
        };
        let capture = |frames: Vec<FaceFrame>| FaceCapture {
            challenge_id: token.clone(),
            steps: vec![LivenessStep::Blink],
            expires_at: 0,
            signature: base64::engine::general_purpose::STANDARD.encode([7u8; 32]),
            frames,
        };
        let ok = capture(vec![frame(&b64)]);
        assert_eq!(ok.parse().unwrap().frames.len(), 1);
        for (frames, expected, why) in [
            (vec![], (Field::Frames, Problem::FrameMissing), "no frame"),
            (
                vec![frame("aGVsbG8=")],
                (Field::Frames, Problem::FrameInvalid),
                "not a JPEG",
            ),
            (
                vec![frame("***")],
                (Field::Frames, Problem::FrameInvalid),
                "not base64",
            ),
            (
                vec![frame(&b64); JpegFrame::MAX_FRAMES + 1],
                (Field::Frames, Problem::FrameTooMany),
                "too many frames",
            ),
        ] {
            assert_eq!(
                fields(capture(frames).parse().unwrap_err()),
                vec![expected],
                "{why}"
            );
        }
        let mut unsigned = capture(vec![frame(&b64)]);
        unsigned.signature = "c2hvcnQ=".into();
        unsigned.steps.clear();
        assert_eq!(
            fields(unsigned.parse().unwrap_err()),
            vec![
                (Field::Signature, Problem::ChallengeInvalid),
                (Field::Steps, Problem::ChallengeInvalid)
            ]
        );
        for s in LivenessStep::ALL {
            assert_eq!(LivenessStep::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn sign_in_by_email_or_phone() {
        let by_mail = SignIn {
            login: "Ana@Example.it".into(),
            password: "whatever1".into(),
        };
        assert!(matches!(by_mail.parse().unwrap().login, Login::Email(_)));
        let by_phone = SignIn {
            login: "+39 312 345 6789".into(),
            password: "x".into(),
        };
        assert!(matches!(by_phone.parse().unwrap().login, Login::Phone(_)));
        let empty = SignIn::default();
        assert_eq!(
            fields(empty.parse().unwrap_err()),
            vec![
                (Field::Login, Problem::Required),
                (Field::Password, Problem::Required)
            ]
        );
    }

    #[test]
    fn requests_with_secrets_print_nothing_of_them() {
        let sign_in = SignIn {
            login: "ana@example.it".into(),
            password: "Zogu1928!".into(),
        };
        let parsed = sign_in.parse().unwrap();
        let shown = format!("{sign_in:?} {parsed:?}");
        for secret in ["Zogu", "ana@"] {
            assert!(!shown.contains(secret), "{secret} leaked in {shown}");
        }
    }

    #[test]
    fn api_error_wire_shape() {
        let e = ApiError {
            error: ErrorKind::InvalidInput,
            message: "check the fields".into(),
            fields: vec![FieldProblem::new(Field::Phone, Problem::PhoneAlbanian)],
            attempts_left: None,
            retry_after_seconds: None,
            reason: None,
        };
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["error"], "invalid_input");
        assert_eq!(json["fields"][0]["code"], "phone_albanian");
        assert!(json.get("attempts_left").is_none());
    }
}

redacted_debug!(SignupStart);
redacted_debug!(ValidSignupStart);
redacted_debug!(SignupStarted);
redacted_debug!(VerifyCode);
redacted_debug!(ValidVerifyCode);
redacted_debug!(ResendCode);
redacted_debug!(CompleteSignup);
redacted_debug!(ValidCompleteSignup);
redacted_debug!(SignIn);
redacted_debug!(ValidSignIn);
redacted_debug!(FaceChallenge);
redacted_debug!(FaceCapture);
redacted_debug!(FaceFrame);
redacted_debug!(ValidFaceCapture);
redacted_debug!(Me);
