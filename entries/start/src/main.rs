//! The start page (`/`): what the service is, what a voter needs, and the ways in. Its own
//! entry page and the smallest bundle (no router: every link is a page load); it also says
//! "not found" for an address no entry serves.

mod start;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 2] = [&FRAME, &CATALOG];

fn main() {
    per_client::shell::start(Entry::Start, &CATALOGS, page);
}

fn page() -> AnyView {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if Route::of_path(&path) == Some(Route::Start) {
        view! { <start::Start/> }.into_any()
    } else {
        view! { <NotFound/> }.into_any()
    }
}
