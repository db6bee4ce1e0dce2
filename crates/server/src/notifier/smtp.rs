//! E-mail over SMTP (lettre): STARTTLS, implicit TLS or (tests, a local relay) plain; optional
//! authentication; a multipart message, plain text and HTML, in the voter's language
//! (`Content-Language` and `<html lang>`). 4xx answers and network errors are temporary.

use super::{Notifier, Outgoing, SendError, SendFuture};
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::Deserialize;
use std::time::Duration;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS (port 587), refused if the server cannot.
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same host, and refused outside `--dev`
    /// unless the host is a loopback address.
    None,
}

/// What the mailer needs; the password comes from the environment only.
#[derive(Clone, Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    /// `Name <address>` or a bare address.
    pub from: String,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(skip)]
    pub password: Option<String>,
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u64,
    /// A PEM file of the CA that signed the server's certificate (a private CA); the
    /// system's roots otherwise.
    #[serde(default)]
    pub ca_file: Option<std::path::PathBuf>,
}

fn default_timeout() -> u64 {
    20
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("from", &self.from)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("ca_file", &self.ca_file)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SmtpSetupError {
    #[error("smtp.from is not a mailbox: {0}")]
    From(String),
    #[error("cannot set up the SMTP transport: {0}")]
    Transport(#[from] lettre::transport::smtp::Error),
    #[error("cannot read smtp.ca_file: {0}")]
    CaFile(#[from] std::io::Error),
}

#[derive(Clone)]
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    host: String,
}

impl std::fmt::Debug for SmtpMailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SmtpMailer({})", self.host)
    }
}

/// `Content-Language: sq` and the like.
#[derive(Debug, Clone)]
struct ContentLanguage(String);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ContentLanguage(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

impl SmtpMailer {
    pub fn new(s: &SmtpSettings) -> Result<SmtpMailer, SmtpSetupError> {
        let from: Mailbox = s
            .from
            .parse()
            .map_err(|e: lettre::address::AddressError| SmtpSetupError::From(e.to_string()))?;
        type Transport = AsyncSmtpTransport<Tokio1Executor>;
        let builder = match (s.security, &s.ca_file) {
            (SmtpSecurity::Starttls, None) => Transport::starttls_relay(&s.host)?,
            (SmtpSecurity::Tls, None) => Transport::relay(&s.host)?,
            (SmtpSecurity::Starttls | SmtpSecurity::Tls, Some(ca)) => {
                let pem = std::fs::read(ca)?;
                let parameters = TlsParameters::builder(s.host.clone())
                    .add_root_certificate(Certificate::from_pem(&pem)?)
                    .build()?;
                let tls = if s.security == SmtpSecurity::Tls {
                    Tls::Wrapper(parameters)
                } else {
                    Tls::Required(parameters)
                };
                Transport::builder_dangerous(&s.host).tls(tls)
            }
            (SmtpSecurity::None, _) => Transport::builder_dangerous(&s.host),
        };
        let mut builder = builder
            .port(s.port)
            .timeout(Some(Duration::from_secs(s.timeout_seconds)));
        if let (Some(user), Some(password)) = (&s.username, &s.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(SmtpMailer {
            transport: builder.build(),
            from,
            host: s.host.clone(),
        })
    }

    /// The message as it goes on the wire (also for tests).
    pub fn message(&self, m: &Outgoing) -> Result<Message, SendError> {
        let to: Mailbox = m
            .destination
            .parse()
            .map_err(|_| SendError::Permanent("the destination is not an e-mail address".into()))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .header(ContentLanguage(m.language.code().to_owned()))
            .multipart(MultiPart::alternative_plain_html(m.body.clone(), m.html()))
            .map_err(|e| SendError::Permanent(format!("cannot build the e-mail: {e}")))
    }
}

/// An SMTP failure said without the mail server's own words, which may repeat the voter's
/// address: this text goes to the log and to the message's `last_error`.
fn describe(e: &lettre::transport::smtp::Error) -> String {
    match e.status() {
        Some(code) => format!("smtp: the server answered {code}"),
        None if e.is_timeout() => "smtp: timeout".to_owned(),
        None if e.is_tls() => "smtp: TLS failure".to_owned(),
        None if e.is_transport_shutdown() => "smtp: the connection pool is shut down".to_owned(),
        None => "smtp: connection or protocol failure".to_owned(),
    }
}

impl Notifier for SmtpMailer {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let message = self.message(m)?;
            match self.transport.send(message).await {
                Ok(_) => Ok(()),
                Err(e) if e.is_permanent() => Err(SendError::Permanent(describe(&e))),
                Err(e) => Err(SendError::Transient(describe(&e))),
            }
        })
    }
}
