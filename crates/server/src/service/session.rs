//! Signing in and out, the voter's sessions (two hours; the store keeps only the token's
//! hash), the sign-in throttle (5 wrong passwords per login in 15 minutes, kept in the
//! database) and the voter's own view of their registration.

use crate::clock::rfc3339;
use crate::crypto;
use crate::state::AppState;
use crate::store::{AccountId, AccountKey, Request, StoreError, Tx, Unix};
use per_domain::api::{Login, Me, RequestView};
use per_domain::SecretToken;

/// Sessions end two hours after sign-in.
pub const SESSION_SECONDS: i64 = 2 * 3600;
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
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

type Result<T> = std::result::Result<T, SessionError>;

fn login_key(login: &Login) -> &str {
    match login {
        Login::Email(e) => e.as_str(),
        Login::Phone(p) => p.as_str(),
    }
}

/// Checks the password; on success opens a session and returns its token.
pub async fn sign_in(
    state: &AppState,
    login: &Login,
    password: String,
) -> Result<(AccountId, SecretToken)> {
    let login_hash = state.keys.mac(&[b"login", login_key(login).as_bytes()]);
    let now = state.clock.now();
    let (account, failures, oldest) = {
        let mut tx = state.store.read().await?;
        let key = match login {
            Login::Email(e) => AccountKey::Email(e),
            Login::Phone(p) => AccountKey::Phone(p),
        };
        let account = tx.account(key).await?;
        let (failures, oldest) = tx
            .login_failures_since(&login_hash, now - LOGIN_WINDOW_SECONDS)
            .await?;
        (account, failures, oldest)
    };
    // Five wrong passwords for a login within 15 minutes lock it until the oldest ages out.
    if failures >= MAX_LOGIN_FAILURES {
        let wait = oldest.map_or(LOGIN_WINDOW_SECONDS, |t| t + LOGIN_WINDOW_SECONDS - now);
        return Err(SessionError::Locked {
            retry_after_seconds: wait.max(1) as u32,
        });
    }
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
    let mut tx = state.store.write().await?;
    let account = match (ok, account) {
        (true, Some(account)) => account,
        _ => {
            tx.record_login_failure(&login_hash, now).await?;
            tx.commit().await?;
            return Err(SessionError::BadCredentials);
        }
    };
    tx.clear_login_failures(&login_hash).await?;
    let token = open_session(&mut tx, account.id, now).await?;
    tx.commit().await?;
    Ok((account.id, token))
}

pub async fn sign_out(state: &AppState, token: &SecretToken) -> Result<()> {
    let mut tx = state.store.write().await?;
    tx.delete_session(&crypto::token_hash(token)).await?;
    tx.commit().await?;
    Ok(())
}

/// The account of a live session.
pub async fn voter(state: &AppState, token: &SecretToken) -> Result<AccountId> {
    let mut tx = state.store.read().await?;
    tx.session_account(&crypto::token_hash(token), state.clock.now())
        .await?
        .ok_or(SessionError::NoSession)
}

/// Opens a session for the account in the caller's transaction; returns its token.
pub async fn open_session(
    tx: &mut Tx,
    account: AccountId,
    now: Unix,
) -> std::result::Result<SecretToken, StoreError> {
    let (token, hash) = crypto::new_token();
    tx.create_session(&hash, account, now, now + SESSION_SECONDS)
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
        can_reapply: !r.status.is_active() && crate::service::window::is_open(state),
        document_expired: r.document_expired,
    }
}
