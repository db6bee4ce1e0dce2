//! Frames as the analysis sees them: RGB bytes, and the affine sampling that feeds a model.

/// One camera frame: `width × height` pixels, RGB, row-major, 3 bytes a pixel.
#[derive(Clone, PartialEq, Eq)]
pub struct Frame {
    pub width: usize,
    pub height: usize,
    pub rgb: Vec<u8>,
}

impl std::fmt::Debug for Frame {
    // A face is personal data: never print the pixels.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Frame({}x{})", self.width, self.height)
    }
}

impl Frame {
    /// `None` unless `rgb` holds exactly `width × height × 3` bytes of a non-empty frame.
    pub fn new(width: usize, height: usize, rgb: Vec<u8>) -> Option<Self> {
        (width > 0 && height > 0 && rgb.len() == width * height * 3).then_some(Self {
            width,
            height,
            rgb,
        })
    }

    /// From RGBA bytes (a canvas's `ImageData`).
    pub fn from_rgba(width: usize, height: usize, rgba: &[u8]) -> Option<Self> {
        if rgba.len() != width * height * 4 {
            return None;
        }
        let rgb = rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        Self::new(width, height, rgb)
    }

    /// Bilinear sample of channel `c` at `(x, y)` (pixel centres at `.5`); 0 outside.
    #[inline]
    fn sample(&self, x: f32, y: f32, out: &mut [f32; 3]) {
        let fx = x - 0.5;
        let fy = y - 0.5;
        let x0 = fx.floor();
        let y0 = fy.floor();
        let (ax, ay) = (fx - x0, fy - y0);
        let (x0, y0) = (x0 as isize, y0 as isize);
        *out = [0.0; 3];
        for (dy, wy) in [(0, 1.0 - ay), (1, ay)] {
            let yy = y0 + dy;
            if yy < 0 || yy >= self.height as isize || wy == 0.0 {
                continue;
            }
            for (dx, wx) in [(0, 1.0 - ax), (1, ax)] {
                let xx = x0 + dx;
                if xx < 0 || xx >= self.width as isize || wx == 0.0 {
                    continue;
                }
                let i = (yy as usize * self.width + xx as usize) * 3;
                let w = wx * wy;
                for (o, v) in out.iter_mut().zip(&self.rgb[i..i + 3]) {
                    *o += w * *v as f32;
                }
            }
        }
    }
}

/// Maps model-input pixel `(u, v)` to frame pixel: `x = a·u + b·v + c`, `y = d·u + e·v + f`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine {
    pub m: [f32; 6],
}

impl Affine {
    pub fn apply(&self, u: f32, v: f32) -> (f32, f32) {
        let m = &self.m;
        (m[0] * u + m[1] * v + m[2], m[3] * u + m[4] * v + m[5])
    }

    /// A square of side `size` frame pixels centred on `(cx, cy)`, turned by `angle`
    /// radians, sampled onto `n × n` model pixels.
    pub fn square(cx: f32, cy: f32, size: f32, angle: f32, n: usize) -> Self {
        let s = size / n as f32;
        let (sin, cos) = angle.sin_cos();
        let h = n as f32 / 2.0;
        // x = cx + s·(cos·(u−h) − sin·(v−h)), y = cy + s·(sin·(u−h) + cos·(v−h))
        let (a, b, d, e) = (s * cos, -s * sin, s * sin, s * cos);
        Self {
            m: [a, b, cx - a * h - b * h, d, e, cy - d * h - e * h],
        }
    }
}

/// Samples `n × n` pixels through `map` (at pixel centres) into `[h, w, 3]` floats,
/// each `v·scale + offset`.
pub fn sample(frame: &Frame, map: &Affine, n: usize, scale: f32, offset: f32) -> Vec<f32> {
    let mut out = Vec::with_capacity(n * n * 3);
    let mut px = [0.0; 3];
    for v in 0..n {
        for u in 0..n {
            let (x, y) = map.apply(u as f32 + 0.5, v as f32 + 0.5);
            frame.sample(x, y, &mut px);
            out.extend(px.iter().map(|p| p * scale + offset));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_maps_the_centre_and_corners() {
        let a = Affine::square(100.0, 50.0, 64.0, 0.0, 128);
        assert_eq!(a.apply(64.0, 64.0), (100.0, 50.0));
        assert_eq!(a.apply(0.0, 0.0), (68.0, 18.0));
        let r = Affine::square(0.0, 0.0, 2.0, std::f32::consts::FRAC_PI_2, 2);
        let (x, y) = r.apply(2.0, 1.0);
        assert!((x - 0.0).abs() < 1e-6 && (y - 1.0).abs() < 1e-6);
    }

    #[test]
    fn sampling_a_flat_frame_is_flat() {
        let f = Frame::new(4, 4, vec![200; 48]).unwrap();
        let s = sample(&f, &Affine::square(2.0, 2.0, 2.0, 0.0, 2), 2, 1.0, 0.0);
        assert!(s.iter().all(|v| (*v - 200.0).abs() < 1e-3));
        assert_eq!(format!("{f:?}"), "Frame(4x4)");
        assert!(Frame::new(2, 2, vec![0; 5]).is_none());
    }
}
