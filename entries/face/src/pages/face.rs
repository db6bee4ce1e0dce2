//! `/register/face`: the live face capture with its liveness check, and the assisted route
//! when the camera cannot be used or the check failed three times.
//!
//! The single-use challenge (a minute) is asked for when the voter starts the check, not
//! when the page opens: the camera permission prompt and getting ready can take longer.
//! Its steps (three of: turn left, turn right, come closer, blink; in a random order) are
//! shown one after the other as text and an icon, announced to screen readers, while a
//! burst of frames is taken (`FRAME_MS` apart, with their times).
//!
//! Guidance: when the voter starts the camera, the face worker ([`crate::analysis`]) and
//! its models are fetched (a progress bar). When it is ready, each frame is also
//! transferred to it, and a step is ticked off when its analysis saw it done, with "move
//! into the oval" / "come closer" feedback; the burst ends soon after the last step (or at
//! `GUIDED_MAX_MS`). When the worker cannot load, each step is shown for `STEP_MS` (the
//! timer). `data-analysis` on the camera says which ("loading", "worker", "timer"). Either
//! way the server checks the burst; its verdict is the one that counts, and a refusal says
//! why.

use crate::analysis::{self, Analysis, Hint, Status};
use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::api;
use per_client::camera::{self, CameraError};
use per_client::components::{ErrorSummary, PageHeading};
use per_client::form::{self, ErrorItem, Msg, Step};
use per_client::i18n::{step_key, t, tr, use_lang, Key};
use per_domain::api::{
    AssistedReason, ErrorKind, FaceAssisted, FaceCapture, FaceFrame, LivenessStep,
};
use per_domain::Route;
use web_sys::MediaStream;

/// After this many refused bursts, the assisted route is offered instead (the server
/// counts too, and records the route only then).
const MAX_FAILURES: u32 = 3;
/// Looking straight before the first step, each step's time, and the time between frames.
const LEAD_MS: i32 = 1000;
const STEP_MS: i32 = 3000;
const FRAME_MS: i32 = 200;
/// With the worker: the longest burst (the server takes at most `JpegFrame::MAX_FRAMES`,
/// 64, about 13 s at 5 fps), and the frames still taken after the last step was seen.
const GUIDED_MAX_MS: f64 = 12_000.0;
const GUIDED_MAX_FRAMES: usize = per_domain::api::JpegFrame::MAX_FRAMES - 4;
const TAIL_FRAMES: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Intro,
    Starting,
    Live,
    /// Taking the burst: `current` is the step shown.
    Recording,
    Sending,
    /// The camera is denied or missing, or the check failed too often.
    Assisted,
}

/// The icon beside a step's prompt (decorative: the text says it all).
fn step_icon(s: LivenessStep) -> &'static str {
    match s {
        LivenessStep::TurnLeft => "←",
        LivenessStep::TurnRight => "→",
        LivenessStep::Closer => "⊕",
        LivenessStep::Blink => "◡",
    }
}

/// What the voter reads above the camera: the current step while recording, the general
/// guide otherwise.
/// With the worker, what it saw comes first: no face, several, outside the oval, too far.
fn prompt_text(
    stage: Stage,
    steps: &[LivenessStep],
    current: Option<usize>,
    hint: Option<Hint>,
) -> Key {
    let feedback = match hint {
        Some(Hint::NoFace) => Some(Key::FaceHintNone),
        Some(Hint::SeveralFaces) => Some(Key::FaceHintSeveral),
        Some(Hint::IntoOval) => Some(Key::FaceHintOval),
        Some(Hint::Closer) => Some(Key::FaceHintCloser),
        _ => None,
    };
    match (stage, current.and_then(|i| steps.get(i))) {
        (Stage::Recording, _) if feedback.is_some() => feedback.unwrap_or(Key::FaceGuide),
        (Stage::Recording, Some(s)) => step_key(*s),
        (Stage::Recording, None) => Key::PromptLookStraight,
        (Stage::Sending, _) => Key::FaceChecking,
        _ => Key::FaceGuide,
    }
}

#[component]
pub fn Face() -> impl IntoView {
    let lang = use_lang();
    let navigate = per_client::nav::use_go();
    let stage = RwSignal::new(Stage::Intro);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let failures = RwSignal::new(0u32);
    let assisted_reason = RwSignal::new(None::<AssistedReason>);
    let steps = RwSignal::new(Vec::<LivenessStep>::new());
    let current = RwSignal::new(None::<usize>);
    let stream = StoredValue::new_local(None::<MediaStream>);
    let video = NodeRef::<Video>::new();
    let analysis = Analysis::new();
    // The burst was guided by the timer although a worker was loading (not ready in time).
    let timer_used = RwSignal::new(false);
    // Measured by the last guided burst: frames analysed a second, mean ms a frame.
    let measured = RwSignal::new(None::<(f64, f64)>);

    let stop_camera = move || {
        if let Some(s) = stream.try_update_value(Option::take).flatten() {
            camera::stop(&s);
        }
    };
    on_cleanup(stop_camera);

    // Records the assisted route on the server (the request will carry it).
    let go_assisted = move |reason: AssistedReason| {
        stop_camera();
        assisted_reason.set(Some(reason));
        stage.set(Stage::Assisted);
        spawn_local(async move {
            if let Err(f) = api::face_assisted(&FaceAssisted { reason }).await {
                errors.set(form::from_failure(&f, Step::Face, form::input_id, None));
            }
        });
    };

    let start = move |_| {
        if matches!(
            stage.get_untracked(),
            Stage::Starting | Stage::Live | Stage::Recording | Stage::Sending
        ) {
            return;
        }
        errors.set(Vec::new());
        stage.set(Stage::Starting);
        analysis.start();
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
                Err(_) => go_assisted(AssistedReason::CameraUnavailable),
            }
        });
    };

    let navigate_assisted = navigate.clone();
    let check = move |_| {
        if stage.get_untracked() != Stage::Live {
            return;
        }
        let navigate = navigate.clone();
        errors.set(Vec::new());
        stage.set(Stage::Recording);
        current.set(None);
        spawn_local(async move {
            let challenge = match api::face_challenge().await {
                Ok(c) => c,
                Err(f) => {
                    errors.set(form::from_failure(&f, Step::Face, form::input_id, None));
                    stage.set(Stage::Live);
                    return;
                }
            };
            steps.set(challenge.steps.clone());
            let Some(el) = video.get_untracked() else {
                stage.set(Stage::Live);
                return;
            };
            let t0 = camera::now_ms();
            let mut frames = Vec::new();
            let guided = analysis.ready();
            timer_used.set(!guided);
            let take = |frames: &mut Vec<FaceFrame>| -> Result<(), CameraError> {
                let t_ms = (camera::now_ms() - t0).max(0.0) as u32;
                if guided {
                    let (jpeg, w, h, pixels) = camera::capture_burst_frame_with_pixels(&el)?;
                    analysis.frame(w, h, t_ms, pixels);
                    frames.push(FaceFrame { t_ms, jpeg });
                } else {
                    let jpeg = camera::capture_burst_frame(&el)?;
                    frames.push(FaceFrame { t_ms, jpeg });
                }
                Ok(())
            };
            let mut camera_lost = false;
            if guided {
                let codes: Vec<&str> = challenge.steps.iter().map(|s| s.code()).collect();
                analysis.steps(&codes);
                let n = challenge.steps.len();
                let mut tail = 0;
                loop {
                    match take(&mut frames) {
                        Ok(()) | Err(CameraError::NotReady) => {}
                        Err(_) => {
                            camera_lost = true;
                            break;
                        }
                    }
                    let elapsed = camera::now_ms() - t0;
                    if elapsed >= f64::from(LEAD_MS) {
                        let done = analysis.reply.get_untracked().map_or(0, |r| r.done.min(n));
                        if current.get_untracked() != Some(done) {
                            current.set(Some(done));
                        }
                        if done == n {
                            tail += 1;
                        }
                    }
                    if tail > TAIL_FRAMES
                        || elapsed > GUIDED_MAX_MS
                        || frames.len() >= GUIDED_MAX_FRAMES
                    {
                        break;
                    }
                    camera::sleep(FRAME_MS).await;
                }
                let secs = (camera::now_ms() - t0) / 1000.0;
                let (count, total) = analysis.replies.get_value();
                if count > 0 && secs > 0.0 {
                    measured.set(Some((f64::from(count) / secs, total / f64::from(count))));
                }
            } else {
                let plan = std::iter::once((None, LEAD_MS))
                    .chain((0..challenge.steps.len()).map(|i| (Some(i), STEP_MS)));
                'plan: for (step, ms) in plan {
                    current.set(step);
                    for _ in 0..(ms / FRAME_MS) {
                        match take(&mut frames) {
                            Ok(()) | Err(CameraError::NotReady) => {}
                            Err(_) => {
                                camera_lost = true;
                                break 'plan;
                            }
                        }
                        camera::sleep(FRAME_MS).await;
                    }
                }
            }
            if camera_lost {
                go_assisted(AssistedReason::CameraUnavailable);
                return;
            }
            // The timer ticks every step off at its end; with the worker only what it saw.
            if !guided {
                current.set(Some(challenge.steps.len()));
            }
            stage.set(Stage::Sending);
            let body = FaceCapture {
                challenge_id: challenge.challenge_id,
                steps: challenge.steps,
                expires_at: challenge.expires_at,
                signature: challenge.signature,
                frames,
            };
            match api::face(&body).await {
                Ok(_) => {
                    stop_camera();
                    navigate(Route::RequestDocument);
                }
                Err(f) => {
                    let mut items = form::from_failure(&f, Step::Face, form::input_id, None);
                    let refused = f.kind() == Some(ErrorKind::FaceRefused);
                    if refused {
                        failures.update(|n| *n += 1);
                        let left = MAX_FAILURES.saturating_sub(failures.get_untracked());
                        if left > 0 {
                            items.push(ErrorItem::general(Msg::Count(Key::FaceTriesLeft, left)));
                        }
                    }
                    errors.set(items);
                    if failures.get_untracked() >= MAX_FAILURES {
                        go_assisted(AssistedReason::CheckFailed);
                    } else {
                        stage.set(Stage::Live);
                    }
                }
            }
        });
    };

    let continue_assisted = move |_| {
        let navigate = navigate_assisted.clone();
        let reason = assisted_reason
            .get_untracked()
            .unwrap_or(AssistedReason::CameraUnavailable);
        spawn_local(async move {
            match api::face_assisted(&FaceAssisted { reason }).await {
                Ok(()) => navigate(Route::RequestDocument),
                Err(f) => errors.set(form::from_failure(&f, Step::Face, form::input_id, None)),
            }
        });
    };

    let analysis_mode = move || match (analysis.status.get(), timer_used.get()) {
        (_, true) | (Status::Failed, _) => "timer",
        (Status::Ready, _) => "worker",
        _ => "loading",
    };
    let hint = move || {
        (stage.get() == Stage::Recording && analysis_mode() == "worker")
            .then(|| analysis.reply.get().map(|r| r.hint))
            .flatten()
    };
    let loading = tr(Key::FaceAnalysisLoading);
    let live = move || matches!(stage.get(), Stage::Live | Stage::Recording | Stage::Sending);
    let (check_text, sending, starting) = (
        tr(Key::StartCheck),
        tr(Key::FaceChecking),
        tr(Key::CameraStarting),
    );
    let (try_again, start_text, done) =
        (tr(Key::TryAgain), tr(Key::StartCamera), tr(Key::StepDone));
    view! {
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::FaceTitle/>
        <p>{tr(Key::FaceWhy)}</p>
        <Show when=move || stage.get() == Stage::Assisted>
            <div class="warning" id="camera-problem" role="alert">
                <p>
                    {move || t(lang.get(), match assisted_reason.get() {
                        Some(AssistedReason::CheckFailed) => Key::CheckFailedAssisted,
                        _ => Key::CameraDenied,
                    })}
                </p>
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
        <div class=move || if live() { "camera" } else { "camera hidden" }
            data-analysis=analysis_mode
            data-analysis-fps=move || measured.get().map(|m| format!("{:.2}", m.0))
            data-analysis-ms=move || measured.get().map(|m| format!("{:.1}", m.1))>
            <Show when=move || matches!(analysis.status.get(), Status::Loading(_))>
                <div class="camera__loading">
                    <label for="analysis-progress">{loading()}</label>
                    <progress id="analysis-progress" max=analysis::LOAD_STAGES
                        value=move || match analysis.status.get() { Status::Loading(n) => n, _ => 0 }></progress>
                </div>
            </Show>
            <p class="camera__prompt" id="face-prompt" aria-live="polite">
                {move || {
                    let s = steps.get();
                    let icon = current.get().and_then(|i| s.get(i)).filter(|_| stage.get() == Stage::Recording).map(|x| step_icon(*x));
                    live().then(|| view! {
                        <span class="camera__icon" aria-hidden="true">{icon}</span>
                        " "
                        {t(lang.get(), prompt_text(stage.get(), &s, current.get(), hint()))}
                    })
                }}
            </p>
            <ol class="camera__steps" id="face-steps">
                {move || {
                    let at = current.get();
                    steps.get().into_iter().enumerate().map(|(i, s)| {
                        let is_done = at.is_some_and(|c| c > i);
                        let is_now = at == Some(i);
                        let class = if is_done { "camera__step camera__step--done" } else if is_now { "camera__step camera__step--now" } else { "camera__step" };
                        view! {
                            <li class=class aria-current=is_now.then_some("step")>
                                <span aria-hidden="true">{if is_done { "✓ " } else { "" }}{step_icon(s)}" "</span>
                                {move || t(lang.get(), step_key(s))}
                                {is_done.then(|| view! { <span class="visually-hidden">", "{done()}</span> })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
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
            <Show when=move || stage.get() == Stage::Live>
                <p>{tr(Key::CheckIntro)}</p>
            </Show>
            <button type="button" class="button" id="start-check" on:click=check
                disabled=move || stage.get() != Stage::Live>
                {move || if stage.get() == Stage::Sending { sending() } else { check_text() }}
            </button>
        </div>
        <section class="assisted" aria-labelledby="assisted-title">
            <h2 class="heading-s" id="assisted-title">{tr(Key::AssistedTitle)}</h2>
            <p>{tr(Key::AssistedBody)}</p>
            <button type="button" id="assisted-continue" on:click=continue_assisted
                class=move || if stage.get() == Stage::Assisted { "button" } else { "button hidden" }>
                {tr(Key::AssistedContinue)}
            </button>
        </section>
        <p><a href=Route::MyRequest.path() rel=per_client::nav::rel(Route::MyRequest) id="my-request-link">{tr(Key::MyRequestTitle)}</a></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_follows_the_burst() {
        let steps = [LivenessStep::Blink, LivenessStep::TurnLeft];
        assert_eq!(prompt_text(Stage::Live, &steps, None, None), Key::FaceGuide);
        assert_eq!(
            prompt_text(Stage::Recording, &steps, None, None),
            Key::PromptLookStraight
        );
        assert_eq!(
            prompt_text(Stage::Recording, &steps, Some(1), Some(Hint::Step)),
            Key::StepTurnLeft
        );
        assert_eq!(
            prompt_text(Stage::Recording, &steps, Some(1), Some(Hint::IntoOval)),
            Key::FaceHintOval
        );
        assert_eq!(
            prompt_text(Stage::Recording, &steps, Some(0), Some(Hint::Closer)),
            Key::FaceHintCloser
        );
        assert_eq!(
            prompt_text(Stage::Sending, &steps, Some(2), Some(Hint::NoFace)),
            Key::FaceChecking
        );
    }
}
