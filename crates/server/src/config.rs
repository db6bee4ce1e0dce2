//! The server's configuration as the application uses it: one typed value, made by
//! `settings` from a file, the environment and the command line (or by tests directly).

use crate::delivery::DeliverySettings;
use crate::notifier::sms::SmsSettings;
use crate::notifier::smtp::{SmtpSecurity, SmtpSettings};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Production, or development (`--dev`): the development outbox, a key file made on first
/// run and cookies without `Secure` are allowed only in development.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Production,
    Development,
}

/// How e-mail goes out.
#[derive(Debug, Clone)]
pub enum EmailChannel {
    DevOutbox,
    Smtp(SmtpSettings),
}

/// How SMS go out.
#[derive(Debug, Clone)]
pub enum SmsChannel {
    DevOutbox,
    Gateway(SmsSettings),
}

/// Everything `Application::build` needs.
#[derive(Debug, Clone)]
pub struct Config {
    pub mode: Mode,
    /// Where to listen; port 0 picks a free port (tests).
    pub addr: SocketAddr,
    /// Holds `per.sqlite` (unless `database_url` says otherwise) and, in development, the
    /// generated `data.key`.
    pub data_dir: PathBuf,
    /// `postgres://…` selects PostgreSQL; `None` is SQLite in `data_dir`.
    pub database_url: Option<String>,
    /// The built app (Trunk's `dist/`); `None` serves the API only.
    pub dist: Option<PathBuf>,
    /// Mark the session cookie `Secure` (behind TLS). Production requires it.
    pub secure_cookies: bool,
    /// The client's address from `X-Forwarded-For` (see `settings::Settings::behind_proxy`).
    pub behind_proxy: bool,
    /// Argon2id cost; tests lower it, production keeps the default.
    pub argon2: Argon2Cost,
    pub email: EmailChannel,
    pub sms: SmsChannel,
    pub delivery: DeliverySettings,
    pub window: RegistrationWindow,
    /// The converted face models (`detector.pfnn`, `landmarks.pfnn`; `scripts/setup` puts
    /// them in `~/.cache/per/face-models/v1` and exports `PER_FACE_MODELS`). Without them
    /// the face check answers 503; production refuses to start.
    pub face_models: Option<PathBuf>,
    /// Face checks at once (each on a blocking thread); more answer 503 with Retry-After.
    pub face_workers: usize,
    pub review: ReviewSettings,
    /// `[limits]`: sessions' lifetimes, the API's rate limits and the SMS budget.
    pub limits: Limits,
    /// `[signup] phone_countries`: the countries (ISO 3166-1 alpha-2) whose mobile numbers
    /// a sign-up accepts; empty accepts every country but Albania.
    pub phone_countries: Vec<String>,
}

/// The officials' console: the idle timeout of their sessions, and how long after a decision
/// face frames and documents are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewSettings {
    pub idle_timeout_seconds: i64,
    pub retention_days: i64,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        ReviewSettings {
            idle_timeout_seconds: 15 * 60,
            retention_days: 30,
        }
    }
}

/// Limits a deployment may tune (`[limits]` in the settings file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Limits {
    /// A voter's session ends after this long unused (30 minutes).
    pub session_idle_seconds: i64,
    /// ... and this long after sign-in, however used (12 hours).
    pub session_absolute_seconds: i64,
    /// Requests to `/api` one client address (IPv6: its /64) may make: this many a minute
    /// on average, in bursts of up to `api_per_address_burst` (a page load makes a few; a
    /// consulate's wifi many voters behind one address).
    pub api_per_address_per_minute: u32,
    pub api_per_address_burst: u32,
    /// Requests to `/api` one process takes from everyone together.
    pub api_global_per_minute: u32,
    pub api_global_burst: u32,
    /// SMS the whole service sends in an hour and in a day (every process together, counted
    /// in the outbox). Once either is spent a sign-up goes on by e-mail first: the e-mail
    /// code is sent, the phone code is asked for again later (`sms_later`).
    pub sms_per_hour: i64,
    pub sms_per_day: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            session_idle_seconds: 30 * 60,
            session_absolute_seconds: 12 * 3600,
            api_per_address_per_minute: 1200,
            api_per_address_burst: 300,
            api_global_per_minute: 120_000,
            api_global_burst: 4000,
            sms_per_hour: 5_000,
            sms_per_day: 50_000,
        }
    }
}

/// When new requests are accepted: from `opens_at` (inclusive) to `closes_at` (exclusive),
/// Unix seconds; either side may be open-ended (the default: always open, for development
/// and tests).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RegistrationWindow {
    pub opens_at: Option<i64>,
    pub closes_at: Option<i64>,
}

impl RegistrationWindow {
    pub fn is_open(&self, now: i64) -> bool {
        self.opens_at.is_none_or(|o| now >= o) && self.closes_at.is_none_or(|c| now < c)
    }
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
    /// A development configuration for `addr` and `data_dir` (SQLite, development outbox),
    /// with the recommended Argon2 cost.
    pub fn new(addr: SocketAddr, data_dir: PathBuf) -> Config {
        Config {
            mode: Mode::Development,
            addr,
            data_dir,
            database_url: None,
            dist: None,
            secure_cookies: false,
            behind_proxy: false,
            argon2: Argon2Cost::RECOMMENDED,
            email: EmailChannel::DevOutbox,
            sms: SmsChannel::DevOutbox,
            delivery: DeliverySettings::default(),
            window: RegistrationWindow::default(),
            face_models: std::env::var_os("PER_FACE_MODELS").map(PathBuf::from),
            face_workers: default_face_workers(),
            review: ReviewSettings::default(),
            limits: Limits::default(),
            phone_countries: Vec::new(),
        }
    }

    /// What production refuses in this configuration (empty in development). Checked
    /// before anything is opened, so a refused start leaves no key file behind.
    pub fn production_problems(&self) -> Vec<&'static str> {
        if self.mode == Mode::Development {
            return Vec::new();
        }
        let mut problems = Vec::new();
        match &self.email {
            EmailChannel::DevOutbox => {
                problems.push("no SMTP server configured (the development outbox needs --dev)")
            }
            EmailChannel::Smtp(s) if s.security == SmtpSecurity::None && !is_loopback(&s.host) => {
                problems.push("SMTP without TLS to another host (smtp.security = none needs a loopback relay)")
            }
            EmailChannel::Smtp(_) => {}
        }
        if matches!(self.sms, SmsChannel::DevOutbox) {
            problems.push("no SMS gateway configured (the development outbox needs --dev)");
        }
        if std::env::var_os("PER_DATA_KEY").is_none_or(|k| k.is_empty()) {
            problems.push("PER_DATA_KEY is not set (a key file in the data directory needs --dev)");
        }
        if self.face_models.is_none() {
            problems.push(
                "no face models (face_models or PER_FACE_MODELS; scripts/setup installs them)",
            );
        }
        if !self.secure_cookies {
            problems.push("cookies without Secure (secure_cookies = false needs --dev)");
        }
        problems
    }
}

/// One face check per core.
pub fn default_face_workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
