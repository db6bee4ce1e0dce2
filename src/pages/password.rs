//! `/register/password`: choose the password; the account exists from here on.

use crate::api;
use crate::components::{BackLink, ErrorSummary, PageHeading, TextField};
use crate::draft::{self, SignupSession, WebStore};
use crate::form::{self, ErrorItem, Step};
use crate::i18n::{text, tr, Key};
use crate::pages::verify::NoSignup;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use per_domain::api::CompleteSignup;

#[component]
pub fn PasswordPage() -> impl IntoView {
    let loaded: Option<SignupSession> =
        WebStore::session().and_then(|s| draft::load(&s, draft::SIGNUP_KEY));
    let Some(signup) = loaded else {
        return view! { <NoSignup/> }.into_any();
    };
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let busy = RwSignal::new(false);
    let signup_id = StoredValue::new(signup.signup_id);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = CompleteSignup {
            signup_id: signup_id.get_value(),
            password: password.get_untracked(),
        };
        if let Err(problems) = body.parse() {
            errors.set(form::from_problems(&problems, form::input_id));
            return;
        }
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            let result = api::complete(&body).await;
            busy.set(false);
            match result {
                Ok(_me) => {
                    // Signed in as a new account: nothing typed before belongs to it.
                    draft::forget_all_here();
                    errors.set(Vec::new());
                    navigate("/register/face", Default::default());
                }
                Err(f) => errors.set(form::from_failure(
                    &f,
                    Step::Password,
                    form::input_id,
                    Some("password"),
                )),
            }
        });
    };

    let (sending, create) = (tr(Key::Sending), tr(Key::CreateAccount));
    view! {
        <BackLink href="/register/verify"/>
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::PasswordTitle/>
        <form novalidate on:submit=on_submit>
            <TextField
                id="password"
                label=Key::PasswordLabel
                hint=text(Key::PasswordHint)
                kind=Signal::derive(move || if shown.get() { "text" } else { "password" })
                autocomplete="new-password"
                width="input--width-20"
                verbatim=true
                value=password
                errors=errors
            >
                <button
                    type="button"
                    class="button button--secondary button--inline"
                    id="password-toggle"
                    aria-controls="password"
                    aria-pressed=move || if shown.get() { "true" } else { "false" }
                    on:click=move |_| shown.update(|s| *s = !*s)
                >
                    {tr(Key::ShowPassword)}
                </button>
            </TextField>
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { create() }}
            </button>
        </form>
    }
    .into_any()
}
