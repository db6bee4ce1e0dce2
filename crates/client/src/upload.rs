//! Document uploads (`POST /api/upload/{kind}`): a picture from the camera or a file the
//! voter chose, checked for type and size, images downsized on a canvas before they are
//! sent, and the upload itself with its progress (an `XMLHttpRequest`: `fetch` tells no
//! upload progress).
//!
//! The checks and the sizing are plain functions tested natively; the rest needs a browser.
//! The server checks again, by content: nothing here is trusted.

use crate::api::{self, ApiFailure};
use crate::camera;
use per_domain::api::UploadAccepted;
use per_domain::{Problem, UploadKind};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, HtmlCanvasElement, HtmlVideoElement, XmlHttpRequest};

/// The longest side of an image sent: every letter of a document stays readable, and a
/// phone photo of 4,000 px becomes a few hundred kilobytes.
pub const MAX_SIDE: u32 = 2000;
pub const JPEG_QUALITY: f64 = 0.88;

/// What a chosen file is, by its declared type (the server checks the content).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// JPEG or PNG: downsized and sent as JPEG.
    Image,
    /// Sent as it is.
    Pdf,
}

/// The file's kind if PER accepts it, else the problem to show.
pub fn check_file(mime: &str, name: &str, bytes: f64) -> Result<FileKind, Problem> {
    let lower = name.to_ascii_lowercase();
    let kind = match mime {
        "image/jpeg" | "image/png" => FileKind::Image,
        "application/pdf" => FileKind::Pdf,
        // Some phones give no type: the name's extension decides, the server checks.
        "" if lower.ends_with(".pdf") => FileKind::Pdf,
        "" if [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e)) => FileKind::Image,
        _ => return Err(Problem::UploadTypeUnsupported),
    };
    // An image is downsized first; a PDF goes as it is, so it must fit already.
    if kind == FileKind::Pdf && bytes > UploadKind::MAX_BYTES as f64 {
        return Err(Problem::UploadTooLarge);
    }
    Ok(kind)
}

/// The upload's progress in percent, from the bytes sent of the total.
pub fn percent(sent: f64, total: f64) -> u32 {
    if total <= 0.0 {
        0
    } else {
        ((sent / total) * 100.0).clamp(0.0, 100.0).round() as u32
    }
}

fn canvas_of(w: u32, h: u32) -> Option<(HtmlCanvasElement, web_sys::CanvasRenderingContext2d)> {
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    Some((canvas, ctx))
}

async fn to_jpeg(canvas: &HtmlCanvasElement) -> Option<Blob> {
    let slot: Rc<RefCell<Option<Blob>>> = Rc::new(RefCell::new(None));
    let promise = {
        let slot = slot.clone();
        let canvas = canvas.clone();
        js_sys::Promise::new(&mut move |resolve, _reject| {
            let slot = slot.clone();
            let done = Closure::once_into_js(move |blob: JsValue| {
                *slot.borrow_mut() = blob.dyn_into::<Blob>().ok();
                let _ = resolve.call0(&JsValue::NULL);
            });
            let _ = canvas.to_blob_with_type_and_encoder_options(
                done.unchecked_ref(),
                "image/jpeg",
                &JsValue::from_f64(JPEG_QUALITY),
            );
        })
    };
    JsFuture::from(promise).await.ok()?;
    let blob = slot.borrow_mut().take();
    blob
}

/// An image file (JPEG or PNG) as a JPEG of at most [`MAX_SIDE`] pixels a side.
pub async fn downsize(file: &Blob) -> Option<Blob> {
    let window = web_sys::window()?;
    let bitmap = JsFuture::from(window.create_image_bitmap_with_blob(file).ok()?)
        .await
        .ok()?
        .dyn_into::<web_sys::ImageBitmap>()
        .ok()?;
    let (w, h) = camera::fit_within(bitmap.width(), bitmap.height(), MAX_SIDE, MAX_SIDE)?;
    let (canvas, ctx) = canvas_of(w, h)?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?;
    bitmap.close();
    to_jpeg(&canvas).await
}

/// The camera's current picture as a JPEG of at most [`MAX_SIDE`] pixels a side.
pub async fn capture(video: &HtmlVideoElement) -> Option<Blob> {
    let (w, h) = camera::fit_within(
        video.video_width(),
        video.video_height(),
        MAX_SIDE,
        MAX_SIDE,
    )?;
    let (canvas, ctx) = canvas_of(w, h)?;
    ctx.draw_image_with_html_video_element_and_dw_and_dh(
        video,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )
    .ok()?;
    to_jpeg(&canvas).await
}

/// Sends `body` as the upload of `kind`, calling `progress` with the percent sent.
pub async fn send(
    kind: UploadKind,
    body: &Blob,
    progress: impl Fn(u32) + 'static,
) -> Result<UploadAccepted, ApiFailure> {
    let xhr = XmlHttpRequest::new().map_err(|_| ApiFailure::Network)?;
    let url = ["/api/upload/", kind.code()].concat();
    xhr.open("POST", &url).map_err(|_| ApiFailure::Network)?;
    let _ = xhr.set_request_header("Accept", "application/json");
    let mime = body.type_();
    if !mime.is_empty() {
        let _ = xhr.set_request_header("Content-Type", &mime);
    }
    let on_progress =
        Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() {
                progress(percent(e.loaded(), e.total()));
            }
        });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    let finished = {
        let xhr = xhr.clone();
        js_sys::Promise::new(&mut move |resolve, reject| {
            xhr.set_onload(Some(&resolve));
            xhr.set_onerror(Some(&reject));
            xhr.set_onabort(Some(&reject));
            xhr.set_ontimeout(Some(&reject));
        })
    };
    xhr.send_with_opt_blob(Some(body))
        .map_err(|_| ApiFailure::Network)?;
    let result = JsFuture::from(finished).await;
    drop(on_progress);
    result.map_err(|_| ApiFailure::Network)?;
    let status = xhr.status().map_err(|_| ApiFailure::Network)?;
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    api::answered(status, &text);
    api::decode(status, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_jpeg_png_and_pdf_are_taken() {
        for (mime, name, bytes, expected, why) in [
            (
                "image/jpeg",
                "a.jpg",
                9e6,
                Ok(FileKind::Image),
                "a big photo is downsized",
            ),
            ("image/png", "scan.png", 1e6, Ok(FileKind::Image), "PNG"),
            ("application/pdf", "bill.pdf", 4e6, Ok(FileKind::Pdf), "PDF"),
            (
                "application/pdf",
                "bill.pdf",
                6e6,
                Err(Problem::UploadTooLarge),
                "6 MB PDF",
            ),
            ("", "BILL.PDF", 1e6, Ok(FileKind::Pdf), "no type, by name"),
            (
                "image/heic",
                "a.heic",
                1e6,
                Err(Problem::UploadTypeUnsupported),
                "HEIC",
            ),
            (
                "image/gif",
                "a.gif",
                1e3,
                Err(Problem::UploadTypeUnsupported),
                "GIF",
            ),
            (
                "",
                "a.exe",
                1e3,
                Err(Problem::UploadTypeUnsupported),
                "no type, bad name",
            ),
        ] {
            assert_eq!(check_file(mime, name, bytes), expected, "{why}");
        }
    }

    #[test]
    fn progress_is_a_percentage() {
        assert_eq!(percent(0.0, 0.0), 0);
        assert_eq!(percent(50.0, 200.0), 25);
        assert_eq!(percent(300.0, 200.0), 100);
    }
}
