use super::*;
use crate::problem::FieldProblem;

fn today() -> Date {
    Date::parse("2026-11-21").unwrap()
}

fn identity() -> IdentityForm {
    IdentityForm {
        document_type: "id_card".into(),
        document_number: "012345678".into(),
        personal_number: "J05415123A".into(),
        first_name: "Ëndra".into(),
        surname: "Çela".into(),
        father_name: "Ilir".into(),
        date_of_birth: "1990-04-15".into(),
        place_of_birth: "Gjirokastër".into(),
        sex: "F".into(),
        document_expiry: "2030-01-31".into(),
    }
}

fn address() -> AddressForm {
    AddressForm {
        country: "IT".into(),
        city: "Milano".into(),
        postal_code: "20121".into(),
        street: "Via Roma 12".into(),
        apartment: String::new(),
        care_of: String::new(),
    }
}

fn proof() -> ProofForm {
    ProofForm {
        kind: "rental_contract".into(),
        shows_name_and_address: true,
    }
}

fn uploads() -> UploadsForm {
    UploadsForm {
        id_card_front: "1".repeat(32),
        id_card_back: "2".repeat(32),
        passport_page: String::new(),
        proof_of_address: "3".repeat(32),
    }
}

fn submit() -> SubmitRequest {
    SubmitRequest {
        idempotency_key: "0f8e2c1a-9b7d-4e3f-a1b2-c3d4e5f60718".into(),
        identity: identity(),
        address: address(),
        proof: proof(),
        uploads: uploads(),
        declaration: true,
    }
}

/// A row of a table: an edit of a good form, the problems expected, why.
type Row<F> = (fn(&mut F), Vec<(Field, Problem)>, &'static str);

fn fields(problems: Vec<FieldProblem>) -> Vec<(Field, Problem)> {
    problems.into_iter().map(|p| (p.field, p.code)).collect()
}

#[test]
fn a_good_identity_keeps_its_letters() {
    let i = identity().parse(today()).unwrap();
    assert_eq!(i.first_name.as_str(), "Ëndra");
    assert_eq!(i.place_of_birth.as_str(), "Gjirokastër");
    assert!(!i.document_expired);
    assert_eq!(i.to_form(), identity());
}

#[test]
fn an_expired_document_is_accepted_with_its_flag() {
    let form = IdentityForm {
        document_expiry: "2020-01-01".into(),
        ..identity()
    };
    assert!(form.parse(today()).unwrap().document_expired);
}

#[test]
fn identity_problems() {
    let table: Vec<Row<IdentityForm>> = vec![
        (
            |f| f.date_of_birth = "1990-04-16".into(),
            vec![(Field::PersonalNumber, Problem::PersonalNumberDateMismatch)],
            "birth date differs from the number",
        ),
        (
            |f| f.sex = "M".into(),
            vec![(Field::PersonalNumber, Problem::PersonalNumberSexMismatch)],
            "sex differs from the number",
        ),
        (
            |f| f.date_of_birth = "2027-01-01".into(),
            vec![(Field::DateOfBirth, Problem::DateInFuture)],
            "born in the future",
        ),
        (
            |f| f.first_name = "Ana2".into(),
            vec![(Field::FirstName, Problem::NameInvalid)],
            "digit in a name",
        ),
        (
            |f| f.father_name = String::new(),
            vec![(Field::FatherName, Problem::Required)],
            "no father's name",
        ),
        (
            |f| f.place_of_birth = "<x>".into(),
            vec![(Field::PlaceOfBirth, Problem::PlaceInvalid)],
            "markup in the place of birth",
        ),
        (
            |f| f.document_type = "visa".into(),
            vec![(Field::DocumentType, Problem::DocumentTypeInvalid)],
            "unknown document: its number is not checked",
        ),
        (
            |f| f.document_type = "passport".into(),
            vec![(Field::DocumentNumber, Problem::DocumentNumberInvalid)],
            "an ID card number on a passport",
        ),
        (
            |f| f.document_expiry = "1990-04-15".into(),
            vec![(Field::DocumentExpiry, Problem::DateBeforeBirth)],
            "expires before birth",
        ),
        (
            |f| f.document_expiry = "2030-02-30".into(),
            vec![(Field::DocumentExpiry, Problem::DateInvalid)],
            "no such day",
        ),
        (
            |f| f.personal_number = "J05415123".into(),
            vec![(Field::PersonalNumber, Problem::PersonalNumberInvalid)],
            "9 characters",
        ),
        (
            |f| f.personal_number = "J05415123Z".into(),
            vec![],
            "another check letter is never refused",
        ),
    ];
    for (edit, expected, why) in table {
        let mut form = identity();
        edit(&mut form);
        let got = form.parse(today()).err().map(fields).unwrap_or_default();
        assert_eq!(got, expected, "{why}");
    }
    let empty = IdentityForm::default().parse(today()).unwrap_err();
    assert_eq!(
        fields(empty).iter().map(|(f, _)| *f).collect::<Vec<_>>(),
        vec![
            Field::DocumentType,
            Field::PersonalNumber,
            Field::FirstName,
            Field::Surname,
            Field::FatherName,
            Field::DateOfBirth,
            Field::PlaceOfBirth,
            Field::Sex,
            Field::DocumentExpiry,
        ],
        "an empty form names every field (the number needs its document type)"
    );
}

#[test]
fn address_problems() {
    let a = address().parse().unwrap();
    assert_eq!(a.to_form(), address());
    let table: Vec<Row<AddressForm>> = vec![
        (
            |f| f.country = "AL".into(),
            vec![(Field::Country, Problem::CountryAlbania)],
            "Albania, postal code not checked",
        ),
        (
            |f| f.country = "ZZ".into(),
            vec![(Field::Country, Problem::CountryInvalid)],
            "no such country",
        ),
        (
            |f| f.postal_code = "2012".into(),
            vec![(Field::PostalCode, Problem::PostalCodeInvalid)],
            "Italian code with 4 digits",
        ),
        (
            |f| f.country = "GB".into(),
            vec![(Field::PostalCode, Problem::PostalCodeInvalid)],
            "Italian code in the United Kingdom",
        ),
        (
            |f| f.city = String::new(),
            vec![(Field::City, Problem::Required)],
            "no city",
        ),
        (
            |f| f.street = "{}".into(),
            vec![(Field::Street, Problem::AddressInvalid)],
            "street with no letter",
        ),
        (
            |f| f.apartment = "Scala B, int. 4".into(),
            vec![],
            "an apartment",
        ),
        (
            |f| f.care_of = "a".repeat(151),
            vec![(Field::CareOf, Problem::TooLong)],
            "c/o too long",
        ),
    ];
    for (edit, expected, why) in table {
        let mut form = address();
        edit(&mut form);
        let got = form.parse().err().map(fields).unwrap_or_default();
        assert_eq!(got, expected, "{why}");
    }
}

#[test]
fn proof_needs_its_kind_and_declaration() {
    assert_eq!(proof().parse().unwrap().kind, ProofKind::RentalContract);
    assert_eq!(
        fields(ProofForm::default().parse().unwrap_err()),
        vec![
            (Field::ProofKind, Problem::Required),
            (Field::ProofDeclaration, Problem::DeclarationRequired)
        ]
    );
}

#[test]
fn uploads_needed_follow_the_document() {
    let passport = UploadsForm {
        passport_page: "4".repeat(32),
        ..uploads()
    };
    let parsed = passport.parse(Some(DocumentType::Passport)).unwrap();
    assert_eq!(parsed.iter().count(), 2, "the ID card's sides are ignored");
    assert_eq!(
        fields(uploads().parse(Some(DocumentType::Passport)).unwrap_err()),
        vec![(Field::PassportPage, Problem::UploadMissing)]
    );
    let half = UploadsForm {
        id_card_back: String::new(),
        ..uploads()
    };
    assert_eq!(
        half.parse(None).unwrap().iter().count(),
        2,
        "a draft holds some"
    );
    assert_eq!(
        fields(half.parse(Some(DocumentType::IdCard)).unwrap_err()),
        vec![(Field::IdCardBack, Problem::UploadMissing)]
    );
}

#[test]
fn a_draft_keeps_the_steps_answered() {
    let empty = RequestDraft::default().parse(today()).unwrap();
    assert!(empty.identity.is_none() && empty.uploads.is_none());
    let draft = RequestDraft {
        idempotency_key: Some("0f8e2c1a-9b7d-4e3f-a1b2-c3d4e5f60718".into()),
        identity: Some(IdentityForm {
            personal_number: "j05415123a".into(),
            ..identity()
        }),
        address: None,
        proof: Some(proof()),
        uploads: None,
    };
    let wire = draft.parse(today()).unwrap().to_wire();
    assert_eq!(wire.identity.unwrap().personal_number, "J05415123A");
    assert_eq!(wire.proof, Some(proof()));
    let bad = RequestDraft {
        address: Some(AddressForm {
            country: "AL".into(),
            ..address()
        }),
        ..draft
    };
    assert_eq!(
        fields(bad.parse(today()).unwrap_err()),
        vec![(Field::Country, Problem::CountryAlbania)]
    );
}

#[test]
fn submit_names_every_problem_of_every_step() {
    let v = submit().parse(today()).unwrap();
    assert_eq!(v.uploads.iter().count(), 3);
    let bad = SubmitRequest {
        idempotency_key: "short".into(),
        identity: IdentityForm {
            surname: String::new(),
            ..identity()
        },
        address: AddressForm {
            postal_code: "1".into(),
            ..address()
        },
        proof: ProofForm {
            shows_name_and_address: false,
            ..proof()
        },
        uploads: UploadsForm {
            proof_of_address: "nope".into(),
            ..uploads()
        },
        declaration: false,
    };
    assert_eq!(
        fields(bad.parse(today()).unwrap_err()),
        vec![
            (Field::IdempotencyKey, Problem::IdempotencyKeyInvalid),
            (Field::Surname, Problem::Required),
            (Field::PostalCode, Problem::PostalCodeInvalid),
            (Field::ProofDeclaration, Problem::DeclarationRequired),
            (Field::ProofOfAddress, Problem::UploadInvalid),
            (Field::Declaration, Problem::DeclarationRequired),
        ]
    );
}

#[test]
fn submit_wire_shape() {
    let json = serde_json::to_value(submit()).unwrap();
    assert_eq!(json["identity"]["document_type"], "id_card");
    assert_eq!(json["address"]["country"], "IT");
    assert_eq!(json["uploads"]["proof_of_address"], "3".repeat(32));
    let back: SubmitRequest = serde_json::from_value(json).unwrap();
    assert_eq!(back, submit());
    let partial: RequestDraft = serde_json::from_str(r#"{"address":{"country":"DE"}}"#).unwrap();
    assert_eq!(partial.address.unwrap().country, "DE");
}

#[test]
fn personal_data_never_prints() {
    let s = submit();
    let v = s.parse(today()).unwrap();
    let shown = format!("{s:?} {v:?} {:?}", v.address);
    for secret in ["J054", "Ëndra", "Çela", "Via Roma", "20121", "012345678"] {
        assert!(!shown.contains(secret), "{secret} leaked in {shown}");
    }
}
