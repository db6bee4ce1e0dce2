//! The live face capture: a server-issued challenge, then the frames taken for it, sealed at
//! rest. (The full liveness check, with randomised prompts re-checked here, has its own issue.)

use crate::crypto;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::{FaceAccepted, FaceCapture, FaceChallenge, LivenessPrompt};

/// A challenge must be answered within five minutes.
pub const CHALLENGE_SECONDS: i64 = 300;

pub async fn challenge(
    State(state): State<AppState>,
    voter: Voter,
) -> AppResult<(StatusCode, Json<FaceChallenge>)> {
    let (token, hash) = crypto::new_token();
    let now = state.clock.now();
    let prompt = LivenessPrompt::LookStraight;
    state
        .store
        .create_challenge(
            &hash,
            voter.account_id,
            "look_straight",
            now,
            now + CHALLENGE_SECONDS,
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(FaceChallenge {
            challenge_id: token.expose().to_owned(),
            prompt,
            expires_in_seconds: CHALLENGE_SECONDS as u32,
        }),
    ))
}

pub async fn capture(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<FaceCapture>,
) -> AppResult<Json<FaceAccepted>> {
    let v = body.parse().map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let prompt = state
        .store
        .take_challenge(&crypto::token_hash(&v.challenge_id), voter.account_id, now)
        .await?
        .ok_or(AppError::StepMissing("a fresh camera challenge"))?;
    // Frames are stored as length-prefixed JPEGs, sealed together.
    let mut plain = Vec::new();
    for frame in &v.frames {
        plain.extend_from_slice(&(frame.bytes().len() as u32).to_be_bytes());
        plain.extend_from_slice(frame.bytes());
    }
    let sealed = state.keys.seal(&face_context(voter.account_id), &plain);
    state
        .store
        .save_face(
            voter.account_id,
            &prompt,
            v.frames.len() as i64,
            &sealed,
            now,
        )
        .await?;
    Ok(Json(FaceAccepted { accepted: true }))
}

/// What sealed camera frames are bound to.
pub fn face_context(account_id: i64) -> String {
    format!("face/{account_id}")
}
