//! `/results`: the seat-distribution viewer (placeholder for now).

use crate::components::{BackLink, PageHeading};
use crate::i18n::{tr, Key};
use leptos::prelude::*;

#[component]
pub fn Results() -> impl IntoView {
    view! {
        <BackLink href="/"/>
        <PageHeading key=Key::ResultsTitle/>
        <p>{tr(Key::ResultsComing)}</p>
    }
}
