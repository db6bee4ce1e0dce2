//! The voter's identity as written on the Albanian ID card or passport.

use crate::date::Date;
use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;
use validator::ValidateLength;

/// Sex as on the document; the personal number encodes it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    #[serde(rename = "F")]
    Female,
    #[serde(rename = "M")]
    Male,
}

impl Sex {
    pub fn parse(input: &str) -> Result<Sex, Problem> {
        match input.trim() {
            "" => Err(Problem::Required),
            "F" | "f" => Ok(Sex::Female),
            "M" | "m" => Ok(Sex::Male),
            _ => Err(Problem::SexInvalid),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Sex::Female => "F",
            Sex::Male => "M",
        }
    }
}

/// The Albanian personal number (NID), 10 characters: a decade letter (A = 1900s ... ),
/// the year digit, the month (plus 50 for women), the day, three digits and a check letter.
///
/// The check letter's algorithm is not officially published, so it is never used to refuse a
/// number; the structure and the date are.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonalNumber {
    value: String,
    birth_date: Date,
    sex: Sex,
}

impl PersonalNumber {
    pub fn parse(input: &str) -> Result<PersonalNumber, Problem> {
        let value: String = input
            .trim()
            .chars()
            .filter(|c| *c != ' ')
            .collect::<String>()
            .to_ascii_uppercase();
        if value.is_empty() {
            return Err(Problem::Required);
        }
        let b = value.as_bytes();
        let shape_ok = b.len() == 10
            && b[0].is_ascii_uppercase()
            && b[1..9].iter().all(u8::is_ascii_digit)
            && b[9].is_ascii_uppercase();
        if !shape_ok {
            return Err(Problem::PersonalNumberInvalid);
        }
        let digit = |i: usize| u16::from(b[i] - b'0');
        let year = 1900 + 10 * u16::from(b[0] - b'A') + digit(1);
        let coded_month = 10 * digit(2) + digit(3);
        let (month, sex) = match coded_month {
            1..=12 => (coded_month, Sex::Male),
            51..=62 => (coded_month - 50, Sex::Female),
            _ => return Err(Problem::PersonalNumberInvalid),
        };
        let day = 10 * digit(4) + digit(5);
        let birth_date = Date::from_ymd(year, month as u8, day as u8)
            .map_err(|_| Problem::PersonalNumberInvalid)?;
        Ok(PersonalNumber {
            value,
            birth_date,
            sex,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
    pub fn sex(&self) -> Sex {
        self.sex
    }
}

impl fmt::Debug for PersonalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PersonalNumber(***)")
    }
}

impl TryFrom<String> for PersonalNumber {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        PersonalNumber::parse(&s)
    }
}

impl From<PersonalNumber> for String {
    fn from(p: PersonalNumber) -> String {
        p.value
    }
}

/// A first name, surname or father's name as on the document: 1 to 100 characters of any
/// script's letters (ë, ç, ö, ł, Ω ...), with spaces, hyphens, apostrophes and dots between.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(input: &str) -> Result<PersonName, Problem> {
        let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Err(Problem::Required);
        }
        if !collapsed.validate_length(None, Some(100), None) {
            return Err(Problem::TooLong);
        }
        let allowed = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.');
        let marks = |c: char| matches!(c, '\u{300}'..='\u{36f}');
        if !collapsed.chars().all(|c| allowed(c) || marks(c))
            || !collapsed.chars().next().is_some_and(char::is_alphabetic)
        {
            return Err(Problem::NameInvalid);
        }
        Ok(PersonName(collapsed))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PersonName(***)")
    }
}

impl TryFrom<String> for PersonName {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        PersonName::parse(&s)
    }
}

impl From<PersonName> for String {
    fn from(p: PersonName) -> String {
        p.0
    }
}

/// The identity document the voter has in hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    IdCard,
    Passport,
}

impl DocumentType {
    pub const ALL: [DocumentType; 2] = [DocumentType::IdCard, DocumentType::Passport];

    pub fn parse(input: &str) -> Result<DocumentType, Problem> {
        match input.trim() {
            "" => Err(Problem::Required),
            code => DocumentType::ALL
                .into_iter()
                .find(|d| d.code() == code)
                .ok_or(Problem::DocumentTypeInvalid),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DocumentType::IdCard => "id_card",
            DocumentType::Passport => "passport",
        }
    }
}

/// The number printed on the document (not the personal number), upper-cased, blanks removed.
///
/// Formats, from public descriptions (no official specification was found, so the rules are
/// lenient and refuse only what cannot be a number of that document):
/// - ID card (letërnjoftim, biometric since 2009, ICAO 9303 TD1): the document number field
///   of the machine-readable zone holds at most 9 letters and digits; cards seen carry 9,
///   mostly digits. Accepted: 8 or 9 ASCII letters and digits, at least 6 of them digits.
/// - Passport: Keesing (via ecoi.net, ALB101931.E) gives "7 digits, preceded by a letter"
///   for the 2002 booklet; biometric passports (since 2009) carry two letters and seven
///   digits (e.g. BA1234567). Accepted: 1 or 2 letters, then 7 digits.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String")]
pub struct DocumentNumber(String);

impl DocumentNumber {
    pub fn parse(document: DocumentType, input: &str) -> Result<DocumentNumber, Problem> {
        let value: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        if value.is_empty() {
            return Err(Problem::Required);
        }
        let b = value.as_bytes();
        let ok = match document {
            DocumentType::IdCard => {
                (8..=9).contains(&b.len())
                    && b.iter().all(u8::is_ascii_alphanumeric)
                    && b.iter().filter(|c| c.is_ascii_digit()).count() >= 6
            }
            DocumentType::Passport => {
                let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
                (1..=2).contains(&letters)
                    && b.len() == letters + 7
                    && b[letters..].iter().all(u8::is_ascii_digit)
            }
        };
        if ok {
            Ok(DocumentNumber(value))
        } else {
            Err(Problem::DocumentNumberInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DocumentNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DocumentNumber(***)")
    }
}

impl From<DocumentNumber> for String {
    fn from(d: DocumentNumber) -> String {
        d.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn good_personal_numbers() {
        for (input, born, sex, why) in [
            ("J00415123A", "1990-04-15", Sex::Male, "man born 1990"),
            ("J05415123A", "1990-04-15", Sex::Female, "woman: month + 50"),
            (
                "i56231001z",
                "1985-12-31",
                Sex::Female,
                "lower case is upper-cased",
            ),
            ("K40229001B", "2004-02-29", Sex::Male, "leap day"),
            ("H7 0101 001C", "1977-01-01", Sex::Male, "spaces removed"),
            ("A00101000X", "1900-01-01", Sex::Male, "first decade letter"),
        ] {
            let p = PersonalNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {why}: {e}"));
            assert_eq!(
                (p.birth_date(), p.sex()),
                (date(born), sex),
                "{input}: {why}"
            );
        }
    }

    #[test]
    fn bad_personal_numbers() {
        for (input, expected, why) in [
            ("", Problem::Required, "empty"),
            ("J00415123", Problem::PersonalNumberInvalid, "9 characters"),
            (
                "J00415123AB",
                Problem::PersonalNumberInvalid,
                "11 characters",
            ),
            (
                "100415123A",
                Problem::PersonalNumberInvalid,
                "no decade letter",
            ),
            (
                "J00415123",
                Problem::PersonalNumberInvalid,
                "no check letter",
            ),
            (
                "J004151231",
                Problem::PersonalNumberInvalid,
                "digit as check letter",
            ),
            ("J01315123A", Problem::PersonalNumberInvalid, "month 13"),
            (
                "J06315123A",
                Problem::PersonalNumberInvalid,
                "month 63 (13 + 50)",
            ),
            ("J00015123A", Problem::PersonalNumberInvalid, "month 0"),
            ("J00431123A", Problem::PersonalNumberInvalid, "31 April"),
            ("K30229001B", Problem::PersonalNumberInvalid, "29 Feb 2003"),
            ("J0041512ÇA", Problem::PersonalNumberInvalid, "non-ASCII"),
        ] {
            assert_eq!(
                PersonalNumber::parse(input).map(|_| ()),
                Err(expected),
                "{input:?}: {why}"
            );
        }
    }

    #[test]
    fn names_keep_their_letters() {
        for (input, stored, why) in [
            ("Ëngjëll", "Ëngjëll", "Albanian ë"),
            ("  Çelë   Hoxha ", "Çelë Hoxha", "blanks collapsed"),
            ("Anne-Marie", "Anne-Marie", "hyphen"),
            ("O'Brien", "O'Brien", "apostrophe"),
            ("Παπαδόπουλος", "Παπαδόπουλος", "Greek"),
            ("Łukasz", "Łukasz", "Polish"),
            ("Zoe\u{0308}", "Zoe\u{0308}", "combining diaeresis"),
        ] {
            assert_eq!(
                PersonName::parse(input).map(|n| n.as_str().to_owned()),
                Ok(stored.to_owned()),
                "{input:?}: {why}"
            );
        }
    }

    #[test]
    fn bad_names() {
        let long = "a".repeat(101);
        for (input, expected, why) in [
            ("", Problem::Required, "empty"),
            ("   ", Problem::Required, "blank"),
            ("Ana1", Problem::NameInvalid, "digit"),
            ("<script>", Problem::NameInvalid, "markup"),
            ("-Ana", Problem::NameInvalid, "starts with a hyphen"),
            (long.as_str(), Problem::TooLong, "101 letters"),
        ] {
            assert_eq!(
                PersonName::parse(input).map(|_| ()),
                Err(expected),
                "{input:?}: {why}"
            );
        }
    }

    #[test]
    fn sex() {
        assert_eq!(Sex::parse("F"), Ok(Sex::Female));
        assert_eq!(Sex::parse("m"), Ok(Sex::Male));
        assert_eq!(Sex::parse(""), Err(Problem::Required));
        assert_eq!(Sex::parse("X"), Err(Problem::SexInvalid));
    }

    #[test]
    fn document_types() {
        assert_eq!(DocumentType::parse("id_card"), Ok(DocumentType::IdCard));
        assert_eq!(
            DocumentType::parse(" passport "),
            Ok(DocumentType::Passport)
        );
        assert_eq!(DocumentType::parse(""), Err(Problem::Required));
        assert_eq!(
            DocumentType::parse("driving_licence"),
            Err(Problem::DocumentTypeInvalid)
        );
    }

    #[test]
    fn good_document_numbers() {
        use DocumentType::*;
        for (doc, input, stored, why) in [
            (IdCard, "012345678", "012345678", "9 digits"),
            (IdCard, "0123 4567 8", "012345678", "blanks removed"),
            (
                IdCard,
                "a12345678",
                "A12345678",
                "letter first, upper-cased",
            ),
            (IdCard, "12345678", "12345678", "8 characters"),
            (
                Passport,
                "BA1234567",
                "BA1234567",
                "biometric: 2 letters, 7 digits",
            ),
            (Passport, "ba 123 4567", "BA1234567", "lower case, blanks"),
            (
                Passport,
                "A1234567",
                "A1234567",
                "2002 booklet: a letter, 7 digits",
            ),
        ] {
            assert_eq!(
                DocumentNumber::parse(doc, input).map(|d| d.as_str().to_owned()),
                Ok(stored.to_owned()),
                "{input:?}: {why}"
            );
        }
    }

    #[test]
    fn bad_document_numbers() {
        use DocumentType::*;
        for (doc, input, expected, why) in [
            (IdCard, "", Problem::Required, "empty"),
            (
                IdCard,
                "1234567",
                Problem::DocumentNumberInvalid,
                "7 characters",
            ),
            (
                IdCard,
                "0123456789",
                Problem::DocumentNumberInvalid,
                "10 characters",
            ),
            (
                IdCard,
                "ABCDEFGH1",
                Problem::DocumentNumberInvalid,
                "mostly letters",
            ),
            (
                IdCard,
                "01234567Ë",
                Problem::DocumentNumberInvalid,
                "non-ASCII",
            ),
            (
                Passport,
                "1234567",
                Problem::DocumentNumberInvalid,
                "no letter",
            ),
            (
                Passport,
                "ABC1234567",
                Problem::DocumentNumberInvalid,
                "three letters",
            ),
            (
                Passport,
                "BA123456",
                Problem::DocumentNumberInvalid,
                "6 digits",
            ),
            (
                Passport,
                "BA12345678",
                Problem::DocumentNumberInvalid,
                "8 digits",
            ),
            (
                Passport,
                "012345678",
                Problem::DocumentNumberInvalid,
                "an ID card number",
            ),
        ] {
            assert_eq!(
                DocumentNumber::parse(doc, input).map(|_| ()),
                Err(expected),
                "{input:?}: {why}"
            );
        }
    }
}
