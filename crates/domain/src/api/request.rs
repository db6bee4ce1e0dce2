//! The registration request's bodies: each step's form (identity, address, proof of
//! address), the uploads, the draft of every answered step, the submission, and what the
//! voter sees of their request and of the registration window.
//!
//! Forms carry strings as entered; `parse` gives the valid values or every problem at once,
//! each naming its [`Field`].

use super::{finish, Parsed};
use crate::address::{Address, PostalCode, TextLine};
use crate::country::Country;
use crate::date::Date;
use crate::field::Field;
use crate::identity::{DocumentNumber, DocumentType, PersonName, PersonalNumber, Sex};
use crate::problem::{Problem, Problems};
use crate::proof::ProofKind;
use crate::reference::ReferenceNumber;
use crate::status::{RejectionReason, RequestStatus};
use crate::upload::{UploadFormat, UploadId, UploadKind};
use serde::{Deserialize, Serialize};

macro_rules! redacted_debug {
    ($t:ident) => {
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), " { .. }"))
            }
        }
    };
}

// ---------------------------------------------------------------- identity

/// The identity as written on the ID card or passport, as entered.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct IdentityForm {
    /// `id_card` or `passport`.
    pub document_type: String,
    pub document_number: String,
    pub personal_number: String,
    pub first_name: String,
    pub surname: String,
    pub father_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub place_of_birth: String,
    /// `F` or `M`.
    pub sex: String,
    /// `YYYY-MM-DD`.
    pub document_expiry: String,
}

/// A valid identity. `document_expired` is true when the document expired before the day it
/// was parsed: it is accepted, and the app shows a notice.
#[derive(Clone, PartialEq, Eq)]
pub struct Identity {
    pub document_type: DocumentType,
    pub document_number: DocumentNumber,
    pub personal_number: PersonalNumber,
    pub first_name: PersonName,
    pub surname: PersonName,
    pub father_name: PersonName,
    pub date_of_birth: Date,
    pub place_of_birth: TextLine,
    pub sex: Sex,
    pub document_expiry: Date,
    pub document_expired: bool,
}

impl IdentityForm {
    /// Parses every field and cross-checks the personal number with the date of birth and
    /// sex (never its check letter); `today` keeps births in the past and tells an expired
    /// document.
    pub fn parse(&self, today: Date) -> Parsed<Identity> {
        let mut p = Problems::new();
        let document_type = p.check(
            Field::DocumentType,
            DocumentType::parse(&self.document_type),
        );
        let document_number = match document_type {
            Some(d) => p.check(
                Field::DocumentNumber,
                DocumentNumber::parse(d, &self.document_number),
            ),
            None => None,
        };
        let pn = p.check(
            Field::PersonalNumber,
            PersonalNumber::parse(&self.personal_number),
        );
        let first_name = p.check(Field::FirstName, PersonName::parse(&self.first_name));
        let surname = p.check(Field::Surname, PersonName::parse(&self.surname));
        let father_name = p.check(Field::FatherName, PersonName::parse(&self.father_name));
        let born = p.check(
            Field::DateOfBirth,
            Date::parse(&self.date_of_birth).and_then(|d| {
                if d > today {
                    Err(Problem::DateInFuture)
                } else {
                    Ok(d)
                }
            }),
        );
        let place_of_birth = p.check(Field::PlaceOfBirth, TextLine::place(&self.place_of_birth));
        let sex = p.check(Field::Sex, Sex::parse(&self.sex));
        let expiry = p.check(
            Field::DocumentExpiry,
            Date::parse(&self.document_expiry).and_then(|d| match born {
                Some(born) if d <= born => Err(Problem::DateBeforeBirth),
                _ => Ok(d),
            }),
        );
        if let (Some(pn), Some(born)) = (&pn, born) {
            if pn.birth_date() != born {
                p.push(Field::PersonalNumber, Problem::PersonalNumberDateMismatch);
            }
        }
        if let (Some(pn), Some(sex)) = (&pn, sex) {
            if pn.sex() != sex {
                p.push(Field::PersonalNumber, Problem::PersonalNumberSexMismatch);
            }
        }
        let v = (|| {
            let document_expiry = expiry?;
            Some(Identity {
                document_type: document_type?,
                document_number: document_number?,
                personal_number: pn?,
                first_name: first_name?,
                surname: surname?,
                father_name: father_name?,
                date_of_birth: born?,
                place_of_birth: place_of_birth?,
                sex: sex?,
                document_expiry,
                document_expired: document_expiry < today,
            })
        })();
        finish(p, v)
    }
}

impl Identity {
    /// The form that parses back to this identity (what a draft or a re-application shows).
    pub fn to_form(&self) -> IdentityForm {
        IdentityForm {
            document_type: self.document_type.code().to_owned(),
            document_number: self.document_number.as_str().to_owned(),
            personal_number: self.personal_number.as_str().to_owned(),
            first_name: self.first_name.as_str().to_owned(),
            surname: self.surname.as_str().to_owned(),
            father_name: self.father_name.as_str().to_owned(),
            date_of_birth: self.date_of_birth.to_string(),
            place_of_birth: self.place_of_birth.as_str().to_owned(),
            sex: self.sex.code().to_owned(),
            document_expiry: self.document_expiry.to_string(),
        }
    }
}

// ---------------------------------------------------------------- address abroad

/// The address abroad, as entered. `apartment` and `care_of` may be blank; `postal_code` too
/// in a country whose format PER does not check.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AddressForm {
    /// ISO 3166-1 alpha-2, e.g. `IT`.
    pub country: String,
    pub city: String,
    pub postal_code: String,
    /// Street and house number.
    pub street: String,
    pub apartment: String,
    pub care_of: String,
}

impl AddressForm {
    pub fn parse(&self) -> Parsed<Address> {
        let mut p = Problems::new();
        let country = p.check(Field::Country, Country::parse(&self.country));
        let city = p.check(Field::City, TextLine::place(&self.city));
        let postal_code = match country {
            Some(c) => p.check(Field::PostalCode, PostalCode::parse(c, &self.postal_code)),
            None => None,
        };
        let street = p.check(Field::Street, TextLine::address(&self.street));
        let apartment = p.check(
            Field::Apartment,
            TextLine::optional_address(&self.apartment),
        );
        let care_of = p.check(Field::CareOf, TextLine::optional_address(&self.care_of));
        let v = (|| {
            Some(Address {
                country: country?,
                city: city?,
                postal_code: postal_code?,
                street: street?,
                apartment: apartment?,
                care_of: care_of?,
            })
        })();
        finish(p, v)
    }
}

impl Address {
    pub fn to_form(&self) -> AddressForm {
        let text = |t: &Option<TextLine>| t.as_ref().map_or("", |t| t.as_str()).to_owned();
        AddressForm {
            country: self.country.code().to_owned(),
            city: self.city.as_str().to_owned(),
            postal_code: self
                .postal_code
                .as_ref()
                .map_or("", |p| p.as_str())
                .to_owned(),
            street: self.street.as_str().to_owned(),
            apartment: text(&self.apartment),
            care_of: text(&self.care_of),
        }
    }
}

// ---------------------------------------------------------------- proof of address

/// Which document proves the address, and the voter's declaration that it shows their name
/// and this address.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ProofForm {
    /// A [`ProofKind`] code, e.g. `rental_contract`.
    pub kind: String,
    pub shows_name_and_address: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proof {
    pub kind: ProofKind,
}

impl ProofForm {
    pub fn parse(&self) -> Parsed<Proof> {
        let mut p = Problems::new();
        let kind = p.check(Field::ProofKind, ProofKind::parse(&self.kind));
        if !self.shows_name_and_address {
            p.push(Field::ProofDeclaration, Problem::DeclarationRequired);
        }
        finish(p, kind.map(|kind| Proof { kind }))
    }
}

impl Proof {
    pub fn to_form(self) -> ProofForm {
        ProofForm {
            kind: self.kind.code().to_owned(),
            shows_name_and_address: true,
        }
    }
}

// ---------------------------------------------------------------- uploads

/// The ids of the uploaded documents, one per kind; blank when not (yet) uploaded.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct UploadsForm {
    pub id_card_front: String,
    pub id_card_back: String,
    pub passport_page: String,
    pub proof_of_address: String,
}

/// Valid upload ids, by kind (only those given).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Uploads(Vec<(UploadKind, UploadId)>);

impl Uploads {
    pub fn get(&self, kind: UploadKind) -> Option<&UploadId> {
        self.0.iter().find(|(k, _)| *k == kind).map(|(_, id)| id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &(UploadKind, UploadId)> {
        self.0.iter()
    }

    pub fn to_form(&self) -> UploadsForm {
        let id = |k| self.get(k).map_or("", UploadId::as_str).to_owned();
        UploadsForm {
            id_card_front: id(UploadKind::IdCardFront),
            id_card_back: id(UploadKind::IdCardBack),
            passport_page: id(UploadKind::PassportPage),
            proof_of_address: id(UploadKind::ProofOfAddress),
        }
    }
}

impl UploadsForm {
    fn raw(&self, kind: UploadKind) -> &str {
        match kind {
            UploadKind::IdCardFront => &self.id_card_front,
            UploadKind::IdCardBack => &self.id_card_back,
            UploadKind::PassportPage => &self.passport_page,
            UploadKind::ProofOfAddress => &self.proof_of_address,
        }
    }

    /// The ids given (a draft may hold some of them). With `document`, the uploads that
    /// document needs are required and the others ignored.
    pub fn parse(&self, document: Option<DocumentType>) -> Parsed<Uploads> {
        let mut p = Problems::new();
        let mut found = Vec::new();
        for kind in UploadKind::ALL {
            let raw = self.raw(kind);
            let needed = document.map(|d| UploadKind::required_for(d).contains(&kind));
            if needed == Some(false) || (needed.is_none() && raw.trim().is_empty()) {
                continue;
            }
            if let Some(id) = p.check(kind.field(), UploadId::parse(raw)) {
                found.push((kind, id));
            }
        }
        finish(p, Some(Uploads(found)))
    }
}

/// Answer to `POST /api/upload/{kind}`: the stored upload, as the server read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadAccepted {
    pub upload_id: UploadId,
    pub kind: UploadKind,
    pub format: UploadFormat,
    /// Bytes stored (an image after re-encoding).
    pub bytes: u32,
    /// Pixel size of an image; none for a PDF.
    pub width: Option<u32>,
    pub height: Option<u32>,
}

// ---------------------------------------------------------------- draft

/// `PUT /api/draft` and `GET /api/draft`: every answered step, saved on the server so that
/// the voter continues on another device. A step is absent until answered; a step present is
/// parsed in full (a draft never stores an invalid step). The idempotency key is the one the
/// submission will use.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"idempotency_key": "0f8e2b1c-6a7d-4e59-9c3b-2d1a0e9f8c7b", "identity": {"document_type": "id_card", "document_number": "012345678", "personal_number": "J05415123A", "first_name": "Ëndra", "surname": "Çela", "father_name": "Ilir", "date_of_birth": "1990-04-15", "place_of_birth": "Gjirokastër", "sex": "F", "document_expiry": "2030-01-31"}, "address": {"country": "IT", "city": "Milano", "postal_code": "20121", "street": "Via Roma 12", "apartment": "", "care_of": ""}, "proof": {"kind": "rental_contract", "shows_name_and_address": true}})))]
#[serde(default)]
pub struct RequestDraft {
    pub idempotency_key: Option<String>,
    pub identity: Option<IdentityForm>,
    pub address: Option<AddressForm>,
    pub proof: Option<ProofForm>,
    pub uploads: Option<UploadsForm>,
}

/// A draft whose every present step is valid.
#[derive(Clone, Default)]
pub struct ValidDraft {
    pub idempotency_key: Option<IdempotencyKey>,
    pub identity: Option<Identity>,
    pub address: Option<Address>,
    pub proof: Option<Proof>,
    pub uploads: Option<Uploads>,
}

impl RequestDraft {
    pub fn parse(&self, today: Date) -> Parsed<ValidDraft> {
        let mut p = Problems::new();
        let key = self
            .idempotency_key
            .as_deref()
            .and_then(|k| p.check(Field::IdempotencyKey, IdempotencyKey::parse(k)));
        let identity = self.identity.as_ref().and_then(|f| p.step(f.parse(today)));
        let address = self.address.as_ref().and_then(|f| p.step(f.parse()));
        let proof = self.proof.as_ref().and_then(|f| p.step(f.parse()));
        let uploads = self.uploads.as_ref().and_then(|f| p.step(f.parse(None)));
        let v = ValidDraft {
            idempotency_key: key,
            identity,
            address,
            proof,
            uploads,
        };
        finish(p, Some(v))
    }
}

impl ValidDraft {
    /// The draft as the app shows it (the values as parsed, so `j05…` comes back `J05…`).
    pub fn to_wire(&self) -> RequestDraft {
        RequestDraft {
            idempotency_key: self.idempotency_key.as_ref().map(|k| k.as_str().to_owned()),
            identity: self.identity.as_ref().map(Identity::to_form),
            address: self.address.as_ref().map(Address::to_form),
            proof: self.proof.map(Proof::to_form),
            uploads: self.uploads.as_ref().map(Uploads::to_form),
        }
    }
}

// ---------------------------------------------------------------- submission

/// The key that makes a submission idempotent: 16 to 64 ASCII letters, digits and hyphens
/// (the app makes a UUID once per draft).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(input: &str) -> Result<IdempotencyKey, Problem> {
        let ok = (16..=64).contains(&input.len())
            && input
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if ok {
            Ok(IdempotencyKey(input.to_owned()))
        } else {
            Err(Problem::IdempotencyKeyInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IdempotencyKey {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        IdempotencyKey::parse(&s)
    }
}

impl From<IdempotencyKey> for String {
    fn from(k: IdempotencyKey) -> String {
        k.0
    }
}

/// `POST /api/request`: the whole request. The idempotency key, made once per draft by the
/// app, makes a retry return the same request; the same key with another body is refused.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"idempotency_key": "0f8e2b1c-6a7d-4e59-9c3b-2d1a0e9f8c7b", "identity": {"document_type": "id_card", "document_number": "012345678", "personal_number": "J05415123A", "first_name": "Ëndra", "surname": "Çela", "father_name": "Ilir", "date_of_birth": "1990-04-15", "place_of_birth": "Gjirokastër", "sex": "F", "document_expiry": "2030-01-31"}, "address": {"country": "IT", "city": "Milano", "postal_code": "20121", "street": "Via Roma 12", "apartment": "", "care_of": ""}, "proof": {"kind": "rental_contract", "shows_name_and_address": true}, "uploads": {"id_card_front": "11111111111111111111111111111111", "id_card_back": "22222222222222222222222222222222", "proof_of_address": "33333333333333333333333333333333"}, "declaration": true})))]
#[serde(default)]
pub struct SubmitRequest {
    pub idempotency_key: String,
    pub identity: IdentityForm,
    pub address: AddressForm,
    pub proof: ProofForm,
    pub uploads: UploadsForm,
    /// "The answers are true and complete" on the check page.
    pub declaration: bool,
}

#[derive(Clone)]
pub struct ValidSubmitRequest {
    pub idempotency_key: IdempotencyKey,
    pub identity: Identity,
    pub address: Address,
    pub proof: Proof,
    pub uploads: Uploads,
}

impl SubmitRequest {
    pub fn parse(&self, today: Date) -> Parsed<ValidSubmitRequest> {
        let mut p = Problems::new();
        let key = p.check(
            Field::IdempotencyKey,
            IdempotencyKey::parse(&self.idempotency_key),
        );
        let identity = p.step(self.identity.parse(today));
        let address = p.step(self.address.parse());
        let proof = p.step(self.proof.parse());
        // Which document photos are needed depends on the document; without a valid
        // document type, only the proof of address is checked.
        let document = identity
            .as_ref()
            .map(|i| i.document_type)
            .or_else(|| DocumentType::parse(&self.identity.document_type).ok());
        let uploads = match document {
            Some(d) => p.step(self.uploads.parse(Some(d))),
            None => {
                let only_proof = UploadsForm {
                    proof_of_address: self.uploads.proof_of_address.clone(),
                    ..UploadsForm::default()
                };
                p.step(only_proof.parse(None));
                None
            }
        };
        if !self.declaration {
            p.push(Field::Declaration, Problem::DeclarationRequired);
        }
        let v = (|| {
            Some(ValidSubmitRequest {
                idempotency_key: key?,
                identity: identity?,
                address: address?,
                proof: proof?,
                uploads: uploads?,
            })
        })();
        finish(p, v)
    }
}

// ---------------------------------------------------------------- the voter's request

/// A request as its voter sees it. For each reason, [`RejectionReason::fix`] says which
/// answer to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestView {
    pub reference: ReferenceNumber,
    pub status: RequestStatus,
    /// RFC 3339, UTC.
    pub submitted_at: String,
    pub decided_at: Option<String>,
    pub reasons: Vec<RejectionReason>,
    /// The voter may withdraw it now (`POST /api/request/withdraw`).
    #[serde(default)]
    pub can_withdraw: bool,
    /// The voter may apply again now (rejected or withdrawn, and the window is open); the
    /// draft is pre-filled from this request.
    #[serde(default)]
    pub can_reapply: bool,
    /// The identity document had expired when the request was submitted.
    #[serde(default)]
    pub document_expired: bool,
}

/// `GET /api/window`: when registration opens and closes (RFC 3339, UTC; none: no limit that
/// side), and the server's clock, so that the app's countdown does not trust the device's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WindowView {
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub now: String,
    pub open: bool,
}

redacted_debug!(IdentityForm);
redacted_debug!(Identity);
redacted_debug!(AddressForm);
redacted_debug!(ProofForm);
redacted_debug!(UploadsForm);
redacted_debug!(Uploads);
redacted_debug!(RequestDraft);
redacted_debug!(ValidDraft);
redacted_debug!(SubmitRequest);
redacted_debug!(ValidSubmitRequest);

#[cfg(test)]
mod tests;
