//! Compares the interpreter with reference outputs: `parity MODEL IN.f32 H W C OUT0.f32 [OUT1.f32]`.
use per_face_analysis::nn::{Model, Tensor};
use std::time::Instant;

fn f32s(p: &str) -> Vec<f32> {
    std::fs::read(p)
        .unwrap()
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let m = Model::from_bytes(&std::fs::read(&a[1]).unwrap()).unwrap();
    let (h, w, c) = (
        a[3].parse().unwrap(),
        a[4].parse().unwrap(),
        a[5].parse().unwrap(),
    );
    let x = Tensor::new(h, w, c, f32s(&a[2]));
    let outs = m.run(x.clone()).unwrap();
    for (k, p) in a[6..].iter().enumerate() {
        let r = f32s(p);
        let d = outs[k]
            .data
            .iter()
            .zip(&r)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        let mag = r.iter().map(|v| v.abs()).fold(0.0f32, f32::max);
        println!(
            "output {k}: {} values, max abs diff {d:e} (max magnitude {mag})",
            r.len()
        );
    }
    let n = 20;
    let t = Instant::now();
    for _ in 0..n {
        m.run(x.clone()).unwrap();
    }
    println!(
        "{:.2} ms per run",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
}
