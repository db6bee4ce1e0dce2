//! Any unknown address (the start entry shows it for addresses no entry serves).

use crate::components::PageHeading;
use crate::i18n::{tr, Key};
use crate::nav;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading key=Key::NotFoundTitle/>
        <p>{tr(Key::NotFoundBody)}</p>
        <p><a href="/" rel=nav::rel("/")>{tr(Key::GoToStart)}</a></p>
    }
}
