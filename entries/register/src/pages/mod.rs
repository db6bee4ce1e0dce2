//! One routed component per file, in the order of the voter's journey.

mod contact;
mod password;
pub(crate) mod verify;

pub use contact::Contact;
pub use password::PasswordPage;
pub use verify::Verify;
