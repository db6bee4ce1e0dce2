//! The voter's sign-up and request pages (`/register/…` but the face capture): one entry
//! page and wasm bundle, its pages routed inside it; links to other entries (the face
//! capture, the account) are full page loads.

mod pages;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_domain::Entry;

/// The texts this entry shows.
static CATALOGS: [&Catalog; 2] = [&FRAME, &CATALOG];

fn main() {
    per_client::shell::start(Entry::Register, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let path = per_client::nav::provide_path();
    (move || match path.get().as_str() {
        "/register/contact" => view! { <pages::Contact/> }.into_any(),
        "/register/verify" => view! { <pages::Verify/> }.into_any(),
        "/register/password" => view! { <pages::PasswordPage/> }.into_any(),
        "/register/identity" => view! { <pages::IdentityPage/> }.into_any(),
        "/register/done" => view! { <pages::Done/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    })
    .into_any()
}
