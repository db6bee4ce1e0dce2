//! `/request/`: continues the request where the voter stopped (on this device or another):
//! once the server's draft is here, the first step not answered, else the check page. A
//! redirect: it replaces its own history entry, so "back" from that step never comes here.

use leptos::prelude::*;
use per_client::dom;
use per_client::i18n::{tr, Key};
use per_client::request::state::DraftState;
use per_client::request::steps;

#[component]
pub fn Resume() -> impl IntoView {
    let state = expect_context::<DraftState>();
    let navigate = per_client::nav::use_replace();
    Effect::new(move |_| {
        if state.loaded.get() {
            if let Some(today) = dom::today() {
                let to = state.draft.with_untracked(|d| steps::resume_at(d, today));
                navigate(to);
            }
        }
    });
    view! { <p role="status" id="resuming">{tr(Key::Loading)}</p> }
}
