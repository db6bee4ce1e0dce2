//! What every handler can reach: the store, the notifier, the keys and the clock.

use crate::clock::Clock;
use crate::crypto::Keys;
use crate::notifier::Notifier;
use crate::store::Store;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub notifier: Arc<dyn Notifier>,
    pub keys: Keys,
    pub clock: Clock,
    pub secure_cookies: bool,
}
