//! Officials' accounts (created by `per-server official add`, never by sign-up), their
//! sign-in and sessions. TOTP per RFC 6238 (SHA-1, 6 digits, 30 s, one step either side),
//! a step accepted once; recovery codes single use, stored as keyed hashes; 5 failed
//! sign-ins per login in 15 minutes lock it, each attempt reserved before Argon2id runs.

use super::{Result, ReviewError, SignedIn, SESSION_ABSOLUTE_SECONDS};
use crate::crypto::{self, Keys};
use crate::service::audit::{self, Action};
use crate::service::session::{LOGIN_WINDOW_SECONDS, MAX_LOGIN_FAILURES};
use crate::state::AppState;
use crate::store::{NewOfficial, Official, Store};
use per_domain::api::review::{OfficialLogin, Role, SecondFactor, ValidOfficialSignIn};
use per_domain::SecretToken;
use totp_rs::{Builder, Secret, Totp};

/// TOTP step, seconds.
pub const TOTP_STEP: u64 = 30;
/// Recovery codes printed at creation.
pub const RECOVERY_CODES: usize = 10;
const TOTP_CONTEXT: &str = "official totp";
const ISSUER: &str = "PER";

/// What `official add` prints once: never stored in clear.
#[derive(Debug)]
pub struct Enrolment {
    pub otpauth_uri: String,
    pub secret_base32: String,
    pub recovery_codes: Vec<String>,
}

fn totp(secret: impl Into<Secret>) -> Result<Totp> {
    Builder::new()
        .with_secret(secret)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(TOTP_STEP)
        .build()
        .map_err(|e| ReviewError::Internal(anyhow::anyhow!("TOTP: {e:?}")))
}

fn recovery_hash(keys: &Keys, code: &str) -> Vec<u8> {
    keys.mac(&[b"official recovery code", code.as_bytes()])
}

fn new_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut s = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            s.push('-');
        }
        s.push(ALPHABET[crypto::random_below(ALPHABET.len())] as char);
    }
    s
}

/// Creates an official; `None` if the login is taken.
pub async fn add(
    store: &Store,
    keys: &Keys,
    login: &OfficialLogin,
    name: &str,
    role: Role,
    password: &per_domain::Password,
    now: i64,
) -> Result<Option<Enrolment>> {
    let secret: [u8; 20] = rand::random();
    let password_hash = keys.hash_password(password.expose());
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let hashes: Vec<Vec<u8>> = codes.iter().map(|c| recovery_hash(keys, c)).collect();
    let sealed = keys.seal(TOTP_CONTEXT, &secret);
    let mut tx = store.write().await?;
    let id = tx
        .insert_official(&NewOfficial {
            login: login.as_str(),
            name,
            role,
            password_hash: &password_hash,
            totp_sealed: &sealed,
            recovery_hashes: &hashes,
            now,
        })
        .await?;
    if id.is_none() {
        return Ok(None);
    }
    tx.commit().await?;
    let secret_base32 = Secret::from(secret).to_base32();
    let otpauth_uri = format!(
        "otpauth://totp/{ISSUER}:{login}?secret={secret_base32}&issuer={ISSUER}&algorithm=SHA1&digits=6&period={TOTP_STEP}",
        login = login.as_str()
    );
    Ok(Some(Enrolment {
        otpauth_uri,
        secret_base32,
        recovery_codes: codes,
    }))
}

/// Disables an official (sessions and assignments end); false if unknown.
pub async fn disable(store: &Store, login: &OfficialLogin) -> Result<bool> {
    let mut tx = store.write().await?;
    let done = tx.disable_official(login.as_str()).await?;
    tx.commit().await?;
    Ok(done)
}

/// The audit actor of a sign-in: the login of a known official, else a keyed hash of what
/// was typed.
fn actor(keys: &Keys, login: &OfficialLogin, official: Option<&Official>) -> String {
    match official {
        Some(o) => o.login.clone(),
        None => {
            let h = keys.mac(&[b"unknown official login", login.as_str().as_bytes()]);
            format!("unknown:{}", hex(&h[..8]))
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Signs an official in: the session token on success. Every attempt is audited.
pub async fn sign_in(
    state: &AppState,
    form: ValidOfficialSignIn,
    previous: Option<&SecretToken>,
) -> Result<(SignedIn, SecretToken)> {
    let now = state.clock.now();
    let key = state
        .keys
        .mac(&[b"official sign-in", form.login.as_str().as_bytes()]);
    let official = {
        let mut tx = state.store.write().await?;
        let official = tx.official_by_login(form.login.as_str()).await?;
        tx.lock_sign_in(&key, now).await?;
        let (failures, oldest) = tx
            .login_failures_since(&key, now - LOGIN_WINDOW_SECONDS)
            .await?;
        let who = actor(&state.keys, &form.login, official.as_ref());
        if failures >= MAX_LOGIN_FAILURES {
            let wait = oldest.map_or(LOGIN_WINDOW_SECONDS, |t| t + LOGIN_WINDOW_SECONDS - now);
            audit::append(
                &mut tx,
                &state.keys,
                now,
                &who,
                Action::SignInLocked,
                "",
                b"",
            )
            .await?;
            tx.commit().await?;
            tracing::warn!(event = "official_sign_in_locked", "official sign-in locked");
            return Err(ReviewError::Locked {
                retry_after_seconds: wait.max(1) as u32,
            });
        }
        // Reserved as a failure before the password is checked; cleared on success.
        tx.record_login_failure(&key, now).await?;
        tx.commit().await?;
        official.filter(|o| !o.disabled)
    };
    let stored = official.as_ref().map(|o| o.password_hash.clone());
    let password = form.password.clone();
    let password_ok = state
        .argon2(move |keys| match stored {
            Some(hash) => keys.verify_password(&password, &hash),
            None => {
                keys.waste_password_check(&password);
                false
            }
        })
        .await?;
    let mut tx = state.store.write().await?;
    let who = actor(&state.keys, &form.login, official.as_ref());
    let official = match (password_ok, official) {
        (true, Some(o)) => o,
        _ => {
            audit::append(
                &mut tx,
                &state.keys,
                now,
                &who,
                Action::SignInFailed,
                "",
                b"",
            )
            .await?;
            tx.commit().await?;
            return Err(ReviewError::SignInFailed);
        }
    };
    let second_ok = match &form.code {
        SecondFactor::Totp(code) => {
            let secret = state
                .keys
                .open(TOTP_CONTEXT, &official.totp_sealed)
                .map_err(|_| ReviewError::Internal(anyhow::anyhow!("TOTP secret does not open")))?;
            match totp(secret)?.check(code, now.max(0) as u64) {
                Some(step) => tx.accept_totp_step(official.id, step as i64).await?,
                None => false,
            }
        }
        SecondFactor::Recovery(code) => {
            tx.spend_recovery_code(official.id, &recovery_hash(&state.keys, code), now)
                .await?
        }
    };
    if !second_ok {
        audit::append(
            &mut tx,
            &state.keys,
            now,
            &who,
            Action::SignInFailed,
            "",
            b"",
        )
        .await?;
        tx.commit().await?;
        return Err(ReviewError::SignInFailed);
    }
    tx.clear_login_failures(&key).await?;
    if let Some(previous) = previous {
        tx.delete_official_session(&crypto::token_hash(previous))
            .await?;
    }
    let (token, hash) = crypto::new_token();
    tx.create_official_session(&hash, official.id, now, now + SESSION_ABSOLUTE_SECONDS)
        .await?;
    let how: &[u8] = match form.code {
        SecondFactor::Totp(_) => b"totp",
        SecondFactor::Recovery(_) => b"recovery code",
    };
    audit::append(&mut tx, &state.keys, now, &who, Action::SignIn, "", how).await?;
    tx.commit().await?;
    Ok((SignedIn { official }, token))
}

/// The official of a live session (seen within the idle timeout, within 8 hours of
/// sign-in); the session is marked seen.
pub async fn signed_in(state: &AppState, token: &SecretToken) -> Result<SignedIn> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let official = tx
        .touch_official_session(
            &crypto::token_hash(token),
            now,
            now - state.review.idle_timeout_seconds,
        )
        .await?;
    tx.commit().await?;
    official
        .map(|official| SignedIn { official })
        .ok_or(ReviewError::SignedOut)
}

pub async fn sign_out(state: &AppState, token: &SecretToken) -> Result<()> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let hash = crypto::token_hash(token);
    if let Some(o) = tx
        .touch_official_session(&hash, now, now - state.review.idle_timeout_seconds)
        .await?
    {
        audit::append(
            &mut tx,
            &state.keys,
            now,
            &o.login,
            Action::SignOut,
            "",
            b"",
        )
        .await?;
    }
    tx.delete_official_session(&hash).await?;
    tx.commit().await?;
    Ok(())
}

/// The TOTP code of a secret at a time (for tests and the enrolment check).
pub fn totp_code(secret_base32: &str, unix: i64) -> anyhow::Result<String> {
    let secret =
        Secret::try_from_base32(secret_base32).map_err(|e| anyhow::anyhow!("secret: {e:?}"))?;
    let t = totp(secret).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(t.generate(unix as u64).to_string())
}
