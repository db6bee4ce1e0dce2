//! Submitting the registration request (idempotent) and reading where it stands.

use crate::crypto;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Voter};
use crate::routes::request_view;
use crate::state::AppState;
use crate::store::{InsertOutcome, NewRequest};
use anyhow::anyhow;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use per_domain::api::{Identity, RequestView, SubmitRequest};
use per_domain::{ReferenceNumber, RequestStatus};
use serde_json::json;

pub async fn submit(
    State(state): State<AppState>,
    voter: Voter,
    ApiJson(body): ApiJson<SubmitRequest>,
) -> AppResult<(StatusCode, Json<RequestView>)> {
    let v = body.parse(state.clock.today()).map_err(AppError::Invalid)?;
    let account = voter.account_id;
    // A retry of a submission that went through gets the same request back.
    if let Some(row) = state
        .store
        .request_by_key(account, &v.idempotency_key)
        .await?
    {
        return Ok((StatusCode::OK, Json(request_view(&row)?)));
    }
    if !state.store.has_face(account).await? {
        return Err(AppError::StepMissing("the live face capture"));
    }
    if let Some(row) = state.store.latest_request(account).await? {
        let status = RequestStatus::from_code(&row.status);
        if status != Some(RequestStatus::Rejected) {
            return Err(AppError::RequestExists);
        }
    }
    let sealed = state.keys.seal(
        &identity_context(account),
        identity_json(&v.identity).as_bytes(),
    );
    let nid_hash = state
        .keys
        .mac(&[b"nid", v.identity.personal_number.as_str().as_bytes()]);
    let now = state.clock.now();
    for _ in 0..5 {
        let reference = ReferenceNumber::from_random(crypto::random_u64());
        let new = NewRequest {
            reference: reference.as_str(),
            account_id: account,
            idempotency_key: &v.idempotency_key,
            identity_sealed: &sealed,
            nid_hash: &nid_hash,
            submitted_at: now,
        };
        match state.store.insert_request(&new).await? {
            InsertOutcome::Inserted => {
                let row = state
                    .store
                    .request_by_reference(reference.as_str())
                    .await?
                    .ok_or_else(|| AppError::Internal(anyhow!("inserted request vanished")))?;
                return Ok((StatusCode::CREATED, Json(request_view(&row)?)));
            }
            InsertOutcome::ReferenceTaken => continue,
            InsertOutcome::OpenRequestExists => return Err(AppError::RequestExists),
            InsertOutcome::KeyTaken => {
                // A concurrent retry of the same submission got there first.
                let row = state
                    .store
                    .request_by_key(account, &v.idempotency_key)
                    .await?
                    .ok_or_else(|| AppError::Internal(anyhow!("idempotency key vanished")))?;
                return Ok((StatusCode::OK, Json(request_view(&row)?)));
            }
        }
    }
    Err(AppError::Internal(anyhow!(
        "no free reference number after 5 draws"
    )))
}

pub async fn current(State(state): State<AppState>, voter: Voter) -> AppResult<Json<RequestView>> {
    let row = state
        .store
        .latest_request(voter.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(request_view(&row)?))
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
pub fn identity_context(account_id: i64) -> String {
    format!("identity/{account_id}")
}
