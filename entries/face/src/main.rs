//! The live face capture (`/register/face`): the camera, the challenge and the frames sent,
//! with the idle warning (`per_client::idle`).
//! Its own entry page and wasm bundle; the liveness analysis runs in its Web Worker
//! (`entries/face-worker`), fetched only when the voter starts the camera.

mod analysis;
mod pages;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 2] = [&FRAME, &CATALOG];

fn main() {
    per_client::shell::start(Entry::Face, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    let page = move || match route.get() {
        Some(Route::Face) => view! { <pages::Face/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    };
    view! { {page} <per_client::idle::IdleWarning/> }.into_any()
}
