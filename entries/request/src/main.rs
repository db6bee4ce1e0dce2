//! The voter's request (`/request/…` but the uploads): personal data as on the document (one
//! question per page where it helps), the address abroad, check your answers, and the
//! confirmation. One entry page and wasm bundle, its pages routed inside it; the document
//! photos and the proof of address are the documents entry, the face capture and the account
//! others still: links to them are full page loads. Every page carries the idle warning
//! (`per_client::idle`).

mod pages;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG, FRAME};
use per_client::request::question::{QuestionPageView, WindowNotice};
use per_client::request::state::DraftState;
use per_client::request::{steps, texts};
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 3] = [&FRAME, &CATALOG, &texts::REQUEST];

fn main() {
    per_client::shell::start(Entry::Request, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    DraftState::provide();
    let page = move || match route.get() {
        Some(r) => match steps::question_page(r) {
            Some(page) => view! { <QuestionPageView page=page/> }.into_any(),
            None => match r {
                Route::RequestResume => view! { <pages::Resume/> }.into_any(),
                _ => view! { <NotFound/> }.into_any(),
            },
        },
        None => view! { <NotFound/> }.into_any(),
    };
    view! { <WindowNotice/> {page} <per_client::idle::IdleWarning/> }.into_any()
}
