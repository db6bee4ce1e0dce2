//! Face-capture challenges (single use, with their steps and outcome), the sealed face
//! image of the latest passed check, and the assisted route.

use super::{on_tx, on_tx_rows, AccountId, StoreResult, Tx, Unix};

/// A passed capture to store (it replaces the account's earlier ones).
#[derive(Debug)]
pub struct NewFace<'a> {
    pub account: AccountId,
    /// The challenge's steps, as codes joined by commas.
    pub steps: &'a str,
    pub frame_count: i64,
    pub frames_sealed: &'a [u8],
    pub created_at: Unix,
}

impl Tx {
    pub async fn create_challenge(
        &mut self,
        token_hash: &[u8],
        account: AccountId,
        steps: &str,
        now: Unix,
        expires_at: Unix,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO face_challenges (token_hash, account_id, prompt, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(account.0)
        .bind(steps)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Uses up a live challenge of this account; returns its steps, or `None` if the
    /// challenge is unknown, someone else's, expired or already used.
    pub async fn take_challenge(
        &mut self,
        token_hash: &[u8],
        account: AccountId,
        now: Unix,
    ) -> StoreResult<Option<String>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "UPDATE face_challenges SET used_at = $1
             WHERE token_hash = $2 AND account_id = $3 AND used_at IS NULL AND expires_at > $4
             RETURNING prompt",
        )
        .bind(now)
        .bind(token_hash)
        .bind(account.0)
        .bind(now)
        .fetch_optional(&mut *c)
        .await)?)
    }

    /// Writes what the check said of the burst sent for a challenge.
    pub async fn set_challenge_outcome(
        &mut self,
        token_hash: &[u8],
        outcome: &str,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("UPDATE face_challenges SET outcome = $1 WHERE token_hash = $2")
            .bind(outcome)
            .bind(token_hash)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Refused bursts of this account since its last passed one.
    pub async fn face_failures(&mut self, account: AccountId) -> StoreResult<i64> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT COUNT(*) FROM face_challenges
             WHERE account_id = $1 AND outcome IS NOT NULL AND outcome <> 'passed'
               AND created_at >= COALESCE(
                 (SELECT MAX(created_at) FROM face_challenges WHERE account_id = $1 AND outcome = 'passed'), 0)",
        )
        .bind(account.0)
        .fetch_one(&mut *c)
        .await)?)
    }

    /// Keeps only this capture for the account.
    pub async fn save_face(&mut self, face: &NewFace<'_>) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("DELETE FROM face_captures WHERE account_id = $1")
            .bind(face.account.0)
            .execute(&mut *c)
            .await)?;
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO face_captures (account_id, prompt, frame_count, frames_sealed, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(face.account.0)
        .bind(face.steps)
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

    /// The sealed face image of the latest capture (for the review, and for tests).
    pub async fn latest_face(&mut self, account: AccountId) -> StoreResult<Option<Vec<u8>>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT frames_sealed FROM face_captures WHERE account_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(account.0)
        .fetch_optional(&mut *c)
        .await)?)
    }

    /// Records (or updates) that this account takes the assisted route, and why.
    pub async fn set_face_assisted(
        &mut self,
        account: AccountId,
        reason: &str,
        now: Unix,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO face_assisted (account_id, reason, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (account_id) DO UPDATE SET reason = $2, created_at = $3",
        )
        .bind(account.0)
        .bind(reason)
        .bind(now)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Why this account takes the assisted route, if it does.
    pub async fn face_assisted(&mut self, account: AccountId) -> StoreResult<Option<String>> {
        Ok(
            on_tx!(self, c => sqlx::query_scalar("SELECT reason FROM face_assisted WHERE account_id = $1")
            .bind(account.0)
            .fetch_optional(&mut *c)
            .await)?,
        )
    }
}
