//! How the server is configured: from the command line and the environment, parsed once.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything `Application::build` needs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; port 0 picks a free port (tests).
    pub addr: SocketAddr,
    /// Holds `per.sqlite` and, unless `PER_DATA_KEY` is set, the generated `data.key`.
    pub data_dir: PathBuf,
    /// The built app (Trunk's `dist/`); `None` serves the API only.
    pub dist: Option<PathBuf>,
    /// Mark the session cookie `Secure` (behind TLS). Off for plain http on 127.0.0.1.
    pub secure_cookies: bool,
    /// Argon2id cost; tests lower it, production keeps the default.
    pub argon2: Argon2Cost,
}

/// Argon2id parameters (memory in KiB, iterations, lanes).
#[derive(Debug, Clone, Copy)]
pub struct Argon2Cost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
}

impl Argon2Cost {
    /// OWASP's first recommendation for Argon2id: 19 MiB, 2 iterations, 1 lane.
    pub const RECOMMENDED: Argon2Cost = Argon2Cost {
        memory_kib: 19 * 1024,
        iterations: 2,
        lanes: 1,
    };
}

impl Config {
    /// A configuration for `addr` and `data_dir`, with the recommended defaults.
    pub fn new(addr: SocketAddr, data_dir: PathBuf) -> Config {
        Config {
            addr,
            data_dir,
            dist: None,
            secure_cookies: false,
            argon2: Argon2Cost::RECOMMENDED,
        }
    }
}
