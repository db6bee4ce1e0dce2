//! Where a registration request stands, and the coded reasons of a rejection.

use crate::field::Field;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Submitted,
    UnderReview,
    Approved,
    Rejected,
    CorrectionRequested,
    /// The voter took the request back (and votes in Albania); they may apply again.
    Withdrawn,
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
            RequestStatus::Withdrawn => "withdrawn",
        }
    }

    pub const ALL: [RequestStatus; 6] = [
        RequestStatus::Submitted,
        RequestStatus::UnderReview,
        RequestStatus::Approved,
        RequestStatus::Rejected,
        RequestStatus::CorrectionRequested,
        RequestStatus::Withdrawn,
    ];

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// A request is decided once approved or rejected.
    pub fn is_decided(self) -> bool {
        matches!(self, RequestStatus::Approved | RequestStatus::Rejected)
    }

    /// An active request blocks a new one (one per voter); after a rejection or a withdrawal
    /// the voter may apply again.
    pub fn is_active(self) -> bool {
        !matches!(self, RequestStatus::Rejected | RequestStatus::Withdrawn)
    }

    /// The voter may withdraw an active request (an approved one too: they vote in Albania).
    pub fn can_withdraw(self) -> bool {
        self.is_active()
    }
}

/// The coded reasons an official can give for a rejection; each points the voter at the
/// answer to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

    /// The answer the voter changes to put this reason right, if any answer can.
    pub fn fix(self) -> Option<Fix> {
        match self {
            RejectionReason::AddressMismatch => Some(Fix::Step(RequestStep::Address)),
            RejectionReason::ProofOfAddressUnreadable => Some(Fix::Field(Field::ProofOfAddress)),
            RejectionReason::IdentityMismatch => Some(Fix::Step(RequestStep::Identity)),
            RejectionReason::FaceMismatch => Some(Fix::Step(RequestStep::Face)),
            RejectionReason::DocumentUnreadable => Some(Fix::Step(RequestStep::DocumentPhoto)),
            RejectionReason::NotEligible | RejectionReason::Duplicate => None,
        }
    }
}

/// A step of the request, as the voter goes through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStep {
    Face,
    Identity,
    DocumentPhoto,
    Address,
    ProofOfAddress,
}

impl RequestStep {
    pub const ALL: [RequestStep; 5] = [
        RequestStep::Face,
        RequestStep::Identity,
        RequestStep::DocumentPhoto,
        RequestStep::Address,
        RequestStep::ProofOfAddress,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestStep::Face => "face",
            RequestStep::Identity => "identity",
            RequestStep::DocumentPhoto => "document_photo",
            RequestStep::Address => "address",
            RequestStep::ProofOfAddress => "proof_of_address",
        }
    }
}

/// Where a rejected voter goes to put a reason right: a whole step, or one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fix {
    Step(RequestStep),
    Field(Field),
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
        for s in RequestStatus::ALL {
            assert_eq!(RequestStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(
            serde_json::to_string(&RequestStatus::CorrectionRequested).unwrap(),
            "\"correction_requested\""
        );
    }

    #[test]
    fn reasons_point_at_what_to_fix() {
        for (reason, fix) in [
            (
                RejectionReason::AddressMismatch,
                Some(Fix::Step(RequestStep::Address)),
            ),
            (
                RejectionReason::ProofOfAddressUnreadable,
                Some(Fix::Field(Field::ProofOfAddress)),
            ),
            (
                RejectionReason::IdentityMismatch,
                Some(Fix::Step(RequestStep::Identity)),
            ),
            (
                RejectionReason::FaceMismatch,
                Some(Fix::Step(RequestStep::Face)),
            ),
            (
                RejectionReason::DocumentUnreadable,
                Some(Fix::Step(RequestStep::DocumentPhoto)),
            ),
            (RejectionReason::NotEligible, None),
            (RejectionReason::Duplicate, None),
        ] {
            assert_eq!(reason.fix(), fix, "{reason:?}");
        }
        assert_eq!(
            serde_json::to_string(&Fix::Step(RequestStep::Address)).unwrap(),
            r#"{"step":"address"}"#
        );
    }

    #[test]
    fn active_requests() {
        use RequestStatus::*;
        for (s, active) in [
            (Submitted, true),
            (UnderReview, true),
            (CorrectionRequested, true),
            (Approved, true),
            (Rejected, false),
            (Withdrawn, false),
        ] {
            assert_eq!(s.is_active(), active, "{s:?}");
        }
    }
}
