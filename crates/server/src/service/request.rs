//! Submitting the registration request and what follows: idempotent (a retry with the same
//! key returns the same request; the same key with another body is refused), inside the
//! registration window, one active request per account whatever the race; the uploads it
//! names must be the account's; the civil-registry match and zone and the duplicate flags
//! are stored with it; the draft is cleared. Then reading it back and withdrawing it.

use crate::crypto;
use crate::service::registry::RegistryMatch;
use crate::state::AppState;
use crate::store::{
    AccountId, DuplicateReason, InsertOutcome, NewRequest, Request, StoreError, Tx,
};
use per_domain::api::ValidSubmitRequest;
use per_domain::{FieldProblem, Problem, ReferenceNumber, RequestStatus};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("the live face capture is missing")]
    NoFace,
    #[error("a request is already open")]
    RequestExists,
    #[error("the idempotency key was used for another body")]
    KeyReused,
    #[error("registration is not open")]
    WindowClosed,
    #[error("no active request")]
    NotActive,
    #[error("some answers are not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("no request yet")]
    NoRequest,
    #[error("no free reference number after 5 draws")]
    NoFreeReference,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
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
    let answers = request_json(v);
    let body_hash = state.keys.mac(&[
        b"request-body",
        account.to_string().as_bytes(),
        answers.as_bytes(),
    ]);
    let sealed = state
        .keys
        .seal(&request_context(account), answers.as_bytes());
    let nid_hash = state
        .keys
        .mac(&[b"nid", v.identity.personal_number.as_str().as_bytes()]);
    let key = v.idempotency_key.as_str();
    let same = |r: Request| {
        // Requests from before the body was kept match any body.
        if r.body_hash.as_ref().is_some_and(|h| *h != body_hash) {
            Err(RequestError::KeyReused)
        } else {
            Ok(Submitted {
                request: r,
                created: false,
            })
        }
    };
    // A retry of a submission that went through gets the same request back, window or not.
    if let Some(request) = state
        .store
        .read()
        .await?
        .request_by_key(account, key)
        .await?
    {
        return same(request);
    }
    if !crate::service::window::is_open(state) {
        return Err(RequestError::WindowClosed);
    }
    // The registry is asked outside the write transaction (it may be a remote system).
    let citizen = state.registry.find(&v.identity.personal_number).await?;
    let (registry_match, zone) = match &citizen {
        Some(c) => (
            RegistryMatch::of(
                c,
                &v.identity.first_name,
                &v.identity.surname,
                v.identity.date_of_birth,
            ),
            Some(c.zone),
        ),
        None => (RegistryMatch::NOT_FOUND, None),
    };
    let registry_match = serde_json::to_string(&registry_match).map_err(anyhow::Error::new)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    if let Some(request) = tx.request_by_key(account, key).await? {
        return same(request);
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
        match latest.status {
            // The corrected submission replaces the request the officials sent back.
            RequestStatus::CorrectionRequested => {
                tx.withdraw(account, now).await?;
            }
            s if s.is_active() => return exists(&mut tx, account, key).await.and_then(same),
            _ => {}
        }
    }
    let mut problems = Vec::new();
    for (kind, id) in v.uploads.iter() {
        let ok = tx
            .upload(account, id)
            .await?
            .is_some_and(|u| u.kind == *kind);
        if !ok {
            problems.push(FieldProblem::new(kind.field(), Problem::UploadInvalid));
        }
    }
    if !problems.is_empty() {
        return Err(RequestError::Invalid(problems));
    }
    for _ in 0..5 {
        let reference = ReferenceNumber::from_random(crypto::random_u64());
        let new = NewRequest {
            reference: &reference,
            account,
            idempotency_key: key,
            identity_sealed: &sealed,
            nid_hash: &nid_hash,
            body_hash: &body_hash,
            registry_match: &registry_match,
            zone,
            document_expired: v.identity.document_expired,
            submitted_at: now,
            face_route: &face_route,
        };
        match tx.insert_request(&new).await? {
            InsertOutcome::Inserted(id) => {
                // The same NID on another account's active request: flagged on both, for
                // the officials; never refused (a squatter must not block the real voter).
                for other in tx.active_requests_with_nid(&nid_hash, account).await? {
                    tx.flag_duplicates(id, other, DuplicateReason::Nid, now)
                        .await?;
                }
                // The country in clear, for the officials' queue and the public statistics.
                tx.set_request_country(id, &v.address.country.to_string())
                    .await?;
                tx.delete_draft(account).await?;
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
            InsertOutcome::OpenRequestExists => {
                return exists(&mut tx, account, key).await.and_then(same)
            }
            InsertOutcome::KeyTaken => {
                // A concurrent retry of the same submission got there first.
                let request = tx
                    .request_by_key(account, key)
                    .await?
                    .ok_or(StoreError::Corrupt("idempotency key"))?;
                return same(request);
            }
        }
    }
    Err(RequestError::NoFreeReference)
}

/// An active request is in the way: a concurrent twin of this submission (same key, committed
/// meanwhile: PostgreSQL's statements each see the latest commits), or another request.
async fn exists(tx: &mut Tx, account: AccountId, key: &str) -> Result<Request> {
    tx.request_by_key(account, key)
        .await?
        .ok_or(RequestError::RequestExists)
}

pub async fn current(state: &AppState, account: AccountId) -> Result<Request> {
    let mut tx = state.store.read().await?;
    tx.latest_request(account)
        .await?
        .ok_or(RequestError::NoRequest)
}

/// Withdraws the account's active request (the voter votes in Albania instead); the
/// answers come back as the draft of a new application.
pub async fn withdraw(state: &AppState, account: AccountId) -> Result<Request> {
    let mut tx = state.store.write().await?;
    match tx.withdraw(account, state.clock.now()).await? {
        Some(request) => {
            tx.commit().await?;
            Ok(request)
        }
        None if tx.latest_request(account).await?.is_some() => Err(RequestError::NotActive),
        None => Err(RequestError::NoRequest),
    }
}

/// The request's answers as sealed at rest: JSON in the shape of the submission's body
/// (without its key and declaration), so the review can open it and a re-application can
/// start from it as a draft.
pub fn request_json(v: &ValidSubmitRequest) -> String {
    json!({
        "identity": v.identity.to_form(),
        "address": v.address.to_form(),
        "proof": v.proof.to_form(),
        "uploads": v.uploads.to_form(),
    })
    .to_string()
}

/// What a request's sealed answers are bound to (the name predates the address and proof).
pub fn request_context(account: AccountId) -> String {
    format!("identity/{account}")
}
