//! Formatting of texts: the domain limits, numbers and names put into placeholders, waits,
//! and the texts of domain values (problems, statuses, reasons, prompts, masked contacts).

use super::catalog::TextId;
use super::frame::Frame;
use super::text::Key;
use per_domain::api::LivenessPrompt;
use per_domain::{Language, OneTimeCode, Password, Problem, RejectionReason, RequestStatus};

/// The text of `key` (of any table) in `lang`, with the limits that come from `per-domain`
/// filled in.
#[inline]
pub fn t(lang: Language, key: impl Into<TextId>) -> String {
    text_of(lang, key.into())
}

/// [`t`] for one [`TextId`]: one copy of the code, whatever table the key comes from.
#[inline(never)]
fn text_of(lang: Language, key: TextId) -> String {
    // Native tests read the JSON files directly (never part of the wasm).
    #[cfg(test)]
    super::tests::ensure_installed(lang);
    let s = key.raw(lang);
    if !s.contains('{') {
        return s.to_owned();
    }
    fill_named(
        s,
        &[
            ("code_len", &OneTimeCode::LEN.to_string()),
            ("pw_min", &Password::MIN_CHARS.to_string()),
            ("pw_max", &Password::MAX_CHARS.to_string()),
        ],
    )
}

/// Replaces `{n}` with a number and `{x}` with a text.
pub fn fill(template: &str, n: Option<u32>, x: Option<&str>) -> String {
    let mut s = template.to_owned();
    if let Some(n) = n {
        s = s.replace("{n}", &n.to_string());
    }
    if let Some(x) = x {
        s = s.replace("{x}", x);
    }
    s
}

/// Replaces each `{name}` with its value.
pub fn fill_named(template: &str, values: &[(&str, &str)]) -> String {
    let mut s = template.to_owned();
    for (name, value) in values {
        s = s.replace(&["{", name, "}"].concat(), value);
    }
    s
}

/// How long to wait, as said after "try again": "in 1 second", "in 30 seconds", and in whole
/// minutes (rounded up, never too early) from two minutes on.
pub fn wait(lang: Language, seconds: u32) -> String {
    let (key, n) = if seconds >= 120 {
        (Key::WaitMinutes, seconds.div_ceil(60))
    } else if seconds == 1 {
        (Key::WaitSecond, 1)
    } else {
        (Key::WaitSeconds, seconds)
    };
    fill(&t(lang, key), Some(n), None)
}

/// The parts of a text before and after its `{x}`, to put markup in its place.
pub fn split_at_x(text: &str) -> (String, String) {
    match text.split_once("{x}") {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (text.to_owned(), String::new()),
    }
}

/// A text with `{x}` filled with a wait ([`wait`]).
pub fn with_wait(lang: Language, key: Key, seconds: u32) -> String {
    fill(&t(lang, key), None, Some(&wait(lang, seconds)))
}

/// The key of a field problem said without its field (see `form::Field` for the
/// field-specific texts).
pub fn problem_key(p: Problem) -> Key {
    match p {
        Problem::Required => Key::ProblemRequired,
        Problem::TooLong => Key::ProblemTooLong,
        Problem::PhoneNeedsCountryCode => Key::ProblemPhoneNeedsCountryCode,
        Problem::PhoneInvalid => Key::ProblemPhoneInvalid,
        Problem::PhoneAlbanian => Key::ProblemPhoneAlbanian,
        Problem::PhoneCountryNotAccepted => Key::ProblemPhoneCountryNotAccepted,
        Problem::EmailInvalid => Key::ProblemEmailInvalid,
        Problem::PasswordTooShort => Key::ProblemPasswordTooShort,
        Problem::PasswordTooLong => Key::ProblemPasswordTooLong,
        Problem::PasswordTooCommon => Key::ProblemPasswordTooCommon,
        Problem::PasswordHasContact => Key::ProblemPasswordHasContact,
        Problem::CodeInvalid => Key::ProblemCodeInvalid,
        Problem::NameInvalid => Key::ProblemNameInvalid,
        Problem::DateInvalid => Key::ProblemDateInvalid,
        Problem::DateInFuture => Key::ProblemDateInFuture,
        Problem::PersonalNumberInvalid => Key::ProblemPersonalNumberInvalid,
        Problem::PersonalNumberDateMismatch => Key::ProblemPersonalNumberDateMismatch,
        Problem::PersonalNumberSexMismatch => Key::ProblemPersonalNumberSexMismatch,
        Problem::SexInvalid => Key::ProblemSexInvalid,
        Problem::LanguageInvalid => Key::ProblemLanguageInvalid,
        Problem::ChannelInvalid => Key::ProblemChannelInvalid,
        Problem::TokenInvalid => Key::ProblemTokenInvalid,
        Problem::IdempotencyKeyInvalid => Key::ProblemIdempotencyKeyInvalid,
        Problem::FrameMissing => Key::ProblemFrameMissing,
        Problem::FrameTooMany => Key::ProblemFrameTooMany,
        Problem::FrameInvalid => Key::ProblemFrameInvalid,
        Problem::FrameTooLarge => Key::ProblemFrameTooLarge,
        Problem::ChallengeInvalid => Key::ProblemChallengeInvalid,
        Problem::ReferenceInvalid => Key::ProblemReferenceInvalid,
        Problem::DocumentTypeInvalid => Key::ProblemDocumentTypeInvalid,
        Problem::DocumentNumberInvalid => Key::ProblemDocumentNumberInvalid,
        Problem::PlaceInvalid => Key::ProblemPlaceInvalid,
        Problem::DateBeforeBirth => Key::ProblemDateBeforeBirth,
        Problem::CountryInvalid => Key::ProblemCountryInvalid,
        Problem::CountryAlbania => Key::ProblemCountryAlbania,
        Problem::PostalCodeInvalid => Key::ProblemPostalCodeInvalid,
        Problem::AddressInvalid => Key::ProblemAddressInvalid,
        Problem::ProofKindInvalid => Key::ProblemProofKindInvalid,
        Problem::DeclarationRequired => Key::ProblemDeclarationRequired,
        Problem::UploadMissing => Key::ProblemUploadMissing,
        Problem::UploadInvalid => Key::ProblemUploadInvalid,
        Problem::UploadKindInvalid => Key::ProblemUploadKindInvalid,
        Problem::UploadTypeUnsupported => Key::ProblemUploadTypeUnsupported,
        Problem::UploadTooLarge => Key::ProblemUploadTooLarge,
        Problem::UploadDimensions => Key::ProblemUploadDimensions,
        Problem::UploadCorrupt => Key::ProblemUploadCorrupt,
        Problem::UploadTooMany => Key::ProblemUploadTooMany,
    }
}

/// A field problem, said to the voter without naming the field.
pub fn problem(lang: Language, p: Problem) -> String {
    t(lang, problem_key(p))
}

pub fn status_key(s: RequestStatus) -> Key {
    match s {
        RequestStatus::Submitted => Key::StatusSubmitted,
        RequestStatus::UnderReview => Key::StatusUnderReview,
        RequestStatus::Approved => Key::StatusApproved,
        RequestStatus::Rejected => Key::StatusRejected,
        RequestStatus::CorrectionRequested => Key::StatusCorrectionRequested,
        RequestStatus::Withdrawn => Key::StatusWithdrawn,
    }
}

/// The label of a request status.
pub fn status(lang: Language, s: RequestStatus) -> String {
    t(lang, status_key(s))
}

pub fn reason_key(r: RejectionReason) -> Key {
    match r {
        RejectionReason::AddressMismatch => Key::ReasonAddressMismatch,
        RejectionReason::ProofOfAddressUnreadable => Key::ReasonProofUnreadable,
        RejectionReason::IdentityMismatch => Key::ReasonIdentityMismatch,
        RejectionReason::FaceMismatch => Key::ReasonFaceMismatch,
        RejectionReason::DocumentUnreadable => Key::ReasonDocumentUnreadable,
        RejectionReason::NotEligible => Key::ReasonNotEligible,
        RejectionReason::Duplicate => Key::ReasonDuplicate,
    }
}

/// A rejection reason, said to the voter.
pub fn reason(lang: Language, r: RejectionReason) -> String {
    t(lang, reason_key(r))
}

/// What the voter is asked to do in front of the camera for a liveness challenge.
pub fn prompt_key(p: LivenessPrompt) -> Key {
    match p {
        LivenessPrompt::LookStraight => Key::PromptLookStraight,
    }
}

/// A liveness step, as a prompt.
pub fn step_key(s: per_domain::api::LivenessStep) -> Key {
    use per_domain::api::LivenessStep;
    match s {
        LivenessStep::TurnLeft => Key::StepTurnLeft,
        LivenessStep::TurnRight => Key::StepTurnRight,
        LivenessStep::Closer => Key::StepCloser,
        LivenessStep::Blink => Key::StepBlink,
    }
}

/// How a screen reader should say a masked contact (`+•••••••89`, `a•••@example.com`) instead
/// of "bullet bullet bullet": "the number ending in 89". `None` when it is not masked.
pub fn masked_spoken(lang: Language, masked: &str) -> Option<String> {
    const BULLET: char = '•';
    if !masked.contains(BULLET) {
        return None;
    }
    if let Some((local, domain)) = masked.split_once('@') {
        let start = local.split(BULLET).next().unwrap_or_default();
        return Some(fill_named(
            &t(lang, Key::MaskedEmail),
            &[("a", start), ("b", domain)],
        ));
    }
    let tail = masked.rsplit(BULLET).next().unwrap_or_default();
    Some(fill(&t(lang, Key::MaskedPhone), None, Some(tail)))
}

/// The document title: the page's heading and the service, with "Error: " in front while the
/// error summary shows errors.
pub fn page_title(lang: Language, heading: impl Into<TextId>, has_errors: bool) -> String {
    let title = [t(lang, heading), t(lang, Frame::ServiceName)].join(" – ");
    if has_errors {
        [t(lang, Frame::ErrorPrefix), title].join(" ")
    } else {
        title
    }
}
