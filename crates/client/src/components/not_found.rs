//! Any unknown address (the start entry shows it for addresses no entry serves).

use crate::components::PageHeading;
use crate::i18n::{tr, Frame};
use crate::nav;
use leptos::prelude::*;
use per_domain::Route;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading key=Frame::NotFoundTitle/>
        <p>{tr(Frame::NotFoundBody)}</p>
        <p><a href=Route::Start.path() rel=nav::rel(Route::Start)>{tr(Frame::GoToStart)}</a></p>
    }
}
