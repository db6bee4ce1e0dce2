//! The start-up every entry page shares: the remembered language loaded before the first
//! paint (or Albanian with a notice after [`LOAD_WAIT_MS`]), the page frame (header with the
//! language switcher, main, footer), and the hooks the lower modules call (signed out,
//! language remembered), given here from the top.

use crate::components::{Footer, Header, PageTitle};
use crate::i18n::{Catalog, LangContext, LangSwitch, Languages};
use crate::{api, dom, draft, nav};
use leptos::prelude::*;
use per_domain::{Entry, Language};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long the start waits for the remembered language before showing Albanian.
pub const LOAD_WAIT_MS: i32 = 4000;

/// The language at start-up: the one remembered, else Albanian.
pub fn initial_language() -> Language {
    draft::WebStore::local()
        .and_then(|s| draft::load_lang(&s))
        .unwrap_or_default()
}

/// Shows `lang` (`<html lang>`) and remembers it: the voter chose it.
pub fn apply_language(lang: Language) {
    dom::set_html_lang(lang);
    if let Some(store) = draft::WebStore::local() {
        draft::save_lang(&store, lang);
    }
}

fn fetch_text(url: String) -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<String>>>> {
    Box::pin(async move { api::file(&url).await })
}

/// The languages of an entry that shows `catalogs`.
pub fn languages(catalogs: &'static [&'static Catalog]) -> Languages {
    Languages {
        catalogs,
        fetch: fetch_text,
        remember: apply_language,
    }
}

/// Starts entry `entry`: its texts come from `catalogs` (the shared one first), its content
/// is `page`, shown inside the page frame once the remembered language is loaded.
pub fn start(entry: Entry, catalogs: &'static [&'static Catalog], page: fn() -> AnyView) {
    console_error_panic_hook::set_once();
    nav::set_current(entry);
    api::on_signed_out(draft::forget_all_here);
    // Identity drafts were once kept in `localStorage`: none may outlive the tab.
    if let Some(local) = draft::WebStore::local() {
        draft::KeyValue::remove(&local, draft::IDENTITY_KEY);
    }
    let languages = languages(catalogs);
    let wanted = initial_language();
    let mount = move |lang: Language, failed: bool| {
        leptos::mount::mount_to_body(move || view! { <Frame lang failed languages page/> });
    };
    if languages.are_loaded(wanted) {
        return mount(wanted, false);
    }
    let mounted = Rc::new(Cell::new(false));
    let mount_once = move |lang: Language, failed: bool| {
        if !mounted.replace(true) {
            mount(lang, failed);
        }
    };
    if let Some(window) = web_sys::window() {
        let mount_once = mount_once.clone();
        let give_up = Closure::once_into_js(move || mount_once(Language::Sq, true));
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            give_up.unchecked_ref(),
            LOAD_WAIT_MS,
        );
    }
    wasm_bindgen_futures::spawn_local(async move {
        let ok = languages.load(wanted).await.is_ok();
        mount_once(if ok { wanted } else { Language::Sq }, !ok);
    });
}

/// The frame of every page, shown in `lang` (loaded already); `failed` when the remembered
/// language could not be loaded.
#[component]
pub fn Frame(
    lang: Language,
    failed: bool,
    languages: Languages,
    page: fn() -> AnyView,
) -> impl IntoView {
    let lang = RwSignal::new(lang);
    provide_context(LangContext(lang));
    LangSwitch::provide(lang, failed, languages);
    PageTitle::provide();
    // `<html lang>` always says the language shown.
    Effect::new(move |_| dom::set_html_lang(lang.get()));
    view! {
        <Header/>
        <div class="container">
            <main id="main" class="main" tabindex="-1">
                {page()}
            </main>
        </div>
        <Footer/>
    }
}
