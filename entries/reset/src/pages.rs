//! The password reset: `/sign-in/reset` asks for the phone or e-mail of the account (the
//! answer is the same whether there is one), `/sign-in/reset/codes` for the code sent to
//! each and the new password (the registration's rules); then the voter signs in with it.
//! The reset's id waits in session storage between the two; the sign-in page, told by its
//! address (`/sign-in?reset`), says that the password was changed.

use crate::texts::RsKey;
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::api::{self, ApiFailure};
use per_client::components::{BackLink, ErrorSummary, NewPassword, PageHeading, TextField};
use per_client::draft::{self, KeyValue, ResetSession, WebStore, RESET_KEY};
use per_client::form::{self, ErrorItem, Msg, Step, Target};
use per_client::i18n::{fill, t, text, tr, use_lang, Key};
use per_client::submit::use_submit;
use per_domain::api::{CompleteReset, ErrorKind, StartReset};
use per_domain::Route;

/// Where a completed reset sends the voter: the sign-in, which then says so.
pub const RESET_DONE: &str = "/sign-in?reset";

#[component]
pub fn ResetStartPage() -> impl IntoView {
    let login = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let submit = use_submit(errors, Step::SignIn, Some("login"));
    let busy = submit.busy;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = StartReset {
            login: login.get_untracked(),
        };
        submit.send(body.parse().map(drop), body, api::start_reset, |r, _| {
            if let Some(s) = WebStore::session() {
                let reset = ResetSession {
                    reset_id: r.reset_id,
                    code_minutes: r.code_ttl_seconds.div_ceil(60),
                };
                draft::save(&s, RESET_KEY, &reset);
            }
            Route::ResetComplete
        });
    };
    let (sending, send) = (tr(Key::Sending), tr(Key::SendCodes));
    view! {
        <BackLink to=Route::SignIn/>
        <ErrorSummary errors=errors/>
        <PageHeading key=RsKey::ResetTitle/>
        <p>{tr(RsKey::ResetLead)}</p>
        <form novalidate on:submit=on_submit>
            <TextField
                id="login"
                label=Key::LoginLabel
                hint=text(Key::LoginHint)
                autocomplete="username"
                verbatim=true
                value=login
                errors=errors
            />
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { send() }}
            </button>
        </form>
    }
}

/// What a failed completion says: which code is wrong the server does not tell (it checks
/// the pair), an expired reset sends back to ask for new codes.
pub fn reset_errors(f: &ApiFailure) -> Vec<ErrorItem> {
    let (kind, left) = match f {
        ApiFailure::Api { error, .. } => (Some(error.kind), error.attempts_left),
        _ => (None, None),
    };
    match kind {
        Some(ErrorKind::CodeWrong) => vec![ErrorItem::field(
            "phone-code",
            match left {
                Some(n) => Msg::Other(RsKey::ErrResetCodesWrong.into(), Some(n)),
                None => Msg::Text(Key::ErrCodeWrong),
            },
        )],
        Some(ErrorKind::CodeExpired) => vec![ErrorItem {
            target: Target::Page(Route::ResetStart),
            msg: Msg::Other(RsKey::ErrResetExpired.into(), None),
        }],
        _ => form::from_failure(f, Step::SignIn, form::input_id, Some("phone-code")),
    }
}

#[component]
pub fn ResetCodesPage() -> impl IntoView {
    let lang = use_lang();
    let loaded: Option<ResetSession> = WebStore::session().and_then(|s| draft::load(&s, RESET_KEY));
    let Some(reset) = loaded else {
        return view! {
            <BackLink to=Route::SignIn/>
            <PageHeading key=RsKey::ResetTitle/>
            <p id="no-reset">{tr(RsKey::NoReset)}</p>
            <p><a href=Route::ResetStart.path() class="button">{tr(RsKey::ResetAgain)}</a></p>
        }
        .into_any();
    };
    let (phone_code, email_code, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let busy = RwSignal::new(false);
    let minutes = reset.code_minutes;
    let reset_id = StoredValue::new(reset.reset_id);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = CompleteReset {
            reset_id: reset_id.get_value(),
            phone_code: phone_code.get_untracked(),
            email_code: email_code.get_untracked(),
            new_password: password.get_untracked(),
        };
        if let Err(problems) = body.parse() {
            errors.set(form::from_problems(&problems, form::input_id));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = api::complete_reset(&body).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    if let Some(s) = WebStore::session() {
                        s.remove(RESET_KEY);
                    }
                    // The sign-in is another entry: a full page load.
                    per_client::nav::go_href(RESET_DONE);
                }
                Err(f) => errors.set(reset_errors(&f)),
            }
        });
    };

    let (sending, save) = (tr(Key::Sending), tr(RsKey::SaveNewPassword));
    view! {
        <BackLink to=Route::ResetStart/>
        <ErrorSummary errors=errors/>
        <PageHeading key=RsKey::ResetCodesTitle/>
        <p>{move || fill(&t(lang.get(), RsKey::ResetCodesLead), Some(minutes), None)}</p>
        <form novalidate on:submit=on_submit>
            <TextField id="phone-code" label=Key::PhoneCodeLabel autocomplete="one-time-code" inputmode="numeric" width="input--width-10" verbatim=true value=phone_code errors=errors/>
            <TextField id="email-code" label=Key::EmailCodeLabel autocomplete="one-time-code" inputmode="numeric" width="input--width-10" verbatim=true value=email_code errors=errors/>
            <NewPassword id="password" label=RsKey::NewPasswordLabel value=password errors=errors/>
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { save() }}
            </button>
        </form>
        <p>{tr(RsKey::ResetNoCodes)} " " <a href=Route::ResetStart.path() id="reset-again">{tr(RsKey::ResetAgain)}</a></p>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_client::api::ApiErrorBody;
    use per_domain::Language;

    fn failure(kind: ErrorKind, attempts_left: Option<u32>) -> ApiFailure {
        ApiFailure::Api {
            status: 400,
            error: ApiErrorBody {
                kind,
                fields: vec![],
                attempts_left,
                retry_after_seconds: None,
                reason: None,
            },
        }
    }

    #[test]
    fn wrong_and_expired_codes_say_what_to_do() {
        let wrong = reset_errors(&failure(ErrorKind::CodeWrong, Some(3)));
        assert_eq!(wrong[0].target, Target::Field("phone-code".into()));
        assert_eq!(
            wrong[0].msg.render(Language::Sq),
            "Një nga kodet, ose të dy, janë të gabuar. Përpjekje të mbetura: 3."
        );
        let expired = reset_errors(&failure(ErrorKind::CodeExpired, None));
        assert_eq!(expired[0].target, Target::Page(Route::ResetStart));
        assert_eq!(
            expired[0].msg,
            Msg::Other(RsKey::ErrResetExpired.into(), None)
        );
    }
}
