//! The official signed in (a context signal) and the idle clock: the server ends a session
//! after `idle_timeout_seconds` without a call, so the console warns 2 minutes before and
//! signs out when it lapses. Every answer restarts the clock ([`crate::api::on_answer`]).

use crate::api;
use crate::wire::{OfficialView, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;

/// Seconds before the end at which the warning shows.
pub const WARN_BEFORE_SECONDS: f64 = 120.0;

thread_local! {
    static LAST_ANSWER_MS: Cell<f64> = const { Cell::new(0.0) };
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn answered(status: u16) {
    if status != 401 {
        LAST_ANSWER_MS.with(|c| c.set(now_ms()));
    }
}

/// What the idle clock says now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    Active,
    Warning,
    Lapsed,
}

/// Where `elapsed` seconds stand against a timeout of `timeout` seconds.
pub fn idle_state(elapsed: f64, timeout: f64) -> Idle {
    if elapsed >= timeout {
        Idle::Lapsed
    } else if elapsed >= timeout - WARN_BEFORE_SECONDS {
        Idle::Warning
    } else {
        Idle::Active
    }
}

/// The console's session: who is signed in, the idle state, and why the last session ended.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    pub official: RwSignal<Option<OfficialView>>,
    pub idle: RwSignal<Idle>,
    /// Set when the console signed out by itself (idle): the sign-in page says so.
    pub lapsed: RwSignal<bool>,
    /// Whether the server was asked who is signed in (at start-up).
    pub checked: RwSignal<bool>,
}

impl Session {
    pub fn provide() -> Session {
        api::on_answer(answered);
        let s = Session {
            official: RwSignal::new(None),
            idle: RwSignal::new(Idle::Active),
            lapsed: RwSignal::new(false),
            checked: RwSignal::new(false),
        };
        provide_context(s);
        let tick = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || s.tick());
        if let Some(w) = web_sys::window() {
            use wasm_bindgen::JsCast;
            let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                1000,
            );
        }
        tick.forget();
        spawn_local(async move {
            if let Ok(who) = api::me().await {
                s.signed_in(who);
            }
            s.checked.set(true);
        });
        s
    }

    /// Signed in as `who`: the clock starts now.
    pub fn signed_in(self, who: OfficialView) {
        answered(200);
        self.lapsed.set(false);
        self.idle.set(Idle::Active);
        self.official.set(Some(who));
    }

    fn tick(self) {
        let Some(timeout) = self
            .official
            .with_untracked(|o| o.as_ref().map(|o| f64::from(o.idle_timeout_seconds)))
        else {
            return;
        };
        let elapsed = (now_ms() - LAST_ANSWER_MS.with(Cell::get)) / 1000.0;
        let state = idle_state(elapsed, timeout);
        if state != self.idle.get_untracked() {
            self.idle.set(state);
        }
        if state == Idle::Lapsed {
            self.lapsed.set(true);
            self.end();
        }
    }

    /// Stays signed in: one call renews the server's clock and this one.
    pub fn renew(self) {
        spawn_local(async move {
            if api::me().await.is_err() {
                self.end();
            }
        });
    }

    /// Signs out (the server ends the session) and shows the sign-in.
    pub fn sign_out(self) {
        spawn_local(async move {
            let _ = api::sign_out().await;
            self.end();
        });
    }

    /// Signed out: every address of the console shows the sign-in until the next one.
    pub fn end(self) {
        self.official.set(None);
        self.idle.set(Idle::Active);
    }

    /// Whether the official may reverse decisions.
    pub fn is_supervisor(self) -> bool {
        self.official
            .with(|o| o.as_ref().is_some_and(|o| o.role != Role::Reviewer))
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_comes_two_minutes_before_the_end() {
        assert_eq!(idle_state(0.0, 900.0), Idle::Active);
        assert_eq!(idle_state(779.0, 900.0), Idle::Active);
        assert_eq!(idle_state(780.0, 900.0), Idle::Warning);
        assert_eq!(idle_state(900.0, 900.0), Idle::Lapsed);
    }
}
