//! The address abroad, and the free-text lines of places and addresses.

use crate::country::Country;
use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One line of free text as on a document or an envelope (a city, a place of birth, a
/// street and number, an apartment, a c/o name): kept as typed in any script, blanks
/// collapsed; at most `max` characters; no control characters and none of `<>{}[]\|`
/// (nothing of an address needs them). Must hold at least one letter or digit.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String")]
pub struct TextLine(String);

impl TextLine {
    /// A city or a place of birth.
    pub const PLACE_MAX: usize = 100;
    /// A street and number, an apartment, a c/o line.
    pub const ADDRESS_MAX: usize = 150;

    /// Parses a line, saying `invalid` for a character that does not belong.
    pub fn parse(input: &str, max: usize, invalid: Problem) -> Result<TextLine, Problem> {
        let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Err(Problem::Required);
        }
        if collapsed.chars().count() > max {
            return Err(Problem::TooLong);
        }
        let refused = |c: char| c.is_control() || "<>{}[]\\|".contains(c);
        if collapsed.chars().any(refused) || !collapsed.chars().any(char::is_alphanumeric) {
            return Err(invalid);
        }
        Ok(TextLine(collapsed))
    }

    /// A city or place of birth.
    pub fn place(input: &str) -> Result<TextLine, Problem> {
        TextLine::parse(input, Self::PLACE_MAX, Problem::PlaceInvalid)
    }

    /// A line of an address.
    pub fn address(input: &str) -> Result<TextLine, Problem> {
        TextLine::parse(input, Self::ADDRESS_MAX, Problem::AddressInvalid)
    }

    /// An optional line: blank is `None`.
    pub fn optional_address(input: &str) -> Result<Option<TextLine>, Problem> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            TextLine::address(input).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for TextLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TextLine(***)")
    }
}

impl From<TextLine> for String {
    fn from(t: TextLine) -> String {
        t.0
    }
}

/// A postal code, checked against its country's format where PER knows it and written the
/// way that country writes it (`123 45` in Greece, `SW1A 1AA` in the United Kingdom).
///
/// Checked: IT, FR, DE (5 digits); GR (5 digits, shown `NNN NN`); US (ZIP or ZIP+4); CH, BE
/// (4 digits, 1000 and up); AT (4 digits, 1010 and up); NL (4 digits, 1000 and up, then two
/// letters, not SA, SD or SS); GB (the Royal Mail outward and inward code); CA (`A1A 1A1`,
/// without D, F, I, O, Q, U; no W or Z first). Any other country: optional (some have no
/// postal codes), at most 12 letters, digits, spaces and hyphens.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String")]
pub struct PostalCode(String);

impl PostalCode {
    pub const OTHER_MAX: usize = 12;

    /// Parses the code for `country`; `None` when the country needs none and none was given.
    pub fn parse(country: Country, input: &str) -> Result<Option<PostalCode>, Problem> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let checked = |ok: bool, shown: String| {
            if ok {
                Ok(Some(PostalCode(shown)))
            } else {
                Err(Problem::PostalCodeInvalid)
            }
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let at_least = |s: &str, min: u32| s.parse::<u32>().is_ok_and(|v| v >= min);
        let code = country.code();
        if compact.is_empty() {
            return if KNOWN.contains(&code) {
                Err(Problem::Required)
            } else {
                Ok(None)
            };
        }
        let c = compact.as_str();
        match code {
            "IT" | "FR" | "DE" => checked(digits(c, 5), compact.clone()),
            "GR" => checked(
                digits(c, 5),
                format!("{} {}", &c[..3.min(c.len())], c.get(3..).unwrap_or("")),
            ),
            "US" => {
                let ok = digits(c, 5)
                    || (c.len() == 10
                        && digits(&c[..5], 5)
                        && &c[5..6] == "-"
                        && digits(&c[6..], 4));
                checked(ok, compact.clone())
            }
            "CH" | "BE" => checked(digits(c, 4) && at_least(c, 1000), compact.clone()),
            "AT" => checked(digits(c, 4) && at_least(c, 1010), compact.clone()),
            "NL" => {
                let ok = c.len() == 6
                    && digits(&c[..4], 4)
                    && at_least(&c[..4], 1000)
                    && c[4..].bytes().all(|b| b.is_ascii_uppercase())
                    && !matches!(&c[4..], "SA" | "SD" | "SS");
                checked(
                    ok,
                    format!("{} {}", &c[..4.min(c.len())], c.get(4..).unwrap_or("")),
                )
            }
            "GB" => checked(uk_postcode(c), uk_shown(c)),
            "CA" => checked(
                canadian_postcode(c),
                format!("{} {}", &c[..3.min(c.len())], c.get(3..).unwrap_or("")),
            ),
            _ => {
                let trimmed = input.split_whitespace().collect::<Vec<_>>().join(" ");
                let ok = trimmed.chars().count() <= Self::OTHER_MAX
                    && trimmed
                        .chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || ch == ' ' || ch == '-')
                    && trimmed.chars().any(|ch| ch.is_ascii_alphanumeric());
                checked(ok, trimmed.to_ascii_uppercase())
            }
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The countries whose postal code PER checks (and requires).
pub const KNOWN: [&str; 11] = [
    "IT", "GR", "DE", "GB", "US", "CH", "FR", "BE", "NL", "AT", "CA",
];

/// A UK postcode without its space: outward code `A9`, `A99`, `AA9`, `AA99`, `A9A` or
/// `AA9A`, then the inward code `9AA` (inward letters never C, I, K, M, O or V); also
/// `GIR0AA`.
fn uk_postcode(c: &str) -> bool {
    if c == "GIR0AA" {
        return true;
    }
    let b = c.as_bytes();
    if !(5..=7).contains(&b.len()) || !b.is_ascii() {
        return false;
    }
    let (outward, inward) = b.split_at(b.len() - 3);
    let inward_ok = inward[0].is_ascii_digit()
        && inward[1..]
            .iter()
            .all(|x| x.is_ascii_uppercase() && !b"CIKMOV".contains(x));
    let l = |x: &u8| x.is_ascii_uppercase();
    let d = |x: &u8| x.is_ascii_digit();
    let outward_ok = match outward {
        [a, b] => l(a) && d(b),
        [a, b, c] => l(a) && ((d(b) && d(c)) || (l(b) && d(c)) || (d(b) && l(c))),
        [a, b, c, e] => l(a) && l(b) && d(c) && (d(e) || l(e)),
        _ => false,
    };
    inward_ok && outward_ok
}

fn uk_shown(c: &str) -> String {
    match c.len().checked_sub(3) {
        Some(split) if c.is_char_boundary(split) => format!("{} {}", &c[..split], &c[split..]),
        _ => c.to_owned(),
    }
}

/// `A9A9A9`: letters never D, F, I, O, Q or U, and the first never W or Z.
fn canadian_postcode(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 6
        && b.iter().enumerate().all(|(i, x)| {
            if i % 2 == 0 {
                x.is_ascii_uppercase() && !b"DFIOQU".contains(x) && (i > 0 || !b"WZ".contains(x))
            } else {
                x.is_ascii_digit()
            }
        })
}

impl fmt::Debug for PostalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PostalCode(***)")
    }
}

impl From<PostalCode> for String {
    fn from(p: PostalCode) -> String {
        p.0
    }
}

/// The address abroad, valid.
#[derive(Clone, PartialEq, Eq)]
pub struct Address {
    pub country: Country,
    pub city: TextLine,
    pub postal_code: Option<PostalCode>,
    /// Street and house number.
    pub street: TextLine,
    pub apartment: Option<TextLine>,
    /// "Care of": the name on the letter box, when it is not the voter's.
    pub care_of: Option<TextLine>,
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Address {{ country: {}, .. }}", self.country)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> Country {
        Country::parse(code).unwrap()
    }

    #[test]
    fn good_postal_codes() {
        for (c, input, shown, why) in [
            ("IT", "00184", "00184", "Rome"),
            ("IT", " 20121 ", "20121", "Milan, blanks"),
            ("GR", "10558", "105 58", "Athens, written NNN NN"),
            ("GR", "105 58", "105 58", "Athens, with its space"),
            ("DE", "10115", "10115", "Berlin"),
            ("DE", "01067", "01067", "Dresden, leading zero"),
            ("GB", "SW1A 1AA", "SW1A 1AA", "AA9A 9AA"),
            ("GB", "w1a0ax", "W1A 0AX", "A9A 9AA, lower case, no space"),
            ("GB", "M1 1AE", "M1 1AE", "A9 9AA"),
            ("GB", "B33 8TH", "B33 8TH", "A99 9AA"),
            ("GB", "CR2 6XH", "CR2 6XH", "AA9 9AA"),
            ("GB", "DN55 1PT", "DN55 1PT", "AA99 9AA"),
            ("GB", "GIR 0AA", "GIR 0AA", "Girobank"),
            ("US", "10001", "10001", "ZIP"),
            ("US", "10001-1234", "10001-1234", "ZIP+4"),
            ("CH", "8001", "8001", "Zürich"),
            ("FR", "75008", "75008", "Paris"),
            ("BE", "1000", "1000", "Brussels"),
            ("NL", "1012 AB", "1012 AB", "Amsterdam"),
            ("NL", "1012ab", "1012 AB", "no space, lower case"),
            ("AT", "1010", "1010", "Vienna"),
            ("CA", "K1A 0B1", "K1A 0B1", "Ottawa"),
            ("CA", "m5v3l9", "M5V 3L9", "Toronto, compact"),
            ("SE", "114 55", "114 55", "other country: free text"),
            ("IE", "D02 X285", "D02 X285", "Eircode as free text"),
        ] {
            assert_eq!(
                PostalCode::parse(country(c), input).map(|p| p.map(|p| p.as_str().to_owned())),
                Ok(Some(shown.to_owned())),
                "{c} {input:?}: {why}"
            );
        }
        assert_eq!(
            PostalCode::parse(country("AE"), "  "),
            Ok(None),
            "a country without postal codes"
        );
    }

    #[test]
    fn bad_postal_codes() {
        let long = "1".repeat(13);
        for (c, input, expected, why) in [
            ("IT", "", Problem::Required, "required where known"),
            ("IT", "0018", Problem::PostalCodeInvalid, "4 digits"),
            ("IT", "001845", Problem::PostalCodeInvalid, "6 digits"),
            (
                "IT",
                "I-00184",
                Problem::PostalCodeInvalid,
                "country prefix",
            ),
            ("GR", "1055", Problem::PostalCodeInvalid, "4 digits"),
            ("GR", "ABCDE", Problem::PostalCodeInvalid, "letters"),
            ("DE", "D-10115", Problem::PostalCodeInvalid, "prefix"),
            ("DE", "1011", Problem::PostalCodeInvalid, "4 digits"),
            (
                "GB",
                "SW1A",
                Problem::PostalCodeInvalid,
                "outward code only",
            ),
            (
                "GB",
                "SW1A 1CA",
                Problem::PostalCodeInvalid,
                "C in the inward code",
            ),
            (
                "GB",
                "1SW 1AA",
                Problem::PostalCodeInvalid,
                "starts with a digit",
            ),
            ("GB", "SW1A 1AAA", Problem::PostalCodeInvalid, "too long"),
            ("US", "1000", Problem::PostalCodeInvalid, "4 digits"),
            ("US", "10001-12", Problem::PostalCodeInvalid, "short +4"),
            (
                "US",
                "100011234",
                Problem::PostalCodeInvalid,
                "+4 without hyphen",
            ),
            ("CH", "0800", Problem::PostalCodeInvalid, "below 1000"),
            ("CH", "80010", Problem::PostalCodeInvalid, "5 digits"),
            ("FR", "7500", Problem::PostalCodeInvalid, "4 digits"),
            ("BE", "999", Problem::PostalCodeInvalid, "3 digits"),
            ("BE", "0999", Problem::PostalCodeInvalid, "below 1000"),
            ("NL", "1012", Problem::PostalCodeInvalid, "no letters"),
            ("NL", "0123 AB", Problem::PostalCodeInvalid, "leading zero"),
            (
                "NL",
                "1012 SS",
                Problem::PostalCodeInvalid,
                "SS is not used",
            ),
            ("AT", "1000", Problem::PostalCodeInvalid, "below 1010"),
            ("AT", "10100", Problem::PostalCodeInvalid, "5 digits"),
            ("CA", "K1A 0B", Problem::PostalCodeInvalid, "5 characters"),
            ("CA", "D1A 0B1", Problem::PostalCodeInvalid, "D is not used"),
            ("CA", "W1A 0B1", Problem::PostalCodeInvalid, "W never first"),
            (
                "CA",
                "K1A0BB",
                Problem::PostalCodeInvalid,
                "letter for digit",
            ),
            (
                "SE",
                long.as_str(),
                Problem::PostalCodeInvalid,
                "other country, 13 characters",
            ),
            (
                "SE",
                "114<55",
                Problem::PostalCodeInvalid,
                "other country, markup",
            ),
        ] {
            assert_eq!(
                PostalCode::parse(country(c), input).map(|_| ()),
                Err(expected),
                "{c} {input:?}: {why}"
            );
        }
    }

    #[test]
    fn text_lines() {
        for (input, stored, why) in [
            ("Via Roma 12", "Via Roma 12", "street and number"),
            (
                "  Rruga   e Kavajës, Nr. 5 ",
                "Rruga e Kavajës, Nr. 5",
                "blanks collapsed",
            ),
            ("Θεσσαλονίκη", "Θεσσαλονίκη", "Greek"),
            ("St. Gallen", "St. Gallen", "dot"),
            (
                "c/o Müller & Söhne",
                "c/o Müller & Söhne",
                "slash, ampersand",
            ),
            ("Apt. 4/B, 2º", "Apt. 4/B, 2º", "ordinal sign"),
        ] {
            assert_eq!(
                TextLine::address(input).map(|t| t.as_str().to_owned()),
                Ok(stored.to_owned()),
                "{input:?}: {why}"
            );
        }
        let long = "a".repeat(151);
        for (input, expected, why) in [
            ("", Problem::Required, "empty"),
            ("   ", Problem::Required, "blank"),
            ("<b>Roma</b>", Problem::AddressInvalid, "markup"),
            ("Roma\u{0}", Problem::AddressInvalid, "control character"),
            ("---", Problem::AddressInvalid, "no letter or digit"),
            (long.as_str(), Problem::TooLong, "151 characters"),
        ] {
            assert_eq!(
                TextLine::address(input).map(|_| ()),
                Err(expected),
                "{input:?}: {why}"
            );
        }
        assert_eq!(
            TextLine::place("{x}").map(|_| ()),
            Err(Problem::PlaceInvalid)
        );
        assert_eq!(
            TextLine::place(&"a".repeat(101)).map(|_| ()),
            Err(Problem::TooLong)
        );
        assert_eq!(TextLine::optional_address("  "), Ok(None));
    }
}
