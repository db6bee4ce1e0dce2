//! The officials' review console (`/review/`): sign-in with a second factor, the queue of
//! requests, and one request side by side with the decision. Its own entry page and wasm
//! bundle, never part of a voter's pages.

mod api;
mod html;
mod pages;
mod session;
mod texts;
mod wire;

use leptos::prelude::*;
use per_client::components::NotFound;
use per_client::i18n::{fill, use_lang, Catalog, FRAME};
use per_domain::{entry::review_reference, Entry, Route};
use session::{use_session, Idle, Session};
use texts::{role_key, rt, rtr, RKey, REVIEW_CATALOG};

/// The texts this entry shows.
static CATALOGS: [&Catalog; 2] = [&FRAME, &REVIEW_CATALOG];

fn main() {
    per_client::shell::start(Entry::Review, &CATALOGS, routes);
}

fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The `value` of the form field `id` (empty if there is none).
fn dom_value(id: &str) -> String {
    element(id)
        .and_then(|e| js_sys::Reflect::get(&e, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Whether the checkbox or radio `id` is checked.
fn dom_checked(id: &str) -> bool {
    element(id)
        .and_then(|e| js_sys::Reflect::get(&e, &"checked".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

fn routes() -> AnyView {
    let route = per_client::nav::provide_route();
    let session = Session::provide();
    view! {
        <SessionBar/>
        {move || {
            let route = route.get();
            if !session.checked.get() {
                return view! { <p class="lead">{rtr(RKey::Loading)}</p> }.into_any();
            }
            if session.official.with(Option::is_none) {
                return view! { <pages::SignInPage/> }.into_any();
            }
            match route {
                Some(Route::Review | Route::ReviewQueue) => view! { <pages::QueuePage/> }.into_any(),
                _ => match review_reference(&pathname()) {
                    Some(reference) => {
                        let reference = reference.to_owned();
                        view! { <pages::RequestPage reference/> }.into_any()
                    }
                    None => view! { <NotFound/> }.into_any(),
                },
            }
        }}
    }
    .into_any()
}

/// Who is signed in, sign-out, and the idle warning.
#[component]
fn SessionBar() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    move || {
        session.official.get().map(|who| {
            let line = fill(
                &rt(lang.get(), RKey::SignedInAs),
                None,
                Some(&[who.name.as_str(), " (", &rt(lang.get(), role_key(who.role)), ")"].concat()),
            );
            view! {
                <div class="review-bar">
                    <p class="review-bar__who" id="signed-in-as">{line}</p>
                    <button type="button" class="button button--secondary button--inline" id="sign-out"
                        on:click=move |_| session.sign_out()>{rtr(RKey::SignOut)}</button>
                </div>
                {move || (session.idle.get() == Idle::Warning).then(|| view! {
                    <div class="warning review-idle" role="alert" id="idle-warning">
                        <p>{rtr(RKey::IdleWarning)}</p>
                        <button type="button" class="button button--inline" id="stay-signed-in"
                            on:click=move |_| session.renew()>{rtr(RKey::StaySignedIn)}</button>
                    </div>
                })}
            }
        })
    }
}
