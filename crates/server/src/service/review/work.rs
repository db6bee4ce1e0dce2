//! The officials' work on requests: the queue (filters, oldest first, the 5-day clock),
//! assignments (a 30-minute lease; taking it moves a submitted request to under review),
//! decisions by the holder of the assignment and a supervisor's reversals, each audited in
//! the transaction that makes it.

use super::{Result, ReviewError, SignedIn, ASSIGNMENT_SECONDS};
use crate::clock::rfc3339;
use crate::service::audit::{self, Action};
use crate::service::decision::{decide_in, DecidedBy, Decision};
use crate::service::registry::ZONES;
use crate::state::AppState;
use crate::store::{QueueFilter, QueueRow, RequestId, Unix};
use per_domain::api::review::{
    Assignment, DecisionKind, DecisionMade, QueueFlag, QueueItem, QueuePage, Role, ValidDecision,
    ValidQueueQuery, DUE_DAYS, PAGE_SIZE,
};
use per_domain::{ReferenceNumber, RequestStatus};

/// The zone's number (1 to 12, the qarqe in alphabetical order) from its stored name.
pub fn zone_number(name: &str) -> Option<u8> {
    ZONES.iter().position(|z| *z == name).map(|i| i as u8 + 1)
}

/// The zone's stored name from its number.
pub fn zone_name(n: u8) -> Option<&'static str> {
    ZONES.get(usize::from(n).checked_sub(1)?).copied()
}

pub(crate) fn item(row: &QueueRow, now: Unix) -> Result<QueueItem> {
    let status =
        RequestStatus::from_code(&row.status).ok_or(crate::store::StoreError::Corrupt("status"))?;
    let due = row.submitted_at + DUE_DAYS * 86_400;
    let mut flags = Vec::new();
    if row.duplicate != 0 {
        flags.push(QueueFlag::Duplicate);
    }
    if row.registry_match.contains("mismatch") || row.registry_match.contains("not_found") {
        flags.push(QueueFlag::RegistryMismatch);
    }
    if row.face_route.starts_with("assisted") {
        flags.push(QueueFlag::AssistedRoute);
    }
    if row.document_expired != 0 {
        flags.push(QueueFlag::ExpiredDocument);
    }
    let undecided = matches!(
        status,
        RequestStatus::Submitted | RequestStatus::UnderReview
    );
    Ok(QueueItem {
        reference: row.reference.clone(),
        status,
        submitted_at: rfc3339(row.submitted_at),
        due_at: rfc3339(due),
        overdue: undecided && now > due,
        zone: row.zone.as_deref().and_then(zone_number),
        country: row.country.clone(),
        flags,
        assigned_to: row.assigned_to.clone(),
    })
}

/// One page of the queue.
pub async fn queue(state: &AppState, who: &SignedIn, q: &ValidQueueQuery) -> Result<QueuePage> {
    who.require(Role::Reviewer)?;
    let now = state.clock.now();
    let filter = QueueFilter {
        status: q.status.map(|s| s.code().to_owned()),
        zone: q.zone.and_then(zone_name).map(str::to_owned),
        country: q.country.map(|c| c.to_string()),
        flag: q.flag.map(|f| f.code().to_owned()),
        submitted_before: q.min_age_days.map(|d| now - i64::from(d) * 86_400),
    };
    let mut tx = state.store.read().await?;
    let size = i64::from(PAGE_SIZE);
    let (rows, total) = tx
        .queue(&filter, now, i64::from(q.page) * size, size)
        .await?;
    let items = rows
        .iter()
        .map(|r| item(r, now))
        .collect::<Result<Vec<_>>>()?;
    Ok(QueuePage {
        items,
        total: total as u32,
        page: q.page,
        page_size: PAGE_SIZE,
    })
}

fn parse_reference(reference: &str) -> Result<ReferenceNumber> {
    ReferenceNumber::parse(reference).map_err(|_| ReviewError::NotFound)
}

/// Takes or renews the request's assignment for 30 minutes.
pub async fn assign(state: &AppState, who: &SignedIn, reference: &str) -> Result<Assignment> {
    who.require(Role::Reviewer)?;
    let reference = parse_reference(reference)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let row = tx
        .queue_row(reference.as_str(), now)
        .await?
        .ok_or(ReviewError::NotFound)?;
    if !matches!(row.status.as_str(), "submitted" | "under_review") {
        return Err(ReviewError::WrongStatus);
    }
    let id = RequestId(row.id);
    let expires_at = now + ASSIGNMENT_SECONDS;
    if !tx
        .take_assignment(id, who.official.id, now, expires_at)
        .await?
    {
        return Err(ReviewError::AssignedToOther);
    }
    tx.start_review(id).await?;
    audit::append(
        &mut tx,
        &state.keys,
        now,
        &who.official.login,
        Action::Assign,
        reference.as_str(),
        b"",
    )
    .await?;
    tx.commit().await?;
    Ok(Assignment {
        reference: reference.to_string(),
        assigned_to: who.official.login.clone(),
        expires_at: rfc3339(expires_at),
        status: RequestStatus::UnderReview,
    })
}

/// Gives the assignment back (only its holder can).
pub async fn release(state: &AppState, who: &SignedIn, reference: &str) -> Result<()> {
    who.require(Role::Reviewer)?;
    let reference = parse_reference(reference)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let row = tx
        .queue_row(reference.as_str(), now)
        .await?
        .ok_or(ReviewError::NotFound)?;
    if tx
        .release_assignment(RequestId(row.id), Some(who.official.id))
        .await?
        == 0
    {
        return Err(ReviewError::NotAssigned);
    }
    audit::append(
        &mut tx,
        &state.keys,
        now,
        &who.official.login,
        Action::Release,
        reference.as_str(),
        b"",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn decision_of(v: &ValidDecision) -> Decision {
    match v.kind {
        DecisionKind::Approve => Decision::Approve,
        DecisionKind::Reject => Decision::Reject(v.reasons.clone()),
        DecisionKind::RequestCorrection => Decision::RequestCorrection(v.reasons.clone()),
    }
}

/// Decides the request; the official must hold its assignment. The decision, the voter's
/// notices, the end of the assignment and the audit entry are one transaction.
pub async fn decide(
    state: &AppState,
    who: &SignedIn,
    reference: &str,
    v: &ValidDecision,
) -> Result<DecisionMade> {
    who.require(Role::Reviewer)?;
    made(state, who, reference, v, false).await
}

/// A supervisor replaces the decision on a decided request (the note says why).
pub async fn reverse(
    state: &AppState,
    who: &SignedIn,
    reference: &str,
    v: &ValidDecision,
) -> Result<DecisionMade> {
    who.require(Role::Supervisor)?;
    made(state, who, reference, v, true).await
}

async fn made(
    state: &AppState,
    who: &SignedIn,
    reference: &str,
    v: &ValidDecision,
    reversal: bool,
) -> Result<DecisionMade> {
    let reference = parse_reference(reference)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let row = tx
        .queue_row(reference.as_str(), now)
        .await?
        .ok_or(ReviewError::NotFound)?;
    let id = RequestId(row.id);
    let status =
        RequestStatus::from_code(&row.status).ok_or(crate::store::StoreError::Corrupt("status"))?;
    if reversal {
        if !matches!(
            status,
            RequestStatus::Approved | RequestStatus::Rejected | RequestStatus::CorrectionRequested
        ) {
            return Err(ReviewError::WrongStatus);
        }
    } else {
        if !matches!(
            status,
            RequestStatus::Submitted | RequestStatus::UnderReview
        ) {
            return Err(ReviewError::WrongStatus);
        }
        if tx.assignment_holder(id, now).await? != Some(who.official.id) {
            return Err(ReviewError::NotAssigned);
        }
    }
    let by = DecidedBy {
        by: &who.official.login,
        note: &v.note,
        reversal,
    };
    let request = decide_in(&mut tx, state, &reference, &decision_of(v), by).await?;
    tx.release_assignment(id, None).await?;
    let detail = format!(
        "{}|{}|{}",
        v.kind.code(),
        v.reasons
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(","),
        v.note
    );
    audit::append(
        &mut tx,
        &state.keys,
        now,
        &who.official.login,
        if reversal {
            Action::Reverse
        } else {
            Action::Decide
        },
        reference.as_str(),
        detail.as_bytes(),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    Ok(DecisionMade {
        reference: reference.to_string(),
        status: request.status,
        reasons: request.reasons,
        decided_at: rfc3339(request.decided_at.unwrap_or(now)),
    })
}
