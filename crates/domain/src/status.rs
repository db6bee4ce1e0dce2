//! Where a registration request stands, and the coded reasons of a rejection.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Submitted,
    UnderReview,
    Approved,
    Rejected,
    CorrectionRequested,
}

impl RequestStatus {
    /// The code stored in the database and sent on the wire.
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Submitted => "submitted",
            RequestStatus::UnderReview => "under_review",
            RequestStatus::Approved => "approved",
            RequestStatus::Rejected => "rejected",
            RequestStatus::CorrectionRequested => "correction_requested",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Submitted,
            RequestStatus::UnderReview,
            RequestStatus::Approved,
            RequestStatus::Rejected,
            RequestStatus::CorrectionRequested,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// A request is decided once approved or rejected; only then can the voter re-apply.
    pub fn is_decided(self) -> bool {
        matches!(self, RequestStatus::Approved | RequestStatus::Rejected)
    }
}

/// The coded reasons an official can give for a rejection; each points the voter at the
/// answer to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectionReason {
    AddressMismatch,
    ProofOfAddressUnreadable,
    IdentityMismatch,
    FaceMismatch,
    DocumentUnreadable,
    NotEligible,
    Duplicate,
}

impl RejectionReason {
    pub const ALL: [RejectionReason; 7] = [
        RejectionReason::AddressMismatch,
        RejectionReason::ProofOfAddressUnreadable,
        RejectionReason::IdentityMismatch,
        RejectionReason::FaceMismatch,
        RejectionReason::DocumentUnreadable,
        RejectionReason::NotEligible,
        RejectionReason::Duplicate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RejectionReason::AddressMismatch => "address_mismatch",
            RejectionReason::ProofOfAddressUnreadable => "proof_of_address_unreadable",
            RejectionReason::IdentityMismatch => "identity_mismatch",
            RejectionReason::FaceMismatch => "face_mismatch",
            RejectionReason::DocumentUnreadable => "document_unreadable",
            RejectionReason::NotEligible => "not_eligible",
            RejectionReason::Duplicate => "duplicate",
        }
    }

    pub fn from_code(code: &str) -> Option<RejectionReason> {
        RejectionReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for r in RejectionReason::ALL {
            assert_eq!(RejectionReason::from_code(r.code()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.code())
            );
        }
        assert_eq!(
            RequestStatus::from_code("approved"),
            Some(RequestStatus::Approved)
        );
        assert_eq!(RequestStatus::from_code("nope"), None);
        assert_eq!(
            serde_json::to_string(&RequestStatus::CorrectionRequested).unwrap(),
            "\"correction_requested\""
        );
    }
}
