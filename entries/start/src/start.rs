//! `/`: what the service is, what you need, the registration window with its countdown, and
//! the ways in.

use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::api;
use per_client::components::PageHeading;
use per_client::i18n::{fill, t, tr, use_lang, Key};
use per_client::registration::{instant_ms, Countdown};
use per_domain::Route;
use std::time::Duration;

#[component]
pub fn Start() -> impl IntoView {
    let lang = use_lang();
    // The window's instants and the server's clock offset, once known.
    let window = RwSignal::new(None::<(Option<f64>, Option<f64>, f64)>);
    let tick = RwSignal::new(0u32);
    spawn_local(async move {
        if let Ok(w) = api::window().await {
            let offset = instant_ms(&w.now).map_or(0.0, |now| now - js_sys::Date::now());
            let opens = w.opens_at.as_deref().and_then(instant_ms);
            let closes = w.closes_at.as_deref().and_then(instant_ms);
            window.set(Some((opens, closes, offset)));
        }
    });
    if let Ok(handle) =
        set_interval_with_handle(move || tick.update(|n| *n += 1), Duration::from_secs(60))
    {
        on_cleanup(move || handle.clear());
    }
    let countdown = move || {
        tick.get();
        let (opens, closes, offset) = window.get()?;
        let (key, n) = Countdown::at(opens, closes, js_sys::Date::now() + offset).text()?;
        Some(fill(&t(lang.get(), key), n, None))
    };
    view! {
        <PageHeading key=Key::StartTitle/>
        <p class="lead">{tr(Key::StartLead)}</p>
        <p class="notice__text" id="window-countdown" role="status">{countdown}</p>
        <h2 class="heading-m">{tr(Key::StartNeedTitle)}</h2>
        <ul class="list list--bullet">
            <li>{tr(Key::NeedId)}</li>
            <li>{tr(Key::NeedPhone)}</li>
            <li>{tr(Key::NeedEmail)}</li>
            <li>{tr(Key::NeedCamera)}</li>
            <li>{tr(Key::NeedProof)}</li>
        </ul>
        <a href=Route::Contact.path() class="button button--start" id="create-account">
            {tr(Key::CreateAccount)}
        </a>
        <p>
            {tr(Key::HaveAccount)} " "
            <a href=Route::SignIn.path() id="sign-in-link">{tr(Key::SignIn)}</a>
        </p>
        <p><a href=Route::Results.path() id="results-link">{tr(Key::CheckSeats)}</a></p>
    }
}
