//! Time as the server sees it: the system clock, which tests may move forward.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// The system clock plus an offset; `advance` exists so tests can let codes expire.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset: Arc<AtomicI64>,
}

impl Clock {
    /// Unix seconds, UTC.
    pub fn now(&self) -> i64 {
        let system = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        system + self.offset.load(Ordering::Relaxed)
    }

    pub fn today(&self) -> per_domain::Date {
        per_domain::Date::from_days_since_epoch(self.now().div_euclid(86_400))
            .unwrap_or_else(|| per_domain::Date::from_ymd(1970, 1, 1).expect("valid date"))
    }

    pub fn advance(&self, seconds: i64) {
        self.offset.fetch_add(seconds, Ordering::Relaxed);
    }
}

/// Formats Unix seconds as RFC 3339 in UTC, e.g. `2026-11-21T11:10:00Z`.
pub fn rfc3339(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let date = per_domain::Date::from_days_since_epoch(days)
        .map(|d| d.to_string())
        .unwrap_or_else(|| "1970-01-01".to_owned());
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_257_000), "2026-11-21T10:30:00Z");
    }

    #[test]
    fn advances() {
        let c = Clock::default();
        let before = c.now();
        c.advance(600);
        assert!(c.now() >= before + 600);
    }
}
