//! What the request's uploads are in the draft: the id of each kind, which document photos
//! the chosen document needs, and what is missing. The uploading itself is the documents
//! entry's (`per_client::upload`).

use super::texts::RKey;
use crate::i18n::TextId;
use per_domain::api::{RequestDraft, UploadsForm};
use per_domain::{DocumentType, FieldProblem, Problem, UploadKind};

pub fn slot(u: &mut UploadsForm, kind: UploadKind) -> &mut String {
    match kind {
        UploadKind::IdCardFront => &mut u.id_card_front,
        UploadKind::IdCardBack => &mut u.id_card_back,
        UploadKind::PassportPage => &mut u.passport_page,
        UploadKind::ProofOfAddress => &mut u.proof_of_address,
    }
}

/// The id of the upload of `kind` in the draft, if any.
pub fn uploaded(d: &RequestDraft, kind: UploadKind) -> Option<String> {
    let mut u = d.uploads.clone().unwrap_or_default();
    Some(slot(&mut u, kind).clone()).filter(|id| !id.is_empty())
}

/// The document photos the draft's document type needs.
pub fn photo_kinds(d: &RequestDraft) -> &'static [UploadKind] {
    let doc = d
        .identity
        .as_ref()
        .and_then(|i| DocumentType::parse(&i.document_type).ok());
    match doc {
        Some(DocumentType::IdCard) => &[UploadKind::IdCardFront, UploadKind::IdCardBack],
        Some(DocumentType::Passport) => &[UploadKind::PassportPage],
        None => &[],
    }
}

/// A problem for each of `kinds` not uploaded yet.
pub fn missing(d: &RequestDraft, kinds: &[UploadKind]) -> Vec<FieldProblem> {
    kinds
        .iter()
        .filter(|k| uploaded(d, **k).is_none())
        .map(|k| FieldProblem::new(k.field(), Problem::UploadMissing))
        .collect()
}

/// Whether every document photo is there (and the document type known).
pub fn photos_done(d: &RequestDraft) -> bool {
    let kinds = photo_kinds(d);
    !kinds.is_empty() && missing(d, kinds).is_empty()
}

pub fn upload_label(kind: UploadKind) -> TextId {
    match kind {
        UploadKind::IdCardFront => RKey::UploadIdCardFront.into(),
        UploadKind::IdCardBack => RKey::UploadIdCardBack.into(),
        UploadKind::PassportPage => RKey::UploadPassportPage.into(),
        UploadKind::ProofOfAddress => RKey::UploadProofOfAddress.into(),
    }
}
