//! The store: the only module that speaks SQL, on SQLite (the embedded default) or PostgreSQL
//! (`postgres://…`), through sqlx with each database's own migrations.
//!
//! Every operation is a method of a [`Tx`], one transaction: a change of several steps is
//! never half made. Rows come out as domain types (a stored value that does not parse is a
//! [`StoreError::Corrupt`], never a silent default); a unique rule that refuses a row comes
//! back as a typed outcome, found with `ON CONFLICT DO NOTHING` and a probe, never by reading
//! an error message. The SQL is shared by both databases; the one place it differs (claiming
//! an outbox message) says so.
//!
//! Why an enum of the two native drivers (and the `on_tx!` macro to run one body on either) rather
//! than `sqlx::Any`: each driver keeps its own types (`BOOLEAN` and `BYTEA` on PostgreSQL,
//! integers and blobs on SQLite decode to the same Rust values), its own connection options
//! (WAL, busy timeout, `BEGIN IMMEDIATE` for SQLite writers) and its own migrations, and
//! every query is type-checked against both at compile time; `Any` would lose the options
//! and turn type mismatches into run-time decode errors.

mod audit;
mod draft;
mod face;
mod outbox;
mod password;
mod purge;
mod registry;
mod request;
mod review;
mod session;
mod signup;
mod throttle;
mod upload;

pub use audit::*;
pub use face::*;
pub use outbox::*;
pub use password::*;
pub use purge::*;
pub use request::*;
pub use review::*;
pub use session::*;
pub use signup::*;
pub use upload::*;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// Runs `$body` with `$c` bound to the transaction's connection, whichever the database: the
/// same SQL and the same decoding, type-checked once per driver.
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match &mut $tx.inner {
            $crate::store::TxInner::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::store::TxInner::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}
pub(crate) use on_tx;

/// [`on_tx!`] for a statement run with `execute`: the rows it changed.
macro_rules! on_tx_rows {
    ($tx:expr, $c:ident => $body:expr) => {
        match &mut $tx.inner {
            $crate::store::TxInner::Sqlite(t) => {
                let $c = &mut **t;
                $body.map(|r| r.rows_affected())
            }
            $crate::store::TxInner::Postgres(t) => {
                let $c = &mut **t;
                $body.map(|r| r.rows_affected())
            }
        }
    };
}
pub(crate) use on_tx_rows;

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("a stored {0} is not valid")]
    Corrupt(&'static str),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Debug, Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A handle on the database (cheap to clone).
#[derive(Debug, Clone)]
pub struct Store {
    pool: Pool,
}

/// One transaction; dropped without [`Tx::commit`], it rolls back.
#[derive(Debug)]
pub struct Tx {
    inner: TxInner,
}

#[derive(Debug)]
pub(crate) enum TxInner {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}
id_type!(
    /// A sign-up in progress.
    SignupId
);
id_type!(
    /// A one-time code sent to one destination.
    CodeId
);
id_type!(
    /// A voter's account.
    AccountId
);
id_type!(
    /// A registration request.
    RequestId
);
id_type!(
    /// A message in the outbox.
    MessageId
);

/// Unix seconds, UTC: the one unit of time the store keeps.
pub type Unix = i64;

impl Store {
    /// Opens the database `url` names (`postgres://…`, or `sqlite:PATH`), or else the SQLite
    /// file `per.sqlite` in `data_dir`, and runs the migrations.
    pub async fn open(url: Option<&str>, data_dir: &Path) -> StoreResult<Store> {
        match url {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Store::open_postgres(url).await
            }
            Some(url) => {
                let path = url
                    .trim_start_matches("sqlite://")
                    .trim_start_matches("sqlite:");
                Store::open_sqlite(Path::new(path)).await
            }
            None => Store::open_sqlite(&data_dir.join("per.sqlite")).await,
        }
    }

    pub async fn open_sqlite(path: &Path) -> StoreResult<Store> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(Store {
            pool: Pool::Sqlite(pool),
        })
    }

    pub async fn open_postgres(url: &str) -> StoreResult<Store> {
        let options = PgConnectOptions::from_str(url)?;
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(Store {
            pool: Pool::Postgres(pool),
        })
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// A transaction that will write. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so a read-then-write never fails on a stale snapshot and writers queue
    /// (across processes too); on PostgreSQL row locks do that work.
    pub async fn write(&self) -> StoreResult<Tx> {
        let inner = match &self.pool {
            Pool::Sqlite(p) => TxInner::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => TxInner::Postgres(p.begin().await?),
        };
        Ok(Tx { inner })
    }

    /// A transaction that only reads (one consistent snapshot).
    pub async fn read(&self) -> StoreResult<Tx> {
        let inner = match &self.pool {
            Pool::Sqlite(p) => TxInner::Sqlite(p.begin().await?),
            Pool::Postgres(p) => TxInner::Postgres(p.begin().await?),
        };
        Ok(Tx { inner })
    }

    /// The database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        match &self.pool {
            Pool::Sqlite(p) => sqlx::query("SELECT 1").execute(p).await.map(|_| ())?,
            Pool::Postgres(p) => sqlx::query("SELECT 1").execute(p).await.map(|_| ())?,
        }
        Ok(())
    }

    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> StoreResult<()> {
        match self.inner {
            TxInner::Sqlite(t) => t.commit().await?,
            TxInner::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self.inner {
            TxInner::Sqlite(_) => Backend::Sqlite,
            TxInner::Postgres(_) => Backend::Postgres,
        }
    }
}

/// Parses a stored value with its domain type; a value that does not parse is corruption.
pub(crate) fn parsed<T, E>(what: &'static str, r: Result<T, E>) -> StoreResult<T> {
    r.map_err(|_| StoreError::Corrupt(what))
}

/// `phone` / `email` as stored.
pub(crate) fn channel_of(code: &str) -> StoreResult<per_domain::api::Channel> {
    use per_domain::api::Channel;
    match code {
        "phone" => Ok(Channel::Phone),
        "email" => Ok(Channel::Email),
        _ => Err(StoreError::Corrupt("channel")),
    }
}
