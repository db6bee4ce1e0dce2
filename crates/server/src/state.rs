//! What every handler can reach: the store, the notifier, the keys and the clock.

use crate::clock::Clock;
use crate::crypto::Keys;
use crate::notifier::Notifier;
use crate::store::Store;
use std::sync::Arc;
use tokio::sync::{Mutex, Semaphore};

#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub notifier: Arc<dyn Notifier>,
    pub keys: Keys,
    pub clock: Clock,
    pub secure_cookies: bool,
    /// Argon2id runs at most this many at once (one per core): each takes ~19 MiB, and a
    /// flood of sign-ins must queue, not exhaust memory.
    pub argon2_slots: Arc<Semaphore>,
    /// Serialises "count the codes sent, then send one", so parallel requests cannot exceed
    /// the per-destination limits (one process owns the SQLite file).
    pub code_issue: Arc<Mutex<()>>,
}

impl AppState {
    /// Runs a password hash or check on the blocking pool, within the Argon2 slots.
    pub async fn argon2<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Keys) -> T + Send + 'static,
    ) -> anyhow::Result<T> {
        let _slot = self.argon2_slots.acquire().await?;
        let keys = self.keys.clone();
        Ok(tokio::task::spawn_blocking(move || work(&keys)).await?)
    }
}
