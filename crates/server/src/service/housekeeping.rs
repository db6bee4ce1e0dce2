//! Housekeeping: every process purges, every ten minutes, the rows that outlived their use
//! (void sign-ups and their codes, ended sessions and challenges, throttle rows past their
//! windows), so the database does not grow with abandoned attempts and floods; and, for the
//! review's retention, the face frames and documents of requests decided more than
//! `[review] retention_days` ago are deleted with their sealed bytes ([`shred`]).

use crate::service::{session, signup};
use crate::state::AppState;
use crate::store::{PurgeBefore, Purged, StoreError};
use std::time::Duration;

/// How often each process purges (several processes purging is harmless: it is idempotent).
pub const PURGE_EVERY: Duration = Duration::from_secs(600);
/// Expired sessions and challenges are kept a day (for a voter's "signed out" and logs).
const KEEP_EXPIRED_SECONDS: i64 = 24 * 3600;

/// Deletes, in one transaction, every row whose limit or lifetime has passed.
pub async fn purge(state: &AppState) -> Result<Purged, StoreError> {
    let now = state.clock.now();
    let before = PurgeBefore {
        // Void after two hours; their codes count for the daily budget a day.
        signups: now - signup::SIGNUP_TTL_SECONDS.max(signup::DAY_SECONDS),
        expired: now - KEEP_EXPIRED_SECONDS,
        login_failures: now - session::LOGIN_WINDOW_SECONDS,
        code_failures: now - signup::DESTINATION_FAILURE_WINDOW_SECONDS,
        budgets: now - KEEP_EXPIRED_SECONDS,
        origins: now - signup::ORIGIN_WINDOW_SECONDS,
    };
    let mut tx = state.store.write().await?;
    let purged = tx.purge(before).await?;
    tx.commit().await?;
    if purged.total() > 0 {
        tracing::info!(
            event = "purged",
            signups = purged.signups,
            codes = purged.codes,
            sessions = purged.sessions,
            face_challenges = purged.face_challenges,
            login_failures = purged.login_failures,
            code_failures = purged.code_failures,
            budgets = purged.budgets,
            origins = purged.origins,
            "expired rows deleted"
        );
    }
    Ok(purged)
}

/// What [`shred`] deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shredded {
    pub face_frames: u64,
    pub documents: u64,
    pub official_sessions: u64,
}

/// Retention: deletes the face frames and documents of requests decided more than
/// `retention_days` ago (the rows hold the only sealed copy: deleting them crypto-shreds the
/// images), and officials' sessions past their end.
pub async fn shred(state: &AppState) -> Result<Shredded, StoreError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let (face_frames, documents) = tx
        .shred_decided(now - state.review.retention_days * 86_400)
        .await?;
    let official_sessions = tx
        .purge_official_sessions(now - KEEP_EXPIRED_SECONDS)
        .await?;
    tx.commit().await?;
    let s = Shredded {
        face_frames,
        documents,
        official_sessions,
    };
    if s != Shredded::default() {
        tracing::info!(
            event = "retention",
            face_frames,
            documents,
            official_sessions,
            "decided requests' images deleted"
        );
    }
    Ok(s)
}

/// Runs [`purge`] and [`shred`] every [`PURGE_EVERY`] until the task is aborted.
pub fn spawn_purger(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(PURGE_EVERY);
        loop {
            every.tick().await;
            state.api_limiter.forget_idle();
            if let Err(e) = purge(&state).await {
                tracing::error!(
                    error = format!("{:#}", anyhow::Error::new(e)),
                    "housekeeping: purge failed"
                );
            }
            if let Err(e) = shred(&state).await {
                tracing::error!(
                    error = format!("{:#}", anyhow::Error::new(e)),
                    "housekeeping: retention failed"
                );
            }
        }
    })
}
