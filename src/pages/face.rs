//! `/register/face`: the live face capture, with an oval guide; the assisted route when the
//! camera cannot be used.

use crate::api;
use crate::camera::{self, CameraError};
use crate::components::{BackLink, ErrorSummary, PageHeading};
use crate::form::{self, ErrorItem, Msg};
use crate::i18n::{tr, Key};
use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use per_domain::api::FaceCapture;
use web_sys::MediaStream;

/// After this many refused pictures, the assisted route is offered first.
const MAX_FAILURES: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Intro,
    Starting,
    Live,
    Sending,
    /// The camera is denied or missing, or the check failed too often.
    Assisted,
}

#[component]
pub fn Face() -> impl IntoView {
    let navigate = use_navigate();
    let stage = RwSignal::new(Stage::Intro);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let failures = RwSignal::new(0u32);
    let challenge = StoredValue::new(None::<String>);
    let stream = StoredValue::new_local(None::<MediaStream>);
    let video = NodeRef::<Video>::new();

    let stop_camera = move || {
        if let Some(s) = stream.try_update_value(Option::take).flatten() {
            camera::stop(&s);
        }
    };
    on_cleanup(stop_camera);

    // Asks the server for a new challenge; false (with the error shown) if it cannot.
    let new_challenge = move || async move {
        match api::face_challenge().await {
            Ok(c) => {
                challenge.set_value(Some(c.challenge_id));
                true
            }
            Err(f) => {
                errors.set(form::from_failure(&f, form::input_id, None));
                false
            }
        }
    };

    let start = move |_| {
        if matches!(
            stage.get_untracked(),
            Stage::Starting | Stage::Live | Stage::Sending
        ) {
            return;
        }
        errors.set(Vec::new());
        stage.set(Stage::Starting);
        spawn_local(async move {
            if !new_challenge().await {
                stage.set(Stage::Intro);
                return;
            }
            let Some(el) = video.get_untracked() else {
                stage.set(Stage::Intro);
                return;
            };
            match camera::start(&el).await {
                Ok(s) => {
                    stream.set_value(Some(s));
                    stage.set(Stage::Live);
                }
                Err(_) => stage.set(Stage::Assisted),
            }
        });
    };

    let take = move |_| {
        if stage.get_untracked() != Stage::Live {
            return;
        }
        let Some(el) = video.get_untracked() else {
            return;
        };
        let frame = match camera::capture_jpeg_base64(&el) {
            Ok(f) => f,
            Err(CameraError::NotReady) => {
                errors.set(vec![ErrorItem::general(Msg::Text(Key::CameraNotReady))]);
                return;
            }
            Err(_) => {
                stop_camera();
                stage.set(Stage::Assisted);
                return;
            }
        };
        let Some(challenge_id) = challenge.get_value() else {
            return;
        };
        let navigate = navigate.clone();
        stage.set(Stage::Sending);
        spawn_local(async move {
            let body = FaceCapture {
                challenge_id,
                frames: vec![frame],
            };
            let result = api::face(&body).await;
            challenge.set_value(None);
            match result {
                Ok(a) if a.accepted => {
                    stop_camera();
                    errors.set(Vec::new());
                    navigate("/register/identity", Default::default());
                    return;
                }
                Ok(_) => errors.set(vec![ErrorItem::general(Msg::Text(Key::FaceRejected))]),
                Err(f) => errors.set(form::from_failure(&f, form::input_id, None)),
            }
            failures.update(|n| *n += 1);
            if failures.get_untracked() >= MAX_FAILURES {
                stop_camera();
                stage.set(Stage::Assisted);
            } else {
                // A challenge is single-use: the next picture needs a new one.
                let _ = new_challenge().await;
                stage.set(Stage::Live);
            }
        });
    };

    let live = move || matches!(stage.get(), Stage::Live | Stage::Sending);
    let (take_text, sending, starting) = (
        tr(Key::TakePicture),
        tr(Key::Sending),
        tr(Key::CameraStarting),
    );
    let (try_again, start_text, prompt) =
        (tr(Key::TryAgain), tr(Key::StartCamera), tr(Key::FacePrompt));
    view! {
        <BackLink href="/register/password"/>
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::FaceTitle/>
        <p>{tr(Key::FaceWhy)}</p>
        <Show when=move || stage.get() == Stage::Assisted>
            <div class="warning" id="camera-problem" role="alert">
                <p>{tr(Key::CameraDenied)}</p>
            </div>
        </Show>
        <Show when=move || matches!(stage.get(), Stage::Intro | Stage::Starting | Stage::Assisted)>
            <p>{tr(Key::FaceHow)}</p>
            <button type="button" class="button" id="start-camera" on:click=start>
                {move || match stage.get() {
                    Stage::Starting => starting(),
                    Stage::Assisted => try_again(),
                    _ => start_text(),
                }}
            </button>
        </Show>
        <div class=move || if live() { "camera" } else { "camera hidden" }>
            <p class="camera__prompt" id="face-prompt" aria-live="polite">
                {move || live().then(prompt)}
            </p>
            <div class="camera__frame">
                <video
                    class="camera__video"
                    node_ref=video
                    autoplay=true
                    playsinline=true
                    muted=true
                    prop:muted=true
                    aria-describedby="face-prompt"
                ></video>
                <div class="camera__oval" aria-hidden="true"></div>
            </div>
            <button type="button" class="button" id="take-picture" on:click=take>
                {move || if stage.get() == Stage::Sending { sending() } else { take_text() }}
            </button>
        </div>
        <section class="assisted" aria-labelledby="assisted-title">
            <h2 class="heading-s" id="assisted-title">{tr(Key::AssistedTitle)}</h2>
            <p>{tr(Key::AssistedBody)}</p>
        </section>
    }
}
