//! The transactional outbox: messages written with the change that causes them, claimed by
//! one delivery worker at a time (a lease; `FOR UPDATE SKIP LOCKED` on PostgreSQL), marked
//! delivered, retried later or given up. A payload is erased once delivered, given up or
//! expired. Also the development outbox's record of what it "sent".

use super::{channel_of, on_tx, on_tx_rows, MessageId, StoreError, StoreResult, Tx, TxInner, Unix};
use per_domain::api::Channel;

/// What a message is about: a code (secret, short-lived) or a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Code,
    Decision,
    /// A security notice (the password changed or was reset).
    Notice,
}

impl MessageKind {
    pub fn code(self) -> &'static str {
        match self {
            MessageKind::Code => "code",
            MessageKind::Decision => "decision",
            MessageKind::Notice => "notice",
        }
    }

    fn of(code: &str) -> StoreResult<MessageKind> {
        match code {
            "code" => Ok(MessageKind::Code),
            "decision" => Ok(MessageKind::Decision),
            "notice" => Ok(MessageKind::Notice),
            _ => Err(StoreError::Corrupt("message kind")),
        }
    }
}

/// A message to enqueue; its payload is sealed by the caller.
#[derive(Debug)]
pub struct NewMessage<'a> {
    pub channel: Channel,
    pub destination: &'a str,
    pub kind: MessageKind,
    pub payload_sealed: &'a [u8],
    pub created_at: Unix,
    /// After this the message is pointless (a code that has expired) and is erased unsent.
    pub expires_at: Option<Unix>,
}

/// A message this worker holds the lease of.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: MessageId,
    pub channel: Channel,
    pub destination: String,
    pub kind: MessageKind,
    pub payload_sealed: Vec<u8>,
    /// Tries so far, this one included.
    pub attempts: i64,
    /// The lease: only its holder may settle the message.
    pub lease_until: Unix,
}

#[derive(sqlx::FromRow)]
struct ClaimedRow {
    id: i64,
    channel: String,
    destination: String,
    kind: String,
    payload_sealed: Option<Vec<u8>>,
    attempts: i64,
}

/// Where a message stands (for tests and operators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageState {
    pub id: MessageId,
    pub channel: Channel,
    pub kind: MessageKind,
    pub attempts: i64,
    pub delivered: bool,
    pub given_up: bool,
    pub has_payload: bool,
    /// Why the last try failed (no personal data: the channel's own error).
    pub last_error: Option<String>,
}

#[derive(sqlx::FromRow)]
struct StateRow {
    id: i64,
    channel: String,
    kind: String,
    attempts: i64,
    delivered: bool,
    given_up: bool,
    has_payload: bool,
    last_error: Option<String>,
}

const CLAIM: &str = "UPDATE outbox SET lease_until = $1, attempts = attempts + 1
     WHERE id = (SELECT id FROM outbox
                 WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= $2
                   AND (lease_until IS NULL OR lease_until <= $2)
                 ORDER BY id LIMIT 1 {LOCK})
     RETURNING id, channel, destination, kind, payload_sealed, attempts";

impl Tx {
    pub async fn enqueue(&mut self, m: &NewMessage<'_>) -> StoreResult<MessageId> {
        let id: i64 = on_tx!(self, c => sqlx::query_scalar(
            "INSERT INTO outbox (channel, destination, kind, payload_sealed, created_at, expires_at,
                                 next_attempt_at)
             VALUES ($1, $2, $3, $4, $5, $6, $5) RETURNING id",
        )
        .bind(m.channel.code())
        .bind(m.destination)
        .bind(m.kind.code())
        .bind(m.payload_sealed)
        .bind(m.created_at)
        .bind(m.expires_at)
        .fetch_one(&mut *c)
        .await)?;
        Ok(MessageId(id))
    }

    /// Takes the lease of the oldest due message nobody holds. Only here do the databases
    /// differ: PostgreSQL skips rows another worker has locked; SQLite has one writer at a time.
    pub async fn claim_message(
        &mut self,
        now: Unix,
        lease_until: Unix,
    ) -> StoreResult<Option<Claimed>> {
        let row: Option<ClaimedRow> = match &mut self.inner {
            TxInner::Sqlite(t) => {
                sqlx::query_as(&CLAIM.replace("{LOCK}", ""))
                    .bind(lease_until)
                    .bind(now)
                    .fetch_optional(&mut **t)
                    .await?
            }
            TxInner::Postgres(t) => {
                sqlx::query_as(&CLAIM.replace("{LOCK}", "FOR UPDATE SKIP LOCKED"))
                    .bind(lease_until)
                    .bind(now)
                    .fetch_optional(&mut **t)
                    .await?
            }
        };
        let Some(r) = row else { return Ok(None) };
        Ok(Some(Claimed {
            id: MessageId(r.id),
            channel: channel_of(&r.channel)?,
            destination: r.destination,
            kind: MessageKind::of(&r.kind)?,
            payload_sealed: r
                .payload_sealed
                .ok_or(StoreError::Corrupt("outbox payload"))?,
            attempts: r.attempts,
            lease_until,
        }))
    }

    /// Marks a claimed message delivered and erases its payload. False if the lease was lost
    /// (another worker took the message over).
    pub async fn mark_delivered(&mut self, m: &Claimed, now: Unix) -> StoreResult<bool> {
        let n = on_tx_rows!(self, c => sqlx::query(
            "UPDATE outbox SET delivered_at = $1, payload_sealed = NULL, lease_until = NULL,
                               last_error = NULL
             WHERE id = $2 AND lease_until = $3 AND delivered_at IS NULL",
        )
        .bind(now)
        .bind(m.id.0)
        .bind(m.lease_until)
        .execute(&mut *c)
        .await)?;
        Ok(n == 1)
    }

    /// Releases a claimed message to be tried again at `next_attempt_at`.
    pub async fn retry_later(
        &mut self,
        m: &Claimed,
        next_attempt_at: Unix,
        error: &str,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "UPDATE outbox SET next_attempt_at = $1, lease_until = NULL, last_error = $2
             WHERE id = $3 AND lease_until = $4",
        )
        .bind(next_attempt_at)
        .bind(error)
        .bind(m.id.0)
        .bind(m.lease_until)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Stops trying a message and erases its payload.
    pub async fn give_up(&mut self, m: &Claimed, now: Unix, error: &str) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "UPDATE outbox SET given_up_at = $1, payload_sealed = NULL, lease_until = NULL,
                               last_error = $2
             WHERE id = $3 AND lease_until = $4",
        )
        .bind(now)
        .bind(error)
        .bind(m.id.0)
        .bind(m.lease_until)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Erases undelivered messages past their expiry (codes nobody can use any more).
    pub async fn expire_messages(&mut self, now: Unix) -> StoreResult<u64> {
        Ok(on_tx_rows!(self, c => sqlx::query(
            "UPDATE outbox SET given_up_at = $1, payload_sealed = NULL, last_error = 'expired'
             WHERE delivered_at IS NULL AND given_up_at IS NULL AND expires_at <= $1
               AND (lease_until IS NULL OR lease_until <= $1)",
        )
        .bind(now)
        .execute(&mut *c)
        .await)?)
    }

    /// Every message to `destination`, oldest first.
    pub async fn messages_to(&mut self, destination: &str) -> StoreResult<Vec<MessageState>> {
        let rows: Vec<StateRow> = on_tx!(self, c => sqlx::query_as(
            "SELECT id, channel, kind, attempts, delivered_at IS NOT NULL AS delivered,
                    given_up_at IS NOT NULL AS given_up, payload_sealed IS NOT NULL AS has_payload,
                    last_error
             FROM outbox WHERE destination = $1 ORDER BY id",
        )
        .bind(destination)
        .fetch_all(&mut *c)
        .await)?;
        rows.into_iter()
            .map(|r| {
                Ok(MessageState {
                    id: MessageId(r.id),
                    channel: channel_of(&r.channel)?,
                    kind: MessageKind::of(&r.kind)?,
                    attempts: r.attempts,
                    delivered: r.delivered,
                    given_up: r.given_up,
                    has_payload: r.has_payload,
                    last_error: r.last_error,
                })
            })
            .collect()
    }

    /// The development outbox keeps what it "sent" (only with `--dev`).
    pub async fn dev_record(
        &mut self,
        channel: Channel,
        destination: &str,
        subject: &str,
        body: &str,
        now: Unix,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO dev_messages (channel, destination, subject, body, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(channel.code())
        .bind(destination)
        .bind(subject)
        .bind(body)
        .bind(now)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Bodies the development outbox "sent" to `destination`, oldest first.
    pub async fn dev_messages(&mut self, destination: &str) -> StoreResult<Vec<String>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT body FROM dev_messages WHERE destination = $1 ORDER BY id",
        )
        .bind(destination)
        .fetch_all(&mut *c)
        .await)?)
    }
}
