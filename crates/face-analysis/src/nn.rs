//! A tiny interpreter for the converted MediaPipe graphs (`tools/face-models/convert.py`):
//! ten operators over `[h, w, c]` float tensors, weights pre-arranged for vectorised loops.

use thiserror::Error;

/// Why a model file could not be read or run.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("the model file is truncated")]
    Truncated,
    #[error("not a converted face model (bad magic or version)")]
    BadHeader,
    #[error("unknown operator kind {0}")]
    UnknownOp(u32),
    #[error("operator {0} is malformed")]
    Malformed(usize),
    #[error("operator {0} got a tensor of the wrong shape")]
    Shape(usize),
    #[error("the input must be {0}x{1}x{2}")]
    Input(usize, usize, usize),
}

/// An activation: `h × w × c`, channels innermost (NHWC without the batch).
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor {
    pub h: usize,
    pub w: usize,
    pub c: usize,
    pub data: Vec<f32>,
}

impl Tensor {
    pub fn new(h: usize, w: usize, c: usize, data: Vec<f32>) -> Self {
        debug_assert_eq!(data.len(), h * w * c);
        Self { h, w, c, data }
    }
    fn zeros(h: usize, w: usize, c: usize) -> Self {
        Self::new(h, w, c, vec![0.0; h * w * c])
    }
}

#[derive(Debug, Clone, Copy)]
enum Act {
    None,
    Relu,
    Relu6,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    kh: usize,
    kw: usize,
    sh: usize,
    sw: usize,
    same: bool,
}

impl Window {
    /// Output size and padding before, per TFLite's SAME/VALID rules.
    fn out(&self, ih: usize, iw: usize) -> Option<(usize, usize, usize, usize)> {
        let dim = |i: usize, k: usize, s: usize| -> Option<(usize, usize)> {
            if self.same {
                let o = i.div_ceil(s);
                let total = ((o - 1) * s + k).saturating_sub(i);
                Some((o, total / 2))
            } else if i >= k {
                Some(((i - k) / s + 1, 0))
            } else {
                None
            }
        };
        let (oh, ph) = dim(ih, self.kh, self.sh)?;
        let (ow, pw) = dim(iw, self.kw, self.sw)?;
        Some((oh, ow, ph, pw))
    }
}

#[derive(Debug)]
enum Op {
    /// Weights as `[kh][kw][cin][cout]`.
    Conv {
        win: Window,
        cin: usize,
        cout: usize,
        act: Act,
        w: Vec<f32>,
        b: Vec<f32>,
    },
    /// Weights as `[kh][kw][c]`.
    Depthwise {
        win: Window,
        c: usize,
        act: Act,
        w: Vec<f32>,
        b: Vec<f32>,
    },
    Add {
        act: Act,
    },
    Relu,
    Prelu {
        alpha: Vec<f32>,
    },
    /// Zero padding: top, bottom, left, right, channels before, after.
    Pad {
        p: [usize; 6],
    },
    MaxPool {
        win: Window,
    },
    Reshape {
        dims: [usize; 3],
    },
    Concat {
        axis: usize,
    },
}

#[derive(Debug)]
struct Node {
    op: Op,
    ins: Vec<usize>,
    out: usize,
}

/// A loaded graph, ready to run on one input tensor.
#[derive(Debug)]
pub struct Model {
    slots: usize,
    input: usize,
    outputs: Vec<usize>,
    nodes: Vec<Node>,
    /// For each node, the slots whose last reader it is (freed after it runs).
    frees: Vec<Vec<usize>>,
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self
            .b
            .get(self.at..self.at + 4)
            .ok_or(ModelError::Truncated)?;
        self.at += 4;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn usize(&mut self) -> Result<usize, ModelError> {
        Ok(self.u32()? as usize)
    }
    fn f16s(&mut self) -> Result<Vec<f32>, ModelError> {
        let n = self.usize()?;
        let s = self
            .b
            .get(self.at..self.at + 2 * n)
            .ok_or(ModelError::Truncated)?;
        self.at += 2 * n;
        Ok(s.chunks_exact(2)
            .map(|c| f16_to_f32(u16::from_le_bytes([c[0], c[1]])))
            .collect())
    }
}

/// IEEE half to single precision (exact).
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h >> 15) as u32) << 31;
    let exp = ((h >> 10) & 0x1f) as u32;
    let man = (h & 0x3ff) as u32;
    let bits = match (exp, man) {
        (0, 0) => sign,
        (0, m) => {
            // Subnormal: normalise.
            let mut e = 127 - 15 + 1;
            let mut m = m;
            while m & 0x400 == 0 {
                m <<= 1;
                e -= 1;
            }
            sign | ((e as u32) << 23) | ((m & 0x3ff) << 13)
        }
        (0x1f, m) => sign | 0x7f80_0000 | (m << 13),
        (e, m) => sign | ((e + 127 - 15) << 23) | (m << 13),
    };
    f32::from_bits(bits)
}

fn act(code: i32, i: usize) -> Result<Act, ModelError> {
    match code {
        0 => Ok(Act::None),
        1 => Ok(Act::Relu),
        3 => Ok(Act::Relu6),
        _ => Err(ModelError::Malformed(i)),
    }
}

impl Model {
    /// Reads a converted model (`PFNN` version 1).
    pub fn from_bytes(b: &[u8]) -> Result<Self, ModelError> {
        if b.get(..4) != Some(b"PFNN") {
            return Err(ModelError::BadHeader);
        }
        let mut r = Reader { b, at: 4 };
        if r.u32()? != 1 {
            return Err(ModelError::BadHeader);
        }
        let slots = r.usize()?;
        let input = r.usize()?;
        let n_out = r.usize()?;
        let outputs = (0..n_out)
            .map(|_| r.usize())
            .collect::<Result<Vec<_>, _>>()?;
        let n_ops = r.usize()?;
        let mut nodes = Vec::with_capacity(n_ops.min(4096));
        for i in 0..n_ops {
            let kind = r.u32()?;
            let n_in = r.usize()?;
            if n_in > 16 {
                return Err(ModelError::Malformed(i));
            }
            let ins = (0..n_in)
                .map(|_| r.usize())
                .collect::<Result<Vec<_>, _>>()?;
            let out = r.usize()?;
            let n_par = r.usize()?;
            if n_par > 16 {
                return Err(ModelError::Malformed(i));
            }
            let p = (0..n_par)
                .map(|_| r.u32().map(|v| v as i32))
                .collect::<Result<Vec<_>, _>>()?;
            let n_arr = r.usize()?;
            if n_arr > 4 {
                return Err(ModelError::Malformed(i));
            }
            let arrays = (0..n_arr)
                .map(|_| r.f16s())
                .collect::<Result<Vec<_>, _>>()?;
            let bad = || ModelError::Malformed(i);
            let need = |np: usize, na: usize, ni: usize| {
                if p.len() == np
                    && arrays.len() == na
                    && ins.len() == ni
                    && p.iter().all(|v| *v >= 0)
                {
                    Ok(())
                } else {
                    Err(ModelError::Malformed(i))
                }
            };
            let u = |k: usize| p[k] as usize;
            let op = match kind {
                0 => {
                    need(8, 2, 1)?;
                    let (kh, kw, cin, cout) = (u(0), u(1), u(2), u(3));
                    let win = Window {
                        kh,
                        kw,
                        sh: u(4).max(1),
                        sw: u(5).max(1),
                        same: p[6] == 1,
                    };
                    let src = &arrays[0];
                    if src.len() != cout * kh * kw * cin || arrays[1].len() != cout {
                        return Err(bad());
                    }
                    // OHWI → HWIO, so the inner loop runs over output channels.
                    let mut w = vec![0.0; src.len()];
                    for o in 0..cout {
                        for y in 0..kh {
                            for x in 0..kw {
                                for c in 0..cin {
                                    w[((y * kw + x) * cin + c) * cout + o] =
                                        src[((o * kh + y) * kw + x) * cin + c];
                                }
                            }
                        }
                    }
                    Op::Conv {
                        win,
                        cin,
                        cout,
                        act: act(p[7], i)?,
                        w,
                        b: arrays[1].clone(),
                    }
                }
                1 => {
                    need(7, 2, 1)?;
                    let (kh, kw, c) = (u(0), u(1), u(2));
                    let win = Window {
                        kh,
                        kw,
                        sh: u(3).max(1),
                        sw: u(4).max(1),
                        same: p[5] == 1,
                    };
                    if arrays[0].len() != kh * kw * c || arrays[1].len() != c {
                        return Err(bad());
                    }
                    Op::Depthwise {
                        win,
                        c,
                        act: act(p[6], i)?,
                        w: arrays[0].clone(),
                        b: arrays[1].clone(),
                    }
                }
                2 => {
                    need(1, 0, 2)?;
                    Op::Add { act: act(p[0], i)? }
                }
                3 => {
                    need(0, 0, 1)?;
                    Op::Relu
                }
                4 => {
                    need(0, 1, 1)?;
                    Op::Prelu {
                        alpha: arrays[0].clone(),
                    }
                }
                5 => {
                    need(6, 0, 1)?;
                    Op::Pad {
                        p: [u(0), u(1), u(2), u(3), u(4), u(5)],
                    }
                }
                6 => {
                    need(5, 0, 1)?;
                    Op::MaxPool {
                        win: Window {
                            kh: u(0),
                            kw: u(1),
                            sh: u(2).max(1),
                            sw: u(3).max(1),
                            same: p[4] == 1,
                        },
                    }
                }
                7 => {
                    need(3, 0, 1)?;
                    Op::Reshape {
                        dims: [u(0), u(1), u(2)],
                    }
                }
                8 => {
                    if p.len() != 1 || !(0..3).contains(&p[0]) || ins.is_empty() {
                        return Err(bad());
                    }
                    Op::Concat { axis: u(0) }
                }
                k => return Err(ModelError::UnknownOp(k)),
            };
            if out >= slots || ins.iter().any(|s| *s >= slots) {
                return Err(bad());
            }
            nodes.push(Node { op, ins, out });
        }
        if input >= slots || outputs.iter().any(|s| *s >= slots) {
            return Err(ModelError::Malformed(n_ops));
        }
        let mut last = vec![None; slots];
        for (i, n) in nodes.iter().enumerate() {
            for s in &n.ins {
                last[*s] = Some(i);
            }
        }
        let mut frees = vec![Vec::new(); nodes.len()];
        for (s, l) in last.iter().enumerate() {
            if let Some(l) = l {
                if !outputs.contains(&s) {
                    frees[*l].push(s);
                }
            }
        }
        Ok(Self {
            slots,
            input,
            outputs,
            nodes,
            frees,
        })
    }

    /// Runs the graph; returns the outputs in the model's order.
    pub fn run(&self, input: Tensor) -> Result<Vec<Tensor>, ModelError> {
        let mut vals: Vec<Option<Tensor>> = vec![None; self.slots];
        vals[self.input] = Some(input);
        for (i, n) in self.nodes.iter().enumerate() {
            let get = |k: usize| vals[n.ins[k]].as_ref().ok_or(ModelError::Malformed(i));
            let out = match &n.op {
                Op::Conv {
                    win,
                    cin,
                    cout,
                    act,
                    w,
                    b,
                } => conv(get(0)?, *win, *cin, *cout, *act, w, b).ok_or(ModelError::Shape(i))?,
                Op::Depthwise { win, c, act, w, b } => {
                    depthwise(get(0)?, *win, *c, *act, w, b).ok_or(ModelError::Shape(i))?
                }
                Op::Add { act } => {
                    let (a, b) = (get(0)?, get(1)?);
                    if (a.h, a.w, a.c) != (b.h, b.w, b.c) {
                        return Err(ModelError::Shape(i));
                    }
                    let data = a
                        .data
                        .iter()
                        .zip(&b.data)
                        .map(|(x, y)| apply(*act, x + y))
                        .collect();
                    Tensor::new(a.h, a.w, a.c, data)
                }
                Op::Relu => {
                    let a = get(0)?;
                    Tensor::new(a.h, a.w, a.c, a.data.iter().map(|x| x.max(0.0)).collect())
                }
                Op::Prelu { alpha } => {
                    let a = get(0)?;
                    if alpha.len() != a.c {
                        return Err(ModelError::Shape(i));
                    }
                    let mut t = a.clone();
                    for px in t.data.chunks_exact_mut(a.c) {
                        for (v, al) in px.iter_mut().zip(alpha) {
                            if *v < 0.0 {
                                *v *= al;
                            }
                        }
                    }
                    t
                }
                Op::Pad { p } => pad(get(0)?, *p),
                Op::MaxPool { win } => maxpool(get(0)?, *win).ok_or(ModelError::Shape(i))?,
                Op::Reshape { dims } => {
                    let a = get(0)?;
                    if dims[0] * dims[1] * dims[2] != a.data.len() {
                        return Err(ModelError::Shape(i));
                    }
                    Tensor::new(dims[0], dims[1], dims[2], a.data.clone())
                }
                Op::Concat { axis } => {
                    let parts = (0..n.ins.len()).map(get).collect::<Result<Vec<_>, _>>()?;
                    concat(&parts, *axis).ok_or(ModelError::Shape(i))?
                }
            };
            vals[n.out] = Some(out);
            for s in &self.frees[i] {
                vals[*s] = None;
            }
        }
        self.outputs
            .iter()
            .map(|s| {
                vals[*s]
                    .take()
                    .ok_or(ModelError::Malformed(self.nodes.len()))
            })
            .collect()
    }
}

#[inline]
fn apply(a: Act, v: f32) -> f32 {
    match a {
        Act::None => v,
        Act::Relu => v.max(0.0),
        Act::Relu6 => v.clamp(0.0, 6.0),
    }
}

fn conv(
    x: &Tensor,
    win: Window,
    cin: usize,
    cout: usize,
    a: Act,
    w: &[f32],
    b: &[f32],
) -> Option<Tensor> {
    if x.c != cin {
        return None;
    }
    let (oh, ow, ph, pw) = win.out(x.h, x.w)?;
    let mut out = Tensor::zeros(oh, ow, cout);
    for oy in 0..oh {
        for ox in 0..ow {
            let acc = &mut out.data[(oy * ow + ox) * cout..][..cout];
            acc.copy_from_slice(b);
            for ky in 0..win.kh {
                let iy = (oy * win.sh + ky) as isize - ph as isize;
                if iy < 0 || iy >= x.h as isize {
                    continue;
                }
                for kx in 0..win.kw {
                    let ix = (ox * win.sw + kx) as isize - pw as isize;
                    if ix < 0 || ix >= x.w as isize {
                        continue;
                    }
                    let px = &x.data[(iy as usize * x.w + ix as usize) * cin..][..cin];
                    let wk = &w[(ky * win.kw + kx) * cin * cout..][..cin * cout];
                    for (v, wrow) in px.iter().zip(wk.chunks_exact(cout)) {
                        for (o, wv) in acc.iter_mut().zip(wrow) {
                            *o += v * wv;
                        }
                    }
                }
            }
            for o in acc.iter_mut() {
                *o = apply(a, *o);
            }
        }
    }
    Some(out)
}

fn depthwise(x: &Tensor, win: Window, c: usize, a: Act, w: &[f32], b: &[f32]) -> Option<Tensor> {
    if x.c != c {
        return None;
    }
    let (oh, ow, ph, pw) = win.out(x.h, x.w)?;
    let mut out = Tensor::zeros(oh, ow, c);
    for oy in 0..oh {
        for ox in 0..ow {
            let acc = &mut out.data[(oy * ow + ox) * c..][..c];
            acc.copy_from_slice(b);
            for ky in 0..win.kh {
                let iy = (oy * win.sh + ky) as isize - ph as isize;
                if iy < 0 || iy >= x.h as isize {
                    continue;
                }
                for kx in 0..win.kw {
                    let ix = (ox * win.sw + kx) as isize - pw as isize;
                    if ix < 0 || ix >= x.w as isize {
                        continue;
                    }
                    let px = &x.data[(iy as usize * x.w + ix as usize) * c..][..c];
                    let wk = &w[(ky * win.kw + kx) * c..][..c];
                    for ((o, v), wv) in acc.iter_mut().zip(px).zip(wk) {
                        *o += v * wv;
                    }
                }
            }
            for o in acc.iter_mut() {
                *o = apply(a, *o);
            }
        }
    }
    Some(out)
}

fn maxpool(x: &Tensor, win: Window) -> Option<Tensor> {
    let (oh, ow, ph, pw) = win.out(x.h, x.w)?;
    let c = x.c;
    let mut out = Tensor::new(oh, ow, c, vec![f32::NEG_INFINITY; oh * ow * c]);
    for oy in 0..oh {
        for ox in 0..ow {
            let acc = &mut out.data[(oy * ow + ox) * c..][..c];
            for ky in 0..win.kh {
                let iy = (oy * win.sh + ky) as isize - ph as isize;
                if iy < 0 || iy >= x.h as isize {
                    continue;
                }
                for kx in 0..win.kw {
                    let ix = (ox * win.sw + kx) as isize - pw as isize;
                    if ix < 0 || ix >= x.w as isize {
                        continue;
                    }
                    let px = &x.data[(iy as usize * x.w + ix as usize) * c..][..c];
                    for (o, v) in acc.iter_mut().zip(px) {
                        *o = o.max(*v);
                    }
                }
            }
        }
    }
    Some(out)
}

fn pad(x: &Tensor, p: [usize; 6]) -> Tensor {
    let (h, w, c) = (x.h + p[0] + p[1], x.w + p[2] + p[3], x.c + p[4] + p[5]);
    let mut out = Tensor::zeros(h, w, c);
    for y in 0..x.h {
        for xx in 0..x.w {
            let src = &x.data[(y * x.w + xx) * x.c..][..x.c];
            let dst = ((y + p[0]) * w + xx + p[2]) * c + p[4];
            out.data[dst..dst + x.c].copy_from_slice(src);
        }
    }
    out
}

fn concat(parts: &[&Tensor], axis: usize) -> Option<Tensor> {
    let dims = |t: &Tensor| [t.h, t.w, t.c];
    let first = dims(parts[0]);
    let mut total = 0;
    for t in parts {
        let d = dims(t);
        for k in 0..3 {
            if k != axis && d[k] != first[k] {
                return None;
            }
        }
        total += d[axis];
    }
    let outer: usize = first[..axis].iter().product();
    let mut od = first;
    od[axis] = total;
    let mut data = Vec::with_capacity(od.iter().product());
    for o in 0..outer {
        for t in parts {
            let d = dims(t);
            let inner: usize = d[axis..].iter().product();
            data.extend_from_slice(&t.data[o * inner..(o + 1) * inner]);
        }
    }
    Some(Tensor::new(od[0], od[1], od[2], data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats_convert_exactly() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x0001), 5.960_464_5e-8);
        assert_eq!(f16_to_f32(0x7bff), 65504.0);
        assert!(f16_to_f32(0x7c00).is_infinite());
    }

    #[test]
    fn same_padding_follows_tflite() {
        let w = Window {
            kh: 3,
            kw: 3,
            sh: 2,
            sw: 2,
            same: true,
        };
        assert_eq!(w.out(64, 64), Some((32, 32, 0, 0)));
        let w = Window {
            kh: 5,
            kw: 5,
            sh: 2,
            sw: 2,
            same: true,
        };
        assert_eq!(w.out(128, 128), Some((64, 64, 1, 1)));
    }

    #[test]
    fn bad_files_are_typed_errors() {
        assert_eq!(
            Model::from_bytes(b"nope").unwrap_err(),
            ModelError::BadHeader
        );
        assert_eq!(
            Model::from_bytes(b"PFNN\x01\0\0\0\x02").unwrap_err(),
            ModelError::Truncated
        );
    }

    #[test]
    fn concat_along_width() {
        let a = Tensor::new(1, 2, 1, vec![1.0, 2.0]);
        let b = Tensor::new(1, 1, 1, vec![3.0]);
        assert_eq!(concat(&[&a, &b], 1).unwrap().data, vec![1.0, 2.0, 3.0]);
    }
}
