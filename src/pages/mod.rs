//! One routed component per file, in the order of the voter's journey.

mod contact;
mod done;
mod face;
mod identity;
mod my_request;
mod not_found;
mod password;
mod results;
mod sign_in;
mod start;
pub(crate) mod verify;

pub use contact::Contact;
pub use done::Done;
pub use face::Face;
pub use identity::IdentityPage;
pub use my_request::MyRequest;
pub use not_found::NotFound;
pub use password::PasswordPage;
pub use results::Results;
pub use sign_in::SignInPage;
pub use start::Start;
pub use verify::Verify;
