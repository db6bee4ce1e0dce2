//! The console's pages, one per file.

mod queue;
mod request;
mod sign_in;

pub use queue::QueuePage;
pub use request::RequestPage;
pub use sign_in::SignInPage;

use crate::texts::{rt, RKey};
use leptos::prelude::*;
use per_client::i18n::{t, use_lang, Frame};

/// One clear message for a failed call (or a form's own problem), announced.
#[component]
pub fn Problem(message: RwSignal<Option<RKey>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        message.get().map(|key| {
            view! {
                <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                    <h2 class="error-summary__title">{move || t(lang.get(), Frame::ErrorSummaryTitle)}</h2>
                    <p id="error-message">{move || rt(lang.get(), key)}</p>
                </div>
            }
        })
    }
}
