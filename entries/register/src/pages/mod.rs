//! One routed component per file, in the order of the voter's journey.

mod contact;
mod done;
mod face;
mod identity;
mod my_request;
mod password;
mod sign_in;
pub(crate) mod verify;

pub use contact::Contact;
pub use done::Done;
pub use face::Face;
pub use identity::IdentityPage;
pub use my_request::MyRequest;
pub use password::PasswordPage;
pub use sign_in::SignInPage;
pub use verify::Verify;
