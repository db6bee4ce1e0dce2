//! The request's document uploads (`/request/photo`, `/request/proof`): the document photos
//! and the proof of address, each by the rear camera or a file, downsized and sent with its
//! progress. Its own entry page and wasm bundle (the upload and camera code weigh on no
//! other page); the other steps are the request entry, links to them full page loads.

mod upload_field;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{tr, Catalog, CATALOG, FRAME};
use per_client::request::question::{QuestionPageView, WindowNotice};
use per_client::request::state::DraftState;
use per_client::request::steps;
use per_client::request::texts::{self, RKey};
use per_domain::{Entry, Route, UploadKind};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 3] = [&FRAME, &CATALOG, &texts::REQUEST];

fn main() {
    per_client::shell::start(Entry::Documents, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    DraftState::provide();
    let page = move || match route.get() {
        Some(Route::RequestPhoto) => view! { <upload_field::PhotoPage/> }.into_any(),
        Some(Route::RequestProof) => view! {
            <QuestionPageView page=&steps::PROOF input=per_client::request::question::choice_input>
                <upload_field::UploadField kind=UploadKind::ProofOfAddress/>
                <h2 class="heading-s">{tr(RKey::RefusedTitle)}</h2>
                <ul class="list list--bullet" id="refused-kinds">
                    <li>{tr(RKey::RefusedPermit)}</li>
                    <li>{tr(RKey::RefusedLicence)}</li>
                    <li>{tr(RKey::RefusedMap)}</li>
                </ul>
            </QuestionPageView>
        }
        .into_any(),
        _ => view! { <NotFound/> }.into_any(),
    };
    view! { <WindowNotice/> {page} }.into_any()
}
