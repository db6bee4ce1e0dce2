//! SMS through an HTTP gateway: `POST {url}` with `Authorization: Bearer {token}` and the
//! JSON body
//!
//! ```json
//! {"to": "+393123456789", "text": "Kodi juaj PER: 123456. …", "language": "sq"}
//! ```
//!
//! A 2xx
//! answer is delivery; 408, 429, 5xx, timeouts and network errors are retried later; any
//! other 4xx is permanent.

use super::{Notifier, Outgoing, SendError, SendFuture};
use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

#[derive(Clone, Deserialize)]
pub struct SmsSettings {
    pub url: String,
    /// From `PER_SMS_TOKEN` only.
    #[serde(skip)]
    pub token: Option<String>,
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u64,
}

fn default_timeout() -> u64 {
    10
}

impl std::fmt::Debug for SmsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsSettings")
            .field("url", &self.url)
            .field("token", &self.token.as_ref().map(|_| "***"))
            .finish()
    }
}

#[derive(Clone)]
pub struct SmsGateway {
    client: reqwest::Client,
    url: String,
    token: Option<String>,
}

impl std::fmt::Debug for SmsGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SmsGateway({})", self.url)
    }
}

impl SmsGateway {
    pub fn new(s: &SmsSettings) -> Result<SmsGateway, reqwest::Error> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(s.timeout_seconds))
            .build()?;
        Ok(SmsGateway {
            client,
            url: s.url.clone(),
            token: s.token.clone(),
        })
    }
}

impl Notifier for SmsGateway {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let mut request = self.client.post(&self.url).json(&json!({
                "to": m.destination,
                "text": m.body,
                "language": m.language.code(),
            }));
            if let Some(token) = &self.token {
                request = request.bearer_auth(token);
            }
            let response = request
                .send()
                .await
                .map_err(|e| SendError::Transient(format!("sms gateway: {}", e.without_url())))?;
            let status = response.status();
            if status.is_success() {
                Ok(())
            } else if status.is_server_error()
                || status == reqwest::StatusCode::TOO_MANY_REQUESTS
                || status == reqwest::StatusCode::REQUEST_TIMEOUT
            {
                Err(SendError::Transient(format!(
                    "sms gateway answered {status}"
                )))
            } else {
                Err(SendError::Permanent(format!(
                    "sms gateway answered {status}"
                )))
            }
        })
    }
}
