//! The few browser calls the viewer makes: the state in the address (`URLSearchParams`,
//! `history.replaceState`), a download (a `Blob` and a temporary link), reading a local file,
//! the `window.perBench` hook that times recomputations, and the few writes that keep the
//! live values of a rendered form (see [`crate::html`]) in step with the state.

use crate::state::ViewState;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::UrlSearchParams;

const NAMES: [&str; 7] = ["d", "r", "t", "o", "e", "l", "z"];

/// The state the address holds (the default when it holds none).
pub fn read_address() -> ViewState {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = UrlSearchParams::new_with_str(&search) else {
        return ViewState::default();
    };
    let values: Vec<(&str, String)> = NAMES
        .iter()
        .filter_map(|n| params.get(n).map(|v| (*n, v)))
        .collect();
    ViewState::from_pairs(values.iter().map(|(n, v)| (*n, v.as_str())))
}

/// The query (`?…`) of `state`.
pub fn query(state: &ViewState) -> String {
    let Ok(params) = UrlSearchParams::new() else {
        return String::new();
    };
    for (name, value) in state.to_pairs() {
        params.append(name, &value);
    }
    format!("?{}", String::from(params.to_string()))
}

/// Puts `state` in the address without a new history entry; returns the full link.
pub fn write_address(state: &ViewState) -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let query = query(state);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&query));
    }
    let location = window.location();
    format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        query
    )
}

/// Offers `text` as a file named `name` of type `mime`.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The first file chosen in the file input of `event`: its name and text.
pub async fn chosen_file(event: &web_sys::Event) -> Option<(String, String)> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    Some((file.name(), text.as_string()?))
}

/// Installs `window.perBench(n)`: runs `run` `n` times and returns the durations in ms.
pub fn install_bench(run: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let performance = js_sys::Reflect::get(&window, &JsValue::from_str("performance"))
        .unwrap_or(JsValue::UNDEFINED);
    let now_fn = js_sys::Reflect::get(&performance, &JsValue::from_str("now"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    // `performance.now()` (sub-millisecond), else `Date.now()`.
    let now = move || {
        now_fn
            .as_ref()
            .and_then(|f| f.call0(&performance).ok())
            .and_then(|v| v.as_f64())
            .unwrap_or_else(per_client::dom::now_ms)
    };
    let bench = Closure::<dyn Fn(u32) -> js_sys::Array>::new(move |n: u32| {
        let times = js_sys::Array::new();
        for _ in 0..n {
            let start = now();
            run();
            times.push(&JsValue::from_f64(now() - start));
        }
        times
    });
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("perBench"), bench.as_ref());
    bench.forget();
}

/// The element with id `id`.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The id of the element an event came from (`None`: none, or not an element).
pub fn target_id(event: &web_sys::Event) -> Option<String> {
    let el = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    Some(el.id())
}

/// The `value` of the form control an event came from.
pub fn target_value(event: &web_sys::Event) -> String {
    event
        .target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Sets the `value` of form control `id` (an input or a select) when it differs, unless
/// the visitor is typing in it: what they type is never overwritten under their cursor.
pub fn set_value(id: &str, value: &str) {
    let Some(el) = by_id(id) else { return };
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|a| a == el);
    let key = JsValue::from_str("value");
    let now = js_sys::Reflect::get(&el, &key)
        .ok()
        .and_then(|v| v.as_string());
    if now.as_deref() != Some(value) && !(focused && el.tag_name() == "INPUT") {
        let _ = js_sys::Reflect::set(&el, &key, &JsValue::from_str(value));
    }
}

/// Shows or hides element `id` (the `hidden` attribute).
pub fn show(id: &str, shown: bool) {
    if let Some(el) = by_id(id) {
        let _ = el.toggle_attribute_with_force("hidden", !shown);
    }
}

/// Sets attribute `name` of element `id` to `value`, or removes it (`None`).
pub fn set_attr(id: &str, name: &str, value: Option<&str>) {
    if let Some(el) = by_id(id) {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// Sets the text of element `id`.
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}
