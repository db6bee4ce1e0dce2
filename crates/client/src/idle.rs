//! The idle warning of the voter's signed-in pages (WCAG 2.2.1): the server ends a session
//! unused for `[limits] session_idle_seconds` (30 minutes); this page mirrors that clock,
//! shows a modal `alertdialog` a little before the end ([`warn_before_ms`]: a quarter of
//! the idle time, 20 s to 2 minutes) whose one button renews the session (`GET
//! /api/session`), and, once it ended, says so and that the completed steps are kept (each
//! is saved on the server; the tab's drafts are forgotten, as on any sign-out).
//!
//! The clock: the server's answer to `GET /api/session` ([`SessionClock`]) gives the end if
//! unused from then; every other answered call renews it too, to within
//! `renew_slack_seconds` ([`crate::api::last_answer_ms`]); nothing passes the absolute end
//! (then the dialog only informs: renewing cannot help). [`Deadline`] is plain Rust, tested
//! natively; [`IdleWarning`] is the component.

use crate::i18n::{t, use_lang, with_wait, Key};
use crate::{api, draft, nav};
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_domain::api::{ErrorKind, SessionClock};
use per_domain::{Language, Route};
use std::cell::Cell;

/// How long before the end the warning shows: a quarter of the idle time, at least the
/// 20 seconds WCAG 2.2.1 gives to answer, at most 2 minutes.
pub fn warn_before_ms(idle_seconds: u32) -> f64 {
    (f64::from(idle_seconds) / 4.0).clamp(20.0, 120.0) * 1000.0
}

/// Where the idle clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    Active,
    /// The session ends in `left` seconds; `last`: at its absolute end (no renewing).
    Warning {
        left: u32,
        last: bool,
    },
    Lapsed,
}

impl Idle {
    /// 0 active, 1 warning, 2 lapsed (what the dialog's content depends on).
    fn stage(self) -> u8 {
        match self {
            Idle::Active => 0,
            Idle::Warning { .. } => 1,
            Idle::Lapsed => 2,
        }
    }
}

/// The session's end as this page knows it (times in ms since the epoch).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deadline {
    /// The end if unused since the last renewal.
    renewed_end: f64,
    /// The absolute end.
    absolute_end: f64,
    /// What any other answered call leaves of the idle time.
    renew_ms: f64,
    warn_ms: f64,
}

impl Deadline {
    /// The clock the server answered at `at` (ms).
    pub fn new(c: &SessionClock, at: f64) -> Self {
        let s = |n: u32| f64::from(n) * 1000.0;
        Deadline {
            renewed_end: at + s(c.idle_left_seconds),
            absolute_end: at + s(c.absolute_left_seconds),
            renew_ms: s(c.idle_seconds.saturating_sub(c.renew_slack_seconds)),
            warn_ms: warn_before_ms(c.idle_seconds),
        }
    }

    /// The end if unused from now, the last answer having come at `last` (ms).
    pub fn end(&self, last: f64) -> f64 {
        self.renewed_end
            .max((last + self.renew_ms).min(self.absolute_end))
    }

    /// Where the clock stands at `now`, the last answer having come at `last`.
    pub fn state(&self, now: f64, last: f64) -> Idle {
        let end = self.end(last);
        if now >= end {
            Idle::Lapsed
        } else if now >= end - self.warn_ms {
            Idle::Warning {
                left: ((end - now) / 1000.0).ceil() as u32,
                last: end >= self.absolute_end,
            }
        } else {
            Idle::Active
        }
    }
}

thread_local! {
    /// The clock of this page (one warning per page), `None` until the server answered or
    /// once it ended.
    static DEADLINE: Cell<Option<Deadline>> = const { Cell::new(None) };
    /// What the dialog shows: [`Idle::stage`].
    static STAGE: Cell<u8> = const { Cell::new(0) };
}

/// The dialog, and the language it speaks.
#[derive(Clone, Copy)]
struct Ui {
    dialog: NodeRef<leptos::html::Dialog>,
    lang: RwSignal<Language>,
}

/// The element `#id` of the dialog.
fn part(dialog: &web_sys::HtmlDialogElement, id: &str) -> Option<web_sys::HtmlElement> {
    let el = dialog.query_selector(id).ok().flatten()?;
    Some(wasm_bindgen::JsCast::unchecked_into(el))
}

impl Ui {
    /// Asks the server for the clock (which renews the session).
    fn renew(self) {
        spawn_local(async move {
            let at = js_sys::Date::now();
            match api::session_clock().await {
                Ok(c) => {
                    DEADLINE.set(Some(Deadline::new(&c, at)));
                    self.show(Idle::Active);
                }
                // Ended meanwhile (elsewhere, or the server's clock ran first).
                Err(f) if f.kind() == Some(ErrorKind::Unauthorized) => {
                    if DEADLINE.get().is_some() {
                        self.show(Idle::Lapsed);
                    }
                }
                Err(_) => {}
            }
        });
    }

    fn tick(self) {
        if let Some(d) = DEADLINE.get() {
            self.show(d.state(js_sys::Date::now(), api::last_answer_ms()));
        }
    }

    /// Shows `state`: the texts in the language shown (the page behind a modal dialog is
    /// inert, so the language does not change while it is open).
    fn show(self, state: Idle) {
        let Some(dialog) = self.dialog.get_untracked() else {
            return;
        };
        let (Some(title), Some(body), Some(stay), Some(sign_in)) = (
            part(&dialog, "#idle-title"),
            part(&dialog, "#idle-body"),
            part(&dialog, "#idle-stay"),
            part(&dialog, "#idle-sign-in"),
        ) else {
            return;
        };
        let lang = self.lang.get_untracked();
        let text = |el: &web_sys::HtmlElement, key: Key| el.set_text_content(Some(&t(lang, key)));
        match state {
            Idle::Active => {}
            Idle::Warning { left, last } => {
                text(&title, Key::IdleTitle);
                let key = if last { Key::IdleFinal } else { Key::IdleBody };
                body.set_text_content(Some(&with_wait(lang, key, left)));
                text(
                    &stay,
                    if last {
                        Key::IdleUnderstood
                    } else {
                        Key::IdleStay
                    },
                );
            }
            Idle::Lapsed => {
                // This tab forgets the voter, and the server's session ends now too.
                DEADLINE.set(None);
                draft::forget_all_here();
                spawn_local(async {
                    let _ = api::sign_out().await;
                });
                text(&title, Key::IdleEndedTitle);
                text(&body, Key::IdleEndedBody);
                text(&sign_in, Key::SignIn);
            }
        }
        let stage = state.stage();
        if STAGE.replace(stage) == stage {
            return;
        }
        // Opened as a modal (the page behind is inert; the focus moves in and comes back
        // when it closes), again at each stage so that it is announced again.
        dialog.close();
        stay.set_hidden(stage != 1);
        sign_in.set_hidden(stage != 2);
        if stage > 0 && dialog.show_modal().is_ok() {
            let _ = if stage == 1 {
                stay.focus()
            } else {
                sign_in.focus()
            };
        }
    }

    /// "Stay signed in" (or Escape): renews; at the absolute end, only closes.
    fn stay(self) {
        match DEADLINE.get() {
            Some(d) if d.end(api::last_answer_ms()) >= d.absolute_end => {
                if let Some(dialog) = self.dialog.get_untracked() {
                    dialog.close();
                }
            }
            Some(_) => self.renew(),
            None => {}
        }
    }
}

/// The idle warning of a signed-in page: put it once on the page (it asks the server for the
/// clock when it mounts, and does nothing when nobody is signed in).
#[component]
pub fn IdleWarning() -> impl IntoView {
    let ui = Ui {
        dialog: NodeRef::new(),
        lang: use_lang(),
    };
    DEADLINE.set(None);
    STAGE.set(0);
    ui.renew();
    let handle =
        set_interval_with_handle(move || ui.tick(), std::time::Duration::from_secs(1)).ok();
    on_cleanup(move || {
        DEADLINE.set(None);
        if let Some(h) = handle {
            h.clear();
        }
    });
    view! {
        <dialog
            node_ref=ui.dialog
            class="idle-dialog"
            id="idle-dialog"
            role="alertdialog"
            aria-labelledby="idle-title"
            aria-describedby="idle-body"
            on:cancel=move |ev: web_sys::Event| {
                // Escape: as "stay signed in"; the ended notice stays until followed.
                ev.prevent_default();
                if STAGE.get() == 1 {
                    ui.stay();
                }
            }
        >
            <h2 class="heading-m" id="idle-title"></h2>
            <p id="idle-body"></p>
            <p>
                <button type="button" class="button" id="idle-stay" on:click=move |_| ui.stay()></button>
                <a class="button" id="idle-sign-in" href=Route::SignIn.path() rel=nav::rel(Route::SignIn) hidden></a>
            </p>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(idle: u32, idle_left: u32, absolute_left: u32) -> SessionClock {
        SessionClock {
            idle_seconds: idle,
            absolute_seconds: 43_200,
            idle_left_seconds: idle_left,
            absolute_left_seconds: absolute_left,
            renew_slack_seconds: 60,
        }
    }

    #[test]
    fn the_warning_comes_a_quarter_of_the_idle_time_before_the_end() {
        assert_eq!(warn_before_ms(1800), 120_000.0, "2 minutes of 30");
        assert_eq!(warn_before_ms(60), 20_000.0, "never less than 20 s");
        assert_eq!(warn_before_ms(200), 50_000.0);
        let d = Deadline::new(&clock(1800, 1800, 40_000), 0.0);
        assert_eq!(d.state(1_679_000.0, 0.0), Idle::Active);
        assert_eq!(
            d.state(1_680_000.0, 0.0),
            Idle::Warning {
                left: 120,
                last: false
            }
        );
        assert_eq!(d.state(1_800_000.0, 0.0), Idle::Lapsed);
    }

    #[test]
    fn other_calls_renew_it_less_their_slack() {
        let d = Deadline::new(&clock(1800, 1800, 40_000), 0.0);
        // A draft saved 20 minutes in: the end moves to 20 + 29 minutes.
        let last = 1_200_000.0;
        assert_eq!(d.end(last), 1_200_000.0 + 1_740_000.0);
        assert_eq!(d.state(1_800_000.0, last), Idle::Active);
        // An answer older than the renewal changes nothing.
        assert_eq!(d.end(-5_000.0), 1_800_000.0);
    }

    #[test]
    fn near_the_absolute_end_the_warning_is_the_last() {
        let d = Deadline::new(&clock(1800, 100, 100), 0.0);
        assert_eq!(
            d.state(0.0, 0.0),
            Idle::Warning {
                left: 100,
                last: true
            }
        );
        // Later calls cannot pass the absolute end.
        assert_eq!(d.end(50_000.0), 100_000.0);
        assert_eq!(d.state(100_000.0, 50_000.0), Idle::Lapsed);
    }
}
