//! `/request/identity`: personal data as on the ID document, kept as a draft in this tab
//! (`sessionStorage`), then the idempotent submission of the request.

use leptos::prelude::*;
use per_client::components::{BackLink, ErrorSummary, PageHeading, TextField};
use per_client::draft::{self, IdentityDraft, KeyValue, WebStore};
use per_client::form::{error_for, ErrorItem, Msg, Step};
use per_client::i18n::{t, text, tr, use_lang, Frame, Key};
use per_client::submit::use_submit;
use per_client::{api, dom};
use per_domain::api::{IdentityForm, SubmitRequest};
use per_domain::Route;

#[component]
pub fn IdentityPage() -> impl IntoView {
    let lang = use_lang();
    let saved = match WebStore::session() {
        Some(store) => IdentityDraft::load_or_new(&store, draft::new_idempotency_key),
        None => IdentityDraft {
            form: IdentityForm::default(),
            idempotency_key: draft::new_idempotency_key(),
        },
    };
    let key = StoredValue::new(saved.idempotency_key);
    let personal_number = RwSignal::new(saved.form.personal_number);
    let first_name = RwSignal::new(saved.form.first_name);
    let surname = RwSignal::new(saved.form.surname);
    let date_of_birth = RwSignal::new(saved.form.date_of_birth);
    let sex = RwSignal::new(saved.form.sex);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let submit = use_submit(errors, Step::Identity, None);
    let busy = submit.busy;

    let current = move || IdentityForm {
        personal_number: personal_number.get(),
        first_name: first_name.get(),
        surname: surname.get(),
        date_of_birth: date_of_birth.get(),
        sex: sex.get(),
        // The document's fields come with the full personal-data pages (issue 9).
        ..IdentityForm::default()
    };
    // Every keystroke is kept, so a reload or a crash loses nothing.
    Effect::new(move |_| {
        let d = IdentityDraft {
            form: current(),
            idempotency_key: key.get_value(),
        };
        if let Some(store) = WebStore::session() {
            draft::save(&store, draft::IDENTITY_KEY, &d);
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let identity = untrack(current);
        let Some(today) = dom::today() else { return };
        let parsed = identity.parse(today).map(drop);
        let body = SubmitRequest {
            idempotency_key: key.get_value(),
            identity,
            ..SubmitRequest::default()
        };
        submit.send(parsed, body, api::submit, |view, body| {
            if let Some(s) = WebStore::session() {
                s.set(draft::REFERENCE_KEY, view.reference.as_str());
                IdentityDraft::submitted(&s, &body.identity);
            }
            Route::Done
        });
    };

    let sex_error = move || error_for(&errors.read(), "sex-f");
    let sex_radio = move |value: &'static str, id: &'static str, label: Key| {
        view! {
            <div class="radios__item">
                <input
                    class="radios__input"
                    type="radio"
                    id=id
                    name="sex"
                    value=value
                    prop:checked=move || sex.get() == value
                    on:change=move |_| sex.set(value.to_owned())
                />
                <label class="label radios__label" for=id>{move || t(lang.get(), label)}</label>
            </div>
        }
    };
    let (sending, submit) = (tr(Key::Sending), tr(Key::SubmitRequest));
    view! {
        <BackLink to=Route::Face/>
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::IdentityTitle/>
        <p>{tr(Key::IdentityLead)}</p>
        <p class="hint">{tr(Key::DraftSaved)}</p>
        <form novalidate on:submit=on_submit>
            <TextField
                id="personal-number"
                label=Key::PersonalNumberLabel
                hint=text(Key::PersonalNumberHint)
                width="input--width-10"
                verbatim=true
                value=personal_number
                errors=errors
            />
            <TextField id="first-name" label=Key::FirstNameLabel autocomplete="given-name" value=first_name errors=errors/>
            <TextField id="surname" label=Key::SurnameLabel autocomplete="family-name" value=surname errors=errors/>
            <TextField
                id="date-of-birth"
                label=Key::DobLabel
                hint=text(Key::DobHint)
                kind="date"
                autocomplete="bday"
                value=date_of_birth
                errors=errors
            />
            <div class=move || if sex_error().is_some() { "form-group form-group--error" } else { "form-group" }>
                <fieldset
                    class="fieldset"
                    aria-describedby=move || if sex_error().is_some() { "sex-hint sex-error" } else { "sex-hint" }
                >
                    <legend class="fieldset__legend">{tr(Key::SexLegend)}</legend>
                    <div class="hint" id="sex-hint">{tr(Key::SexHint)}</div>
                    {move || sex_error().map(|msg: Msg| view! {
                        <p class="error-message" id="sex-error">
                            <span class="visually-hidden">{t(lang.get(), Frame::ErrorPrefix)} " "</span>
                            {msg.render(lang.get())}
                        </p>
                    })}
                    <div class="radios">
                        {sex_radio("F", "sex-f", Key::SexF)}
                        {sex_radio("M", "sex-m", Key::SexM)}
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { submit() }}
            </button>
        </form>
    }
}
