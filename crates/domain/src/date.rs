//! A calendar date (`YYYY-MM-DD`), small enough for the wasm bundle: no time zones, no clock.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A valid Gregorian date between the years 1800 and 2999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date from its parts, refusing impossible days such as 31 April or 29 February 2023.
    pub fn from_ymd(year: u16, month: u8, day: u8) -> Result<Date, Problem> {
        if !(1800..=2999).contains(&year) || !(1..=12).contains(&month) {
            return Err(Problem::DateInvalid);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(Problem::DateInvalid);
        }
        Ok(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (the value of an `<input type="date">`).
    pub fn parse(input: &str) -> Result<Date, Problem> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let bytes = s.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(Problem::DateInvalid);
        }
        let num = |range: std::ops::Range<usize>| -> Result<u16, Problem> {
            let part = &s[range];
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Problem::DateInvalid);
            }
            part.parse().map_err(|_| Problem::DateInvalid)
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::from_ymd(y, m as u8, d as u8)
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), for "today" computed from a Unix clock.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::from_ymd(u16::try_from(year).ok()?, month as u8, day as u8).ok()
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        Date::parse(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_dates() {
        for (input, why) in [
            ("2000-02-29", "leap year divisible by 400"),
            ("1996-02-29", "leap year"),
            ("1985-12-31", "last day of the year"),
            (" 1970-01-01 ", "surrounding blanks are trimmed"),
        ] {
            assert!(Date::parse(input).is_ok(), "{input:?} should parse: {why}");
        }
    }

    #[test]
    fn bad_dates() {
        for (input, expected, why) in [
            ("", Problem::Required, "empty"),
            (
                "1900-02-29",
                Problem::DateInvalid,
                "1900 is not a leap year",
            ),
            (
                "2023-02-29",
                Problem::DateInvalid,
                "2023 is not a leap year",
            ),
            ("2023-04-31", Problem::DateInvalid, "April has 30 days"),
            ("2023-13-01", Problem::DateInvalid, "month 13"),
            ("2023-00-10", Problem::DateInvalid, "month 0"),
            ("2023-01-00", Problem::DateInvalid, "day 0"),
            ("23-01-01", Problem::DateInvalid, "two-digit year"),
            ("2023/01/01", Problem::DateInvalid, "slashes"),
            ("2023-1-01", Problem::DateInvalid, "one-digit month"),
            ("+202-01-01", Problem::DateInvalid, "sign in the year"),
            ("1799-12-31", Problem::DateInvalid, "before 1800"),
        ] {
            assert_eq!(Date::parse(input), Err(expected), "{input:?}: {why}");
        }
    }

    #[test]
    fn epoch_days() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date::from_ymd(1970, 1, 1).ok()
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016),
            Date::from_ymd(2000, 2, 29).ok()
        );
        assert_eq!(
            Date::from_days_since_epoch(20_778),
            Date::from_ymd(2026, 11, 21).ok()
        );
    }

    #[test]
    fn round_trips_through_json() {
        let d = Date::parse("1990-04-15").unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"1990-04-15\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"1990-02-30\"").is_err());
    }
}
