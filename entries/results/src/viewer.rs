//! `/results/`: the page. Holds the viewer's state (a signal mirrored in the address), the
//! data set, and the engine's outcome (a memo: recomputed as the visitor types), and lays out
//! the views: controls, national, zone, what-if, candidates.

use crate::browser;
use crate::html::Html;
use crate::model::{compute, Outcome};
use crate::state::{DataSet, ViewState};
use crate::texts::{rt, rtr, RKey};
use crate::views::{Candidates, Controls, National, WhatIf, ZoneView};
use leptos::prelude::*;
use per_client::components::{BackLink, PageHeading};
use per_client::i18n::use_lang;
use per_domain::Language;
use per_seats_data::{parse, DataError, Document, Format};
use std::sync::Arc;

/// Where the data set stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    Loading,
    Ready,
    Failed,
    /// The visitor's file (or a served file) could not be read.
    Bad(DataError),
}

/// The viewer's signals, shared by its views (a context).
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub state: RwSignal<ViewState>,
    pub doc: RwSignal<Option<Arc<Document>>>,
    pub load: RwSignal<Load>,
    pub outcome: Memo<Option<Outcome>>,
    /// The zone shown, clamped to the data set's zones.
    pub zone: Memo<usize>,
    /// The link that reproduces the view.
    pub link: RwSignal<String>,
    /// Counts the resets: the vote editor is written again on each (its inputs are
    /// otherwise never rewritten, so that nothing moves under the visitor's cursor).
    pub resets: RwSignal<u32>,
}

impl Viewer {
    /// Fetches and shows data set `set` (served with the page).
    pub fn load_set(self, set: DataSet) {
        let Some(url) = set.url() else { return };
        self.load.set(Load::Loading);
        wasm_bindgen_futures::spawn_local(async move {
            match per_client::api::file(url).await {
                Some(text) => self.show(parse(&text, Format::Json)),
                None => self.load.set(Load::Failed),
            }
        });
    }

    /// Shows a parsed data set, or why it could not be read.
    pub fn show(self, doc: Result<Document, DataError>) {
        match doc.and_then(|d| d.check_official().map(|()| d).map_err(DataError::from)) {
            Ok(doc) => {
                self.doc.set(Some(Arc::new(doc)));
                self.load.set(Load::Ready);
            }
            Err(e) => self.load.set(Load::Bad(e)),
        }
    }

    /// The allocation, when there is one.
    pub fn with_allocation<T>(self, f: impl FnOnce(&per_seats::Allocation) -> T) -> Option<T> {
        self.outcome.with(|o| match o {
            Some(Outcome::Done(a)) => Some(f(a)),
            _ => None,
        })
    }
}

/// Where loading and computing stand, when there is something to say: loading, a failure,
/// why the visitor's file cannot be read, why the engine refused the data.
pub fn status(lang: Language, load: &Load, refused: Option<&per_seats::Error>) -> String {
    let mut h = Html::new();
    match load {
        Load::Loading => {
            h.text_el(
                "p",
                &[("class", "r-status"), ("role", "status")],
                &rt(lang, RKey::Loading),
            );
        }
        Load::Failed => {
            h.text_el(
                "p",
                &[("class", "error-message"), ("role", "alert")],
                &rt(lang, RKey::LoadFailed),
            );
        }
        Load::Bad(e) => {
            h.el(
                "div",
                &[
                    ("class", "error-summary"),
                    ("role", "alert"),
                    ("id", "file-error"),
                    ("tabindex", "-1"),
                ],
                |h| {
                    h.text_el(
                        "h2",
                        &[("class", "error-summary__title")],
                        &rt(lang, RKey::FileError),
                    )
                    .text_el("p", &[], &crate::errors::data_error(lang, e));
                },
            );
        }
        Load::Ready => {}
    }
    if let Some(e) = refused {
        h.text_el(
            "p",
            &[
                ("class", "error-message"),
                ("role", "alert"),
                ("id", "engine-error"),
            ],
            &crate::errors::engine_error(lang, e),
        );
    }
    h.finish()
}

#[component]
pub fn Results() -> impl IntoView {
    let initial = browser::read_address();
    let first_set = initial.data;
    let state = RwSignal::new(initial);
    let doc: RwSignal<Option<Arc<Document>>> = RwSignal::new(None);
    let outcome =
        Memo::new(move |_| doc.with(|d| d.as_ref().map(|d| state.with(|s| compute(d, s)))));
    let zone = Memo::new(move |_| {
        let zones = doc.with(|d| d.as_ref().map_or(0, |d| d.election.zones.len()));
        state.with(|s| s.zone.min(zones.saturating_sub(1)))
    });
    let v = Viewer {
        state,
        doc,
        load: RwSignal::new(Load::Loading),
        outcome,
        zone,
        link: RwSignal::new(String::new()),
        resets: RwSignal::new(0),
    };
    provide_context(v);
    v.load_set(first_set);
    Effect::new(move |_| {
        let link = state.with(browser::write_address);
        v.link.set(link);
    });
    browser::install_bench(move || {
        doc.with_untracked(|d| {
            if let Some(d) = d {
                state.with_untracked(|s| drop(compute(d, s)));
            }
        })
    });
    let lang = use_lang();
    let status = move || {
        let lang = lang.get();
        let refused = v.outcome.with(|o| match o {
            Some(Outcome::Refused(e)) => Some(e.clone()),
            _ => None,
        });
        v.load.with(|load| status(lang, load, refused.as_ref()))
    };
    let ready = move || v.doc.with(Option::is_some);
    view! {
        <BackLink to=per_domain::Route::Start/>
        <PageHeading key=RKey::Title/>
        <p class="lead">{rtr(RKey::Lead)}</p>
        <Controls/>
        <div inner_html=status></div>
        <Show when=ready>
            <National/>
            <ZoneView/>
            <WhatIf/>
            <Candidates/>
        </Show>
    }
}
