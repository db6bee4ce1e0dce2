//! `/my-request/password`: the current password, then the new one (the registration's
//! rules; the server also refuses common ones and ones holding the voter's phone or e-mail).
//! A wrong current password counts towards the sign-in lock, which is said with its wait.
//! Every other session of the account ends; this one stays.

use crate::texts::AKey;
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::api::{self, ApiFailure};
use per_client::components::{BackLink, ErrorSummary, NewPassword, PageHeading, TextField};
use per_client::form::{self, ErrorItem, Msg, Step};
use per_client::i18n::{tr, Key};
use per_domain::api::{ChangePassword, ErrorKind};
use per_domain::{Field, Password, Problem, Route};

/// The problems found before sending: each password said apart (the wire names both
/// `password`).
pub fn local_errors(body: &ChangePassword) -> Vec<ErrorItem> {
    let mut errors = Vec::new();
    if body.old_password.is_empty() {
        errors.push(ErrorItem::field(
            "current-password",
            Msg::Other(AKey::RequiredCurrentPassword.into(), None),
        ));
    }
    match Password::parse(&body.new_password) {
        Ok(_) => {}
        Err(Problem::Required) => errors.push(ErrorItem::field(
            "password",
            Msg::Other(AKey::RequiredNewPassword.into(), None),
        )),
        Err(p) => errors.push(ErrorItem::field("password", Msg::About(Field::Password, p))),
    }
    errors
}

/// What the server's refusal says: the server's `password` problems are the new password's
/// (the current one is only checked against the account).
pub fn change_errors(f: &ApiFailure) -> Vec<ErrorItem> {
    let (kind, wait) = match f {
        ApiFailure::Api { error, .. } => (Some(error.kind), error.retry_after_seconds),
        _ => (None, None),
    };
    let at_current = |msg| vec![ErrorItem::field("current-password", msg)];
    match (kind, wait) {
        (Some(ErrorKind::BadCredentials), _) => {
            at_current(Msg::Other(AKey::ErrCurrentPasswordWrong.into(), None))
        }
        (Some(ErrorKind::TooManyRequests), Some(secs)) => {
            at_current(Msg::OtherWait(AKey::ErrPasswordLockedIn.into(), secs))
        }
        _ => form::from_failure(f, Step::MyRequest, form::input_id, Some("current-password")),
    }
}

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let current = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let busy = RwSignal::new(false);
    let go = per_client::nav::use_go();
    let notice = super::Notice::use_notice();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = ChangePassword {
            old_password: current.get_untracked(),
            new_password: password.get_untracked(),
        };
        let local = local_errors(&body);
        if !local.is_empty() {
            errors.set(local);
            return;
        }
        busy.set(true);
        let go = go.clone();
        spawn_local(async move {
            let result = api::change_password(&body).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    notice.leave(AKey::PasswordChanged);
                    go(Route::MyRequest);
                }
                Err(f) => errors.set(change_errors(&f)),
            }
        });
    };

    let (sending, save) = (tr(Key::Sending), tr(AKey::SaveNewPassword));
    view! {
        <BackLink to=Route::MyRequest/>
        <ErrorSummary errors=errors/>
        <PageHeading key=AKey::ChangeTitle/>
        <p>{tr(AKey::ChangeLead)}</p>
        <form novalidate on:submit=on_submit>
            <TextField
                id="current-password"
                label=AKey::CurrentPasswordLabel
                kind="password"
                autocomplete="current-password"
                width="input--width-20"
                verbatim=true
                value=current
                errors=errors
            />
            <NewPassword id="password" label=AKey::NewPasswordLabel value=password errors=errors/>
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { save() }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_client::api::ApiErrorBody;
    use per_domain::{FieldProblem, Language};

    fn failure(kind: ErrorKind, fields: Vec<FieldProblem>, wait: Option<u32>) -> ApiFailure {
        ApiFailure::Api {
            status: 400,
            error: ApiErrorBody {
                kind,
                fields,
                attempts_left: None,
                retry_after_seconds: wait,
                reason: None,
            },
        }
    }

    #[test]
    fn each_password_is_said_apart() {
        crate::texts::english();
        let empty = local_errors(&ChangePassword::default());
        assert_eq!(empty.len(), 2);
        let said: Vec<String> = empty.iter().map(|e| e.msg.render(Language::En)).collect();
        assert_eq!(
            said,
            ["Enter your current password", "Enter the new password"]
        );
        let short = local_errors(&ChangePassword {
            old_password: "old one".into(),
            new_password: "short".into(),
        });
        assert_eq!(
            short,
            [ErrorItem::field(
                "password",
                Msg::About(Field::Password, Problem::PasswordTooShort)
            )]
        );
    }

    #[test]
    fn the_servers_refusals_are_specific() {
        crate::texts::english();
        let wrong = change_errors(&failure(ErrorKind::BadCredentials, vec![], None));
        assert_eq!(
            wrong[0].msg.render(Language::En),
            "The current password is wrong."
        );
        let locked = change_errors(&failure(ErrorKind::TooManyRequests, vec![], Some(840)));
        assert_eq!(
            locked[0].msg.render(Language::En),
            "Too many wrong passwords: the account is locked. Try again in 14 minutes."
        );
        let common = change_errors(&failure(
            ErrorKind::InvalidInput,
            vec![FieldProblem::new(
                Field::Password,
                Problem::PasswordTooCommon,
            )],
            None,
        ));
        assert_eq!(
            common,
            [ErrorItem::field(
                "password",
                Msg::About(Field::Password, Problem::PasswordTooCommon)
            )]
        );
    }
}
