//! Contact details of a voter abroad: a mobile number in international form and an e-mail address.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A mobile number in E.164 form (`+` and 8 to 15 digits), never Albanian (+355):
/// the platform is for voters who live abroad.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Accepts the usual ways people type a number (`+39 312 345-6789`, `0039 (312) 3456789`)
    /// and keeps only `+` and digits.
    pub fn parse(input: &str) -> Result<PhoneNumber, Problem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(Problem::Required);
        }
        let mut digits = String::with_capacity(16);
        let mut plus = false;
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '+' if i == 0 => plus = true,
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' | '\u{a0}' => {}
                _ => return Err(Problem::PhoneInvalid),
            }
        }
        if !plus {
            match digits.strip_prefix("00") {
                Some(rest) => digits = rest.to_owned(),
                None => return Err(Problem::PhoneNeedsCountryCode),
            }
        }
        if digits.starts_with('0') || !(8..=15).contains(&digits.len()) {
            return Err(Problem::PhoneInvalid);
        }
        if digits.starts_with("355") {
            return Err(Problem::PhoneAlbanian);
        }
        Ok(PhoneNumber(format!("+{digits}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with all but the last two digits hidden, for screens and logs.
    pub fn masked(&self) -> String {
        let keep = self.0.len().saturating_sub(2);
        format!("+{}{}", "•".repeat(keep.saturating_sub(1)), &self.0[keep..])
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        PhoneNumber::parse(&s)
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.0
    }
}

/// An e-mail address, syntax-checked (RFC 5322 via `email_address`, no regex) and lower-cased,
/// with a dotted domain: a ballot pack is never sent to `user@localhost`.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, Problem> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.len() > 254 {
            return Err(Problem::TooLong);
        }
        // ASCII only: lower-casing other scripts in a local part is not safe, and ASCII keeps
        // the Unicode case tables out of the wasm bundle.
        let lower = s.to_ascii_lowercase();
        if !email_address::EmailAddress::is_valid(&lower) {
            return Err(Problem::EmailInvalid);
        }
        let domain = lower.rsplit('@').next().unwrap_or_default();
        let dotted = domain.split('.').filter(|label| !label.is_empty()).count() >= 2;
        if !dotted || domain.starts_with('[') || lower.contains(char::is_whitespace) {
            return Err(Problem::EmailInvalid);
        }
        Ok(Email(lower))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `n•••@example.com`: the first letter and the domain, for screens and logs.
    pub fn masked(&self) -> String {
        let (local, domain) = self.0.split_once('@').unwrap_or((&self.0, ""));
        let first: String = local.chars().take(1).collect();
        format!("{first}•••@{domain}")
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({})", self.masked())
    }
}

impl TryFrom<String> for Email {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        Email::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_phone_numbers() {
        for (input, stored, why) in [
            (
                "+39 312 345 6789",
                "+393123456789",
                "Italian mobile with spaces",
            ),
            (
                "0039 (312) 345-6789",
                "+393123456789",
                "00 prefix and punctuation",
            ),
            ("+44 7911 123456", "+447911123456", "UK mobile"),
            ("+1 (212) 555-0100", "+12125550100", "North America"),
            ("+30 691 234 5678", "+306912345678", "Greek mobile"),
            ("  +4915123456789 ", "+4915123456789", "blanks trimmed"),
        ] {
            assert_eq!(
                PhoneNumber::parse(input).map(|p| p.as_str().to_owned()),
                Ok(stored.to_owned()),
                "{input:?}: {why}"
            );
        }
    }

    #[test]
    fn bad_phone_numbers() {
        for (input, expected, why) in [
            ("", Problem::Required, "empty"),
            ("   ", Problem::Required, "only blanks"),
            (
                "312 345 6789",
                Problem::PhoneNeedsCountryCode,
                "no country code",
            ),
            (
                "+355 69 123 4567",
                Problem::PhoneAlbanian,
                "Albanian mobile",
            ),
            ("00355691234567", Problem::PhoneAlbanian, "Albanian with 00"),
            ("+39 312", Problem::PhoneInvalid, "too short"),
            (
                "+39 1234567890123456",
                Problem::PhoneInvalid,
                "more than 15 digits",
            ),
            (
                "+0 3123456789",
                Problem::PhoneInvalid,
                "country code cannot start with 0",
            ),
            ("+39 312 345 678a", Problem::PhoneInvalid, "letter"),
            ("39+3123456789", Problem::PhoneInvalid, "plus in the middle"),
        ] {
            assert_eq!(PhoneNumber::parse(input), Err(expected), "{input:?}: {why}");
        }
    }

    #[test]
    fn phone_is_masked_in_debug() {
        let p = PhoneNumber::parse("+393123456789").unwrap();
        let shown = format!("{p:?}");
        assert!(!shown.contains("3123456"), "{shown}");
        assert!(shown.ends_with("89)"), "{shown}");
    }

    #[test]
    fn good_emails() {
        for (input, stored, why) in [
            ("ana@example.com", "ana@example.com", "plain"),
            (
                "Ana.Hoxha@Example.COM",
                "ana.hoxha@example.com",
                "lower-cased",
            ),
            (
                "ana+per@mail.example.it",
                "ana+per@mail.example.it",
                "plus tag, subdomain",
            ),
            (" ana@example.de ", "ana@example.de", "trimmed"),
        ] {
            assert_eq!(
                Email::parse(input).map(|e| e.as_str().to_owned()),
                Ok(stored.to_owned()),
                "{input:?}: {why}"
            );
        }
    }

    #[test]
    fn bad_emails() {
        let long = format!("{}@example.com", "a".repeat(250));
        for (input, expected, why) in [
            ("", Problem::Required, "empty"),
            ("ana", Problem::EmailInvalid, "no @"),
            ("ana@", Problem::EmailInvalid, "no domain"),
            ("@example.com", Problem::EmailInvalid, "no local part"),
            ("ana@localhost", Problem::EmailInvalid, "undotted domain"),
            ("ana@@example.com", Problem::EmailInvalid, "two @"),
            ("ana hoxha@example.com", Problem::EmailInvalid, "space"),
            (long.as_str(), Problem::TooLong, "longer than 254"),
        ] {
            assert_eq!(Email::parse(input), Err(expected), "{input:?}: {why}");
        }
    }

    #[test]
    fn json_refuses_invalid_values() {
        assert!(serde_json::from_str::<PhoneNumber>("\"+355691234567\"").is_err());
        assert!(serde_json::from_str::<Email>("\"nope\"").is_err());
        let e: Email = serde_json::from_str("\"A@B.CO\"").unwrap();
        assert_eq!(e.as_str(), "a@b.co");
    }
}
