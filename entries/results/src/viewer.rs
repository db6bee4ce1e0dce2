//! `/results/`: the page. Holds the viewer's state (a signal mirrored in the address), the
//! data set, and the engine's outcome (a memo: recomputed as the visitor types), and lays out
//! the views: controls, national, zone, what-if, candidates.

use crate::browser;
use crate::model::{compute, Outcome};
use crate::state::{DataSet, ViewState};
use crate::texts::{rt, rtr, RKey};
use crate::views::{Candidates, Controls, National, WhatIf, ZoneView};
use leptos::prelude::*;
use per_client::components::{BackLink, PageHeading};
use per_client::i18n::{fill, use_lang, Key};
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

/// An input error in the visitor's language, naming line, column and field.
pub fn data_error(lang: Language, e: &DataError) -> String {
    let line = |n: usize| fill(&rt(lang, RKey::AtLine), u32::try_from(n).ok(), None);
    let column = |n: usize| fill(&rt(lang, RKey::AtColumn), u32::try_from(n).ok(), None);
    match e {
        DataError::Json {
            line: l,
            column: c,
            message,
        } => format!("{}, {}: {message}", line(*l), column(*c)),
        DataError::Csv {
            line: l,
            column: c,
            field,
            message,
        } => {
            let mut s = line(*l);
            if *c > 0 {
                s = format!("{s}, {}", column(*c));
            }
            if let Some(f) = field {
                s = format!("{s} ({})", fill(&rt(lang, RKey::AtField), None, Some(f)));
            }
            format!("{s}: {message}")
        }
        DataError::NotUtf8 { offset } => {
            fill(&rt(lang, RKey::NotUtf8), u32::try_from(*offset).ok(), None)
        }
        DataError::Engine(err) => format!("{}: {err}", rt(lang, RKey::EngineError)),
    }
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
    let status = move || match v.load.get() {
        Load::Loading => {
            view! { <p class="r-status" role="status">{rtr(RKey::Loading)}</p> }.into_any()
        }
        Load::Failed => {
            view! { <p class="error-message" role="alert">{rtr(RKey::LoadFailed)}</p> }.into_any()
        }
        Load::Bad(e) => view! {
            <div class="error-summary" role="alert" id="file-error" tabindex="-1">
                <h2 class="error-summary__title">{rtr(RKey::FileError)}</h2>
                <p>{move || data_error(lang.get(), &e)}</p>
            </div>
        }
        .into_any(),
        Load::Ready => ().into_any(),
    };
    let refused = move || {
        v.outcome.with(|o| match o {
            Some(Outcome::Refused(e)) => {
                let e = e.to_string();
                Some(view! {
                    <p class="error-message" role="alert" id="engine-error">
                        {move || format!("{}: {e}", rt(lang.get(), RKey::EngineError))}
                    </p>
                })
            }
            _ => None,
        })
    };
    let ready = move || v.doc.with(Option::is_some);
    view! {
        <BackLink href="/"/>
        <PageHeading key=Key::ResultsTitle/>
        <p class="lead">{rtr(RKey::Lead)}</p>
        <Controls/>
        {status}
        {refused}
        <Show when=ready>
            <National/>
            <ZoneView/>
            <WhatIf/>
            <Candidates/>
        </Show>
    }
}
