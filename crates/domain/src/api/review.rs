//! The review console's bodies (`/api/review/…`) and the public statistics: officials'
//! sign-in, the queue and its filters, a request side by side with the registry, decisions
//! and reversals.
//!
//! As elsewhere in [`crate::api`], forms carry strings (or loose values) as sent and `parse`
//! gives typed values or every problem at once, each naming its [`Field`].

use super::{finish, Parsed};
use crate::country::Country;
use crate::field::Field;
use crate::problem::{Problem, Problems};
use crate::status::{RejectionReason, RequestStatus};
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

/// How many zones (electoral districts) there are, numbered 1 to 12.
pub const ZONES: u8 = 12;
/// Queue items a page.
pub const PAGE_SIZE: u32 = 50;
/// The longest note an official may write with a decision, in characters.
pub const NOTE_MAX: usize = 2000;
/// Days an official has to decide a request after its submission.
pub const DUE_DAYS: i64 = 5;

// ---------------------------------------------------------------- officials

/// What an official may do: each role includes the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The queue, a request's detail, assignment and decisions.
    Reviewer,
    /// A reviewer who may also reverse a decision.
    Supervisor,
    /// A supervisor who may also export the approved voters.
    Administrator,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Reviewer, Role::Supervisor, Role::Administrator];

    /// The code stored in the database and sent on the wire.
    pub fn code(self) -> &'static str {
        match self {
            Role::Reviewer => "reviewer",
            Role::Supervisor => "supervisor",
            Role::Administrator => "administrator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// This role may do what `needed` may (roles are ordered).
    pub fn includes(self, needed: Role) -> bool {
        self >= needed
    }
}

/// An official's login name: 3 to 32 of `a-z 0-9 . _ -`, compared in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OfficialLogin(String);

impl OfficialLogin {
    pub fn parse(input: &str) -> Result<OfficialLogin, Problem> {
        let login = input.trim().to_lowercase();
        if login.is_empty() {
            return Err(Problem::Required);
        }
        if login.chars().count() > 32 {
            return Err(Problem::TooLong);
        }
        let ok = login.len() >= 3
            && login
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
        if !ok {
            return Err(Problem::NameInvalid);
        }
        Ok(OfficialLogin(login))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The second factor of an official's sign-in.
#[derive(Clone, PartialEq, Eq)]
pub enum SecondFactor {
    /// A 6-digit TOTP code (RFC 6238).
    Totp(String),
    /// A single-use recovery code, `xxxx-xxxx` (lower-case letters and digits), normalised.
    Recovery(String),
}

impl std::fmt::Debug for SecondFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecondFactor::Totp(_) => f.write_str("Totp(***)"),
            SecondFactor::Recovery(_) => f.write_str("Recovery(***)"),
        }
    }
}

impl SecondFactor {
    /// A TOTP code (spaces and dashes allowed, as with the voters' codes) or a recovery code
    /// (`abcd-2345`, case and the dash optional).
    pub fn parse(input: &str) -> Result<SecondFactor, Problem> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
            .collect::<String>()
            .to_lowercase();
        if compact.is_empty() {
            return Err(Problem::Required);
        }
        if compact.len() == 6 && compact.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(SecondFactor::Totp(compact));
        }
        if compact.len() == 8
            && compact
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return Ok(SecondFactor::Recovery(format!(
                "{}-{}",
                &compact[..4],
                &compact[4..]
            )));
        }
        Err(Problem::CodeInvalid)
    }

    pub fn expose(&self) -> &str {
        match self {
            SecondFactor::Totp(c) | SecondFactor::Recovery(c) => c,
        }
    }
}

/// `POST /api/review/sign-in`.
#[derive(Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"login": "ana", "password": "a long password", "code": "123456"})))]
#[serde(default)]
pub struct OfficialSignIn {
    pub login: String,
    pub password: String,
    /// A 6-digit TOTP code or a recovery code (`xxxx-xxxx`).
    pub code: String,
}

#[derive(Clone)]
pub struct ValidOfficialSignIn {
    pub login: OfficialLogin,
    /// Not parsed as a [`crate::Password`]: checked against the stored hash only.
    pub password: String,
    pub code: SecondFactor,
}

impl OfficialSignIn {
    pub fn parse(&self) -> Parsed<ValidOfficialSignIn> {
        let mut p = Problems::new();
        let login = p.check(Field::Login, OfficialLogin::parse(&self.login));
        if self.password.is_empty() {
            p.push(Field::Password, Problem::Required);
        } else if self.password.chars().count() > 128 {
            p.push(Field::Password, Problem::PasswordTooLong);
        }
        let code = p.check(Field::Code, SecondFactor::parse(&self.code));
        let v = (|| {
            Some(ValidOfficialSignIn {
                login: login?,
                password: self.password.clone(),
                code: code?,
            })
        })();
        finish(p, v)
    }
}

/// Answer to sign-in and `GET /api/review/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficialView {
    pub login: String,
    pub name: String,
    pub role: Role,
    pub idle_timeout_seconds: u32,
}

// ---------------------------------------------------------------- the queue

/// Why a request deserves a closer look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QueueFlag {
    /// Another active request shares its NID (or document number).
    Duplicate,
    /// The civil registry disagrees on a field, or does not know the NID.
    RegistryMismatch,
    /// The voter took the assisted route for the face check.
    AssistedRoute,
    /// The identity document had expired when the request was submitted.
    ExpiredDocument,
}

impl QueueFlag {
    pub const ALL: [QueueFlag; 4] = [
        QueueFlag::Duplicate,
        QueueFlag::RegistryMismatch,
        QueueFlag::AssistedRoute,
        QueueFlag::ExpiredDocument,
    ];

    pub fn code(self) -> &'static str {
        match self {
            QueueFlag::Duplicate => "duplicate",
            QueueFlag::RegistryMismatch => "registry_mismatch",
            QueueFlag::AssistedRoute => "assisted_route",
            QueueFlag::ExpiredDocument => "expired_document",
        }
    }

    pub fn from_code(code: &str) -> Option<QueueFlag> {
        QueueFlag::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// `GET /api/review/queue?status=submitted&zone=3&country=IT&flag=duplicate&min_age_days=2&page=0`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(default)]
pub struct QueueQuery {
    pub status: Option<RequestStatus>,
    pub zone: Option<u8>,
    pub country: Option<String>,
    pub flag: Option<QueueFlag>,
    pub min_age_days: Option<u32>,
    pub page: Option<u32>,
}

/// The queue's filters, valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidQueueQuery {
    pub status: Option<RequestStatus>,
    pub zone: Option<u8>,
    pub country: Option<Country>,
    pub flag: Option<QueueFlag>,
    pub min_age_days: Option<u32>,
    pub page: u32,
}

impl QueueQuery {
    /// A zone is 1 to [`ZONES`]; an empty country is no filter; an age above 3650 days counts
    /// as 3650.
    pub fn parse(&self) -> Parsed<ValidQueueQuery> {
        let mut p = Problems::new();
        let zone = match self.zone {
            Some(z) if !(1..=ZONES).contains(&z) => {
                p.push(Field::Zone, Problem::CodeInvalid);
                None
            }
            z => z,
        };
        let country = match self.country.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) => p.check(Field::Country, Country::parse(c)),
        };
        let v = ValidQueueQuery {
            status: self.status,
            zone,
            country,
            flag: self.flag,
            min_age_days: self.min_age_days.map(|d| d.min(3650)),
            page: self.page.unwrap_or(0).min(100_000),
        };
        finish(p, Some(v))
    }
}

/// One request in the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    pub reference: String,
    pub status: RequestStatus,
    /// RFC 3339, UTC.
    pub submitted_at: String,
    /// `submitted_at` + [`DUE_DAYS`] days.
    pub due_at: String,
    /// Undecided and past `due_at`.
    pub overdue: bool,
    pub zone: Option<u8>,
    /// ISO 3166-1 alpha-2 of the address abroad.
    pub country: String,
    pub flags: Vec<QueueFlag>,
    /// The login of the official holding the assignment, if any holds it now.
    pub assigned_to: Option<String>,
}

/// Answer to `GET /api/review/queue`: oldest first, [`PAGE_SIZE`] a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
}

/// Answer to `POST /api/review/requests/{reference}/assign`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignment {
    pub reference: String,
    pub assigned_to: String,
    /// RFC 3339, UTC: the lease ends then unless renewed.
    pub expires_at: String,
    pub status: RequestStatus,
}

// ---------------------------------------------------------------- a request, side by side

/// How an answer compares with the civil registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchResult {
    Match,
    Mismatch,
    /// The registry has no record of the NID.
    NotFound,
}

/// One answer next to the registry's value.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldCheck {
    pub field: Field,
    pub entered: String,
    pub registry: Option<String>,
    pub result: MatchResult,
}

/// The face step: the route taken, the server's verdict and reasons, and the kept frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaceCheck {
    /// `live` or `assisted`.
    pub route: String,
    pub passed: Option<bool>,
    /// Reason codes of the check (`face_flat`, ...) or of the assisted route.
    pub reasons: Vec<String>,
    /// The image id of the kept frame (`GET /api/review/images/{id}`).
    pub frame: Option<String>,
}

/// One decision on a request, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionEntry {
    /// `approved`, `rejected`, `correction_requested` (the status it set).
    pub decision: String,
    pub reasons: Vec<RejectionReason>,
    pub note: String,
    /// The official's login.
    pub by: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// Answer to `GET /api/review/requests/{reference}`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestDetail {
    pub item: QueueItem,
    /// Every identity answer as entered, in page order: `[field, value]` pairs.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<String>>))]
    pub identity: Vec<(Field, String)>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<String>>))]
    pub address: Vec<(Field, String)>,
    pub proof_kind: String,
    /// NID, names, date of birth.
    pub registry: Vec<FieldCheck>,
    pub face: FaceCheck,
    /// Image ids of the document photos, then the proof of address.
    pub documents: Vec<String>,
    /// References of the other requests flagged with this one.
    pub duplicates: Vec<String>,
    pub history: Vec<DecisionEntry>,
}

// ---------------------------------------------------------------- decisions

/// What an official decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

    /// The status the decision sets.
    pub fn status(self) -> RequestStatus {
        match self {
            DecisionKind::Approve => RequestStatus::Approved,
            DecisionKind::Reject => RequestStatus::Rejected,
            DecisionKind::RequestCorrection => RequestStatus::CorrectionRequested,
        }
    }
}

/// `POST /api/review/requests/{reference}/decision`.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"decision": "reject", "reasons": ["address_mismatch"], "note": ""})))]
pub struct DecisionForm {
    pub decision: DecisionKind,
    /// At most 32 while reading (there are seven reasons).
    #[serde(default, deserialize_with = "crate::bounded::at_most::<32, _, _>")]
    pub reasons: Vec<RejectionReason>,
    #[serde(default)]
    pub note: String,
}

/// A valid decision: reasons without repeats, in the order given; the note trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDecision {
    pub kind: DecisionKind,
    pub reasons: Vec<RejectionReason>,
    pub note: String,
}

fn parse_decision(
    kind: DecisionKind,
    reasons: &[RejectionReason],
    note: &str,
    note_required: bool,
) -> Parsed<ValidDecision> {
    let mut p = Problems::new();
    let mut unique = Vec::new();
    for r in reasons {
        if !unique.contains(r) {
            unique.push(*r);
        }
    }
    match kind {
        // Approving gives no reason: a reason would tell the voter to fix something.
        DecisionKind::Approve if !unique.is_empty() => p.push(Field::Reasons, Problem::TooLong),
        DecisionKind::Reject | DecisionKind::RequestCorrection if unique.is_empty() => {
            p.push(Field::Reasons, Problem::Required)
        }
        _ => {}
    }
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        p.push(Field::Note, Problem::TooLong);
    } else if note_required && note.is_empty() {
        p.push(Field::Note, Problem::Required);
    }
    let v = ValidDecision {
        kind,
        reasons: unique,
        note: note.to_owned(),
    };
    finish(p, Some(v))
}

impl DecisionForm {
    /// Reject and request-correction need at least one reason, approve none; the note is at
    /// most [`NOTE_MAX`] characters.
    pub fn parse(&self) -> Parsed<ValidDecision> {
        parse_decision(self.decision, &self.reasons, &self.note, false)
    }
}

/// `POST /api/review/requests/{reference}/reverse` (supervisor): the new decision, with a
/// note that is required.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"decision": "approve", "reasons": [], "note": "the proof was readable after all"})))]
pub struct ReverseForm {
    pub decision: DecisionKind,
    /// At most 32 while reading (there are seven reasons).
    #[serde(default, deserialize_with = "crate::bounded::at_most::<32, _, _>")]
    pub reasons: Vec<RejectionReason>,
    #[serde(default)]
    pub note: String,
}

impl ReverseForm {
    /// As [`DecisionForm::parse`], and the note may not be blank.
    pub fn parse(&self) -> Parsed<ValidDecision> {
        parse_decision(self.decision, &self.reasons, &self.note, true)
    }
}

/// Answer to a decision or a reversal: where the request stands now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionMade {
    pub reference: String,
    pub status: RequestStatus,
    pub reasons: Vec<RejectionReason>,
    /// RFC 3339, UTC.
    pub decided_at: String,
}

/// `GET /api/review/export/approved.csv?zone=N`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(default)]
pub struct ExportQuery {
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 12))]
    pub zone: Option<u8>,
}

impl ExportQuery {
    /// The zone is required, 1 to [`ZONES`].
    pub fn parse(&self) -> Parsed<u8> {
        let mut p = Problems::new();
        let zone = match self.zone {
            None => {
                p.push(Field::Zone, Problem::Required);
                None
            }
            Some(z) if !(1..=ZONES).contains(&z) => {
                p.push(Field::Zone, Problem::CodeInvalid);
                None
            }
            z => z,
        };
        finish(p, zone)
    }
}

// ---------------------------------------------------------------- public statistics

/// Counts for one zone, one country or the total.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatisticsRow {
    /// The zone number as text, or the country's alpha-2 code (`total` for the total).
    pub key: String,
    /// Every request ever submitted, withdrawn included.
    pub submitted: u32,
    pub approved: u32,
    pub rejected: u32,
    /// Submitted, under review or awaiting a correction.
    pub pending: u32,
}

/// `GET /api/statistics`: public, no cookie.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statistics {
    /// RFC 3339, UTC.
    pub generated_at: String,
    pub by_zone: Vec<StatisticsRow>,
    pub by_country: Vec<StatisticsRow>,
    pub total: StatisticsRow,
}

redacted_debug!(OfficialSignIn);
redacted_debug!(ValidOfficialSignIn);
redacted_debug!(FieldCheck);
redacted_debug!(RequestDetail);
redacted_debug!(DecisionForm);
redacted_debug!(ReverseForm);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::FieldProblem;

    fn fields(problems: Vec<FieldProblem>) -> Vec<(Field, Problem)> {
        problems.into_iter().map(|p| (p.field, p.code)).collect()
    }

    #[test]
    fn roles_are_ordered_and_coded() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.code())
            );
        }
        assert!(Role::Administrator.includes(Role::Supervisor));
        assert!(Role::Supervisor.includes(Role::Reviewer));
        assert!(!Role::Reviewer.includes(Role::Supervisor));
        assert!(!Role::Supervisor.includes(Role::Administrator));
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn sign_in_takes_a_totp_or_a_recovery_code() {
        let form = |login: &str, password: &str, code: &str| OfficialSignIn {
            login: login.into(),
            password: password.into(),
            code: code.into(),
        };
        let ok = form(" Ana.Hoxha ", "secret", "123 456").parse().unwrap();
        assert_eq!(ok.login.as_str(), "ana.hoxha");
        assert_eq!(ok.code, SecondFactor::Totp("123456".into()));
        let rec = form("ana", "x", "ABCD-2345").parse().unwrap();
        assert_eq!(rec.code, SecondFactor::Recovery("abcd-2345".into()));
        let rec = form("ana", "x", "abcd2345").parse().unwrap();
        assert_eq!(rec.code.expose(), "abcd-2345");
        assert_eq!(
            fields(form("", "", "").parse().unwrap_err()),
            vec![
                (Field::Login, Problem::Required),
                (Field::Password, Problem::Required),
                (Field::Code, Problem::Required)
            ]
        );
        for bad in ["12345", "1234567", "abc-def", "abcd-234!"] {
            assert_eq!(
                fields(form("ana", "x", bad).parse().unwrap_err()),
                vec![(Field::Code, Problem::CodeInvalid)],
                "{bad}"
            );
        }
        assert_eq!(
            fields(form("a b", "x", "123456").parse().unwrap_err()),
            vec![(Field::Login, Problem::NameInvalid)]
        );
        assert_eq!(
            fields(form(&"a".repeat(33), "x", "123456").parse().unwrap_err()),
            vec![(Field::Login, Problem::TooLong)]
        );
        let long = form("ana", &"p".repeat(129), "123456");
        assert_eq!(
            fields(long.parse().unwrap_err()),
            vec![(Field::Password, Problem::PasswordTooLong)]
        );
        let shown = format!("{:?} {:?}", form("ana", "Zogu1928!", "654321"), ok);
        assert!(
            !shown.contains("Zogu") && !shown.contains("654321"),
            "{shown}"
        );
    }

    #[test]
    fn queue_filters() {
        let q: QueueQuery = serde_json::from_value(serde_json::json!({
            "status": "submitted", "zone": 3, "country": "it", "flag": "duplicate",
            "min_age_days": 2, "page": 1
        }))
        .unwrap();
        let v = q.parse().unwrap();
        assert_eq!(v.status, Some(RequestStatus::Submitted));
        assert_eq!(v.zone, Some(3));
        assert_eq!(v.country.unwrap().to_string(), "IT");
        assert_eq!(v.flag, Some(QueueFlag::Duplicate));
        assert_eq!(v.page, 1);
        let none = QueueQuery {
            country: Some(" ".into()),
            ..QueueQuery::default()
        };
        assert_eq!(none.parse().unwrap().country, None);
        assert_eq!(none.parse().unwrap().page, 0);
        let bad = QueueQuery {
            zone: Some(13),
            country: Some("XX".into()),
            ..QueueQuery::default()
        };
        let got = fields(bad.parse().unwrap_err());
        assert_eq!(got[0], (Field::Zone, Problem::CodeInvalid));
        assert_eq!(got[1].0, Field::Country);
        let zero = QueueQuery {
            zone: Some(0),
            ..QueueQuery::default()
        };
        assert!(zero.parse().is_err());
        for f in QueueFlag::ALL {
            assert_eq!(QueueFlag::from_code(f.code()), Some(f));
        }
    }

    #[test]
    fn decisions_need_reasons_except_approval() {
        let form = |decision, reasons: Vec<RejectionReason>, note: &str| DecisionForm {
            decision,
            reasons,
            note: note.into(),
        };
        let ok = form(DecisionKind::Approve, vec![], "  fine ")
            .parse()
            .unwrap();
        assert_eq!(ok.note, "fine");
        assert_eq!(ok.kind.status(), RequestStatus::Approved);
        let twice = form(
            DecisionKind::Reject,
            vec![
                RejectionReason::AddressMismatch,
                RejectionReason::Duplicate,
                RejectionReason::AddressMismatch,
            ],
            "",
        );
        assert_eq!(
            twice.parse().unwrap().reasons,
            vec![RejectionReason::AddressMismatch, RejectionReason::Duplicate]
        );
        for kind in [DecisionKind::Reject, DecisionKind::RequestCorrection] {
            assert_eq!(
                fields(form(kind, vec![], "").parse().unwrap_err()),
                vec![(Field::Reasons, Problem::Required)]
            );
        }
        assert_eq!(
            fields(
                form(DecisionKind::Approve, vec![RejectionReason::Duplicate], "")
                    .parse()
                    .unwrap_err()
            ),
            vec![(Field::Reasons, Problem::TooLong)]
        );
        let long = form(DecisionKind::Approve, vec![], &"é".repeat(NOTE_MAX + 1));
        assert_eq!(
            fields(long.parse().unwrap_err()),
            vec![(Field::Note, Problem::TooLong)]
        );
        let at_limit = form(DecisionKind::Approve, vec![], &"é".repeat(NOTE_MAX));
        assert!(at_limit.parse().is_ok());
        let wire: DecisionForm = serde_json::from_str(
            r#"{"decision":"request_correction","reasons":["document_unreadable"]}"#,
        )
        .unwrap();
        assert_eq!(wire.parse().unwrap().kind, DecisionKind::RequestCorrection);
    }

    #[test]
    fn a_reversal_needs_a_note() {
        let reverse = |note: &str| ReverseForm {
            decision: DecisionKind::Approve,
            reasons: vec![],
            note: note.into(),
        };
        assert_eq!(
            fields(reverse("  ").parse().unwrap_err()),
            vec![(Field::Note, Problem::Required)]
        );
        assert_eq!(
            reverse("registry corrected").parse().unwrap().note,
            "registry corrected"
        );
    }

    #[test]
    fn export_needs_a_zone() {
        assert_eq!(ExportQuery { zone: Some(12) }.parse().unwrap(), 12);
        assert_eq!(
            fields(ExportQuery { zone: None }.parse().unwrap_err()),
            vec![(Field::Zone, Problem::Required)]
        );
        assert_eq!(
            fields(ExportQuery { zone: Some(13) }.parse().unwrap_err()),
            vec![(Field::Zone, Problem::CodeInvalid)]
        );
    }

    #[test]
    fn detail_wire_shape() {
        let item = QueueItem {
            reference: "PER-1".into(),
            status: RequestStatus::UnderReview,
            submitted_at: "2026-01-01T00:00:00Z".into(),
            due_at: "2026-01-06T00:00:00Z".into(),
            overdue: false,
            zone: Some(3),
            country: "IT".into(),
            flags: vec![QueueFlag::AssistedRoute],
            assigned_to: Some("ana".into()),
        };
        let json = serde_json::to_value(&item).unwrap();
        assert_eq!(json["status"], "under_review");
        assert_eq!(json["flags"][0], "assisted_route");
        let check = FieldCheck {
            field: Field::Surname,
            entered: "Hoxha".into(),
            registry: None,
            result: MatchResult::NotFound,
        };
        let json = serde_json::to_value(&check).unwrap();
        assert_eq!(json["result"], "not_found");
        assert_eq!(json["field"], "surname");
        let pair = serde_json::to_value((Field::City, "Milano")).unwrap();
        assert_eq!(pair, serde_json::json!(["city", "Milano"]));
    }
}
