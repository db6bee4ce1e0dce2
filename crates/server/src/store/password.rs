//! Password changes and resets: the account's new hash, and the reset codes (keyed hashes).

use super::{on_tx, on_tx_rows, AccountId, StoreResult, Tx, Unix};

/// A reset in progress, as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PasswordReset {
    pub id: i64,
    pub account_id: i64,
    pub phone_code_hash: Vec<u8>,
    pub email_code_hash: Vec<u8>,
    pub attempts: i64,
    pub used: i64,
    pub expires_at: i64,
}

impl Tx {
    pub async fn set_password_hash(&mut self, account: AccountId, hash: &str) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(account.0)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Ends every session of the account but one (the one that changed the password).
    pub async fn delete_other_sessions(
        &mut self,
        account: AccountId,
        keep_hash: &[u8],
    ) -> StoreResult<u64> {
        Ok(on_tx_rows!(self, c => sqlx::query(
            "DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2",
        )
        .bind(account.0)
        .bind(keep_hash)
        .execute(&mut *c)
        .await)?)
    }

    /// Takes a row lock on the account (resets of one account take turns).
    pub async fn lock_account(&mut self, account: AccountId) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("UPDATE accounts SET language = language WHERE id = $1")
            .bind(account.0)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Resets of the account since `since`, and when the oldest of them started.
    pub async fn resets_since(
        &mut self,
        account: AccountId,
        since: Unix,
    ) -> StoreResult<(i64, Option<Unix>)> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at) FROM password_resets
             WHERE account_id = $1 AND created_at > $2",
        )
        .bind(account.0)
        .bind(since)
        .fetch_one(&mut *c)
        .await)?)
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn create_reset(
        &mut self,
        token_hash: &[u8],
        account: AccountId,
        phone_code_hash: &[u8],
        email_code_hash: &[u8],
        now: Unix,
        expires_at: Unix,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO password_resets
               (token_hash, account_id, phone_code_hash, email_code_hash, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash)
        .bind(account.0)
        .bind(phone_code_hash)
        .bind(email_code_hash)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    pub async fn reset_by_token(
        &mut self,
        token_hash: &[u8],
    ) -> StoreResult<Option<PasswordReset>> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT id, account_id, phone_code_hash, email_code_hash, attempts, used, expires_at
             FROM password_resets WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *c)
        .await)?)
    }

    /// Counts one try of a reset before its codes are compared; `None` once it has `max`
    /// tries, is used or has expired.
    pub async fn reserve_reset_attempt(
        &mut self,
        id: i64,
        max: i64,
        now: Unix,
    ) -> StoreResult<Option<i64>> {
        let attempts: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "UPDATE password_resets SET attempts = attempts + 1
             WHERE id = $1 AND attempts < $2 AND used = 0 AND expires_at > $3
             RETURNING attempts",
        )
        .bind(id)
        .bind(max)
        .bind(now)
        .fetch_optional(&mut *c)
        .await)?;
        Ok(attempts)
    }

    pub async fn use_reset(&mut self, id: i64) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("UPDATE password_resets SET used = 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }
}
