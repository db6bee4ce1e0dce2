//! The frame of every page: skip link, header with the service name and the language
//! switcher, and the footer.

use crate::i18n::{t, tr, use_lang, Frame, LangSwitch};
use crate::nav;
use leptos::prelude::*;
use per_domain::{Language, Route};

#[component]
pub fn Header() -> impl IntoView {
    let switch = expect_context::<LangSwitch>();
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(l) = Language::parse(&event_target_value(&ev)) {
            switch.choose(l);
        }
    };
    view! {
        <a href="#main" class="skip-link">{tr(Frame::SkipToContent)}</a>
        <header class="header">
            <div class="header__inner">
                <a href=Route::Start.path() rel=nav::rel(Route::Start) class="header__service">
                    <span class="header__logo" aria-hidden="true">"PER"</span>
                    <span class="header__name">{tr(Frame::ServiceName)}</span>
                </a>
                <div class="header__lang">
                    <label for="language" class="header__lang-label">{tr(Frame::LanguageLabel)}</label>
                    <select id="language" class="select" on:change=on_change>
                        {Language::ALL
                            .into_iter()
                            .map(|l| view! {
                                <option value=l.code() lang=l.code() prop:selected=move || switch.wanted.get() == l>
                                    {l.endonym()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
        </header>
        // A live region from the start, so that the notice is announced when it appears.
        <div id="language-notice" role="status">
            {move || switch.failed.get().then(|| view! {
                <div class="container">
                    <p class="warning">{tr(Frame::LanguageUnavailable)}</p>
                </div>
            })}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="footer">
            <div class="container">
                <p>{move || t(lang.get(), Frame::FooterText)}</p>
                <p>
                    <a href=Route::Statistics.path() id="statistics-link">
                        {move || t(lang.get(), Frame::FooterStatistics)}
                    </a>
                </p>
            </div>
        </footer>
    }
}
