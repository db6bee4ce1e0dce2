//! Submitting the registration request (idempotent: a retry with the same key returns the
//! same request; one open request per account, whatever the race) and reading it back.

use crate::crypto;
use crate::state::AppState;
use crate::store::{AccountId, InsertOutcome, NewRequest, Request, StoreError};
use per_domain::api::{Identity, ValidSubmitRequest};
use per_domain::{ReferenceNumber, RequestStatus};
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
    let sealed = state.keys.seal(
        &identity_context(account),
        identity_json(&v.identity).as_bytes(),
    );
    let nid_hash = state
        .keys
        .mac(&[b"nid", v.identity.personal_number.as_str().as_bytes()]);
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    // A retry of a submission that went through gets the same request back.
    if let Some(request) = tx.request_by_key(account, &v.idempotency_key).await? {
        return Ok(Submitted {
            request,
            created: false,
        });
    }
    // A passed live check, or the assisted route (recorded on the request for officials).
    let face_route = if tx.has_face(account).await? {
        "live".to_owned()
    } else if let Some(reason) = tx.face_assisted(account).await? {
        format!("assisted:{reason}")
    } else {
        return Err(RequestError::NoFace);
    };
    if let Some(latest) = tx.latest_request(account).await? {
        if latest.status != RequestStatus::Rejected {
            return Err(RequestError::RequestExists);
        }
    }
    for _ in 0..5 {
        let reference = ReferenceNumber::from_random(crypto::random_u64());
        let new = NewRequest {
            reference: &reference,
            account,
            idempotency_key: &v.idempotency_key,
            identity_sealed: &sealed,
            nid_hash: &nid_hash,
            submitted_at: now,
            face_route: &face_route,
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
                    .request_by_key(account, &v.idempotency_key)
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

/// The identity as sealed at rest (JSON, so the review can open it).
pub fn identity_json(identity: &Identity) -> String {
    json!({
        "personal_number": identity.personal_number.as_str(),
        "first_name": identity.first_name.as_str(),
        "surname": identity.surname.as_str(),
        "date_of_birth": identity.date_of_birth.to_string(),
        "sex": identity.sex.code(),
    })
    .to_string()
}

/// What a sealed identity is bound to.
pub fn identity_context(account: AccountId) -> String {
    format!("identity/{account}")
}
