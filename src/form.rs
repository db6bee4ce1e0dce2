//! Form errors as the error summary and the fields show them: which input (or page) each
//! error points at, and which message it says, from local parsing or from the server.

use crate::api::ApiFailure;
use crate::i18n::{self, Key};
use per_domain::api::ErrorKind;
use per_domain::{FieldProblem, Language, Problem};

/// A message, translated when shown (so that switching language re-translates it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Text(Key),
    /// A text with `{n}`.
    Count(Key, u32),
    Problem(Problem),
}

impl Msg {
    pub fn render(&self, lang: Language) -> String {
        match *self {
            Msg::Text(k) => i18n::t(lang, k).to_owned(),
            Msg::Count(k, n) => i18n::fill(i18n::t(lang, k), Some(n), None),
            Msg::Problem(p) => i18n::problem(lang, p).to_owned(),
        }
    }
}

/// Where an error sends the voter when they follow it from the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An input's id: the summary links to `#id` and the input shows the message too.
    Field(String),
    /// Another page of the app that fixes it (e.g. the face step).
    Page(&'static str),
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

/// The input id of a field named by the API (`identity.surname` -> `surname`).
pub fn input_id(field: &str) -> Option<&'static str> {
    let field = field.strip_prefix("identity.").unwrap_or(field);
    Some(match field {
        "phone" => "phone",
        "email" => "email",
        "password" => "password",
        "login" => "login",
        "personal_number" => "personal-number",
        "first_name" => "first-name",
        "surname" => "surname",
        "date_of_birth" => "date-of-birth",
        "sex" => "sex-f",
        _ => return None,
    })
}

/// Errors for problems found by parsing, with `map` naming the input of each field.
pub fn from_problems(
    problems: &[FieldProblem],
    map: impl Fn(&str) -> Option<&'static str>,
) -> Vec<ErrorItem> {
    problems
        .iter()
        .map(|p| ErrorItem {
            target: map(&p.field).map_or(Target::None, |id| Target::Field(id.to_owned())),
            msg: Msg::Problem(p.code),
        })
        .collect()
}

/// Errors for a failed call. `map` names the input of each field the server complains about;
/// `near` is the input a field-less error belongs to (a wrong code, a wrong password).
pub fn from_failure(
    failure: &ApiFailure,
    map: impl Fn(&str) -> Option<&'static str>,
    near: Option<&str>,
) -> Vec<ErrorItem> {
    let at = |msg: Msg| ErrorItem {
        target: near.map_or(Target::None, |id| Target::Field(id.to_owned())),
        msg,
    };
    let page = |page: &'static str, key: Key| ErrorItem {
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
        ErrorKind::InvalidInput if !error.fields.is_empty() => from_problems(&error.fields, |f| {
            map(f).or(if f == "code" { near_static(near) } else { None })
        }),
        ErrorKind::InvalidInput => vec![ErrorItem::general(Msg::Text(Key::ErrServer))],
        ErrorKind::CodeWrong => vec![at(match error.attempts_left {
            Some(n) => Msg::Count(Key::ErrCodeWrongLeft, n),
            None => Msg::Text(Key::ErrCodeWrong),
        })],
        ErrorKind::CodeExpired => vec![at(Msg::Text(Key::ErrCodeExpired))],
        ErrorKind::TooManyRequests => vec![at(match error.retry_after_seconds {
            Some(n) => Msg::Count(Key::ErrTooManyIn, n),
            None => Msg::Text(Key::ErrTooMany),
        })],
        ErrorKind::BadCredentials => vec![at(Msg::Text(Key::ErrBadCredentials))],
        ErrorKind::Unauthorized => vec![page("/sign-in", Key::ErrUnauthorized)],
        ErrorKind::AlreadyRegistered => vec![page("/sign-in", Key::ErrAlreadyRegistered)],
        ErrorKind::StepMissing => vec![page("/register/face", Key::ErrStepMissing)],
        ErrorKind::RequestExists => vec![page("/my-request", Key::ErrRequestExists)],
        ErrorKind::NotFound => vec![ErrorItem::general(Msg::Text(Key::ErrNotFound))],
        ErrorKind::Internal => vec![ErrorItem::general(Msg::Text(Key::ErrServer))],
    }
}

/// The code inputs have fixed ids; keeps `from_failure`'s mapping `'static`.
fn near_static(near: Option<&str>) -> Option<&'static str> {
    match near? {
        "phone-code" => Some("phone-code"),
        "email-code" => Some("email-code"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiErrorBody;
    use per_domain::api::{IdentityForm, SignupStart};

    fn api(kind: ErrorKind, fields: Vec<FieldProblem>) -> ApiFailure {
        ApiFailure::Api {
            status: 400,
            error: ApiErrorBody {
                kind,
                fields,
                attempts_left: Some(2),
                retry_after_seconds: Some(30),
            },
        }
    }

    #[test]
    fn server_fields_map_to_inputs() {
        for (field, id) in [
            ("identity.surname", "surname"),
            ("identity.personal_number", "personal-number"),
            ("date_of_birth", "date-of-birth"),
            ("identity.sex", "sex-f"),
            ("phone", "phone"),
        ] {
            assert_eq!(input_id(field), Some(id), "{field}");
        }
        assert_eq!(input_id("idempotency_key"), None);
    }

    #[test]
    fn local_problems_point_at_inputs() {
        let bad = SignupStart {
            phone: "+355 69 123 4567".into(),
            email: String::new(),
            language: "sq".into(),
        };
        let errors = from_problems(&bad.parse().unwrap_err(), input_id);
        assert_eq!(
            errors,
            vec![
                ErrorItem::field("phone", Msg::Problem(Problem::PhoneAlbanian)),
                ErrorItem::field("email", Msg::Problem(Problem::Required)),
            ]
        );
        assert_eq!(
            error_for(&errors, "email"),
            Some(Msg::Problem(Problem::Required))
        );
        assert_eq!(error_for(&errors, "surname"), None);
    }

    #[test]
    fn identity_problems_use_the_same_ids() {
        let today = per_domain::Date::parse("2026-11-21").unwrap();
        let errors = from_problems(&IdentityForm::default().parse(today).unwrap_err(), input_id);
        assert!(
            errors.iter().all(|e| matches!(e.target, Target::Field(_))),
            "{errors:?}"
        );
        assert_eq!(errors.len(), 5);
    }

    #[test]
    fn failures_say_what_to_do() {
        let code = from_failure(
            &api(ErrorKind::CodeWrong, vec![]),
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
        let wait = from_failure(&api(ErrorKind::TooManyRequests, vec![]), input_id, None);
        assert_eq!(
            wait,
            vec![ErrorItem::general(Msg::Count(Key::ErrTooManyIn, 30))]
        );
        let step = from_failure(&api(ErrorKind::StepMissing, vec![]), input_id, None);
        assert_eq!(step[0].target, Target::Page("/register/face"));
        let net = from_failure(&ApiFailure::Network, input_id, None);
        assert_eq!(net, vec![ErrorItem::general(Msg::Text(Key::ErrNetwork))]);
        let fields = from_failure(
            &api(
                ErrorKind::InvalidInput,
                vec![
                    FieldProblem::new("identity.first_name", Problem::NameInvalid),
                    FieldProblem::new("code", Problem::CodeInvalid),
                ],
            ),
            input_id,
            Some("email-code"),
        );
        assert_eq!(
            fields,
            vec![
                ErrorItem::field("first-name", Msg::Problem(Problem::NameInvalid)),
                ErrorItem::field("email-code", Msg::Problem(Problem::CodeInvalid)),
            ]
        );
    }
}
