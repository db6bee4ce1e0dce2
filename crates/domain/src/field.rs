//! The one vocabulary of input fields: every problem names its field with a [`Field`], the
//! server and the app alike; the app maps each to its input and its texts.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A field of a request body, serialised as its wire name (`personal_number`). Names are flat
/// and unique across every body, so a problem names its field without the JSON nesting
/// (`identity.surname` is simply `surname`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    // sign-up and session
    Phone,
    Email,
    Language,
    SignupId,
    Channel,
    /// The code sent by SMS.
    PhoneCode,
    /// The code sent by e-mail.
    EmailCode,
    Password,
    Login,
    // face capture
    ChallengeId,
    /// The server's signature of the liveness challenge, sent back with the burst.
    Signature,
    /// The challenge's steps, sent back with the burst.
    Steps,
    Frames,
    // the request: identity as on the document
    DocumentType,
    DocumentNumber,
    PersonalNumber,
    FirstName,
    Surname,
    FatherName,
    DateOfBirth,
    PlaceOfBirth,
    Sex,
    DocumentExpiry,
    // the address abroad
    Country,
    City,
    PostalCode,
    Street,
    Apartment,
    CareOf,
    // proof of address
    ProofKind,
    ProofDeclaration,
    // uploads: the body of `POST /api/upload/{kind}`, and the ids of each kind
    Upload,
    IdCardFront,
    IdCardBack,
    PassportPage,
    ProofOfAddress,
    // submission
    IdempotencyKey,
    Declaration,
    Reference,
    // the review console (officials)
    /// The second factor: a 6-digit TOTP code or a recovery code.
    Code,
    Decision,
    Reasons,
    Note,
    Zone,
}

impl Field {
    /// Every field, for exhaustive tests.
    pub const ALL: [Field; 44] = [
        Field::Phone,
        Field::Email,
        Field::Language,
        Field::SignupId,
        Field::Channel,
        Field::PhoneCode,
        Field::EmailCode,
        Field::Password,
        Field::Login,
        Field::ChallengeId,
        Field::Signature,
        Field::Steps,
        Field::Frames,
        Field::DocumentType,
        Field::DocumentNumber,
        Field::PersonalNumber,
        Field::FirstName,
        Field::Surname,
        Field::FatherName,
        Field::DateOfBirth,
        Field::PlaceOfBirth,
        Field::Sex,
        Field::DocumentExpiry,
        Field::Country,
        Field::City,
        Field::PostalCode,
        Field::Street,
        Field::Apartment,
        Field::CareOf,
        Field::ProofKind,
        Field::ProofDeclaration,
        Field::Upload,
        Field::IdCardFront,
        Field::IdCardBack,
        Field::PassportPage,
        Field::ProofOfAddress,
        Field::IdempotencyKey,
        Field::Declaration,
        Field::Reference,
        Field::Code,
        Field::Decision,
        Field::Reasons,
        Field::Note,
        Field::Zone,
    ];

    /// The wire name, e.g. `personal_number`.
    pub fn code(self) -> &'static str {
        match self {
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Language => "language",
            Field::SignupId => "signup_id",
            Field::Channel => "channel",
            Field::PhoneCode => "phone_code",
            Field::EmailCode => "email_code",
            Field::Password => "password",
            Field::Login => "login",
            Field::ChallengeId => "challenge_id",
            Field::Signature => "signature",
            Field::Steps => "steps",
            Field::Frames => "frames",
            Field::DocumentType => "document_type",
            Field::DocumentNumber => "document_number",
            Field::PersonalNumber => "personal_number",
            Field::FirstName => "first_name",
            Field::Surname => "surname",
            Field::FatherName => "father_name",
            Field::DateOfBirth => "date_of_birth",
            Field::PlaceOfBirth => "place_of_birth",
            Field::Sex => "sex",
            Field::DocumentExpiry => "document_expiry",
            Field::Country => "country",
            Field::City => "city",
            Field::PostalCode => "postal_code",
            Field::Street => "street",
            Field::Apartment => "apartment",
            Field::CareOf => "care_of",
            Field::ProofKind => "proof_kind",
            Field::ProofDeclaration => "proof_declaration",
            Field::Upload => "upload",
            Field::IdCardFront => "id_card_front",
            Field::IdCardBack => "id_card_back",
            Field::PassportPage => "passport_page",
            Field::ProofOfAddress => "proof_of_address",
            Field::IdempotencyKey => "idempotency_key",
            Field::Declaration => "declaration",
            Field::Reference => "reference",
            Field::Code => "code",
            Field::Decision => "decision",
            Field::Reasons => "reasons",
            Field::Note => "note",
            Field::Zone => "zone",
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_the_wire_names_and_unique() {
        let mut seen = HashSet::new();
        for f in Field::ALL {
            assert_eq!(
                serde_json::to_string(&f).unwrap(),
                format!("\"{}\"", f.code())
            );
            assert_eq!(Field::from_code(f.code()), Some(f));
            assert!(seen.insert(f.code()), "{f:?} twice");
        }
        assert_eq!(Field::from_code("identity"), None);
    }
}
