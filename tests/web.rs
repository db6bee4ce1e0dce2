//! Browser tests of the client logic that needs a real browser: Web Storage, `<html lang>`,
//! Web Crypto, and the error summary and fields as rendered in the DOM.
#![allow(clippy::unwrap_used)]

use leptos::prelude::*;
use per_app::components::{ErrorSummary, MaskedContact, PageHeading, PageTitle, TextField};
use per_app::draft::{self, IdentityDraft, KeyValue, WebStore};
use per_app::form::{ErrorItem, Msg};
use per_app::i18n::{Key, LangContext};
use per_domain::{Language, Problem};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets effects and rendering scheduled on the microtask queue run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A fresh element to mount into.
fn host(id: &str) -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    el.set_id(id);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
fn identity_draft_round_trips_through_session_storage() {
    let store = WebStore::session().unwrap();
    store.remove(draft::IDENTITY_KEY);
    let mut d = IdentityDraft::load_or_new(&store, draft::new_idempotency_key);
    d.form.first_name = "Ëndra".into();
    d.form.surname = "Çela".into();
    draft::save(&store, draft::IDENTITY_KEY, &d);
    let again = IdentityDraft::load_or_new(&store, || panic!("the saved key must be kept"));
    assert_eq!(again, d);
    store.remove(draft::IDENTITY_KEY);
}

#[wasm_bindgen_test]
fn forgetting_clears_both_storage_areas_but_keeps_the_language() {
    let (local, session) = (WebStore::local().unwrap(), WebStore::session().unwrap());
    per_app::apply_language(Language::De);
    local.set(draft::IDENTITY_KEY, "{}");
    for key in draft::PERSONAL_SESSION_KEYS {
        session.set(key, "{}");
    }
    draft::forget_all_here();
    assert_eq!(local.get(draft::IDENTITY_KEY), None);
    for key in draft::PERSONAL_SESSION_KEYS {
        assert_eq!(session.get(key), None, "{key}");
    }
    assert_eq!(local.get(draft::LANG_KEY).as_deref(), Some("de"));
    per_app::apply_language(Language::Sq);
}

#[wasm_bindgen_test]
async fn masked_contacts_are_read_without_bullets() {
    let el = host("masked-host");
    let lang = RwSignal::new(Language::En);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(LangContext(lang));
        view! { <MaskedContact masked="+•••••••89".to_owned()/> }
    });
    tick().await;
    let shown = el.query_selector("[aria-hidden='true']").unwrap().unwrap();
    assert_eq!(shown.text_content().as_deref(), Some("+•••••••89"));
    let said = el.query_selector(".visually-hidden").unwrap().unwrap();
    assert_eq!(
        said.text_content().as_deref(),
        Some("the number ending in 89")
    );
    lang.set(Language::It);
    tick().await;
    assert_eq!(
        said.text_content().as_deref(),
        Some("un numero che termina con 89")
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_title_says_error_while_the_summary_shows_errors() {
    let el = host("title-host");
    let lang = RwSignal::new(Language::En);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let handle = leptos::mount::mount_to(el, move || {
        provide_context(LangContext(lang));
        PageTitle::provide();
        view! {
            <ErrorSummary errors=errors/>
            <PageHeading key=Key::ContactTitle/>
        }
    });
    tick().await;
    assert_eq!(
        document().title(),
        "How can we contact you? – Registration of voters abroad"
    );
    errors.set(vec![ErrorItem::general(Msg::Text(Key::ErrNetwork))]);
    tick().await;
    assert!(
        document().title().starts_with("Error: How can we"),
        "{}",
        document().title()
    );
    lang.set(Language::Sq);
    tick().await;
    assert!(
        document().title().starts_with("Gabim: Si mund"),
        "{}",
        document().title()
    );
    errors.set(Vec::new());
    tick().await;
    assert!(
        document().title().starts_with("Si mund"),
        "{}",
        document().title()
    );
    drop(handle);
}

#[wasm_bindgen_test]
fn language_sets_html_lang_and_is_remembered() {
    per_app::apply_language(Language::En);
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        WebStore::local().unwrap().get(draft::LANG_KEY).as_deref(),
        Some("en")
    );
    assert_eq!(per_app::initial_language(), Language::En);

    per_app::apply_language(Language::Sq);
    assert_eq!(root.get_attribute("lang").as_deref(), Some("sq"));
    assert_eq!(per_app::initial_language(), Language::Sq);
}

#[wasm_bindgen_test]
fn idempotency_keys_come_from_web_crypto() {
    let (a, b) = (draft::new_idempotency_key(), draft::new_idempotency_key());
    assert_eq!(a.len(), 32);
    assert!(a
        .bytes()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_ne!(a, b);
}

#[wasm_bindgen_test]
async fn error_summary_links_to_fields_and_follows_the_language() {
    let el = host("summary-host");
    let lang = RwSignal::new(Language::Sq);
    let errors = RwSignal::new(vec![
        ErrorItem::field("phone", Msg::Problem(Problem::PhoneAlbanian)),
        ErrorItem::general(Msg::Text(Key::ErrNetwork)),
    ]);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(LangContext(lang));
        view! { <ErrorSummary errors=errors/> }
    });
    tick().await;
    let link = document()
        .query_selector("#error-summary a[href='#phone']")
        .unwrap()
        .expect("a link to the phone field");
    assert!(link.text_content().unwrap().contains("+355"));
    assert!(el.text_content().unwrap().contains("Ka një problem"));

    lang.set(Language::En);
    tick().await;
    assert!(el.text_content().unwrap().contains("There is a problem"));

    errors.set(Vec::new());
    tick().await;
    assert!(document().get_element_by_id("error-summary").is_none());
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_field_in_error_says_so_to_assistive_technology() {
    let el = host("field-host");
    let lang = RwSignal::new(Language::Sq);
    let value = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let handle = leptos::mount::mount_to(el, move || {
        provide_context(LangContext(lang));
        view! { <TextField id="email" label=Key::EmailLabel kind="email" value=value errors=errors/> }
    });
    tick().await;
    let input = document().get_element_by_id("email").unwrap();
    assert_eq!(input.get_attribute("type").as_deref(), Some("email"));
    assert_eq!(input.get_attribute("aria-invalid"), None);
    let label = document()
        .query_selector("label[for='email']")
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().as_deref(), Some("Adresa e e-mailit"));

    errors.set(vec![ErrorItem::field(
        "email",
        Msg::Problem(Problem::EmailInvalid),
    )]);
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("email-error")
    );
    let message = document().get_element_by_id("email-error").unwrap();
    assert!(message
        .text_content()
        .unwrap()
        .contains("emri@shembull.com"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_camera_gives_a_jpeg_frame_the_server_accepts() {
    // Chromium runs with --use-fake-device-for-media-stream: a synthetic camera.
    let video: web_sys::HtmlVideoElement = document()
        .create_element("video")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&video).unwrap();
    let stream = per_app::camera::start(&video)
        .await
        .expect("the fake camera starts");
    let mut frame = Err(per_app::camera::CameraError::NotReady);
    for _ in 0..50 {
        frame = per_app::camera::capture_jpeg_base64(&video);
        if frame.is_ok() {
            break;
        }
        tick().await;
    }
    per_app::camera::stop(&stream);
    let frame = frame.expect("a frame once the video plays");
    let jpeg =
        per_domain::api::JpegFrame::parse_base64(&frame).expect("the same check as the server");
    assert!(jpeg.bytes().len() < per_domain::api::JpegFrame::MAX_BYTES);
    let ended = |t: wasm_bindgen::JsValue| {
        js_sys::Reflect::get(&t, &"readyState".into())
            .unwrap()
            .as_string()
            .as_deref()
            == Some("ended")
    };
    assert!(
        stream.get_tracks().iter().all(ended),
        "the camera is released"
    );
}
