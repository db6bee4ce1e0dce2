//! `/register/contact`: mobile number and e-mail; both get a code.

use leptos::prelude::*;
use per_client::components::{BackLink, ErrorSummary, PageHeading, TextField};
use per_client::draft::{self, ContactDraft, SignupSession, WebStore};
use per_client::form::{ErrorItem, Step};
use per_client::i18n::{text, tr, use_lang, Key};
use per_client::submit::use_submit;
use per_client::{api, dom};
use per_domain::api::SignupStart;
use per_domain::Route;

#[component]
pub fn Contact() -> impl IntoView {
    let lang = use_lang();
    let session = WebStore::session();
    let saved: ContactDraft = session
        .as_ref()
        .and_then(|s| draft::load(s, draft::CONTACT_KEY))
        .unwrap_or_default();
    let phone = RwSignal::new(saved.phone);
    let email = RwSignal::new(saved.email);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let submit = use_submit(errors, Step::Contact, None);
    let busy = submit.busy;

    Effect::new(move |_| {
        let d = ContactDraft {
            phone: phone.get(),
            email: email.get(),
        };
        if let Some(s) = WebStore::session() {
            draft::save(&s, draft::CONTACT_KEY, &d);
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = SignupStart {
            phone: phone.get_untracked(),
            email: email.get_untracked(),
            language: lang.get_untracked().code().to_owned(),
        };
        submit.send(body.parse().map(drop), body, api::signup, |started, _| {
            if let Some(s) = WebStore::session() {
                let session = SignupSession::started(&started, dom::now_ms());
                draft::save(&s, draft::SIGNUP_KEY, &session);
            }
            Route::Verify
        });
    };

    let (sending, send) = (tr(Key::Sending), tr(Key::SendCodes));
    view! {
        <BackLink to=Route::Start/>
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::ContactTitle/>
        <p>{tr(Key::ContactLead)}</p>
        <form novalidate on:submit=on_submit>
            <TextField
                id="phone"
                label=Key::PhoneLabel
                hint=text(Key::PhoneHint)
                kind="tel"
                autocomplete="tel"
                inputmode="tel"
                width="input--width-20"
                verbatim=true
                value=phone
                errors=errors
            />
            <TextField
                id="email"
                label=Key::EmailLabel
                hint=text(Key::EmailHint)
                kind="email"
                autocomplete="email"
                verbatim=true
                value=email
                errors=errors
            />
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { send() }}
            </button>
        </form>
    }
}
