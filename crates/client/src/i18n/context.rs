//! The reactive side: the language shown (a context signal), the switch between languages,
//! and reactive texts for `view!`. Loading and remembering a language are given by the entry
//! ([`Languages`]), so this module calls nothing above it.

use super::catalog::{Catalog, LoadFailed, TextId};
use super::format::t;
use leptos::prelude::*;
use per_domain::Language;
use std::future::Future;
use std::pin::Pin;

/// Fetches a same-origin text file (a language file): its text, when the server has it.
pub type Fetch = fn(String) -> Pin<Box<dyn Future<Output = Option<String>>>>;

/// What an entry page shows its texts from: the catalogs it links, how a language file is
/// fetched, and how the voter's choice is remembered. Given from the top ([`crate::shell`]).
#[derive(Debug, Clone, Copy)]
pub struct Languages {
    pub catalogs: &'static [&'static Catalog],
    pub fetch: Fetch,
    pub remember: fn(Language),
}

impl Languages {
    /// Whether every catalog has `lang`, so that it can be shown at once.
    pub fn are_loaded(&self, lang: Language) -> bool {
        self.catalogs.iter().all(|c| c.is_loaded(lang))
    }

    /// Fetches and installs `lang` in every catalog that lacks it.
    pub async fn load(&self, lang: Language) -> Result<(), LoadFailed> {
        for catalog in self.catalogs.iter().filter(|c| !c.is_loaded(lang)) {
            let json = (self.fetch)(catalog.url(lang)).await.ok_or(LoadFailed)?;
            catalog.install(lang, &json)?;
        }
        Ok(())
    }
}

/// The language the voter reads the app in, provided once by the app.
#[derive(Debug, Clone, Copy)]
pub struct LangContext(pub RwSignal<Language>);

/// The current language signal (panics outside the app, like every context hook).
pub fn use_lang() -> RwSignal<Language> {
    expect_context::<LangContext>().0
}

/// Where a change of language stands, provided by the app next to [`LangContext`].
#[derive(Debug, Clone, Copy)]
pub struct LangSwitch {
    /// Where the texts come from and how a choice is remembered.
    pub languages: Languages,
    /// The language shown (the [`LangContext`] signal).
    pub lang: RwSignal<Language>,
    /// The language last chosen: the one shown, or the one being loaded.
    pub wanted: RwSignal<Language>,
    /// The last language chosen could not be loaded: a notice says so.
    pub failed: RwSignal<bool>,
}

impl LangSwitch {
    /// Provides the switch for the language signal `lang`, loading from `languages`; `failed`
    /// when the remembered language could not be loaded at start-up.
    pub fn provide(lang: RwSignal<Language>, failed: bool, languages: Languages) -> Self {
        let switch = LangSwitch {
            languages,
            lang,
            wanted: RwSignal::new(lang.get_untracked()),
            failed: RwSignal::new(failed),
        };
        provide_context(switch);
        switch
    }

    /// Switches to the language the voter chose: at once when its texts are here, else once
    /// they are fetched, the current language staying on screen meanwhile. If they cannot be
    /// fetched, the app stays in the current language and `failed` is set. A successful
    /// switch is remembered ([`Languages::remember`]).
    pub fn choose(self, to: Language) {
        self.wanted.set(to);
        self.failed.set(false);
        let show = move |ok: bool| {
            // A later choice wins over a slower load.
            // (Or the app is gone.)
            if self.wanted.try_get_untracked() != Some(to) {
                return;
            }
            if ok {
                (self.languages.remember)(to);
                self.lang.set(to);
            } else {
                self.wanted.set(self.lang.get_untracked());
                self.failed.set(true);
            }
        };
        if self.languages.are_loaded(to) {
            show(true);
        } else {
            let languages = self.languages;
            wasm_bindgen_futures::spawn_local(
                async move { show(languages.load(to).await.is_ok()) },
            );
        }
    }
}

/// A reactive text for `key`, for use in `view!`.
pub fn tr(key: impl Into<TextId>) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let key = key.into();
    let lang = use_lang();
    move || t(lang.get(), key)
}

/// The same as a [`Signal`], for component properties.
pub fn text(key: impl Into<TextId>) -> Signal<String> {
    let key = key.into();
    let lang = use_lang();
    Signal::derive(move || t(lang.get(), key))
}
