//! Browser tests of the client logic that needs a real browser: Web Storage, `<html lang>`,
//! Web Crypto, and the error summary and fields as rendered in the DOM.
#![allow(clippy::unwrap_used)]

use leptos::prelude::*;
use per_client::components::{
    ErrorSummary, Header, MaskedContact, PageHeading, PageTitle, TextField,
};
use per_client::draft::{self, KeyValue, WebStore};
use per_client::form::{ErrorItem, Msg};
use per_client::i18n::{self, Key, LangContext, LangSwitch};
use per_domain::api::{IdentityForm, RequestDraft};
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

/// Installs the languages the tests show (the app fetches them; the test server cannot serve
/// `/public`). Greek is left out, for the test of a language that cannot be loaded.
fn install_languages() {
    for (lang, json) in [
        (Language::En, include_str!("../public/i18n/en.json")),
        (Language::It, include_str!("../public/i18n/it.json")),
        (Language::De, include_str!("../public/i18n/de.json")),
    ] {
        i18n::install(lang, json).unwrap();
    }
    for (lang, json) in [
        (Language::En, include_str!("../public/i18n/frame/en.json")),
        (Language::It, include_str!("../public/i18n/frame/it.json")),
        (Language::De, include_str!("../public/i18n/frame/de.json")),
    ] {
        i18n::FRAME.install(lang, json).unwrap();
    }
}

/// The shared texts, as an entry links them.
static CATALOGS: [&i18n::Catalog; 2] = [&i18n::FRAME, &i18n::CATALOG];

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
fn request_draft_round_trips_through_session_storage() {
    let store = WebStore::session().unwrap();
    let d = RequestDraft {
        idempotency_key: Some(draft::new_idempotency_key()),
        identity: Some(IdentityForm {
            first_name: "Ëndra".into(),
            surname: "Çela".into(),
            ..IdentityForm::default()
        }),
        ..RequestDraft::default()
    };
    draft::save(&store, draft::REQUEST_KEY, &d);
    let again: RequestDraft = draft::load(&store, draft::REQUEST_KEY).unwrap();
    assert_eq!(again, d);
    store.remove(draft::REQUEST_KEY);
}

#[wasm_bindgen_test]
fn forgetting_clears_both_storage_areas_but_keeps_the_language() {
    let (local, session) = (WebStore::local().unwrap(), WebStore::session().unwrap());
    per_client::shell::apply_language(Language::De);
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
    per_client::shell::apply_language(Language::Sq);
}

#[wasm_bindgen_test]
async fn masked_contacts_are_read_without_bullets() {
    install_languages();
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
    install_languages();
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
    per_client::shell::apply_language(Language::En);
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        WebStore::local().unwrap().get(draft::LANG_KEY).as_deref(),
        Some("en")
    );
    assert_eq!(per_client::shell::initial_language(), Language::En);

    per_client::shell::apply_language(Language::Sq);
    assert_eq!(root.get_attribute("lang").as_deref(), Some("sq"));
    assert_eq!(per_client::shell::initial_language(), Language::Sq);
}

#[wasm_bindgen_test]
fn a_language_file_is_parsed_and_applied() {
    // Incomplete, or not JSON: refused.
    let json = r#"{"ServiceName": "Wahl im Ausland", "Back": "Zurück", "Unknown": "x"}"#;
    assert!(i18n::parse_texts(json).is_none());
    assert!(i18n::parse_texts("<!doctype html>").is_none());
    // A complete file, keys in any order, unknown names ignored.
    let mut texts: Vec<String> = Key::ALL
        .iter()
        .map(|k| format!("\"{k:?}\": \"τ {}\"", *k as usize))
        .collect();
    texts.reverse();
    texts.push("\"Unknown\": \"x\"".to_owned());
    let json = format!("{{{}}}", texts.join(","));
    let parsed = i18n::parse_texts(&json).unwrap();
    assert_eq!(parsed.len(), Key::ALL.len());
    assert_eq!(
        &*parsed[Key::Continue as usize],
        format!("τ {}", Key::Continue as usize)
    );
    // Applied: `t` gives the texts of an installed language.
    install_languages();
    assert!(i18n::is_loaded(Language::En));
    assert_eq!(i18n::t(Language::En, Key::Continue), "Continue");
    assert_eq!(i18n::t(Language::En, i18n::Frame::Back), "Back");
    assert_eq!(i18n::t(Language::De, i18n::Frame::Back), "Zurück");
}

/// Makes `fetch` fail as when offline, until the returned original is put back.
fn go_offline() -> wasm_bindgen::JsValue {
    let window = web_sys::window().unwrap();
    let original = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
    let offline = js_sys::Function::new_no_args("return Promise.reject(new TypeError('offline'))");
    js_sys::Reflect::set(&window, &"fetch".into(), &offline).unwrap();
    original
}

fn go_online(original: wasm_bindgen::JsValue) {
    let window = web_sys::window().unwrap();
    js_sys::Reflect::set(&window, &"fetch".into(), &original).unwrap();
}

#[wasm_bindgen_test]
async fn the_header_switches_language_and_stays_when_one_cannot_be_loaded() {
    install_languages();
    let el = host("header-host");
    let lang = RwSignal::new(Language::Sq);
    let switch = LangSwitch {
        languages: per_client::shell::languages(&CATALOGS),
        lang,
        wanted: RwSignal::new(Language::Sq),
        failed: RwSignal::new(false),
    };
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(LangContext(lang));
        provide_context(switch);
        view! { <Header/> }
    });
    tick().await;
    let select: web_sys::HtmlSelectElement = el
        .query_selector("#language")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let choose = |code: &str| {
        select.set_value(code);
        let ev = web_sys::Event::new("change").unwrap();
        select.dispatch_event(&ev).unwrap();
    };
    let name = || {
        el.query_selector(".header__name")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let remembered = || WebStore::local().unwrap().get(draft::LANG_KEY);
    let settled = || async {
        for _ in 0..100 {
            if switch.wanted.get_untracked() == switch.lang.get_untracked() {
                break;
            }
            tick().await;
        }
        tick().await;
    };
    assert_eq!(name(), "Regjistrimi i zgjedhësve jashtë vendit");

    // Loaded already: at once, and remembered.
    choose("en");
    tick().await;
    assert_eq!(lang.get_untracked(), Language::En);
    assert_eq!(name(), "Registration of voters abroad");
    assert_eq!(remembered().as_deref(), Some("en"));
    assert!(el.query_selector(".warning").unwrap().is_none());

    // Greek (loaded by no other test) while offline: English stays, with a notice.
    let original = go_offline();
    choose("el");
    assert_eq!(lang.get_untracked(), Language::En, "English while loading");
    settled().await;
    go_online(original);
    assert!(switch.failed.get_untracked(), "the load of Greek fails");
    assert!(!i18n::is_loaded(Language::El));
    assert_eq!(lang.get_untracked(), Language::En, "English stays");
    assert_eq!(name(), "Registration of voters abroad");
    assert_eq!(select.value(), "en", "the switcher shows English again");
    let notice = el
        .query_selector("#language-notice .warning")
        .unwrap()
        .expect("a notice");
    assert_eq!(
        notice.text_content().as_deref(),
        Some("The chosen language could not be loaded. Please try again.")
    );
    assert_eq!(remembered().as_deref(), Some("en"));

    // Online again (the test server serves the crate's files, `/public/i18n/el.json`
    // among them): fetched, shown, remembered; the notice goes.
    choose("el");
    settled().await;
    assert!(i18n::is_loaded(Language::El));
    assert_eq!(lang.get_untracked(), Language::El);
    assert_eq!(name(), "Εγγραφή εκλογέων στο εξωτερικό");
    assert_eq!(remembered().as_deref(), Some("el"));
    assert!(el.query_selector(".warning").unwrap().is_none());

    choose("sq");
    tick().await;
    assert_eq!(lang.get_untracked(), Language::Sq);
    drop(handle);
    per_client::shell::apply_language(Language::Sq);
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
    install_languages();
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
    let stream = per_client::camera::start(&video)
        .await
        .expect("the fake camera starts");
    let mut frame = Err(per_client::camera::CameraError::NotReady);
    for _ in 0..50 {
        frame = per_client::camera::capture_jpeg_base64(&video);
        if frame.is_ok() {
            break;
        }
        tick().await;
    }
    per_client::camera::stop(&stream);
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
