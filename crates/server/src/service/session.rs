//! Signing in and out, the voter's sessions (30 minutes idle, 12 hours at most, both in
//! `[limits]`; the store keeps only the token's hash), the sign-in throttle (5 wrong passwords per account, or per unknown login, in 15
//! minutes, each attempt reserved in the database before the password is checked) and the voter's own view of their registration.

use crate::clock::rfc3339;
use crate::crypto;
use crate::state::AppState;
use crate::store::{AccountId, AccountKey, Request, StoreError, Tx, Unix};
use per_domain::api::{Login, Me, RequestView, SessionClock};
use per_domain::{RequestStatus, SecretToken};

/// The session cookie's lifetime: the absolute limit (the store enforces the idle one).
pub fn session_seconds(state: &AppState) -> i64 {
    state.limits.session_absolute_seconds
}

/// How often a session's use is written: at most once a minute (not on every request), and
/// at least 30 times within the idle timeout (so a short one, set for tests, still renews).
pub fn touch_every(state: &AppState) -> i64 {
    (state.limits.session_idle_seconds / 30).clamp(1, 60)
}
/// Wrong passwords allowed for one login within the window.
pub const MAX_LOGIN_FAILURES: i64 = 5;
pub const LOGIN_WINDOW_SECONDS: i64 = 15 * 60;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("wrong login or password")]
    BadCredentials,
    #[error("too many wrong passwords")]
    Locked { retry_after_seconds: u32 },
    #[error("not signed in")]
    NoSession,
    #[error("too many password checks at once")]
    Busy,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

type Result<T> = std::result::Result<T, SessionError>;

impl From<crate::state::Argon2Error> for SessionError {
    fn from(e: crate::state::Argon2Error) -> Self {
        match e {
            crate::state::Argon2Error::Busy => SessionError::Busy,
            crate::state::Argon2Error::Failed(e) => SessionError::Internal(e),
        }
    }
}

fn login_key(login: &Login) -> &str {
    match login {
        Login::Email(e) => e.as_str(),
        Login::Phone(p) => p.as_str(),
    }
}

/// What the sign-in throttle counts under: the account when the login names one (so its
/// phone and its e-mail share the five tries), else the login as typed.
fn throttle_key(state: &AppState, login: &Login, account: Option<AccountId>) -> Vec<u8> {
    match account {
        Some(id) => account_throttle_key(state, id),
        None => state.keys.mac(&[b"login", login_key(login).as_bytes()]),
    }
}

/// The sign-in throttle's key of an account (also counts wrong old passwords at a change).
pub(crate) fn account_throttle_key(state: &AppState, account: AccountId) -> Vec<u8> {
    state
        .keys
        .mac(&[b"sign-in account", &account.0.to_be_bytes()])
}

/// Checks the password; on success opens a session and returns its token.
///
/// The attempt is reserved before the password is checked: under a row lock on the
/// throttle key, the failures of the window are counted and, below the limit, one more is
/// written (and committed) as if the password were wrong; a right password then clears
/// them. So parallel guesses take turns at the count, and at most five reach Argon2id.
///
/// `previous` is the session this browser presented, if any: it ends, so a sign-in always
/// starts a fresh token (no session fixation) and one browser holds one session.
pub async fn sign_in(
    state: &AppState,
    login: &Login,
    password: String,
    previous: Option<&SecretToken>,
) -> Result<(AccountId, SecretToken)> {
    let now = state.clock.now();
    let (account, key) = {
        let mut tx = state.store.write().await?;
        let found = match login {
            Login::Email(e) => AccountKey::Email(e),
            Login::Phone(p) => AccountKey::Phone(p),
        };
        let account = tx.account(found).await?;
        let key = throttle_key(state, login, account.as_ref().map(|a| a.id));
        tx.lock_sign_in(&key, now).await?;
        let (failures, oldest) = tx
            .login_failures_since(&key, now - LOGIN_WINDOW_SECONDS)
            .await?;
        // Five wrong passwords within 15 minutes lock it until the oldest ages out.
        if failures >= MAX_LOGIN_FAILURES {
            let wait = oldest.map_or(LOGIN_WINDOW_SECONDS, |t| t + LOGIN_WINDOW_SECONDS - now);
            tracing::warn!(
                event = "sign_in_locked",
                "sign-in refused: too many wrong passwords"
            );
            return Err(SessionError::Locked {
                retry_after_seconds: wait.max(1) as u32,
            });
        }
        tx.record_login_failure(&key, now).await?;
        tx.commit().await?;
        (account, key)
    };
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let ok = state
        .argon2(move |keys| match stored {
            Some(hash) => keys.verify_password(&password, &hash),
            None => {
                keys.waste_password_check(&password);
                false
            }
        })
        .await?;
    let account = match (ok, account) {
        (true, Some(account)) => account,
        _ => {
            tracing::info!(
                event = "sign_in_failed",
                "sign-in failed: wrong login or password"
            );
            return Err(SessionError::BadCredentials);
        }
    };
    let mut tx = state.store.write().await?;
    tx.clear_login_failures(&key).await?;
    if let Some(previous) = previous {
        tx.delete_session(&crypto::token_hash(previous)).await?;
    }
    let token = open_session(state, &mut tx, account.id, now).await?;
    tx.commit().await?;
    Ok((account.id, token))
}

pub async fn sign_out(state: &AppState, token: &SecretToken) -> Result<()> {
    let mut tx = state.store.write().await?;
    tx.delete_session(&crypto::token_hash(token)).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every session of the account, on every device ("sign out everywhere").
pub async fn sign_out_everywhere(state: &AppState, account: AccountId) -> Result<u64> {
    let mut tx = state.store.write().await?;
    let ended = tx.delete_sessions_of(account).await?;
    tx.commit().await?;
    tracing::info!(
        event = "signed_out_everywhere",
        sessions = ended,
        "every session ended"
    );
    Ok(ended)
}

/// The account of a live session: not past its absolute end, used within the idle
/// timeout. Each use (written at most once a minute) starts the idle timeout again.
pub async fn voter(state: &AppState, token: &SecretToken) -> Result<AccountId> {
    let now = state.clock.now();
    let hash = crypto::token_hash(token);
    let idle_since = now - state.limits.session_idle_seconds;
    let (account, seen) = {
        let mut tx = state.store.read().await?;
        tx.session_account(&hash, now, idle_since)
            .await?
            .ok_or(SessionError::NoSession)?
    };
    if now - seen >= touch_every(state) {
        let mut tx = state.store.write().await?;
        tx.touch_session(&hash, now).await?;
        tx.commit().await?;
    }
    Ok(account)
}

/// "Stay signed in": the session's use is written now (whenever it was last written), and
/// its clock returned. `GET /api/session`, after [`voter`] found the session live.
pub async fn renew(state: &AppState, token: &SecretToken) -> Result<SessionClock> {
    let now = state.clock.now();
    let hash = crypto::token_hash(token);
    let mut tx = state.store.write().await?;
    tx.touch_session(&hash, now).await?;
    let expires_at = tx
        .session_expires_at(&hash)
        .await?
        .ok_or(SessionError::NoSession)?;
    tx.commit().await?;
    let idle = state.limits.session_idle_seconds;
    let seconds = |s: i64| u32::try_from(s.max(0)).unwrap_or(u32::MAX);
    Ok(SessionClock {
        idle_seconds: seconds(idle),
        absolute_seconds: seconds(state.limits.session_absolute_seconds),
        idle_left_seconds: seconds(idle.min(expires_at - now)),
        absolute_left_seconds: seconds(expires_at - now),
        renew_slack_seconds: seconds(touch_every(state)),
    })
}

/// Opens a session for the account in the caller's transaction; returns its token.
pub async fn open_session(
    state: &AppState,
    tx: &mut Tx,
    account: AccountId,
    now: Unix,
) -> std::result::Result<SecretToken, StoreError> {
    let (token, hash) = crypto::new_token();
    tx.create_session(&hash, account, now, now + session_seconds(state))
        .await?;
    Ok(token)
}

/// The signed-in voter, contacts masked, and where the registration stands.
pub async fn me(state: &AppState, account: AccountId) -> Result<Me> {
    let mut tx = state.store.read().await?;
    let found = tx
        .account(AccountKey::Id(account))
        .await?
        .ok_or(SessionError::NoSession)?;
    let request = tx.latest_request(account).await?;
    Ok(Me {
        phone_masked: found.phone.masked(),
        email_masked: found.email.masked(),
        language: found.language,
        face_captured: tx.has_face(account).await?,
        request: request.as_ref().map(|r| request_view(state, r)),
    })
}

/// A stored request as its voter sees it (re-applying needs the window open).
pub fn request_view(state: &AppState, r: &Request) -> RequestView {
    RequestView {
        reference: r.reference.clone(),
        status: r.status,
        submitted_at: rfc3339(r.submitted_at),
        decided_at: r.decided_at.map(rfc3339),
        reasons: r.reasons.clone(),
        can_withdraw: r.status.can_withdraw(),
        can_reapply: (!r.status.is_active() || r.status == RequestStatus::CorrectionRequested)
            && crate::service::window::is_open(state),
        document_expired: r.document_expired,
    }
}
