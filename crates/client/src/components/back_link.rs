//! The "Back" link at the top of every step, to the previous step.

use crate::i18n::{tr, Frame};
use crate::nav;
use leptos::prelude::*;
use per_domain::Route;

#[component]
pub fn BackLink(to: Route) -> impl IntoView {
    view! { <a href=to.path() rel=nav::rel(to) class="back-link">{tr(Frame::Back)}</a> }
}
