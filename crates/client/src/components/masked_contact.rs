//! A masked phone number or e-mail address (`+•••••••89`): shown as is, but said as "the
//! number ending in 89" instead of "bullet bullet bullet".

use crate::i18n::{masked_spoken, use_lang};
use leptos::prelude::*;

#[component]
pub fn MaskedContact(#[prop(into)] masked: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let shown = masked.get();
        match masked_spoken(lang.get(), &shown) {
            Some(said) => view! {
                <span class="masked" aria-hidden="true">{shown}</span>
                <span class="visually-hidden">{said}</span>
            }
            .into_any(),
            None => view! { <span class="masked">{shown}</span> }.into_any(),
        }
    }
}
