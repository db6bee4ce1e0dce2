//! The flatness margin of the test videos under each depth score: `depth MODELS VIDEOS_DIR`.
//! Prints, for live.y4m, moved.y4m and static.y4m, the depth score `verify` uses and the
//! live / moved ratio (how far apart a turning head and a moved photo are).
use per_face_analysis::{liveness, y4m, Analyser, FaceObservation};
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let r = |n: &str| std::fs::read(format!("{}/{n}", a[1])).unwrap();
    let an = Analyser::from_bytes(&r("detector.pfnn"), &r("landmarks.pfnn")).unwrap();
    let mut scores = Vec::new();
    for name in ["live.y4m", "moved.y4m", "static.y4m"] {
        let (frames, fps) = y4m::read(&std::fs::read(format!("{}/{name}", a[2])).unwrap()).unwrap();
        let t = Instant::now();
        let obs: Vec<_> = frames
            .iter()
            .enumerate()
            .map(|(i, f)| an.observe(f, (i as f32 * 1000.0 / fps) as u32).unwrap())
            .collect();
        let ms = t.elapsed().as_secs_f64() * 1000.0 / frames.len() as f64;
        let faces: Vec<&FaceObservation> = obs.iter().filter_map(|o| o.face.as_ref()).collect();
        // A burst as the page sends it: 5 frames a second of the 15 fps clip.
        let burst: Vec<&FaceObservation> = faces.iter().step_by(3).copied().collect();
        let (d_all, d_burst) = (liveness::depth(&faces), liveness::depth(&burst));
        println!(
            "{name:11} frames {:3} ({ms:.1} ms a frame)  depth all frames {d_all:.4}  burst (5 fps) {d_burst:.4}",
            faces.len()
        );
        scores.push((d_all, d_burst));
        alternatives(&burst);
    }
    let th = per_face_analysis::Thresholds::default().min_depth;
    println!("threshold {th}");
    println!(
        "live/moved ratio: all {:.2}, burst {:.2}; margins to the threshold: live {:+.4}, moved {:+.4} (burst)",
        scores[0].0 / scores[1].0,
        scores[0].1 / scores[1].1,
        scores[0].1 - th,
        th - scores[1].1
    );
}

fn cheek(f: &FaceObservation) -> f32 {
    let (a, b) = (f.mesh[234], f.mesh[454]);
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// The face's silhouette, nose and chin: the points with most relief, none of the eyes or lips.
const RIGID: [usize; 44] = [
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152,
    148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109, 1, 4, 5, 6,
    168, 197, 195, 2,
];

fn alternatives(faces: &[&FaceObservation]) {
    let res = |a: &FaceObservation, b: &FaceObservation, rigid: bool| {
        let (p, q): (Vec<_>, Vec<_>) = if rigid {
            (
                RIGID.iter().map(|&i| a.mesh[i]).collect(),
                RIGID.iter().map(|&i| b.mesh[i]).collect(),
            )
        } else {
            (a.mesh.clone(), b.mesh.clone())
        };
        liveness::homography_residual(&p, &q).unwrap_or(0.0) / ((cheek(a) + cheek(b)) / 2.0)
    };
    let mut all_pairs = (0.0f32, 0.0f32);
    let mut vals = Vec::new();
    for (i, a) in faces.iter().enumerate() {
        for b in faces.iter().skip(i + 1) {
            let (x, y) = (res(a, b, false), res(a, b, true));
            all_pairs.0 = all_pairs.0.max(x);
            all_pairs.1 = all_pairs.1.max(y);
            vals.push(x);
        }
    }
    vals.sort_by(f32::total_cmp);
    let front = faces
        .iter()
        .min_by(|a, b| a.yaw.abs().total_cmp(&b.yaw.abs()))
        .unwrap();
    let mut curve: Vec<(f32, f32, f32)> = faces
        .iter()
        .map(|f| (f.yaw, res(front, f, false), res(front, f, true)))
        .collect();
    curve.sort_by(|a, b| a.0.total_cmp(&b.0));
    let rigid_front = curve.iter().map(|c| c.2).fold(0.0, f32::max);
    println!("    frontal reference, rigid points: {rigid_front:.4}");
    for c in curve.iter().step_by(3) {
        print!(" [{:+.2} {:.4} {:.4}]", c.0, c.1, c.2);
    }
    println!();
    let p95 = vals.get(vals.len() * 95 / 100).copied().unwrap_or(0.0);
    let left = faces.iter().max_by(|a, b| a.yaw.total_cmp(&b.yaw));
    let right = faces.iter().min_by(|a, b| a.yaw.total_cmp(&b.yaw));
    let lr = match (left, right) {
        (Some(l), Some(r)) => (res(l, r, false), res(l, r, true)),
        _ => (0.0, 0.0),
    };
    println!(
        "    all pairs max {:.4} (rigid {:.4}) p95 {p95:.4}; left-right extremes {:.4} (rigid {:.4}); yaw range {:+.3}..{:+.3}",
        all_pairs.0, all_pairs.1, lr.0, lr.1,
        right.map_or(0.0, |f| f.yaw), left.map_or(0.0, |f| f.yaw)
    );
}
