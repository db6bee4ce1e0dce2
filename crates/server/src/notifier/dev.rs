//! The development outbox (only with `--dev`): keeps every message in the `dev_messages`
//! table and prints it on standard output, one `OUTBOX` line each, so a developer (or the
//! end-to-end test) can read the codes. Never for production: it prints codes in clear.

use super::{mask, Notifier, Outgoing, SendError, SendFuture};
use crate::clock::Clock;
use crate::store::Store;

#[derive(Debug, Clone)]
pub struct DevOutbox {
    store: Store,
    clock: Clock,
}

impl DevOutbox {
    pub fn new(store: Store, clock: Clock) -> DevOutbox {
        DevOutbox { store, clock }
    }
}

impl Notifier for DevOutbox {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let store_error = |e: crate::store::StoreError| SendError::Transient(e.to_string());
            let mut tx = self.store.write().await.map_err(store_error)?;
            tx.dev_record(
                m.channel,
                &m.destination,
                &m.subject,
                &m.body,
                self.clock.now(),
            )
            .await
            .map_err(store_error)?;
            tx.commit().await.map_err(store_error)?;
            let to = mask(m.channel, &m.destination);
            let body = m.body.replace('\n', " ");
            println!("OUTBOX {} to {to}: {body}", m.channel.code());
            Ok(())
        })
    }
}
