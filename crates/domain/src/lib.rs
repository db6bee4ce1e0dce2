//! Shared domain of PER: validated newtypes and the JSON API, used by the app (wasm32) and the server.
//!
//! Every input from outside is parsed once, here, by the same code on the client (to tell the
//! user) and on the server (for safety). A value of one of these types is valid by construction:
//! the fields are private and the only ways in are the fallible constructors.

pub mod api;
pub mod contact;
pub mod date;
pub mod entry;
pub mod identity;
pub mod language;
pub mod problem;
pub mod reference;
pub mod secret;
pub mod status;

pub use contact::{Email, PhoneNumber};
pub use date::Date;
pub use entry::{Entry, Route};
pub use identity::{PersonName, PersonalNumber, Sex};
pub use language::Language;
pub use problem::{FieldProblem, Problem};
pub use reference::ReferenceNumber;
pub use secret::{OneTimeCode, Password, SecretToken};
pub use status::{RejectionReason, RequestStatus};
