//! The voter's account (`/sign-in`, `/my-request`): signing in and the status of the request,
//! with its rejection reasons and "apply again". Its own entry page and wasm bundle.

mod pages;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 2] = [&FRAME, &CATALOG];

fn main() {
    per_client::shell::start(Entry::Account, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    (move || match route.get() {
        Some(Route::SignIn) => view! { <pages::SignInPage/> }.into_any(),
        Some(Route::MyRequest) => view! { <pages::MyRequest/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    })
    .into_any()
}
