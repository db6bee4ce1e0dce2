//! The liveness checks as pure functions over a sequence of observations: the guidance the
//! worker shows and the verdict the server gives run the same code. Turns come from the
//! nose against the cheek line (yaw), "closer" from the face's growth, a blink from the eye
//! aspect ratio, and the flatness test fits one homography between two views of the mesh:
//! a photo moved in front of the camera fits it, a turning head does not.
//!
//! Honest limits: this deters printed photos and still images on a screen. It does not
//! stop a replayed video of the person, deepfakes, masks or an injected camera feed.

use crate::detect::{Detection, Point};
use crate::landmarks::Mesh;

/// One prompt of a challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// The subject turns the head to their own left.
    TurnLeft,
    TurnRight,
    Closer,
    Blink,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::TurnLeft, Step::TurnRight, Step::Closer, Step::Blink];

    pub fn code(self) -> &'static str {
        match self {
            Step::TurnLeft => "turn_left",
            Step::TurnRight => "turn_right",
            Step::Closer => "closer",
            Step::Blink => "blink",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// The face of one frame, as the checks need it. Positions are fractions of the frame
/// (x of its width, y of its height), so clients and server agree whatever the size.
#[derive(Debug, Clone, PartialEq)]
pub struct FaceObservation {
    pub centre: Point,
    /// Box width as a fraction of the frame width.
    pub width: f32,
    /// Nose against the cheek line: 0 facing the camera, positive turned to the subject's left.
    pub yaw: f32,
    /// Mean eye aspect ratio (open eyes about 0.25–0.35, closed below 0.15).
    pub ear: f32,
    /// The mesh's x, y in fractions of the frame width (both axes, so shapes are kept).
    pub mesh: Vec<Point>,
}

/// What the analysis saw in one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Capture time in milliseconds since the challenge began.
    pub t_ms: u32,
    /// How many faces the detector found.
    pub faces: usize,
    /// The face and its mesh, when there is exactly one face with a mesh.
    pub face: Option<FaceObservation>,
}

// Mesh indices (MediaPipe's canonical face model).
const MESH_POINTS: usize = 468;
const NOSE_TIP: usize = 1;
const CHEEK_RIGHT: usize = 234;
const CHEEK_LEFT: usize = 454;
const EYE_RIGHT: [usize; 6] = [33, 160, 158, 133, 153, 144];
const EYE_LEFT: [usize; 6] = [263, 387, 385, 362, 380, 373];

fn dist(a: Point, b: Point) -> f32 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// Eye aspect ratio of six points `p1..p6` (corner, two upper, corner, two lower).
pub fn eye_aspect_ratio(p: [Point; 6]) -> f32 {
    let w = dist(p[0], p[3]);
    if w <= f32::EPSILON {
        return 0.0;
    }
    (dist(p[1], p[5]) + dist(p[2], p[4])) / (2.0 * w)
}

/// Yaw proxy: where the nose falls along the line from the right cheek to the left one,
/// centred on 0 (positive towards the subject's left).
pub fn yaw(nose: Point, cheek_right: Point, cheek_left: Point) -> f32 {
    let (ex, ey) = (cheek_left.x - cheek_right.x, cheek_left.y - cheek_right.y);
    let len2 = ex * ex + ey * ey;
    if len2 <= f32::EPSILON {
        return 0.0;
    }
    let mid = Point {
        x: (cheek_left.x + cheek_right.x) / 2.0,
        y: (cheek_left.y + cheek_right.y) / 2.0,
    };
    ((nose.x - mid.x) * ex + (nose.y - mid.y) * ey) / len2
}

impl FaceObservation {
    /// From a detection and its mesh in a `width × height` frame.
    pub fn new(det: &Detection, mesh: &Mesh, width: usize, height: usize) -> Self {
        let (w, h) = (width as f32, height as f32);
        let c = det.centre();
        let at = |i: usize| mesh.at(i);
        let eye = |idx: [usize; 6]| eye_aspect_ratio(idx.map(at));
        Self {
            centre: Point {
                x: c.x / w,
                y: c.y / h,
            },
            width: det.width / w,
            yaw: yaw(at(NOSE_TIP), at(CHEEK_RIGHT), at(CHEEK_LEFT)),
            ear: (eye(EYE_RIGHT) + eye(EYE_LEFT)) / 2.0,
            mesh: mesh
                .points
                .iter()
                .map(|p| Point {
                    x: p[0] / w,
                    y: p[1] / w,
                })
                .collect(),
        }
    }
}

/// The oval guide and the thresholds. Calibrate with `per-face-calibrate` (see the
/// crate's README) on recordings of consenting people before changing them.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Oval centre and radii, fractions of the frame; the face centre must be inside.
    pub oval: (f32, f32, f32, f32),
    /// Least face width, fraction of the frame width.
    pub min_width: f32,
    /// |yaw| that counts as a turn.
    pub turn: f32,
    /// Growth of the face width that counts as coming closer.
    pub closer: f32,
    /// Eyes closed below this share of the open eye aspect ratio seen before.
    pub blink_closed: f32,
    /// Eyes open again above this share.
    pub blink_open: f32,
    /// Least homography residual (RMS over the [`RIGID`] points, fraction of the face width)
    /// of a live head: between the moved photo (0.0104) and the smallest turn that passes
    /// (0.022) on the test clips, about 1.45 times from each (`examples/depth.rs`).
    pub min_depth: f32,
    /// Longest gap between two frames and longest burst.
    pub max_gap_ms: u32,
    pub max_burst_ms: u32,
    /// Largest jump of the face centre between two frames (fraction of the frame).
    pub max_jump: f32,
    pub min_frames: usize,
    pub max_frames: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            oval: (0.5, 0.5, 0.32, 0.42),
            min_width: 0.18,
            turn: 0.10,
            closer: 1.2,
            blink_closed: 0.7,
            blink_open: 0.85,
            min_depth: 0.015,
            max_gap_ms: 1500,
            max_burst_ms: 60_000,
            max_jump: 0.3,
            min_frames: 6,
            max_frames: 96,
        }
    }
}

/// Why a burst is refused (each a code the app translates).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("too few or too many frames")]
    FrameCount,
    #[error("frame times do not increase, or a gap or the burst is too long")]
    Timing,
    #[error("no face in a frame")]
    NoFace,
    #[error("more than one face in a frame")]
    SeveralFaces,
    #[error("the face left the oval")]
    OutsideOval,
    #[error("the face is too small")]
    TooSmall,
    #[error("the face jumped between frames")]
    Discontinuous,
    #[error("step {0:?} was not done in order")]
    StepMissing(Step),
    #[error("the face moved like a flat picture")]
    Flat,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::FrameCount => "face_frame_count",
            Refusal::Timing => "face_timing",
            Refusal::NoFace => "face_none",
            Refusal::SeveralFaces => "face_several",
            Refusal::OutsideOval => "face_outside_oval",
            Refusal::TooSmall => "face_too_small",
            Refusal::Discontinuous => "face_discontinuous",
            Refusal::StepMissing(_) => "face_step_missing",
            Refusal::Flat => "face_flat",
        }
    }
}

/// What to tell the person now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    NoFace,
    SeveralFaces,
    IntoOval,
    Closer,
    /// Do this step (index into the challenge).
    Step(usize),
    Done,
}

/// The step tracker the guidance and the verdict share.
#[derive(Debug, Clone)]
pub struct Progress {
    steps: Vec<Step>,
    th: Thresholds,
    done: usize,
    /// Face width when the current step began.
    base_width: Option<f32>,
    /// Most open eyes seen (for the blink) and whether they closed since.
    open_ear: f32,
    closed: bool,
}

impl Progress {
    pub fn new(steps: Vec<Step>, th: Thresholds) -> Self {
        Self {
            steps,
            th,
            done: 0,
            base_width: None,
            open_ear: 0.0,
            closed: false,
        }
    }

    pub fn done(&self) -> usize {
        self.done
    }

    pub fn finished(&self) -> bool {
        self.done == self.steps.len()
    }

    /// The frame-level rule: exactly one face, in the oval, large enough.
    pub fn frame_check<'o>(&self, o: &'o Observation) -> Result<&'o FaceObservation, Refusal> {
        match (o.faces, &o.face) {
            (0, _) | (_, None) if o.faces <= 1 => Err(Refusal::NoFace),
            (1, Some(f)) => {
                let (cx, cy, rx, ry) = self.th.oval;
                let (dx, dy) = ((f.centre.x - cx) / rx, (f.centre.y - cy) / ry);
                if dx * dx + dy * dy > 1.0 {
                    Err(Refusal::OutsideOval)
                } else if f.width < self.th.min_width {
                    Err(Refusal::TooSmall)
                } else {
                    Ok(f)
                }
            }
            _ => Err(Refusal::SeveralFaces),
        }
    }

    /// Feeds one frame; returns what to say next.
    pub fn push(&mut self, o: &Observation) -> Hint {
        let f = match self.frame_check(o) {
            Ok(f) => f.clone(),
            Err(Refusal::SeveralFaces) => return Hint::SeveralFaces,
            Err(Refusal::OutsideOval) => return Hint::IntoOval,
            Err(Refusal::TooSmall) => return Hint::Closer,
            Err(_) => return Hint::NoFace,
        };
        if self.finished() {
            return Hint::Done;
        }
        let base = *self.base_width.get_or_insert(f.width);
        let th = &self.th;
        let hit = match self.steps[self.done] {
            Step::TurnLeft => f.yaw >= th.turn,
            Step::TurnRight => f.yaw <= -th.turn,
            Step::Closer => f.width >= base * th.closer,
            Step::Blink => {
                if !self.closed && self.open_ear > 0.0 && f.ear < th.blink_closed * self.open_ear {
                    self.closed = true;
                }
                let reopened = self.closed && f.ear > th.blink_open * self.open_ear;
                if !self.closed {
                    self.open_ear = self.open_ear.max(f.ear);
                }
                reopened
            }
        };
        if hit {
            self.done += 1;
            self.base_width = Some(f.width);
            self.open_ear = if self.closed { 0.0 } else { self.open_ear };
            self.closed = false;
        }
        if self.finished() {
            Hint::Done
        } else {
            Hint::Step(self.done)
        }
    }
}

/// The server's verdict on a burst: every frame valid and continuous, the steps in order,
/// and not flat. On success, the index of the most frontal frame (the face image to keep).
pub fn verify(obs: &[Observation], steps: &[Step], th: &Thresholds) -> Result<usize, Refusal> {
    if obs.len() < th.min_frames || obs.len() > th.max_frames {
        return Err(Refusal::FrameCount);
    }
    let first = obs[0].t_ms;
    let last = obs[obs.len() - 1].t_ms;
    let gaps_ok = obs
        .windows(2)
        .all(|w| w[1].t_ms > w[0].t_ms && w[1].t_ms - w[0].t_ms <= th.max_gap_ms);
    if !gaps_ok || last - first > th.max_burst_ms {
        return Err(Refusal::Timing);
    }
    let mut progress = Progress::new(steps.to_vec(), th.clone());
    let mut prev: Option<Point> = None;
    let mut best = (f32::INFINITY, 0);
    for (i, o) in obs.iter().enumerate() {
        let f = progress.frame_check(o)?;
        if let Some(p) = prev {
            if dist(p, f.centre) > th.max_jump {
                return Err(Refusal::Discontinuous);
            }
        }
        prev = Some(f.centre);
        if f.yaw.abs() < best.0 {
            best = (f.yaw.abs(), i);
        }
        progress.push(o);
    }
    if !progress.finished() {
        return Err(Refusal::StepMissing(steps[progress.done()]));
    }
    let faces: Vec<&FaceObservation> = obs.iter().filter_map(|o| o.face.as_ref()).collect();
    if depth(&faces) < th.min_depth {
        return Err(Refusal::Flat);
    }
    Ok(best.1)
}

/// The points the flatness test fits: the face's outline, the nose and the chin (the most
/// relief; none of the eyes or lips, which a blink or a smile moves on a photo's plane too).
/// On the test clips this separates a turning head from a moved photo better than the
/// whole mesh: live / moved 3.06 against 2.66, and the smallest turn that passes the step
/// (|yaw| 0.11) scores 0.022 against 0.014 (`examples/depth.rs`).
pub const RIGID: [usize; 44] = [
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152,
    148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109, 1, 4, 5, 6,
    168, 197, 195, 2,
];

/// The largest homography residual between the most frontal mesh and the others, over the
/// [`RIGID`] points (RMS, as a fraction of the two meshes' mean face width): near 0 for a picture moved in
/// front of the camera. Meshes of another size (not Face Mesh's 468 points) are fitted
/// whole.
pub fn depth(faces: &[&FaceObservation]) -> f32 {
    let Some(reference) = faces
        .iter()
        .min_by(|a, b| a.yaw.abs().total_cmp(&b.yaw.abs()))
    else {
        return 0.0;
    };
    let cheeks = |m: &[Point]| dist(m[CHEEK_RIGHT], m[CHEEK_LEFT]);
    faces
        .iter()
        .filter(|f| f.mesh.len() == reference.mesh.len())
        .map(|f| {
            let pick = |m: &[Point]| -> Vec<Point> {
                if m.len() == MESH_POINTS {
                    RIGID.iter().map(|&i| m[i]).collect()
                } else {
                    m.to_vec()
                }
            };
            // Each pair in its own scale: a photo brought closer grows its residual in
            // frame units, not as a share of the face.
            let width = ((cheeks(&reference.mesh) + cheeks(&f.mesh)) / 2.0).max(f32::EPSILON);
            homography_residual(&pick(&reference.mesh), &pick(&f.mesh)).unwrap_or(0.0) / width
        })
        .fold(0.0, f32::max)
}

/// RMS distance left after the least-squares homography from `a` to `b` (DLT with
/// Hartley normalisation). `None` with fewer than 5 points or a degenerate fit.
pub fn homography_residual(a: &[Point], b: &[Point]) -> Option<f32> {
    if a.len() != b.len() || a.len() < 5 {
        return None;
    }
    let norm = |p: &[Point]| {
        let n = p.len() as f64;
        let (mx, my) = p.iter().fold((0.0, 0.0), |(x, y), q| {
            (x + q.x as f64 / n, y + q.y as f64 / n)
        });
        let md = p
            .iter()
            .map(|q| ((q.x as f64 - mx).powi(2) + (q.y as f64 - my).powi(2)).sqrt())
            .sum::<f64>()
            / n;
        let s = if md > 0.0 {
            std::f64::consts::SQRT_2 / md
        } else {
            1.0
        };
        (mx, my, s)
    };
    let (ax, ay, sa) = norm(a);
    let (bx, by, sb) = norm(b);
    // Unknowns h0..h7 (h8 = 1): u' = (h0 u + h1 v + h2) / (h6 u + h7 v + 1), likewise v'.
    let mut ata = [[0.0f64; 8]; 8];
    let mut atb = [0.0f64; 8];
    for (p, q) in a.iter().zip(b) {
        let (u, v) = ((p.x as f64 - ax) * sa, (p.y as f64 - ay) * sa);
        let (x, y) = ((q.x as f64 - bx) * sb, (q.y as f64 - by) * sb);
        let rows = [
            ([u, v, 1.0, 0.0, 0.0, 0.0, -u * x, -v * x], x),
            ([0.0, 0.0, 0.0, u, v, 1.0, -u * y, -v * y], y),
        ];
        for (r, t) in rows {
            for i in 0..8 {
                atb[i] += r[i] * t;
                for j in 0..8 {
                    ata[i][j] += r[i] * r[j];
                }
            }
        }
    }
    let h = solve8(ata, atb)?;
    let mut sum = 0.0;
    for (p, q) in a.iter().zip(b) {
        let (u, v) = ((p.x as f64 - ax) * sa, (p.y as f64 - ay) * sa);
        let w = h[6] * u + h[7] * v + 1.0;
        if w.abs() < 1e-9 {
            return None;
        }
        let x = (h[0] * u + h[1] * v + h[2]) / w / sb + bx;
        let y = (h[3] * u + h[4] * v + h[5]) / w / sb + by;
        sum += (x - q.x as f64).powi(2) + (y - q.y as f64).powi(2);
    }
    Some((sum / a.len() as f64).sqrt() as f32)
}

/// Gaussian elimination with partial pivoting.
fn solve8(mut m: [[f64; 8]; 8], mut r: [f64; 8]) -> Option<[f64; 8]> {
    for c in 0..8 {
        let p = (c..8).max_by(|i, j| m[*i][c].abs().total_cmp(&m[*j][c].abs()))?;
        if m[p][c].abs() < 1e-12 {
            return None;
        }
        m.swap(c, p);
        r.swap(c, p);
        for i in c + 1..8 {
            let f = m[i][c] / m[c][c];
            let pivot = m[c];
            for (v, p) in m[i].iter_mut().zip(pivot).skip(c) {
                *v -= f * p;
            }
            r[i] -= f * r[c];
        }
    }
    let mut x = [0.0; 8];
    for c in (0..8).rev() {
        let s: f64 = (c + 1..8).map(|j| m[c][j] * x[j]).sum();
        x[c] = (r[c] - s) / m[c][c];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> Vec<Point> {
        (0..100)
            .map(|i| Point {
                x: (i % 10) as f32 * 0.03 + 0.3,
                y: (i / 10) as f32 * 0.03 + 0.3,
            })
            .collect()
    }

    fn face(yaw: f32, width: f32, ear: f32, mesh: Vec<Point>) -> Observation {
        Observation {
            t_ms: 0,
            faces: 1,
            face: Some(FaceObservation {
                centre: Point { x: 0.5, y: 0.5 },
                width,
                yaw,
                ear,
                mesh,
            }),
        }
    }

    fn mesh(bulge: f32) -> Vec<Point> {
        // A 468-point "face": a grid whose middle moves sideways by `bulge` (depth parallax).
        (0..468)
            .map(|i| {
                let (x, y) = ((i % 26) as f32 / 25.0, (i / 26) as f32 / 17.0);
                let d = (1.0 - ((x - 0.5).powi(2) + (y - 0.5).powi(2)) * 4.0).max(0.0);
                Point {
                    x: 0.3 + 0.4 * x + bulge * d,
                    y: 0.3 + 0.4 * y,
                }
            })
            .collect()
    }

    fn burst(frames: Vec<Observation>) -> Vec<Observation> {
        frames
            .into_iter()
            .enumerate()
            .map(|(i, mut o)| {
                o.t_ms = i as u32 * 100;
                o
            })
            .collect()
    }

    #[test]
    fn eye_aspect_ratio_of_open_and_closed_eyes() {
        let p = |x: f32, y: f32| Point { x, y };
        let open = [
            p(0.0, 0.0),
            p(1.0, -0.3),
            p(2.0, -0.3),
            p(3.0, 0.0),
            p(2.0, 0.3),
            p(1.0, 0.3),
        ];
        assert!((eye_aspect_ratio(open) - 0.2).abs() < 1e-6);
        let closed = open.map(|q| p(q.x, q.y * 0.1));
        assert!(eye_aspect_ratio(closed) < 0.03);
    }

    #[test]
    fn yaw_sign_follows_the_nose() {
        let p = |x: f32| Point { x, y: 0.0 };
        assert_eq!(yaw(p(0.5), p(0.0), p(1.0)), 0.0);
        assert!((yaw(p(0.7), p(0.0), p(1.0)) - 0.2).abs() < 1e-6);
        assert!(yaw(p(0.3), p(0.0), p(1.0)) < 0.0);
    }

    #[test]
    fn a_homography_fits_a_moved_plane_exactly() {
        let a = grid();
        let b: Vec<Point> = a
            .iter()
            .map(|p| {
                let w = 1.0 + 0.2 * p.x + 0.1 * p.y;
                Point {
                    x: (1.1 * p.x + 0.1 * p.y + 0.05) / w,
                    y: (-0.05 * p.x + 0.9 * p.y + 0.1) / w,
                }
            })
            .collect();
        assert!(homography_residual(&a, &b).unwrap() < 1e-5);
        let mut c = b.clone();
        for p in c.iter_mut().skip(40).take(20) {
            p.x += 0.02;
        }
        assert!(homography_residual(&a, &c).unwrap() > 5e-3);
    }

    #[test]
    fn a_live_burst_passes_and_photos_fail() {
        let steps = vec![Step::TurnLeft, Step::Blink, Step::Closer];
        let th = Thresholds::default();
        let live = burst(vec![
            face(0.0, 0.3, 0.3, mesh(0.0)),
            face(0.15, 0.3, 0.3, mesh(0.05)),
            face(0.0, 0.3, 0.3, mesh(0.0)),
            face(0.0, 0.3, 0.1, mesh(0.0)),
            face(0.0, 0.3, 0.3, mesh(0.0)),
            face(0.0, 0.4, 0.3, mesh(0.0)),
        ]);
        assert_eq!(verify(&live, &steps, &th), Ok(0));
        // Same motions, but the mesh only moves rigidly: flat.
        let mut flat = live.clone();
        flat[1].face.as_mut().unwrap().mesh = mesh(0.0)
            .iter()
            .map(|p| Point {
                x: p.x + 0.01,
                y: p.y,
            })
            .collect();
        assert_eq!(verify(&flat, &steps, &th), Err(Refusal::Flat));
        // Steps out of order or missing.
        let still = burst((0..6).map(|_| face(0.0, 0.3, 0.3, mesh(0.0))).collect());
        assert_eq!(
            verify(&still, &steps, &th),
            Err(Refusal::StepMissing(Step::TurnLeft))
        );
        let wrong_way = burst(vec![face(-0.2, 0.3, 0.3, mesh(0.05)); 6]);
        assert_eq!(
            verify(&wrong_way, &steps, &th),
            Err(Refusal::StepMissing(Step::TurnLeft))
        );
    }

    #[test]
    fn frame_rules_refuse_with_their_reason() {
        let th = Thresholds::default();
        let steps = [Step::Blink];
        let mut b = burst(vec![face(0.0, 0.3, 0.3, mesh(0.0)); 6]);
        b[2].faces = 2;
        assert_eq!(verify(&b, &steps, &th), Err(Refusal::SeveralFaces));
        b[2].faces = 0;
        b[2].face = None;
        assert_eq!(verify(&b, &steps, &th), Err(Refusal::NoFace));
        let mut b = burst(vec![face(0.0, 0.1, 0.3, mesh(0.0)); 6]);
        assert_eq!(verify(&b, &steps, &th), Err(Refusal::TooSmall));
        b[0].face.as_mut().unwrap().centre.x = 0.95;
        assert_eq!(verify(&b, &steps, &th), Err(Refusal::OutsideOval));
        let mut b = burst(vec![face(0.0, 0.3, 0.3, mesh(0.0)); 6]);
        b[3].t_ms = b[2].t_ms;
        assert_eq!(verify(&b, &steps, &th), Err(Refusal::Timing));
        assert_eq!(verify(&b[..3], &steps, &th), Err(Refusal::FrameCount));
    }

    #[test]
    fn guidance_ticks_steps_off_in_order() {
        let mut p = Progress::new(vec![Step::TurnRight, Step::TurnLeft], Thresholds::default());
        assert_eq!(p.push(&face(0.2, 0.3, 0.3, vec![])), Hint::Step(0));
        assert_eq!(p.push(&face(-0.2, 0.3, 0.3, vec![])), Hint::Step(1));
        assert_eq!(p.push(&face(0.2, 0.3, 0.3, vec![])), Hint::Done);
        let mut small = face(0.0, 0.05, 0.3, vec![]);
        assert_eq!(p.push(&small), Hint::Closer);
        small.faces = 0;
        small.face = None;
        assert_eq!(p.push(&small), Hint::NoFace);
    }

    #[test]
    fn step_codes_round_trip() {
        for s in Step::ALL {
            assert_eq!(Step::from_code(s.code()), Some(s));
        }
        assert_eq!(Step::from_code("jump"), None);
    }
}
