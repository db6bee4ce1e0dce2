//! The review console's policy: officials and their sign-in (password, then TOTP or a
//! recovery code), their sessions (idle timeout, 8 hours at most), roles, the queue,
//! assignments, decisions and reversals, the public statistics. Every view of personal data
//! and every decision is appended to the audit log in the same transaction
//! ([`crate::service::audit`]).

pub mod detail;
pub mod export;
pub mod officials;
pub mod statistics;
pub mod work;

use crate::service::decision::DecideError;
use crate::store::{Official, StoreError};
use per_domain::api::review::{OfficialView, Role};

/// An official's session ends 8 hours after sign-in, however active.
pub const SESSION_ABSOLUTE_SECONDS: i64 = 8 * 3600;
/// An assignment's lease.
pub const ASSIGNMENT_SECONDS: i64 = 30 * 60;

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("sign-in failed")]
    SignInFailed,
    #[error("too many failed sign-ins")]
    Locked { retry_after_seconds: u32 },
    #[error("the official's session ended")]
    SignedOut,
    #[error("the official's role does not allow this")]
    ForbiddenRole,
    #[error("another official holds the assignment")]
    AssignedToOther,
    #[error("the official does not hold the assignment")]
    NotAssigned,
    #[error("the request is not in a state that allows this")]
    WrongStatus,
    #[error("no such request or image")]
    NotFound,
    #[error("invalid input")]
    Invalid(Vec<per_domain::FieldProblem>),
    #[error("too many password checks at once")]
    Busy,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<crate::state::Argon2Error> for ReviewError {
    fn from(e: crate::state::Argon2Error) -> Self {
        match e {
            crate::state::Argon2Error::Busy => ReviewError::Busy,
            crate::state::Argon2Error::Failed(e) => ReviewError::Internal(e),
        }
    }
}

impl From<DecideError> for ReviewError {
    fn from(e: DecideError) -> Self {
        match e {
            DecideError::NoSuchRequest(_) => ReviewError::WrongStatus,
            DecideError::NoReason | DecideError::NoDecider => {
                ReviewError::Invalid(vec![per_domain::FieldProblem::new(
                    per_domain::Field::Reasons,
                    per_domain::Problem::Required,
                )])
            }
            DecideError::Store(e) => ReviewError::Store(e),
        }
    }
}

pub type Result<T> = std::result::Result<T, ReviewError>;

/// A signed-in official, as the routes see them.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub official: Official,
}

impl SignedIn {
    /// Refuses unless the official's role includes `needed`.
    pub fn require(&self, needed: Role) -> Result<()> {
        if self.official.role.includes(needed) {
            Ok(())
        } else {
            Err(ReviewError::ForbiddenRole)
        }
    }

    pub fn view(&self, idle_timeout_seconds: i64) -> OfficialView {
        OfficialView {
            login: self.official.login.clone(),
            name: self.official.name.clone(),
            role: self.official.role,
            idle_timeout_seconds: idle_timeout_seconds as u32,
        }
    }
}
