//! Decisions on requests, by an official: the decision, who made it, and the notices to the
//! voter (SMS and e-mail) are written in one transaction, so a crash loses none of them and
//! the outbox delivers them. The review console ([`crate::service::review`]) calls
//! [`decide_in`] inside its own transaction (with the assignment check and the audit entry);
//! `per-server decide` calls [`decide`].

use crate::delivery;
use crate::notifier::texts;
use crate::service::session::request_view;
use crate::state::AppState;
use crate::store::{AccountKey, MessageKind, NewDecision, Request, StoreError, Tx};
use per_domain::api::{Channel, RequestView};
use per_domain::{ReferenceNumber, RejectionReason, RequestStatus};

/// What an official decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject(Vec<RejectionReason>),
    /// Ask the voter to correct the answers the reasons point at; their corrected
    /// submission replaces the request.
    RequestCorrection(Vec<RejectionReason>),
}

#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    #[error("no undecided request has the reference {0}")]
    NoSuchRequest(String),
    #[error("a rejection or a correction needs at least one reason")]
    NoReason,
    #[error("who decides must be named")]
    NoDecider,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who decides, and how.
#[derive(Debug, Clone, Copy)]
pub struct DecidedBy<'a> {
    /// An official's login, or `cli:<user>` for the command line.
    pub by: &'a str,
    pub note: &'a str,
    /// A supervisor's reversal of a decided request (else the request must be undecided).
    pub reversal: bool,
}

/// Records the decision by `decided_by` and queues the voter's notices, at once.
pub async fn decide(
    state: &AppState,
    reference: &ReferenceNumber,
    decision: &Decision,
    decided_by: &str,
) -> Result<RequestView, DecideError> {
    let mut tx = state.store.write().await?;
    let by = DecidedBy {
        by: decided_by,
        note: "",
        reversal: false,
    };
    let request = decide_in(&mut tx, state, reference, decision, by).await?;
    // The command line's decisions are audited like the console's.
    let detail = format!(
        "{}|{}",
        request.status.code(),
        join_reasons(&request.reasons)
    );
    crate::service::audit::append(
        &mut tx,
        &state.keys,
        state.clock.now(),
        decided_by,
        crate::service::audit::Action::Decide,
        reference.as_str(),
        detail.as_bytes(),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    Ok(request_view(state, &request))
}

/// [`decide`] in the caller's transaction: the decision and the voter's notices (the caller
/// commits, then wakes the outbox).
pub async fn decide_in(
    tx: &mut Tx,
    state: &AppState,
    reference: &ReferenceNumber,
    decision: &Decision,
    by: DecidedBy<'_>,
) -> Result<Request, DecideError> {
    let (status, reasons) = match decision {
        Decision::Approve => (RequestStatus::Approved, &[][..]),
        Decision::Reject(reasons) if reasons.is_empty() => return Err(DecideError::NoReason),
        Decision::Reject(reasons) => (RequestStatus::Rejected, &reasons[..]),
        Decision::RequestCorrection(reasons) if reasons.is_empty() => {
            return Err(DecideError::NoReason)
        }
        Decision::RequestCorrection(reasons) => (RequestStatus::CorrectionRequested, &reasons[..]),
    };
    if by.by.trim().is_empty() {
        return Err(DecideError::NoDecider);
    }
    let from: &[RequestStatus] = if by.reversal {
        &[
            RequestStatus::Approved,
            RequestStatus::Rejected,
            RequestStatus::CorrectionRequested,
        ]
    } else {
        &[RequestStatus::Submitted, RequestStatus::UnderReview]
    };
    let now = state.clock.now();
    let request = tx
        .decide(&NewDecision {
            reference,
            status,
            reasons,
            decided_by: by.by,
            decided_at: now,
            note: by.note,
            from,
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
        delivery::enqueue(tx, &state.keys, &message, MessageKind::Decision, now, None).await?;
    }
    Ok(request)
}

fn join_reasons(reasons: &[RejectionReason]) -> String {
    reasons
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(",")
}
