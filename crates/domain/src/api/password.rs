//! Changing and resetting the password: `POST /api/password` (signed in),
//! `POST /api/password/reset` (codes to the phone and the e-mail) and
//! `POST /api/password/reset/complete` (both codes and the new password).

use super::{finish, Login, Parsed};
use crate::field::Field;
use crate::problem::{Problem, Problems};
use crate::secret::{OneTimeCode, Password, SecretToken};
use serde::{Deserialize, Serialize};

/// `Debug` that prints the type's name only: these carry passwords and codes.
macro_rules! redacted {
    ($($t:ident),*) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), " { .. }"))
            }
        }
    )*};
}
redacted!(
    ChangePassword,
    ValidChangePassword,
    StartReset,
    CompleteReset,
    ValidCompleteReset
);

/// `POST /api/password`: the old password and the new one; every other session ends.
#[derive(Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"old_password": "not-the-old-password", "new_password": "Durres-2024-Plazhi"})))]
pub struct ChangePassword {
    pub old_password: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128))]
    pub new_password: String,
}

#[derive(Clone)]
pub struct ValidChangePassword {
    /// Not parsed as a [`Password`]: the old one may predate today's rules.
    pub old_password: String,
    pub new_password: Password,
}

impl ChangePassword {
    pub fn parse(&self) -> Parsed<ValidChangePassword> {
        let mut p = Problems::new();
        if self.old_password.is_empty() {
            p.push(Field::Password, Problem::Required);
        } else if self.old_password.chars().count() > Password::MAX_CHARS {
            p.push(Field::Password, Problem::PasswordTooLong);
        }
        let new_password = p.check(Field::Password, Password::parse(&self.new_password));
        let v = new_password.map(|new_password| ValidChangePassword {
            old_password: self.old_password.clone(),
            new_password,
        });
        finish(p, v)
    }
}

/// `POST /api/password/reset`: the login (phone or e-mail). The answer is the same whether
/// or not an account has it (no way to learn who is registered).
#[derive(Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"login": "+49 151 2345 6789"})))]
pub struct StartReset {
    pub login: String,
}

impl StartReset {
    pub fn parse(&self) -> Parsed<Login> {
        let mut p = Problems::new();
        let login = p.check(Field::Login, super::parse_login(&self.login));
        finish(p, login)
    }
}

/// The answer to [`StartReset`]: the reset's opaque token (random even when no account has
/// the login, so the answer tells nothing).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetStarted {
    pub reset_id: String,
    pub code_ttl_seconds: u32,
}

/// `POST /api/password/reset/complete`: both codes and the new password; every session of
/// the account ends, and none is opened (the voter signs in with the new password).
#[derive(Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"reset_id": "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", "phone_code": "123456", "email_code": "654321", "new_password": "Durres-2024-Plazhi"})))]
pub struct CompleteReset {
    /// The reset's token (validated like a sign-up's; its problems are named `signup_id`).
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{43}$"))]
    pub reset_id: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{6}$"))]
    pub phone_code: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{6}$"))]
    pub email_code: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128))]
    pub new_password: String,
}

#[derive(Clone)]
pub struct ValidCompleteReset {
    pub reset_id: SecretToken,
    pub phone_code: OneTimeCode,
    pub email_code: OneTimeCode,
    pub new_password: Password,
}

impl CompleteReset {
    pub fn parse(&self) -> Parsed<ValidCompleteReset> {
        let mut p = Problems::new();
        let reset_id = p.check(Field::SignupId, SecretToken::parse(&self.reset_id));
        let phone_code = p.check(Field::PhoneCode, OneTimeCode::parse(&self.phone_code));
        let email_code = p.check(Field::EmailCode, OneTimeCode::parse(&self.email_code));
        let new_password = p.check(Field::Password, Password::parse(&self.new_password));
        let v = (|| {
            Some(ValidCompleteReset {
                reset_id: reset_id?,
                phone_code: phone_code?,
                email_code: email_code?,
                new_password: new_password?,
            })
        })();
        finish(p, v)
    }
}

/// `GET /api/session`: the session's clock, for the app's idle warning. The call renews the
/// session ("stay signed in"), so `idle_left_seconds` is counted from this answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionClock {
    /// A session ends after this long unused.
    pub idle_seconds: u32,
    /// ... and this long after sign-in, however used.
    pub absolute_seconds: u32,
    /// Seconds until the session ends if unused from now (at most `idle_seconds`; less
    /// when the absolute end is nearer).
    pub idle_left_seconds: u32,
    /// Seconds until the absolute end (renewing cannot pass it).
    pub absolute_left_seconds: u32,
    /// Any other answered call renews the idle time too, to within this many seconds (the
    /// server writes a session's use at most this often).
    pub renew_slack_seconds: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_fields_are_named() {
        let bad = CompleteReset {
            reset_id: "x".into(),
            phone_code: "12".into(),
            email_code: "123456".into(),
            new_password: "short".into(),
        };
        let fields: Vec<_> = bad.parse().err().unwrap().iter().map(|f| f.field).collect();
        assert_eq!(fields, [Field::SignupId, Field::PhoneCode, Field::Password]);
        assert!(StartReset {
            login: "nobody".into()
        }
        .parse()
        .is_err());
        assert!(StartReset {
            login: "a@example.com".into()
        }
        .parse()
        .is_ok());
        let change = ChangePassword {
            old_password: String::new(),
            new_password: "long enough one".into(),
        };
        assert!(change.parse().is_err());
    }
}
