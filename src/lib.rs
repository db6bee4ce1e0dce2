//! PER registration app: a Leptos client-side app, compiled to WebAssembly, through which
//! Albanian voters abroad create an account and submit their registration request.
//!
//! Logic lives in plain modules tested natively (`i18n`, `form`, `api` decoding, `draft`,
//! `camera` sizing); components stay thin.
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod api;
pub mod camera;
pub mod components;
pub mod dom;
pub mod draft;
pub mod form;
pub mod i18n;
pub mod pages;
pub mod submit;

use components::{Footer, Header, PageTitle};
use i18n::{LangContext, LangSwitch};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use per_domain::Language;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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

/// The app, shown in `lang` (loaded already); `failed` when the remembered language could not
/// be loaded.
#[component]
pub fn App(lang: Language, failed: bool) -> impl IntoView {
    let lang = RwSignal::new(lang);
    provide_context(LangContext(lang));
    LangSwitch::provide(lang, failed);
    PageTitle::provide();
    // `<html lang>` always says the language shown.
    Effect::new(move |_| dom::set_html_lang(lang.get()));
    // Identity drafts were once kept in `localStorage`: none may outlive the tab.
    if let Some(local) = draft::WebStore::local() {
        draft::KeyValue::remove(&local, draft::IDENTITY_KEY);
    }
    view! {
        <Router>
            <Header/>
            <div class="container">
                <main id="main" class="main" tabindex="-1">
                    <Routes fallback=|| view! { <pages::NotFound/> }>
                        <Route path=path!("/") view=pages::Start/>
                        <Route path=path!("/results") view=pages::Results/>
                        <Route path=path!("/register/contact") view=pages::Contact/>
                        <Route path=path!("/register/verify") view=pages::Verify/>
                        <Route path=path!("/register/password") view=pages::PasswordPage/>
                        <Route path=path!("/register/face") view=pages::Face/>
                        <Route path=path!("/register/identity") view=pages::IdentityPage/>
                        <Route path=path!("/register/done") view=pages::Done/>
                        <Route path=path!("/my-request") view=pages::MyRequest/>
                        <Route path=path!("/sign-in") view=pages::SignInPage/>
                    </Routes>
                </main>
            </div>
            <Footer/>
        </Router>
    }
}

/// Mounts the app on `<body>`, in the remembered language once its texts are loaded (within
/// [`LOAD_WAIT_MS`]; else in Albanian, with a notice).
pub fn run() {
    console_error_panic_hook::set_once();
    let wanted = initial_language();
    if i18n::is_loaded(wanted) {
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
        let ok = i18n::load(wanted).await.is_ok();
        mount_once(if ok { wanted } else { Language::Sq }, !ok);
    });
}

/// How long the start waits for the remembered language before showing Albanian.
pub const LOAD_WAIT_MS: i32 = 4000;

fn mount(lang: Language, failed: bool) {
    leptos::mount::mount_to_body(move || view! { <App lang failed/> });
}
