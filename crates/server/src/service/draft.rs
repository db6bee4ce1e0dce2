//! Drafts: every answered step of the request, sealed per account, so that the voter stops
//! on one device and continues on another. Without a draft, a voter whose last request was
//! rejected or withdrawn gets that request's answers back (re-applying pre-filled).

use crate::state::AppState;
use crate::store::{AccountId, StoreError};
use per_domain::api::{RequestDraft, ValidDraft};

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

type Result<T> = std::result::Result<T, DraftError>;

/// What a sealed draft is bound to.
pub fn draft_context(account: AccountId) -> String {
    format!("draft/{account}")
}

/// Saves the draft (every step in it already parsed) and answers it as stored.
pub async fn save(
    state: &AppState,
    account: AccountId,
    draft: &ValidDraft,
) -> Result<RequestDraft> {
    let wire = draft.to_wire();
    let json = serde_json::to_vec(&wire).map_err(anyhow::Error::new)?;
    let sealed = state.keys.seal(&draft_context(account), &json);
    let mut tx = state.store.write().await?;
    tx.save_draft(account, &sealed, state.clock.now()).await?;
    tx.commit().await?;
    Ok(wire)
}

/// The saved draft; else the answers of the last request if the voter may apply again;
/// else an empty draft.
pub async fn load(state: &AppState, account: AccountId) -> Result<RequestDraft> {
    let mut tx = state.store.read().await?;
    if let Some(sealed) = tx.draft(account).await? {
        let plain = state
            .keys
            .open(&draft_context(account), &sealed)
            .map_err(|_| StoreError::Corrupt("sealed draft"))?;
        return Ok(serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt("draft"))?);
    }
    match tx.latest_request(account).await? {
        Some(r) if !r.status.is_active() => {
            let sealed = tx.request_sealed(r.id).await?;
            let plain = state
                .keys
                .open(&super::request::request_context(account), &sealed)
                .map_err(|_| StoreError::Corrupt("sealed request"))?;
            let mut draft: RequestDraft = serde_json::from_slice(&plain)
                .map_err(|_| StoreError::Corrupt("request answers"))?;
            // A new application takes a new key.
            draft.idempotency_key = None;
            Ok(draft)
        }
        _ => Ok(RequestDraft::default()),
    }
}

pub async fn delete(state: &AppState, account: AccountId) -> Result<()> {
    let mut tx = state.store.write().await?;
    tx.delete_draft(account).await?;
    tx.commit().await?;
    Ok(())
}
