//! `/request/done`: the confirmation, with the reference number and what happens next.

use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::api;
use per_client::components::PageHeading;
use per_client::draft::{KeyValue, WebStore, REFERENCE_KEY};
use per_client::i18n::{tr, Key};
use per_domain::Route;

#[component]
pub fn Done() -> impl IntoView {
    let reference = RwSignal::new(WebStore::session().and_then(|s| s.get(REFERENCE_KEY)));
    if reference.get_untracked().is_none() {
        // Opened directly (new tab): ask the server.
        spawn_local(async move {
            if let Ok(Some(view)) = api::my_request().await {
                reference.set(Some(view.reference.as_str().to_owned()));
            }
        });
    }
    view! {
        <div class="panel panel--confirmation">
            <PageHeading key=Key::DoneTitle/>
            <div class="panel__body">
                {tr(Key::DoneReference)}
                <br/>
                <strong class="panel__reference" id="request-reference">
                    {move || reference.get().unwrap_or_default()}
                </strong>
            </div>
        </div>
        <p>{tr(Key::DoneKeep)}</p>
        <h2 class="heading-m">{tr(Key::NextTitle)}</h2>
        <p>{tr(Key::NextBody)}</p>
        <p><a href=Route::MyRequest.path() rel=per_client::nav::rel(Route::MyRequest) id="my-request-link">{tr(Key::MyRequestTitle)}</a></p>
    }
}
