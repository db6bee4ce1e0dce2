//! Uploaded documents (ID card sides, passport page, proof of address): typed by their
//! content, never by name or declared type; images decoded within limits and re-encoded
//! (so no metadata, EXIF GPS included, and nothing appended survives); PDFs checked for
//! their structure and stored as sent; everything sealed to the account.
//!
//! Trailing data after a JPEG's end marker (EOI) is common (phone makers' trailers, motion
//! photos, editors): it is accepted and dropped by the re-encode. What is refused as a
//! polyglot is a file that carries another format's signature ([`FOREIGN`]: PDF, ZIP, PNG,
//! markup) anywhere after its own first bytes, trailer included: an opaque trailer passes,
//! a second file does not. The end is found by walking the JPEG's segments (lengths, then
//! the entropy-coded scans, where a 0xFF byte is always stuffed), so an embedded EXIF
//! thumbnail's own EOI is not mistaken for the end.

use crate::crypto;
use crate::state::AppState;
use crate::store::{AccountId, NewUpload, StoreError};
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits};
use per_domain::api::UploadAccepted;
use per_domain::{Problem, UploadFormat, UploadId, UploadKind};
use std::io::Cursor;

/// Uploads per account, failed ones not counted (they are not stored).
pub const MAX_UPLOADS_PER_ACCOUNT: i64 = 20;
/// Uploads of one account in flight at once in one process (its body being read or
/// checked); the next is refused at once, before its body is read.
pub const MAX_CONCURRENT_UPLOADS: usize = 2;
/// What the refusal says to wait (an upload is read and checked within seconds).
pub const IN_PROGRESS_RETRY_SECONDS: u32 = 2;

/// The uploads in flight per account in this process.
#[derive(Debug, Default)]
pub struct InFlight(std::sync::Mutex<std::collections::HashMap<AccountId, usize>>);

/// One upload's place among its account's [`MAX_CONCURRENT_UPLOADS`]; given back when
/// dropped, however the upload ends (done, refused, the client gone).
#[derive(Debug)]
pub struct UploadSlot {
    in_flight: std::sync::Arc<InFlight>,
    account: AccountId,
}

impl InFlight {
    /// How many of `account`'s uploads are in flight now.
    pub fn of(&self, account: AccountId) -> usize {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.get(&account).copied().unwrap_or(0)
    }

    /// A place for one more upload of `account`, or `None` when it has its two already.
    pub fn take(self: &std::sync::Arc<Self>, account: AccountId) -> Option<UploadSlot> {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let n = map.entry(account).or_insert(0);
        if *n >= MAX_CONCURRENT_UPLOADS {
            return None;
        }
        *n += 1;
        Some(UploadSlot {
            in_flight: std::sync::Arc::clone(self),
            account,
        })
    }
}

impl Drop for UploadSlot {
    fn drop(&mut self) {
        let mut map = self.in_flight.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = map.get_mut(&self.account) {
            *n -= 1;
            if *n == 0 {
                map.remove(&self.account);
            }
        }
    }
}
/// The longer side of an image must have at least this many pixels to be readable.
pub const MIN_LONG_SIDE: u32 = 600;
/// No side may have more (decoding refuses before allocating).
pub const MAX_SIDE: u32 = 10_000;
/// The most memory one decode may allocate.
pub const MAX_DECODE_BYTES: u64 = 200 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("the upload is refused: {0}")]
    Refused(Problem),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// A file that passed the checks, as it will be stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Checked {
    pub format: UploadFormat,
    pub content: Vec<u8>,
    pub size: Option<(u32, u32)>,
}

impl std::fmt::Debug for Checked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Checked({:?}, {} bytes)",
            self.format,
            self.content.len()
        )
    }
}

const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF];
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
const PDF: &[u8] = b"%PDF-";

/// Signatures of other formats that must not hide inside an image or after its end (a
/// polyglot file). A PNG inside a PNG is its own first bytes, skipped by the scan.
const FOREIGN: [&[u8]; 7] = [
    b"%PDF-",
    b"PK\x03\x04",
    PNG,
    b"<script",
    b"<html",
    b"<?xml",
    b"<svg",
];

/// What a PDF must not hold: active content.
const PDF_ACTIVE: [&[u8]; 5] = [
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/EmbeddedFile",
    b"/RichMedia",
];

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Checks a file and gives what to store: the type from the first bytes, images decoded
/// (within [`MAX_SIDE`] and [`MAX_DECODE_BYTES`]) and re-encoded, PDFs by structure.
/// CPU-bound: run it on the blocking pool.
pub fn check(bytes: &[u8]) -> Result<Checked, Problem> {
    if bytes.len() > UploadKind::MAX_BYTES {
        return Err(Problem::UploadTooLarge);
    }
    if bytes.starts_with(PDF) {
        return check_pdf(bytes);
    }
    let format = if bytes.starts_with(JPEG) {
        ImageFormat::Jpeg
    } else if bytes.starts_with(PNG) {
        ImageFormat::Png
    } else {
        return Err(Problem::UploadTypeUnsupported);
    };
    if FOREIGN
        .iter()
        .any(|sig| contains(&bytes[8.min(bytes.len())..], sig))
    {
        return Err(Problem::UploadTypeUnsupported);
    }
    // A whole file has its end marker: a JPEG its EOI (opaque bytes after it dropped), a
    // PNG its IEND chunk last.
    let bytes = match format {
        ImageFormat::Jpeg => &bytes[..jpeg_end(bytes).ok_or(Problem::UploadCorrupt)?],
        _ if bytes.len() >= 12 && &bytes[bytes.len() - 8..bytes.len() - 4] == b"IEND" => bytes,
        _ => return Err(Problem::UploadCorrupt),
    };
    let image = decode(bytes, format)?;
    let (w, h) = (image.width(), image.height());
    if w.max(h) < MIN_LONG_SIDE {
        return Err(Problem::UploadDimensions);
    }
    let mut out = Vec::new();
    let written = match format {
        ImageFormat::Jpeg => {
            let rgb = image.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88).encode_image(&rgb)
        }
        _ => image.write_to(&mut Cursor::new(&mut out), ImageFormat::Png),
    };
    written.map_err(|_| Problem::UploadCorrupt)?;
    Ok(Checked {
        format: if format == ImageFormat::Jpeg {
            UploadFormat::Jpeg
        } else {
            UploadFormat::Png
        },
        content: out,
        size: Some((w, h)),
    })
}

/// Where a JPEG ends: the index just past its EOI marker, found by walking the segments
/// (a marker and its length, then each scan's entropy-coded data up to the next marker that
/// is not a stuffed 0x00 or a restart). `None` when the stream stops before its EOI.
pub fn jpeg_end(bytes: &[u8]) -> Option<usize> {
    let mut pos = 2; // past SOI
    loop {
        if *bytes.get(pos)? != 0xFF {
            return None;
        }
        // Fill bytes: any number of 0xFF before a marker.
        while *bytes.get(pos + 1)? == 0xFF {
            pos += 1;
        }
        let marker = bytes[pos + 1];
        match marker {
            0xD9 => return Some(pos + 2),
            0x01 | 0xD0..=0xD7 => pos += 2,
            0x00 => return None,
            _ => {
                let len = u16::from_be_bytes([*bytes.get(pos + 2)?, *bytes.get(pos + 3)?]);
                if len < 2 {
                    return None;
                }
                pos += 2 + usize::from(len);
                if marker == 0xDA {
                    // Entropy-coded data: 0xFF 0x00 is a stuffed byte, 0xFF 0xD0..D7 a
                    // restart; any other 0xFF starts the next marker.
                    loop {
                        let ff = pos + bytes.get(pos..)?.iter().position(|&b| b == 0xFF)?;
                        match *bytes.get(ff + 1)? {
                            0x00 | 0xD0..=0xD7 => pos = ff + 2,
                            _ => {
                                pos = ff;
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
}

fn decode(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage, Problem> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(problem_of)?;
    let orientation = decoder.orientation().map_err(problem_of)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(problem_of)?;
    // The EXIF orientation goes with the metadata: apply it to the pixels first.
    image.apply_orientation(orientation);
    Ok(image)
}

fn problem_of(e: ImageError) -> Problem {
    match e {
        ImageError::Limits(_) => Problem::UploadDimensions,
        ImageError::Unsupported(_) => Problem::UploadTypeUnsupported,
        _ => Problem::UploadCorrupt,
    }
}

/// A PDF: `%PDF-1.x` or `%PDF-2.0` first, `%%EOF` last (blank lines after it allowed), an
/// object and a cross-reference inside, no active content. It is not decoded.
fn check_pdf(bytes: &[u8]) -> Result<Checked, Problem> {
    let version_ok = bytes.len() > 8
        && (bytes[5..8] == *b"2.0"
            || (bytes[5] == b'1' && bytes[6] == b'.' && bytes[7].is_ascii_digit()));
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let ends_ok = bytes[..end].ends_with(b"%%EOF");
    if !version_ok {
        return Err(Problem::UploadTypeUnsupported);
    }
    if !ends_ok || !contains(bytes, b" obj") || !contains(bytes, b"startxref") {
        return Err(Problem::UploadCorrupt);
    }
    if PDF_ACTIVE.iter().any(|sig| contains(bytes, sig)) {
        return Err(Problem::UploadTypeUnsupported);
    }
    Ok(Checked {
        format: UploadFormat::Pdf,
        content: bytes.to_vec(),
        size: None,
    })
}

/// What a stored upload's content is bound to.
pub fn upload_context(account: AccountId, id: &UploadId) -> String {
    format!("upload/{account}/{}", id.as_str())
}

/// Checks and stores one upload of `kind` for the account.
pub async fn upload(
    state: &AppState,
    account: AccountId,
    kind: UploadKind,
    bytes: Vec<u8>,
) -> Result<UploadAccepted, UploadError> {
    {
        let mut tx = state.store.read().await?;
        if tx.upload_count(account).await? >= MAX_UPLOADS_PER_ACCOUNT {
            return Err(UploadError::Refused(Problem::UploadTooMany));
        }
    }
    let checked = {
        let _slot = state
            .decode_slots
            .acquire()
            .await
            .map_err(anyhow::Error::new)?;
        tokio::task::spawn_blocking(move || check(&bytes))
            .await
            .map_err(anyhow::Error::new)?
            .map_err(UploadError::Refused)?
    };
    let id = crypto::new_upload_id();
    let sealed = state
        .keys
        .seal(&upload_context(account, &id), &checked.content);
    let mut tx = state.store.write().await?;
    // Counted again under the write lock: parallel uploads cannot pass the bound together.
    if tx.upload_count(account).await? >= MAX_UPLOADS_PER_ACCOUNT {
        return Err(UploadError::Refused(Problem::UploadTooMany));
    }
    let (width, height) = checked.size.unzip();
    tx.insert_upload(&NewUpload {
        id: &id,
        account,
        kind,
        format: checked.format,
        bytes: checked.content.len() as i64,
        width: width.map(i64::from),
        height: height.map(i64::from),
        content_sealed: &sealed,
        created_at: state.clock.now(),
    })
    .await?;
    tx.commit().await?;
    Ok(UploadAccepted {
        upload_id: id,
        kind,
        format: checked.format,
        bytes: checked.content.len() as u32,
        width,
        height,
    })
}

/// What is stored of one of the account's uploads (not its content): the app shows it on
/// the check page, also after resuming on another device.
pub async fn describe(
    state: &AppState,
    account: AccountId,
    id: &UploadId,
) -> Result<Option<UploadAccepted>, UploadError> {
    let found = state.store.read().await?.upload(account, id).await?;
    Ok(found.map(|u| UploadAccepted {
        upload_id: u.id,
        kind: u.kind,
        format: u.format,
        bytes: u.bytes as u32,
        width: u.width.map(|w| w as u32),
        height: u.height.map(|h| h as u32),
    }))
}

/// The stored content of an upload (opened), for the review and for tests.
pub async fn content(
    state: &AppState,
    account: AccountId,
    id: &UploadId,
) -> Result<Option<Vec<u8>>, UploadError> {
    let sealed = state
        .store
        .read()
        .await?
        .upload_content(account, id)
        .await?;
    sealed
        .map(|s| {
            state
                .keys
                .open(&upload_context(account, id), &s)
                .map_err(|_| UploadError::Store(StoreError::Corrupt("sealed upload")))
        })
        .transpose()
}
