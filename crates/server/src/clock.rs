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

/// Parses an instant written `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339 in UTC, as [`rfc3339`]
/// writes it) into Unix seconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, time) = s.split_once('T')?;
    let time = time.strip_suffix('Z')?;
    let date = per_domain::Date::parse(date).ok()?;
    let parts: Vec<i64> = time
        .split(':')
        .map(|p| (p.len() == 2).then(|| p.parse().ok()).flatten())
        .collect::<Option<_>>()?;
    let [h, m, sec] = parts[..] else { return None };
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let (y, mo, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + m * 60 + sec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_it_formats() {
        for t in [0, 1_795_257_000, 951_782_400, 4_102_444_799] {
            assert_eq!(parse_rfc3339(&rfc3339(t)), Some(t), "{t}");
        }
        for bad in [
            "2026-11-21",
            "2026-11-21T10:30:00",
            "2026-11-21T24:00:00Z",
            "2026-02-30T00:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

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
