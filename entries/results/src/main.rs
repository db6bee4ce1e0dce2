//! The public results viewer (`/results/`): the seat-allocation law run in the browser.
//! Its own entry page and bundle: a visitor who only checks seats never downloads the
//! registration code, and a voter never downloads the engine.
//!
//! - [`state`]: what the visitor chose, and its form in the address;
//! - [`model`]: the data with the visitor's edits, the rules, the engine's outcome;
//! - [`hemicycle`], [`numbers`]: chart geometry and numbers in the visitor's language;
//! - [`html`]: markup written as escaped text, for the result views; [`sort`]: a small sort;
//! - [`texts`]: the viewer's own text table (five languages); [`errors`]: why a file
//!   cannot be read, in the visitor's language;
//! - [`viewer`], [`views`]: the page and its views; [`browser`]: address, download, files.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::panic))]

mod browser;
mod errors;
mod hemicycle;
mod html;
mod model;
mod numbers;
mod sort;
mod state;
mod texts;
mod viewer;
mod views;

use leptos::prelude::*;
use per_client::i18n::{Catalog, FRAME};
use per_domain::Entry;
use texts::RESULTS_CATALOG;

/// The texts this entry shows: the page frame's and the viewer's own (none of the
/// registration pages' texts).
static CATALOGS: [&Catalog; 2] = [&FRAME, &RESULTS_CATALOG];

fn main() {
    per_client::shell::start(Entry::Results, &CATALOGS, page);
}

fn page() -> AnyView {
    view! { <viewer::Results/> }.into_any()
}
