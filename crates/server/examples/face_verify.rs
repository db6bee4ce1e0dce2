//! The server's time to verify one burst: `face_verify MODELS_DIR FRAMES_DIR [RUNS]`.
//!
//! FRAMES_DIR holds the JPEG frames of the test videos as the API tests make them
//! (`target/tmp/face-frames-v1`: `live_001.jpg`…, 480×360, from
//! tools/face-models/make_videos.py); the burst is the tests' one (three loops of the clip,
//! every third frame, 200 ms apart). Times `service::face::check` (JPEG decoding, detector
//! and mesh on every frame, `verify`) on one thread, as one seat of the bounded pool does.
//!
//!     cargo run --profile server -p per-server --example face_verify -- \
//!         $PER_FACE_MODELS $CARGO_TARGET_DIR/tmp/face-frames-v1

use per_face_analysis::Step;
use per_server::service::face::{check, FaceChecker};
use std::path::Path;
use std::time::Instant;

fn burst(dir: &Path, name: &str) -> Vec<(u32, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("frames dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(&format!("{name}_")))
        })
        .collect();
    files.sort();
    let n = files.len();
    assert!(n > 0, "no frames of {name} in {}", dir.display());
    (0..3 * n)
        .step_by(3)
        .enumerate()
        .map(|(i, g)| (i as u32 * 200, std::fs::read(&files[g % n]).expect("frame")))
        .collect()
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    anyhow::ensure!(
        args.len() >= 3,
        "usage: face_verify MODELS_DIR FRAMES_DIR [RUNS]"
    );
    let runs: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(3);
    let checker = FaceChecker::load(Path::new(&args[1]), 1)?;
    let steps = [Step::TurnLeft, Step::Blink, Step::Closer];
    for name in ["live", "moved", "static"] {
        let frames = burst(Path::new(&args[2]), name);
        let mut best = f64::INFINITY;
        let mut verdict = String::new();
        for _ in 0..runs {
            let t = Instant::now();
            let v = check(&checker, &frames, &steps);
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
            verdict = v.map_or_else(
                |r| format!("refused: {}", r.code()),
                |i| format!("pass (frame {i})"),
            );
        }
        println!(
            "{name:6} burst of {} frames: {best:.0} ms to verify (best of {runs}; {:.1} ms a frame); {verdict}",
            frames.len(),
            best / frames.len() as f64
        );
    }
    Ok(())
}
