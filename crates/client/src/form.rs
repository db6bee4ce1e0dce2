//! Form errors as the error summary and the fields show them: which input (or page) each
//! error points at, and which message it says, from local parsing or from the server.

use crate::api::ApiFailure;
use crate::i18n::{self, Key, TextId};
use per_domain::api::{ErrorKind, REASON_SMS_LATER, REASON_UPLOAD_IN_PROGRESS};
use per_domain::{Field, FieldProblem, Language, Problem, Route};

/// The input of each field the voter fills in: its id (the error summary links to
/// `#id`; for radios, the first one; for an upload, its heading). `None` for a field with no
/// input of its own (a token, the frames).
pub fn input_id(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::Phone => "phone",
        Field::Email => "email",
        Field::PhoneCode => "phone-code",
        Field::EmailCode => "email-code",
        Field::Password => "password",
        Field::Login => "login",
        Field::DocumentType => "document-type-id-card",
        Field::DocumentNumber => "document-number",
        Field::PersonalNumber => "personal-number",
        Field::FirstName => "first-name",
        Field::Surname => "surname",
        Field::FatherName => "father-name",
        Field::DateOfBirth => "date-of-birth",
        Field::PlaceOfBirth => "place-of-birth",
        Field::Sex => "sex-f",
        Field::DocumentExpiry => "document-expiry",
        Field::Country => "country",
        Field::City => "city",
        Field::PostalCode => "postal-code",
        Field::Street => "street",
        Field::Apartment => "apartment",
        Field::CareOf => "care-of",
        Field::ProofKind => "proof-kind-property-certificate",
        Field::ProofDeclaration => "proof-declaration",
        Field::IdCardFront => "upload-id-card-front",
        Field::IdCardBack => "upload-id-card-back",
        Field::PassportPage => "upload-passport-page",
        Field::ProofOfAddress => "upload-proof-of-address",
        Field::Declaration => "declaration",
        _ => return None,
    })
}

/// The name shared by a field's radios, and the start of each radio's id.
pub fn radio_prefix(field: Field) -> &'static str {
    match field {
        Field::DocumentType => "document-type-",
        Field::Sex => "sex-",
        Field::ProofKind => "proof-kind-",
        _ => "choice-",
    }
}

/// The id of the radio for `code` (`proof_kind` `rental_contract` -> `proof-kind-rental-contract`).
pub fn radio_id(field: Field, code: &str) -> String {
    let mut id = radio_prefix(field).to_owned();
    id.extend(code.chars().map(|c| {
        if c == '_' {
            '-'
        } else {
            c.to_ascii_lowercase()
        }
    }));
    id
}

/// The field whose input has id `id`.
pub fn field_of_input(id: &str) -> Option<Field> {
    Field::ALL.into_iter().find(|f| input_id(*f) == Some(id))
}

/// The inputs of each form of the app, in page order (no two may say the same "required").
pub const FORMS: [&[Field]; 10] = [
    &[Field::Phone, Field::Email],
    &[Field::PhoneCode, Field::EmailCode],
    &[Field::Password],
    &[Field::Login, Field::Password],
    &[
        Field::DocumentType,
        Field::DocumentNumber,
        Field::DocumentExpiry,
    ],
    &[Field::FirstName, Field::Surname, Field::FatherName],
    &[Field::DateOfBirth, Field::PlaceOfBirth, Field::Sex],
    &[Field::IdCardFront, Field::IdCardBack, Field::PassportPage],
    &[
        Field::Country,
        Field::City,
        Field::PostalCode,
        Field::Street,
    ],
    &[
        Field::ProofKind,
        Field::ProofDeclaration,
        Field::ProofOfAddress,
    ],
];

/// The text of problem `p` with field `field`: field-specific where the generic text would
/// not say which field it is about, the generic one otherwise.
pub fn problem_key(field: Field, p: Problem) -> Key {
    match (field, p) {
        (Field::Phone, Problem::Required) => Key::RequiredPhone,
        (Field::Email, Problem::Required) => Key::RequiredEmail,
        (Field::PhoneCode, Problem::Required) => Key::RequiredPhoneCode,
        (Field::EmailCode, Problem::Required) => Key::RequiredEmailCode,
        (Field::Password, Problem::Required) => Key::RequiredPassword,
        (Field::Login, Problem::Required) => Key::RequiredLogin,
        (Field::PersonalNumber, Problem::Required) => Key::RequiredPersonalNumber,
        (Field::FirstName, Problem::Required) => Key::RequiredFirstName,
        (Field::Surname, Problem::Required) => Key::RequiredSurname,
        (Field::DateOfBirth, Problem::Required) => Key::RequiredDateOfBirth,
        (Field::Sex, Problem::Required) => Key::RequiredSex,
        (Field::DocumentType, Problem::Required) => Key::RequiredDocumentType,
        (Field::DocumentNumber, Problem::Required) => Key::RequiredDocumentNumber,
        (Field::FatherName, Problem::Required) => Key::RequiredFatherName,
        (Field::PlaceOfBirth, Problem::Required) => Key::RequiredPlaceOfBirth,
        (Field::DocumentExpiry, Problem::Required) => Key::RequiredDocumentExpiry,
        (Field::Country, Problem::Required) => Key::RequiredCountry,
        (Field::City, Problem::Required) => Key::RequiredCity,
        (Field::PostalCode, Problem::Required) => Key::RequiredPostalCode,
        (Field::Street, Problem::Required) => Key::RequiredStreet,
        (Field::ProofKind, Problem::Required) => Key::RequiredProofKind,
        (Field::ProofDeclaration, Problem::DeclarationRequired) => Key::RequiredProofDeclaration,
        (Field::Declaration, Problem::DeclarationRequired) => Key::RequiredDeclaration,
        (Field::IdCardFront, Problem::UploadMissing) => Key::RequiredIdCardFront,
        (Field::IdCardBack, Problem::UploadMissing) => Key::RequiredIdCardBack,
        (Field::PassportPage, Problem::UploadMissing) => Key::RequiredPassportPage,
        (Field::ProofOfAddress, Problem::UploadMissing) => Key::RequiredProofOfAddress,
        (Field::Phone, Problem::TooLong) => Key::TooLongPhone,
        (Field::Email, Problem::TooLong) => Key::TooLongEmail,
        (Field::Login, Problem::TooLong) => Key::TooLongLogin,
        (Field::FirstName, Problem::TooLong) => Key::TooLongFirstName,
        (Field::Surname, Problem::TooLong) => Key::TooLongSurname,
        (Field::DateOfBirth, Problem::DateInvalid) => Key::DateOfBirthInvalid,
        (Field::DateOfBirth, Problem::DateInFuture) => Key::DateOfBirthInFuture,
        _ => i18n::problem_key(p),
    }
}

/// A message, translated when shown (so that switching language re-translates it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Text(Key),
    /// A text with `{n}`.
    Count(Key, u32),
    /// A text with `{x}`, filled with a wait in seconds ("in 2 minutes").
    Wait(Key, u32),
    /// A problem whose field is not known.
    Problem(Problem),
    /// A problem with a field.
    About(Field, Problem),
    /// A text of another table (an entry's own), with `{n}` filled when there is a number.
    Other(TextId, Option<u32>),
    /// A text of another table with `{x}`, filled with a wait in seconds.
    OtherWait(TextId, u32),
}

impl Msg {
    pub fn render(&self, lang: Language) -> String {
        match *self {
            Msg::Text(k) => i18n::t(lang, k),
            Msg::Count(k, n) => i18n::fill(&i18n::t(lang, k), Some(n), None),
            Msg::Wait(k, secs) => i18n::with_wait(lang, k, secs),
            Msg::Problem(p) => i18n::problem(lang, p),
            Msg::About(f, p) => i18n::t(lang, problem_key(f, p)),
            Msg::Other(id, n) => i18n::fill(&i18n::t(lang, id), n, None),
            Msg::OtherWait(id, secs) => {
                i18n::fill(&i18n::t(lang, id), None, Some(&i18n::wait(lang, secs)))
            }
        }
    }
}

/// The step (page) a call was made from: the same server error means different things on
/// different steps (`step_missing` on the password page means "codes not verified").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Contact,
    /// The codes page (verify, resend).
    Verify,
    /// Choosing the password (`/api/signup/complete`).
    Password,
    Face,
    Identity,
    SignIn,
    MyRequest,
}

/// Where an error sends the voter when they follow it from the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An input's id: the summary links to `#id` and the input shows the message too.
    Field(String),
    /// Another page of the app that fixes it (e.g. the face step).
    Page(Route),
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorItem {
    pub target: Target,
    pub msg: Msg,
}

impl ErrorItem {
    pub fn field(id: &str, msg: Msg) -> Self {
        ErrorItem {
            target: Target::Field(id.to_owned()),
            msg,
        }
    }

    pub fn general(msg: Msg) -> Self {
        ErrorItem {
            target: Target::None,
            msg,
        }
    }
}

/// The first error shown next to input `id`, if any.
pub fn error_for(errors: &[ErrorItem], id: &str) -> Option<Msg> {
    errors
        .iter()
        .find(|e| matches!(&e.target, Target::Field(f) if f == id))
        .map(|e| e.msg)
}

/// The message of problem `p` shown at input `id` (or with no input).
fn about(id: Option<&str>, p: Problem) -> Msg {
    match id.and_then(field_of_input) {
        Some(f) => Msg::About(f, p),
        None => Msg::Problem(p),
    }
}

/// Errors for problems found by parsing, with `map` naming the input of each field.
pub fn from_problems(
    problems: &[FieldProblem],
    map: impl Fn(Field) -> Option<&'static str>,
) -> Vec<ErrorItem> {
    problems
        .iter()
        .map(|p| {
            let id = map(p.field);
            ErrorItem {
                target: id.map_or(Target::None, |id| Target::Field(id.to_owned())),
                msg: about(id, p.code),
            }
        })
        .collect()
}

/// Errors for a failed call made from `step`. `map` names the input of each field the server
/// complains about; `near` is the input a field-less error belongs to (a wrong code, a wrong
/// password).
pub fn from_failure(
    failure: &ApiFailure,
    step: Step,
    map: impl Fn(Field) -> Option<&'static str>,
    near: Option<&str>,
) -> Vec<ErrorItem> {
    let at = |msg: Msg| ErrorItem {
        target: near.map_or(Target::None, |id| Target::Field(id.to_owned())),
        msg,
    };
    let page = |page: Route, key: Key| ErrorItem {
        target: Target::Page(page),
        msg: Msg::Text(key),
    };
    let error = match failure {
        ApiFailure::Network => return vec![ErrorItem::general(Msg::Text(Key::ErrNetwork))],
        ApiFailure::Unexpected { .. } => {
            return vec![ErrorItem::general(Msg::Text(Key::ErrServer))]
        }
        ApiFailure::Api { error, .. } => error,
    };
    match error.kind {
        ErrorKind::InvalidInput if !error.fields.is_empty() => from_problems(&error.fields, map),
        ErrorKind::InvalidInput => vec![ErrorItem::general(Msg::Text(Key::ErrServer))],
        ErrorKind::CodeWrong => vec![at(match error.attempts_left {
            Some(n) => Msg::Count(Key::ErrCodeWrongLeft, n),
            None => Msg::Text(Key::ErrCodeWrong),
        })],
        ErrorKind::CodeExpired => vec![at(Msg::Text(Key::ErrCodeExpired))],
        // The SMS budget is spent: the e-mail code works now, the SMS code later.
        ErrorKind::TooManyRequests if error.reason.as_deref() == Some(REASON_SMS_LATER) => {
            vec![at(Msg::Wait(
                Key::ErrSmsLaterIn,
                error.retry_after_seconds.unwrap_or(3600),
            ))]
        }
        ErrorKind::TooManyRequests
            if error.reason.as_deref() == Some(REASON_UPLOAD_IN_PROGRESS) =>
        {
            vec![at(Msg::Text(Key::ErrUploadInProgress))]
        }
        ErrorKind::TooManyRequests => vec![at(match error.retry_after_seconds {
            Some(n) => Msg::Wait(Key::ErrTooManyIn, n),
            None => Msg::Text(Key::ErrTooMany),
        })],
        ErrorKind::BadCredentials => vec![at(Msg::Text(Key::ErrBadCredentials))],
        // A sign-up token the server no longer knows: the sign-up expired or was completed.
        ErrorKind::Unauthorized if matches!(step, Step::Verify | Step::Password) => {
            vec![page(Route::Contact, Key::ErrSignupExpired)]
        }
        ErrorKind::Unauthorized => vec![page(Route::SignIn, Key::ErrUnauthorized)],
        ErrorKind::AlreadyRegistered => vec![page(Route::SignIn, Key::ErrAlreadyRegistered)],
        ErrorKind::StepMissing => match step {
            // `/api/signup/complete`: the codes are not both verified.
            Step::Password => vec![page(Route::Verify, Key::ErrCodesNotVerified)],
            // `/api/face`: the challenge expired or was used; the page takes a new one.
            Step::Face => vec![ErrorItem::general(Msg::Text(Key::ErrFaceTooSlow))],
            // `/api/request`: no face capture yet.
            _ => vec![page(Route::Face, Key::ErrStepMissing)],
        },
        ErrorKind::RequestExists => vec![page(Route::MyRequest, Key::ErrRequestExists)],
        ErrorKind::IdempotencyKeyReused => vec![ErrorItem::general(Msg::Text(Key::ErrKeyReused))],
        ErrorKind::WindowClosed => vec![ErrorItem::general(Msg::Text(Key::ErrWindowClosed))],
        ErrorKind::RequestNotActive => {
            vec![page(Route::MyRequest, Key::ErrRequestNotActive)]
        }
        ErrorKind::NotFound => vec![ErrorItem::general(Msg::Text(Key::ErrNotFound))],
        // Refused as cross-site: the app's own pages never are; say only that it failed.
        // The review console's kinds never reach the voter's pages.
        ErrorKind::Internal
        | ErrorKind::Forbidden
        | ErrorKind::SignInFailed
        | ErrorKind::SignedOut
        | ErrorKind::ForbiddenRole
        | ErrorKind::AssignedToOther
        | ErrorKind::NotAssigned
        | ErrorKind::WrongStatus => {
            vec![ErrorItem::general(Msg::Text(Key::ErrServer))]
        }
        ErrorKind::FaceRefused => vec![ErrorItem::general(Msg::Text(
            error
                .reason
                .as_deref()
                .map_or(Key::FaceReasonOther, face_reason_key),
        ))],
        ErrorKind::Busy => vec![at(match error.retry_after_seconds {
            Some(n) => Msg::Wait(Key::ErrBusyIn, n),
            None => Msg::Text(Key::ErrServer),
        })],
    }
}

/// What the voter reads when the camera check refused a burst, by the server's reason.
pub fn face_reason_key(reason: &str) -> Key {
    match reason {
        "face_none" => Key::FaceReasonNone,
        "face_several" => Key::FaceReasonSeveral,
        "face_outside_oval" | "face_discontinuous" => Key::FaceReasonOval,
        "face_too_small" => Key::FaceReasonSmall,
        "face_step_missing" => Key::FaceReasonStep,
        "face_flat" => Key::FaceReasonFlat,
        _ => Key::FaceReasonOther,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiErrorBody;
    use per_domain::api::{IdentityForm, SignupStart};
    use std::collections::HashSet;

    fn api(kind: ErrorKind, fields: Vec<FieldProblem>) -> ApiFailure {
        ApiFailure::Api {
            status: 400,
            error: ApiErrorBody {
                kind,
                fields,
                attempts_left: Some(2),
                retry_after_seconds: Some(30),
                reason: Some("face_flat".into()),
            },
        }
    }

    #[test]
    fn server_fields_map_to_inputs() {
        for (field, id) in [
            (Field::Surname, "surname"),
            (Field::PersonalNumber, "personal-number"),
            (Field::DateOfBirth, "date-of-birth"),
            (Field::Sex, "sex-f"),
            (Field::Phone, "phone"),
        ] {
            assert_eq!(input_id(field), Some(id), "{field}");
        }
        assert_eq!(input_id(Field::IdempotencyKey), None);
        for f in Field::ALL {
            if let Some(id) = input_id(f) {
                assert_eq!(field_of_input(id), Some(f));
            }
        }
    }

    #[test]
    fn local_problems_point_at_inputs_and_name_them() {
        let bad = SignupStart {
            phone: "+355 69 123 4567".into(),
            email: String::new(),
            language: "sq".into(),
        };
        let errors = from_problems(&bad.parse().unwrap_err(), input_id);
        assert_eq!(
            errors,
            vec![
                ErrorItem::field("phone", Msg::About(Field::Phone, Problem::PhoneAlbanian)),
                ErrorItem::field("email", Msg::About(Field::Email, Problem::Required)),
            ]
        );
        assert_eq!(
            errors[1].msg.render(Language::En),
            "Enter your e-mail address"
        );
        assert_eq!(
            error_for(&errors, "email"),
            Some(Msg::About(Field::Email, Problem::Required))
        );
        assert_eq!(error_for(&errors, "surname"), None);
    }

    #[test]
    fn an_empty_identity_form_says_five_different_things() {
        let today = per_domain::Date::parse("2026-11-21").unwrap();
        // The five inputs of today's identity page, the document's fields answered.
        let form = IdentityForm {
            document_type: "passport".into(),
            document_number: "BA1234567".into(),
            father_name: "Ilir".into(),
            place_of_birth: "Tiranë".into(),
            document_expiry: "2030-01-01".into(),
            ..IdentityForm::default()
        };
        let errors = from_problems(&form.parse(today).unwrap_err(), input_id);
        assert!(
            errors.iter().all(|e| matches!(e.target, Target::Field(_))),
            "{errors:?}"
        );
        assert_eq!(errors.len(), 5);
        for lang in Language::ALL {
            let said: HashSet<String> = errors.iter().map(|e| e.msg.render(lang)).collect();
            assert_eq!(said.len(), 5, "{lang:?}: {said:?}");
        }
        assert!(errors
            .iter()
            .any(|e| e.msg.render(Language::Sq) == "Shkruani mbiemrin"));
    }

    /// The problem a field left blank has.
    fn required(f: Field) -> Problem {
        match f {
            Field::ProofDeclaration | Field::Declaration => Problem::DeclarationRequired,
            Field::IdCardFront
            | Field::IdCardBack
            | Field::PassportPage
            | Field::ProofOfAddress => Problem::UploadMissing,
            _ => Problem::Required,
        }
    }

    #[test]
    fn no_two_fields_of_a_form_say_the_same_required_message() {
        for form in FORMS {
            for lang in Language::ALL {
                let said: HashSet<String> = form
                    .iter()
                    .map(|f| Msg::About(*f, required(*f)).render(lang))
                    .collect();
                assert_eq!(said.len(), form.len(), "{form:?} in {lang:?}");
                assert!(
                    !said.contains(&i18n::problem(lang, Problem::Required)),
                    "{form:?} in {lang:?} says only \"required\""
                );
            }
        }
    }

    #[test]
    fn field_specific_texts_name_their_field() {
        assert_eq!(
            Msg::About(Field::Phone, Problem::Required).render(Language::Sq),
            "Shkruani numrin e celularit"
        );
        assert_eq!(
            Msg::About(Field::Surname, Problem::Required).render(Language::En),
            "Enter your surname"
        );
        assert_eq!(
            Msg::About(Field::DateOfBirth, Problem::DateInvalid).render(Language::Sq),
            "Data e lindjes duhet të jetë një datë e vlefshme"
        );
        assert_eq!(
            Msg::About(Field::DateOfBirth, Problem::DateInvalid).render(Language::En),
            "Date of birth must be a real date"
        );
        assert_eq!(
            Msg::About(Field::Surname, Problem::TooLong).render(Language::En),
            "The surname is too long"
        );
        // Problems that already say their field keep their text.
        assert_eq!(
            Msg::About(Field::Phone, Problem::PhoneAlbanian).render(Language::En),
            i18n::problem(Language::En, Problem::PhoneAlbanian)
        );
    }

    #[test]
    fn failures_say_what_to_do() {
        let code = from_failure(
            &api(ErrorKind::CodeWrong, vec![]),
            Step::Verify,
            input_id,
            Some("phone-code"),
        );
        assert_eq!(
            code,
            vec![ErrorItem::field(
                "phone-code",
                Msg::Count(Key::ErrCodeWrongLeft, 2)
            )]
        );
        assert_eq!(
            code[0].msg.render(Language::En),
            "The code is wrong. Tries left: 2."
        );
        let wait = from_failure(
            &api(ErrorKind::TooManyRequests, vec![]),
            Step::Contact,
            input_id,
            None,
        );
        assert_eq!(
            wait,
            vec![ErrorItem::general(Msg::Wait(Key::ErrTooManyIn, 30))]
        );
        assert_eq!(
            wait[0].msg.render(Language::Sq),
            "Shumë përpjekje. Provoni përsëri pas 30 sekondash."
        );
        // The SMS budget spent, two uploads in flight: said as such.
        let mut sms = api(ErrorKind::TooManyRequests, vec![]);
        if let ApiFailure::Api { error, .. } = &mut sms {
            error.reason = Some("sms_later".into());
        }
        let later = from_failure(&sms, Step::Verify, input_id, None);
        assert_eq!(
            later,
            vec![ErrorItem::general(Msg::Wait(Key::ErrSmsLaterIn, 30))]
        );
        assert!(later[0].msg.render(Language::En).contains("e-mail address"));
        let mut uploads = api(ErrorKind::TooManyRequests, vec![]);
        if let ApiFailure::Api { error, .. } = &mut uploads {
            error.reason = Some("upload_in_progress".into());
        }
        assert_eq!(
            from_failure(&uploads, Step::Identity, input_id, None),
            vec![ErrorItem::general(Msg::Text(Key::ErrUploadInProgress))]
        );
        let net = from_failure(&ApiFailure::Network, Step::Identity, input_id, None);
        assert_eq!(net, vec![ErrorItem::general(Msg::Text(Key::ErrNetwork))]);
        let fields = from_failure(
            &api(
                ErrorKind::InvalidInput,
                vec![
                    FieldProblem::new(Field::FirstName, Problem::NameInvalid),
                    FieldProblem::new(Field::EmailCode, Problem::Required),
                ],
            ),
            Step::Verify,
            input_id,
            Some("email-code"),
        );
        assert_eq!(
            fields,
            vec![
                ErrorItem::field(
                    "first-name",
                    Msg::About(Field::FirstName, Problem::NameInvalid)
                ),
                ErrorItem::field(
                    "email-code",
                    Msg::About(Field::EmailCode, Problem::Required)
                ),
            ]
        );
    }

    #[test]
    fn step_missing_depends_on_the_step() {
        let missing = api(ErrorKind::StepMissing, vec![]);
        let on = |step| from_failure(&missing, step, input_id, None);
        assert_eq!(
            on(Step::Password),
            vec![ErrorItem {
                target: Target::Page(Route::Verify),
                msg: Msg::Text(Key::ErrCodesNotVerified)
            }]
        );
        assert_eq!(
            on(Step::Face),
            vec![ErrorItem::general(Msg::Text(Key::ErrFaceTooSlow))]
        );
        assert_eq!(
            on(Step::Identity),
            vec![ErrorItem {
                target: Target::Page(Route::Face),
                msg: Msg::Text(Key::ErrStepMissing)
            }]
        );
    }

    #[test]
    fn an_expired_sign_up_starts_again_but_a_lost_session_signs_in() {
        let unauthorized = api(ErrorKind::Unauthorized, vec![]);
        for step in [Step::Verify, Step::Password] {
            let e = from_failure(&unauthorized, step, input_id, None);
            assert_eq!(e[0].target, Target::Page(Route::Contact), "{step:?}");
            assert_eq!(e[0].msg, Msg::Text(Key::ErrSignupExpired));
        }
        for step in [Step::Face, Step::Identity, Step::MyRequest] {
            let e = from_failure(&unauthorized, step, input_id, None);
            assert_eq!(e[0].target, Target::Page(Route::SignIn), "{step:?}");
            assert_eq!(e[0].msg, Msg::Text(Key::ErrUnauthorized));
        }
    }
}
