//! The review console's tables: officials (password hash, sealed TOTP secret, last TOTP step
//! accepted), their recovery codes (hashed, single use) and sessions (token hash, idle and
//! absolute expiry), assignments (one 30-minute lease per request, taken by one upsert), the
//! queue of requests with its flags, and the public statistics' counts.

use super::{on_tx, on_tx_rows, parsed, AccountId, RequestId, StoreResult, Tx, Unix};
use per_domain::api::review::Role;

/// An official as stored.
#[derive(Debug, Clone)]
pub struct Official {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub role: Role,
    pub password_hash: String,
    pub totp_sealed: Vec<u8>,
    pub totp_last_step: i64,
    pub disabled: bool,
}

#[derive(sqlx::FromRow)]
struct OfficialRow {
    id: i64,
    login: String,
    name: String,
    role: String,
    password_hash: String,
    totp_sealed: Vec<u8>,
    totp_last_step: i64,
    disabled: i64,
}

impl OfficialRow {
    fn into_official(self) -> StoreResult<Official> {
        Ok(Official {
            id: self.id,
            login: self.login,
            name: self.name,
            role: parsed("role", Role::from_code(&self.role).ok_or(()))?,
            password_hash: self.password_hash,
            totp_sealed: self.totp_sealed,
            totp_last_step: self.totp_last_step,
            disabled: self.disabled != 0,
        })
    }
}

const OFFICIAL_COLUMNS: &str = "SELECT o.id, o.login, o.name, o.role, o.password_hash,
    o.totp_sealed, o.totp_last_step, o.disabled FROM officials o";

/// A new official.
#[derive(Debug)]
pub struct NewOfficial<'a> {
    pub login: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub totp_sealed: &'a [u8],
    pub recovery_hashes: &'a [Vec<u8>],
    pub now: Unix,
}

/// One row of the queue, as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueueRow {
    pub id: i64,
    pub reference: String,
    pub status: String,
    pub submitted_at: i64,
    pub zone: Option<String>,
    pub country: String,
    pub registry_match: String,
    pub face_route: String,
    pub document_expired: i64,
    pub duplicate: i64,
    pub assigned_to: Option<String>,
}

/// The queue's filters, in stored terms.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    /// `None`: the undecided (submitted and under review).
    pub status: Option<String>,
    pub zone: Option<String>,
    pub country: Option<String>,
    /// A flag code (`duplicate`, `registry_mismatch`, `assisted_route`, `expired_document`).
    pub flag: Option<String>,
    /// Submitted at or before this time.
    pub submitted_before: Option<Unix>,
}

const QUEUE_FROM: &str = "FROM requests r
    LEFT JOIN assignments a ON a.request_id = r.id AND a.expires_at > $1
    LEFT JOIN officials o ON o.id = a.official_id
    WHERE (($2 IS NULL AND r.status IN ('submitted', 'under_review')) OR r.status = $2)
      AND ($3 IS NULL OR r.zone = $3)
      AND ($4 IS NULL OR r.country = $4)
      AND ($5 IS NULL OR r.submitted_at <= $5)
      AND ($6 IS NULL
        OR ($6 = 'duplicate' AND EXISTS (SELECT 1 FROM duplicate_flags d WHERE d.request_id = r.id))
        OR ($6 = 'registry_mismatch'
            AND (r.registry_match LIKE '%mismatch%' OR r.registry_match LIKE '%not_found%'))
        OR ($6 = 'assisted_route' AND r.face_route LIKE 'assisted%')
        OR ($6 = 'expired_document' AND r.document_expired <> 0))";

/// Counts of requests by status, for one zone or country (or all).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatusCount {
    pub key: Option<String>,
    pub status: String,
    pub n: i64,
}

impl Tx {
    /// Inserts an official and their recovery codes; `None` if the login is taken.
    pub async fn insert_official(&mut self, o: &NewOfficial<'_>) -> StoreResult<Option<i64>> {
        let id: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "INSERT INTO officials (login, name, role, password_hash, totp_sealed, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (login) DO NOTHING RETURNING id",
        )
        .bind(o.login)
        .bind(o.name)
        .bind(o.role.code())
        .bind(o.password_hash)
        .bind(o.totp_sealed)
        .bind(o.now)
        .fetch_optional(&mut *c)
        .await)?;
        let Some(id) = id else { return Ok(None) };
        for hash in o.recovery_hashes {
            on_tx_rows!(self, c => sqlx::query(
                "INSERT INTO official_recovery_codes (official_id, code_hash) VALUES ($1, $2)",
            )
            .bind(id)
            .bind(hash)
            .execute(&mut *c)
            .await)?;
        }
        Ok(Some(id))
    }

    /// Disables an official and ends their sessions and assignments; false if unknown.
    pub async fn disable_official(&mut self, login: &str) -> StoreResult<bool> {
        let id: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "UPDATE officials SET disabled = 1 WHERE login = $1 RETURNING id",
        )
        .bind(login)
        .fetch_optional(&mut *c)
        .await)?;
        let Some(id) = id else { return Ok(false) };
        for sql in [
            "DELETE FROM official_sessions WHERE official_id = $1",
            "DELETE FROM assignments WHERE official_id = $1",
        ] {
            on_tx_rows!(self, c => sqlx::query(sql).bind(id).execute(&mut *c).await)?;
        }
        Ok(true)
    }

    pub async fn official_by_login(&mut self, login: &str) -> StoreResult<Option<Official>> {
        let sql = format!("{OFFICIAL_COLUMNS} WHERE o.login = $1");
        let row: Option<OfficialRow> = on_tx!(self, c => sqlx::query_as(&sql)
            .bind(login)
            .fetch_optional(&mut *c)
            .await)?;
        row.map(OfficialRow::into_official).transpose()
    }

    /// Accepts TOTP step `step` for the official unless it (or a later one) was accepted
    /// already: true if accepted. One statement, so two sign-ins with one code cannot both pass.
    pub async fn accept_totp_step(&mut self, official: i64, step: i64) -> StoreResult<bool> {
        let n = on_tx_rows!(self, c => sqlx::query(
            "UPDATE officials SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
        )
        .bind(step)
        .bind(official)
        .execute(&mut *c)
        .await)?;
        Ok(n == 1)
    }

    /// Spends a recovery code: true if it was the official's and unused.
    pub async fn spend_recovery_code(
        &mut self,
        official: i64,
        code_hash: &[u8],
        now: Unix,
    ) -> StoreResult<bool> {
        let n = on_tx_rows!(self, c => sqlx::query(
            "UPDATE official_recovery_codes SET used_at = $1
             WHERE official_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now)
        .bind(official)
        .bind(code_hash)
        .execute(&mut *c)
        .await)?;
        Ok(n == 1)
    }

    pub async fn create_official_session(
        &mut self,
        token_hash: &[u8],
        official: i64,
        now: Unix,
        expires_at: Unix,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO official_sessions (token_hash, official_id, created_at, last_seen, expires_at)
             VALUES ($1, $2, $3, $3, $4)",
        )
        .bind(token_hash)
        .bind(official)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// The enabled official of a session seen since `idle_since` and not past its absolute
    /// end; marks it seen `now`. Otherwise the session is deleted and `None` comes back.
    pub async fn touch_official_session(
        &mut self,
        token_hash: &[u8],
        now: Unix,
        idle_since: Unix,
    ) -> StoreResult<Option<Official>> {
        let id: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "UPDATE official_sessions SET last_seen = $1
             WHERE token_hash = $2 AND last_seen > $3 AND expires_at > $1
             RETURNING official_id",
        )
        .bind(now)
        .bind(token_hash)
        .bind(idle_since)
        .fetch_optional(&mut *c)
        .await)?;
        let official = match id {
            Some(id) => {
                let sql = format!("{OFFICIAL_COLUMNS} WHERE o.id = $1 AND o.disabled = 0");
                let row: Option<OfficialRow> = on_tx!(self, c => sqlx::query_as(&sql)
                    .bind(id)
                    .fetch_optional(&mut *c)
                    .await)?;
                row.map(OfficialRow::into_official).transpose()?
            }
            None => None,
        };
        if official.is_none() {
            self.delete_official_session(token_hash).await?;
        }
        Ok(official)
    }

    pub async fn delete_official_session(&mut self, token_hash: &[u8]) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("DELETE FROM official_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// One page of the queue, oldest first, and how many rows match in all.
    pub async fn queue(
        &mut self,
        f: &QueueFilter,
        now: Unix,
        offset: i64,
        limit: i64,
    ) -> StoreResult<(Vec<QueueRow>, i64)> {
        let rows_sql = format!(
            "SELECT r.id, r.reference, r.status, r.submitted_at, r.zone, r.country,
                r.registry_match, r.face_route, r.document_expired,
                CAST(CASE WHEN EXISTS (SELECT 1 FROM duplicate_flags d WHERE d.request_id = r.id)
                     THEN 1 ELSE 0 END AS BIGINT) AS duplicate,
                o.login AS assigned_to
             {QUEUE_FROM} ORDER BY r.submitted_at, r.id LIMIT $7 OFFSET $8"
        );
        let count_sql = format!("SELECT COUNT(*) {QUEUE_FROM}");
        macro_rules! binds {
            ($q:expr) => {
                $q.bind(now)
                    .bind(f.status.as_deref())
                    .bind(f.zone.as_deref())
                    .bind(f.country.as_deref())
                    .bind(f.submitted_before)
                    .bind(f.flag.as_deref())
            };
        }
        let rows: Vec<QueueRow> = on_tx!(self, c => binds!(sqlx::query_as(&rows_sql))
            .bind(limit)
            .bind(offset)
            .fetch_all(&mut *c)
            .await)?;
        let total: i64 = on_tx!(self, c => binds!(sqlx::query_scalar(&count_sql))
            .fetch_one(&mut *c)
            .await)?;
        Ok((rows, total))
    }

    /// The queue row of one request (whatever its status).
    pub async fn queue_row(&mut self, reference: &str, now: Unix) -> StoreResult<Option<QueueRow>> {
        let sql = "SELECT r.id, r.reference, r.status, r.submitted_at, r.zone, r.country,
                r.registry_match, r.face_route, r.document_expired,
                CAST(CASE WHEN EXISTS (SELECT 1 FROM duplicate_flags d WHERE d.request_id = r.id)
                     THEN 1 ELSE 0 END AS BIGINT) AS duplicate,
                o.login AS assigned_to
             FROM requests r
             LEFT JOIN assignments a ON a.request_id = r.id AND a.expires_at > $1
             LEFT JOIN officials o ON o.id = a.official_id
             WHERE r.reference = $2";
        Ok(on_tx!(self, c => sqlx::query_as(sql)
            .bind(now)
            .bind(reference)
            .fetch_optional(&mut *c)
            .await)?)
    }

    /// Takes (or renews) the request's lease for the official until `expires_at`, unless
    /// another official holds a live one: one upsert, so of two racing officials exactly one
    /// wins. Returns whether this official holds it now.
    pub async fn take_assignment(
        &mut self,
        request: RequestId,
        official: i64,
        now: Unix,
        expires_at: Unix,
    ) -> StoreResult<bool> {
        let holder: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "INSERT INTO assignments (request_id, official_id, expires_at) VALUES ($1, $2, $3)
             ON CONFLICT (request_id) DO UPDATE
                SET official_id = excluded.official_id, expires_at = excluded.expires_at
                WHERE assignments.official_id = excluded.official_id
                   OR assignments.expires_at <= $4
             RETURNING official_id",
        )
        .bind(request.0)
        .bind(official)
        .bind(expires_at)
        .bind(now)
        .fetch_optional(&mut *c)
        .await)?;
        Ok(holder == Some(official))
    }

    /// Moves a submitted request to under review (assignment does).
    pub async fn start_review(&mut self, request: RequestId) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "UPDATE requests SET status = 'under_review' WHERE id = $1 AND status = 'submitted'",
        )
        .bind(request.0)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// Who holds a live lease on the request.
    pub async fn assignment_holder(
        &mut self,
        request: RequestId,
        now: Unix,
    ) -> StoreResult<Option<i64>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT official_id FROM assignments WHERE request_id = $1 AND expires_at > $2",
        )
        .bind(request.0)
        .bind(now)
        .fetch_optional(&mut *c)
        .await)?)
    }

    /// Ends the request's lease (held by `official`, or by anyone when `None`).
    pub async fn release_assignment(
        &mut self,
        request: RequestId,
        official: Option<i64>,
    ) -> StoreResult<u64> {
        Ok(on_tx_rows!(self, c => sqlx::query(
            "DELETE FROM assignments WHERE request_id = $1 AND ($2 IS NULL OR official_id = $2)",
        )
        .bind(request.0)
        .bind(official)
        .execute(&mut *c)
        .await)?)
    }

    /// Sets the country abroad of a request (in clear, for the queue and statistics).
    pub async fn set_request_country(
        &mut self,
        request: RequestId,
        country: &str,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("UPDATE requests SET country = $1 WHERE id = $2")
            .bind(country)
            .bind(request.0)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Requests per (zone or country) and status: `by` is `zone` or `country`.
    pub async fn status_counts(&mut self, by_zone: bool) -> StoreResult<Vec<StatusCount>> {
        let sql = if by_zone {
            "SELECT zone AS key, status, COUNT(*) AS n FROM requests GROUP BY zone, status"
        } else {
            "SELECT country AS key, status, COUNT(*) AS n FROM requests GROUP BY country, status"
        };
        Ok(on_tx!(self, c => sqlx::query_as(sql).fetch_all(&mut *c).await)?)
    }

    /// The reference of a request.
    pub async fn reference_of(&mut self, request: RequestId) -> StoreResult<String> {
        Ok(
            on_tx!(self, c => sqlx::query_scalar("SELECT reference FROM requests WHERE id = $1")
            .bind(request.0)
            .fetch_one(&mut *c)
            .await)?,
        )
    }

    /// An upload whoever it belongs to: its account, format code and sealed content.
    pub async fn upload_anywhere(
        &mut self,
        id: &str,
    ) -> StoreResult<Option<(AccountId, String, Vec<u8>)>> {
        let row: Option<(i64, String, Vec<u8>)> = on_tx!(self, c => sqlx::query_as(
            "SELECT account_id, format, content_sealed FROM uploads WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *c)
        .await)?;
        Ok(row.map(|(a, f, s)| (AccountId(a), f, s)))
    }

    /// The sealed answers of every request of an account, newest first.
    pub async fn requests_sealed_of(&mut self, account: AccountId) -> StoreResult<Vec<Vec<u8>>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT identity_sealed FROM requests WHERE account_id = $1 ORDER BY id DESC",
        )
        .bind(account.0)
        .fetch_all(&mut *c)
        .await)?)
    }

    /// The approved requests of a zone (its stored name), by reference: reference, account
    /// and sealed answers.
    pub async fn approved_in_zone(
        &mut self,
        zone: &str,
    ) -> StoreResult<Vec<(String, AccountId, Vec<u8>)>> {
        let rows: Vec<(String, i64, Vec<u8>)> = on_tx!(self, c => sqlx::query_as(
            "SELECT reference, account_id, identity_sealed FROM requests
             WHERE status = 'approved' AND zone = $1 ORDER BY reference",
        )
        .bind(zone)
        .fetch_all(&mut *c)
        .await)?;
        Ok(rows
            .into_iter()
            .map(|(r, a, s)| (r, AccountId(a), s))
            .collect())
    }
}
