//! Face-capture challenges (single use) and the sealed camera frames.

use super::{on_tx, on_tx_rows, parsed, AccountId, StoreResult, Tx, Unix};
use per_domain::api::LivenessPrompt;

/// A sealed capture to store.
#[derive(Debug)]
pub struct NewFace<'a> {
    pub account: AccountId,
    pub prompt: LivenessPrompt,
    pub frame_count: i64,
    pub frames_sealed: &'a [u8],
    pub created_at: Unix,
}

fn prompt_of(code: &str) -> Result<LivenessPrompt, ()> {
    [LivenessPrompt::LookStraight]
        .into_iter()
        .find(|p| p.code() == code)
        .ok_or(())
}

impl Tx {
    pub async fn create_challenge(
        &mut self,
        token_hash: &[u8],
        account: AccountId,
        prompt: LivenessPrompt,
        now: Unix,
        expires_at: Unix,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO face_challenges (token_hash, account_id, prompt, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(account.0)
        .bind(prompt.code())
        .bind(now)
        .bind(expires_at)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Uses up a live challenge of this account; returns its prompt, or `None` if the
    /// challenge is unknown, someone else's, expired or already used.
    pub async fn take_challenge(
        &mut self,
        token_hash: &[u8],
        account: AccountId,
        now: Unix,
    ) -> StoreResult<Option<LivenessPrompt>> {
        let prompt: Option<String> = on_tx!(self, c => sqlx::query_scalar(
            "UPDATE face_challenges SET used_at = $1
             WHERE token_hash = $2 AND account_id = $3 AND used_at IS NULL AND expires_at > $4
             RETURNING prompt",
        )
        .bind(now)
        .bind(token_hash)
        .bind(account.0)
        .bind(now)
        .fetch_optional(&mut *c)
        .await)?;
        prompt
            .map(|p| parsed("liveness prompt", prompt_of(&p)))
            .transpose()
    }

    pub async fn save_face(&mut self, face: &NewFace<'_>) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO face_captures (account_id, prompt, frame_count, frames_sealed, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(face.account.0)
        .bind(face.prompt.code())
        .bind(face.frame_count)
        .bind(face.frames_sealed)
        .bind(face.created_at)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    pub async fn has_face(&mut self, account: AccountId) -> StoreResult<bool> {
        let n: i64 = on_tx!(self, c => sqlx::query_scalar(
            "SELECT COUNT(*) FROM face_captures WHERE account_id = $1",
        )
        .bind(account.0)
        .fetch_one(&mut *c)
        .await)?;
        Ok(n > 0)
    }

    /// The sealed frames of the latest capture (for the review, and for tests).
    pub async fn latest_face(&mut self, account: AccountId) -> StoreResult<Option<Vec<u8>>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT frames_sealed FROM face_captures WHERE account_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(account.0)
        .fetch_optional(&mut *c)
        .await)?)
    }
}
