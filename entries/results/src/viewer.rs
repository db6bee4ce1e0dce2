//! `/results`: the seat-distribution viewer (placeholder for now).

use leptos::prelude::*;
use per_client::components::{BackLink, PageHeading};
use per_client::i18n::{tr, Key};

#[component]
pub fn Results() -> impl IntoView {
    view! {
        <BackLink href="/"/>
        <PageHeading key=Key::ResultsTitle/>
        <p>{tr(Key::ResultsComing)}</p>
    }
}
