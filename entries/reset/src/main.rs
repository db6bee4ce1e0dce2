//! "Forgot your password?" (`/sign-in/reset`, `/sign-in/reset/codes`): the phone or e-mail
//! of the account, then the code sent to each and the new password; then the voter signs
//! in with it. Its own entry page and wasm bundle (the account's first load had no room).
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::panic))]

mod pages;
mod texts;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 3] = [&FRAME, &CATALOG, &texts::RESET];

fn main() {
    per_client::shell::start(Entry::Reset, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    (move || match route.get() {
        Some(Route::ResetStart) => view! { <pages::ResetStartPage/> }.into_any(),
        Some(Route::ResetComplete) => view! { <pages::ResetCodesPage/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    })
    .into_any()
}
