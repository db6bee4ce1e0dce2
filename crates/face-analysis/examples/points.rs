//! Prints the keypoints and eye landmarks of the first frame of a y4m: `points MODELS VIDEO`.
use per_face_analysis::{y4m, Analyser};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let r = |n: &str| std::fs::read(format!("{}/{n}", a[1])).unwrap();
    let an = Analyser::from_bytes(&r("detector.pfnn"), &r("landmarks.pfnn")).unwrap();
    let (frames, _) = y4m::read(&std::fs::read(&a[2]).unwrap()).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..20 {
        an.detector.detect(&frames[0]).unwrap();
    }
    println!("detect {:.2} ms", t.elapsed().as_secs_f64() * 50.0);
    let d0 = an.detector.detect(&frames[0]).unwrap()[0].clone();
    let t = std::time::Instant::now();
    for _ in 0..20 {
        an.landmarker.landmarks(&frames[0], &d0).unwrap();
    }
    println!("landmarks {:.2} ms", t.elapsed().as_secs_f64() * 50.0);
    for d in an.detector.detect(&frames[0]).unwrap() {
        println!(
            "box {:.0} {:.0} {:.0} {:.0} score {:.2}",
            d.x, d.y, d.width, d.height, d.score
        );
        for k in d.keypoints {
            println!("  kp {:.0} {:.0}", k.x, k.y);
        }
        let m = an.landmarker.landmarks(&frames[0], &d).unwrap();
        for i in [1, 234, 454, 33, 133, 159, 145, 263, 362, 386, 374] {
            println!("  mesh {i}: {:.0} {:.0}", m.points[i][0], m.points[i][1]);
        }
    }
}
