//! `/sign-in`: e-mail or phone, and password; "forgot your password?" leads to the reset.

use leptos::prelude::*;
use per_client::components::{BackLink, ErrorSummary, PageHeading, TextField};
use per_client::form::{ErrorItem, Step};
use per_client::i18n::{text, tr, Key};
use per_client::submit::use_submit;
use per_client::{api, draft};
use per_domain::api::SignIn;
use per_domain::Route;

use crate::texts::AKey;

/// Whether the address says a password reset was just completed (`/sign-in?reset`).
fn reset_done() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q == "?reset")
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let submit = use_submit(errors, Step::SignIn, Some("login"));
    let busy = submit.busy;

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = SignIn {
            login: login.get_untracked(),
            password: password.get_untracked(),
        };
        submit.send(body.parse().map(drop), body, api::sign_in, |_me, _| {
            // Whatever this tab held may be someone else's.
            draft::forget_all_here();
            Route::MyRequest
        });
    };

    let (sending, sign_in) = (tr(Key::Sending), tr(Key::SignIn));
    view! {
        <BackLink to=Route::Start/>
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::SignInTitle/>
        {super::Notice::view_or(reset_done().then_some(AKey::ResetDone))}
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
            <TextField
                id="password"
                label=Key::PasswordLabel
                kind="password"
                autocomplete="current-password"
                width="input--width-20"
                verbatim=true
                value=password
                errors=errors
            />
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { sign_in() }}
            </button>
        </form>
        <p><a href=Route::ResetStart.path() rel=per_client::nav::rel(Route::ResetStart) id="forgot-password">{tr(AKey::ForgotPassword)}</a></p>
        <p>{tr(Key::NoAccount)} " " <a href=Route::Contact.path() rel=per_client::nav::rel(Route::Contact)>{tr(Key::CreateAccount)}</a></p>
    }
}
