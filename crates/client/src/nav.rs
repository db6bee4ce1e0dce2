//! Addresses within and across entry pages. A link or a navigation to another entry is a
//! full page load; within an entry (a few pages) this module is the router: the address is
//! a signal ([`use_path`]), links are followed with `history.pushState`, and the back button
//! (`popstate`) sets the signal again. No router crate: each entry maps its handful of
//! addresses with a `match` over [`Route`].
//!
//! A step forward pushes a history entry (the back button returns to the previous question);
//! a redirect (an address that only sends elsewhere, like `/request/` to the first step not
//! answered) replaces its own entry ([`use_replace`]), within the entry or across entries,
//! so that going back never lands on it again and is sent forward: no trap.

use leptos::prelude::*;
use per_domain::{Entry, Route};
use std::sync::OnceLock;
use wasm_bindgen::JsCast;

static CURRENT: OnceLock<Entry> = OnceLock::new();

/// Sets the entry this page is (once, at start-up).
pub fn set_current(entry: Entry) {
    let _ = CURRENT.set(entry);
}

/// The entry this page is (the start page before [`set_current`]).
pub fn current() -> Entry {
    CURRENT.get().copied().unwrap_or(Entry::Start)
}

/// Whether following `href` leaves the entry `from`.
pub fn leaves(from: Entry, href: &str) -> bool {
    href.starts_with('/') && Entry::of_path(href) != Some(from)
}

/// The `rel` of a link to `to` from this page: `external` when it leaves the entry.
pub fn rel(to: Route) -> Option<&'static str> {
    (to.entry() != current()).then_some("external")
}

/// Goes to `to` with a full page load (for a destination in another entry).
pub fn go(to: Route) {
    go_href(to.path());
}

/// Goes to `href` (an address of this site, with its query) with a full page load.
pub fn go_href(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(href);
    }
}

fn replace_href(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(href);
    }
}

/// The address shown within this entry, provided by [`provide_route`].
#[derive(Debug, Clone, Copy)]
struct PathSignal(RwSignal<String>);

fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// Makes the address a signal for this entry's pages: set by links followed within the
/// entry, by [`use_go`] and by the back and forward buttons. Every link that leaves the
/// entry is left to the browser (a page load). Call once, at the top of the entry.
///
/// The page shown is the [`Route`] of that address (`None` for an address that is no page:
/// the entry says "not found").
pub fn provide_route() -> Signal<Option<Route>> {
    let path = RwSignal::new(pathname());
    provide_context(PathSignal(path));
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    if let (Some(window), Some(document)) = (window, document) {
        let on_pop = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || path.set(pathname()));
        let _ =
            window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        on_pop.forget();
        let on_click = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
            move |ev: web_sys::MouseEvent| follow_within(&ev, path),
        );
        let _ =
            document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
    }
    Signal::derive(move || path.with(|p| Route::of_path(p)))
}

/// A click on a link to a page of this entry: shown without a page load.
fn follow_within(ev: &web_sys::MouseEvent, path: RwSignal<String>) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let anchor = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten());
    let Some(a) = anchor else { return };
    let href = a.get_attribute("href").unwrap_or_default();
    if !href.starts_with('/')
        || leaves(current(), &href)
        || a.has_attribute("target")
        || a.has_attribute("download")
    {
        return;
    }
    ev.prevent_default();
    push(&href, path);
}

fn push(href: &str, path: RwSignal<String>) {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    path.set(pathname());
}

fn replace(href: &str, path: RwSignal<String>) {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    path.set(pathname());
}

/// A redirect: like [`use_go`], but the current address is replaced in the history
/// (`history.replaceState` within the entry, `location.replace` to another), so the back
/// button skips it.
pub fn use_replace() -> impl Fn(Route) + Clone + 'static {
    let path = use_context::<PathSignal>().map(|p| p.0);
    move |to: Route| match path {
        Some(path) if !leaves(current(), to.path()) => replace(to.path(), path),
        _ => replace_href(to.path()),
    }
}

/// Navigation for a page: within the entry through the path signal, to another entry by a
/// page load.
pub fn use_go() -> impl Fn(Route) + Clone + 'static {
    let go = use_go_href();
    move |to: Route| go(to.path())
}

/// [`use_go`] to an address with a query (`/request/address?change`).
pub fn use_go_href() -> impl Fn(&str) + Clone + 'static {
    let path = use_context::<PathSignal>().map(|p| p.0);
    move |to: &str| match path {
        Some(path) if !leaves(current(), to) => push(to, path),
        _ => go_href(to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_to_another_entry_is_a_page_load() {
        assert!(leaves(Entry::Register, "/"));
        assert!(leaves(Entry::Register, "/results/"));
        assert!(leaves(Entry::Register, "/sign-in"));
        assert!(leaves(Entry::Register, "/register/face"));
        assert!(!leaves(Entry::Register, "/register/identity"));
        assert!(!leaves(Entry::Account, "/my-request"));
        assert!(leaves(Entry::Start, "/register/contact"));
        assert!(!leaves(Entry::Start, "/"));
        assert!(!leaves(Entry::Results, "/results/#x"));
        // Fragments on the same page stay.
        assert!(!leaves(Entry::Register, "#main"));
    }

    #[test]
    fn the_build_manifest_builds_the_entries_of_the_domain() {
        let manifest: serde_json::Value =
            serde_json::from_str(include_str!("../../../entries/entries.json")).unwrap();
        let built = manifest["entries"].as_array().unwrap();
        assert_eq!(
            built[0]["dir"], "",
            "the start page is built first (it empties dist/)"
        );
        for e in built {
            let dir = e["dir"].as_str().unwrap();
            let entry = Entry::ALL.into_iter().find(|x| x.dir() == dir);
            assert!(entry.is_some(), "{dir} is no per_domain::Entry");
            let budget = e["budget"].as_u64().unwrap();
            let max = match entry {
                Some(Entry::Start) => 100_000,
                _ => 150_000,
            };
            assert!(budget <= max, "{dir}: budget {budget} over {max}");
        }
    }

    /// The service worker finds a page's entry by the longest of the manifest's `paths`
    /// that the address is under: the same answer as `Entry::of_path` for every route, and
    /// each entry's first path (where its page is fetched) is its own.
    #[test]
    fn the_manifest_paths_find_the_entry_of_every_route() {
        let manifest: serde_json::Value =
            serde_json::from_str(include_str!("../../../entries/entries.json")).unwrap();
        let table: Vec<(String, Entry)> = manifest["entries"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| {
                let dir = e["dir"].as_str().unwrap();
                let entry = Entry::ALL.into_iter().find(|x| x.dir() == dir).unwrap();
                let paths = e["paths"].as_array().expect("every entry has paths");
                assert_eq!(Entry::of_path(paths[0].as_str().unwrap()), Some(entry));
                paths
                    .iter()
                    .map(move |p| (p.as_str().unwrap().to_owned(), entry))
            })
            .collect();
        let find = |path: &str| {
            table
                .iter()
                .filter(|(p, _)| {
                    path == p
                        || p == "/" && path == "/index.html"
                        || p != "/"
                            && path
                                .strip_prefix(p.as_str())
                                .is_some_and(|rest| rest.starts_with('/'))
                })
                .max_by_key(|(p, _)| p.len())
                .map(|(_, e)| *e)
        };
        for route in per_domain::Route::ALL {
            assert_eq!(
                find(route.path()),
                Entry::of_path(route.path()),
                "{}",
                route.path()
            );
        }
        for path in ["/nowhere", "/registered", "/review/requests/PER-AAAA-0007"] {
            assert_eq!(find(path), Entry::of_path(path), "{path}");
        }
    }
}
