//! `/`: what the service is, what you need, and the ways in.

use leptos::prelude::*;
use per_client::components::PageHeading;
use per_client::i18n::{tr, Key};
use per_domain::Route;

#[component]
pub fn Start() -> impl IntoView {
    view! {
        <PageHeading key=Key::StartTitle/>
        <p class="lead">{tr(Key::StartLead)}</p>
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
