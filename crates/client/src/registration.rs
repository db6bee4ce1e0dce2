//! The registration window as the voter sees it: open, not yet open, or closed, and the
//! countdown (days, or hours on the last day) from `GET /api/window`. The server's clock is
//! trusted over the device's: the countdown runs on the offset between them.

use crate::i18n::Key;

const HOUR_MS: f64 = 3_600_000.0;
const DAY_MS: f64 = 24.0 * HOUR_MS;

/// Where registration stands at one instant (times in ms since the epoch).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Countdown {
    /// Opens in this many ms.
    NotYet(f64),
    /// Open; closes in this many ms, if it closes at all.
    Open(Option<f64>),
    Closed,
}

impl Countdown {
    pub fn at(opens_ms: Option<f64>, closes_ms: Option<f64>, now_ms: f64) -> Countdown {
        match (opens_ms, closes_ms) {
            (Some(o), _) if now_ms < o => Countdown::NotYet(o - now_ms),
            (_, Some(c)) if now_ms >= c => Countdown::Closed,
            (_, c) => Countdown::Open(c.map(|c| c - now_ms)),
        }
    }

    /// The text to show and its number (days, or hours when less than a day is left; always
    /// at least 1), or the closed notice; nothing while open without a close.
    pub fn text(self) -> Option<(Key, Option<u32>)> {
        let left = |ms: f64, days: Key, hours: Key| {
            if ms >= DAY_MS {
                (days, Some((ms / DAY_MS).ceil() as u32))
            } else {
                (hours, Some(((ms / HOUR_MS).ceil() as u32).max(1)))
            }
        };
        match self {
            Countdown::NotYet(ms) => Some(left(ms, Key::WindowOpensDays, Key::WindowOpensHours)),
            Countdown::Open(Some(ms)) => {
                Some(left(ms, Key::WindowClosesDays, Key::WindowClosesHours))
            }
            Countdown::Open(None) => None,
            Countdown::Closed => Some((Key::WindowClosed, None)),
        }
    }
}

/// An RFC 3339 instant in ms since the epoch (the browser parses it).
pub fn instant_ms(rfc3339: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(rfc3339);
    (!ms.is_nan()).then_some(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_says_days_then_hours() {
        let day = DAY_MS;
        for (opens, closes, now, expected, why) in [
            (
                Some(10.0 * day),
                Some(60.0 * day),
                0.0,
                Some((Key::WindowOpensDays, Some(10))),
                "ten days before",
            ),
            (
                Some(10.0 * day),
                None,
                10.0 * day - 2.5 * HOUR_MS,
                Some((Key::WindowOpensHours, Some(3))),
                "hours before",
            ),
            (
                Some(0.0),
                Some(60.0 * day),
                20.5 * day,
                Some((Key::WindowClosesDays, Some(40))),
                "open",
            ),
            (
                Some(0.0),
                Some(60.0 * day),
                60.0 * day - 60_000.0,
                Some((Key::WindowClosesHours, Some(1))),
                "last minute",
            ),
            (
                Some(0.0),
                Some(60.0 * day),
                60.0 * day,
                Some((Key::WindowClosed, None)),
                "closed",
            ),
            (None, None, 5.0, None, "no window"),
        ] {
            assert_eq!(Countdown::at(opens, closes, now).text(), expected, "{why}");
        }
    }
}
