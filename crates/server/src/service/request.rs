//! Submitting the registration request (idempotent: a retry with the same key returns the
//! same request; one open request per account, whatever the race) and reading it back.

use crate::crypto;
use crate::state::AppState;
use crate::store::{AccountId, InsertOutcome, NewRequest, Request, StoreError};
use per_domain::api::ValidSubmitRequest;
use per_domain::ReferenceNumber;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("the live face capture is missing")]
    NoFace,
    #[error("a request is already open")]
    RequestExists,
    #[error("no request yet")]
    NoRequest,
    #[error("no free reference number after 5 draws")]
    NoFreeReference,
    #[error(transparent)]
    Store(#[from] StoreError),
}

type Result<T> = std::result::Result<T, RequestError>;

/// A submitted request, and whether this call made it (or found a retry's twin).
#[derive(Debug)]
pub struct Submitted {
    pub request: Request,
    pub created: bool,
}

pub async fn submit(
    state: &AppState,
    account: AccountId,
    v: &ValidSubmitRequest,
) -> Result<Submitted> {
    let sealed = state
        .keys
        .seal(&identity_context(account), request_json(v).as_bytes());
    let nid_hash = state
        .keys
        .mac(&[b"nid", v.identity.personal_number.as_str().as_bytes()]);
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    // A retry of a submission that went through gets the same request back.
    if let Some(request) = tx
        .request_by_key(account, v.idempotency_key.as_str())
        .await?
    {
        return Ok(Submitted {
            request,
            created: false,
        });
    }
    if !tx.has_face(account).await? {
        return Err(RequestError::NoFace);
    }
    if let Some(latest) = tx.latest_request(account).await? {
        if latest.status.is_active() {
            return Err(RequestError::RequestExists);
        }
    }
    for _ in 0..5 {
        let reference = ReferenceNumber::from_random(crypto::random_u64());
        let new = NewRequest {
            reference: &reference,
            account,
            idempotency_key: v.idempotency_key.as_str(),
            identity_sealed: &sealed,
            nid_hash: &nid_hash,
            submitted_at: now,
        };
        match tx.insert_request(&new).await? {
            InsertOutcome::Inserted(_) => {
                let request = tx
                    .request_by_reference(&reference)
                    .await?
                    .ok_or(StoreError::Corrupt("request just inserted"))?;
                tx.commit().await?;
                return Ok(Submitted {
                    request,
                    created: true,
                });
            }
            InsertOutcome::ReferenceTaken => continue,
            InsertOutcome::OpenRequestExists => return Err(RequestError::RequestExists),
            InsertOutcome::KeyTaken => {
                // A concurrent retry of the same submission got there first.
                let request = tx
                    .request_by_key(account, v.idempotency_key.as_str())
                    .await?
                    .ok_or(StoreError::Corrupt("idempotency key"))?;
                return Ok(Submitted {
                    request,
                    created: false,
                });
            }
        }
    }
    Err(RequestError::NoFreeReference)
}

pub async fn current(state: &AppState, account: AccountId) -> Result<Request> {
    let mut tx = state.store.read().await?;
    tx.latest_request(account)
        .await?
        .ok_or(RequestError::NoRequest)
}

/// The request's answers as sealed at rest (JSON in the shape of the submission's body, so
/// the review can open it and a re-application can start from it).
pub fn request_json(v: &ValidSubmitRequest) -> String {
    json!({
        "identity": v.identity.to_form(),
        "address": v.address.to_form(),
        "proof": v.proof.to_form(),
        "uploads": v.uploads.to_form(),
    })
    .to_string()
}

/// What a sealed identity is bound to.
pub fn identity_context(account: AccountId) -> String {
    format!("identity/{account}")
}
