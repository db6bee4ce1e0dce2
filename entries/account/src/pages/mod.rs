//! The account pages, and the notice one page leaves for the next (after a change of
//! password; after a reset, the reset entry's address says it: `/sign-in?reset`).

mod change_password;
mod my_request;
mod sign_in;

pub use change_password::ChangePasswordPage;
pub use my_request::MyRequest;
pub use sign_in::SignInPage;

use crate::texts::AKey;
use leptos::prelude::*;
use per_client::i18n::tr;

/// What the next page says once (a `role="status"` notice), set before going there.
#[derive(Debug, Clone, Copy)]
pub struct Notice(RwSignal<Option<AKey>>);

impl Notice {
    pub fn provide() {
        provide_context(Notice(RwSignal::new(None)));
    }

    /// This page's handle (taken while the page is made: an async task has no context).
    pub fn use_notice() -> Notice {
        expect_context::<Notice>()
    }

    /// The next page shows `key`.
    pub fn leave(self, key: AKey) {
        self.0.set(Some(key));
    }

    /// The notice left for this page, if any (taken: it shows once); `or` when none was.
    pub fn view_or(or: Option<AKey>) -> impl IntoView {
        let key = expect_context::<Notice>().0.write_untracked().take().or(or);
        key.map(|key| view! { <p class="notice__text" role="status" id="notice">{tr(key)}</p> })
    }
}
