//! The services under the routes: each owns its part of the policy (limits, lifetimes, texts)
//! and its errors, and makes each change in one store transaction. Routes only extract,
//! call one service function and map its error to HTTP (`error.rs`).

pub mod audit;
pub mod decision;
pub mod draft;
pub mod face;
pub mod housekeeping;
pub mod password;
pub mod registry;
pub mod request;
pub mod review;
pub mod session;
pub mod signup;
pub mod upload;
pub mod window;
