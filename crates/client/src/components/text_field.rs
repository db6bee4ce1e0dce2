//! A labelled input with its hint and its error message, wired for assistive technology
//! (`aria-describedby`, `aria-invalid`). Extra content (a show/hide button) goes after it.

use crate::form::{error_for, ErrorItem};
use crate::i18n::{t, use_lang, Frame, TextId};
use leptos::prelude::*;

#[component]
pub fn TextField(
    /// The input's id and name; the error summary links to it.
    id: &'static str,
    #[prop(into)] label: TextId,
    #[prop(optional_no_strip, into)] hint: Option<Signal<String>>,
    /// A hint with markup (a masked contact), instead of `hint`.
    #[prop(optional, into)]
    rich_hint: Option<ViewFn>,
    /// `text`, `email`, `tel`, `password`, `date`...
    #[prop(into, default = Signal::stored("text"))]
    kind: Signal<&'static str>,
    #[prop(optional_no_strip, into)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// A width class such as `input--width-10`.
    #[prop(optional_no_strip, into)]
    width: Option<&'static str>,
    /// For codes, numbers and addresses: no spell-checking nor capitals.
    #[prop(optional)]
    verbatim: bool,
    value: RwSignal<String>,
    errors: RwSignal<Vec<ErrorItem>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let error = move || error_for(&errors.read(), id);
    let hint_id = [id, "-hint"].concat();
    let error_id = [id, "-error"].concat();
    let has_hint = hint.is_some() || rich_hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let input_class = move || {
        let mut c = String::from("input");
        if let Some(w) = width {
            c.push(' ');
            c.push_str(w);
        }
        if error().is_some() {
            c.push_str(" input--error");
        }
        c
    };
    view! {
        <div class=move || if error().is_some() { "form-group form-group--error" } else { "form-group" }>
            <label class="label" for=id>{move || t(lang.get(), label)}</label>
            {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
            {rich_hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h.run()}</div> })}
            {move || error().map(|msg| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{t(lang.get(), Frame::ErrorPrefix)} " "</span>
                    {msg.render(lang.get())}
                </p>
            })}
            <div class="input-row">
                <input
                    class=input_class
                    id=id
                    name=id
                    type=move || kind.get()
                    autocomplete=autocomplete
                    inputmode=inputmode
                    spellcheck=verbatim.then_some("false")
                    autocapitalize=verbatim.then_some("none")
                    aria-describedby=described_by
                    aria-invalid=move || error().map(|_| "true")
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                {children.map(|c| c())}
            </div>
        </div>
    }
}
