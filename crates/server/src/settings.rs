//! Reading the configuration: defaults, then a TOML file (`--config`), then `PER_*`
//! environment variables (`PER_ADDR`, `PER_SMTP__HOST`, …; `__` separates levels), then the
//! command line. Secrets come from the environment only: `PER_DATA_KEY`,
//! `PER_DATA_KEY_PREVIOUS`, `DATABASE_URL`, `PER_SMTP_PASSWORD`, `PER_SMS_TOKEN`.

use crate::config::{Argon2Cost, Config, EmailChannel, Mode, RegistrationWindow, SmsChannel};
use crate::delivery::DeliverySettings;
use crate::notifier::sms::SmsSettings;
use crate::notifier::smtp::SmtpSettings;
use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The settings a file or the environment may give (no secrets).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    pub dist: Option<PathBuf>,
    pub secure_cookies: bool,
    /// Behind a reverse proxy: the client's address is the last one of `X-Forwarded-For`
    /// (the address the proxy saw), not the connection's.
    #[serde(default)]
    pub behind_proxy: bool,
    pub smtp: Option<SmtpFile>,
    pub sms: Option<SmsFile>,
    pub delivery: DeliveryFile,
    /// `[registration]`: the window for new requests.
    #[serde(default)]
    pub registration: RegistrationFile,
    /// The face models' folder (also `PER_FACE_MODELS`).
    #[serde(default)]
    pub face_models: Option<PathBuf>,
    #[serde(default)]
    pub face_workers: Option<usize>,
    /// `[review]`: the officials' console.
    #[serde(default)]
    pub review: ReviewFile,
    /// `[limits]`: session lifetimes and budgets (defaults in `config::Limits`).
    #[serde(default)]
    pub limits: crate::config::Limits,
    /// `[signup]`: `phone_countries`, the ISO 3166-1 alpha-2 codes whose mobile numbers a
    /// sign-up accepts (left out or empty: every country but Albania).
    #[serde(default)]
    pub signup: SignupFile,
}

/// `[signup]`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SignupFile {
    #[serde(default)]
    pub phone_countries: Vec<String>,
}

/// `[review]`: `idle_timeout_minutes` (default 15) of an official's session, and
/// `retention_days` (default 30) after a decision before face frames and documents go.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ReviewFile {
    pub idle_timeout_minutes: Option<u32>,
    pub retention_days: Option<u32>,
}

/// `[registration]`: `opens_at` and `closes_at`, RFC 3339 in UTC
/// (`2027-01-10T00:00:00Z`); either may be left out (no limit that side).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RegistrationFile {
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
}

/// `[smtp]`: host, port, security (`starttls`, `tls`, `none`), from, username, and a CA
/// file for a private CA.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SmtpFile {
    pub host: String,
    pub port: u16,
    pub security: String,
    pub from: String,
    pub username: Option<String>,
    pub timeout_seconds: Option<u64>,
    pub ca_file: Option<PathBuf>,
}

/// `[sms]`: the gateway's URL.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SmsFile {
    pub url: String,
    pub timeout_seconds: Option<u64>,
}

/// `[delivery]`: the outbox worker's pace.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeliveryFile {
    pub worker: bool,
    pub lease_seconds: i64,
    pub max_attempts: i64,
    pub backoff_seconds: i64,
    pub poll_interval_ms: u64,
}

impl Default for Settings {
    fn default() -> Self {
        let d = DeliverySettings::default();
        Settings {
            addr: "127.0.0.1:8080".parse().expect("an address"),
            data_dir: PathBuf::from(".per"),
            dist: None,
            secure_cookies: true,
            behind_proxy: false,
            smtp: None,
            sms: None,
            delivery: DeliveryFile {
                worker: d.worker,
                lease_seconds: d.lease_seconds,
                max_attempts: d.max_attempts,
                backoff_seconds: d.backoff_seconds,
                poll_interval_ms: d.poll_interval.as_millis() as u64,
            },
            registration: RegistrationFile::default(),
            face_models: None,
            face_workers: None,
            review: ReviewFile::default(),
            limits: crate::config::Limits::default(),
            signup: SignupFile::default(),
        }
    }
}

/// The settings' roots the environment may set (`PER_DIST`, `PER_SMTP__HOST`…).
const ENV_KEYS: [&str; 14] = [
    "review",
    "limits",
    "signup",
    "face_models",
    "face_workers",
    "addr",
    "data_dir",
    "dist",
    "secure_cookies",
    "behind_proxy",
    "smtp",
    "sms",
    "delivery",
    "registration",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail returns figment::Error
    fn the_environment_overrides_nested_settings_but_not_secrets() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "per.toml",
                "addr = \"0.0.0.0:9000\"\n[sms]\nurl = \"http://file\"\n",
            )?;
            jail.set_env("PER_SMS__URL", "http://env");
            jail.set_env("PER_DELIVERY__LEASE_SECONDS", "7");
            jail.set_env("PER_SMS_TOKEN", "secret");
            let s = Settings::load(Some(Path::new("per.toml"))).expect("settings");
            assert_eq!(s.addr.port(), 9000);
            assert_eq!(s.sms.as_ref().unwrap().url, "http://env");
            assert_eq!(s.delivery.lease_seconds, 7);
            let c = s.into_config(Mode::Production).expect("config");
            match c.sms {
                SmsChannel::Gateway(g) => assert_eq!(g.token.as_deref(), Some("secret")),
                SmsChannel::DevOutbox => panic!("the gateway is configured"),
            }
            Ok(())
        });
    }

    #[test]
    fn the_registration_window_is_read_and_checked() {
        let mut s = Settings::default();
        s.registration.opens_at = Some("2027-01-10T00:00:00Z".into());
        s.registration.closes_at = Some("2027-03-03T00:00:00Z".into());
        let c = s.clone().into_config(Mode::Development).unwrap();
        assert_eq!(c.window.opens_at, Some(1_799_539_200));
        assert_eq!(c.window.closes_at, Some(1_804_032_000));
        assert!(!c.window.is_open(1_799_539_199));
        assert!(c.window.is_open(1_799_539_200));
        assert!(!c.window.is_open(1_804_032_000));
        let mut swapped = s.clone();
        swapped.registration.opens_at = s.registration.closes_at.clone();
        swapped.registration.closes_at = s.registration.opens_at.clone();
        assert!(swapped.into_config(Mode::Development).is_err());
        let mut bad = s;
        bad.registration.opens_at = Some("10/01/2027".into());
        assert!(bad.into_config(Mode::Development).is_err());
        assert_eq!(
            Settings::default()
                .into_config(Mode::Development)
                .unwrap()
                .window,
            RegistrationWindow::default(),
            "always open unless configured"
        );
    }

    #[test]
    fn phone_countries_are_country_codes_and_never_albania() {
        let mut s = Settings::default();
        s.signup.phone_countries = vec!["it".into(), " DE".into()];
        let c = s.clone().into_config(Mode::Development).unwrap();
        assert_eq!(c.phone_countries, ["IT", "DE"]);
        for bad in ["XX", "Italy", "AL"] {
            s.signup.phone_countries = vec![bad.into()];
            assert!(s.clone().into_config(Mode::Development).is_err(), "{bad}");
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("settings: {0}")]
    Figment(#[from] Box<figment::Error>),
    #[error("settings: smtp.security must be starttls, tls or none, not {0:?}")]
    SmtpSecurity(String),
    #[error("settings: {0}")]
    Invalid(String),
}

impl Settings {
    /// Defaults, then `file`, then the environment.
    pub fn load(file: Option<&Path>) -> Result<Settings, SettingsError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(file) = file {
            figment = figment.merge(Toml::file_exact(file));
        }
        figment = figment.merge(Env::prefixed("PER_").split("__").filter(|k| {
            let key = k.as_str().to_ascii_lowercase();
            ENV_KEYS.iter().any(|root| key.starts_with(root))
        }));
        figment
            .extract()
            .map_err(|e| SettingsError::Figment(Box::new(e)))
    }

    /// The application's configuration, secrets added from the environment.
    pub fn into_config(self, mode: Mode) -> Result<Config, SettingsError> {
        let secret = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let email = match self.smtp {
            None => EmailChannel::DevOutbox,
            Some(s) => EmailChannel::Smtp(SmtpSettings {
                security: match s.security.as_str() {
                    "starttls" => crate::notifier::smtp::SmtpSecurity::Starttls,
                    "tls" => crate::notifier::smtp::SmtpSecurity::Tls,
                    "none" => crate::notifier::smtp::SmtpSecurity::None,
                    other => return Err(SettingsError::SmtpSecurity(other.to_owned())),
                },
                host: s.host,
                port: s.port,
                from: s.from,
                username: s.username,
                password: secret("PER_SMTP_PASSWORD"),
                timeout_seconds: s.timeout_seconds.unwrap_or(20),
                ca_file: s.ca_file,
            }),
        };
        let sms = match self.sms {
            None => SmsChannel::DevOutbox,
            Some(s) => SmsChannel::Gateway(SmsSettings {
                url: s.url,
                token: secret("PER_SMS_TOKEN"),
                timeout_seconds: s.timeout_seconds.unwrap_or(10),
            }),
        };
        let d = self.delivery;
        let instant = |name: &str, v: &Option<String>| -> Result<Option<i64>, SettingsError> {
            v.as_deref()
                .map(|s| {
                    crate::clock::parse_rfc3339(s).ok_or_else(|| {
                        SettingsError::Invalid(format!(
                            "registration.{name} must be like 2027-01-10T00:00:00Z"
                        ))
                    })
                })
                .transpose()
        };
        let window = RegistrationWindow {
            opens_at: instant("opens_at", &self.registration.opens_at)?,
            closes_at: instant("closes_at", &self.registration.closes_at)?,
        };
        if let (Some(o), Some(c)) = (window.opens_at, window.closes_at) {
            if c <= o {
                return Err(SettingsError::Invalid(
                    "registration.closes_at must be after opens_at".into(),
                ));
            }
        }
        let phone_countries: Vec<String> = self
            .signup
            .phone_countries
            .iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .collect();
        if let Some(bad) = phone_countries
            .iter()
            .find(|c| !crate::phones::is_country(c) || *c == "AL")
        {
            return Err(SettingsError::Invalid(format!(
                "signup.phone_countries: {bad:?} is not a country code like \"IT\" (Albania is never accepted)"
            )));
        }
        Ok(Config {
            mode,
            addr: self.addr,
            data_dir: self.data_dir,
            database_url: secret("DATABASE_URL"),
            dist: self.dist,
            // Development allows plain http on 127.0.0.1.
            secure_cookies: self.secure_cookies && mode == Mode::Production,
            behind_proxy: self.behind_proxy,
            argon2: Argon2Cost::RECOMMENDED,
            email,
            sms,
            delivery: DeliverySettings {
                worker: d.worker,
                lease_seconds: d.lease_seconds,
                max_attempts: d.max_attempts,
                backoff_seconds: d.backoff_seconds,
                poll_interval: Duration::from_millis(d.poll_interval_ms),
            },
            window,
            face_models: self.face_models,
            face_workers: self
                .face_workers
                .unwrap_or_else(crate::config::default_face_workers)
                .max(1),
            review: crate::config::ReviewSettings {
                idle_timeout_seconds: i64::from(
                    self.review.idle_timeout_minutes.unwrap_or(15).max(1),
                ) * 60,
                retention_days: i64::from(self.review.retention_days.unwrap_or(30)),
            },
            limits: self.limits,
            phone_countries,
        })
    }
}
