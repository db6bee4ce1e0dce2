//! `/register/contact`: mobile number and e-mail; both get a code.

use crate::components::{BackLink, ErrorSummary, PageHeading, TextField};
use crate::draft::{self, ContactDraft, SignupSession, WebStore};
use crate::form::{self, ErrorItem, Step};
use crate::i18n::{text, tr, use_lang, Key};
use crate::{api, dom};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use per_domain::api::SignupStart;

#[component]
pub fn Contact() -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let session = WebStore::session();
    let saved: ContactDraft = session
        .as_ref()
        .and_then(|s| draft::load(s, draft::CONTACT_KEY))
        .unwrap_or_default();
    let phone = RwSignal::new(saved.phone);
    let email = RwSignal::new(saved.email);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let busy = RwSignal::new(false);

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
        if busy.get_untracked() {
            return;
        }
        let body = SignupStart {
            phone: phone.get_untracked(),
            email: email.get_untracked(),
            language: lang.get_untracked().code().to_owned(),
        };
        if let Err(problems) = body.parse() {
            errors.set(form::from_problems(&problems, form::input_id));
            return;
        }
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            let result = api::signup(&body).await;
            busy.set(false);
            match result {
                Ok(started) => {
                    if let Some(s) = WebStore::session() {
                        draft::save(
                            &s,
                            draft::SIGNUP_KEY,
                            &SignupSession::started(&started, dom::now_ms()),
                        );
                    }
                    errors.set(Vec::new());
                    navigate("/register/verify", Default::default());
                }
                Err(f) => errors.set(form::from_failure(&f, Step::Contact, form::input_id, None)),
            }
        });
    };

    let (sending, send) = (tr(Key::Sending), tr(Key::SendCodes));
    view! {
        <BackLink href="/"/>
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
