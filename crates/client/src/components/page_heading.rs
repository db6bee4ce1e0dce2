//! The page's `<h1>`: it names the page in the title and takes the focus when the page opens,
//! so that a screen reader announces where the voter is after each navigation.

use crate::dom;
use crate::i18n::{page_title, t, use_lang, TextId};
use leptos::html::H1;
use leptos::prelude::*;

/// What the document title is made of, provided once by the app: the heading of the page, and
/// whether its error summary shows errors (then the title starts with "Error: ").
#[derive(Debug, Clone, Copy)]
pub struct PageTitle {
    pub heading: RwSignal<Option<TextId>>,
    pub has_errors: RwSignal<bool>,
}

impl PageTitle {
    /// Provides the context and keeps `document.title` in step with it.
    pub fn provide() {
        let title = PageTitle {
            heading: RwSignal::new(None),
            has_errors: RwSignal::new(false),
        };
        provide_context(title);
        let lang = use_lang();
        Effect::new(move |_| {
            if let Some(heading) = title.heading.get() {
                dom::set_title(&page_title(lang.get(), heading, title.has_errors.get()));
            }
        });
    }
}

#[component]
pub fn PageHeading(#[prop(into)] key: TextId) -> impl IntoView {
    let lang = use_lang();
    let heading = NodeRef::<H1>::new();
    match use_context::<PageTitle>() {
        Some(title) => title.heading.set(Some(key)),
        // Mounted alone (browser tests): the title is this page's.
        None => {
            Effect::new(move |_| dom::set_title(&page_title(lang.get(), key, false)));
        }
    }
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
