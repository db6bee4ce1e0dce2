//! The embedded civil registry's table: citizens by the keyed hash of their NID, sealed.

use super::{on_tx, on_tx_rows, StoreResult, Tx};

impl Tx {
    /// Adds or replaces a citizen.
    pub async fn upsert_citizen(
        &mut self,
        nid_hash: &[u8],
        record_sealed: &[u8],
        zone: &str,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO registry_citizens (nid_hash, record_sealed, zone) VALUES ($1, $2, $3)
             ON CONFLICT (nid_hash)
             DO UPDATE SET record_sealed = excluded.record_sealed, zone = excluded.zone",
        )
        .bind(nid_hash)
        .bind(record_sealed)
        .bind(zone)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// A citizen's sealed record and zone.
    pub async fn citizen(&mut self, nid_hash: &[u8]) -> StoreResult<Option<(Vec<u8>, String)>> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT record_sealed, zone FROM registry_citizens WHERE nid_hash = $1",
        )
        .bind(nid_hash)
        .fetch_optional(&mut *c)
        .await)?)
    }
}
