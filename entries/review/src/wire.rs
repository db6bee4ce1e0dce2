//! The console's wire types are `per_domain::api::review` (the server side's); here only
//! the queue's filters as the address's query string, so that a filtered queue can be
//! bookmarked and the back button returns to it.

pub use per_domain::api::review::*;
use per_domain::RequestStatus;

/// `?status=submitted&zone=3&...` (only what is set; empty when nothing is).
pub fn to_query(q: &QueueQuery) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = q.status {
        parts.push(["status=", s.code()].concat());
    }
    if let Some(z) = q.zone {
        parts.push(format!("zone={z}"));
    }
    if let Some(c) = &q.country {
        parts.push(["country=", c].concat());
    }
    if let Some(f) = q.flag {
        parts.push(["flag=", f.code()].concat());
    }
    if let Some(d) = q.min_age_days {
        parts.push(format!("min_age_days={d}"));
    }
    if let Some(p) = q.page.filter(|p| *p > 0) {
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
                out.country =
                    (c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())).then_some(c);
            }
            "flag" => out.flag = QueueFlag::from_code(v),
            "min_age_days" => out.min_age_days = v.parse().ok(),
            "page" => out.page = v.parse().ok(),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_domain::RejectionReason;

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
        let s = to_query(&q);
        assert_eq!(
            s,
            "?status=submitted&zone=3&country=IT&flag=duplicate&min_age_days=2&page=1"
        );
        assert_eq!(from_query(&s), q);
        assert_eq!(to_query(&QueueQuery::default()), "");
        assert_eq!(
            from_query("?zone=99&country=ITA&flag=x"),
            QueueQuery::default()
        );
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
