//! The request's questions, page by page: which fields each page asks, how each is asked,
//! and where each answer lives in the draft. The pages are thin views of this table; the
//! rules are the domain's (`IdentityForm::parse`, `AddressForm::parse`, `ProofForm::parse`),
//! each page showing the problems of its own fields.

use super::texts::RKey;
use crate::i18n::{Key, TextId};
use per_domain::api::RequestDraft;
use per_domain::{Date, Field, FieldProblem, Route};

/// How a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A text input: `autocomplete`, a width class, and `verbatim` (codes and numbers: no
    /// spell-checking nor capitals).
    Text {
        autocomplete: Option<&'static str>,
        width: Option<&'static str>,
        verbatim: bool,
    },
    Date,
    /// One of these codes, each with its text.
    Radios(&'static [(&'static str, TextId)]),
    /// The country of residence (ISO codes, Albania left out).
    Country,
    /// A box to tick (a declaration).
    Checkbox,
}

#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub field: Field,
    pub label: TextId,
    pub hint: Option<TextId>,
    pub input: Input,
}

const fn text(autocomplete: Option<&'static str>) -> Input {
    Input::Text {
        autocomplete,
        width: None,
        verbatim: false,
    }
}

const fn code(width: &'static str) -> Input {
    Input::Text {
        autocomplete: Some("off"),
        width: Some(width),
        verbatim: true,
    }
}

const fn q(field: Field, label: TextId, hint: Option<TextId>, input: Input) -> Question {
    Question {
        field,
        label,
        hint,
        input,
    }
}

const fn r(key: RKey) -> TextId {
    TextId::new(&super::texts::REQUEST, key as usize)
}

const fn k(key: Key) -> TextId {
    TextId::new(&crate::i18n::CATALOG, key as usize)
}

pub static DOCUMENT_TYPES: [(&str, TextId); 2] = [
    ("id_card", r(RKey::DocIdCard)),
    ("passport", r(RKey::DocPassport)),
];

pub static SEXES: [(&str, TextId); 2] = [("F", k(Key::SexF)), ("M", k(Key::SexM))];

pub static PROOF_KINDS: [(&str, TextId); 5] = [
    ("property_certificate", r(RKey::ProofPropertyCertificate)),
    ("residence_document", r(RKey::ProofResidenceDocument)),
    ("rental_contract", r(RKey::ProofRentalContract)),
    ("bank_document", r(RKey::ProofBankDocument)),
    ("utility_bill", r(RKey::ProofUtilityBill)),
];

/// A page of questions.
#[derive(Debug, Clone, Copy)]
pub struct QuestionPage {
    pub route: Route,
    pub title: TextId,
    pub lead: Option<TextId>,
    pub questions: &'static [Question],
}

pub static DOCUMENT: QuestionPage = QuestionPage {
    route: Route::RequestDocument,
    title: r(RKey::DocumentTitle),
    lead: Some(r(RKey::DocumentLead)),
    questions: &[
        q(
            Field::DocumentType,
            r(RKey::DocumentTypeLegend),
            None,
            Input::Radios(&DOCUMENT_TYPES),
        ),
        q(
            Field::DocumentNumber,
            r(RKey::DocumentNumberLabel),
            Some(r(RKey::DocumentNumberHint)),
            code("input--width-10"),
        ),
        q(
            Field::DocumentExpiry,
            r(RKey::ExpiryLabel),
            Some(r(RKey::ExpiryHint)),
            Input::Date,
        ),
    ],
};

pub static NAME: QuestionPage = QuestionPage {
    route: Route::RequestName,
    title: r(RKey::NameTitle),
    lead: Some(r(RKey::NameLead)),
    questions: &[
        q(
            Field::FirstName,
            k(Key::FirstNameLabel),
            None,
            text(Some("given-name")),
        ),
        q(
            Field::Surname,
            k(Key::SurnameLabel),
            None,
            text(Some("family-name")),
        ),
        q(
            Field::FatherName,
            r(RKey::FatherNameLabel),
            None,
            text(Some("off")),
        ),
    ],
};

pub static BIRTH: QuestionPage = QuestionPage {
    route: Route::RequestBirth,
    title: r(RKey::BirthTitle),
    lead: None,
    questions: &[
        q(
            Field::DateOfBirth,
            k(Key::DobLabel),
            Some(k(Key::DobHint)),
            Input::Date,
        ),
        q(
            Field::PlaceOfBirth,
            r(RKey::PlaceOfBirthLabel),
            Some(r(RKey::PlaceOfBirthHint)),
            text(Some("off")),
        ),
        q(
            Field::Sex,
            k(Key::SexLegend),
            Some(k(Key::SexHint)),
            Input::Radios(&SEXES),
        ),
    ],
};

pub static PERSONAL_NUMBER: QuestionPage = QuestionPage {
    route: Route::RequestPersonalNumber,
    title: r(RKey::PersonalNumberTitle),
    lead: Some(r(RKey::PersonalNumberLead)),
    questions: &[q(
        Field::PersonalNumber,
        k(Key::PersonalNumberLabel),
        Some(k(Key::PersonalNumberHint)),
        code("input--width-10"),
    )],
};

pub static ADDRESS: QuestionPage = QuestionPage {
    route: Route::RequestAddress,
    title: r(RKey::AddressTitle),
    lead: Some(r(RKey::AddressLead)),
    questions: &[
        q(
            Field::Country,
            r(RKey::CountryLabel),
            Some(r(RKey::CountryHint)),
            Input::Country,
        ),
        q(
            Field::City,
            r(RKey::CityLabel),
            None,
            text(Some("address-level2")),
        ),
        q(
            Field::PostalCode,
            r(RKey::PostalCodeLabel),
            Some(r(RKey::PostalCodeHint)),
            Input::Text {
                autocomplete: Some("postal-code"),
                width: Some("input--width-10"),
                verbatim: true,
            },
        ),
        q(
            Field::Street,
            r(RKey::StreetLabel),
            None,
            text(Some("address-line1")),
        ),
        q(
            Field::Apartment,
            r(RKey::ApartmentLabel),
            None,
            text(Some("address-line2")),
        ),
        q(Field::CareOf, r(RKey::CareOfLabel), None, text(Some("off"))),
    ],
};

/// The proof page's questions (its upload is the page's own).
pub static PROOF: QuestionPage = QuestionPage {
    route: Route::RequestProof,
    title: r(RKey::ProofTitle),
    lead: Some(r(RKey::ProofLead)),
    questions: &[
        q(
            Field::ProofKind,
            r(RKey::ProofKindLegend),
            Some(r(RKey::ProofKindHint)),
            Input::Radios(&PROOF_KINDS),
        ),
        q(
            Field::ProofDeclaration,
            r(RKey::ProofDeclaration),
            None,
            Input::Checkbox,
        ),
    ],
};

/// The pages in the order of the journey, the check page last.
pub const ORDER: [Route; 8] = [
    Route::RequestDocument,
    Route::RequestName,
    Route::RequestBirth,
    Route::RequestPersonalNumber,
    Route::RequestPhoto,
    Route::RequestAddress,
    Route::RequestProof,
    Route::RequestCheck,
];

/// The page after `route` (the check page after the last).
pub fn next(route: Route) -> Route {
    let i = ORDER
        .iter()
        .position(|r| *r == route)
        .unwrap_or(ORDER.len() - 1);
    ORDER.get(i + 1).copied().unwrap_or(Route::RequestCheck)
}

/// The page before `route` (the face capture before the first).
pub fn previous(route: Route) -> Route {
    match ORDER.iter().position(|r| *r == route) {
        Some(0) | None => Route::Face,
        Some(i) => ORDER[i - 1],
    }
}

/// The question page shown at `route`, if it is one.
pub fn question_page(route: Route) -> Option<&'static QuestionPage> {
    [&DOCUMENT, &NAME, &BIRTH, &PERSONAL_NUMBER, &ADDRESS, &PROOF]
        .into_iter()
        .find(|p| p.route == route)
}

/// The answer to `field` in the draft, as typed (`"true"` for a ticked box).
pub fn value(d: &RequestDraft, field: Field) -> String {
    let i = d.identity.as_ref();
    let a = d.address.as_ref();
    let p = d.proof.as_ref();
    let s = |v: Option<&String>| v.cloned().unwrap_or_default();
    match field {
        Field::DocumentType => s(i.map(|i| &i.document_type)),
        Field::DocumentNumber => s(i.map(|i| &i.document_number)),
        Field::PersonalNumber => s(i.map(|i| &i.personal_number)),
        Field::FirstName => s(i.map(|i| &i.first_name)),
        Field::Surname => s(i.map(|i| &i.surname)),
        Field::FatherName => s(i.map(|i| &i.father_name)),
        Field::DateOfBirth => s(i.map(|i| &i.date_of_birth)),
        Field::PlaceOfBirth => s(i.map(|i| &i.place_of_birth)),
        Field::Sex => s(i.map(|i| &i.sex)),
        Field::DocumentExpiry => s(i.map(|i| &i.document_expiry)),
        Field::Country => s(a.map(|a| &a.country)),
        Field::City => s(a.map(|a| &a.city)),
        Field::PostalCode => s(a.map(|a| &a.postal_code)),
        Field::Street => s(a.map(|a| &a.street)),
        Field::Apartment => s(a.map(|a| &a.apartment)),
        Field::CareOf => s(a.map(|a| &a.care_of)),
        Field::ProofKind => s(p.map(|p| &p.kind)),
        Field::ProofDeclaration => {
            if p.is_some_and(|p| p.shows_name_and_address) {
                "true".to_owned()
            } else {
                String::new()
            }
        }
        _ => String::new(),
    }
}

/// Sets the answer to `field` in the draft.
pub fn set(d: &mut RequestDraft, field: Field, v: String) {
    let i = &mut d.identity;
    let a = &mut d.address;
    let p = &mut d.proof;
    match field {
        Field::DocumentType => i.get_or_insert_with(Default::default).document_type = v,
        Field::DocumentNumber => i.get_or_insert_with(Default::default).document_number = v,
        Field::PersonalNumber => i.get_or_insert_with(Default::default).personal_number = v,
        Field::FirstName => i.get_or_insert_with(Default::default).first_name = v,
        Field::Surname => i.get_or_insert_with(Default::default).surname = v,
        Field::FatherName => i.get_or_insert_with(Default::default).father_name = v,
        Field::DateOfBirth => i.get_or_insert_with(Default::default).date_of_birth = v,
        Field::PlaceOfBirth => i.get_or_insert_with(Default::default).place_of_birth = v,
        Field::Sex => i.get_or_insert_with(Default::default).sex = v,
        Field::DocumentExpiry => i.get_or_insert_with(Default::default).document_expiry = v,
        Field::Country => a.get_or_insert_with(Default::default).country = v,
        Field::City => a.get_or_insert_with(Default::default).city = v,
        Field::PostalCode => a.get_or_insert_with(Default::default).postal_code = v,
        Field::Street => a.get_or_insert_with(Default::default).street = v,
        Field::Apartment => a.get_or_insert_with(Default::default).apartment = v,
        Field::CareOf => a.get_or_insert_with(Default::default).care_of = v,
        Field::ProofKind => p.get_or_insert_with(Default::default).kind = v,
        Field::ProofDeclaration => {
            p.get_or_insert_with(Default::default)
                .shows_name_and_address = v == "true";
        }
        _ => {}
    }
}

/// Every problem of the draft's answers (the steps not started count as empty).
pub fn problems(d: &RequestDraft, today: Date) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    if let Err(p) = d.identity.clone().unwrap_or_default().parse(today) {
        out.extend(p);
    }
    if let Err(p) = d.address.clone().unwrap_or_default().parse() {
        out.extend(p);
    }
    if let Err(p) = d.proof.clone().unwrap_or_default().parse() {
        out.extend(p);
    }
    out
}

/// The problems of the fields `page` asks.
pub fn problems_on(page: &QuestionPage, d: &RequestDraft, today: Date) -> Vec<FieldProblem> {
    // Only the form the page belongs to is parsed: an entry that shows one form links only
    // its rules.
    let found = if page.route == Route::RequestProof {
        d.proof.clone().unwrap_or_default().parse().err()
    } else if page.route == Route::RequestAddress {
        d.address.clone().unwrap_or_default().parse().err()
    } else {
        d.identity.clone().unwrap_or_default().parse(today).err()
    };
    found
        .unwrap_or_default()
        .into_iter()
        .filter(|p| page.questions.iter().any(|q| q.field == p.field))
        .collect()
}

/// The draft the server may keep: only the steps that parse in full (a server draft never
/// holds an invalid step), with the idempotency key and the uploads.
pub fn for_server(d: &RequestDraft, today: Date) -> RequestDraft {
    RequestDraft {
        idempotency_key: d.idempotency_key.clone(),
        identity: d.identity.clone().filter(|i| i.parse(today).is_ok()),
        address: d.address.clone().filter(|a| a.parse().is_ok()),
        proof: d.proof.clone().filter(|p| p.parse().is_ok()),
        uploads: d.uploads.clone(),
    }
}

/// Where a voter who opens the request goes: the first page with a problem, else the check
/// page.
pub fn resume_at(d: &RequestDraft, today: Date) -> Route {
    let problems = problems(d, today);
    for route in ORDER {
        if let Some(page) = question_page(route) {
            if problems
                .iter()
                .any(|p| page.questions.iter().any(|q| q.field == p.field))
            {
                return route;
            }
        } else if route == Route::RequestPhoto && !super::uploads::photos_done(d) {
            return route;
        }
    }
    Route::RequestCheck
}
