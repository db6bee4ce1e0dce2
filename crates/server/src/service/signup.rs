//! Creating an account: contacts, the two one-time codes (each written to the outbox in the
//! transaction that stores it), then the password. The hourly budget per destination is
//! counted under a row lock in the database, so it holds across server processes.

use crate::crypto;
use crate::delivery;
use crate::notifier::texts;
use crate::service::session;
use crate::state::AppState;
use crate::store::{
    AccountId, CompleteOutcome, MessageKind, NewCode, Signup, SignupId, StoreError, Tx, Unix,
};
use per_domain::api::{Channel, SignupProgress, ValidSignupStart};
use per_domain::{Language, OneTimeCode, Password, SecretToken};

/// A code lives 10 minutes, allows 5 wrong tries, can be re-sent after 60 s, and a
/// destination gets at most 5 codes an hour.
pub const CODE_TTL_SECONDS: i64 = 600;
pub const MAX_CODE_ATTEMPTS: i64 = 5;
pub const RESEND_AFTER_SECONDS: i64 = 60;
pub const MAX_CODES_PER_HOUR: i64 = 5;
pub const CODE_WINDOW_SECONDS: i64 = 3600;
/// Wrong codes for one destination in a row, across all its codes (new sign-ups and
/// re-sends bring fresh codes, not fresh tries): at most 100 (NIST SP 800-63B 5.2.2,
/// counted over 30 days; a right code clears them); then the destination takes no code and
/// no try for a day after the last wrong one.
pub const MAX_DESTINATION_FAILURES: i64 = 100;
pub const DESTINATION_FAILURE_WINDOW_SECONDS: i64 = 30 * 24 * 3600;
pub const DESTINATION_LOCK_SECONDS: i64 = 24 * 3600;
/// Sign-ups from one client address, and from its network (IPv4 /24, IPv6 /48), in an
/// hour: a household or a consulate's wifi stays far below; a pump of SMS does not.
pub const MAX_SIGNUPS_PER_ADDRESS: i64 = 10;
pub const MAX_SIGNUPS_PER_NETWORK: i64 = 50;
pub const ORIGIN_WINDOW_SECONDS: i64 = 3600;
/// Codes to one destination in a day (besides the five an hour).
pub const MAX_CODES_PER_DAY: i64 = 10;
pub const DAY_SECONDS: i64 = 24 * 3600;
/// A sign-up not finished within two hours is void; the voter starts again.
pub const SIGNUP_TTL_SECONDS: i64 = 2 * 3600;

#[derive(Debug, thiserror::Error)]
pub enum SignupError {
    #[error("no open sign-up has this token")]
    NoSignup,
    #[error("wrong code")]
    CodeWrong { attempts_left: u32 },
    #[error("code expired or used up")]
    CodeExpired,
    #[error("too many codes")]
    TooMany { retry_after_seconds: u32 },
    #[error("the service's SMS budget is spent")]
    SmsLater { retry_after_seconds: u32 },
    #[error("both codes must be verified first")]
    NotVerified,
    #[error("the phone number or e-mail address has an account")]
    AlreadyRegistered,
    #[error("too many password checks at once")]
    Busy,
    #[error("the password is refused")]
    WeakPassword(per_domain::Problem),
    #[error("the phone number is refused")]
    Phone(per_domain::Problem),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

type Result<T> = std::result::Result<T, SignupError>;

impl From<crate::state::Argon2Error> for SignupError {
    fn from(e: crate::state::Argon2Error) -> Self {
        match e {
            crate::state::Argon2Error::Busy => SignupError::Busy,
            crate::state::Argon2Error::Failed(e) => SignupError::Internal(e),
        }
    }
}

/// A sign-up just started: the token goes back to the app (only its hash is stored).
#[derive(Debug)]
pub struct Started {
    pub token: SecretToken,
    /// No SMS went out (the service's SMS budget is spent): e-mail first.
    pub sms_later: bool,
}

/// Where a request came from: the client's address (see `extract::ClientIp`).
#[derive(Debug, Clone, Copy)]
pub struct Origin(pub std::net::IpAddr);

impl Origin {
    /// Keyed hashes of the address and of its network, with each one's hourly limit.
    fn keys(self, state: &AppState) -> [(Vec<u8>, i64); 2] {
        use std::net::IpAddr;
        let net: Vec<u8> = match self.0 {
            IpAddr::V4(a) => a.octets()[..3].to_vec(),
            IpAddr::V6(a) => a.octets()[..6].to_vec(),
        };
        let addr: Vec<u8> = match self.0 {
            IpAddr::V4(a) => a.octets().to_vec(),
            IpAddr::V6(a) => a.octets().to_vec(),
        };
        [
            (
                state.keys.mac(&[b"origin address", &addr]),
                MAX_SIGNUPS_PER_ADDRESS,
            ),
            (
                state.keys.mac(&[b"origin network", &net]),
                MAX_SIGNUPS_PER_NETWORK,
            ),
        ]
    }
}

pub async fn start(state: &AppState, v: &ValidSignupStart, origin: Origin) -> Result<Started> {
    // A number that exists, is mobile, of an allowed country (the app checks its shape only).
    if let Some(problem) = crate::phones::problem(&v.phone, &state.phone_countries) {
        return Err(SignupError::Phone(problem));
    }
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    // One address, one network: a bounded number of sign-ups (each sends an SMS) an hour.
    for (key, limit) in origin.keys(state) {
        tx.lock_origin(&key, now).await?;
        let (count, oldest) = tx
            .signups_from_since(&key, now - ORIGIN_WINDOW_SECONDS)
            .await?;
        if count >= limit {
            let wait = oldest.map_or(ORIGIN_WINDOW_SECONDS, |t| t + ORIGIN_WINDOW_SECONDS - now);
            tracing::warn!(
                event = "signup_origin_limit",
                "sign-up refused: too many from one origin"
            );
            return Err(SignupError::TooMany {
                retry_after_seconds: wait.max(1) as u32,
            });
        }
        tx.record_signup_origin(&key, now).await?;
    }
    // Refuse before creating anything if either destination had its codes for the hour.
    let mut destinations = [v.phone.as_str(), v.email.as_str()];
    destinations.sort_unstable();
    for destination in destinations {
        tx.lock_destination(destination, now).await?;
        hourly_allowance(&mut tx, destination, now).await?;
        destination_allowance(&mut tx, destination, now).await?;
    }
    let (token, hash) = crypto::new_token();
    let id = tx
        .create_signup(&hash, &v.phone, &v.email, v.language, now)
        .await?;
    // The SMS budget spent: the sign-up goes on by e-mail first, the phone code later.
    let sms_later = sms_budget_wait(state, &mut tx, now).await?.is_some();
    if !sms_later {
        issue_code(
            state,
            &mut tx,
            id,
            Channel::Phone,
            v.phone.as_str(),
            v.language,
            now,
            false,
        )
        .await?;
    }
    issue_code(
        state,
        &mut tx,
        id,
        Channel::Email,
        v.email.as_str(),
        v.language,
        now,
        sms_later,
    )
    .await?;
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    Ok(Started { token, sms_later })
}

/// When the service's SMS budget (`[limits] sms_per_hour`, `sms_per_day`) is spent, how
/// long until a message to a phone fits again; `None` while it is not.
pub async fn sms_budget_wait(state: &AppState, tx: &mut Tx, now: Unix) -> Result<Option<u32>> {
    let mut wait = None;
    for (window, limit) in [
        (CODE_WINDOW_SECONDS, state.limits.sms_per_hour),
        (DAY_SECONDS, state.limits.sms_per_day),
    ] {
        let (sent, oldest) = tx.sms_sent_since(now - window).await?;
        if sent >= limit {
            let w = oldest.map_or(window, |t| t + window - now).max(1);
            tracing::warn!(
                event = "sms_budget_spent",
                window,
                limit,
                "no SMS sent: the service's SMS budget is spent (e-mail first)"
            );
            wait = Some(wait.map_or(w, |x: i64| x.max(w)));
        }
    }
    Ok(wait.map(|w| w as u32))
}

pub async fn verify(
    state: &AppState,
    token: &SecretToken,
    channel: Channel,
    code: &OneTimeCode,
) -> Result<SignupProgress> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let signup = open_signup(&mut tx, token, now).await?;
    if signup.verified(channel) {
        return Ok(progress(&signup, None));
    }
    let destination = signup.destination(channel).to_owned();
    // Under the destination's lock: parallel guesses count their failures in turn.
    tx.lock_destination(&destination, now).await?;
    destination_allowance(&mut tx, &destination, now).await?;
    let stored = tx
        .current_code(signup.id, channel)
        .await?
        .ok_or(SignupError::CodeExpired)?;
    // The try is counted before the comparison: parallel guesses cannot exceed the limit.
    let attempts = tx
        .reserve_code_attempt(stored.id, MAX_CODE_ATTEMPTS, now)
        .await?
        .ok_or(SignupError::CodeExpired)?;
    if !state.keys.mac_matches(
        &code_parts(signup.id, channel, code).as_slices(),
        &stored.code_hash,
    ) {
        let left = (MAX_CODE_ATTEMPTS - attempts).max(0);
        if left == 0 {
            tx.spend_code(stored.id).await?;
        }
        tx.record_code_failure(&destination, now).await?;
        tx.commit().await?;
        tracing::info!(
            event = "code_wrong",
            channel = channel.code(),
            "a wrong code was entered"
        );
        return Err(SignupError::CodeWrong {
            attempts_left: left as u32,
        });
    }
    if !tx.accept_code(signup.id, stored.id, channel).await? {
        return Err(SignupError::CodeExpired);
    }
    tx.clear_code_failures(&destination).await?;
    tx.commit().await?;
    Ok(progress(&signup, Some(channel)))
}

/// Refuses a destination with 100 wrong codes in a row for a day after the last of them,
/// saying when it opens again.
async fn destination_allowance(tx: &mut Tx, destination: &str, now: Unix) -> Result<()> {
    let since = now - DESTINATION_FAILURE_WINDOW_SECONDS;
    let (failures, latest) = tx.code_failures_since(destination, since).await?;
    let until = latest.map_or(now, |t| t + DESTINATION_LOCK_SECONDS);
    if failures >= MAX_DESTINATION_FAILURES && until > now {
        let wait = until - now;
        tracing::warn!(
            event = "destination_locked",
            "a destination is locked: too many wrong codes"
        );
        return Err(SignupError::TooMany {
            retry_after_seconds: wait.max(1) as u32,
        });
    }
    Ok(())
}

pub async fn resend(state: &AppState, token: &SecretToken, channel: Channel) -> Result<()> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let signup = open_signup(&mut tx, token, now).await?;
    let destination = signup.destination(channel).to_owned();
    tx.lock_destination(&destination, now).await?;
    if let Some(last) = tx.last_code_sent_at(signup.id, channel).await? {
        let wait = last + RESEND_AFTER_SECONDS - now;
        if wait > 0 {
            return Err(SignupError::TooMany {
                retry_after_seconds: wait as u32,
            });
        }
    }
    hourly_allowance(&mut tx, &destination, now).await?;
    destination_allowance(&mut tx, &destination, now).await?;
    if channel == Channel::Phone {
        if let Some(wait) = sms_budget_wait(state, &mut tx, now).await? {
            return Err(SignupError::SmsLater {
                retry_after_seconds: wait,
            });
        }
    }
    issue_code(
        state,
        &mut tx,
        signup.id,
        channel,
        &destination,
        signup.language,
        now,
        false,
    )
    .await?;
    tx.commit().await?;
    state.outbox_wakeup.notify_one();
    Ok(())
}

/// Makes the account and its first session, in one transaction; returns the session token.
pub async fn complete(
    state: &AppState,
    token: &SecretToken,
    password: Password,
) -> Result<(AccountId, SecretToken)> {
    {
        let mut tx = state.store.read().await?;
        let signup = open_signup(&mut tx, token, state.clock.now()).await?;
        if !(signup.phone_verified && signup.email_verified) {
            return Err(SignupError::NotVerified);
        }
        crate::passwords::check_new(&password, &signup.phone, &signup.email)
            .map_err(SignupError::WeakPassword)?;
    }
    // Hashing takes a while: outside any transaction.
    let password_hash = state
        .argon2(move |keys| keys.hash_password(password.expose()))
        .await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let signup = open_signup(&mut tx, token, now).await?;
    let account = match tx.complete_signup(&signup, &password_hash, now).await? {
        CompleteOutcome::Created(id) => id,
        CompleteOutcome::AlreadyCompleted => return Err(SignupError::NoSignup),
        CompleteOutcome::ContactTaken => return Err(SignupError::AlreadyRegistered),
    };
    let session = session::open_session(state, &mut tx, account, now).await?;
    tx.commit().await?;
    Ok((account, session))
}

/// The sign-up behind a token, if it is still open (not yet an account, not too old).
async fn open_signup(tx: &mut Tx, token: &SecretToken, now: Unix) -> Result<Signup> {
    let signup = tx
        .signup_by_token(&crypto::token_hash(token))
        .await?
        .ok_or(SignupError::NoSignup)?;
    if signup.completed || signup.created_at + SIGNUP_TTL_SECONDS <= now {
        return Err(SignupError::NoSignup);
    }
    Ok(signup)
}

fn progress(signup: &Signup, also: Option<Channel>) -> SignupProgress {
    SignupProgress {
        phone_verified: signup.phone_verified || also == Some(Channel::Phone),
        email_verified: signup.email_verified || also == Some(Channel::Email),
    }
}

async fn hourly_allowance(tx: &mut Tx, destination: &str, now: Unix) -> Result<()> {
    for (window, limit) in [
        (CODE_WINDOW_SECONDS, MAX_CODES_PER_HOUR),
        (DAY_SECONDS, MAX_CODES_PER_DAY),
    ] {
        let (sent, oldest) = tx.codes_sent_since(destination, now - window).await?;
        if sent >= limit {
            let wait = oldest.map_or(window, |t| t + window - now).max(1);
            tracing::info!(
                event = "code_budget_spent",
                window,
                "no code sent: the destination's budget is spent"
            );
            return Err(SignupError::TooMany {
                retry_after_seconds: wait as u32,
            });
        }
    }
    Ok(())
}

/// What a code's keyed hash covers: its sign-up, its channel and the digits.
struct CodeParts {
    id: String,
    channel: &'static str,
    code: String,
}

impl CodeParts {
    fn as_slices(&self) -> [&[u8]; 3] {
        [
            self.id.as_bytes(),
            self.channel.as_bytes(),
            self.code.as_bytes(),
        ]
    }
}

fn code_parts(signup: SignupId, channel: Channel, code: &OneTimeCode) -> CodeParts {
    CodeParts {
        id: signup.0.to_string(),
        channel: channel.code(),
        code: code.expose().to_owned(),
    }
}

/// Stores a fresh code and writes its message to the outbox, in the caller's transaction;
/// `sms_later` adds to an e-mail that the SMS code comes later.
#[allow(clippy::too_many_arguments)]
async fn issue_code(
    state: &AppState,
    tx: &mut Tx,
    signup: SignupId,
    channel: Channel,
    destination: &str,
    language: Language,
    now: Unix,
    sms_later: bool,
) -> Result<()> {
    let code = crypto::new_code();
    let hash = state
        .keys
        .mac(&code_parts(signup, channel, &code).as_slices());
    let expires_at = now + CODE_TTL_SECONDS;
    tx.insert_code(&NewCode {
        signup,
        channel,
        destination,
        code_hash: &hash,
        created_at: now,
        expires_at,
    })
    .await?;
    let mut message = texts::code(language, channel, destination, &code);
    if sms_later {
        message = texts::with_sms_later(message);
    }
    delivery::enqueue(
        tx,
        &state.keys,
        &message,
        MessageKind::Code,
        now,
        Some(expires_at),
    )
    .await?;
    Ok(())
}
