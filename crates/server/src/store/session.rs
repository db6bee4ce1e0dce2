//! Accounts and their sessions (the store keeps only the session token's hash).

use super::{on_tx, on_tx_rows, parsed, AccountId, StoreResult, Tx, Unix};
use per_domain::{Email, Language, PhoneNumber};

/// A voter's account.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: AccountId,
    pub phone: PhoneNumber,
    pub email: Email,
    pub password_hash: String,
    pub language: Language,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    phone: String,
    email: String,
    password_hash: String,
    language: String,
}

impl AccountRow {
    fn into_account(self) -> StoreResult<Account> {
        Ok(Account {
            id: AccountId(self.id),
            phone: parsed("phone number", PhoneNumber::parse(&self.phone))?,
            email: parsed("e-mail address", Email::parse(&self.email))?,
            password_hash: self.password_hash,
            language: parsed("language", Language::parse(&self.language))?,
        })
    }
}

/// How an account is looked up at sign-in.
#[derive(Debug, Clone, Copy)]
pub enum AccountKey<'a> {
    Id(AccountId),
    Phone(&'a PhoneNumber),
    Email(&'a Email),
}

impl Tx {
    pub async fn account(&mut self, key: AccountKey<'_>) -> StoreResult<Option<Account>> {
        const COLUMNS: &str = "SELECT id, phone, email, password_hash, language FROM accounts";
        let row: Option<AccountRow> = match key {
            AccountKey::Id(id) => {
                on_tx!(self, c => sqlx::query_as(&format!("{COLUMNS} WHERE id = $1"))
                .bind(id.0)
                .fetch_optional(&mut *c)
                .await)?
            }
            AccountKey::Phone(p) => {
                on_tx!(self, c => sqlx::query_as(&format!("{COLUMNS} WHERE phone = $1"))
                .bind(p.as_str())
                .fetch_optional(&mut *c)
                .await)?
            }
            AccountKey::Email(e) => {
                on_tx!(self, c => sqlx::query_as(&format!("{COLUMNS} WHERE email = $1"))
                .bind(e.as_str())
                .fetch_optional(&mut *c)
                .await)?
            }
        };
        row.map(AccountRow::into_account).transpose()
    }

    pub async fn create_session(
        &mut self,
        token_hash: &[u8],
        account: AccountId,
        now: Unix,
        expires_at: Unix,
    ) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at, last_seen_at)
             VALUES ($1, $2, $3, $4, $3)",
        )
        .bind(token_hash)
        .bind(account.0)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// The account of a live session (not past its absolute end, used since `idle_since`),
    /// and when it was last used.
    pub async fn session_account(
        &mut self,
        token_hash: &[u8],
        now: Unix,
        idle_since: Unix,
    ) -> StoreResult<Option<(AccountId, Unix)>> {
        let row: Option<(i64, i64)> = on_tx!(self, c => sqlx::query_as(
            "SELECT account_id, last_seen_at FROM sessions
             WHERE token_hash = $1 AND expires_at > $2 AND last_seen_at > $3",
        )
        .bind(token_hash)
        .bind(now)
        .bind(idle_since)
        .fetch_optional(&mut *c)
        .await)?;
        Ok(row.map(|(id, seen)| (AccountId(id), seen)))
    }

    /// Marks the session used now (the idle timeout starts again).
    pub async fn touch_session(&mut self, token_hash: &[u8], now: Unix) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2",
        )
        .bind(token_hash)
        .bind(now)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    /// When the session ends at the latest (its absolute limit), if it exists.
    pub async fn session_expires_at(&mut self, token_hash: &[u8]) -> StoreResult<Option<Unix>> {
        let row: Option<(i64,)> = on_tx!(self, c => sqlx::query_as(
            "SELECT expires_at FROM sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *c)
        .await)?;
        Ok(row.map(|(t,)| t))
    }

    pub async fn delete_session(&mut self, token_hash: &[u8]) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *c)
            .await)?;
        Ok(())
    }

    /// Ends every session of the account ("sign out everywhere"); returns how many.
    pub async fn delete_sessions_of(&mut self, account: AccountId) -> StoreResult<u64> {
        Ok(
            on_tx_rows!(self, c => sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account.0)
            .execute(&mut *c)
            .await)?,
        )
    }
}
