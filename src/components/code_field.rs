//! A one-time-code input (numeric keypad, `autocomplete="one-time-code"`, paste accepted)
//! with its "send again" button and the countdown before it may be pressed.

use crate::components::TextField;
use crate::form::ErrorItem;
use crate::i18n::{fill, t, use_lang, Key};
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
    on_resend: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let hint = Signal::derive(move || fill(t(lang.get(), Key::SentTo), None, Some(&sent_to.get())));
    let resend_text = move || match cooldown.get() {
        0 => t(lang.get(), Key::SendAgain).to_owned(),
        n => fill(t(lang.get(), Key::SendAgainIn), Some(n), None),
    };
    let resend = move |_: leptos::ev::MouseEvent| on_resend.run(());
    view! {
        <Show
            when=move || !verified.get()
            fallback=move || view! {
                <div class="form-group">
                    <p class="label">{move || t(lang.get(), label)}</p>
                    <p class="tag tag--approved" id=format!("{id}-verified")>
                        "✓ " {move || t(lang.get(), Key::Verified)}
                    </p>
                </div>
            }
        >
            <TextField
                id=id
                label=label
                hint=hint
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
                    id=format!("{id}-resend")
                    on:click=resend
                    disabled={move || cooldown.get() > 0}
                >
                    {resend_text}
                </button>
            </p>
        </Show>
    }
}
