//! The voter's account (`/sign-in`, `/my-request`): signing in (and the way to the password
//! reset, its own entry), the status of the request with its rejection reasons and "apply
//! again", the password change and signing out (here or everywhere); the signed-in pages
//! carry the idle warning. Its own entry page and wasm bundle.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::panic))]

mod pages;
mod texts;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_client::idle::IdleWarning;
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 3] = [&FRAME, &CATALOG, &texts::ACCOUNT];

fn main() {
    per_client::shell::start(Entry::Account, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    pages::Notice::provide();
    (move || match route.get() {
        Some(Route::SignIn) => view! { <pages::SignInPage/> }.into_any(),
        Some(Route::MyRequest) => view! { <pages::MyRequest/> <IdleWarning/> }.into_any(),
        Some(Route::ChangePassword) => {
            view! { <pages::ChangePasswordPage/> <IdleWarning/> }.into_any()
        }
        _ => view! { <NotFound/> }.into_any(),
    })
    .into_any()
}
