//! The page's `<h1>`: it names the page in the title and takes the focus when the page opens,
//! so that a screen reader announces where the voter is after each navigation.

use crate::dom;
use crate::i18n::{t, use_lang, Key};
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn PageHeading(key: Key) -> impl IntoView {
    let lang = use_lang();
    let heading = NodeRef::<H1>::new();
    Effect::new(move |_| {
        let lang = lang.get();
        dom::set_title(&format!("{} – {}", t(lang, key), t(lang, Key::ServiceName)));
    });
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            let _ = h1.focus();
        }
    });
    view! {
        <h1 class="heading-l" id="page-heading" tabindex="-1" node_ref=heading>
            {move || t(lang.get(), key)}
        </h1>
    }
}
