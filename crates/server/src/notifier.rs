//! Sending SMS and e-mail through one interface. The development outbox, the default when
//! nothing is configured, stores each message and prints it to the console.

use crate::store::Store;
use per_domain::api::Channel;
use per_domain::{Language, OneTimeCode, ReferenceNumber, RequestStatus};
use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;

/// A message to one destination (a phone number or an e-mail address).
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub channel: Channel,
    pub destination: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error("the outbox could not store the message")]
    Outbox(#[from] sqlx::Error),
}

pub type NotifyFuture<'a> = Pin<Box<dyn Future<Output = Result<(), NotifyError>> + Send + 'a>>;

/// Delivers messages. Implementations: [`DevOutbox`]; SMTP and an SMS gateway come next.
pub trait Notifier: Send + Sync + Debug {
    fn send<'a>(&'a self, message: &'a Outgoing) -> NotifyFuture<'a>;
}

/// Stores every message in the `outbox` table and prints it on standard output, one line
/// each, so a developer (or the end-to-end test) can read the codes.
#[derive(Debug, Clone)]
pub struct DevOutbox {
    store: Store,
}

impl DevOutbox {
    pub fn new(store: Store) -> DevOutbox {
        DevOutbox { store }
    }
}

impl Notifier for DevOutbox {
    fn send<'a>(&'a self, m: &'a Outgoing) -> NotifyFuture<'a> {
        Box::pin(async move {
            self.store
                .outbox_insert(m.channel.code(), &m.destination, &m.body)
                .await?;
            let to = mask(m.channel, &m.destination);
            let body = m.body.replace('\n', " ");
            println!("OUTBOX {} to {to}: {body}", m.channel.code());
            Ok(())
        })
    }
}

fn mask(channel: Channel, destination: &str) -> String {
    let masked = match channel {
        Channel::Phone => per_domain::PhoneNumber::parse(destination).map(|p| p.masked()),
        Channel::Email => per_domain::Email::parse(destination).map(|e| e.masked()),
    };
    masked.unwrap_or_else(|_| "•••".to_owned())
}

/// The texts the service sends, in the voter's language.
pub mod texts {
    use super::*;

    pub fn code(
        language: Language,
        channel: Channel,
        destination: &str,
        code: &OneTimeCode,
    ) -> Outgoing {
        let c = code.expose();
        let (subject, body) = match language {
            Language::Sq => (
                "Kodi juaj PER".to_owned(),
                format!("Kodi juaj PER: {c}. Vlen 10 minuta. Mos ia jepni askujt."),
            ),
            _ => (
                "Your PER code".to_owned(),
                format!("Your PER code: {c}. It is valid for 10 minutes. Do not share it."),
            ),
        };
        Outgoing {
            channel,
            destination: destination.to_owned(),
            subject,
            body,
        }
    }

    pub fn decision(
        language: Language,
        channel: Channel,
        destination: &str,
        reference: &ReferenceNumber,
        status: RequestStatus,
    ) -> Outgoing {
        let (subject, body) = match (language, status) {
            (Language::Sq, RequestStatus::Approved) => (
                "Kërkesa juaj u miratua".to_owned(),
                format!("Kërkesa {reference} për të votuar me postë u miratua."),
            ),
            (Language::Sq, _) => (
                "Vendim për kërkesën tuaj".to_owned(),
                format!("Ka një vendim për kërkesën {reference}. Hyni në PER për ta parë."),
            ),
            (_, RequestStatus::Approved) => (
                "Your request was approved".to_owned(),
                format!("Your request {reference} to vote by post was approved."),
            ),
            _ => (
                "A decision on your request".to_owned(),
                format!(
                    "There is a decision on your request {reference}. Sign in to PER to see it."
                ),
            ),
        };
        Outgoing {
            channel,
            destination: destination.to_owned(),
            subject,
            body,
        }
    }
}
