//! A reader of YUV4MPEG2 (`.y4m`, 4:2:0) videos, the format Chromium's fake camera plays
//! and the calibration command reads; frames come out as RGB.

use crate::image::Frame;

/// Why a y4m file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Y4mError {
    #[error("not a YUV4MPEG2 stream")]
    Header,
    #[error("only 4:2:0 colour is read")]
    Colour,
    #[error("the stream is truncated")]
    Truncated,
}

/// All frames of a y4m stream, with the frame rate (frames a second).
pub fn read(bytes: &[u8]) -> Result<(Vec<Frame>, f32), Y4mError> {
    let nl = bytes
        .iter()
        .position(|b| *b == b'\n')
        .ok_or(Y4mError::Header)?;
    let header = std::str::from_utf8(&bytes[..nl]).map_err(|_| Y4mError::Header)?;
    let mut fields = header.split(' ');
    if fields.next() != Some("YUV4MPEG2") {
        return Err(Y4mError::Header);
    }
    let (mut w, mut h, mut fps) = (0usize, 0usize, 30.0f32);
    for f in fields {
        let (k, v) = f.split_at(1.min(f.len()));
        match k {
            "W" => w = v.parse().map_err(|_| Y4mError::Header)?,
            "H" => h = v.parse().map_err(|_| Y4mError::Header)?,
            "F" => {
                if let Some((n, d)) = v.split_once(':') {
                    let (n, d): (f32, f32) = (n.parse().unwrap_or(30.0), d.parse().unwrap_or(1.0));
                    if d > 0.0 {
                        fps = n / d;
                    }
                }
            }
            "C" if !v.starts_with("420") => return Err(Y4mError::Colour),
            _ => {}
        }
    }
    if w == 0 || h == 0 {
        return Err(Y4mError::Header);
    }
    let (cw, ch) = (w.div_ceil(2), h.div_ceil(2));
    let size = w * h + 2 * cw * ch;
    let mut at = nl + 1;
    let mut frames = Vec::new();
    while at < bytes.len() {
        let nl = bytes[at..]
            .iter()
            .position(|b| *b == b'\n')
            .ok_or(Y4mError::Truncated)?;
        if !bytes[at..].starts_with(b"FRAME") {
            return Err(Y4mError::Header);
        }
        at += nl + 1;
        let data = bytes.get(at..at + size).ok_or(Y4mError::Truncated)?;
        at += size;
        let (y, rest) = data.split_at(w * h);
        let (u, v) = rest.split_at(cw * ch);
        let mut rgb = Vec::with_capacity(w * h * 3);
        for row in 0..h {
            for col in 0..w {
                let yy = y[row * w + col] as f32 - 16.0;
                let ci = (row / 2) * cw + col / 2;
                let (uu, vv) = (u[ci] as f32 - 128.0, v[ci] as f32 - 128.0);
                let px = [
                    1.164 * yy + 1.596 * vv,
                    1.164 * yy - 0.392 * uu - 0.813 * vv,
                    1.164 * yy + 2.017 * uu,
                ];
                rgb.extend(px.map(|c| c.round().clamp(0.0, 255.0) as u8));
            }
        }
        frames.push(Frame::new(w, h, rgb).ok_or(Y4mError::Truncated)?);
    }
    Ok((frames, fps))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_grey_frame() {
        let mut b = b"YUV4MPEG2 W2 H2 F25:1 C420jpeg\nFRAME\n".to_vec();
        b.extend([126, 126, 126, 126, 128, 128]);
        let (frames, fps) = read(&b).unwrap();
        assert_eq!(fps, 25.0);
        assert_eq!(frames.len(), 1);
        assert!(frames[0].rgb.iter().all(|v| (*v as i32 - 128).abs() <= 1));
        assert_eq!(read(&b[..b.len() - 1]).unwrap_err(), Y4mError::Truncated);
        assert_eq!(read(b"MPEG").unwrap_err(), Y4mError::Header);
    }
}
