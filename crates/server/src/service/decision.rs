//! Decisions on requests, by an official: the decision, who made it, and the notices to the
//! voter (SMS and e-mail) are written in one transaction, so a crash loses none of them and
//! the outbox delivers them. The review console will call this; until then `per-server decide`.

use crate::delivery;
use crate::notifier::texts;
use crate::service::session::request_view;
use crate::state::AppState;
use crate::store::{AccountKey, MessageKind, NewDecision, StoreError};
use per_domain::api::{Channel, RequestView};
use per_domain::{ReferenceNumber, RejectionReason, RequestStatus};

/// What an official decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject(Vec<RejectionReason>),
}

#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    #[error("no undecided request has the reference {0}")]
    NoSuchRequest(String),
    #[error("a rejection needs at least one reason")]
    NoReason,
    #[error("who decides must be named")]
    NoDecider,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Records the decision by `decided_by` and queues the voter's notices, at once.
pub async fn decide(
    state: &AppState,
    reference: &ReferenceNumber,
    decision: &Decision,
    decided_by: &str,
) -> Result<RequestView, DecideError> {
    let (status, reasons) = match decision {
        Decision::Approve => (RequestStatus::Approved, &[][..]),
        Decision::Reject(reasons) if reasons.is_empty() => return Err(DecideError::NoReason),
        Decision::Reject(reasons) => (RequestStatus::Rejected, &reasons[..]),
    };
    if decided_by.trim().is_empty() {
        return Err(DecideError::NoDecider);
    }
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let request = tx
        .decide(&NewDecision {
            reference,
            status,
            reasons,
            decided_by,
            decided_at: now,
        })
        .await?
        .ok_or_else(|| DecideError::NoSuchRequest(reference.to_string()))?;
    let account = tx
        .account(AccountKey::Id(request.account))
        .await?
        .ok_or(StoreError::Corrupt("request without account"))?;
    for (channel, destination) in [
        (Channel::Phone, account.phone.as_str()),
        (Channel::Email, account.email.as_str()),
    ] {
        let message = texts::decision(account.language, channel, destination, reference, status);
        delivery::enqueue(
            &mut tx,
            &state.keys,
            &message,
            MessageKind::Decision,
            now,
            None,
        )
        .await?;
    }
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    Ok(request_view(state, &request))
}
