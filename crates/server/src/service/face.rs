//! The live face capture and its liveness check. The server issues a challenge: a
//! single-use nonce, a minute of life, three of the four steps in a random order, all
//! signed (HMAC) so the client cannot change them. The client sends back the challenge
//! and a burst of timestamped JPEG frames; the server checks the signature, the expiry and
//! that the nonce is unused, then runs `per-face-analysis` on every frame (on a bounded
//! pool: when it is full the answer is 503 with Retry-After) and `verify`s the burst. A
//! pass keeps the most frontal frame, sealed, as the voter's face image (only the latest);
//! a refusal says why and how many tries are left before the assisted route.
//!
//! This deters printed photos and still images on a screen; it does not stop a replayed
//! video, deepfakes, masks or an injected camera feed (see crates/face-analysis/README.md).

use crate::crypto;
use crate::state::AppState;
use crate::store::{AccountId, NewFace, StoreError};
use per_domain::api::{
    AssistedReason, FaceChallenge, LivenessPrompt, LivenessStep, ValidFaceCapture,
};
use per_face_analysis::{verify, Analyser, Frame, Refusal, Step, Thresholds};
use std::path::Path;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// A challenge must be answered within a minute.
pub const CHALLENGE_SECONDS: i64 = 60;
/// Steps a challenge asks for (of the four).
pub const STEPS: usize = 3;
/// Refused bursts before the app offers the assisted route first.
pub const MAX_FAILURES: i64 = 3;
/// What a 503 asks the client to wait.
pub const BUSY_RETRY_SECONDS: u32 = 5;
/// Largest frame side the check decodes.
const MAX_SIDE: u16 = 1280;

#[derive(Debug, thiserror::Error)]
pub enum FaceError {
    #[error("no fresh challenge")]
    NoChallenge,
    #[error("the challenge's signature or steps do not match")]
    BadChallenge,
    #[error("the face check refused the burst: {reason}")]
    Refused {
        reason: &'static str,
        attempts_left: u32,
    },
    #[error("the face check is busy")]
    Busy,
    #[error("the face models are not installed")]
    Unavailable,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// The models and the pool that runs them.
#[derive(Debug)]
pub struct FaceChecker {
    analyser: Analyser,
    slots: Arc<Semaphore>,
    thresholds: Thresholds,
}

impl FaceChecker {
    /// Loads `detector.pfnn` and `landmarks.pfnn` from `dir`.
    pub fn load(dir: &Path, workers: usize) -> anyhow::Result<Self> {
        use anyhow::Context;
        let read = |n: &str| {
            std::fs::read(dir.join(n))
                .with_context(|| format!("cannot read {}", dir.join(n).display()))
        };
        let analyser = Analyser::from_bytes(&read("detector.pfnn")?, &read("landmarks.pfnn")?)
            .context("cannot load the face models")?;
        Ok(Self {
            analyser,
            slots: Arc::new(Semaphore::new(workers.max(1))),
            thresholds: Thresholds::default(),
        })
    }
}

fn step_of(s: LivenessStep) -> Step {
    match s {
        LivenessStep::TurnLeft => Step::TurnLeft,
        LivenessStep::TurnRight => Step::TurnRight,
        LivenessStep::Closer => Step::Closer,
        LivenessStep::Blink => Step::Blink,
    }
}

fn steps_code(steps: &[LivenessStep]) -> String {
    steps.iter().map(|s| s.code()).collect::<Vec<_>>().join(",")
}

/// What the signature covers: the account, the nonce's hash, the steps and the expiry.
fn signed_parts<'a>(
    account: &'a [u8; 8],
    nonce_hash: &'a [u8],
    steps: &'a str,
    expires: &'a [u8; 8],
) -> [&'a [u8]; 5] {
    [
        b"face-challenge/v1",
        account,
        nonce_hash,
        steps.as_bytes(),
        expires,
    ]
}

/// `STEPS` distinct steps in a random order.
fn random_steps() -> Vec<LivenessStep> {
    let mut pool = LivenessStep::ALL.to_vec();
    (0..STEPS)
        .map(|_| pool.remove(crypto::random_below(pool.len())))
        .collect()
}

pub async fn challenge(state: &AppState, account: AccountId) -> Result<FaceChallenge, FaceError> {
    let (token, hash) = crypto::new_token();
    let now = state.clock.now();
    let expires_at = now + CHALLENGE_SECONDS;
    let steps = random_steps();
    let code = steps_code(&steps);
    let signature = state.keys.mac(&signed_parts(
        &account.0.to_be_bytes(),
        &hash,
        &code,
        &expires_at.to_be_bytes(),
    ));
    let mut tx = state.store.write().await?;
    tx.create_challenge(&hash, account, &code, now, expires_at)
        .await?;
    tx.commit().await?;
    use base64::Engine;
    Ok(FaceChallenge {
        challenge_id: token.expose().to_owned(),
        prompt: LivenessPrompt::LookStraight,
        steps,
        expires_in_seconds: CHALLENGE_SECONDS as u32,
        expires_at,
        signature: base64::engine::general_purpose::STANDARD.encode(signature),
    })
}

/// Decodes a JPEG to RGB (baseline or progressive; greyscale is widened).
fn decode(jpeg: &[u8]) -> Option<Frame> {
    let mut d = jpeg_decoder::Decoder::new(jpeg);
    d.read_info().ok()?;
    let info = d.info()?;
    if info.width == 0 || info.height == 0 || info.width > MAX_SIDE || info.height > MAX_SIDE {
        return None;
    }
    let px = d.decode().ok()?;
    let (w, h) = (info.width as usize, info.height as usize);
    match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => Frame::new(w, h, px),
        jpeg_decoder::PixelFormat::L8 => {
            Frame::new(w, h, px.iter().flat_map(|v| [*v; 3]).collect())
        }
        _ => None,
    }
}

/// Runs the analysis and the verdict (on the blocking pool): the kept frame's index, or
/// why not. Public for `examples/face_verify.rs`, which times it.
pub fn check(
    checker: &FaceChecker,
    frames: &[(u32, Vec<u8>)],
    steps: &[Step],
) -> Result<usize, Refusal> {
    let mut obs = Vec::with_capacity(frames.len());
    let t0 = frames.first().map_or(0, |f| f.0);
    for (t, jpeg) in frames {
        let frame = decode(jpeg).ok_or(Refusal::NoFace)?;
        let o = checker
            .analyser
            .observe(&frame, t.saturating_sub(t0))
            .map_err(|_| Refusal::NoFace)?;
        obs.push(o);
    }
    verify(&obs, steps, &checker.thresholds)
}

pub async fn capture(
    state: &AppState,
    account: AccountId,
    v: &ValidFaceCapture,
) -> Result<(), FaceError> {
    let checker = state.face.clone().ok_or(FaceError::Unavailable)?;
    let hash = crypto::token_hash(&v.challenge_id);
    let code = steps_code(&v.steps);
    if !state.keys.mac_matches(
        &signed_parts(
            &account.0.to_be_bytes(),
            &hash,
            &code,
            &v.expires_at.to_be_bytes(),
        ),
        &v.signature,
    ) {
        return Err(FaceError::BadChallenge);
    }
    let now = state.clock.now();
    if v.expires_at <= now {
        return Err(FaceError::NoChallenge);
    }
    // A seat on the pool before the nonce is used up: a busy server costs no try.
    let permit = checker
        .slots
        .clone()
        .try_acquire_owned()
        .map_err(|_| FaceError::Busy)?;
    let mut tx = state.store.write().await?;
    let stored = tx
        .take_challenge(&hash, account, now)
        .await?
        .ok_or(FaceError::NoChallenge)?;
    if stored != code {
        return Err(FaceError::BadChallenge);
    }
    tx.commit().await?;

    let frames: Vec<(u32, Vec<u8>)> = v
        .frames
        .iter()
        .map(|(t, f)| (*t, f.bytes().to_vec()))
        .collect();
    let steps: Vec<Step> = v.steps.iter().copied().map(step_of).collect();
    let started = std::time::Instant::now();
    let (verdict, frames) = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        (check(&checker, &frames, &steps), frames)
    })
    .await
    .map_err(anyhow::Error::new)?;
    tracing::info!(
        frames = frames.len(),
        ms = started.elapsed().as_millis() as u64,
        outcome = verdict.as_ref().map_or_else(|r| r.code(), |_| "passed"),
        "face check"
    );

    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    match verdict {
        Ok(kept) => {
            tx.set_challenge_outcome(&hash, "passed").await?;
            let sealed = state.keys.seal(&face_context(account), &frames[kept].1);
            tx.save_face(&NewFace {
                account,
                steps: &code,
                frame_count: 1,
                frames_sealed: &sealed,
                created_at: now,
            })
            .await?;
            tx.commit().await?;
            Ok(())
        }
        Err(refusal) => {
            tx.set_challenge_outcome(&hash, refusal.code()).await?;
            let failures = tx.face_failures(account).await?;
            tx.commit().await?;
            Err(FaceError::Refused {
                reason: refusal.code(),
                attempts_left: (MAX_FAILURES - failures).max(0) as u32,
            })
        }
    }
}

/// Records the assisted route for the account (a video call or a consulate visit): the
/// camera is denied or missing, or the check failed `MAX_FAILURES` times.
pub async fn assisted(
    state: &AppState,
    account: AccountId,
    reason: AssistedReason,
) -> Result<(), FaceError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    if reason == AssistedReason::CheckFailed && tx.face_failures(account).await? < MAX_FAILURES {
        return Err(FaceError::NoChallenge);
    }
    tx.set_face_assisted(account, reason.code(), now).await?;
    tx.commit().await?;
    Ok(())
}

/// What sealed camera frames are bound to.
pub fn face_context(account: AccountId) -> String {
    format!("face/{account}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges_draw_distinct_steps() {
        for _ in 0..50 {
            let s = random_steps();
            assert_eq!(s.len(), STEPS);
            assert!(s.iter().all(|a| s.iter().filter(|b| *b == a).count() == 1));
        }
    }

    #[test]
    fn step_codes_agree_with_the_analysis() {
        for s in LivenessStep::ALL {
            assert_eq!(step_of(s).code(), s.code());
        }
    }

    #[test]
    fn only_jpegs_within_size_decode() {
        assert!(decode(b"not a jpeg").is_none());
    }
}
