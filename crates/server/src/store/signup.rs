//! Sign-ups in progress and their one-time codes (stored as keyed hashes).

use super::{on_tx, on_tx_rows, parsed, AccountId, CodeId, SignupId, StoreResult, Tx, Unix};
use per_domain::api::Channel;
use per_domain::{Email, Language, PhoneNumber};

/// A sign-up as stored: contacts validated, each channel verified or not.
#[derive(Debug, Clone)]
pub struct Signup {
    pub id: SignupId,
    pub phone: PhoneNumber,
    pub email: Email,
    pub language: Language,
    pub phone_verified: bool,
    pub email_verified: bool,
    pub completed: bool,
    pub created_at: Unix,
}

impl Signup {
    pub fn destination(&self, channel: Channel) -> &str {
        match channel {
            Channel::Phone => self.phone.as_str(),
            Channel::Email => self.email.as_str(),
        }
    }

    pub fn verified(&self, channel: Channel) -> bool {
        match channel {
            Channel::Phone => self.phone_verified,
            Channel::Email => self.email_verified,
        }
    }
}

#[derive(sqlx::FromRow)]
struct SignupRow {
    id: i64,
    phone: String,
    email: String,
    language: String,
    phone_verified: bool,
    email_verified: bool,
    completed: bool,
    created_at: i64,
}

impl SignupRow {
    fn into_signup(self) -> StoreResult<Signup> {
        Ok(Signup {
            id: SignupId(self.id),
            phone: parsed("phone number", PhoneNumber::parse(&self.phone))?,
            email: parsed("e-mail address", Email::parse(&self.email))?,
            language: parsed("language", Language::parse(&self.language))?,
            phone_verified: self.phone_verified,
            email_verified: self.email_verified,
            completed: self.completed,
            created_at: self.created_at,
        })
    }
}

/// The live code of a channel.
#[derive(Debug, Clone)]
pub struct Code {
    pub id: CodeId,
    pub code_hash: Vec<u8>,
    pub expires_at: Unix,
    pub attempts: i64,
}

#[derive(sqlx::FromRow)]
struct CodeRow {
    id: i64,
    code_hash: Vec<u8>,
    expires_at: i64,
    attempts: i64,
}

/// A code to store: the hash is bound to its sign-up and channel.
#[derive(Debug)]
pub struct NewCode<'a> {
    pub signup: SignupId,
    pub channel: Channel,
    pub destination: &'a str,
    pub code_hash: &'a [u8],
    pub created_at: Unix,
    pub expires_at: Unix,
}

/// What became of "make the account of this sign-up".
#[derive(Debug, PartialEq, Eq)]
pub enum CompleteOutcome {
    Created(AccountId),
    AlreadyCompleted,
    /// The phone number or the e-mail address has an account already.
    ContactTaken,
}

impl Tx {
    pub async fn create_signup(
        &mut self,
        token_hash: &[u8],
        phone: &PhoneNumber,
        email: &Email,
        language: Language,
        now: Unix,
    ) -> StoreResult<SignupId> {
        let id: i64 = on_tx!(self, c => sqlx::query_scalar(
            "INSERT INTO signups (token_hash, phone, email, language, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(token_hash)
        .bind(phone.as_str())
        .bind(email.as_str())
        .bind(language.code())
        .bind(now)
        .fetch_one(&mut *c)
        .await)?;
        Ok(SignupId(id))
    }

    pub async fn signup_by_token(&mut self, token_hash: &[u8]) -> StoreResult<Option<Signup>> {
        let row: Option<SignupRow> = on_tx!(self, c => sqlx::query_as(
            "SELECT id, phone, email, language, phone_verified, email_verified,
                    completed_at IS NOT NULL AS completed, created_at
             FROM signups WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *c)
        .await)?;
        row.map(SignupRow::into_signup).transpose()
    }

    pub async fn last_code_sent_at(
        &mut self,
        signup: SignupId,
        channel: Channel,
    ) -> StoreResult<Option<Unix>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT MAX(created_at) FROM codes WHERE signup_id = $1 AND channel = $2",
        )
        .bind(signup.0)
        .bind(channel.code())
        .fetch_one(&mut *c)
        .await)?)
    }

    /// Stores a new code for a sign-up's channel; earlier codes of that channel stop working.
    pub async fn insert_code(&mut self, code: &NewCode<'_>) -> StoreResult<CodeId> {
        on_tx_rows!(self, c => sqlx::query(
            "UPDATE codes SET spent = TRUE WHERE signup_id = $1 AND channel = $2 AND spent = FALSE",
        )
        .bind(code.signup.0)
        .bind(code.channel.code())
        .execute(&mut *c)
        .await)?;
        let id: i64 = on_tx!(self, c => sqlx::query_scalar(
            "INSERT INTO codes (signup_id, channel, destination, code_hash, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(code.signup.0)
        .bind(code.channel.code())
        .bind(code.destination)
        .bind(code.code_hash)
        .bind(code.created_at)
        .bind(code.expires_at)
        .fetch_one(&mut *c)
        .await)?;
        Ok(CodeId(id))
    }

    /// The live code of a sign-up's channel, if any.
    pub async fn current_code(
        &mut self,
        signup: SignupId,
        channel: Channel,
    ) -> StoreResult<Option<Code>> {
        let row: Option<CodeRow> = on_tx!(self, c => sqlx::query_as(
            "SELECT id, code_hash, expires_at, attempts FROM codes
             WHERE signup_id = $1 AND channel = $2 AND spent = FALSE
             ORDER BY id DESC LIMIT 1",
        )
        .bind(signup.0)
        .bind(channel.code())
        .fetch_optional(&mut *c)
        .await)?;
        Ok(row.map(|r| Code {
            id: CodeId(r.id),
            code_hash: r.code_hash,
            expires_at: r.expires_at,
            attempts: r.attempts,
        }))
    }

    /// Reserves one try of a live code before it is compared, so parallel guesses cannot
    /// exceed `max_attempts`. Returns the tries made including this one, or `None` if the
    /// code is spent, expired or out of tries.
    pub async fn reserve_code_attempt(
        &mut self,
        code: CodeId,
        max_attempts: i64,
        now: Unix,
    ) -> StoreResult<Option<i64>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "UPDATE codes SET attempts = attempts + 1
             WHERE id = $1 AND spent = FALSE AND attempts < $2 AND expires_at > $3
             RETURNING attempts",
        )
        .bind(code.0)
        .bind(max_attempts)
        .bind(now)
        .fetch_optional(&mut *c)
        .await)?)
    }

    pub async fn spend_code(&mut self, code: CodeId) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("UPDATE codes SET spent = TRUE WHERE id = $1")
            .bind(code.0)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Spends the code and marks its channel verified. Returns false if the code was already
    /// spent (a concurrent use).
    pub async fn accept_code(
        &mut self,
        signup: SignupId,
        code: CodeId,
        channel: Channel,
    ) -> StoreResult<bool> {
        let spent = on_tx_rows!(self, c => sqlx::query(
            "UPDATE codes SET spent = TRUE WHERE id = $1 AND spent = FALSE",
        )
        .bind(code.0)
        .execute(&mut *c)
        .await)?;
        if spent != 1 {
            return Ok(false);
        }
        let sql = match channel {
            Channel::Phone => "UPDATE signups SET phone_verified = TRUE WHERE id = $1",
            Channel::Email => "UPDATE signups SET email_verified = TRUE WHERE id = $1",
        };
        on_tx_rows!(self, c => sqlx::query(sql).bind(signup.0).execute(&mut *c).await)?;
        Ok(true)
    }

    /// Makes the account of a verified sign-up, unless its phone or e-mail has one already
    /// (then the transaction must be dropped: the sign-up stays open).
    pub async fn complete_signup(
        &mut self,
        signup: &Signup,
        password_hash: &str,
        now: Unix,
    ) -> StoreResult<CompleteOutcome> {
        let marked = on_tx_rows!(self, c => sqlx::query(
            "UPDATE signups SET completed_at = $1 WHERE id = $2 AND completed_at IS NULL",
        )
        .bind(now)
        .bind(signup.id.0)
        .execute(&mut *c)
        .await)?;
        if marked != 1 {
            return Ok(CompleteOutcome::AlreadyCompleted);
        }
        let id: Option<i64> = on_tx!(self, c => sqlx::query_scalar(
            "INSERT INTO accounts (phone, email, password_hash, language, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(signup.phone.as_str())
        .bind(signup.email.as_str())
        .bind(password_hash)
        .bind(signup.language.code())
        .bind(now)
        .fetch_optional(&mut *c)
        .await)?;
        Ok(match id {
            Some(id) => CompleteOutcome::Created(AccountId(id)),
            None => CompleteOutcome::ContactTaken,
        })
    }
}
