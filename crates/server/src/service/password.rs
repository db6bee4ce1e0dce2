//! Changing the password (signed in, the old one required, every other session ends) and
//! resetting it (a code to the phone AND one to the e-mail, both written to the outbox in
//! the transaction that stores the reset; then the new password; every session ends).

use crate::crypto;
use crate::delivery;
use crate::notifier::texts;
use crate::passwords;
use crate::service::session::{self, SessionError, LOGIN_WINDOW_SECONDS, MAX_LOGIN_FAILURES};
use crate::state::AppState;
use crate::store::{AccountId, AccountKey, MessageKind, StoreError};
use per_domain::api::{Channel, Login, ResetStarted, ValidChangePassword, ValidCompleteReset};
use per_domain::{OneTimeCode, Problem, SecretToken};

/// A reset's codes live 10 minutes and allow 5 tries for the pair.
pub const RESET_TTL_SECONDS: i64 = 600;
pub const MAX_RESET_ATTEMPTS: i64 = 5;
/// Resets per account: 3 an hour (more are silently not sent: the answer is the same).
pub const MAX_RESETS_PER_HOUR: i64 = 3;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("the new password is refused")]
    Weak(Problem),
    #[error("wrong code")]
    CodeWrong { attempts_left: u32 },
    #[error("the reset expired or was used")]
    Expired,
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

type Result<T> = std::result::Result<T, PasswordError>;

impl From<crate::state::Argon2Error> for PasswordError {
    fn from(e: crate::state::Argon2Error) -> Self {
        PasswordError::Session(e.into())
    }
}

/// Changes the password of a signed-in voter. The old password's check goes through the
/// sign-in throttle of the account (reserved before Argon2id, as at sign-in); the session
/// `keep` stays, every other one of the account ends.
pub async fn change(
    state: &AppState,
    account: AccountId,
    keep: &SecretToken,
    v: ValidChangePassword,
) -> Result<()> {
    let now = state.clock.now();
    let key = session::account_throttle_key(state, account);
    let found = {
        let mut tx = state.store.write().await?;
        let found = tx
            .account(AccountKey::Id(account))
            .await?
            .ok_or(SessionError::NoSession)?;
        passwords::check_new(&v.new_password, &found.phone, &found.email)
            .map_err(PasswordError::Weak)?;
        tx.lock_sign_in(&key, now).await?;
        let (failures, oldest) = tx
            .login_failures_since(&key, now - LOGIN_WINDOW_SECONDS)
            .await?;
        if failures >= MAX_LOGIN_FAILURES {
            let wait = oldest.map_or(LOGIN_WINDOW_SECONDS, |t| t + LOGIN_WINDOW_SECONDS - now);
            tracing::warn!(
                event = "password_change_locked",
                "password change refused: too many wrong passwords"
            );
            return Err(SessionError::Locked {
                retry_after_seconds: wait.max(1) as u32,
            }
            .into());
        }
        tx.record_login_failure(&key, now).await?;
        tx.commit().await?;
        found
    };
    let old = v.old_password;
    let stored = found.password_hash.clone();
    if !state
        .argon2(move |keys| keys.verify_password(&old, &stored))
        .await?
    {
        tracing::info!(
            event = "password_change_failed",
            "password change refused: wrong old password"
        );
        return Err(SessionError::BadCredentials.into());
    }
    let new = v.new_password;
    let hash = state
        .argon2(move |keys| keys.hash_password(new.expose()))
        .await?;
    let mut tx = state.store.write().await?;
    tx.clear_login_failures(&key).await?;
    tx.set_password_hash(account, &hash).await?;
    let ended = tx
        .delete_other_sessions(account, &crypto::token_hash(keep))
        .await?;
    notify(state, &mut tx, &found, texts::PasswordEvent::Changed, now).await?;
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    tracing::info!(
        event = "password_changed",
        sessions_ended = ended,
        "password changed"
    );
    Ok(())
}

/// Starts a reset: for an account with this login, a code to its phone and one to its
/// e-mail. The answer is the same either way (a fresh random token).
pub async fn start_reset(state: &AppState, login: &Login) -> Result<ResetStarted> {
    let now = state.clock.now();
    let (token, token_hash) = crypto::new_token();
    let started = ResetStarted {
        reset_id: token.expose().to_owned(),
        code_ttl_seconds: RESET_TTL_SECONDS as u32,
    };
    let mut tx = state.store.write().await?;
    let key = match login {
        Login::Email(e) => AccountKey::Email(e),
        Login::Phone(p) => AccountKey::Phone(p),
    };
    let Some(account) = tx.account(key).await? else {
        tracing::info!(event = "reset_unknown_login", "reset asked for no account");
        return Ok(started);
    };
    tx.lock_account(account.id).await?;
    let (recent, _) = tx.resets_since(account.id, now - 3600).await?;
    if recent >= MAX_RESETS_PER_HOUR {
        tracing::warn!(
            event = "reset_limit",
            "no reset codes sent: the account's hourly resets are spent"
        );
        return Ok(started);
    }
    let phone_code = crypto::new_code();
    let email_code = crypto::new_code();
    let expires_at = now + RESET_TTL_SECONDS;
    tx.create_reset(
        &token_hash,
        account.id,
        &code_mac(state, &token_hash, Channel::Phone, &phone_code),
        &code_mac(state, &token_hash, Channel::Email, &email_code),
        now,
        expires_at,
    )
    .await?;
    for (channel, destination, code) in [
        (Channel::Phone, account.phone.as_str(), &phone_code),
        (Channel::Email, account.email.as_str(), &email_code),
    ] {
        let message = texts::code(account.language, channel, destination, code);
        delivery::enqueue(
            &mut tx,
            &state.keys,
            &message,
            MessageKind::Code,
            now,
            Some(expires_at),
        )
        .await?;
    }
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    tracing::info!(event = "reset_started", "password reset codes queued");
    Ok(started)
}

/// Tells the voter's phone and e-mail that the password is new (ASVS 2.2.3), in the
/// transaction that changes it: no change without its notice, no notice without the change.
async fn notify(
    state: &AppState,
    tx: &mut crate::store::Tx,
    account: &crate::store::Account,
    event: texts::PasswordEvent,
    now: i64,
) -> Result<()> {
    for (channel, destination) in [
        (Channel::Phone, account.phone.as_str()),
        (Channel::Email, account.email.as_str()),
    ] {
        let message = texts::password_notice(account.language, channel, destination, event);
        delivery::enqueue(tx, &state.keys, &message, MessageKind::Notice, now, None).await?;
    }
    Ok(())
}

fn code_mac(state: &AppState, reset: &[u8], channel: Channel, code: &OneTimeCode) -> Vec<u8> {
    state.keys.mac(&[
        b"password reset",
        reset,
        channel.code().as_bytes(),
        code.expose().as_bytes(),
    ])
}

/// Completes a reset: both codes right (each try counted before the comparison, 5 for the
/// pair), then the new password; every session of the account ends.
pub async fn complete_reset(state: &AppState, v: ValidCompleteReset) -> Result<()> {
    let token_hash = crypto::token_hash(&v.reset_id);
    let account = {
        let mut tx = state.store.read().await?;
        let reset = tx
            .reset_by_token(&token_hash)
            .await?
            .filter(|r| r.used == 0 && r.expires_at > state.clock.now())
            .filter(|r| r.attempts < MAX_RESET_ATTEMPTS)
            .ok_or(PasswordError::Expired)?;
        tx.account(AccountKey::Id(AccountId(reset.account_id)))
            .await?
            .ok_or(PasswordError::Expired)?
    };
    passwords::check_new(&v.new_password, &account.phone, &account.email)
        .map_err(PasswordError::Weak)?;
    let new = v.new_password.clone();
    let hash = state
        .argon2(move |keys| keys.hash_password(new.expose()))
        .await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let reset = tx
        .reset_by_token(&token_hash)
        .await?
        .ok_or(PasswordError::Expired)?;
    let attempts = tx
        .reserve_reset_attempt(reset.id, MAX_RESET_ATTEMPTS, now)
        .await?
        .ok_or(PasswordError::Expired)?;
    let phone_ok = state.keys.mac_matches(
        &[
            b"password reset",
            &token_hash,
            Channel::Phone.code().as_bytes(),
            v.phone_code.expose().as_bytes(),
        ],
        &reset.phone_code_hash,
    );
    let email_ok = state.keys.mac_matches(
        &[
            b"password reset",
            &token_hash,
            Channel::Email.code().as_bytes(),
            v.email_code.expose().as_bytes(),
        ],
        &reset.email_code_hash,
    );
    if !(phone_ok && email_ok) {
        tx.commit().await?;
        tracing::info!(event = "reset_code_wrong", "a wrong reset code was entered");
        return Err(PasswordError::CodeWrong {
            attempts_left: (MAX_RESET_ATTEMPTS - attempts).max(0) as u32,
        });
    }
    tx.use_reset(reset.id).await?;
    tx.set_password_hash(account.id, &hash).await?;
    let ended = tx.delete_sessions_of(account.id).await?;
    notify(state, &mut tx, &account, texts::PasswordEvent::Reset, now).await?;
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    tracing::info!(
        event = "password_reset",
        sessions_ended = ended,
        "password reset; every session ended"
    );
    Ok(())
}
