//! Check your answers and submit (`/request/check`), and the confirmation (`/request/done`):
//! every answer with its "change" link (a page load to the question's entry), the
//! declaration and the idempotent submission, with the idle warning (`per_client::idle`).
//! Its own entry page and wasm bundle.

mod pages;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_client::request::question::WindowNotice;
use per_client::request::state::DraftState;
use per_client::request::texts;
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 3] = [&FRAME, &CATALOG, &texts::REQUEST];

fn main() {
    per_client::shell::start(Entry::Submit, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    DraftState::provide();
    let page = move || match route.get() {
        Some(Route::RequestCheck) => view! { <pages::CheckPage/> }.into_any(),
        Some(Route::RequestDone) => view! { <pages::Done/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    };
    view! { <WindowNotice/> {page} <per_client::idle::IdleWarning/> }.into_any()
}
