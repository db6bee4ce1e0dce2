//! The CEC backend of PER: the JSON API under `/api`, storage, notifications and the built app.
//!
//! `startup::Application` wires the parts; `routes` holds the thin handlers over `service`,
//! which owns the policy; `store` is the only module that speaks SQL (SQLite or PostgreSQL);
//! `notifier` the only one that sends messages, called only by the `delivery` worker of the
//! outbox; `crypto` the only one that hashes, seals or draws random secrets.

pub mod clock;
pub mod config;
pub mod crypto;
pub mod delivery;
pub mod error;
pub mod extract;
pub mod notifier;
pub mod passwords;
pub mod phones;
pub mod rate_limit;
pub mod routes;
pub mod security;
pub mod service;
pub mod settings;
pub mod startup;
pub mod state;
pub mod static_files;
pub mod store;
