//! Small browser helpers: focus, title, `<html lang>`, today's date and the clock.

use per_domain::{Date, Language};
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Moves focus to the element with this id (an input, the error summary, a heading).
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Sets `<html lang>`, so that screen readers speak the right language.
pub fn set_html_lang(lang: Language) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's date where the voter is.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    Date::from_days_since_epoch((local_ms / 86_400_000.0).floor() as i64)
}
