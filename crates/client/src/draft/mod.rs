//! What the app keeps in the browser so that a reload or a lost network loses nothing:
//! the language (`localStorage`, the only thing kept after the tab is closed), and in
//! `sessionStorage` (this tab only) the sign-up in progress (its id is a secret) and the
//! request draft with its idempotency key (the server keeps the answered steps too, so a new
//! tab or device continues where the voter stopped).
//!
//! Personal drafts are forgotten on sign-in, on sign-out and whenever the server answers 401
//! ([`forget_all`]). Every type here that holds personal data or a secret prints a redacted
//! `Debug`.
//!
//! [`store`] is the storage and [`slots`] the typed values in it.

pub mod slots;
pub mod store;

pub use slots::*;
pub use store::*;

#[cfg(test)]
mod tests;
