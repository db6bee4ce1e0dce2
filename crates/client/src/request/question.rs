//! A page of questions (document, name, birth, personal number, address, proof): each
//! question from the table in `steps`, its answer kept in the draft as it is typed, the
//! page's own problems shown on "Continue", then the next page (or back to the check page
//! when the voter came from its "change" link).

use super::country;
use super::state::DraftState;
use super::steps::{self, Input, Question, QuestionPage};
use super::texts::RKey;
use crate::components::{BackLink, ErrorSummary, PageHeading, TextField};
use crate::form::{self, error_for, ErrorItem, Msg};
use crate::i18n::{t, tr, use_lang, Frame, Key};
use crate::{dom, nav};
use leptos::prelude::*;
use per_domain::{Date, Field, Route};

/// Whether the page was opened from the check page's "change" link (`?change`).
pub fn returning() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.contains("change"))
}

/// The errors of the question page, for what it shows besides its questions (an upload).
#[derive(Debug, Clone, Copy)]
pub struct PageErrors(pub RwSignal<Vec<ErrorItem>>);

#[component]
pub fn QuestionPageView(
    page: &'static QuestionPage,
    /// How the questions are shown ([`any_input`], or [`choice_input`] for a page of choices
    /// only, so that its entry does not link the text and country inputs).
    #[prop(default = any_input)]
    input: fn(Question, RwSignal<Vec<ErrorItem>>) -> AnyView,
    #[prop(optional)] children: Option<Children>,
    /// The children go just before this question (the proof page's declaration comes after
    /// its upload: read order, visual order and tab order the same); after them all if none.
    #[prop(optional)]
    children_before: Option<Field>,
) -> impl IntoView {
    let state = expect_context::<DraftState>();
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    provide_context(PageErrors(errors));
    let back_to_check = returning();
    let navigate = nav::use_go();
    let lang = use_lang();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(today) = dom::today() else { return };
        let mut found = state
            .draft
            .with_untracked(|d| steps::problems_on(page, d, today));
        if page.route == Route::RequestProof {
            // In the page's order: the kind, the upload, the declaration.
            let at = found
                .iter()
                .position(|p| p.field == per_domain::Field::ProofDeclaration)
                .unwrap_or(found.len());
            let missing = super::uploads::missing(
                &state.draft.get_untracked(),
                &[per_domain::UploadKind::ProofOfAddress],
            );
            found.splice(at..at, missing);
        }
        if !found.is_empty() {
            errors.set(form::from_problems(&found, form::input_id));
            return;
        }
        errors.set(Vec::new());
        let to = if back_to_check {
            Route::RequestCheck
        } else {
            steps::next(page.route)
        };
        if to.entry() == nav::current() {
            state.save_to_server();
            navigate(to);
        } else {
            // Another entry's page is a full load, which cancels a save still in flight:
            // the step reaches the server first (another device continues from it).
            let navigate = navigate.clone();
            state.save_then(Some(Box::new(move || navigate(to))));
        }
    };

    let expired = move || {
        let expiry = state.draft.with(|d| steps::value(d, Field::DocumentExpiry));
        match (Date::parse(&expiry), dom::today()) {
            (Ok(d), Some(today)) => d < today,
            _ => false,
        }
    };
    let back = if back_to_check {
        Route::RequestCheck
    } else {
        steps::previous(page.route)
    };
    let (save, next) = (tr(RKey::SaveAndCheck), tr(Key::Continue));
    view! {
        <BackLink to=back/>
        <ErrorSummary errors=errors/>
        <PageHeading key=page.title/>
        {page.lead.map(|l| view! { <p>{tr(l)}</p> })}
        <form novalidate on:submit=on_submit>
            {
                let split = children_before
                    .and_then(|f| page.questions.iter().position(|q| q.field == f))
                    .unwrap_or(page.questions.len());
                let (before, after) = page.questions.split_at(split);
                view! {
                    {before.iter().map(|q| input(*q, errors)).collect_view()}
                    {children.map(|c| c())}
                    {after.iter().map(|q| input(*q, errors)).collect_view()}
                }
            }
            {(page.route == Route::RequestDocument).then(|| view! {
                <div role="status" id="expired-notice">
                    {move || expired().then(|| view! { <p class="warning">{t(lang.get(), RKey::ExpiredNotice)}</p> })}
                </div>
            })}
            <button type="submit" class="button" id="submit">
                {move || if back_to_check { save() } else { next() }}
            </button>
        </form>
        <p class="hint">{tr(RKey::DraftKept)}</p>
    }
}

/// One question of any kind, its answer bound to the draft.
pub fn any_input(q: Question, errors: RwSignal<Vec<ErrorItem>>) -> AnyView {
    let value = bound(q.field);
    let id = form::input_id(q.field).unwrap_or("field");
    match q.input {
        Input::Text {
            autocomplete,
            width,
            verbatim,
        } => view! {
            <TextField
                id=id
                label=q.label
                hint=q.hint.map(crate::i18n::text)
                autocomplete=autocomplete
                width=width
                verbatim=verbatim
                value=value
                errors=errors
            />
        }
        .into_any(),
        Input::Date => view! {
            <TextField id=id label=q.label hint=q.hint.map(crate::i18n::text) kind="date" value=value errors=errors/>
        }
        .into_any(),
        Input::Country => view! { <country::CountrySelect q=q value=value errors=errors/> }.into_any(),
        Input::Radios(_) | Input::Checkbox => choice(q, value, errors),
    }
}

/// One question that is a choice (radios or a box to tick); nothing for another kind.
pub fn choice_input(q: Question, errors: RwSignal<Vec<ErrorItem>>) -> AnyView {
    let value = bound(q.field);
    choice(q, value, errors)
}

fn choice(q: Question, value: RwSignal<String>, errors: RwSignal<Vec<ErrorItem>>) -> AnyView {
    match q.input {
        Input::Radios(options) => {
            view! { <Radios q=q options=options value=value errors=errors/> }.into_any()
        }
        Input::Checkbox => view! { <Checkbox q=q value=value errors=errors/> }.into_any(),
        _ => ().into_any(),
    }
}

/// The answer to `field`, bound to the draft both ways.
fn bound(field: Field) -> RwSignal<String> {
    let state = expect_context::<DraftState>();
    let value = RwSignal::new(state.draft.with_untracked(|d| steps::value(d, field)));
    // The draft follows every keystroke (and the draft is saved in this tab at once).
    Effect::new(move |first: Option<()>| {
        let v = value.get();
        if first.is_some() {
            state.draft.update(|d| steps::set(d, field, v));
        }
    });
    // A draft loaded from the server after the page opened (another device) fills the page.
    Effect::new(move |_| {
        state.loaded.get();
        let v = state.draft.with_untracked(|d| steps::value(d, field));
        if v != value.get_untracked() {
            value.set(v);
        }
    });
    value
}

/// The error line of a field, if it has one.
pub fn error_line(errors: RwSignal<Vec<ErrorItem>>, id: &'static str) -> impl IntoView {
    let lang = use_lang();
    let error_id = [id, "-error"].concat();
    move || {
        error_for(&errors.read(), id).map(|msg: Msg| {
            view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{t(lang.get(), Frame::ErrorPrefix)} " "</span>
                    {msg.render(lang.get())}
                </p>
            }
        })
    }
}

fn group_class(errors: RwSignal<Vec<ErrorItem>>, id: &'static str) -> impl Fn() -> &'static str {
    move || {
        if error_for(&errors.read(), id).is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    }
}

#[component]
fn Radios(
    q: Question,
    options: &'static [(&'static str, crate::i18n::TextId)],
    value: RwSignal<String>,
    errors: RwSignal<Vec<ErrorItem>>,
) -> impl IntoView {
    let lang = use_lang();
    let first = form::input_id(q.field).unwrap_or("field");
    let prefix = form::radio_prefix(q.field);
    let hint_id = [prefix, "hint"].concat();
    let has_hint = q.hint.is_some();
    let described = {
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error_for(&errors.read(), first).is_some() {
                ids.push([first, "-error"].concat());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class=group_class(errors, first)>
            <fieldset class="fieldset" aria-describedby=described>
                <legend class="fieldset__legend">{tr(q.label)}</legend>
                {q.hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{tr(h)}</div> })}
                {error_line(errors, first)}
                <div class="radios">
                    {options.iter().map(|&(code, label)| {
                        let id = form::radio_id(q.field, code);
                        view! {
                            <div class="radios__item">
                                <input
                                    class="radios__input"
                                    type="radio"
                                    id=id.clone()
                                    name=prefix
                                    value=code
                                    prop:checked=move || value.get() == code
                                    on:change=move |_| value.set(code.to_owned())
                                />
                                <label class="label radios__label" for=id>{move || t(lang.get(), label)}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

#[component]
fn Checkbox(
    q: Question,
    value: RwSignal<String>,
    errors: RwSignal<Vec<ErrorItem>>,
) -> impl IntoView {
    let id = form::input_id(q.field).unwrap_or("field");
    view! {
        <div class=group_class(errors, id)>
            {error_line(errors, id)}
            <div class="radios__item">
                <input
                    class="radios__input"
                    type="checkbox"
                    id=id
                    name=id
                    aria-describedby=move || error_for(&errors.read(), id).map(|_| [id, "-error"].concat())
                    prop:checked=move || value.get() == "true"
                    on:change=move |ev| value.set(if event_target_checked(&ev) { "true".to_owned() } else { String::new() })
                />
                <label class="label radios__label" for=id>{tr(q.label)}</label>
            </div>
        </div>
    }
}

/// Says so when registration is closed (`GET /api/window`): the answers are kept, but no
/// request can be sent.
#[component]
pub fn WindowNotice() -> impl IntoView {
    let closed = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Ok(w) = crate::api::window().await {
            closed.set(!w.open);
        }
    });
    view! {
        <Show when=move || closed.get()>
            <div class="warning" role="alert" id="window-closed">
                <p><strong>{tr(RKey::WindowClosedTitle)}</strong></p>
                <p>{tr(Key::WindowClosed)}</p>
            </div>
        </Show>
    }
}
