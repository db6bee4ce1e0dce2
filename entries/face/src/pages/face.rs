//! `/register/face`: the live face capture, with an oval guide; the assisted route when the
//! camera cannot be used.
//!
//! The single-use challenge (5 minutes) is asked for when the picture is taken, not when the
//! page opens: the camera permission prompt and the voter getting ready can take longer. Its
//! `prompt` says what the voter is asked to do.

use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::api;
use per_client::camera::{self, CameraError};
use per_client::components::{ErrorSummary, PageHeading};
use per_client::form::{self, ErrorItem, Msg, Step};
use per_client::i18n::{prompt_key, t, tr, use_lang, Key};
use per_domain::api::{ErrorKind, FaceCapture, LivenessPrompt};
use per_domain::Route;
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

/// What the voter reads above the camera: the challenge's prompt once there is one, the
/// general guide before.
fn prompt_text(prompt: Option<LivenessPrompt>) -> Key {
    prompt.map_or(Key::FaceGuide, prompt_key)
}

#[component]
pub fn Face() -> impl IntoView {
    let lang = use_lang();
    let navigate = per_client::nav::use_go();
    let stage = RwSignal::new(Stage::Intro);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let failures = RwSignal::new(0u32);
    let prompt = RwSignal::new(None::<LivenessPrompt>);
    let stream = StoredValue::new_local(None::<MediaStream>);
    let video = NodeRef::<Video>::new();

    let stop_camera = move || {
        if let Some(s) = stream.try_update_value(Option::take).flatten() {
            camera::stop(&s);
        }
    };
    on_cleanup(stop_camera);

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
        let navigate = navigate.clone();
        stage.set(Stage::Sending);
        spawn_local(async move {
            // A fresh challenge for every picture: single use, and short-lived.
            let challenge = match api::face_challenge().await {
                Ok(c) => c,
                Err(f) => {
                    errors.set(form::from_failure(&f, Step::Face, form::input_id, None));
                    stage.set(Stage::Live);
                    return;
                }
            };
            prompt.set(Some(challenge.prompt));
            let Some(el) = video.get_untracked() else {
                stage.set(Stage::Live);
                return;
            };
            let frame = match camera::capture_jpeg_base64(&el) {
                Ok(f) => f,
                Err(CameraError::NotReady) => {
                    errors.set(vec![ErrorItem::general(Msg::Text(Key::CameraNotReady))]);
                    stage.set(Stage::Live);
                    return;
                }
                Err(_) => {
                    stop_camera();
                    stage.set(Stage::Assisted);
                    return;
                }
            };
            let body = FaceCapture {
                challenge_id: challenge.challenge_id,
                frames: vec![frame],
            };
            // Only a picture the check refused counts towards the assisted route; the network
            // or a stale challenge ("took too long") just asks for another picture.
            let refused = match api::face(&body).await {
                Ok(a) if a.accepted => {
                    stop_camera();
                    errors.set(Vec::new());
                    navigate(Route::RequestDocument);
                    return;
                }
                Ok(_) => {
                    errors.set(vec![ErrorItem::general(Msg::Text(Key::FaceRejected))]);
                    true
                }
                Err(f) => {
                    errors.set(form::from_failure(&f, Step::Face, form::input_id, None));
                    f.kind() == Some(ErrorKind::InvalidInput)
                }
            };
            if refused {
                failures.update(|n| *n += 1);
            }
            if failures.get_untracked() >= MAX_FAILURES {
                stop_camera();
                stage.set(Stage::Assisted);
            } else {
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
    let (try_again, start_text) = (tr(Key::TryAgain), tr(Key::StartCamera));
    view! {
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
                {move || live().then(|| t(lang.get(), prompt_text(prompt.get())))}
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
        <p><a href=Route::MyRequest.path() rel=per_client::nav::rel(Route::MyRequest) id="my-request-link">{tr(Key::MyRequestTitle)}</a></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_comes_from_the_challenge() {
        assert_eq!(prompt_text(None), Key::FaceGuide);
        assert_eq!(
            prompt_text(Some(LivenessPrompt::LookStraight)),
            Key::PromptLookStraight
        );
    }
}
