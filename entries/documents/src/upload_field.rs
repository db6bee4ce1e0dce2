//! The document uploads: `/request/photo` (the ID card's two sides or the passport's photo
//! page) and the proof of address on `/request/proof`. Each upload is taken with the rear
//! camera or chosen as a file, downsized when it is an image, sent with its progress shown,
//! and kept in the draft by its id; a failed upload is retried with the same picture, and
//! nothing else on the page is lost.

use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::components::{BackLink, ErrorSummary, PageHeading};
use per_client::form::{self, ErrorItem, Msg};
use per_client::i18n::{fill, t, tr, use_lang, Key};
use per_client::request::question::{error_line, returning, PageErrors};
use per_client::request::state::DraftState;
use per_client::request::steps;
use per_client::request::texts::RKey;
use per_client::request::uploads::{missing, photo_kinds, slot, upload_label, uploaded};
use per_client::{camera, nav, upload};
use per_domain::{Field, Problem, Route, UploadKind};
use wasm_bindgen::JsCast;
use web_sys::{Blob, MediaStream};

#[component]
pub fn PhotoPage() -> impl IntoView {
    let state = expect_context::<DraftState>();
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let navigate = nav::use_go();
    let back_to_check = returning();
    let kinds = move || state.draft.with(photo_kinds);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = state.draft.get_untracked();
        let kinds = photo_kinds(&d);
        if kinds.is_empty() {
            errors.set(vec![ErrorItem {
                target: form::Target::Page(Route::RequestDocument),
                msg: Msg::About(Field::DocumentType, Problem::Required),
            }]);
            return;
        }
        let found = missing(&d, kinds);
        if !found.is_empty() {
            errors.set(form::from_problems(&found, form::input_id));
            return;
        }
        errors.set(Vec::new());
        state.save_to_server();
        navigate(if back_to_check {
            Route::RequestCheck
        } else {
            steps::next(Route::RequestPhoto)
        });
    };
    let (save, next) = (tr(RKey::SaveAndCheck), tr(Key::Continue));
    view! {
        <BackLink to=if back_to_check { Route::RequestCheck } else { steps::previous(Route::RequestPhoto) }/>
        <ErrorSummary errors=errors/>
        <PageHeading key=RKey::PhotoTitle/>
        <p>{tr(RKey::PhotoLead)}</p>
        <form novalidate on:submit=on_submit>
            {move || {
                let kinds = kinds();
                if kinds.is_empty() {
                    view! {
                        <p id="photo-needs-document">
                            {tr(RKey::PhotoNeedsDocument)} " "
                            <a href=Route::RequestDocument.path()>{tr(RKey::DocumentTitle)}</a>
                        </p>
                    }
                    .into_any()
                } else {
                    kinds.iter().map(|k| view! { <UploadField kind=*k errors=errors/> }).collect_view().into_any()
                }
            }}
            <button type="submit" class="button" id="submit">
                {move || if back_to_check { save() } else { next() }}
            </button>
        </form>
        <p class="hint">{tr(RKey::DraftKept)}</p>
    }
}

/// Where one upload stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Progress {
    Idle,
    Sending(u32),
    Failed,
}

/// One document to upload: camera or file, progress, retry.
#[component]
pub fn UploadField(
    kind: UploadKind,
    /// The page's errors (by default those of the question page it is on).
    #[prop(optional)]
    errors: Option<RwSignal<Vec<ErrorItem>>>,
) -> impl IntoView {
    let state = expect_context::<DraftState>();
    let errors = errors
        .or_else(|| use_context::<PageErrors>().map(|e| e.0))
        .unwrap_or_else(|| RwSignal::new(Vec::new()));
    let lang = use_lang();
    let progress = RwSignal::new(Progress::Idle);
    let last = StoredValue::new_local(None::<Blob>);
    let stream = StoredValue::new_local(None::<MediaStream>);
    let live = RwSignal::new(false);
    let video = NodeRef::<Video>::new();
    let id = form::input_id(kind.field()).unwrap_or("upload");
    let field: Field = kind.field();
    let done = move || state.draft.with(|d| uploaded(d, kind).is_some());

    let stop = move || {
        if let Some(s) = stream.try_update_value(Option::take).flatten() {
            camera::stop(&s);
        }
        live.set(false);
    };
    on_cleanup(stop);

    let show_problem = move |p: Problem| {
        errors.update(|e| {
            e.retain(|x| x.target != form::Target::Field(id.to_owned()));
            e.push(ErrorItem::field(id, Msg::About(field, p)));
        });
    };
    let clear_problem =
        move || errors.update(|e| e.retain(|x| x.target != form::Target::Field(id.to_owned())));

    let send = move |blob: Blob| {
        last.set_value(Some(blob.clone()));
        progress.set(Progress::Sending(0));
        clear_problem();
        spawn_local(async move {
            match upload::send(kind, &blob, move |p| progress.set(Progress::Sending(p))).await {
                Ok(accepted) => {
                    state.draft.update(|d| {
                        *slot(d.uploads.get_or_insert_with(Default::default), kind) =
                            accepted.upload_id.as_str().to_owned();
                    });
                    state.save_to_server();
                    progress.set(Progress::Idle);
                    last.set_value(None);
                }
                Err(f) => {
                    progress.set(Progress::Failed);
                    let shown =
                        form::from_failure(&f, form::Step::Identity, form::input_id, Some(id));
                    errors.update(|e| {
                        e.retain(|x| x.target != form::Target::Field(id.to_owned()));
                        e.extend(shown);
                    });
                }
            }
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        match upload::check_file(&file.type_(), &file.name(), file.size()) {
            Err(p) => show_problem(p),
            Ok(upload::FileKind::Pdf) => send(file.into()),
            Ok(upload::FileKind::Image) => {
                progress.set(Progress::Sending(0));
                spawn_local(async move {
                    match upload::downsize(&file).await {
                        Some(blob) => send(blob),
                        None => {
                            progress.set(Progress::Idle);
                            show_problem(Problem::UploadCorrupt);
                        }
                    }
                });
            }
        }
    };

    let start_camera = move |_| {
        if live.get_untracked() {
            return;
        }
        spawn_local(async move {
            let Some(el) = video.get_untracked() else {
                return;
            };
            match camera::start_rear(&el).await {
                Ok(s) => {
                    stream.set_value(Some(s));
                    live.set(true);
                }
                Err(_) => show_problem(Problem::UploadMissing),
            }
        });
    };
    let take = move |_| {
        spawn_local(async move {
            let Some(el) = video.get_untracked() else {
                return;
            };
            match upload::capture(&el).await {
                Some(blob) => {
                    stop();
                    send(blob);
                }
                None => {
                    errors.update(|e| e.push(ErrorItem::general(Msg::Text(Key::CameraNotReady))))
                }
            }
        });
    };
    let retry = move |_| {
        if let Some(blob) = last.get_value() {
            send(blob);
        }
    };

    let file_id = [id, "-file"].concat();
    view! {
        <div class="form-group upload" id=[id, "-group"].concat()>
            <h2 class="heading-s" id=id tabindex="-1">{tr(upload_label(kind))}</h2>
            {error_line(errors, id)}
            <p class="upload__status" role="status" id=[id, "-status"].concat()>
                {move || match progress.get() {
                    Progress::Sending(p) => fill(&t(lang.get(), RKey::Uploading), Some(p), None),
                    Progress::Failed => t(lang.get(), RKey::UploadFailed),
                    Progress::Idle if done() => ["✓ ", &t(lang.get(), RKey::Uploaded)].concat(),
                    Progress::Idle => String::new(),
                }}
            </p>
            <Show when=move || progress.get() == Progress::Failed>
                <p><button type="button" class="button button--secondary" id=[id, "-retry"].concat() on:click=retry>{tr(RKey::RetryUpload)}</button></p>
            </Show>
            <div class=move || if live.get() { "camera" } else { "camera hidden" }>
                <p class="hint">{tr(RKey::CameraDocumentGuide)}</p>
                <video class="camera__video" node_ref=video autoplay=true playsinline=true muted=true prop:muted=true></video>
                <button type="button" class="button" id=[id, "-take"].concat() on:click=take>{tr(RKey::TakeDocumentPicture)}</button>
            </div>
            <Show when=move || !live.get()>
                <p><button type="button" class="button button--secondary" id=[id, "-camera"].concat() on:click=start_camera>{tr(RKey::UseCamera)}</button></p>
            </Show>
            <label class="label" for=file_id.clone()>{tr(RKey::ChooseFile)}</label>
            <input
                class="file"
                type="file"
                id=file_id
                accept="image/jpeg,image/png,application/pdf"
                on:change=on_file
            />
        </div>
    }
}
