//! The limits kept in the database, so they hold across server processes: codes per
//! destination per hour (counted under a row lock on the destination) and failed sign-ins.

use super::{on_tx, on_tx_rows, StoreResult, Tx, Unix};

impl Tx {
    /// Locks the destination's budget row until the transaction ends: two processes counting
    /// the codes sent to one destination, then sending one more, take turns.
    pub async fn lock_destination(&mut self, destination: &str, now: Unix) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO send_budgets (destination, touched_at) VALUES ($1, $2)
             ON CONFLICT (destination) DO UPDATE SET touched_at = excluded.touched_at",
        )
        .bind(destination)
        .bind(now)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Locks the sign-in throttle row of `key` (a keyed hash) until the transaction ends, so
    /// that parallel sign-ins for one account count and reserve their attempts in turn. The
    /// row lives with the send budgets (one row per limited key; a sign-in key is prefixed).
    pub async fn lock_sign_in(&mut self, key: &[u8], now: Unix) -> StoreResult<()> {
        use base64::Engine;
        let key = format!(
            "sign-in:{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(key)
        );
        self.lock_destination(&key, now).await
    }

    /// How many codes went to `destination` since `since`, and when the oldest of them went.
    pub async fn codes_sent_since(
        &mut self,
        destination: &str,
        since: Unix,
    ) -> StoreResult<(i64, Option<Unix>)> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at) FROM codes WHERE destination = $1 AND created_at > $2",
        )
        .bind(destination)
        .bind(since)
        .fetch_one(&mut *c)
        .await)?)
    }

    /// Failed sign-ins for a login since `since`, and when the oldest of them happened.
    pub async fn login_failures_since(
        &mut self,
        login_hash: &[u8],
        since: Unix,
    ) -> StoreResult<(i64, Option<Unix>)> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT COUNT(*), MIN(at) FROM login_failures WHERE login_hash = $1 AND at > $2",
        )
        .bind(login_hash)
        .bind(since)
        .fetch_one(&mut *c)
        .await)?)
    }

    pub async fn record_login_failure(&mut self, login_hash: &[u8], now: Unix) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("INSERT INTO login_failures (login_hash, at) VALUES ($1, $2)")
            .bind(login_hash)
            .bind(now)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    pub async fn clear_login_failures(&mut self, login_hash: &[u8]) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("DELETE FROM login_failures WHERE login_hash = $1")
            .bind(login_hash)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Wrong codes entered for `destination` since `since`, and when the latest was.
    pub async fn code_failures_since(
        &mut self,
        destination: &str,
        since: Unix,
    ) -> StoreResult<(i64, Option<Unix>)> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT COUNT(*), MAX(at) FROM code_failures WHERE destination = $1 AND at > $2",
        )
        .bind(destination)
        .bind(since)
        .fetch_one(&mut *c)
        .await)?)
    }

    pub async fn record_code_failure(&mut self, destination: &str, now: Unix) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("INSERT INTO code_failures (destination, at) VALUES ($1, $2)")
            .bind(destination)
            .bind(now)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// A right code ends the run of wrong ones.
    pub async fn clear_code_failures(&mut self, destination: &str) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("DELETE FROM code_failures WHERE destination = $1")
            .bind(destination)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Locks the budget row of a sign-up origin (a keyed hash) until the transaction ends.
    pub async fn lock_origin(&mut self, origin_hash: &[u8], now: Unix) -> StoreResult<()> {
        use base64::Engine;
        let key = format!(
            "origin:{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(origin_hash)
        );
        self.lock_destination(&key, now).await
    }

    /// Sign-ups started from an origin since `since`, and when the oldest was.
    pub async fn signups_from_since(
        &mut self,
        origin_hash: &[u8],
        since: Unix,
    ) -> StoreResult<(i64, Option<Unix>)> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT COUNT(*), MIN(at) FROM signup_origins WHERE origin_hash = $1 AND at > $2",
        )
        .bind(origin_hash)
        .bind(since)
        .fetch_one(&mut *c)
        .await)?)
    }

    pub async fn record_signup_origin(&mut self, origin_hash: &[u8], now: Unix) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("INSERT INTO signup_origins (origin_hash, at) VALUES ($1, $2)")
            .bind(origin_hash)
            .bind(now)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Messages to phones (every kind) written to the outbox since `since`, and when the
    /// oldest of them was: the service's SMS budget.
    pub async fn sms_sent_since(&mut self, since: Unix) -> StoreResult<(i64, Option<Unix>)> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE channel = 'phone' AND created_at > $1",
        )
        .bind(since)
        .fetch_one(&mut *c)
        .await)?)
    }
}
