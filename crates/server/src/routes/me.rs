//! `GET /api/me`: the signed-in voter, contacts masked, and where the registration stands.

use crate::clock::rfc3339;
use crate::error::{AppError, AppResult};
use crate::extract::Voter;
use crate::state::AppState;
use crate::store::RequestRow;
use anyhow::anyhow;
use axum::extract::State;
use axum::Json;
use per_domain::api::{Me, RequestView};
use per_domain::{Email, Language, PhoneNumber, ReferenceNumber, RejectionReason, RequestStatus};

pub async fn me(State(state): State<AppState>, voter: Voter) -> AppResult<Json<Me>> {
    Ok(Json(me_view(&state, voter.account_id).await?))
}

pub async fn me_view(state: &AppState, account_id: i64) -> AppResult<Me> {
    let account = state
        .store
        .account(account_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let request = match state.store.latest_request(account_id).await? {
        Some(row) => Some(request_view(&row)?),
        None => None,
    };
    let mask_phone = PhoneNumber::parse(&account.phone).map(|p| p.masked());
    let mask_email = Email::parse(&account.email).map(|e| e.masked());
    Ok(Me {
        phone_masked: mask_phone.unwrap_or_default(),
        email_masked: mask_email.unwrap_or_default(),
        language: Language::parse(&account.language).unwrap_or_default(),
        face_captured: state.store.has_face(account_id).await?,
        request,
    })
}

/// A stored request as its voter sees it.
pub fn request_view(row: &RequestRow) -> AppResult<RequestView> {
    let status = RequestStatus::from_code(&row.status)
        .ok_or_else(|| AppError::Internal(anyhow!("unknown status in request {}", row.id)))?;
    let reference = ReferenceNumber::parse(&row.reference)
        .map_err(|_| AppError::Internal(anyhow!("bad reference in request {}", row.id)))?;
    Ok(RequestView {
        reference,
        status,
        submitted_at: rfc3339(row.submitted_at),
        decided_at: row.decided_at.map(rfc3339),
        reasons: row
            .reasons
            .split(',')
            .filter_map(RejectionReason::from_code)
            .collect(),
    })
}
