//! The error summary at the top of a form: each error links to its field (`#id`) or to the
//! page that fixes it, and the summary takes the focus whenever a submission fails. While it
//! shows errors, the document title starts with "Error: " (in the voter's language).

use crate::components::PageTitle;
use crate::form::{ErrorItem, Target};
use crate::i18n::{tr, use_lang, Frame};
use crate::{dom, nav};
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<ErrorItem>>) -> impl IntoView {
    let lang = use_lang();
    let summary = NodeRef::<Div>::new();
    if let Some(title) = use_context::<PageTitle>() {
        Effect::new(move |_| title.has_errors.set(!errors.read().is_empty()));
        on_cleanup(move || {
            title.has_errors.try_set(false);
        });
    }
    Effect::new(move |_| {
        let has_errors = !errors.read().is_empty();
        if let (true, Some(el)) = (has_errors, summary.get()) {
            let _ = el.focus();
        }
    });
    let items = move || {
        errors
            .get()
            .into_iter()
            .map(|item| {
                let text = move || item.msg.render(lang.get());
                match item.target {
                    Target::Field(id) => {
                        let href = ["#", &id].concat();
                        let on_click = move |ev: leptos::ev::MouseEvent| {
                            ev.prevent_default();
                            dom::focus_id(&id);
                        };
                        view! { <li><a href=href on:click=on_click>{text}</a></li> }.into_any()
                    }
                    Target::Page(page) => {
                        view! { <li><a href=page.path() rel=nav::rel(page)>{text}</a></li> }
                            .into_any()
                    }
                    Target::None => view! { <li>{text}</li> }.into_any(),
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !errors.read().is_empty()>
            <div
                class="error-summary"
                id="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
                node_ref=summary
            >
                <h2 class="error-summary__title" id="error-summary-title">
                    {tr(Frame::ErrorSummaryTitle)}
                </h2>
                <ul class="error-summary__list">{items}</ul>
            </div>
        </Show>
    }
}
