//! The server's password rules beyond the wire type's: NFKC normalisation before hashing,
//! the 100,000 common passwords (`data/common-passwords.txt.gz`, see `data/README.md`),
//! and no password made of the voter's own phone digits or e-mail local part.

use per_domain::{Email, Password, PhoneNumber, Problem};
use std::collections::HashSet;
use std::io::Read;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

static COMPRESSED: &[u8] = include_bytes!("../data/common-passwords.txt.gz");

/// The list, lower-cased, loaded once (about 1 MB of strings).
static COMMON: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut text = String::new();
    flate2::read::GzDecoder::new(COMPRESSED)
        .read_to_string(&mut text)
        .expect("the common-password list is valid gzip and UTF-8");
    text.lines().map(str::to_owned).collect()
});

/// Loads the list now (at startup), so the first sign-up does not pay for it.
pub fn preload() -> usize {
    COMMON.len()
}

/// The form a password is hashed and verified in: Unicode NFKC, so the same password typed
/// on two keyboards (composed or decomposed accents, full-width digits) is the same.
pub fn normalise(password: &str) -> String {
    password.nfkc().collect()
}

/// Checks a newly chosen password (already normalised or not) against the list and the
/// voter's own contacts.
pub fn check_new(password: &Password, phone: &PhoneNumber, email: &Email) -> Result<(), Problem> {
    password.check_not_common()?;
    let normal = normalise(password.expose());
    let lower = normal.to_lowercase();
    if COMMON.contains(&lower) {
        return Err(Problem::PasswordTooCommon);
    }
    // The phone's digits: the whole number without '+', and its last 8 (the national part
    // a voter might type); a password holding either is refused.
    let digits: String = phone
        .as_str()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let password_digits: String = lower.chars().filter(char::is_ascii_digit).collect();
    let tail = &digits[digits.len().saturating_sub(8)..];
    if password_digits.contains(&digits) || (tail.len() == 8 && password_digits.contains(tail)) {
        return Err(Problem::PasswordHasContact);
    }
    let local = email
        .as_str()
        .split('@')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if local.chars().count() >= 4 && lower.contains(&local) {
        return Err(Problem::PasswordHasContact);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn the_list_is_the_recorded_one() {
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(COMPRESSED)
            .read_to_end(&mut text)
            .unwrap();
        let sum: String = Sha256::digest(&text)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            sum,
            "40760276a4458de77dae6e979324bd71d018d735272e8a40f3c3b3ed3e3f9316"
        );
        assert_eq!(preload(), 100_000);
    }

    fn contacts() -> (PhoneNumber, Email) {
        (
            PhoneNumber::parse("+393123456789").unwrap(),
            Email::parse("arben.hoxha@example.com").unwrap(),
        )
    }

    #[test]
    fn refuses_listed_own_and_accepts_others() {
        let (phone, email) = contacts();
        let check = |p: &str| check_new(&Password::parse(p).unwrap(), &phone, &email);
        assert_eq!(check("baseball"), Err(Problem::PasswordTooCommon));
        assert_eq!(check("BaseBall"), Err(Problem::PasswordTooCommon));
        assert_eq!(check("ribena11"), Err(Problem::PasswordTooCommon));
        assert_eq!(check("x393123456789"), Err(Problem::PasswordHasContact));
        assert_eq!(check("pin23456789!"), Err(Problem::PasswordHasContact));
        assert_eq!(check("Arben.Hoxha-2026"), Err(Problem::PasswordHasContact));
        assert_eq!(check("correct horse battery"), Ok(()));
        // Full-width digits are the same digits after NFKC.
        assert_eq!(
            check("pin２３４５６７８９"),
            Err(Problem::PasswordHasContact)
        );
    }

    #[test]
    fn nfkc_joins_composed_and_decomposed() {
        assert_eq!(normalise("e\u{301}"), normalise("\u{e9}"));
        assert_eq!(normalise("ｐａｓｓ"), "pass");
    }
}
