//! A one-time-code input (numeric keypad, `autocomplete="one-time-code"`, paste accepted)
//! with its "send again" button and the countdown before it may be pressed.

use crate::components::{MaskedContact, TextField};
use crate::form::ErrorItem;
use crate::i18n::{split_at_x, t, use_lang, with_wait, Key};
use leptos::prelude::*;

#[component]
pub fn CodeField(
    id: &'static str,
    label: Key,
    /// Where the code went (masked), shown as the hint.
    #[prop(into)]
    sent_to: Signal<String>,
    value: RwSignal<String>,
    errors: RwSignal<Vec<ErrorItem>>,
    /// Seconds before "send again" can be used.
    cooldown: RwSignal<u32>,
    verified: Signal<bool>,
    /// The "send again" button's text, naming the channel (two such buttons share a page).
    resend: Key,
    /// The same with `{x}`, a wait, while it cannot be used yet.
    resend_in: Key,
    on_resend: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let sent_before = move || split_at_x(&t(lang.get(), Key::SentTo)).0;
    let sent_after = move || split_at_x(&t(lang.get(), Key::SentTo)).1;
    let hint = ViewFn::from(move || {
        view! { {sent_before} <MaskedContact masked=sent_to/> {sent_after} }
    });
    let resend_text = move || match cooldown.get() {
        0 => t(lang.get(), resend),
        n => with_wait(lang.get(), resend_in, n),
    };
    let on_click = move |_: leptos::ev::MouseEvent| on_resend.run(());
    view! {
        <Show
            when=move || !verified.get()
            fallback=move || view! {
                <div class="form-group">
                    <p class="label">{move || t(lang.get(), label)}</p>
                    <p class="tag tag--approved" id=[id, "-verified"].concat()>
                        <span aria-hidden="true">"✓ "</span>
                        {move || t(lang.get(), Key::Verified)}
                    </p>
                </div>
            }
        >
            <TextField
                id=id
                label=label
                rich_hint=hint.clone()
                autocomplete="one-time-code"
                inputmode="numeric"
                width="input--width-10"
                verbatim=true
                value=value
                errors=errors
            />
            <p class="resend">
                <button
                    type="button"
                    class="button button--secondary"
                    id=[id, "-resend"].concat()
                    on:click=on_click
                    disabled={move || cooldown.get() > 0}
                >
                    {resend_text}
                </button>
            </p>
        </Show>
    }
}
