//! The request's document uploads (`/request/photo`, `/request/proof`): the document photos
//! and the proof of address, each by the rear camera or a file, downsized and sent with its
//! progress. Its own entry page and wasm bundle (the upload and camera code weigh on no
//! other page); the other steps are the request entry, links to them full page loads.

mod upload_field;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::form::ErrorItem;
use per_client::i18n::{tr, Catalog, CATALOG, FRAME};
use per_client::request::question::{choice_input, PageErrors, QuestionPageView, WindowNotice};
use per_client::request::state::DraftState;
use per_client::request::steps::{self, Question};
use per_client::request::texts::{self, RKey};
use per_domain::{Entry, Field, Route, UploadKind};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 3] = [&FRAME, &CATALOG, &texts::REQUEST];

fn main() {
    per_client::shell::start(Entry::Documents, &CATALOGS, routes);
}

/// The proof page's questions in the form's head: the kind only (the declaration follows
/// the upload, see [`Declaration`]).
fn kind_only(q: Question, errors: RwSignal<Vec<ErrorItem>>) -> AnyView {
    if q.field == Field::ProofDeclaration {
        ().into_any()
    } else {
        choice_input(q, errors)
    }
}

/// The declaration that the uploaded document shows the voter's name and this address.
#[component]
fn Declaration() -> impl IntoView {
    let errors = expect_context::<PageErrors>().0;
    let q = steps::PROOF
        .questions
        .iter()
        .find(|q| q.field == Field::ProofDeclaration)
        .copied();
    q.map(|q| choice_input(q, errors))
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    DraftState::provide();
    let page = move || match route.get() {
        Some(Route::RequestPhoto) => view! { <upload_field::PhotoPage/> }.into_any(),
        // Reading order = visual order = tab order: the accepted kinds (the choice), the
        // refused ones, the upload, then the declaration about what was uploaded.
        Some(Route::RequestProof) => view! {
            <QuestionPageView page=&steps::PROOF input=kind_only>
                <h2 class="heading-s">{tr(RKey::RefusedTitle)}</h2>
                <p>{tr(RKey::RefusedLead)}</p>
                <ul class="list list--bullet" id="refused-kinds">
                    <li>{tr(RKey::RefusedPermit)}</li>
                    <li>{tr(RKey::RefusedLicence)}</li>
                    <li>{tr(RKey::RefusedMap)}</li>
                </ul>
                <upload_field::UploadField kind=UploadKind::ProofOfAddress/>
                <Declaration/>
            </QuestionPageView>
        }
        .into_any(),
        _ => view! { <NotFound/> }.into_any(),
    };
    view! { <WindowNotice/> {page} }.into_any()
}
