//! Decisions on requests, by an official. The Review Module will call this; until then the
//! `per-server decide` command does.

use crate::error::{AppError, AppResult};
use crate::notifier::texts;
use crate::routes::request_view;
use crate::state::AppState;
use anyhow::anyhow;
use per_domain::api::{Channel, RequestView};
use per_domain::{Language, ReferenceNumber, RejectionReason, RequestStatus};

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
    #[error(transparent)]
    App(#[from] AppError),
}

/// Records the decision and notifies the voter by SMS and e-mail.
pub async fn decide(
    state: &AppState,
    reference: &ReferenceNumber,
    decision: &Decision,
) -> Result<RequestView, DecideError> {
    let (status, reasons) = match decision {
        Decision::Approve => (RequestStatus::Approved, String::new()),
        Decision::Reject(reasons) if reasons.is_empty() => return Err(DecideError::NoReason),
        Decision::Reject(reasons) => (
            RequestStatus::Rejected,
            reasons
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(","),
        ),
    };
    let row = state
        .store
        .decide(
            reference.as_str(),
            status.code(),
            &reasons,
            state.clock.now(),
        )
        .await
        .map_err(AppError::from)?
        .ok_or_else(|| DecideError::NoSuchRequest(reference.to_string()))?;
    notify(state, row.account_id, reference, status).await?;
    Ok(request_view(&row)?)
}

async fn notify(
    state: &AppState,
    account_id: i64,
    reference: &ReferenceNumber,
    status: RequestStatus,
) -> AppResult<()> {
    let account = state
        .store
        .account(account_id)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow!("request without account")))?;
    let language = Language::parse(&account.language).unwrap_or_default();
    for (channel, destination) in [
        (Channel::Phone, &account.phone),
        (Channel::Email, &account.email),
    ] {
        let message = texts::decision(language, channel, destination, reference, status);
        state
            .notifier
            .send(&message)
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
    }
    Ok(())
}
