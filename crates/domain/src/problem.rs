//! What can be wrong with an input: one code per rule, translated by the client, named by field.

use crate::field::Field;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One broken rule. The code (snake_case on the wire) is the i18n key the app translates;
/// [`Problem::english`] gives the sentence the server puts next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooLong,
    PhoneNeedsCountryCode,
    PhoneInvalid,
    PhoneAlbanian,
    PhoneCountryNotAccepted,
    EmailInvalid,
    PasswordTooShort,
    PasswordTooLong,
    PasswordTooCommon,
    PasswordHasContact,
    CodeInvalid,
    NameInvalid,
    DateInvalid,
    DateInFuture,
    PersonalNumberInvalid,
    PersonalNumberDateMismatch,
    PersonalNumberSexMismatch,
    SexInvalid,
    LanguageInvalid,
    ChannelInvalid,
    TokenInvalid,
    IdempotencyKeyInvalid,
    FrameMissing,
    FrameTooMany,
    FrameInvalid,
    FrameTooLarge,
    ChallengeInvalid,
    ReferenceInvalid,
    DocumentTypeInvalid,
    DocumentNumberInvalid,
    PlaceInvalid,
    DateBeforeBirth,
    CountryInvalid,
    CountryAlbania,
    PostalCodeInvalid,
    AddressInvalid,
    ProofKindInvalid,
    DeclarationRequired,
    UploadMissing,
    UploadInvalid,
    UploadKindInvalid,
    UploadTypeUnsupported,
    UploadTooLarge,
    UploadDimensions,
    UploadCorrupt,
    UploadTooMany,
}

impl Problem {
    /// Every problem, for exhaustive tests of the translations.
    pub const ALL: [Problem; 47] = [
        Problem::Required,
        Problem::TooLong,
        Problem::PhoneNeedsCountryCode,
        Problem::PhoneInvalid,
        Problem::PhoneAlbanian,
        Problem::PhoneCountryNotAccepted,
        Problem::EmailInvalid,
        Problem::PasswordTooShort,
        Problem::PasswordTooLong,
        Problem::PasswordTooCommon,
        Problem::PasswordHasContact,
        Problem::CodeInvalid,
        Problem::NameInvalid,
        Problem::DateInvalid,
        Problem::DateInFuture,
        Problem::PersonalNumberInvalid,
        Problem::PersonalNumberDateMismatch,
        Problem::PersonalNumberSexMismatch,
        Problem::SexInvalid,
        Problem::LanguageInvalid,
        Problem::ChannelInvalid,
        Problem::TokenInvalid,
        Problem::IdempotencyKeyInvalid,
        Problem::FrameMissing,
        Problem::FrameTooMany,
        Problem::FrameInvalid,
        Problem::FrameTooLarge,
        Problem::ChallengeInvalid,
        Problem::ReferenceInvalid,
        Problem::DocumentTypeInvalid,
        Problem::DocumentNumberInvalid,
        Problem::PlaceInvalid,
        Problem::DateBeforeBirth,
        Problem::CountryInvalid,
        Problem::CountryAlbania,
        Problem::PostalCodeInvalid,
        Problem::AddressInvalid,
        Problem::ProofKindInvalid,
        Problem::DeclarationRequired,
        Problem::UploadMissing,
        Problem::UploadInvalid,
        Problem::UploadKindInvalid,
        Problem::UploadTypeUnsupported,
        Problem::UploadTooLarge,
        Problem::UploadDimensions,
        Problem::UploadCorrupt,
        Problem::UploadTooMany,
    ];
}

impl Problem {
    /// The English sentence for API clients (the server sends it beside the code). The app
    /// translates the code instead; `Display` prints only the code, so these sentences stay
    /// out of the wasm bundle even where serde reports a parse error.
    pub fn english(self) -> &'static str {
        match self {
            Problem::Required => "this field is required",
            Problem::TooLong => "this field is too long",
            Problem::PhoneNeedsCountryCode => {
                "enter the number in international form, starting with + and the country code"
            }
            Problem::PhoneInvalid => "enter a valid mobile number, like +39 312 345 6789",
            Problem::PhoneCountryNotAccepted => {
                "numbers from this country cannot be used: enter a mobile number of another country"
            }
            Problem::PhoneAlbanian => {
                "an Albanian (+355) number cannot be used: this service is for voters living abroad"
            }
            Problem::EmailInvalid => "enter a valid e-mail address, like name@example.com",
            Problem::PasswordTooShort => "the password must have at least 8 characters",
            Problem::PasswordTooLong => "the password must have at most 128 characters",
            Problem::PasswordTooCommon => "this password is too common: choose another one",
            Problem::PasswordHasContact => {
                "the password must not contain your phone number or e-mail address"
            }
            Problem::CodeInvalid => "the code has 6 digits",
            Problem::NameInvalid => "use only letters, spaces, hyphens and apostrophes",
            Problem::DateInvalid => "enter a real date",
            Problem::DateInFuture => "the date must be in the past",
            Problem::PersonalNumberInvalid => {
                "the personal number has 10 characters, like J90415123A, as on your document"
            }
            Problem::PersonalNumberDateMismatch => {
                "the personal number does not match the date of birth"
            }
            Problem::PersonalNumberSexMismatch => "the personal number does not match the sex",
            Problem::SexInvalid => "choose female or male, as on your document",
            Problem::LanguageInvalid => "unknown language",
            Problem::ChannelInvalid => "unknown channel",
            Problem::TokenInvalid => "the link or session is not valid",
            Problem::IdempotencyKeyInvalid => "the submission key is not valid",
            Problem::FrameMissing => "no camera picture was received",
            Problem::FrameTooMany => "too many camera pictures",
            Problem::FrameInvalid => "the camera picture is not a JPEG image",
            Problem::FrameTooLarge => "the camera picture is too large",
            Problem::ChallengeInvalid => "the camera check's challenge is not valid",
            Problem::ReferenceInvalid => "the reference number is not valid",
            Problem::DocumentTypeInvalid => "choose ID card or passport",
            Problem::DocumentNumberInvalid => "enter the document number as printed on your ID card (9 letters and digits) or passport (2 letters and 7 digits)",
            Problem::PlaceInvalid => "use letters, digits, spaces and the usual punctuation of a place name",
            Problem::DateBeforeBirth => "the date must be after the date of birth",
            Problem::CountryInvalid => "choose the country you live in",
            Problem::CountryAlbania => "this service is for voters living abroad: the address cannot be in Albania",
            Problem::PostalCodeInvalid => "enter the postal code as it is written in the country you live in",
            Problem::AddressInvalid => "use letters, digits, spaces and the usual punctuation of an address",
            Problem::ProofKindInvalid => "choose one of the accepted kinds of document",
            Problem::DeclarationRequired => "confirm the declaration to continue",
            Problem::UploadMissing => "upload this document",
            Problem::UploadInvalid => "this upload is not known: upload the document again",
            Problem::UploadKindInvalid => "unknown kind of document upload",
            Problem::UploadTypeUnsupported => "upload a JPEG or PNG picture or a PDF file",
            Problem::UploadTooLarge => "the file is larger than 5 MB",
            Problem::UploadDimensions => "the picture is too small to read or too large: its longer side needs at least 600 pixels, and no side may exceed 10,000",
            Problem::UploadCorrupt => "the file is damaged or incomplete: upload it again",
            Problem::UploadTooMany => "too many uploads: contact the CEC if you need to send more",
        }
    }

    /// The wire code, e.g. `phone_albanian`.
    pub fn code(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooLong => "too_long",
            Problem::PhoneNeedsCountryCode => "phone_needs_country_code",
            Problem::PhoneInvalid => "phone_invalid",
            Problem::PhoneAlbanian => "phone_albanian",
            Problem::PhoneCountryNotAccepted => "phone_country_not_accepted",
            Problem::EmailInvalid => "email_invalid",
            Problem::PasswordTooShort => "password_too_short",
            Problem::PasswordTooLong => "password_too_long",
            Problem::PasswordTooCommon => "password_too_common",
            Problem::PasswordHasContact => "password_has_contact",
            Problem::CodeInvalid => "code_invalid",
            Problem::NameInvalid => "name_invalid",
            Problem::DateInvalid => "date_invalid",
            Problem::DateInFuture => "date_in_future",
            Problem::PersonalNumberInvalid => "personal_number_invalid",
            Problem::PersonalNumberDateMismatch => "personal_number_date_mismatch",
            Problem::PersonalNumberSexMismatch => "personal_number_sex_mismatch",
            Problem::SexInvalid => "sex_invalid",
            Problem::LanguageInvalid => "language_invalid",
            Problem::ChannelInvalid => "channel_invalid",
            Problem::TokenInvalid => "token_invalid",
            Problem::IdempotencyKeyInvalid => "idempotency_key_invalid",
            Problem::FrameMissing => "frame_missing",
            Problem::FrameTooMany => "frame_too_many",
            Problem::FrameInvalid => "frame_invalid",
            Problem::FrameTooLarge => "frame_too_large",
            Problem::ChallengeInvalid => "challenge_invalid",
            Problem::ReferenceInvalid => "reference_invalid",
            Problem::DocumentTypeInvalid => "document_type_invalid",
            Problem::DocumentNumberInvalid => "document_number_invalid",
            Problem::PlaceInvalid => "place_invalid",
            Problem::DateBeforeBirth => "date_before_birth",
            Problem::CountryInvalid => "country_invalid",
            Problem::CountryAlbania => "country_albania",
            Problem::PostalCodeInvalid => "postal_code_invalid",
            Problem::AddressInvalid => "address_invalid",
            Problem::ProofKindInvalid => "proof_kind_invalid",
            Problem::DeclarationRequired => "declaration_required",
            Problem::UploadMissing => "upload_missing",
            Problem::UploadInvalid => "upload_invalid",
            Problem::UploadKindInvalid => "upload_kind_invalid",
            Problem::UploadTypeUnsupported => "upload_type_unsupported",
            Problem::UploadTooLarge => "upload_too_large",
            Problem::UploadDimensions => "upload_dimensions",
            Problem::UploadCorrupt => "upload_corrupt",
            Problem::UploadTooMany => "upload_too_many",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for Problem {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_wire() {
        for p in Problem::ALL {
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.code()));
            assert!(!p.english().is_empty());
        }
    }
}

/// A problem attached to the field it was found in.
///
/// `message` is the English sentence for API clients other than the app; the server fills it
/// in ([`FieldProblem::with_message`]) just before answering. The app translates `code`
/// instead, so the English sentences never enter the wasm bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldProblem {
    pub field: Field,
    pub code: Problem,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: Field, code: Problem) -> Self {
        FieldProblem {
            field,
            code,
            message: String::new(),
        }
    }

    /// The same problem with its English sentence.
    pub fn with_message(self) -> Self {
        FieldProblem {
            message: self.code.english().to_owned(),
            ..self
        }
    }
}

/// Collects the problems of a whole form, so the user sees all of them at once.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldProblem>);

impl Problems {
    pub fn new() -> Self {
        Problems(Vec::new())
    }

    /// Runs one parser; remembers its problem under `field` and returns the value if any.
    pub fn check<T>(&mut self, field: Field, parsed: Result<T, Problem>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(code) => {
                self.0.push(FieldProblem::new(field, code));
                None
            }
        }
    }

    pub fn push(&mut self, field: Field, code: Problem) {
        self.0.push(FieldProblem::new(field, code));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Takes the value of a part of the body parsed on its own (a step), or its problems.
    pub fn step<T>(&mut self, parsed: Result<T, Vec<FieldProblem>>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(problems) => {
                self.0.extend(problems);
                None
            }
        }
    }

    pub fn into_vec(self) -> Vec<FieldProblem> {
        self.0
    }
}
