//! The country picker: every ISO 3166-1 code the domain knows but Albania's, named in the
//! voter's language by the browser (`Intl.DisplayNames`), so no country names are in the
//! bundle or the text files.

use super::question::error_line;
use super::steps::Question;
use crate::form::{error_for, ErrorItem};
use crate::i18n::{t, tr, use_lang};
use leptos::prelude::*;
use per_domain::{Country, Language};
use wasm_bindgen::{JsCast, JsValue};

/// The name of country `code` in `lang`, or the code when the browser cannot say.
pub fn name(lang: Language, code: &str) -> String {
    let named = (|| {
        let intl = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
        let ctor = js_sys::Reflect::get(&intl, &JsValue::from_str("DisplayNames")).ok()?;
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
        let args = js_sys::Array::of2(&js_sys::Array::of1(&lang.code().into()), &options);
        let names =
            js_sys::Reflect::construct(ctor.unchecked_ref::<js_sys::Function>(), &args).ok()?;
        let of: js_sys::Function = js_sys::Reflect::get(&names, &"of".into())
            .ok()?
            .unchecked_into();
        of.call1(&names, &code.into()).ok()?.as_string()
    })();
    named.unwrap_or_else(|| code.to_owned())
}

/// The countries to choose from, by name in `lang`.
pub fn choices(lang: Language) -> Vec<(&'static str, String)> {
    let mut all: Vec<(&'static str, String)> = Country::all()
        .filter(|c| *c != "AL")
        .map(|c| (c, name(lang, c)))
        .collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    all
}

#[component]
pub fn CountrySelect(
    q: Question,
    value: RwSignal<String>,
    errors: RwSignal<Vec<ErrorItem>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = "country";
    let has_error = move || error_for(&errors.read(), id).is_some();
    view! {
        <div class=move || if has_error() { "form-group form-group--error" } else { "form-group" }>
            <label class="label" for=id>{tr(q.label)}</label>
            {q.hint.map(|h| view! { <div class="hint" id="country-hint">{tr(h)}</div> })}
            {error_line(errors, id)}
            <select
                class="select"
                id=id
                name=id
                autocomplete="country"
                aria-describedby=move || if has_error() { "country-hint country-error" } else { "country-hint" }
                aria-invalid=move || has_error().then_some("true")
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">{move || t(lang.get(), super::texts::RKey::ChooseCountry)}</option>
                {move || choices(lang.get()).into_iter().map(|(code, name)| view! {
                    <option value=code prop:selected=move || value.get() == code>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
