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

use components::{Footer, Header, PageTitle};
use i18n::LangContext;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use per_domain::Language;

/// The language at start-up: the one remembered, else Albanian.
pub fn initial_language() -> Language {
    draft::WebStore::local()
        .and_then(|s| draft::load_lang(&s))
        .unwrap_or_default()
}

/// Shows `lang` (`<html lang>`) and remembers it.
pub fn apply_language(lang: Language) {
    dom::set_html_lang(lang);
    if let Some(store) = draft::WebStore::local() {
        draft::save_lang(&store, lang);
    }
}

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_language());
    provide_context(LangContext(lang));
    PageTitle::provide();
    Effect::new(move |_| apply_language(lang.get()));
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

/// Mounts the app on `<body>`.
pub fn run() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
