//! Integration tests of the CEC backend: each test spawns the real router on port 0 with a
//! fresh database (SQLite, or PostgreSQL when `PER_TEST_POSTGRES` is set) and talks HTTP to
//! it; `crash` runs the real binary.

mod crash;
mod draft;
mod face;
mod gateway;
mod helpers;
mod housekeeping;
mod instances;
mod limits;
mod logs;
mod openapi;
mod outbox;
mod password;
mod processes;
mod registry;
mod request;
mod review;
mod security;
mod session;
mod signup;
mod smtp;
mod store;
mod upload;
mod window;
