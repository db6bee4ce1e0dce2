//! The voter's request (`/request/…`): personal data as on the document (one question per
//! page where it helps), the document photos, the address abroad and its proof, check your
//! answers, and the confirmation. One entry page and wasm bundle, its pages routed inside
//! it; links to other entries (the face capture, the account) are full page loads.

mod country;
mod pages;
mod photo;
mod state;
mod steps;
mod texts;

use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::components::NotFound;
use per_client::i18n::{tr, Catalog, CATALOG, FRAME};
use per_domain::{Entry, Route};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 3] = [&FRAME, &CATALOG, &texts::REQUEST];

fn main() {
    per_client::shell::start(Entry::Request, &CATALOGS, routes);
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    state::DraftState::provide();
    let closed = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(w) = per_client::api::window().await {
            closed.set(!w.open);
        }
    });
    let page = move || match route.get() {
        Some(r) if steps::question_page(r).is_some() => {
            let page = steps::question_page(r).unwrap_or(&steps::DOCUMENT);
            if r == Route::RequestProof {
                view! {
                    <pages::QuestionPageView page=page>
                        <photo::UploadField kind=per_domain::UploadKind::ProofOfAddress/>
                        <h2 class="heading-s">{tr(texts::RKey::RefusedTitle)}</h2>
                        <ul class="list list--bullet" id="refused-kinds">
                            <li>{tr(texts::RKey::RefusedPermit)}</li>
                            <li>{tr(texts::RKey::RefusedLicence)}</li>
                            <li>{tr(texts::RKey::RefusedMap)}</li>
                        </ul>
                    </pages::QuestionPageView>
                }
                .into_any()
            } else {
                view! { <pages::QuestionPageView page=page/> }.into_any()
            }
        }
        Some(Route::RequestResume) => view! { <pages::Resume/> }.into_any(),
        Some(Route::RequestPhoto) => view! { <photo::PhotoPage/> }.into_any(),
        Some(Route::RequestCheck) => view! { <pages::CheckPage/> }.into_any(),
        Some(Route::RequestDone) => view! { <pages::Done/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    };
    view! {
        <Show when=move || closed.get()>
            <div class="warning" role="alert" id="window-closed">
                <p><strong>{tr(texts::RKey::WindowClosedTitle)}</strong></p>
                <p>{tr(per_client::i18n::Key::WindowClosed)}</p>
            </div>
        </Show>
        {page}
    }
    .into_any()
}
