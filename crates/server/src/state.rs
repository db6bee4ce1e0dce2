//! What every service and handler can reach: the store, the channels, the keys and the clock.

use crate::clock::Clock;
use crate::config::RegistrationWindow;
use crate::crypto::Keys;
use crate::delivery::DeliverySettings;
use crate::notifier::Channels;
use crate::service::registry::CivilRegistry;
use crate::store::Store;
use std::sync::Arc;
use tokio::sync::{Notify, Semaphore};

#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub channels: Channels,
    pub keys: Keys,
    pub clock: Clock,
    pub secure_cookies: bool,
    /// Argon2id runs at most this many at once (one per core): each takes ~19 MiB, and a
    /// flood of sign-ins must queue, not exhaust memory.
    pub argon2_slots: Arc<Semaphore>,
    /// Wakes this process's delivery worker when a message was committed.
    pub outbox_wakeup: Arc<Notify>,
    pub delivery: DeliverySettings,
    /// When new requests are accepted.
    pub window: RegistrationWindow,
    /// The civil registry (the embedded table unless another is plugged in).
    pub registry: Arc<dyn CivilRegistry>,
    /// Image decodes run at most this many at once (one per core), each within its limits.
    pub decode_slots: Arc<Semaphore>,
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
