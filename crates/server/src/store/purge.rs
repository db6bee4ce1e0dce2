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

    /// Retention: deletes the face frames and the documents (sealed bytes and all) of the
    /// accounts whose request was decided (approved or rejected) before `decided_before`,
    /// unless the account has a request still open (submitted, under review, awaiting a
    /// correction). Returns (frames, uploads) deleted.
    pub async fn shred_decided(&mut self, decided_before: Unix) -> StoreResult<(u64, u64)> {
        const WHOSE: &str = "account_id IN (SELECT account_id FROM requests
                WHERE status IN ('approved', 'rejected') AND decided_at < $1)
            AND account_id NOT IN (SELECT account_id FROM requests
                WHERE status IN ('submitted', 'under_review', 'correction_requested'))";
        let frames = self
            .delete_before(
                &format!("DELETE FROM face_captures WHERE {WHOSE}"),
                decided_before,
            )
            .await?;
        let uploads = self
            .delete_before(
                &format!("DELETE FROM uploads WHERE {WHOSE}"),
                decided_before,
            )
            .await?;
        Ok((frames, uploads))
    }

    /// Officials' sessions past their absolute end before `before`.
    pub async fn purge_official_sessions(&mut self, before: Unix) -> StoreResult<u64> {
        self.delete_before(
            "DELETE FROM official_sessions WHERE expires_at < $1",
            before,
        )
        .await
    }

    async fn delete_before(&mut self, sql: &str, at: Unix) -> StoreResult<u64> {
        Ok(on_tx_rows!(self, c => sqlx::query(sql).bind(at).execute(&mut *c).await)?)
    }
}
