//! The submit flow the form pages share (contact, password, identity, sign-in): one call
//! at a time, local problems shown before anything is sent, then the server's answer either
//! moves on to the next page or shows its errors.
//!
//! ```text
//! let submit = use_submit(errors, Step::SignIn, Some("login"));
//! let busy = submit.busy;
//! let on_submit = move |ev: SubmitEvent| {
//!     ev.prevent_default();
//!     let body = SignIn { login: login.get_untracked(), password: password.get_untracked() };
//!     submit.send(body.parse().map(drop), body, api::sign_in, |_me, _| Route::MyRequest);
//! };
//! ```

use crate::api::ApiFailure;
use crate::form::{self, ErrorItem, Step};
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_domain::{FieldProblem, Route};

/// A form's submission, from [`use_submit`].
#[derive(Clone)]
pub struct Submit<N> {
    /// True while the request is under way: the button says so and submits are ignored.
    pub busy: Signal<bool>,
    running: RwSignal<bool>,
    errors: RwSignal<Vec<ErrorItem>>,
    step: Step,
    near: Option<&'static str>,
    navigate: N,
}

impl<N> std::fmt::Debug for Submit<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Submit")
            .field("step", &self.step)
            .field("near", &self.near)
            .finish_non_exhaustive()
    }
}

/// The submission of a form on `step` whose errors go to `errors`; `near` is the input a
/// field-less server error belongs to (see [`form::from_failure`]).
pub fn use_submit(
    errors: RwSignal<Vec<ErrorItem>>,
    step: Step,
    near: Option<&'static str>,
) -> Submit<impl Fn(Route) + Clone + 'static> {
    let running = RwSignal::new(false);
    Submit {
        busy: running.into(),
        running,
        errors,
        step,
        near,
        navigate: crate::nav::use_go(),
    }
}

impl<N: Fn(Route) + Clone + 'static> Submit<N> {
    /// Sends `body` with `request`, unless a submission is under way (then nothing happens)
    /// or `parsed` (the local parse of `body`) failed (then its problems are shown). On
    /// success `done` does what the page keeps (drafts), the errors clear and the app goes to
    /// the page `done` names; on failure the server's errors are shown.
    pub fn send<B: 'static, T>(
        &self,
        parsed: Result<(), Vec<FieldProblem>>,
        body: B,
        request: impl AsyncFnOnce(&B) -> Result<T, ApiFailure> + 'static,
        done: impl FnOnce(T, &B) -> Route + 'static,
    ) {
        if !self.start(parsed) {
            return;
        }
        let this = self.clone();
        spawn_local(async move {
            let result = request(&body).await;
            this.running.set(false);
            match result {
                Ok(answer) => this.finish(done(answer, &body)),
                Err(f) => this.fail(&f),
            }
        });
    }

    /// Whether to send: no submission under way and no local problems (else shown).
    fn start(&self, parsed: Result<(), Vec<FieldProblem>>) -> bool {
        if self.running.get_untracked() {
            return false;
        }
        if let Err(problems) = parsed {
            self.errors
                .set(form::from_problems(&problems, form::input_id));
            return false;
        }
        self.running.set(true);
        true
    }

    fn finish(&self, to: Route) {
        self.errors.set(Vec::new());
        (self.navigate)(to);
    }

    fn fail(&self, f: &ApiFailure) {
        self.errors
            .set(form::from_failure(f, self.step, form::input_id, self.near));
    }
}
