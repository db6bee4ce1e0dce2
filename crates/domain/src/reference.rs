//! The human-friendly reference number of a request, e.g. `PER-7K3M-Q9TX`.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Crockford's base 32: no I, L, O or U, so nothing is misread over the phone.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `PER-` and two groups of four Crockford base-32 characters (40 random bits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct ReferenceNumber(String);

impl ReferenceNumber {
    /// Encodes 40 random bits (the low 40 of `bits`) as a reference.
    pub fn from_random(bits: u64) -> ReferenceNumber {
        let mut s = String::from("PER-");
        for i in 0..8 {
            if i == 4 {
                s.push('-');
            }
            let shift = 35 - 5 * i;
            s.push(ALPHABET[((bits >> shift) & 31) as usize] as char);
        }
        ReferenceNumber(s)
    }

    /// Parses a reference as typed: any case, with or without the hyphens, and reading
    /// O as 0 and I or L as 1, as Crockford intends.
    pub fn parse(input: &str) -> Result<ReferenceNumber, Problem> {
        let upper = input.trim().to_ascii_uppercase();
        if upper.is_empty() {
            return Err(Problem::Required);
        }
        let body = upper.strip_prefix("PER").ok_or(Problem::ReferenceInvalid)?;
        let mut chars = String::new();
        for c in body.chars().filter(|c| *c != '-' && *c != ' ') {
            let c = match c {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !ALPHABET.contains(&(c as u8)) || !c.is_ascii() {
                return Err(Problem::ReferenceInvalid);
            }
            chars.push(c);
        }
        if chars.len() != 8 {
            return Err(Problem::ReferenceInvalid);
        }
        Ok(ReferenceNumber(format!(
            "PER-{}-{}",
            &chars[..4],
            &chars[4..]
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReferenceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ReferenceNumber {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        ReferenceNumber::parse(&s)
    }
}

impl From<ReferenceNumber> for String {
    fn from(r: ReferenceNumber) -> String {
        r.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_parses() {
        let r = ReferenceNumber::from_random(0x00_12_34_56_78_9A);
        assert_eq!(r.as_str(), "PER-28T5-CY4T");
        assert_eq!(ReferenceNumber::parse("per28t5cy4t"), Ok(r.clone()));
        assert_eq!(ReferenceNumber::parse(" PER-28T5-CY4T "), Ok(r));
        assert_eq!(ReferenceNumber::from_random(0).as_str(), "PER-0000-0000");
        assert_eq!(
            ReferenceNumber::from_random(u64::MAX).as_str(),
            "PER-ZZZZ-ZZZZ"
        );
    }

    #[test]
    fn reads_ambiguous_letters() {
        assert_eq!(
            ReferenceNumber::parse("PER-OOLI-0000").map(|r| r.to_string()),
            Ok("PER-0011-0000".to_owned())
        );
    }

    #[test]
    fn refuses_bad_references() {
        for (input, why) in [
            ("PER-28T5-CY4", "7 characters"),
            ("PER-28T5-CY4TX", "9 characters"),
            ("XYZ-28T5-CY4T", "wrong prefix"),
            ("PER-28T5-CY4U", "U is not in the alphabet"),
            ("PER-28T5-CY4Ë", "non-ASCII"),
        ] {
            assert_eq!(
                ReferenceNumber::parse(input),
                Err(Problem::ReferenceInvalid),
                "{why}"
            );
        }
    }
}
