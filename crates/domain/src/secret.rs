//! Secrets typed by the voter or issued by the server: password, one-time code, opaque token.
//! None of them prints its value in `Debug`, and none can be serialised back out.

use crate::problem::Problem;
use std::fmt;
use validator::ValidateLength;

/// The most common passwords of 8 or more characters (lower-cased), refused at sign-up.
const COMMON_PASSWORDS: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "12345678910",
    "password",
    "password1",
    "password12",
    "password123",
    "passw0rd",
    "p@ssw0rd",
    "qwertyui",
    "qwertyuiop",
    "qwerty123",
    "qwerty12",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "1qaz2wsx",
    "zaq12wsx",
    "11111111",
    "00000000",
    "88888888",
    "87654321",
    "123123123",
    "12341234",
    "11223344",
    "abcd1234",
    "abc12345",
    "abcdefgh",
    "iloveyou",
    "iloveyou1",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "welcome1",
    "welcome123",
    "admin123",
    "administrator",
    "letmein1",
    "trustno1",
    "superman",
    "starwars",
    "whatever",
    "computer",
    "michelle",
    "jennifer",
    "corvette",
    "mercedes",
    "internet",
    "samantha",
    "maverick",
    "1234qwer",
    "q1w2e3r4",
    "q1w2e3r4t5",
    "asdfghjk",
    "asdfghjkl",
    "zxcvbnm1",
    "zxcvbnm123",
    "qazwsxedc",
    "987654321",
    "9876543210",
    "55555555",
    "66666666",
    "77777777",
    "99999999",
    "12121212",
    "123qweasd",
    "password!",
    "shqiperia",
    "shqiperia1",
    "albania1",
    "albania123",
    "tirana123",
    "kosova123",
    "dashuri1",
    "fjalekalim",
    "fjalekalimi",
    "parola123",
    "passwort",
    "passwort1",
    "kennwort",
    "contrasena",
    "motdepasse",
    "1234abcd",
    "a1b2c3d4",
    "changeme",
    "secret123",
];

/// A password of 8 to 128 characters (Unicode scalar values), not one of the most common ones.
/// Any character is allowed: passphrases and password managers are welcome.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// The fewest characters (Unicode scalar values) a password may have.
    pub const MIN_CHARS: usize = 8;
    /// The most characters a password may have.
    pub const MAX_CHARS: usize = 128;

    pub fn parse(input: &str) -> Result<Password, Problem> {
        if input.is_empty() {
            return Err(Problem::Required);
        }
        if !input.validate_length(Some(Self::MIN_CHARS as u64), None, None) {
            return Err(Problem::PasswordTooShort);
        }
        if !input.validate_length(None, Some(Self::MAX_CHARS as u64), None) {
            return Err(Problem::PasswordTooLong);
        }
        Ok(Password(input.to_owned()))
    }

    /// Refuses a very common password. Checked where a password is chosen, by the server:
    /// the list stays out of the app's download and can grow without costing phones anything.
    pub fn check_not_common(&self) -> Result<(), Problem> {
        // The list is ASCII: ASCII case-folding is enough to match it.
        let lower = self.0.to_ascii_lowercase();
        if COMMON_PASSWORDS.contains(&lower.as_str()) || is_one_repeated_char(&self.0) {
            return Err(Problem::PasswordTooCommon);
        }
        Ok(())
    }

    /// The password itself, only for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn is_one_repeated_char(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => chars.all(|c| c == first),
        None => false,
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// A 6-digit single-use code as typed or pasted (`123 456` and `123-456` are accepted).
#[derive(Clone, PartialEq, Eq)]
pub struct OneTimeCode(String);

impl OneTimeCode {
    /// The number of digits of a code.
    pub const LEN: usize = 6;

    pub fn parse(input: &str) -> Result<OneTimeCode, Problem> {
        let digits: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
            .collect();
        if digits.is_empty() {
            return Err(Problem::Required);
        }
        if digits.len() != Self::LEN || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Problem::CodeInvalid);
        }
        Ok(OneTimeCode(digits))
    }

    /// Builds a code from a random number (the server's generator); keeps the last
    /// [`Self::LEN`] digits.
    pub fn from_random(n: u32) -> OneTimeCode {
        let digits = format!("{n:0w$}", w = Self::LEN);
        OneTimeCode(digits[digits.len() - Self::LEN..].to_owned())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeCode(***)")
    }
}

/// An opaque token issued by the server (sign-up, session, liveness challenge): 32 random bytes
/// in unpadded base64url, 43 characters. The server stores only its hash.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl SecretToken {
    pub fn parse(input: &str) -> Result<SecretToken, Problem> {
        let ok = input.len() == 43
            && input
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(SecretToken(input.to_owned()))
        } else {
            Err(Problem::TokenInvalid)
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretToken(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_passwords() {
        for (input, why) in [
            ("correct horse battery", "passphrase with spaces"),
            ("Zogu1928!", "nine characters"),
            ("ëçëçëçëç", "eight Albanian letters, 16 bytes"),
            ("ab3$EFgh", "exactly 8"),
        ] {
            assert!(Password::parse(input).is_ok(), "{input:?}: {why}");
        }
        assert!(
            Password::parse(&"x1".repeat(64)).is_ok(),
            "exactly 128 characters"
        );
    }

    #[test]
    fn common_passwords_are_refused_when_chosen() {
        for (input, why) in [
            ("password", "the most common"),
            ("PassWord123", "common, any case"),
            ("Shqiperia1", "common in Albanian"),
            ("aaaaaaaaaaaa", "one repeated character"),
        ] {
            let parsed = Password::parse(input).expect("long enough");
            assert_eq!(
                parsed.check_not_common(),
                Err(Problem::PasswordTooCommon),
                "{input:?}: {why}"
            );
        }
        let fine = Password::parse("correct horse battery").unwrap();
        assert_eq!(fine.check_not_common(), Ok(()));
    }

    #[test]
    fn bad_passwords() {
        let too_long = "x1".repeat(64) + "z";
        for (input, expected, why) in [
            ("", Problem::Required, "empty"),
            ("abc1234", Problem::PasswordTooShort, "seven characters"),
            (
                "ëçëçëçë",
                Problem::PasswordTooShort,
                "seven letters of 2 bytes each",
            ),
            (
                too_long.as_str(),
                Problem::PasswordTooLong,
                "129 characters",
            ),
        ] {
            assert_eq!(
                Password::parse(input).map(|_| ()),
                Err(expected),
                "{input:?}: {why}"
            );
        }
    }

    #[test]
    fn secrets_do_not_print() {
        let p = Password::parse("Zogu1928!").unwrap();
        let c = OneTimeCode::parse("123456").unwrap();
        let t = SecretToken::parse(&"a".repeat(43)).unwrap();
        let shown = format!("{p:?} {c:?} {t:?}");
        assert!(!shown.contains("Zogu") && !shown.contains("123456") && !shown.contains("aaaa"));
    }

    #[test]
    fn codes() {
        for (input, expected, why) in [
            ("123456", Ok("123456"), "plain"),
            ("123 456", Ok("123456"), "pasted with a space"),
            ("123-456", Ok("123456"), "with a hyphen"),
            ("", Err(Problem::Required), "empty"),
            ("12345", Err(Problem::CodeInvalid), "five digits"),
            ("1234567", Err(Problem::CodeInvalid), "seven digits"),
            ("12345a", Err(Problem::CodeInvalid), "letter"),
            ("١٢٣٤٥٦", Err(Problem::CodeInvalid), "non-ASCII digits"),
        ] {
            assert_eq!(
                OneTimeCode::parse(input).map(|c| c.expose().to_owned()),
                expected.map(str::to_owned),
                "{input:?}: {why}"
            );
        }
        assert_eq!(OneTimeCode::from_random(42).expose(), "000042");
        assert_eq!(OneTimeCode::from_random(4_000_123).expose(), "000123");
    }

    #[test]
    fn tokens() {
        assert!(
            SecretToken::parse(&"A-_b".repeat(11).chars().take(43).collect::<String>()).is_ok()
        );
        assert_eq!(SecretToken::parse("short"), Err(Problem::TokenInvalid));
        assert_eq!(
            SecretToken::parse(&"=".repeat(43)),
            Err(Problem::TokenInvalid)
        );
    }
}
