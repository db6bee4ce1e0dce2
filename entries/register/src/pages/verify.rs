//! `/register/verify`: the two one-time codes (SMS and e-mail), with "send again".

use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::components::{BackLink, CodeField, ErrorSummary, PageHeading};
use per_client::draft::{self, SignupSession, WebStore};
use per_client::form::{self, ErrorItem, Msg, Step};
use per_client::i18n::{t, tr, use_lang, Key};
use per_client::{api, dom};
use per_domain::api::{Channel, ResendCode, VerifyCode};
use per_domain::Route;
use std::time::Duration;

/// The id of the code input for a channel.
fn input_for(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "phone-code",
        Channel::Email => "email-code",
    }
}

fn save_session(s: &SignupSession) {
    if let Some(store) = WebStore::session() {
        draft::save(&store, draft::SIGNUP_KEY, s);
    }
}

#[component]
pub fn Verify() -> impl IntoView {
    let loaded: Option<SignupSession> =
        WebStore::session().and_then(|s| draft::load(&s, draft::SIGNUP_KEY));
    let Some(loaded) = loaded else {
        return view! { <NoSignup/> }.into_any();
    };
    let navigate = per_client::nav::use_go();
    let now = dom::now_ms();
    let phone_cooldown = RwSignal::new(draft::cooldown_left(
        loaded.resend_after_seconds,
        loaded.phone_sent_ms,
        now,
    ));
    let email_cooldown = RwSignal::new(draft::cooldown_left(
        loaded.resend_after_seconds,
        loaded.email_sent_ms,
        now,
    ));
    // No SMS went out (the service's SMS budget was spent): say so, and e-mail first.
    let sms_later = loaded.sms_later.then_some(Key::SmsLaterNotice);
    let signup = RwSignal::new(loaded);
    let phone_code = RwSignal::new(String::new());
    let email_code = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let notice = RwSignal::new(sms_later);
    let busy = RwSignal::new(false);

    if let Ok(handle) = set_interval_with_handle(
        move || {
            for c in [phone_cooldown, email_cooldown] {
                if c.get_untracked() > 0 {
                    c.update(|n| *n -= 1);
                }
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }

    let resend = move |channel: Channel| {
        let cooldown = match channel {
            Channel::Phone => phone_cooldown,
            Channel::Email => email_cooldown,
        };
        if cooldown.get_untracked() > 0 {
            return;
        }
        let body = ResendCode {
            signup_id: signup.with_untracked(|s| s.signup_id.clone()),
            channel,
        };
        spawn_local(async move {
            match api::resend(&body).await {
                Ok(()) => {
                    signup.update(|s| match channel {
                        Channel::Phone => s.phone_sent_ms = dom::now_ms(),
                        Channel::Email => s.email_sent_ms = dom::now_ms(),
                    });
                    signup.with_untracked(save_session);
                    cooldown.set(signup.with_untracked(|s| s.resend_after_seconds));
                    errors.set(Vec::new());
                    notice.set(Some(Key::CodeResent));
                }
                Err(f) => {
                    if let Some(secs) = f.retry_after() {
                        cooldown.set(secs);
                    }
                    notice.set(None);
                    errors.set(form::from_failure(
                        &f,
                        Step::Verify,
                        form::input_id,
                        Some(input_for(channel)),
                    ));
                }
            }
        });
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let s = signup.get_untracked();
        let mut local = Vec::new();
        let mut todo = Vec::new();
        for (channel, code, done) in [
            (Channel::Phone, phone_code, s.phone_verified),
            (Channel::Email, email_code, s.email_verified),
        ] {
            if done {
                continue;
            }
            let body = VerifyCode {
                signup_id: s.signup_id.clone(),
                channel,
                code: code.get_untracked(),
            };
            match body.parse() {
                // Sent as parsed ("123 456" becomes "123456").
                Ok(valid) => todo.push(VerifyCode {
                    code: valid.code.expose().to_owned(),
                    ..body
                }),
                Err(problems) => local.extend(form::from_problems(&problems, form::input_id)),
            }
        }
        if !local.is_empty() {
            notice.set(None);
            errors.set(local);
            return;
        }
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            let mut failed = Vec::new();
            for body in todo {
                match api::verify(&body).await {
                    Ok(progress) => {
                        signup.update(|s| s.set_progress(progress));
                        signup.with_untracked(save_session);
                    }
                    Err(f) => failed.extend(form::from_failure(
                        &f,
                        Step::Verify,
                        form::input_id,
                        Some(input_for(body.channel)),
                    )),
                }
            }
            busy.set(false);
            let p = signup.with_untracked(SignupSession::progress);
            if p.phone_verified && p.email_verified {
                errors.set(Vec::new());
                navigate(Route::Password);
            } else if failed.is_empty() {
                // The server verified only part of it: ask again for what is missing.
                errors.set(vec![ErrorItem::general(Msg::Text(Key::ErrCodeWrong))]);
            } else {
                notice.set(None);
                errors.set(failed);
            }
        });
    };

    let verify_text = tr(Key::VerifyButton);
    let sending = tr(Key::Sending);
    let lang = use_lang();
    view! {
        <BackLink to=Route::Contact/>
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::VerifyTitle/>
        <p>{tr(Key::VerifyLead)}</p>
        <div class="notice" role="status" id="notice">
            {move || notice.get().map(|k| view! { <p class="notice__text">{t(lang.get(), k)}</p> })}
        </div>
        <form novalidate on:submit=on_submit>
            <CodeField
                id="phone-code"
                label=Key::PhoneCodeLabel
                sent_to=Signal::derive(move || signup.with(|s| s.phone_masked.clone()))
                value=phone_code
                errors=errors
                cooldown=phone_cooldown
                verified=Signal::derive(move || signup.with(|s| s.phone_verified))
                resend=Key::ResendPhone
                resend_in=Key::ResendPhoneIn
                on_resend=Callback::new(move |()| resend(Channel::Phone))
            />
            <CodeField
                id="email-code"
                label=Key::EmailCodeLabel
                sent_to=Signal::derive(move || signup.with(|s| s.email_masked.clone()))
                value=email_code
                errors=errors
                cooldown=email_cooldown
                verified=Signal::derive(move || signup.with(|s| s.email_verified))
                resend=Key::ResendEmail
                resend_in=Key::ResendEmailIn
                on_resend=Callback::new(move |()| resend(Channel::Email))
            />
            <button type="submit" class="button" id="submit" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { sending() } else { verify_text() }}
            </button>
        </form>
    }
    .into_any()
}

/// Shown when this browser holds no sign-up (opened in a new tab, or expired).
#[component]
pub fn NoSignup() -> impl IntoView {
    view! {
        <BackLink to=Route::Start/>
        <PageHeading key=Key::VerifyTitle/>
        <p id="no-signup">{tr(Key::NoSignup)}</p>
        <p><a href=Route::Contact.path() class="button">{tr(Key::StartAgain)}</a></p>
        <p>{tr(Key::HaveAccount)} " " <a href=Route::SignIn.path() rel=per_client::nav::rel(Route::SignIn)>{tr(Key::SignIn)}</a></p>
    }
}
