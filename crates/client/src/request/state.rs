//! The request draft this entry's pages share: every keystroke kept in this tab
//! (`sessionStorage`, so a reload loses nothing), each answered step saved to the server
//! (`PUT /api/draft`, so the voter continues on another device), and the server's draft
//! loaded when this tab has none (a new device, a new tab, after signing in again).

use crate::draft::{self, WebStore, REQUEST_KEY};
use crate::{api, dom};
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_domain::api::RequestDraft;

#[derive(Debug, Clone, Copy)]
pub struct DraftState {
    pub draft: RwSignal<RequestDraft>,
    /// Set once the server's draft was asked for (so the pages can fill themselves again).
    pub loaded: RwSignal<bool>,
}

impl DraftState {
    /// Loads the draft of this tab, or the server's, and keeps it saved.
    pub fn provide() -> DraftState {
        let local: Option<RequestDraft> =
            WebStore::session().and_then(|s| draft::load(&s, REQUEST_KEY));
        let has_local = local.is_some();
        let mut start = local.unwrap_or_default();
        if start.idempotency_key.is_none() {
            start.idempotency_key = Some(draft::new_idempotency_key());
        }
        let state = DraftState {
            draft: RwSignal::new(start),
            loaded: RwSignal::new(has_local),
        };
        provide_context(state);
        // Kept in the tab only once the server's draft was asked for: an empty draft saved
        // before it arrived would pass for this tab's own on the next page (or a reload),
        // which would then never ask the server and show the voter empty answers.
        Effect::new(move |_| {
            if !state.loaded.get() {
                return;
            }
            let d = state.draft.get();
            if let Some(s) = WebStore::session() {
                draft::save(&s, REQUEST_KEY, &d);
            }
        });
        if !has_local {
            spawn_local(async move {
                if let Ok(Some(server)) = api::draft().await {
                    state.draft.update(|d| merge(d, server));
                }
                state.loaded.set(true);
            });
        }
        state
    }

    /// Saves the answered steps to the server, in the background: a failure (offline) is
    /// no loss, the tab keeps everything and the next step saves again.
    pub fn save_to_server(self) {
        self.save_then(None);
    }

    /// [`save_to_server`](Self::save_to_server), then `then` once the server answered (or
    /// the network failed): before a full page load, which would cancel a save in flight.
    pub fn save_then(self, then: Option<Box<dyn FnOnce()>>) {
        let body = dom::today().map(|today| {
            self.draft
                .with_untracked(|d| super::steps::for_server(d, today))
        });
        spawn_local(async move {
            if let Some(body) = body {
                let _ = api::save_draft(&body).await;
            }
            if let Some(then) = then {
                then();
            }
        });
    }

    /// After the submission: the draft is done (its key must not be used again).
    pub fn forget(self) {
        if let Some(s) = WebStore::session() {
            crate::draft::KeyValue::remove(&s, REQUEST_KEY);
        }
    }
}

/// The server's draft into this tab's (empty) one: the server's steps, its key if it has one.
pub fn merge(into: &mut RequestDraft, server: RequestDraft) {
    if server.idempotency_key.is_some() {
        into.idempotency_key = server.idempotency_key;
    }
    into.identity = server.identity.or(into.identity.take());
    into.address = server.address.or(into.address.take());
    into.proof = server.proof.or(into.proof.take());
    into.uploads = server.uploads.or(into.uploads.take());
}
