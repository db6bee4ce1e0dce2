//! Shared domain of PER: validated newtypes and the JSON API, used by the app (wasm32) and the server.
//!
//! Every input from outside is parsed once, here, by the same code on the client (to tell the
//! user) and on the server (for safety). A value of one of these types is valid by construction:
//! the fields are private and the only ways in are the fallible constructors.

pub mod address;
pub mod api;
pub mod bounded;
pub mod contact;
pub mod country;
pub mod date;
pub mod entry;
pub mod field;
pub mod identity;
pub mod language;
pub mod problem;
pub mod proof;
pub mod reference;
pub mod secret;
pub mod status;
pub mod upload;

pub use address::{Address, PostalCode, TextLine};
pub use contact::{Email, PhoneNumber};
pub use country::Country;
pub use date::Date;
pub use entry::{Entry, Route};
pub use field::Field;
pub use identity::{DocumentNumber, DocumentType, PersonName, PersonalNumber, Sex};
pub use language::Language;
pub use problem::{FieldProblem, Problem};
pub use proof::ProofKind;
pub use reference::ReferenceNumber;
pub use secret::{OneTimeCode, Password, SecretToken};
pub use status::{Fix, RejectionReason, RequestStatus, RequestStep};
pub use upload::{UploadFormat, UploadId, UploadKind};
