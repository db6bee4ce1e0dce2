//! PER face analysis: the one implementation of face detection (BlazeFace short range),
//! face landmarks (Face Mesh) and the liveness checks, shared by the server (native) and the
//! client's Web Worker (wasm32). Pure: frames in, observations and verdicts out; no I/O.

pub mod nn;
