//! Uploaded documents: what each upload is of, and the id the server answers with.

use crate::field::Field;
use crate::identity::DocumentType;
use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What an uploaded file shows; the path segment of `POST /api/upload/{kind}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UploadKind {
    IdCardFront,
    IdCardBack,
    PassportPage,
    ProofOfAddress,
}

impl UploadKind {
    pub const ALL: [UploadKind; 4] = [
        UploadKind::IdCardFront,
        UploadKind::IdCardBack,
        UploadKind::PassportPage,
        UploadKind::ProofOfAddress,
    ];

    /// The largest upload, before any processing: 5 MB.
    pub const MAX_BYTES: usize = 5 * 1024 * 1024;

    pub fn code(self) -> &'static str {
        match self {
            UploadKind::IdCardFront => "id_card_front",
            UploadKind::IdCardBack => "id_card_back",
            UploadKind::PassportPage => "passport_page",
            UploadKind::ProofOfAddress => "proof_of_address",
        }
    }

    pub fn parse(input: &str) -> Result<UploadKind, Problem> {
        UploadKind::ALL
            .into_iter()
            .find(|k| k.code() == input)
            .ok_or(Problem::UploadKindInvalid)
    }

    /// The field that names an upload of this kind in a request.
    pub fn field(self) -> Field {
        match self {
            UploadKind::IdCardFront => Field::IdCardFront,
            UploadKind::IdCardBack => Field::IdCardBack,
            UploadKind::PassportPage => Field::PassportPage,
            UploadKind::ProofOfAddress => Field::ProofOfAddress,
        }
    }

    /// The uploads a request needs with this identity document.
    pub fn required_for(document: DocumentType) -> &'static [UploadKind] {
        match document {
            DocumentType::IdCard => &[
                UploadKind::IdCardFront,
                UploadKind::IdCardBack,
                UploadKind::ProofOfAddress,
            ],
            DocumentType::Passport => &[UploadKind::PassportPage, UploadKind::ProofOfAddress],
        }
    }
}

/// The id the server gives a stored upload: 32 lowercase hexadecimal digits (128 random bits).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct UploadId(String);

impl UploadId {
    pub fn parse(input: &str) -> Result<UploadId, Problem> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Problem::UploadMissing);
        }
        if s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            Ok(UploadId(s.to_owned()))
        } else {
            Err(Problem::UploadInvalid)
        }
    }

    /// Encodes 16 random bytes as an id.
    pub fn from_random(bytes: [u8; 16]) -> UploadId {
        UploadId(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UploadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UploadId({}…)", &self.0[..4])
    }
}

impl TryFrom<String> for UploadId {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        UploadId::parse(&s)
    }
}

impl From<UploadId> for String {
    fn from(u: UploadId) -> String {
        u.0
    }
}

/// What a stored upload is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UploadFormat {
    Jpeg,
    Png,
    Pdf,
}

impl UploadFormat {
    pub fn code(self) -> &'static str {
        match self {
            UploadFormat::Jpeg => "jpeg",
            UploadFormat::Png => "png",
            UploadFormat::Pdf => "pdf",
        }
    }

    pub fn from_code(code: &str) -> Option<UploadFormat> {
        [UploadFormat::Jpeg, UploadFormat::Png, UploadFormat::Pdf]
            .into_iter()
            .find(|f| f.code() == code)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            UploadFormat::Jpeg => "image/jpeg",
            UploadFormat::Png => "image/png",
            UploadFormat::Pdf => "application/pdf",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_fields() {
        for k in UploadKind::ALL {
            assert_eq!(UploadKind::parse(k.code()), Ok(k));
            assert_eq!(k.field().code(), k.code());
        }
        assert_eq!(UploadKind::parse("selfie"), Err(Problem::UploadKindInvalid));
        assert_eq!(
            UploadKind::required_for(DocumentType::Passport),
            &[UploadKind::PassportPage, UploadKind::ProofOfAddress]
        );
    }

    #[test]
    fn ids() {
        let id = UploadId::from_random([0xab; 16]);
        assert_eq!(id.as_str(), "ab".repeat(16));
        assert_eq!(UploadId::parse(id.as_str()), Ok(id.clone()));
        assert!(!format!("{id:?}").contains(&"ab".repeat(3)));
        for (input, expected, why) in [
            ("", Problem::UploadMissing, "empty"),
            ("abc", Problem::UploadInvalid, "short"),
            (&"AB".repeat(16), Problem::UploadInvalid, "upper case"),
            (&"zz".repeat(16), Problem::UploadInvalid, "not hex"),
        ] {
            assert_eq!(UploadId::parse(input), Err(expected), "{why}");
        }
    }
}
