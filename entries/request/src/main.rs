//! The voter's request (`/request/…`): personal data as on the document, and the
//! confirmation. One entry page and wasm bundle, its pages routed inside it; links to other
//! entries (the face capture, the account) are full page loads.

mod pages;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 2] = [&FRAME, &CATALOG];

fn main() {
    per_client::shell::start(Entry::Request, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    (move || match route.get() {
        Some(Route::Identity) => view! { <pages::IdentityPage/> }.into_any(),
        Some(Route::Done) => view! { <pages::Done/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    })
    .into_any()
}
