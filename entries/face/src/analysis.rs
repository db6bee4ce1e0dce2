//! The face worker as the page sees it: started (with its models) when the voter starts the
//! camera, never in the page's first load; frames transferred to it one at a time; its
//! answers as signals. When it cannot load, [`Status::Failed`] and the page guides with the
//! timer instead (no dead end). Protocol: `entries/face-worker/src/main.rs`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's module (Trunk's loader shim) and the models, under the entry's folder.
const WORKER_URL: &str = "/face/per-face-worker_loader.js";
const DETECTOR_URL: &str = "/face/models/detector.pfnn";
const LANDMARKS_URL: &str = "/face/models/landmarks.pfnn";
/// Loading stages the progress bar counts: the worker, then each model.
pub const LOAD_STAGES: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Off,
    /// Stages done of [`LOAD_STAGES`].
    Loading(u32),
    Ready,
    Failed,
}

/// What the worker's analysis says to the voter about the latest frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    NoFace,
    SeveralFaces,
    IntoOval,
    Closer,
    Step,
    Done,
}

impl Hint {
    pub fn from_code(c: &str) -> Option<Self> {
        Some(match c {
            "no_face" => Hint::NoFace,
            "several" => Hint::SeveralFaces,
            "into_oval" => Hint::IntoOval,
            "closer" => Hint::Closer,
            "step" => Hint::Step,
            "done" => Hint::Done,
            _ => return None,
        })
    }
}

/// The worker's answer to one frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reply {
    pub faces: u32,
    pub hint: Hint,
    /// Steps of the challenge done so far.
    pub done: usize,
    /// Analysis time in the worker (ms).
    pub ms: f64,
}

#[derive(Clone, Copy)]
pub struct Analysis {
    worker: StoredValue<Option<JsValue>, LocalStorage>,
    pub status: RwSignal<Status>,
    pub reply: RwSignal<Option<Reply>>,
    /// A frame is with the worker (frames are not queued: a busy worker skips one).
    busy: StoredValue<bool>,
    /// Replies and their total analysis time, for the page's measured numbers.
    pub replies: StoredValue<(u32, f64)>,
}

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn message(kind: &str, fields: &[(&str, &JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn post(worker: &JsValue, msg: &JsValue, transfer: Option<&js_sys::Array>) -> bool {
    let Ok(f) = get(worker, "postMessage").dyn_into::<js_sys::Function>() else {
        return false;
    };
    match transfer {
        Some(t) => f.call2(worker, msg, t),
        None => f.call1(worker, msg),
    }
    .is_ok()
}

impl Analysis {
    pub fn new() -> Self {
        Self {
            worker: StoredValue::new_local(None),
            status: RwSignal::new(Status::Off),
            reply: RwSignal::new(None),
            busy: StoredValue::new(false),
            replies: StoredValue::new((0, 0.0)),
        }
    }

    /// Starts the worker and its model downloads (once; again after a failure).
    pub fn start(self) {
        if matches!(
            self.status.get_untracked(),
            Status::Loading(_) | Status::Ready
        ) {
            return;
        }
        self.status.set(Status::Loading(0));
        match self.spawn() {
            Ok(w) => self.worker.set_value(Some(w)),
            Err(_) => self.status.set(Status::Failed),
        }
    }

    fn spawn(self) -> Result<JsValue, JsValue> {
        // `new Worker(url, {type: "module"})`: a module worker from our own origin (a blob:
        // worker would be refused by the CSP's worker-src 'self').
        let ctor: js_sys::Function = get(&js_sys::global(), "Worker").dyn_into()?;
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"type".into(), &"module".into())?;
        let worker =
            js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&WORKER_URL.into(), &opts))?;
        let w = worker.clone();
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let data = get(&event, "data");
            let num = |k| get(&data, k).as_f64().unwrap_or(0.0);
            match get(&data, "type").as_string().as_deref() {
                // The worker's wasm runs: now it listens (messages before are lost).
                Some("loaded") => {
                    let init = message(
                        "init",
                        &[
                            ("detector", &DETECTOR_URL.into()),
                            ("landmarks", &LANDMARKS_URL.into()),
                        ],
                    );
                    if !post(&w, &init, None) {
                        self.status.set(Status::Failed);
                    }
                }
                Some("progress") => self.status.set(Status::Loading(num("done") as u32)),
                Some("ready") => self.status.set(Status::Ready),
                Some("result") => {
                    self.busy.set_value(false);
                    let ms = num("ms");
                    self.replies.update_value(|(n, t)| {
                        *n += 1;
                        *t += ms;
                    });
                    let hint = get(&data, "hint").as_string();
                    if let Some(hint) = hint.as_deref().and_then(Hint::from_code) {
                        self.reply.set(Some(Reply {
                            faces: num("faces") as u32,
                            hint,
                            done: num("done") as usize,
                            ms,
                        }));
                    }
                }
                Some("error") => {
                    self.busy.set_value(false);
                    if self.status.get_untracked() != Status::Ready {
                        self.status.set(Status::Failed);
                    }
                }
                _ => {}
            }
        });
        js_sys::Reflect::set(&worker, &"onmessage".into(), on_message.as_ref())?;
        on_message.forget();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            self.status.set(Status::Failed);
        });
        js_sys::Reflect::set(&worker, &"onerror".into(), on_error.as_ref())?;
        on_error.forget();
        Ok(worker)
    }

    pub fn ready(self) -> bool {
        self.status.get_untracked() == Status::Ready
    }

    /// A new challenge: the worker's step tracker starts again with these step codes.
    pub fn steps(self, codes: &[&str]) {
        self.reply.set(None);
        self.busy.set_value(false);
        self.replies.set_value((0, 0.0));
        let list: js_sys::Array = codes.iter().map(|c| JsValue::from_str(c)).collect();
        if let Some(w) = self.worker.get_value() {
            post(&w, &message("steps", &[("steps", &list)]), None);
        }
    }

    /// Transfers one RGBA frame to the worker, unless it is still busy with the last one.
    pub fn frame(self, width: u32, height: u32, t_ms: u32, pixels: js_sys::ArrayBuffer) {
        if self.busy.get_value() || !self.ready() {
            return;
        }
        let Some(w) = self.worker.get_value() else {
            return;
        };
        let msg = message(
            "frame",
            &[
                ("width", &width.into()),
                ("height", &height.into()),
                ("t_ms", &t_ms.into()),
                ("pixels", &pixels),
            ],
        );
        let transfer = js_sys::Array::of1(&pixels);
        if post(&w, &msg, Some(&transfer)) {
            self.busy.set_value(true);
        }
    }
}
