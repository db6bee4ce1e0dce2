//! Any unknown address.

use crate::components::PageHeading;
use crate::i18n::{tr, Key};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading key=Key::NotFoundTitle/>
        <p>{tr(Key::NotFoundBody)}</p>
        <p><a href="/">{tr(Key::GoToStart)}</a></p>
    }
}
