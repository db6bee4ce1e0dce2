//! The audit log: one row per view of personal data, decision, sign-in and export, each
//! chained to the one before by its hash. Appends take turns under a row lock (the chain's
//! budget row), in the transaction of what they record.

use super::{on_tx, on_tx_rows, StoreResult, Tx, Unix};

/// One entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail_hash: Vec<u8>,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

impl Tx {
    /// Locks the chain until the transaction ends, and returns its last entry's seq and hash.
    pub async fn lock_audit_chain(&mut self, now: Unix) -> StoreResult<Option<(i64, Vec<u8>)>> {
        self.lock_destination("audit-log:chain", now).await?;
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
        )
        .fetch_optional(&mut *c)
        .await)?)
    }

    pub async fn insert_audit(&mut self, row: &AuditRow) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO audit_log (seq, at, actor, action, subject, detail_hash, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(row.seq)
        .bind(row.at)
        .bind(&row.actor)
        .bind(&row.action)
        .bind(&row.subject)
        .bind(&row.detail_hash)
        .bind(&row.prev_hash)
        .bind(&row.hash)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Entries from `after` on (exclusive), in order, at most `limit`.
    pub async fn audit_rows(&mut self, after: i64, limit: i64) -> StoreResult<Vec<AuditRow>> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT seq, at, actor, action, subject, detail_hash, prev_hash, hash
             FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *c)
        .await)?)
    }
}
