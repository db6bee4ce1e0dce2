//! Drafts: every answered step of a request, sealed, one per account.

use super::{on_tx, on_tx_rows, AccountId, StoreResult, Tx, Unix};

impl Tx {
    /// Saves (or replaces) the account's sealed draft.
    pub async fn save_draft(
        &mut self,
        account: AccountId,
        sealed: &[u8],
        now: Unix,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO drafts (account_id, draft_sealed, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (account_id)
             DO UPDATE SET draft_sealed = excluded.draft_sealed, updated_at = excluded.updated_at",
        )
        .bind(account.0)
        .bind(sealed)
        .bind(now)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    pub async fn draft(&mut self, account: AccountId) -> StoreResult<Option<Vec<u8>>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT draft_sealed FROM drafts WHERE account_id = $1",
        )
        .bind(account.0)
        .fetch_optional(&mut *c)
        .await)?)
    }

    pub async fn delete_draft(&mut self, account: AccountId) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("DELETE FROM drafts WHERE account_id = $1")
            .bind(account.0)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }
}
