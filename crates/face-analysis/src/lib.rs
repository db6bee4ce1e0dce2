//! PER face analysis: the one implementation of face detection (BlazeFace short range),
//! face landmarks (Face Mesh) and the liveness checks, shared by the server (native) and the
//! client's Web Worker (wasm32). Pure: frames in, observations and verdicts out; no I/O.
//! The models are converted by `tools/face-models/convert.py` and installed by
//! `scripts/setup`; nothing here fetches them.

pub mod detect;
pub mod image;
pub mod landmarks;
pub mod liveness;
pub mod nn;
pub mod y4m;

pub use detect::{Detection, Detector, Point};
pub use image::Frame;
pub use landmarks::{Landmarker, Mesh};
pub use liveness::{
    verify, FaceObservation, Hint, Observation, Progress, Refusal, Step, Thresholds,
};
pub use nn::{Model, ModelError};

/// Detector and landmarker together: one frame in, one observation out.
#[derive(Debug)]
pub struct Analyser {
    pub detector: Detector,
    pub landmarker: Landmarker,
}

impl Analyser {
    /// From the two converted model files' bytes.
    pub fn from_bytes(detector: &[u8], landmarks: &[u8]) -> Result<Self, ModelError> {
        Ok(Self {
            detector: Detector::new(Model::from_bytes(detector)?),
            landmarker: Landmarker::new(Model::from_bytes(landmarks)?),
        })
    }

    /// Detects the faces; with exactly one, adds its mesh (if the mesh model agrees a
    /// face is there).
    pub fn observe(&self, frame: &Frame, t_ms: u32) -> Result<Observation, ModelError> {
        let faces = self.detector.detect(frame)?;
        let face = match faces.as_slice() {
            [one] => {
                let mesh = self.landmarker.landmarks(frame, one)?;
                (mesh.presence >= 0.5)
                    .then(|| FaceObservation::new(one, &mesh, frame.width, frame.height))
            }
            _ => None,
        };
        Ok(Observation {
            t_ms,
            faces: faces.len(),
            face,
        })
    }
}
