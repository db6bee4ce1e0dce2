//! One routed component per file, in the order of the voter's journey.

mod done;
mod identity;

pub use done::Done;
pub use identity::IdentityPage;
