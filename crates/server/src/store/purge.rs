//! Deleting what has outlived its use: void sign-ups and their codes, ended sessions, old
//! camera challenges, throttle rows past their windows. Nothing a limit still counts.

use super::{on_tx_rows, StoreResult, Tx, Unix};

/// The instants before which each kind of row is gone.
#[derive(Debug, Clone, Copy)]
pub struct PurgeBefore {
    /// Sign-ups created before it (and their codes): void, and their codes no longer
    /// counted by the hourly budget.
    pub signups: Unix,
    /// Sessions and camera challenges that expired before it.
    pub expired: Unix,
    /// Failed sign-ins before it.
    pub login_failures: Unix,
    /// Wrong codes before it.
    pub code_failures: Unix,
    /// Budget lock rows untouched since before it.
    pub budgets: Unix,
    /// Sign-up origins recorded before it.
    pub origins: Unix,
}

/// How many rows each purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub signups: u64,
    pub codes: u64,
    pub sessions: u64,
    pub face_challenges: u64,
    pub login_failures: u64,
    pub code_failures: u64,
    pub budgets: u64,
    pub origins: u64,
    pub password_resets: u64,
}

impl Purged {
    pub fn total(&self) -> u64 {
        self.signups
            + self.codes
            + self.sessions
            + self.face_challenges
            + self.login_failures
            + self.code_failures
            + self.budgets
            + self.origins
            + self.password_resets
    }
}

impl Tx {
    /// Deletes every row older than its cut-off in `before`.
    pub async fn purge(&mut self, before: PurgeBefore) -> StoreResult<Purged> {
        let codes = self.delete_before(
            "DELETE FROM codes WHERE signup_id IN (SELECT id FROM signups WHERE created_at < $1)",
            before.signups,
        )
        .await?;
        Ok(Purged {
            codes,
            signups: self
                .delete_before("DELETE FROM signups WHERE created_at < $1", before.signups)
                .await?,
            sessions: self
                // Past the absolute end, or unused since the cut-off (a day, longer than
                // any idle timeout): either way the session is over.
                .delete_before(
                    "DELETE FROM sessions WHERE expires_at < $1 OR last_seen_at < $1",
                    before.expired,
                )
                .await?,
            face_challenges: self
                .delete_before(
                    "DELETE FROM face_challenges WHERE expires_at < $1",
                    before.expired,
                )
                .await?,
            login_failures: self
                .delete_before(
                    "DELETE FROM login_failures WHERE at < $1",
                    before.login_failures,
                )
                .await?,
            code_failures: self
                .delete_before(
                    "DELETE FROM code_failures WHERE at < $1",
                    before.code_failures,
                )
                .await?,
            budgets: self
                .delete_before(
                    "DELETE FROM send_budgets WHERE touched_at < $1",
                    before.budgets,
                )
                .await?,
            origins: self
                .delete_before("DELETE FROM signup_origins WHERE at < $1", before.origins)
                .await?,
            password_resets: self
                .delete_before(
                    "DELETE FROM password_resets WHERE expires_at < $1",
                    before.expired,
                )
                .await?,
        })
    }

    async fn delete_before(&mut self, sql: &str, at: Unix) -> StoreResult<u64> {
        Ok(on_tx_rows!(self, c => sqlx::query(sql).bind(at).execute(&mut *c).await)?)
    }
}
