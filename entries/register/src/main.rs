//! The voter's sign-up pages (`/register/…` but the face capture): contacts, codes and
//! password. One entry page and wasm bundle, its pages routed inside it; links to other
//! entries (the face capture, the account) are full page loads.

mod pages;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 2] = [&FRAME, &CATALOG];

fn main() {
    per_client::shell::start(Entry::Register, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    (move || match route.get() {
        Some(Route::Contact) => view! { <pages::Contact/> }.into_any(),
        Some(Route::Verify) => view! { <pages::Verify/> }.into_any(),
        Some(Route::Password) => view! { <pages::PasswordPage/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    })
    .into_any()
}
