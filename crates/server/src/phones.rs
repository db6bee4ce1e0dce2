//! The server's own check of a sign-up's phone number, beyond the shared parse of
//! `per_domain::PhoneNumber` (E.164, never Albanian): libphonenumber's metadata (the
//! `phonenumber` crate, kept out of the wasm bundles: it is large) says whether the number
//! exists and is a mobile one, and the deployment may allow only some countries.

use per_domain::{PhoneNumber, Problem};
use phonenumber::metadata::DATABASE;
use phonenumber::Type;

/// Why a number is refused, as the problem the app translates: not a number of any plan,
/// or not a mobile one (both `phone_invalid`, whose text asks for "a valid mobile number":
/// codes come by SMS), or of a country
/// outside `countries` (ISO 3166-1 alpha-2; empty allows every country but Albania, which
/// the domain parse refuses already).
pub fn problem(phone: &PhoneNumber, countries: &[String]) -> Option<Problem> {
    let Ok(number) = phonenumber::parse(None, phone.as_str()) else {
        return Some(Problem::PhoneInvalid);
    };
    if !number.is_valid() {
        return Some(Problem::PhoneInvalid);
    }
    // Where fixed and mobile numbers share one plan (the United States, Canada) the number
    // cannot tell: accepted.
    if !matches!(
        number.number_type(&DATABASE),
        Type::Mobile | Type::FixedLineOrMobile
    ) {
        return Some(Problem::PhoneInvalid);
    }
    if !countries.is_empty() {
        let country = number.country().id();
        if !country.is_some_and(|c| countries.iter().any(|allowed| allowed == c.as_ref())) {
            return Some(Problem::PhoneCountryNotAccepted);
        }
    }
    None
}

/// Whether `code` names a country the metadata knows (for checking the settings).
pub fn is_country(code: &str) -> bool {
    code.parse::<phonenumber::country::Id>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, countries: &[&str]) -> Option<Problem> {
        let countries: Vec<String> = countries.iter().map(|c| c.to_string()).collect();
        problem(&PhoneNumber::parse(input).unwrap(), &countries)
    }

    #[test]
    fn mobile_numbers_pass_and_landlines_and_unknown_plans_do_not() {
        assert_eq!(check("+39 312 345 6789", &[]), None);
        assert_eq!(check("+44 7911 123456", &[]), None);
        assert_eq!(check("+49 151 23456789", &[]), None);
        assert_eq!(check("+1 202 555 0143", &[]), None, "US: fixed or mobile");
        assert_eq!(check("+39 06 6982 1234", &[]), Some(Problem::PhoneInvalid));
        assert_eq!(check("+44 20 7946 0958", &[]), Some(Problem::PhoneInvalid));
        assert_eq!(check("+39 312 3456", &[]), Some(Problem::PhoneInvalid));
        assert_eq!(check("+999 1234 5678", &[]), Some(Problem::PhoneInvalid));
    }

    #[test]
    fn an_allowlist_keeps_other_countries_out() {
        assert_eq!(check("+39 312 345 6789", &["IT", "DE"]), None);
        assert_eq!(
            check("+44 7911 123456", &["IT", "DE"]),
            Some(Problem::PhoneCountryNotAccepted)
        );
        assert!(is_country("GR") && !is_country("XX"));
    }
}
