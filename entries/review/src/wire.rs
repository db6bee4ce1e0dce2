//! The console's wire types, as the contract of issue 10 names them
//! (`per_domain::api::review`, owned by the server side). Until they land on this branch
//! they are mirrored here, field for field; then this module becomes a re-export.

use per_domain::{Field, RejectionReason, RequestStatus};
use serde::{Deserialize, Serialize};

/// An official's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Reviewer,
    Supervisor,
    Administrator,
}

/// `POST /api/review/sign-in`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfficialSignIn {
    pub login: String,
    pub password: String,
    pub code: String,
}

/// The official signed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficialView {
    pub login: String,
    pub name: String,
    pub role: Role,
    pub idle_timeout_seconds: u32,
}

/// A flag the queue filters by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueFlag {
    Duplicate,
    RegistryMismatch,
    AssistedRoute,
    ExpiredDocument,
}

impl QueueFlag {
    pub const ALL: [QueueFlag; 4] = [
        QueueFlag::Duplicate,
        QueueFlag::RegistryMismatch,
        QueueFlag::AssistedRoute,
        QueueFlag::ExpiredDocument,
    ];

    /// The wire name (also the query value).
    pub fn code(self) -> &'static str {
        match self {
            QueueFlag::Duplicate => "duplicate",
            QueueFlag::RegistryMismatch => "registry_mismatch",
            QueueFlag::AssistedRoute => "assisted_route",
            QueueFlag::ExpiredDocument => "expired_document",
        }
    }

    pub fn parse(s: &str) -> Option<QueueFlag> {
        QueueFlag::ALL.into_iter().find(|f| f.code() == s)
    }
}

/// One request of the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub reference: String,
    pub status: RequestStatus,
    pub submitted_at: String,
    pub due_at: String,
    pub overdue: bool,
    pub zone: Option<u8>,
    pub country: String,
    pub flags: Vec<QueueFlag>,
    pub assigned_to: Option<String>,
}

/// One page of the queue, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
}

/// A field's answer against the civil registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchResult {
    Match,
    Mismatch,
    NotFound,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldCheck {
    pub field: Field,
    pub entered: String,
    pub registry: Option<String>,
    pub result: MatchResult,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaceCheck {
    pub route: String,
    pub passed: Option<bool>,
    pub reasons: Vec<String>,
    pub frame: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionEntry {
    pub decision: String,
    pub reasons: Vec<RejectionReason>,
    pub note: String,
    pub by: String,
    pub at: String,
}

/// `GET /api/review/requests/{reference}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestDetail {
    pub item: QueueItem,
    pub identity: Vec<(Field, String)>,
    pub address: Vec<(Field, String)>,
    pub proof_kind: String,
    pub registry: Vec<FieldCheck>,
    pub face: FaceCheck,
    pub documents: Vec<String>,
    pub duplicates: Vec<String>,
    pub history: Vec<DecisionEntry>,
}

/// What an official decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approve,
    Reject,
    RequestCorrection,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 3] = [
        DecisionKind::Approve,
        DecisionKind::Reject,
        DecisionKind::RequestCorrection,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DecisionKind::Approve => "approve",
            DecisionKind::Reject => "reject",
            DecisionKind::RequestCorrection => "request_correction",
        }
    }
}

/// `POST /api/review/requests/{reference}/decision`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionForm {
    pub decision: DecisionKind,
    pub reasons: Vec<RejectionReason>,
    pub note: String,
}

/// `POST /api/review/requests/{reference}/reverse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReverseForm {
    pub decision: DecisionKind,
    pub reasons: Vec<RejectionReason>,
    pub note: String,
}

/// `QueueQuery` as the address's query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueQuery {
    pub status: Option<RequestStatus>,
    pub zone: Option<u8>,
    pub country: Option<String>,
    pub flag: Option<QueueFlag>,
    pub min_age_days: Option<u32>,
    pub page: Option<u32>,
}

impl QueueQuery {
    /// `?status=submitted&zone=3&...` (only what is set; empty when nothing is).
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = self.status {
            parts.push(["status=", s.code()].concat());
        }
        if let Some(z) = self.zone {
            parts.push(format!("zone={z}"));
        }
        if let Some(c) = &self.country {
            parts.push(["country=", c].concat());
        }
        if let Some(f) = self.flag {
            parts.push(["flag=", f.code()].concat());
        }
        if let Some(d) = self.min_age_days {
            parts.push(format!("min_age_days={d}"));
        }
        if let Some(p) = self.page.filter(|p| *p > 0) {
            parts.push(format!("page={p}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            ["?", &parts.join("&")].concat()
        }
    }

    /// Reads a query string (with or without `?`); what does not parse is left out.
    pub fn from_query(q: &str) -> QueueQuery {
        let mut out = QueueQuery::default();
        for pair in q.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "status" => out.status = RequestStatus::ALL.into_iter().find(|s| s.code() == v),
                "zone" => out.zone = v.parse().ok().filter(|z| (1..=12).contains(z)),
                "country" => {
                    let c = v.to_ascii_uppercase();
                    out.country = (c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
                        .then_some(c);
                }
                "flag" => out.flag = QueueFlag::parse(v),
                "min_age_days" => out.min_age_days = v.parse().ok(),
                "page" => out.page = v.parse().ok(),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_query_goes_through_the_address() {
        let q = QueueQuery {
            status: Some(RequestStatus::Submitted),
            zone: Some(3),
            country: Some("IT".into()),
            flag: Some(QueueFlag::Duplicate),
            min_age_days: Some(2),
            page: Some(1),
        };
        let s = q.to_query();
        assert_eq!(
            s,
            "?status=submitted&zone=3&country=IT&flag=duplicate&min_age_days=2&page=1"
        );
        assert_eq!(QueueQuery::from_query(&s), q);
        assert_eq!(QueueQuery::default().to_query(), "");
        assert_eq!(QueueQuery::from_query("?zone=99&country=ITA&flag=x"), QueueQuery::default());
    }

    #[test]
    fn a_detail_reads_as_the_contract_writes_it() {
        let json = r#"{"item":{"reference":"PER-7K3M-Q9TX","status":"under_review","submitted_at":"2026-11-21T10:00:00Z","due_at":"2026-11-26T10:00:00Z","overdue":false,"zone":3,"country":"IT","flags":["registry_mismatch"],"assigned_to":"ana"},
          "identity":[["first_name","Drita"]],"address":[["city","Milano"]],"proof_kind":"rental_contract",
          "registry":[{"field":"surname","entered":"Çela","registry":"Cela","result":"mismatch"}],
          "face":{"route":"live","passed":true,"reasons":[],"frame":"f1"},
          "documents":["d1","d2"],"duplicates":[],"history":[{"decision":"reject","reasons":["address_mismatch"],"note":"n","by":"ana","at":"2026-11-22T10:00:00Z"}]}"#;
        let d: RequestDetail = serde_json::from_str(json).unwrap();
        assert_eq!(d.registry[0].result, MatchResult::Mismatch);
        assert_eq!(d.item.flags, vec![QueueFlag::RegistryMismatch]);
        let form = DecisionForm {
            decision: DecisionKind::RequestCorrection,
            reasons: vec![RejectionReason::AddressMismatch],
            note: String::new(),
        };
        assert_eq!(
            serde_json::to_string(&form).unwrap(),
            r#"{"decision":"request_correction","reasons":["address_mismatch"],"note":""}"#
        );
    }
}
