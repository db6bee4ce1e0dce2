//! The public results viewer (`/results/`): the seat-allocation law run in the browser.
//! Its own entry page and bundle: a visitor who only checks seats never downloads the
//! registration code, and a voter never downloads the engine.

mod viewer;

use leptos::prelude::*;
use per_client::i18n::{Catalog, CATALOG};
use per_domain::Entry;

/// The texts this entry shows.
static CATALOGS: [&Catalog; 1] = [&CATALOG];

fn main() {
    per_client::shell::start(Entry::Results, &CATALOGS, page);
}

fn page() -> AnyView {
    view! { <viewer::Results/> }.into_any()
}
