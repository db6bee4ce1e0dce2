//! The public results viewer (`/results/`): the seat-allocation law run in the browser.
//! Its own entry page and bundle: a visitor who only checks seats never downloads the
//! registration code, and a voter never downloads the engine.
//!
//! - [`state`]: what the visitor chose, and its form in the address;
//! - [`model`]: the data with the visitor's edits, the rules, the engine's outcome;
//! - [`hemicycle`], [`numbers`]: chart geometry and numbers in the visitor's language;
//! - [`texts`]: the viewer's own text table (five languages);
//! - [`viewer`], [`views`]: the page and its views; [`browser`]: address, download, files.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::panic))]

mod browser;
mod hemicycle;
mod model;
mod numbers;
mod state;
mod texts;
mod viewer;
mod views;

use leptos::prelude::*;
use per_client::i18n::{Catalog, CATALOG};
use per_domain::Entry;
use texts::RESULTS_CATALOG;

/// The texts this entry shows: the shared table (page frame) and the viewer's own.
static CATALOGS: [&Catalog; 2] = [&CATALOG, &RESULTS_CATALOG];

fn main() {
    per_client::shell::start(Entry::Results, &CATALOGS, page);
}

fn page() -> AnyView {
    view! { <viewer::Results/> }.into_any()
}
