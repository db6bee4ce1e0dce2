//! `/sign-in`: e-mail or phone, and password.

use crate::components::{BackLink, ErrorSummary, PageHeading, TextField};
use crate::form::{self, ErrorItem, Step};
use crate::i18n::{text, tr, Key};
use crate::{api, draft};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use per_domain::api::SignIn;

#[component]
pub fn SignInPage() -> impl IntoView {
    let navigate = use_navigate();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let busy = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = SignIn {
            login: login.get_untracked(),
            password: password.get_untracked(),
        };
        if let Err(problems) = body.parse() {
            errors.set(form::from_problems(&problems, form::input_id));
            return;
        }
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            let result = api::sign_in(&body).await;
            busy.set(false);
            match result {
                Ok(_me) => {
                    // Whatever this tab held may be someone else's.
                    draft::forget_all_here();
                    errors.set(Vec::new());
                    navigate("/my-request", Default::default());
                }
                Err(f) => errors.set(form::from_failure(
                    &f,
                    Step::SignIn,
                    form::input_id,
                    Some("login"),
                )),
            }
        });
    };

    let (sending, sign_in) = (tr(Key::Sending), tr(Key::SignIn));
    view! {
        <BackLink href="/"/>
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::SignInTitle/>
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
        <p>{tr(Key::NoAccount)} " " <a href="/register/contact">{tr(Key::CreateAccount)}</a></p>
    }
}
