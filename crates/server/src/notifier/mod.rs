//! Sending SMS and e-mail through one interface, [`Notifier`], with three implementations:
//! [`smtp::SmtpMailer`] (e-mail over SMTP), [`sms::SmsGateway`] (SMS through an HTTP
//! gateway) and [`dev::DevOutbox`] (development only: prints and keeps every message).
//! Nothing here is called by a request handler: the delivery worker (`delivery`) sends what
//! the transactional outbox holds.

pub mod dev;
pub mod sms;
pub mod smtp;
pub mod texts;

use per_domain::api::Channel;
use per_domain::Language;
use serde::{Deserialize, Serialize};
use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A message to one destination (a phone number or an e-mail address), in the voter's
/// language. `Debug` hides the destination and the body (a body may hold a code).
#[derive(Clone, Serialize, Deserialize)]
pub struct Outgoing {
    pub channel: Channel,
    pub destination: String,
    pub language: Language,
    pub subject: String,
    pub body: String,
}

impl Debug for Outgoing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outgoing")
            .field("channel", &self.channel)
            .field("destination", &mask(self.channel, &self.destination))
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

impl Outgoing {
    /// The HTML part of an e-mail: the body, escaped, one paragraph per line.
    pub fn html(&self) -> String {
        let paragraphs: String = self
            .body
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("<p>{}</p>", escape_html(l)))
            .collect();
        format!(
            "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>{paragraphs}</body></html>",
            self.language.code(),
            escape_html(&self.subject)
        )
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Why a message was not sent: worth another try, or never going to work.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("temporary failure: {0}")]
    Transient(String),
    #[error("permanent failure: {0}")]
    Permanent(String),
}

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<(), SendError>> + Send + 'a>>;

/// Delivers one message over one channel.
pub trait Notifier: Send + Sync + Debug {
    fn send<'a>(&'a self, message: &'a Outgoing) -> SendFuture<'a>;
}

/// The notifier of each channel.
#[derive(Debug, Clone)]
pub struct Channels {
    pub sms: Arc<dyn Notifier>,
    pub email: Arc<dyn Notifier>,
}

impl Channels {
    pub fn of(&self, channel: Channel) -> &dyn Notifier {
        match channel {
            Channel::Phone => self.sms.as_ref(),
            Channel::Email => self.email.as_ref(),
        }
    }
}

/// A destination as logs may show it.
pub fn mask(channel: Channel, destination: &str) -> String {
    let masked = match channel {
        Channel::Phone => per_domain::PhoneNumber::parse(destination).map(|p| p.masked()),
        Channel::Email => per_domain::Email::parse(destination).map(|e| e.masked()),
    };
    masked.unwrap_or_else(|_| "•••".to_owned())
}
