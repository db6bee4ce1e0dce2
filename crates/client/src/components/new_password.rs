//! A new password's input: the rules as the hint (the same on every page that sets one:
//! registration, reset, change), and a "show password" toggle.

use crate::components::TextField;
use crate::form::ErrorItem;
use crate::i18n::{text, tr, Key, TextId};
use leptos::prelude::*;

#[component]
pub fn NewPassword(
    /// The input's id (`password` wherever the server's `password` field is this one).
    id: &'static str,
    #[prop(into)] label: TextId,
    value: RwSignal<String>,
    errors: RwSignal<Vec<ErrorItem>>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    view! {
        <TextField
            id=id
            label=label
            hint=text(Key::PasswordHint)
            kind=Signal::derive(move || if shown.get() { "text" } else { "password" })
            autocomplete="new-password"
            width="input--width-20"
            verbatim=true
            value=value
            errors=errors
        >
            <button
                type="button"
                class="button button--secondary button--inline"
                id=[id, "-toggle"].concat()
                aria-controls=id
                aria-pressed=move || if shown.get() { "true" } else { "false" }
                on:click=move |_| shown.update(|s| *s = !*s)
            >
                {tr(Key::ShowPassword)}
            </button>
        </TextField>
    }
}
