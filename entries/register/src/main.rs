//! The voter's registration pages (`/register/…`, `/sign-in`, `/my-request`): one entry page
//! and wasm bundle, its pages routed inside it; links to other entries are full page loads.

mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use per_client::components::NotFound;
use per_client::i18n::{Catalog, CATALOG};
use per_domain::Entry;

/// The texts this entry shows.
static CATALOGS: [&Catalog; 1] = [&CATALOG];

fn main() {
    per_client::shell::start(Entry::Register, &CATALOGS, routes);
}

fn routes() -> AnyView {
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/register/contact") view=pages::Contact/>
                <Route path=path!("/register/verify") view=pages::Verify/>
                <Route path=path!("/register/password") view=pages::PasswordPage/>
                <Route path=path!("/register/face") view=pages::Face/>
                <Route path=path!("/register/identity") view=pages::IdentityPage/>
                <Route path=path!("/register/done") view=pages::Done/>
                <Route path=path!("/my-request") view=pages::MyRequest/>
                <Route path=path!("/sign-in") view=pages::SignInPage/>
            </Routes>
        </Router>
    }
    .into_any()
}
