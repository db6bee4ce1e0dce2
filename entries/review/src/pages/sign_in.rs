//! `/review/` (and any console address while signed out): login, password and the second
//! factor (a 6-digit code or a recovery code). One message whatever was wrong.

use super::Problem;
use crate::api;
use crate::session::use_session;
use crate::texts::{rtr, RKey};
use crate::wire::OfficialSignIn;
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::components::PageHeading;
use per_domain::Route;

#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(
        session
            .lapsed
            .get_untracked()
            .then_some(RKey::ErrIdleSignedOut),
    );
    let go = per_client::nav::use_go();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = OfficialSignIn {
            login: login.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            code: code.get_untracked().trim().to_owned(),
        };
        // The domain's parse (the server runs it again); whatever is wrong, one message.
        if body.parse().is_err() {
            message.set(Some(RKey::ErrSignInFailed));
            return;
        }
        busy.set(true);
        let go = go.clone();
        spawn_local(async move {
            let answer = api::sign_in(&body).await;
            busy.set(false);
            match answer {
                Ok(who) => {
                    password.set(String::new());
                    code.set(String::new());
                    if per_domain::Route::of_path(&crate::pathname()) == Some(Route::Review) {
                        go(Route::ReviewQueue);
                    }
                    session.signed_in(who);
                }
                Err(f) => {
                    code.set(String::new());
                    message.set(Some(match f {
                        api::Failure::Network | api::Failure::TooMany => f.key(),
                        _ => RKey::ErrSignInFailed,
                    }));
                }
            }
        });
    };

    view! {
        <Problem message/>
        <PageHeading key=RKey::SignInTitle/>
        <p class="lead">{rtr(RKey::SignInLead)}</p>
        <form novalidate on:submit=on_submit id="sign-in-form">
            <div class="form-group">
                <label class="label" for="login">{rtr(RKey::LoginLabel)}</label>
                <input class="input input--width-20" id="login" name="login" type="text"
                    autocomplete="username" spellcheck="false" autocapitalize="none"
                    prop:value=login on:input=move |ev| login.set(event_target_value(&ev))/>
            </div>
            <div class="form-group">
                <label class="label" for="password">{rtr(RKey::PasswordLabel)}</label>
                <input class="input input--width-20" id="password" name="password" type="password"
                    autocomplete="current-password"
                    prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
            </div>
            <div class="form-group">
                <label class="label" for="code">{rtr(RKey::CodeLabel)}</label>
                <div class="hint" id="code-hint">{rtr(RKey::CodeHint)}</div>
                <input class="input input--width-10" id="code" name="code" type="text"
                    autocomplete="one-time-code" spellcheck="false" autocapitalize="none"
                    aria-describedby="code-hint"
                    prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { rtr(RKey::Sending)() } else { rtr(RKey::SignInButton)() }}
            </button>
        </form>
    }
}
