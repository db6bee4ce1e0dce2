//! `per-face-calibrate MODELS_DIR VIDEO.y4m [STEPS]`: prints what the analysis sees in each
//! frame (faces, centre, width, yaw, eye aspect ratio), the burst's depth score, the time a
//! frame takes, and the verdict for STEPS (comma-separated codes, e.g. `turn_left,blink`).
//! Used to tune `Thresholds` on recordings of consenting people (see the crate README).

use per_face_analysis::{liveness, verify, y4m, Analyser, Step, Thresholds};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: per-face-calibrate MODELS_DIR VIDEO.y4m [STEPS]");
        return ExitCode::from(2);
    }
    let read = |name: &str| std::fs::read(format!("{}/{name}", args[1]));
    let (Ok(det), Ok(lm)) = (read("detector.pfnn"), read("landmarks.pfnn")) else {
        eprintln!(
            "per-face-calibrate: no models in {} (run scripts/setup)",
            args[1]
        );
        return ExitCode::FAILURE;
    };
    let analyser = match Analyser::from_bytes(&det, &lm) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("per-face-calibrate: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (frames, fps) = match std::fs::read(&args[2])
        .map_err(|e| e.to_string())
        .and_then(|b| y4m::read(&b).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            eprintln!("per-face-calibrate: {}: {e}", args[2]);
            return ExitCode::FAILURE;
        }
    };
    let steps: Vec<Step> = args
        .get(3)
        .map(|s| s.split(',').filter_map(Step::from_code).collect())
        .unwrap_or_default();
    let mut obs = Vec::new();
    let start = Instant::now();
    println!("frame  t_ms faces  cx    cy    width  yaw    ear");
    for (i, f) in frames.iter().enumerate() {
        let t = (i as f32 * 1000.0 / fps) as u32;
        let o = match analyser.observe(f, t) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("per-face-calibrate: frame {i}: {e}");
                return ExitCode::FAILURE;
            }
        };
        match &o.face {
            Some(x) => println!(
                "{i:5} {t:5} {:5} {:.3} {:.3} {:.3} {:+.3} {:.3}",
                o.faces, x.centre.x, x.centre.y, x.width, x.yaw, x.ear
            ),
            None => println!("{i:5} {t:5} {:5}", o.faces),
        }
        obs.push(o);
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / frames.len().max(1) as f64;
    let faces: Vec<_> = obs.iter().filter_map(|o| o.face.as_ref()).collect();
    println!(
        "frames {} at {fps} fps; {ms:.1} ms a frame (detector + mesh)",
        frames.len()
    );
    println!(
        "depth {:.4} (a live head needs >= {})",
        liveness::depth(&faces),
        Thresholds::default().min_depth
    );
    if !steps.is_empty() {
        match verify(&obs, &steps, &Thresholds::default()) {
            Ok(i) => println!("verdict: pass (face image: frame {i})"),
            Err(e) => println!("verdict: refused: {} ({e})", e.code()),
        }
    }
    ExitCode::SUCCESS
}
