//! Integration tests of the CEC backend: each test spawns the real router on port 0 with a
//! fresh SQLite file and talks HTTP to it.

mod helpers;
mod request;
mod security;
mod session;
mod signup;
