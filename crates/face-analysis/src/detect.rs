//! BlazeFace short range: the 128×128 letterboxed input, its 896 anchors, box and keypoint
//! decoding, and weighted non-maximum suppression (MediaPipe's defaults).

use crate::image::{sample, Affine, Frame};
use crate::nn::{Model, ModelError, Tensor};

const SIZE: usize = 128;
/// MediaPipe's `min_score_thresh` for the short-range model.
pub const MIN_SCORE: f32 = 0.5;
const MIN_SUPPRESSION_IOU: f32 = 0.3;

/// A point in frame pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// The six BlazeFace keypoints, in the subject's terms: right eye, left eye, nose tip,
/// mouth centre, right ear tragion, left ear tragion (the subject's right is the frame's
/// left on an unmirrored camera frame).
pub const KEYPOINTS: usize = 6;

/// One detected face, in frame pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub score: f32,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub keypoints: [Point; KEYPOINTS],
}

impl Detection {
    pub fn centre(&self) -> Point {
        Point {
            x: self.x + self.width / 2.0,
            y: self.y + self.height / 2.0,
        }
    }

    fn iou(&self, o: &Detection) -> f32 {
        let x0 = self.x.max(o.x);
        let y0 = self.y.max(o.y);
        let x1 = (self.x + self.width).min(o.x + o.width);
        let y1 = (self.y + self.height).min(o.y + o.height);
        let inter = (x1 - x0).max(0.0) * (y1 - y0).max(0.0);
        let union = self.width * self.height + o.width * o.height - inter;
        if union > 0.0 {
            inter / union
        } else {
            0.0
        }
    }
}

/// The detector: the converted BlazeFace graph and its anchors.
#[derive(Debug)]
pub struct Detector {
    model: Model,
    anchors: Vec<(f32, f32)>,
}

fn anchors() -> Vec<(f32, f32)> {
    // SsdAnchorsCalculator for the short-range model: strides 8, 16, 16, 16; layers of
    // the same stride share a grid, 2 anchors a layer, fixed size.
    let mut out = Vec::with_capacity(896);
    for (grid, per) in [(16usize, 2usize), (8, 6)] {
        for y in 0..grid {
            for x in 0..grid {
                for _ in 0..per {
                    out.push((
                        (x as f32 + 0.5) / grid as f32,
                        (y as f32 + 0.5) / grid as f32,
                    ));
                }
            }
        }
    }
    out
}

impl Detector {
    pub fn new(model: Model) -> Self {
        Self {
            model,
            anchors: anchors(),
        }
    }

    /// Faces in `frame`, best first.
    pub fn detect(&self, frame: &Frame) -> Result<Vec<Detection>, ModelError> {
        let side = frame.width.max(frame.height) as f32;
        let map = Affine::square(
            frame.width as f32 / 2.0,
            frame.height as f32 / 2.0,
            side,
            0.0,
            SIZE,
        );
        let input = Tensor::new(SIZE, SIZE, 3, sample(frame, &map, SIZE, 1.0 / 127.5, -1.0));
        let out = self.model.run(input)?;
        let (boxes, scores) = match out.as_slice() {
            [b, s] if b.data.len() == 896 * 16 && s.data.len() == 896 => (&b.data, &s.data),
            _ => return Err(ModelError::Shape(usize::MAX)),
        };
        let mut found = Vec::new();
        for (i, (ax, ay)) in self.anchors.iter().enumerate() {
            let score = 1.0 / (1.0 + (-scores[i].clamp(-100.0, 100.0)).exp());
            if score < MIN_SCORE {
                continue;
            }
            let r = &boxes[i * 16..i * 16 + 16];
            let s = SIZE as f32;
            let at = |dx: f32, dy: f32| {
                let (x, y) = map.apply((dx / s + ax) * s, (dy / s + ay) * s);
                Point { x, y }
            };
            let c = at(r[0], r[1]);
            let scale = side / s;
            let (w, h) = (r[2] * scale, r[3] * scale);
            let mut keypoints = [Point::default(); KEYPOINTS];
            for (k, p) in keypoints.iter_mut().enumerate() {
                *p = at(r[4 + 2 * k], r[5 + 2 * k]);
            }
            found.push(Detection {
                score,
                x: c.x - w / 2.0,
                y: c.y - h / 2.0,
                width: w,
                height: h,
                keypoints,
            });
        }
        Ok(weighted_nms(found))
    }
}

/// MediaPipe's weighted NMS: each cluster of overlapping boxes becomes their
/// score-weighted mean, scored by its best member.
fn weighted_nms(mut dets: Vec<Detection>) -> Vec<Detection> {
    dets.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut out = Vec::new();
    while let Some(best) = dets.first().cloned() {
        let (cluster, rest): (Vec<_>, Vec<_>) = dets
            .into_iter()
            .partition(|d| best.iou(d) > MIN_SUPPRESSION_IOU);
        dets = rest;
        let total: f32 = cluster.iter().map(|d| d.score).sum();
        let mut m = best.clone();
        let avg = |f: &dyn Fn(&Detection) -> f32| {
            cluster.iter().map(|d| f(d) * d.score).sum::<f32>() / total
        };
        m.x = avg(&|d| d.x);
        m.y = avg(&|d| d.y);
        m.width = avg(&|d| d.width);
        m.height = avg(&|d| d.height);
        for k in 0..KEYPOINTS {
            m.keypoints[k].x = avg(&|d| d.keypoints[k].x);
            m.keypoints[k].y = avg(&|d| d.keypoints[k].y);
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det(x: f32, score: f32) -> Detection {
        Detection {
            score,
            x,
            y: 0.0,
            width: 10.0,
            height: 10.0,
            keypoints: [Point::default(); KEYPOINTS],
        }
    }

    #[test]
    fn anchors_match_the_model_outputs() {
        let a = anchors();
        assert_eq!(a.len(), 896);
        assert_eq!(a[0], (1.0 / 32.0, 1.0 / 32.0));
        assert_eq!(a[511], (31.0 / 32.0, 31.0 / 32.0));
        assert_eq!(a[512], (1.0 / 16.0, 1.0 / 16.0));
    }

    #[test]
    fn overlapping_boxes_merge_and_separate_ones_stay() {
        let out = weighted_nms(vec![det(0.0, 0.9), det(1.0, 0.9), det(50.0, 0.6)]);
        assert_eq!(out.len(), 2);
        assert!((out[0].x - 0.5).abs() < 1e-5);
        assert_eq!(out[1].x, 50.0);
    }
}
