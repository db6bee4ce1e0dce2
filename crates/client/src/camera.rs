//! The camera: the front one for the face ([`start`]), the rear one preferred for a document
//! ([`start_rear`]); start it into a `<video>`, grab one frame as base64 JPEG, stop it.
//!
//! Sizing and data-URL handling are plain functions tested natively; the rest needs a browser.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlVideoElement, MediaStream, MediaStreamTrack};

/// The largest frame sent: enough for a face check, small on a slow network.
pub const MAX_WIDTH: u32 = 640;
pub const MAX_HEIGHT: u32 = 480;
pub const JPEG_QUALITY: f64 = 0.85;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CameraError {
    /// The voter or the browser refused permission.
    Denied,
    /// No camera, no `mediaDevices` (insecure context, old browser), or it is in use.
    Unavailable,
    /// The video has no picture yet.
    NotReady,
}

/// Asks for the front camera and shows it in `video`.
pub async fn start(video: &HtmlVideoElement) -> Result<MediaStream, CameraError> {
    start_facing(video, &JsValue::from_str("user")).await
}

/// Asks for the rear camera (`facingMode: {ideal: "environment"}`: a laptop's only camera
/// still does) and shows it in `video`.
pub async fn start_rear(video: &HtmlVideoElement) -> Result<MediaStream, CameraError> {
    let ideal = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &ideal,
        &JsValue::from_str("ideal"),
        &JsValue::from_str("environment"),
    );
    start_facing(video, &ideal).await
}

async fn start_facing(
    video: &HtmlVideoElement,
    facing: &JsValue,
) -> Result<MediaStream, CameraError> {
    let devices = web_sys::window()
        .ok_or(CameraError::Unavailable)?
        .navigator()
        .media_devices()
        .map_err(|_| CameraError::Unavailable)?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video_constraints = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&video_constraints, &JsValue::from_str("facingMode"), facing);
    constraints.set_video(&video_constraints);
    constraints.set_audio(&JsValue::FALSE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| CameraError::Unavailable)?;
    let stream = JsFuture::from(promise).await.map_err(|e| {
        let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        classify_error(&name)
    })?;
    let stream: MediaStream = stream.dyn_into().map_err(|_| CameraError::Unavailable)?;
    video.set_muted(true);
    video.set_src_object(Some(&stream));
    if let Ok(p) = video.play() {
        let _ = JsFuture::from(p).await;
    }
    Ok(stream)
}

/// What a `getUserMedia` rejection (`DOMException.name`) means for the voter.
pub fn classify_error(name: &str) -> CameraError {
    match name {
        "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => CameraError::Denied,
        _ => CameraError::Unavailable,
    }
}

/// Stops every track, so the camera light goes off.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// A burst frame's largest size and JPEG quality (20-40 KB a frame).
pub const BURST_WIDTH: u32 = 480;
pub const BURST_HEIGHT: u32 = 360;
pub const BURST_QUALITY: f64 = 0.8;

/// Draws the current video frame on a canvas and returns it as base64 JPEG (no data-URL prefix).
pub fn capture_jpeg_base64(video: &HtmlVideoElement) -> Result<String, CameraError> {
    capture_within(video, MAX_WIDTH, MAX_HEIGHT, JPEG_QUALITY)
}

/// One frame of a liveness burst: smaller, so a burst of ~50 stays a few megabytes.
pub fn capture_burst_frame(video: &HtmlVideoElement) -> Result<String, CameraError> {
    capture_within(video, BURST_WIDTH, BURST_HEIGHT, BURST_QUALITY)
}

/// Waits `ms` milliseconds (a `setTimeout` as a future).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds since the epoch (the burst's clock).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn capture_within(
    video: &HtmlVideoElement,
    max_w: u32,
    max_h: u32,
    quality: f64,
) -> Result<String, CameraError> {
    let (canvas, _, _, _) = draw_within(video, max_w, max_h)?;
    jpeg_of(&canvas, quality)
}

/// A burst frame as base64 JPEG (for the server) and its RGBA pixels, `width × height × 4`
/// bytes in an `ArrayBuffer` that can be transferred to the face worker.
pub fn capture_burst_frame_with_pixels(
    video: &HtmlVideoElement,
) -> Result<(String, u32, u32, js_sys::ArrayBuffer), CameraError> {
    let (canvas, ctx, w, h) = draw_within(video, BURST_WIDTH, BURST_HEIGHT)?;
    let jpeg = jpeg_of(&canvas, BURST_QUALITY)?;
    // getImageData through Reflect: the shared web-sys feature set has no `ImageData`.
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k));
    let f: js_sys::Function = get(&ctx, "getImageData")
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(CameraError::Unavailable)?;
    let args = js_sys::Array::of4(
        &JsValue::from(0),
        &JsValue::from(0),
        &JsValue::from(w),
        &JsValue::from(h),
    );
    let buffer = f
        .apply(&ctx, &args)
        .and_then(|img| get(&img, "data"))
        .and_then(|data| get(&data, "buffer"))
        .ok()
        .and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok())
        .ok_or(CameraError::NotReady)?;
    Ok((jpeg, w, h, buffer))
}

type Drawn = (
    web_sys::HtmlCanvasElement,
    web_sys::CanvasRenderingContext2d,
    u32,
    u32,
);

/// The current video frame drawn on a new canvas, scaled to fit `max_w × max_h`.
fn draw_within(video: &HtmlVideoElement, max_w: u32, max_h: u32) -> Result<Drawn, CameraError> {
    let (w, h) = fit_within(video.video_width(), video.video_height(), max_w, max_h)
        .ok_or(CameraError::NotReady)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(CameraError::Unavailable)?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(CameraError::Unavailable)?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(CameraError::Unavailable)?;
    ctx.draw_image_with_html_video_element_and_dw_and_dh(
        video,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )
    .map_err(|_| CameraError::NotReady)?;
    Ok((canvas, ctx, w, h))
}

fn jpeg_of(canvas: &web_sys::HtmlCanvasElement, quality: f64) -> Result<String, CameraError> {
    let url = canvas
        .to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(quality))
        .map_err(|_| CameraError::Unavailable)?;
    strip_jpeg_data_url(&url)
        .map(str::to_owned)
        .ok_or(CameraError::NotReady)
}

/// The base64 part of a `data:image/jpeg;base64,...` URL (a browser without JPEG encoding
/// gives PNG: refused, the server wants JPEG).
pub fn strip_jpeg_data_url(url: &str) -> Option<&str> {
    url.strip_prefix("data:image/jpeg;base64,")
        .filter(|b| !b.is_empty())
}

/// The size of a `w`x`h` frame scaled down (never up) to fit `max_w`x`max_h`, keeping its
/// shape; `None` while the video has no size yet.
pub fn fit_within(w: u32, h: u32, max_w: u32, max_h: u32) -> Option<(u32, u32)> {
    if w == 0 || h == 0 {
        return None;
    }
    let scale = (f64::from(max_w) / f64::from(w))
        .min(f64::from(max_h) / f64::from(h))
        .min(1.0);
    let sw = ((f64::from(w) * scale).round() as u32).max(1);
    let sh = ((f64::from(h) * scale).round() as u32).max(1);
    Some((sw, sh))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_shrink_to_fit_and_keep_their_shape() {
        for (input, expected, why) in [
            ((1280, 720), Some((640, 360)), "HD landscape"),
            ((720, 1280), Some((270, 480)), "HD portrait (phone)"),
            ((640, 480), Some((640, 480)), "already fits"),
            ((320, 240), Some((320, 240)), "never scaled up"),
            ((0, 0), None, "video not ready"),
        ] {
            assert_eq!(fit_within(input.0, input.1, 640, 480), expected, "{why}");
        }
    }

    #[test]
    fn only_jpeg_data_urls_are_sent() {
        assert_eq!(
            strip_jpeg_data_url("data:image/jpeg;base64,/9j/4AAQ"),
            Some("/9j/4AAQ")
        );
        assert_eq!(strip_jpeg_data_url("data:image/png;base64,iVBOR"), None);
        assert_eq!(strip_jpeg_data_url("data:image/jpeg;base64,"), None);
        assert_eq!(strip_jpeg_data_url("data:,"), None);
    }

    #[test]
    fn permission_errors_are_told_apart() {
        assert_eq!(classify_error("NotAllowedError"), CameraError::Denied);
        assert_eq!(classify_error("NotFoundError"), CameraError::Unavailable);
        assert_eq!(classify_error("NotReadableError"), CameraError::Unavailable);
    }
}
