//! `/request/check`: every answer with a "change" link (the page opens with `?change` and
//! comes back here), the declaration, and the idempotent submission: the draft's key goes
//! with the request, so a retry or a double tap returns the same request.

use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::components::{BackLink, ErrorSummary, PageHeading};
use per_client::draft::{KeyValue, WebStore, REFERENCE_KEY};
use per_client::form::{self, error_for, ErrorItem, Msg, Step, Target};
use per_client::i18n::{t, tr, use_lang, Key, TextId};
use per_client::request::state::DraftState;
use per_client::request::steps::{self, Input};
use per_client::request::texts::RKey;
use per_client::request::{country, uploads as photo};
use per_client::{api, dom, nav};
use per_domain::api::{RequestDraft, SubmitRequest};
use per_domain::{Date, Field, FieldProblem, Language, Route, UploadKind};

static IDENTITY_PAGES: [&steps::QuestionPage; 4] = [
    &steps::DOCUMENT,
    &steps::NAME,
    &steps::BIRTH,
    &steps::PERSONAL_NUMBER,
];
static ADDRESS_PAGES: [&steps::QuestionPage; 1] = [&steps::ADDRESS];

/// `YYYY-MM-DD` as `DD.MM.YYYY`.
fn day_first(d: &str) -> String {
    match Date::parse(d) {
        Ok(_) => [&d[8..], ".", &d[5..7], ".", &d[..4]].concat(),
        Err(_) => d.to_owned(),
    }
}

/// The answer to `field` as the voter reads it.
fn shown(lang: Language, d: &RequestDraft, field: Field, input: Input) -> String {
    let v = steps::value(d, field);
    if v.trim().is_empty() {
        return String::new();
    }
    match input {
        Input::Radios(options) => options
            .iter()
            .find(|(code, _)| *code == v)
            .map_or(v.clone(), |(_, label)| t(lang, *label)),
        Input::Country => country::name(lang, &v),
        Input::Date => day_first(&v),
        Input::Checkbox => t(lang, RKey::Yes),
        Input::Text { .. } => v,
    }
}

/// Errors of the whole request, each linking to the page that fixes it.
fn to_pages(problems: &[FieldProblem]) -> Vec<ErrorItem> {
    problems
        .iter()
        .map(|p| ErrorItem {
            target: match p.field {
                Field::Declaration => Target::Field("declaration".to_owned()),
                f => Route::of_field(f).map_or(Target::None, Target::Page),
            },
            msg: Msg::About(p.field, p.code),
        })
        .collect()
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let state = expect_context::<DraftState>();
    let lang = use_lang();
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let declared = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let navigate = nav::use_go();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(today) = dom::today() else { return };
        let d = state.draft.get_untracked();
        let body = SubmitRequest {
            idempotency_key: d.idempotency_key.clone().unwrap_or_default(),
            identity: d.identity.clone().unwrap_or_default(),
            address: d.address.clone().unwrap_or_default(),
            proof: d.proof.clone().unwrap_or_default(),
            uploads: d.uploads.clone().unwrap_or_default(),
            declaration: declared.get_untracked(),
        };
        if let Err(problems) = body.parse(today) {
            errors.set(to_pages(&problems));
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::submit(&body).await;
            busy.set(false);
            match result {
                Ok(view) => {
                    if let Some(s) = WebStore::session() {
                        s.set(REFERENCE_KEY, view.reference.as_str());
                    }
                    state.forget();
                    errors.set(Vec::new());
                    navigate(Route::RequestDone);
                }
                Err(f) => {
                    let mut shown = form::from_failure(&f, Step::Identity, form::input_id, None);
                    if let per_client::api::ApiFailure::Api { error, .. } = &f {
                        if !error.fields.is_empty() {
                            shown = to_pages(&error.fields);
                        }
                    }
                    errors.set(shown);
                }
            }
        });
    };

    let row = move |label: TextId, field: Field, input: Input, route: Route| {
        let value = move || state.draft.with(|d| shown(lang.get(), d, field, input));
        let href = [route.path(), "?change"].concat();
        let id = ["change-", field.code()].concat();
        view! {
            <div class="summary-list__row" data-field=field.code()>
                <dt>{tr(label)}</dt>
                <dd>
                    {move || {
                        let v = value();
                        if v.is_empty() { t(lang.get(), RKey::NotAnswered) } else { v }
                    }}
                </dd>
                <dd>
                    <a href=href id=id>
                        {tr(RKey::Change)}
                        <span class="visually-hidden">" " {tr(label)}</span>
                    </a>
                </dd>
            </div>
        }
    };
    let section = move |title: RKey, pages: &'static [&'static steps::QuestionPage]| {
        view! {
            <h2 class="heading-m">{tr(title)}</h2>
            <dl class="summary-list">
                {pages.iter().flat_map(|p| p.questions.iter().map(move |q| row(q.label, q.field, q.input, p.route))).collect_view()}
            </dl>
        }
    };
    let upload_row = move |kind: UploadKind, route: Route| {
        let done = move || state.draft.with(|d| photo::uploaded(d, kind).is_some());
        let href = [route.path(), "?change"].concat();
        view! {
            <div class="summary-list__row" data-field=kind.code()>
                <dt>{tr(photo::upload_label(kind))}</dt>
                <dd>{move || t(lang.get(), if done() { RKey::Uploaded } else { RKey::NotAnswered })}</dd>
                <dd><a href=href id=["change-", kind.code()].concat()>{tr(RKey::Change)}<span class="visually-hidden">" " {tr(photo::upload_label(kind))}</span></a></dd>
            </div>
        }
    };
    let declaration_error = move || error_for(&errors.read(), "declaration");
    let (sending, submit) = (tr(Key::Sending), tr(Key::SubmitRequest));
    view! {
        <BackLink to=steps::previous(Route::RequestCheck)/>
        <ErrorSummary errors=errors/>
        <PageHeading key=RKey::CheckTitle/>
        {section(RKey::SectionIdentity, &IDENTITY_PAGES)}
        <h2 class="heading-m">{tr(RKey::SectionPhotos)}</h2>
        <dl class="summary-list">
            {move || state.draft.with(photo::photo_kinds).iter().map(|k| upload_row(*k, Route::RequestPhoto)).collect_view()}
        </dl>
        {section(RKey::SectionAddress, &ADDRESS_PAGES)}
        <h2 class="heading-m">{tr(RKey::ProofTitle)}</h2>
        <dl class="summary-list">
            {row(steps::PROOF.questions[0].label, Field::ProofKind, steps::PROOF.questions[0].input, Route::RequestProof)}
            {upload_row(UploadKind::ProofOfAddress, Route::RequestProof)}
        </dl>
        <form novalidate on:submit=on_submit>
            <h2 class="heading-m">{tr(RKey::CheckDeclarationTitle)}</h2>
            <div class=move || if declaration_error().is_some() { "form-group form-group--error" } else { "form-group" }>
                {per_client::request::question::error_line(errors, "declaration")}
                <div class="radios__item">
                    <input
                        class="radios__input"
                        type="checkbox"
                        id="declaration"
                        name="declaration"
                        aria-describedby=move || declaration_error().map(|_| "declaration-error")
                        prop:checked=move || declared.get()
                        on:change=move |ev| declared.set(event_target_checked(&ev))
                    />
                    <label class="label radios__label" for="declaration">{tr(RKey::CheckDeclaration)}</label>
                </div>
            </div>
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { submit() }}
            </button>
        </form>
    }
}
