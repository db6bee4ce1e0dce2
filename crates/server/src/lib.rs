//! The CEC backend of PER: the JSON API under `/api`, storage, notifications and the built app.
//!
//! `startup::Application` wires the parts; `routes` holds the handlers; `store` is the only
//! module that speaks SQL; `notifier` the only one that sends messages; `crypto` the only one
//! that hashes, seals or draws random secrets.

pub mod clock;
pub mod config;
pub mod crypto;
pub mod error;
pub mod extract;
pub mod notifier;
pub mod review;
pub mod routes;
pub mod security;
pub mod startup;
pub mod state;
pub mod static_files;
pub mod store;
