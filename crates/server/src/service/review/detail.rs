//! A request side by side: the answers opened from their seal, each checked field next to the
//! civil registry's value, the face step's route and verdict, the image ids of the documents
//! and the kept face frame, the possible duplicates and the decision history; and the images
//! themselves, decrypted only for a signed-in official and only when they belong to a
//! request. Every view is audited.

use super::work::item;
use super::{Result, ReviewError, SignedIn};
use crate::clock::rfc3339;
use crate::service::audit::{self, Action};
use crate::service::face::face_context;
use crate::service::registry::{FieldMatch, RegistryMatch};
use crate::service::request::request_context;
use crate::service::upload::upload_context;
use crate::state::AppState;
use crate::store::{AccountId, StoreError};
use per_domain::api::review::{
    DecisionEntry, FaceCheck, FieldCheck, MatchResult, RequestDetail, Role,
};
use per_domain::api::{AddressForm, IdentityForm, ProofForm, UploadsForm};
use per_domain::{Field, PersonalNumber, ReferenceNumber, RejectionReason, UploadFormat, UploadId};
use serde::Deserialize;

/// The id of a request's kept face frame: `face-` and the reference.
pub fn face_image_id(reference: &str) -> String {
    format!("face-{reference}")
}

#[derive(Deserialize)]
pub(crate) struct Answers {
    pub identity: IdentityForm,
    pub address: AddressForm,
    pub proof: ProofForm,
    pub uploads: UploadsForm,
}

pub(crate) fn open_answers(state: &AppState, account: AccountId, sealed: &[u8]) -> Result<Answers> {
    let json = state
        .keys
        .open(&request_context(account), sealed)
        .map_err(|_| ReviewError::Internal(anyhow::anyhow!("a request's answers do not open")))?;
    serde_json::from_slice(&json).map_err(|e| ReviewError::Internal(e.into()))
}

fn result(m: FieldMatch) -> MatchResult {
    match m {
        FieldMatch::Match => MatchResult::Match,
        FieldMatch::Mismatch => MatchResult::Mismatch,
        FieldMatch::NotFound => MatchResult::NotFound,
    }
}

/// The request of `reference`, side by side with the registry.
pub async fn detail(state: &AppState, who: &SignedIn, reference: &str) -> Result<RequestDetail> {
    who.require(Role::Reviewer)?;
    let reference = ReferenceNumber::parse(reference).map_err(|_| ReviewError::NotFound)?;
    let now = state.clock.now();
    let (request, answers) = {
        let mut tx = state.store.read().await?;
        let request = tx
            .request_by_reference(&reference)
            .await?
            .ok_or(ReviewError::NotFound)?;
        let sealed = tx.request_sealed(request.id).await?;
        let answers = open_answers(state, request.account, &sealed)?;
        (request, answers)
    };
    // The registry is asked outside any transaction (it may be remote).
    let citizen = match PersonalNumber::parse(&answers.identity.personal_number) {
        Ok(nid) => state.registry.find(&nid).await?,
        Err(_) => None,
    };
    let stored: RegistryMatch =
        serde_json::from_str(&request.registry_match).unwrap_or(RegistryMatch::NOT_FOUND);
    let i = &answers.identity;
    let registry = vec![
        FieldCheck {
            field: Field::PersonalNumber,
            entered: i.personal_number.clone(),
            registry: citizen.as_ref().map(|_| i.personal_number.clone()),
            result: result(stored.personal_number),
        },
        FieldCheck {
            field: Field::FirstName,
            entered: i.first_name.clone(),
            registry: citizen.as_ref().map(|c| c.first_name.as_str().to_owned()),
            result: result(stored.first_name),
        },
        FieldCheck {
            field: Field::Surname,
            entered: i.surname.clone(),
            registry: citizen.as_ref().map(|c| c.surname.as_str().to_owned()),
            result: result(stored.surname),
        },
        FieldCheck {
            field: Field::DateOfBirth,
            entered: i.date_of_birth.clone(),
            registry: citizen.as_ref().map(|c| c.date_of_birth.to_string()),
            result: result(stored.date_of_birth),
        },
    ];
    let identity = vec![
        (Field::DocumentType, i.document_type.clone()),
        (Field::DocumentNumber, i.document_number.clone()),
        (Field::PersonalNumber, i.personal_number.clone()),
        (Field::FirstName, i.first_name.clone()),
        (Field::Surname, i.surname.clone()),
        (Field::FatherName, i.father_name.clone()),
        (Field::DateOfBirth, i.date_of_birth.clone()),
        (Field::PlaceOfBirth, i.place_of_birth.clone()),
        (Field::Sex, i.sex.clone()),
        (Field::DocumentExpiry, i.document_expiry.clone()),
    ];
    let a = &answers.address;
    let address = vec![
        (Field::Country, a.country.clone()),
        (Field::City, a.city.clone()),
        (Field::PostalCode, a.postal_code.clone()),
        (Field::Street, a.street.clone()),
        (Field::Apartment, a.apartment.clone()),
        (Field::CareOf, a.care_of.clone()),
    ];
    let u = &answers.uploads;
    let documents: Vec<String> = [
        &u.id_card_front,
        &u.id_card_back,
        &u.passport_page,
        &u.proof_of_address,
    ]
    .into_iter()
    .filter(|id| !id.is_empty())
    .cloned()
    .collect();

    let mut tx = state.store.write().await?;
    let row = tx
        .queue_row(reference.as_str(), now)
        .await?
        .ok_or(ReviewError::NotFound)?;
    let mut duplicates = Vec::new();
    for (other, _) in tx.duplicate_flags(request.id).await? {
        duplicates.push(tx.reference_of(other).await?);
    }
    let mut history = Vec::new();
    for (status, reasons, note, by, at) in tx.decisions_of(request.id).await? {
        history.push(DecisionEntry {
            decision: status,
            reasons: reasons
                .split(',')
                .filter_map(RejectionReason::from_code)
                .collect(),
            note,
            by,
            at: rfc3339(at),
        });
    }
    let has_frame = tx.latest_face(request.account).await?.is_some();
    let route = &row.face_route;
    let face = FaceCheck {
        route: if route.starts_with("assisted") {
            "assisted".into()
        } else {
            "live".into()
        },
        passed: (!route.starts_with("assisted")).then_some(true),
        reasons: route
            .strip_prefix("assisted:")
            .map(|r| vec![r.to_owned()])
            .unwrap_or_default(),
        frame: has_frame.then(|| face_image_id(reference.as_str())),
    };
    audit::append(
        &mut tx,
        &state.keys,
        now,
        &who.official.login,
        Action::ViewRequest,
        reference.as_str(),
        b"",
    )
    .await?;
    tx.commit().await?;
    Ok(RequestDetail {
        item: item(&row, now)?,
        identity,
        address,
        proof_kind: answers.proof.kind,
        registry,
        face,
        documents,
        duplicates,
        history,
    })
}

/// One image, decrypted: its media type and bytes. Only ids of a request's documents or of
/// a request's kept face frame; anything else is not found.
pub async fn image(state: &AppState, who: &SignedIn, id: &str) -> Result<(&'static str, Vec<u8>)> {
    who.require(Role::Reviewer)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let (media, bytes) = if let Some(reference) = id.strip_prefix("face-") {
        let reference = ReferenceNumber::parse(reference).map_err(|_| ReviewError::NotFound)?;
        let request = tx
            .request_by_reference(&reference)
            .await?
            .ok_or(ReviewError::NotFound)?;
        let sealed = tx
            .latest_face(request.account)
            .await?
            .ok_or(ReviewError::NotFound)?;
        let jpeg = state
            .keys
            .open(&face_context(request.account), &sealed)
            .map_err(|_| ReviewError::Internal(anyhow::anyhow!("a face frame does not open")))?;
        ("image/jpeg", jpeg)
    } else {
        let upload = UploadId::parse(id).map_err(|_| ReviewError::NotFound)?;
        let (account, format, sealed) = tx
            .upload_anywhere(upload.as_str())
            .await?
            .ok_or(ReviewError::NotFound)?;
        // It must be one of the documents of one of the account's requests.
        let mut listed = false;
        for s in tx.requests_sealed_of(account).await? {
            let a = open_answers(state, account, &s)?;
            let u = a.uploads;
            listed |= [
                u.id_card_front,
                u.id_card_back,
                u.passport_page,
                u.proof_of_address,
            ]
            .iter()
            .any(|x| x == upload.as_str());
        }
        if !listed {
            return Err(ReviewError::NotFound);
        }
        let format = UploadFormat::from_code(&format).ok_or(StoreError::Corrupt("format"))?;
        let content = state
            .keys
            .open(&upload_context(account, &upload), &sealed)
            .map_err(|_| ReviewError::Internal(anyhow::anyhow!("an upload does not open")))?;
        (format.media_type(), content)
    };
    audit::append(
        &mut tx,
        &state.keys,
        now,
        &who.official.login,
        Action::ViewImage,
        id,
        b"",
    )
    .await?;
    tx.commit().await?;
    Ok((media, bytes))
}
