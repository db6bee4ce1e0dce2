//! The delivery worker of the transactional outbox: claims one due message at a time (a
//! lease, so several server processes never send the same one), opens its sealed payload,
//! sends it on its channel, and marks it delivered; a temporary failure is retried with
//! exponential backoff, a permanent one (or too many tries) is given up. Payloads are erased
//! once delivered, given up or expired.

use crate::crypto::Keys;
use crate::notifier::{mask, Outgoing, SendError};
use crate::state::AppState;
use crate::store::{Claimed, MessageKind, NewMessage, StoreResult, Tx, Unix};
use std::time::Duration;

/// How the worker paces itself.
#[derive(Debug, Clone, Copy)]
pub struct DeliverySettings {
    /// Run the worker in this process (tests turn it off and call [`deliver_due`]).
    pub worker: bool,
    /// A claimed message is another worker's to take after this long (longer than any send).
    pub lease_seconds: i64,
    /// Tries before a message is given up.
    pub max_attempts: i64,
    /// The wait after the first failure; doubled after each one, at most an hour.
    pub backoff_seconds: i64,
    /// How often an idle worker looks for messages other processes wrote.
    pub poll_interval: Duration,
}

impl Default for DeliverySettings {
    fn default() -> Self {
        DeliverySettings {
            worker: true,
            lease_seconds: 120,
            max_attempts: 8,
            backoff_seconds: 5,
            poll_interval: Duration::from_secs(1),
        }
    }
}

/// What a sealed payload is bound to.
fn payload_context(m: &Outgoing) -> String {
    format!("outbox/{}/{}", m.channel.code(), m.destination)
}

/// Writes a message in the caller's transaction: it goes out only if that commits.
pub async fn enqueue(
    tx: &mut Tx,
    keys: &Keys,
    message: &Outgoing,
    kind: MessageKind,
    now: Unix,
    expires_at: Option<Unix>,
) -> StoreResult<()> {
    let payload = serde_json::to_vec(message).expect("a message serialises");
    let sealed = keys.seal(&payload_context(message), &payload);
    tx.enqueue(&NewMessage {
        channel: message.channel,
        destination: &message.destination,
        kind,
        payload_sealed: &sealed,
        created_at: now,
        expires_at,
    })
    .await?;
    Ok(())
}

/// The wait before try `attempts + 1`.
pub fn backoff(settings: &DeliverySettings, attempts: i64) -> i64 {
    let doublings = (attempts - 1).clamp(0, 20) as u32;
    settings
        .backoff_seconds
        .saturating_mul(1i64 << doublings)
        .min(3600)
}

/// Sends every message due now, one after the other; returns how many were delivered.
pub async fn deliver_due(state: &AppState) -> StoreResult<usize> {
    let mut delivered = 0;
    {
        let mut tx = state.store.write().await?;
        let expired = tx.expire_messages(state.clock.now()).await?;
        tx.commit().await?;
        if expired > 0 {
            tracing::info!(expired, "outbox: erased expired messages");
        }
    }
    loop {
        let now = state.clock.now();
        let claimed = {
            let mut tx = state.store.write().await?;
            let claimed = tx
                .claim_message(now, now + state.delivery.lease_seconds)
                .await?;
            tx.commit().await?;
            claimed
        };
        let Some(message) = claimed else { break };
        if deliver_one(state, &message).await? {
            delivered += 1;
        }
    }
    Ok(delivered)
}

async fn deliver_one(state: &AppState, claimed: &Claimed) -> StoreResult<bool> {
    let id = claimed.id;
    let outcome = match open(state, claimed) {
        Ok(message) => state.channels.of(claimed.channel).send(&message).await,
        Err(e) => Err(e),
    };
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let delivered = match outcome {
        Ok(()) => {
            if !tx.mark_delivered(claimed, now).await? {
                tracing::warn!(%id, "outbox: lease lost before the delivery was recorded");
            }
            tracing::info!(%id, channel = claimed.channel.code(), to = mask(claimed.channel, &claimed.destination), "outbox: delivered");
            true
        }
        Err(SendError::Transient(e)) if claimed.attempts < state.delivery.max_attempts => {
            let wait = backoff(&state.delivery, claimed.attempts);
            tracing::warn!(%id, attempts = claimed.attempts, retry_in_seconds = wait, error = %e, "outbox: will retry");
            tx.retry_later(claimed, now + wait, &e).await?;
            false
        }
        Err(e) => {
            tracing::error!(%id, attempts = claimed.attempts, error = %e, "outbox: given up");
            tx.give_up(claimed, now, &e.to_string()).await?;
            false
        }
    };
    tx.commit().await?;
    Ok(delivered)
}

fn open(state: &AppState, claimed: &Claimed) -> Result<Outgoing, SendError> {
    let probe = Outgoing {
        channel: claimed.channel,
        destination: claimed.destination.clone(),
        language: per_domain::Language::default(),
        subject: String::new(),
        body: String::new(),
    };
    let plain = state
        .keys
        .open(&payload_context(&probe), &claimed.payload_sealed)
        .map_err(|_| SendError::Permanent("the payload does not open with this key".into()))?;
    serde_json::from_slice(&plain)
        .map_err(|_| SendError::Permanent("the payload is not a message".into()))
}

/// Runs the worker until the process ends: delivers what is due, then waits for a wake-up
/// (a message committed here) or the poll interval (messages other processes wrote).
pub fn spawn_worker(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver_due(&state).await {
                tracing::error!(
                    error = format!("{:#}", anyhow::Error::new(e)),
                    "outbox: delivery pass failed"
                );
            }
            tokio::select! {
                () = state.outbox_wakeup.notified() => {},
                () = tokio::time::sleep(state.delivery.poll_interval) => {},
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let s = DeliverySettings::default();
        assert_eq!(backoff(&s, 1), 5);
        assert_eq!(backoff(&s, 2), 10);
        assert_eq!(backoff(&s, 4), 40);
        assert_eq!(backoff(&s, 30), 3600);
    }
}
