//! Proof of the address abroad: the kinds of document the CEC accepts.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};

/// A document that shows the voter's name and address abroad. Known to be refused (the app
/// says so, there is no code for them): a residence permit or a driving licence without the
/// address, a screenshot of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProofKind {
    PropertyCertificate,
    /// A residence document issued with the address.
    ResidenceDocument,
    RentalContract,
    /// A bank document (statement, letter) with the address.
    BankDocument,
    /// A utility contract or bill.
    UtilityBill,
}

impl ProofKind {
    pub const ALL: [ProofKind; 5] = [
        ProofKind::PropertyCertificate,
        ProofKind::ResidenceDocument,
        ProofKind::RentalContract,
        ProofKind::BankDocument,
        ProofKind::UtilityBill,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProofKind::PropertyCertificate => "property_certificate",
            ProofKind::ResidenceDocument => "residence_document",
            ProofKind::RentalContract => "rental_contract",
            ProofKind::BankDocument => "bank_document",
            ProofKind::UtilityBill => "utility_bill",
        }
    }

    pub fn parse(input: &str) -> Result<ProofKind, Problem> {
        match input.trim() {
            "" => Err(Problem::Required),
            code => ProofKind::ALL
                .into_iter()
                .find(|k| k.code() == code)
                .ok_or(Problem::ProofKindInvalid),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        for k in ProofKind::ALL {
            assert_eq!(ProofKind::parse(k.code()), Ok(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            );
        }
        for (input, expected, why) in [
            ("", Problem::Required, "empty"),
            (
                "residence_permit",
                Problem::ProofKindInvalid,
                "refused kind",
            ),
            ("driving_licence", Problem::ProofKindInvalid, "refused kind"),
            ("Utility_Bill", Problem::ProofKindInvalid, "codes are exact"),
        ] {
            assert_eq!(ProofKind::parse(input), Err(expected), "{why}");
        }
    }
}
