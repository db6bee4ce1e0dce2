//! The store: the only module that speaks SQL (SQLite through sqlx, migrations embedded).
//!
//! Rows come out as plain structs; handlers never see SQL. PostgreSQL joins behind the same
//! methods in its own issue.

use per_domain::api::Channel;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{Row, SqlitePool};
use std::path::Path;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
}

#[derive(Debug, Clone)]
pub struct SignupRow {
    pub id: i64,
    pub phone: String,
    pub email: String,
    pub language: String,
    pub phone_verified: bool,
    pub email_verified: bool,
    pub completed: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct CodeRow {
    pub id: i64,
    pub code_hash: Vec<u8>,
    pub expires_at: i64,
    pub attempts: i64,
}

#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: i64,
    pub phone: String,
    pub email: String,
    pub password_hash: String,
    pub language: String,
}

#[derive(Debug, Clone)]
pub struct RequestRow {
    pub id: i64,
    pub reference: String,
    pub account_id: i64,
    pub status: String,
    pub reasons: String,
    pub submitted_at: i64,
    pub decided_at: Option<i64>,
}

/// A new request, its personal data already sealed.
#[derive(Debug)]
pub struct NewRequest<'a> {
    pub reference: &'a str,
    pub account_id: i64,
    pub idempotency_key: &'a str,
    pub identity_sealed: &'a [u8],
    pub nid_hash: &'a [u8],
    pub submitted_at: i64,
}

/// What became of a new request.
#[derive(Debug, PartialEq, Eq)]
pub enum InsertOutcome {
    Inserted,
    /// The random reference collided: draw another.
    ReferenceTaken,
    /// A concurrent retry of the same submission got there first.
    KeyTaken,
    /// The account has an open request already.
    OpenRequestExists,
}

/// Why an account could not be made from a sign-up.
#[derive(Debug, PartialEq, Eq)]
pub enum CompleteOutcome {
    Created(i64),
    AlreadyCompleted,
    ContactTaken,
}

const REQUEST_COLUMNS: &str =
    "id, reference, account_id, status, reasons, submitted_at, decided_at";

const ACCOUNT_COLUMNS: &str = "id, phone, email, password_hash, language";

fn account_row(r: &sqlx::sqlite::SqliteRow) -> AccountRow {
    AccountRow {
        id: r.get("id"),
        phone: r.get("phone"),
        email: r.get("email"),
        password_hash: r.get("password_hash"),
        language: r.get("language"),
    }
}

fn request_row(r: &sqlx::sqlite::SqliteRow) -> RequestRow {
    RequestRow {
        id: r.get("id"),
        reference: r.get("reference"),
        account_id: r.get("account_id"),
        status: r.get("status"),
        reasons: r.get("reasons"),
        submitted_at: r.get("submitted_at"),
        decided_at: r.get("decided_at"),
    }
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

impl Store {
    /// Opens (creating if needed) the SQLite file and runs the migrations.
    pub async fn open(path: &Path) -> Result<Store, sqlx::Error> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Store { pool })
    }

    // ------------------------------------------------------------ sign-ups and codes

    pub async fn create_signup(
        &self,
        token_hash: &[u8],
        phone: &str,
        email: &str,
        language: &str,
        now: i64,
    ) -> Result<i64, sqlx::Error> {
        let row = sqlx::query(
            "INSERT INTO signups (token_hash, phone, email, language, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(token_hash)
        .bind(phone)
        .bind(email)
        .bind(language)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("id"))
    }

    pub async fn signup_by_token(
        &self,
        token_hash: &[u8],
    ) -> Result<Option<SignupRow>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT id, phone, email, language, phone_verified, email_verified,
                    completed_at IS NOT NULL AS completed, created_at
             FROM signups WHERE token_hash = ?",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| SignupRow {
            id: r.get("id"),
            phone: r.get("phone"),
            email: r.get("email"),
            language: r.get("language"),
            phone_verified: r.get("phone_verified"),
            email_verified: r.get("email_verified"),
            completed: r.get("completed"),
            created_at: r.get("created_at"),
        }))
    }

    /// How many codes went to `destination` since `since`, and when the oldest of them went.
    pub async fn codes_sent_since(
        &self,
        destination: &str,
        since: i64,
    ) -> Result<(i64, Option<i64>), sqlx::Error> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM codes
             WHERE destination = ? AND created_at > ?",
        )
        .bind(destination)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.get("n"), row.get("oldest")))
    }

    pub async fn last_code_sent_at(
        &self,
        signup_id: i64,
        channel: &str,
    ) -> Result<Option<i64>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT MAX(created_at) AS t FROM codes WHERE signup_id = ? AND channel = ?",
        )
        .bind(signup_id)
        .bind(channel)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("t"))
    }

    /// Stores a new code for a sign-up's channel; earlier codes of that channel stop working.
    pub async fn insert_code(
        &self,
        signup_id: i64,
        channel: &str,
        destination: &str,
        code_hash: &[u8],
        now: i64,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE codes SET spent = 1 WHERE signup_id = ? AND channel = ? AND spent = 0")
            .bind(signup_id)
            .bind(channel)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO codes (signup_id, channel, destination, code_hash, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(signup_id)
        .bind(channel)
        .bind(destination)
        .bind(code_hash)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// The live code of a sign-up's channel, if any.
    pub async fn current_code(
        &self,
        signup_id: i64,
        channel: &str,
    ) -> Result<Option<CodeRow>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT id, code_hash, expires_at, attempts FROM codes
             WHERE signup_id = ? AND channel = ? AND spent = 0
             ORDER BY id DESC LIMIT 1",
        )
        .bind(signup_id)
        .bind(channel)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| CodeRow {
            id: r.get("id"),
            code_hash: r.get("code_hash"),
            expires_at: r.get("expires_at"),
            attempts: r.get("attempts"),
        }))
    }

    /// Reserves one try of a live code before it is compared, so parallel guesses cannot
    /// exceed `max_attempts`. Returns the tries made including this one, or `None` if the
    /// code is spent, expired or out of tries.
    pub async fn reserve_code_attempt(
        &self,
        code_id: i64,
        max_attempts: i64,
        now: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        let row = sqlx::query(
            "UPDATE codes SET attempts = attempts + 1
             WHERE id = ? AND spent = 0 AND attempts < ? AND expires_at > ?
             RETURNING attempts",
        )
        .bind(code_id)
        .bind(max_attempts)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.get("attempts")))
    }

    pub async fn spend_code(&self, code_id: i64) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE codes SET spent = 1 WHERE id = ?")
            .bind(code_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Spends the code and marks its channel verified, at once. Returns false if the code was
    /// already spent (a concurrent use).
    pub async fn accept_code(
        &self,
        signup_id: i64,
        code_id: i64,
        channel: Channel,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let spent = sqlx::query("UPDATE codes SET spent = 1 WHERE id = ? AND spent = 0")
            .bind(code_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if spent != 1 {
            return Ok(false);
        }
        let column = match channel {
            Channel::Phone => "phone_verified",
            Channel::Email => "email_verified",
        };
        sqlx::query(&format!("UPDATE signups SET {column} = 1 WHERE id = ?"))
            .bind(signup_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Makes the account of a verified sign-up, unless its phone or e-mail has one already.
    pub async fn complete_signup(
        &self,
        signup: &SignupRow,
        password_hash: &str,
        now: i64,
    ) -> Result<CompleteOutcome, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let marked = sqlx::query(
            "UPDATE signups SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
        )
        .bind(now)
        .bind(signup.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if marked != 1 {
            return Ok(CompleteOutcome::AlreadyCompleted);
        }
        let inserted = sqlx::query(
            "INSERT INTO accounts (phone, email, password_hash, language, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&signup.phone)
        .bind(&signup.email)
        .bind(password_hash)
        .bind(&signup.language)
        .bind(now)
        .fetch_one(&mut *tx)
        .await;
        match inserted {
            Ok(row) => {
                tx.commit().await?;
                Ok(CompleteOutcome::Created(row.get("id")))
            }
            Err(e) if is_unique_violation(&e) => Ok(CompleteOutcome::ContactTaken),
            Err(e) => Err(e),
        }
    }

    // ------------------------------------------------------------ accounts and sessions

    pub async fn account(&self, id: i64) -> Result<Option<AccountRow>, sqlx::Error> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(account_row))
    }

    pub async fn account_by_email(&self, email: &str) -> Result<Option<AccountRow>, sqlx::Error> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = ?");
        let row = sqlx::query(&sql)
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(account_row))
    }

    pub async fn account_by_phone(&self, phone: &str) -> Result<Option<AccountRow>, sqlx::Error> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE phone = ?");
        let row = sqlx::query(&sql)
            .bind(phone)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(account_row))
    }

    pub async fn create_session(
        &self,
        token_hash: &[u8],
        account_id: i64,
        now: i64,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            .bind(token_hash)
            .bind(account_id)
            .bind(now)
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn session_account(
        &self,
        token_hash: &[u8],
        now: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        let row =
            sqlx::query("SELECT account_id FROM sessions WHERE token_hash = ? AND expires_at > ?")
                .bind(token_hash)
                .bind(now)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| r.get("account_id")))
    }

    pub async fn delete_session(&self, token_hash: &[u8]) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    // ------------------------------------------------------------ face capture

    pub async fn create_challenge(
        &self,
        token_hash: &[u8],
        account_id: i64,
        prompt: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO face_challenges (token_hash, account_id, prompt, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(prompt)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Uses up a live challenge of this account; returns its prompt, or `None` if the
    /// challenge is unknown, someone else's, expired or already used.
    pub async fn take_challenge(
        &self,
        token_hash: &[u8],
        account_id: i64,
        now: i64,
    ) -> Result<Option<String>, sqlx::Error> {
        let row = sqlx::query(
            "UPDATE face_challenges SET used_at = ?
             WHERE token_hash = ? AND account_id = ? AND used_at IS NULL AND expires_at > ?
             RETURNING prompt",
        )
        .bind(now)
        .bind(token_hash)
        .bind(account_id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.get("prompt")))
    }

    pub async fn save_face(
        &self,
        account_id: i64,
        prompt: &str,
        frame_count: i64,
        frames_sealed: &[u8],
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO face_captures (account_id, prompt, frame_count, frames_sealed, created_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(account_id)
        .bind(prompt)
        .bind(frame_count)
        .bind(frames_sealed)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn has_face(&self, account_id: i64) -> Result<bool, sqlx::Error> {
        let row = sqlx::query(
            "SELECT EXISTS (SELECT 1 FROM face_captures WHERE account_id = ?) AS present",
        )
        .bind(account_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("present"))
    }

    /// The sealed frames of the latest capture (for the review, and for tests).
    pub async fn latest_face(&self, account_id: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT frames_sealed FROM face_captures WHERE account_id = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(account_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.get("frames_sealed")))
    }

    // ------------------------------------------------------------ requests

    pub async fn request_by_key(
        &self,
        account_id: i64,
        key: &str,
    ) -> Result<Option<RequestRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM requests WHERE account_id = ? AND idempotency_key = ?"
        );
        let row = sqlx::query(&sql)
            .bind(account_id)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(request_row))
    }

    pub async fn latest_request(&self, account_id: i64) -> Result<Option<RequestRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM requests WHERE account_id = ? ORDER BY id DESC LIMIT 1"
        );
        let row = sqlx::query(&sql)
            .bind(account_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(request_row))
    }

    pub async fn request_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<RequestRow>, sqlx::Error> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM requests WHERE reference = ?");
        let row = sqlx::query(&sql)
            .bind(reference)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(request_row))
    }

    /// Inserts a request, unless a unique rule refuses it (see [`InsertOutcome`]).
    pub async fn insert_request(&self, r: &NewRequest<'_>) -> Result<InsertOutcome, sqlx::Error> {
        let result = sqlx::query(
            "INSERT INTO requests
               (reference, account_id, idempotency_key, identity_sealed, nid_hash, status, submitted_at)
             VALUES (?, ?, ?, ?, ?, 'submitted', ?)",
        )
        .bind(r.reference)
        .bind(r.account_id)
        .bind(r.idempotency_key)
        .bind(r.identity_sealed)
        .bind(r.nid_hash)
        .bind(r.submitted_at)
        .execute(&self.pool)
        .await;
        match result {
            Ok(_) => Ok(InsertOutcome::Inserted),
            Err(e) if is_unique_violation(&e) => {
                let message = e.to_string();
                Ok(if message.contains("requests.reference") {
                    InsertOutcome::ReferenceTaken
                } else if message.contains("requests.idempotency_key") {
                    InsertOutcome::KeyTaken
                } else {
                    InsertOutcome::OpenRequestExists
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Records a decision on an undecided request; `None` if there is no such undecided request.
    pub async fn decide(
        &self,
        reference: &str,
        status: &str,
        reasons: &str,
        now: i64,
    ) -> Result<Option<RequestRow>, sqlx::Error> {
        let sql = format!(
            "UPDATE requests SET status = ?, reasons = ?, decided_at = ?
             WHERE reference = ? AND status IN ('submitted', 'under_review')
             RETURNING {REQUEST_COLUMNS}"
        );
        let row = sqlx::query(&sql)
            .bind(status)
            .bind(reasons)
            .bind(now)
            .bind(reference)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(request_row))
    }

    // ------------------------------------------------------------ sign-in throttling

    /// Failed sign-ins for a login since `since`, and when the oldest of them happened.
    pub async fn login_failures_since(
        &self,
        login_hash: &[u8],
        since: i64,
    ) -> Result<(i64, Option<i64>), sqlx::Error> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_failures
             WHERE login_hash = ? AND at > ?",
        )
        .bind(login_hash)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.get("n"), row.get("oldest")))
    }

    pub async fn record_login_failure(
        &self,
        login_hash: &[u8],
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO login_failures (login_hash, at) VALUES (?, ?)")
            .bind(login_hash)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn clear_login_failures(&self, login_hash: &[u8]) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM login_failures WHERE login_hash = ?")
            .bind(login_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The database answers.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    // ------------------------------------------------------------ outbox

    pub async fn outbox_insert(
        &self,
        channel: &str,
        destination: &str,
        body: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO outbox (channel, destination, body, created_at) VALUES (?, ?, ?, unixepoch())")
            .bind(channel)
            .bind(destination)
            .bind(body)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The latest outbox message to `destination` (tests and the developer's eyes only).
    pub async fn outbox_latest(&self, destination: &str) -> Result<Option<String>, sqlx::Error> {
        let row =
            sqlx::query("SELECT body FROM outbox WHERE destination = ? ORDER BY id DESC LIMIT 1")
                .bind(destination)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| r.get("body")))
    }
}
