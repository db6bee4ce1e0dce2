//! The "Back" link at the top of every step, to the previous step.

use crate::i18n::{tr, Frame};
use crate::nav;
use leptos::prelude::*;

#[component]
pub fn BackLink(href: &'static str) -> impl IntoView {
    view! { <a href=href rel=nav::rel(href) class="back-link">{tr(Frame::Back)}</a> }
}
