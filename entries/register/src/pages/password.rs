//! `/register/password`: choose the password; the account exists from here on.

use crate::pages::verify::NoSignup;
use leptos::prelude::*;
use per_client::api;
use per_client::components::{BackLink, ErrorSummary, NewPassword, PageHeading};
use per_client::draft::{self, SignupSession, WebStore};
use per_client::form::{ErrorItem, Step};
use per_client::i18n::{tr, Key};
use per_client::submit::use_submit;
use per_domain::api::CompleteSignup;
use per_domain::Route;

#[component]
pub fn PasswordPage() -> impl IntoView {
    let loaded: Option<SignupSession> =
        WebStore::session().and_then(|s| draft::load(&s, draft::SIGNUP_KEY));
    let Some(signup) = loaded else {
        return view! { <NoSignup/> }.into_any();
    };
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let submit = use_submit(errors, Step::Password, Some("password"));
    let busy = submit.busy;
    let signup_id = StoredValue::new(signup.signup_id);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = CompleteSignup {
            signup_id: signup_id.get_value(),
            password: password.get_untracked(),
        };
        submit.send(body.parse().map(drop), body, api::complete, |_me, _| {
            // Signed in as a new account: nothing typed before belongs to it.
            draft::forget_all_here();
            Route::Face
        });
    };

    let (sending, create) = (tr(Key::Sending), tr(Key::CreateAccount));
    view! {
        <BackLink to=Route::Verify/>
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::PasswordTitle/>
        <form novalidate on:submit=on_submit>
            <NewPassword id="password" label=Key::PasswordLabel value=password errors=errors/>
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { create() }}
            </button>
        </form>
    }
    .into_any()
}
