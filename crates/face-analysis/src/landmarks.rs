//! Face Mesh: the 468 landmarks in a square around a detection, turned to the eye line
//! (MediaPipe's detection-to-ROI rule: 1.5 × the box, rotation from the eyes).

use crate::detect::{Detection, Point};
use crate::image::{sample, Affine, Frame};
use crate::nn::{Model, ModelError, Tensor};

const SIZE: usize = 192;
pub const LANDMARKS: usize = 468;

/// The mesh in frame pixels (`z` in the same scale, relative depth).
#[derive(Debug, Clone, PartialEq)]
pub struct Mesh {
    /// Probability that a face is in the square.
    pub presence: f32,
    pub points: Vec<[f32; 3]>,
}

impl Mesh {
    pub fn at(&self, i: usize) -> Point {
        Point {
            x: self.points[i][0],
            y: self.points[i][1],
        }
    }
}

/// The landmark model.
#[derive(Debug)]
pub struct Landmarker {
    model: Model,
}

impl Landmarker {
    pub fn new(model: Model) -> Self {
        Self { model }
    }

    /// The mesh of the face that `det` found in `frame`.
    pub fn landmarks(&self, frame: &Frame, det: &Detection) -> Result<Mesh, ModelError> {
        let c = det.centre();
        let (re, le) = (det.keypoints[0], det.keypoints[1]);
        let angle = (le.y - re.y).atan2(le.x - re.x);
        let side = det.width.max(det.height) * 1.5;
        let map = Affine::square(c.x, c.y, side, angle, SIZE);
        let input = Tensor::new(SIZE, SIZE, 3, sample(frame, &map, SIZE, 1.0 / 255.0, 0.0));
        let out = self.model.run(input)?;
        let (raw, presence) = match out.as_slice() {
            [p, s] if p.data.len() == LANDMARKS * 3 && s.data.len() == 1 => (&p.data, s.data[0]),
            _ => return Err(ModelError::Shape(usize::MAX)),
        };
        let scale = side / SIZE as f32;
        let points = raw
            .chunks_exact(3)
            .map(|p| {
                let (x, y) = map.apply(p[0], p[1]);
                [x, y, p[2] * scale]
            })
            .collect();
        Ok(Mesh {
            presence: 1.0 / (1.0 + (-presence).exp()),
            points,
        })
    }
}
