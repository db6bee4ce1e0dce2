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
    /// Take the client's address from `X-Forwarded-For` (a reverse proxy in front).
    pub behind_proxy: bool,
    /// Password hashes and checks waiting or running, and how many may.
    pub argon2_queue: Arc<std::sync::atomic::AtomicUsize>,
    pub argon2_queue_limit: usize,
    /// Password hashes and checks run by this process (read by the tests and metrics).
    pub argon2_runs: Arc<std::sync::atomic::AtomicU64>,
    /// Wakes this process's delivery worker when a message was committed.
    pub outbox_wakeup: Arc<Notify>,
    pub delivery: DeliverySettings,
    /// When new requests are accepted.
    pub window: RegistrationWindow,
    /// The civil registry (the embedded table unless another is plugged in).
    pub registry: Arc<dyn CivilRegistry>,
    /// Image decodes run at most this many at once (one per core), each within its limits.
    pub decode_slots: Arc<Semaphore>,
    /// The face models and their bounded pool; `None` when they are not installed (the
    /// face check then answers 503; production refuses to start without them).
    pub face: Option<Arc<crate::service::face::FaceChecker>>,
    /// The officials' console settings.
    pub review: crate::config::ReviewSettings,
    /// The public statistics, computed at most once a minute per process.
    pub statistics_cache:
        Arc<tokio::sync::Mutex<Option<(i64, per_domain::api::review::Statistics)>>>,
    /// Session lifetimes and budgets (`[limits]`).
    pub limits: crate::config::Limits,
    /// The countries a sign-up's phone may be of (empty: any but Albania).
    pub phone_countries: Arc<[String]>,
    /// Each account's uploads in flight in this process (at most two at once).
    pub uploads_in_flight: Arc<crate::service::upload::InFlight>,
    /// The API's rate limits per address and per process (`rate_limit`).
    pub api_limiter: Arc<crate::rate_limit::ApiLimiter>,
}

/// Why a password hash or check did not run.
#[derive(Debug, thiserror::Error)]
pub enum Argon2Error {
    /// As many are waiting or running as the queue holds: shed now (503) rather than
    /// answer after every client gave up.
    #[error("password checks are queued to their limit")]
    Busy,
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

/// Decrements the Argon2 queue count when a hash or check leaves it, however it ends.
struct InQueue(Arc<std::sync::atomic::AtomicUsize>);

impl Drop for InQueue {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
    }
}

impl AppState {
    /// Runs a password hash or check on the blocking pool, within the Argon2 slots (one
    /// per core); at most `argon2_queue_limit` may wait or run at once, the next is
    /// refused at once with [`Argon2Error::Busy`].
    pub async fn argon2<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Keys) -> T + Send + 'static,
    ) -> Result<T, Argon2Error> {
        use std::sync::atomic::Ordering;
        if self.argon2_queue.fetch_add(1, Ordering::AcqRel) >= self.argon2_queue_limit {
            self.argon2_queue.fetch_sub(1, Ordering::AcqRel);
            tracing::warn!(event = "argon2_shed", "password check refused: queue full");
            return Err(Argon2Error::Busy);
        }
        let _queued = InQueue(Arc::clone(&self.argon2_queue));
        let _slot = self
            .argon2_slots
            .acquire()
            .await
            .map_err(anyhow::Error::from)?;
        self.argon2_runs
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let keys = self.keys.clone();
        Ok(tokio::task::spawn_blocking(move || work(&keys))
            .await
            .map_err(anyhow::Error::from)?)
    }
}
