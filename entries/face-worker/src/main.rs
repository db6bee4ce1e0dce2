//! The face entry's Web Worker: runs per-face-analysis (detector, mesh, `Progress`) on the
//! frames the page transfers, so the guidance ticks a step off when it is actually done.
//! Built by Trunk as a worker (`data-type="worker"`, `data-bindgen-target="web"`,
//! `data-loader-shim`) and started by the page with `new Worker(url, {type: "module"})`.
//!
//! Messages (plain objects, `type` first):
//! - page → worker: `init {detector, landmarks}` (model URLs), `steps {steps: [code]}`,
//!   `frame {width, height, t_ms, pixels: ArrayBuffer (RGBA, transferred)}`.
//! - worker → page: `loaded`, `progress {done, of}`, `ready`, `error {what}`,
//!   `result {faces, cx, cy, w, hint, done, t_ms, ms, detector_ms, landmarks_ms}` (one per
//!   frame, `ms` the analysis time; positions are
//!   fractions of the frame; `hint` one of no_face, several, into_oval, closer, step, done).
//!
//! The server re-verifies the burst with the same crate: nothing here decides.

use per_face_analysis::{
    Analyser, FaceObservation, Frame, Hint, Observation, Progress, Step, Thresholds,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

#[wasm_bindgen]
extern "C" {
    /// The dedicated worker's global scope.
    type Scope;
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &Scope, msg: &JsValue);
    #[wasm_bindgen(method, setter = onmessage)]
    fn set_onmessage(this: &Scope, f: &js_sys::Function);
    #[wasm_bindgen(method)]
    fn fetch(this: &Scope, url: &str) -> js_sys::Promise;
}

#[derive(Default)]
struct State {
    analyser: Option<Analyser>,
    progress: Option<Progress>,
}

fn scope() -> Scope {
    js_sys::global().unchecked_into()
}

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    scope().post_message(&o);
}

fn now_ms() -> f64 {
    let perf = get(&js_sys::global(), "performance");
    get(&perf, "now")
        .dyn_into::<js_sys::Function>()
        .ok()
        .and_then(|f| f.call0(&perf).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or_else(js_sys::Date::now)
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsValue> {
    let resp = JsFuture::from(scope().fetch(url)).await?;
    if get(&resp, "ok").as_bool() != Some(true) {
        return Err("status".into());
    }
    let f: js_sys::Function = get(&resp, "arrayBuffer").dyn_into()?;
    let promise: js_sys::Promise = f.call0(&resp)?.dyn_into()?;
    let buf = JsFuture::from(promise).await?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

async fn init(state: Rc<RefCell<State>>, detector: String, landmarks: String) {
    let of = JsValue::from(3);
    post("progress", &[("done", 1.into()), ("of", of.clone())]);
    let Ok(det) = fetch_bytes(&detector).await else {
        return post("error", &[("what", "detector".into())]);
    };
    post("progress", &[("done", 2.into()), ("of", of.clone())]);
    let Ok(lm) = fetch_bytes(&landmarks).await else {
        return post("error", &[("what", "landmarks".into())]);
    };
    post("progress", &[("done", 3.into()), ("of", of)]);
    match Analyser::from_bytes(&det, &lm) {
        Ok(a) => {
            state.borrow_mut().analyser = Some(a);
            post("ready", &[]);
        }
        Err(_) => post("error", &[("what", "model".into())]),
    }
}

fn hint_code(h: Hint) -> &'static str {
    match h {
        Hint::NoFace => "no_face",
        Hint::SeveralFaces => "several",
        Hint::IntoOval => "into_oval",
        Hint::Closer => "closer",
        Hint::Step(_) => "step",
        Hint::Done => "done",
    }
}

fn frame(state: &mut State, data: &JsValue) {
    let (w, h) = (
        get(data, "width").as_f64().unwrap_or(0.0) as usize,
        get(data, "height").as_f64().unwrap_or(0.0) as usize,
    );
    let t_ms = get(data, "t_ms").as_f64().unwrap_or(0.0) as u32;
    let rgba = js_sys::Uint8Array::new(&get(data, "pixels")).to_vec();
    let (Some(analyser), Some(frame)) = (&state.analyser, Frame::from_rgba(w, h, &rgba)) else {
        return post("error", &[("what", "frame".into())]);
    };
    // Analyser::observe, timed in its two parts (the benchmark reads them).
    let t0 = now_ms();
    let Ok(faces) = analyser.detector.detect(&frame) else {
        return post("error", &[("what", "analysis".into())]);
    };
    let t1 = now_ms();
    let face = match faces.as_slice() {
        [one] => match analyser.landmarker.landmarks(&frame, one) {
            Ok(mesh) => (mesh.presence >= 0.5)
                .then(|| FaceObservation::new(one, &mesh, frame.width, frame.height)),
            Err(_) => return post("error", &[("what", "analysis".into())]),
        },
        _ => None,
    };
    let t2 = now_ms();
    let obs = Observation {
        t_ms,
        faces: faces.len(),
        face,
    };
    let ms = t2 - t0;
    let progress = state
        .progress
        .get_or_insert_with(|| Progress::new(Vec::new(), Thresholds::default()));
    let hint = progress.push(&obs);
    let (cx, cy, fw) = obs
        .face
        .as_ref()
        .map_or((-1.0, -1.0, 0.0), |f| (f.centre.x, f.centre.y, f.width));
    post(
        "result",
        &[
            ("faces", (obs.faces as u32).into()),
            ("cx", f64::from(cx).into()),
            ("cy", f64::from(cy).into()),
            ("w", f64::from(fw).into()),
            ("hint", hint_code(hint).into()),
            ("done", (progress.done() as u32).into()),
            ("t_ms", t_ms.into()),
            ("ms", ms.into()),
            ("detector_ms", (t1 - t0).into()),
            ("landmarks_ms", (t2 - t1).into()),
        ],
    );
}

fn main() {
    let state = Rc::new(RefCell::new(State::default()));
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let data = get(&event, "data");
        match get(&data, "type").as_string().as_deref() {
            Some("init") => {
                let url = |k| get(&data, k).as_string().unwrap_or_default();
                spawn_local(init(state.clone(), url("detector"), url("landmarks")));
            }
            Some("steps") => {
                let steps = js_sys::Array::from(&get(&data, "steps"))
                    .iter()
                    .filter_map(|s| s.as_string().and_then(|c| Step::from_code(&c)))
                    .collect();
                state.borrow_mut().progress = Some(Progress::new(steps, Thresholds::default()));
            }
            Some("frame") => frame(&mut state.borrow_mut(), &data),
            _ => {}
        }
    });
    scope().set_onmessage(on_message.as_ref().unchecked_ref());
    on_message.forget();
    post("loaded", &[]);
}
