//! Registration requests (answers sealed, NID as a keyed hash), their registry match and
//! duplicate flags, withdrawals, and the decisions on them.

use super::{on_tx, on_tx_rows, parsed, AccountId, RequestId, StoreError, StoreResult, Tx, Unix};
use per_domain::{ReferenceNumber, RejectionReason, RequestStatus};

/// A request as stored.
#[derive(Debug, Clone)]
pub struct Request {
    pub id: RequestId,
    pub reference: ReferenceNumber,
    pub account: AccountId,
    pub status: RequestStatus,
    pub reasons: Vec<RejectionReason>,
    pub submitted_at: Unix,
    pub decided_at: Option<Unix>,
    /// The keyed hash of the submitted body (none for requests from before it was kept).
    pub body_hash: Option<Vec<u8>>,
    /// The civil-registry match per field, as JSON (see `service::registry::RegistryMatch`).
    pub registry_match: String,
    /// The electoral zone (qark) from the registry, if the NID was found.
    pub zone: Option<String>,
    pub document_expired: bool,
    pub withdrawn_at: Option<Unix>,
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    reference: String,
    account_id: i64,
    status: String,
    reasons: String,
    submitted_at: i64,
    decided_at: Option<i64>,
    body_hash: Option<Vec<u8>>,
    registry_match: String,
    zone: Option<String>,
    document_expired: i64,
    withdrawn_at: Option<i64>,
}

impl RequestRow {
    fn into_request(self) -> StoreResult<Request> {
        let status = RequestStatus::from_code(&self.status).ok_or(StoreError::Corrupt("status"))?;
        let reasons = self
            .reasons
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| RejectionReason::from_code(c).ok_or(StoreError::Corrupt("rejection reason")))
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Request {
            id: RequestId(self.id),
            reference: parsed("reference", ReferenceNumber::parse(&self.reference))?,
            account: AccountId(self.account_id),
            status,
            reasons,
            submitted_at: self.submitted_at,
            decided_at: self.decided_at,
            body_hash: self.body_hash,
            registry_match: self.registry_match,
            zone: self.zone,
            document_expired: self.document_expired != 0,
            withdrawn_at: self.withdrawn_at,
        })
    }
}

const COLUMNS: &str = "SELECT id, reference, account_id, status, reasons, submitted_at, decided_at,
    body_hash, registry_match, zone, document_expired, withdrawn_at FROM requests";

/// A new request, its personal data already sealed.
#[derive(Debug)]
pub struct NewRequest<'a> {
    pub reference: &'a ReferenceNumber,
    pub account: AccountId,
    pub idempotency_key: &'a str,
    pub identity_sealed: &'a [u8],
    pub nid_hash: &'a [u8],
    pub body_hash: &'a [u8],
    pub registry_match: &'a str,
    pub zone: Option<&'a str>,
    pub document_expired: bool,
    pub submitted_at: Unix,
    /// `live`, or `assisted:` and why (the officials arrange a video call or a visit).
    pub face_route: &'a str,
}

/// Why two requests are flagged as possible duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateReason {
    /// The same personal number (by its keyed hash).
    Nid,
}

impl DuplicateReason {
    pub fn code(self) -> &'static str {
        match self {
            DuplicateReason::Nid => "nid",
        }
    }
}

/// What became of a new request.
#[derive(Debug, PartialEq, Eq)]
pub enum InsertOutcome {
    Inserted(RequestId),
    /// The random reference collided: draw another.
    ReferenceTaken,
    /// A concurrent retry of the same submission got there first.
    KeyTaken,
    /// The account has an open request already.
    OpenRequestExists,
}

/// A decision to record.
#[derive(Debug)]
pub struct NewDecision<'a> {
    pub reference: &'a ReferenceNumber,
    pub status: RequestStatus,
    pub reasons: &'a [RejectionReason],
    /// Who decided: an official's login, or `cli:<user>` for the command line.
    pub decided_by: &'a str,
    pub decided_at: Unix,
    /// The official's note (may be empty).
    pub note: &'a str,
    /// Statuses the request may be in to take this decision (undecided ones for a
    /// decision; decided ones for a supervisor's reversal).
    pub from: &'a [RequestStatus],
}

impl Tx {
    async fn request_where(
        &mut self,
        condition: &str,
        text: Option<&str>,
        id: Option<i64>,
    ) -> StoreResult<Option<Request>> {
        let sql = format!("{COLUMNS} WHERE {condition}");
        let row: Option<RequestRow> = on_tx!(self, c => {
            let mut q = sqlx::query_as(&sql);
            if let Some(id) = id {
                q = q.bind(id);
            }
            if let Some(text) = text {
                q = q.bind(text);
            }
            q.fetch_optional(&mut *c).await
        })?;
        row.map(RequestRow::into_request).transpose()
    }

    pub async fn request_by_key(
        &mut self,
        account: AccountId,
        key: &str,
    ) -> StoreResult<Option<Request>> {
        self.request_where(
            "account_id = $1 AND idempotency_key = $2",
            Some(key),
            Some(account.0),
        )
        .await
    }

    pub async fn latest_request(&mut self, account: AccountId) -> StoreResult<Option<Request>> {
        self.request_where(
            "account_id = $1 ORDER BY id DESC LIMIT 1",
            None,
            Some(account.0),
        )
        .await
    }

    pub async fn request_by_reference(
        &mut self,
        reference: &ReferenceNumber,
    ) -> StoreResult<Option<Request>> {
        self.request_where("reference = $1", Some(reference.as_str()), None)
            .await
    }

    /// How the latest request of the account was given its face: `live` or `assisted:…`.
    pub async fn request_face_route(&mut self, account: AccountId) -> StoreResult<String> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT face_route FROM requests WHERE account_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(account.0)
        .fetch_one(&mut *c)
        .await)?)
    }

    /// Inserts a request, unless a unique rule refuses it (see [`InsertOutcome`]).
    pub async fn insert_request(&mut self, r: &NewRequest<'_>) -> StoreResult<InsertOutcome> {
        let id: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "INSERT INTO requests
               (reference, account_id, idempotency_key, identity_sealed, nid_hash, status,
                submitted_at, body_hash, registry_match, zone, document_expired, face_route)
             VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $8, $9, $10, $11)
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(r.reference.as_str())
        .bind(r.account.0)
        .bind(r.idempotency_key)
        .bind(r.identity_sealed)
        .bind(r.nid_hash)
        .bind(r.submitted_at)
        .bind(r.body_hash)
        .bind(r.registry_match)
        .bind(r.zone)
        .bind(i64::from(r.document_expired))
        .bind(r.face_route)
        .fetch_optional(&mut *c)
        .await)?;
        if let Some(id) = id {
            return Ok(InsertOutcome::Inserted(RequestId(id)));
        }
        // Which unique rule refused it: asked of the rows, not of an error message.
        if self.request_by_reference(r.reference).await?.is_some() {
            return Ok(InsertOutcome::ReferenceTaken);
        }
        if self
            .request_by_key(r.account, r.idempotency_key)
            .await?
            .is_some()
        {
            return Ok(InsertOutcome::KeyTaken);
        }
        Ok(InsertOutcome::OpenRequestExists)
    }

    /// Records a decision on an undecided request, and who made it; `None` if there is no
    /// such undecided request.
    pub async fn decide(&mut self, d: &NewDecision<'_>) -> StoreResult<Option<Request>> {
        let reasons = d
            .reasons
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(",");
        let from = d
            .from
            .iter()
            .map(|s| s.code())
            .collect::<Vec<_>>()
            .join(",");
        // `from` as a comma-joined list: the same SQL on both databases.
        let id: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "UPDATE requests SET status = $1, reasons = $2, decided_at = $3
             WHERE reference = $4 AND ',' || $5 || ',' LIKE '%,' || status || ',%'
             RETURNING id",
        )
        .bind(d.status.code())
        .bind(&reasons)
        .bind(d.decided_at)
        .bind(d.reference.as_str())
        .bind(&from)
        .fetch_optional(&mut *c)
        .await)?;
        let Some(id) = id else { return Ok(None) };
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO decisions (request_id, status, reasons, decided_by, decided_at, note)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(d.status.code())
        .bind(&reasons)
        .bind(d.decided_by)
        .bind(d.decided_at)
        .bind(d.note)
        .execute(&mut *c)
        .await)?;
        self.request_where("id = $1", None, Some(id)).await
    }

    /// Every decision on a request, oldest first: status, reasons, note, by, at.
    pub async fn decisions_of(
        &mut self,
        request: RequestId,
    ) -> StoreResult<Vec<(String, String, String, String, i64)>> {
        Ok(on_tx!(self, c => sqlx::query_as(
            "SELECT status, reasons, note, decided_by, decided_at FROM decisions
             WHERE request_id = $1 ORDER BY id",
        )
        .bind(request.0)
        .fetch_all(&mut *c)
        .await)?)
    }

    /// Who decided a request, latest first.
    pub async fn deciders(&mut self, request: RequestId) -> StoreResult<Vec<String>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT decided_by FROM decisions WHERE request_id = $1 ORDER BY id DESC",
        )
        .bind(request.0)
        .fetch_all(&mut *c)
        .await)?)
    }

    /// Withdraws the account's active request; `None` if it has none.
    pub async fn withdraw(
        &mut self,
        account: AccountId,
        now: Unix,
    ) -> StoreResult<Option<Request>> {
        let id: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "UPDATE requests SET status = 'withdrawn', withdrawn_at = $1
             WHERE account_id = $2 AND status NOT IN ('rejected', 'withdrawn')
             RETURNING id",
        )
        .bind(now)
        .bind(account.0)
        .fetch_optional(&mut *c)
        .await)?;
        match id {
            Some(id) => self.request_where("id = $1", None, Some(id)).await,
            None => Ok(None),
        }
    }

    /// The sealed answers of a request.
    pub async fn request_sealed(&mut self, request: RequestId) -> StoreResult<Vec<u8>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT identity_sealed FROM requests WHERE id = $1",
        )
        .bind(request.0)
        .fetch_one(&mut *c)
        .await)?)
    }

    /// Active requests of other accounts with this NID hash.
    pub async fn active_requests_with_nid(
        &mut self,
        nid_hash: &[u8],
        not_of: AccountId,
    ) -> StoreResult<Vec<RequestId>> {
        let ids: Vec<i64> = on_tx!(self, c => sqlx::query_scalar(
            "SELECT id FROM requests
             WHERE nid_hash = $1 AND account_id <> $2 AND status NOT IN ('rejected', 'withdrawn')
             ORDER BY id",
        )
        .bind(nid_hash)
        .bind(not_of.0)
        .fetch_all(&mut *c)
        .await)?;
        Ok(ids.into_iter().map(RequestId).collect())
    }

    /// Flags two requests as possible duplicates of each other (on both).
    pub async fn flag_duplicates(
        &mut self,
        a: RequestId,
        b: RequestId,
        reason: DuplicateReason,
        now: Unix,
    ) -> StoreResult<()> {
        for (x, y) in [(a, b), (b, a)] {
            on_tx_rows!(self, c => sqlx::query(
                "INSERT INTO duplicate_flags (request_id, other_id, reason, flagged_at)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(x.0)
            .bind(y.0)
            .bind(reason.code())
            .bind(now)
            .execute(&mut *c)
            .await)?;
        }
        Ok(())
    }

    /// The requests flagged as possible duplicates of this one, with the reason's code.
    pub async fn duplicate_flags(
        &mut self,
        request: RequestId,
    ) -> StoreResult<Vec<(RequestId, String)>> {
        let rows: Vec<(i64, String)> = on_tx!(self, c => sqlx::query_as(
            "SELECT other_id, reason FROM duplicate_flags WHERE request_id = $1 ORDER BY other_id",
        )
        .bind(request.0)
        .fetch_all(&mut *c)
        .await)?;
        Ok(rows.into_iter().map(|(id, r)| (RequestId(id), r)).collect())
    }
}
