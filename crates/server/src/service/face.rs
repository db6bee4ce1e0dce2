//! The live face capture: a server-issued, single-use challenge (five minutes), then the
//! frames taken for it, sealed to the account. (The full liveness check has its own issue.)

use crate::crypto;
use crate::state::AppState;
use crate::store::{AccountId, NewFace, StoreError};
use per_domain::api::{FaceChallenge, LivenessPrompt, ValidFaceCapture};

/// A challenge must be answered within five minutes.
pub const CHALLENGE_SECONDS: i64 = 300;

#[derive(Debug, thiserror::Error)]
pub enum FaceError {
    #[error("no fresh challenge")]
    NoChallenge,
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub async fn challenge(state: &AppState, account: AccountId) -> Result<FaceChallenge, FaceError> {
    let (token, hash) = crypto::new_token();
    let now = state.clock.now();
    let prompt = LivenessPrompt::LookStraight;
    let mut tx = state.store.write().await?;
    tx.create_challenge(&hash, account, prompt, now, now + CHALLENGE_SECONDS)
        .await?;
    tx.commit().await?;
    Ok(FaceChallenge {
        challenge_id: token.expose().to_owned(),
        prompt,
        expires_in_seconds: CHALLENGE_SECONDS as u32,
    })
}

pub async fn capture(
    state: &AppState,
    account: AccountId,
    v: &ValidFaceCapture,
) -> Result<(), FaceError> {
    // Frames are stored as length-prefixed JPEGs, sealed together.
    let mut plain = Vec::new();
    for frame in &v.frames {
        plain.extend_from_slice(&(frame.bytes().len() as u32).to_be_bytes());
        plain.extend_from_slice(frame.bytes());
    }
    let sealed = state.keys.seal(&face_context(account), &plain);
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let prompt = tx
        .take_challenge(&crypto::token_hash(&v.challenge_id), account, now)
        .await?
        .ok_or(FaceError::NoChallenge)?;
    tx.save_face(&NewFace {
        account,
        prompt,
        frame_count: v.frames.len() as i64,
        frames_sealed: &sealed,
        created_at: now,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What sealed camera frames are bound to.
pub fn face_context(account: AccountId) -> String {
    format!("face/{account}")
}
