//! The console's own texts: Albanian compiled in, the other languages in
//! `crates/client/public/i18n/review/{en,it,el,de}.json` (fetched when chosen).
//! Placeholders: `{n}` a number, `{x}` a text, `{a}`/`{b}` named texts.

use crate::wire::{MatchResult, QueueFlag, Role};
use leptos::prelude::*;
use per_client::i18n::use_lang;
use per_domain::{Field, Language, RejectionReason, RequestStatus};

per_client::text_table! {
    pub enum RKey; pub static REVIEW_CATALOG = "/public/i18n/review/";

    ConsoleName => "Konsola e shqyrtimit";
    SignInTitle => "Hyrja e zyrtarëve";
    SignInLead => "Vetëm për zyrtarët e KQZ-së. Çdo hyrje regjistrohet.";
    LoginLabel => "Emri i përdoruesit";
    PasswordLabel => "Fjalëkalimi";
    CodeLabel => "Kodi nga aplikacioni i vërtetimit";
    CodeHint => "6 shifra, ose një kod rezervë (xxxx-xxxx).";
    SignInButton => "Hyni";
    Sending => "Po dërgohet…";
    Loading => "Duke u ngarkuar…";
    ErrSignInFailed => "Hyrja nuk u krye. Kontrolloni emrin e përdoruesit, fjalëkalimin dhe kodin.";
    ErrSignedOut => "Keni dalë nga sistemi. Hyni përsëri.";
    ErrIdleSignedOut => "Dolët nga sistemi pas mosveprimit.";
    ErrAssignedToOther => "Këtë kërkesë e ka marrë një zyrtar tjetër.";
    ErrNotAssigned => "Merreni këtë kërkesë para se të vendosni.";
    ErrForbiddenRole => "Roli juaj nuk e lejon këtë veprim.";
    ErrWrongStatus => "Kjo kërkesë nuk lejon më këtë veprim (statusi ka ndryshuar).";
    ErrNotFound => "Kërkesa nuk u gjet.";
    ErrTooMany => "Shumë përpjekje. Provoni përsëri më vonë.";
    ErrNetwork => "Nuk u lidh me serverin. Kontrolloni lidhjen dhe provoni përsëri.";
    ErrInvalid => "Kontrolloni formularin: mungon diçka ose nuk është e saktë.";
    ErrReasonsNeeded => "Zgjidhni të paktën një arsye.";
    ErrNoteNeeded => "Shkruani një shënim.";
    ErrNoteTooLong => "Shënimi është më i gjatë se 2000 karaktere.";
    ErrOther => "Diçka nuk funksionoi. Provoni përsëri.";
    IdleWarning => "Do të dilni nga sistemi pas 2 minutash pa veprim.";
    StaySignedIn => "Qëndroni në sistem";
    SignOut => "Dilni";
    SignedInAs => "Jeni në sistem si {x}";
    RoleReviewer => "shqyrtues";
    RoleSupervisor => "mbikëqyrës";
    RoleAdministrator => "administrator";
    QueueTitle => "Kërkesat për shqyrtim";
    FiltersTitle => "Filtrat";
    FilterStatus => "Statusi";
    FilterZone => "Zona";
    FilterCountry => "Shteti (kodi me 2 shkronja)";
    FilterFlag => "Shenja";
    FilterMinAge => "Të paktën sa ditë në pritje";
    Any => "Të gjitha";
    ApplyFilters => "Zbatoni filtrat";
    ClearFilters => "Hiqni filtrat";
    QueueCount => "{n} kërkesa, më e vjetra e para";
    QueueEmpty => "Asnjë kërkesë nuk përputhet me filtrat.";
    ColReference => "Numri i referencës";
    ColStatus => "Statusi";
    ColSubmitted => "Dorëzuar";
    ColDue => "Afati (5 ditë)";
    ColZone => "Zona";
    ColCountry => "Shteti";
    ColFlags => "Shenjat";
    ColAssigned => "Marrë nga";
    DueIn => "afati pas {n} ditësh";
    DueToday => "afati sot";
    Overdue => "me vonesë";
    Nobody => "askush";
    PreviousPage => "Faqja e mëparshme";
    NextPage => "Faqja tjetër";
    PageOf => "Faqja {a} nga {b}";
    FlagDuplicate => "dublikatë e mundshme";
    FlagRegistryMismatch => "mospërputhje me regjistrin";
    FlagAssistedRoute => "rruga e asistuar";
    FlagExpiredDocument => "dokument i skaduar";
    StatusSubmitted => "Dorëzuar";
    StatusUnderReview => "Në shqyrtim";
    StatusApproved => "Miratuar";
    StatusRejected => "Refuzuar";
    StatusCorrectionRequested => "Kërkohet korrigjim";
    StatusWithdrawn => "Tërhequr";
    RequestTitle => "Kërkesa";
    BackToQueue => "Kthehuni te kërkesat";
    FaceTitle => "Fytyra dhe kontrolli i gjallërisë";
    FaceFrameAlt => "Pamja e fytyrës nga kontrolli me kamerë";
    FaceRouteLive => "Kontroll me kamerë";
    FaceRouteAssisted => "Rruga e asistuar (pa kamerë)";
    FacePassed => "Vendimi i serverit: kaloi";
    FaceFailed => "Vendimi i serverit: nuk kaloi";
    FaceNoVerdict => "Pa vendim të serverit";
    FaceReasons => "Arsyet";
    DocumentsTitle => "Dokumentet dhe vërtetimi i adresës";
    DocumentAlt => "Dokumenti {n}";
    Enlarge => "Zmadhoni dokumentin {n}";
    Shrink => "Zvogëloni dokumentin {n}";
    OpenPdf => "Hapni dokumentin {n} (PDF)";
    ProofKind => "Lloji i vërtetimit";
    DataTitle => "Të dhënat dhe regjistri civil";
    ColField => "Fusha";
    ColEntered => "Dhënë nga votuesi";
    ColRegistry => "Në regjistër";
    ColResult => "Rezultati";
    ResultMatch => "✓ përputhet";
    ResultMismatch => "✗ nuk përputhet";
    ResultNotFound => "? nuk u gjet në regjistër";
    IdentityTitle => "Identiteti, si u dha";
    AddressTitle => "Adresa jashtë vendit";
    DuplicatesTitle => "Kërkesa të mundshme të dyfishta";
    NoDuplicates => "Asnjë.";
    HistoryTitle => "Historiku";
    NoHistory => "Ende pa vendim.";
    HistoryLine => "{a}, nga {b}";
    TakeRequest => "Merreni këtë kërkesë";
    ReleaseRequest => "Lëshojeni kërkesën";
    TakenByYou => "E keni marrë ju këtë kërkesë (30 minuta).";
    TakenByOther => "E ka marrë {x}.";
    DecisionTitle => "Vendimi";
    DecisionApprove => "Miratoni";
    DecisionReject => "Refuzoni";
    DecisionCorrection => "Kërkoni korrigjim";
    ReasonsLegend => "Arsyet (një ose më shumë)";
    NoteLabel => "Shënim";
    NoteHint => "Votuesi nuk e sheh. Deri në 2000 karaktere.";
    SendDecision => "Dërgoni vendimin";
    DecisionSent => "Vendimi u regjistrua: {x}.";
    ReverseTitle => "Ndryshoni vendimin (mbikëqyrës)";
    ReverseNoteHint => "E detyrueshme: pse ndryshohet vendimi.";
    SendReverse => "Ndryshoni vendimin";
    ReasonAddressMismatch => "Adresa nuk përputhet me vërtetimin";
    ReasonProofUnreadable => "Vërtetimi i adresës nuk lexohet";
    ReasonIdentityMismatch => "Të dhënat nuk përputhen me dokumentin ose regjistrin";
    ReasonFaceMismatch => "Fytyra nuk përputhet me dokumentin";
    ReasonDocumentUnreadable => "Fotografia e dokumentit nuk lexohet";
    ReasonNotEligible => "Nuk ka të drejtë";
    ReasonDuplicate => "Kërkesë e dyfishtë";
    FieldDocumentType => "Lloji i dokumentit";
    FieldDocumentNumber => "Numri i dokumentit";
    FieldDocumentExpiry => "Data e skadimit";
    FieldFirstName => "Emri";
    FieldSurname => "Mbiemri";
    FieldFatherName => "Atësia";
    FieldDateOfBirth => "Datëlindja";
    FieldPlaceOfBirth => "Vendlindja";
    FieldSex => "Gjinia";
    FieldPersonalNumber => "Numri personal (NID)";
    FieldCountry => "Shteti";
    FieldCity => "Qyteti";
    FieldPostalCode => "Kodi postar";
    FieldStreet => "Rruga dhe numri";
    FieldApartment => "Apartamenti";
    FieldCareOf => "Në kujdes të (c/o)";
}

/// The text of `key` in `lang`.
pub fn rt(lang: Language, key: RKey) -> String {
    REVIEW_CATALOG.raw(lang, key as usize).to_owned()
}

/// A reactive text for `key`, for `view!`.
pub fn rtr(key: RKey) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || rt(lang.get(), key)
}

pub fn status_key(s: RequestStatus) -> RKey {
    match s {
        RequestStatus::Submitted => RKey::StatusSubmitted,
        RequestStatus::UnderReview => RKey::StatusUnderReview,
        RequestStatus::Approved => RKey::StatusApproved,
        RequestStatus::Rejected => RKey::StatusRejected,
        RequestStatus::CorrectionRequested => RKey::StatusCorrectionRequested,
        RequestStatus::Withdrawn => RKey::StatusWithdrawn,
    }
}

pub fn flag_key(f: QueueFlag) -> RKey {
    match f {
        QueueFlag::Duplicate => RKey::FlagDuplicate,
        QueueFlag::RegistryMismatch => RKey::FlagRegistryMismatch,
        QueueFlag::AssistedRoute => RKey::FlagAssistedRoute,
        QueueFlag::ExpiredDocument => RKey::FlagExpiredDocument,
    }
}

pub fn reason_key(r: RejectionReason) -> RKey {
    match r {
        RejectionReason::AddressMismatch => RKey::ReasonAddressMismatch,
        RejectionReason::ProofOfAddressUnreadable => RKey::ReasonProofUnreadable,
        RejectionReason::IdentityMismatch => RKey::ReasonIdentityMismatch,
        RejectionReason::FaceMismatch => RKey::ReasonFaceMismatch,
        RejectionReason::DocumentUnreadable => RKey::ReasonDocumentUnreadable,
        RejectionReason::NotEligible => RKey::ReasonNotEligible,
        RejectionReason::Duplicate => RKey::ReasonDuplicate,
    }
}

pub fn role_key(r: Role) -> RKey {
    match r {
        Role::Reviewer => RKey::RoleReviewer,
        Role::Supervisor => RKey::RoleSupervisor,
        Role::Administrator => RKey::RoleAdministrator,
    }
}

pub fn result_key(r: MatchResult) -> RKey {
    match r {
        MatchResult::Match => RKey::ResultMatch,
        MatchResult::Mismatch => RKey::ResultMismatch,
        MatchResult::NotFound => RKey::ResultNotFound,
    }
}

/// The label of a field the console shows; `None` for one it has no label of its own for
/// (its wire name is shown).
pub fn field_key(f: Field) -> Option<RKey> {
    Some(match f {
        Field::DocumentType => RKey::FieldDocumentType,
        Field::DocumentNumber => RKey::FieldDocumentNumber,
        Field::DocumentExpiry => RKey::FieldDocumentExpiry,
        Field::FirstName => RKey::FieldFirstName,
        Field::Surname => RKey::FieldSurname,
        Field::FatherName => RKey::FieldFatherName,
        Field::DateOfBirth => RKey::FieldDateOfBirth,
        Field::PlaceOfBirth => RKey::FieldPlaceOfBirth,
        Field::Sex => RKey::FieldSex,
        Field::PersonalNumber => RKey::FieldPersonalNumber,
        Field::Country => RKey::FieldCountry,
        Field::City => RKey::FieldCity,
        Field::PostalCode => RKey::FieldPostalCode,
        Field::Street => RKey::FieldStreet,
        Field::Apartment => RKey::FieldApartment,
        Field::CareOf => RKey::FieldCareOf,
        Field::ProofKind => RKey::ProofKind,
        _ => return None,
    })
}

/// The label of `f` in `lang`.
pub fn field_label(lang: Language, f: Field) -> String {
    field_key(f).map_or_else(|| f.code().to_owned(), |k| rt(lang, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(lang: Language) -> &'static str {
        match lang {
            Language::Sq => "{}",
            Language::En => include_str!("../../../crates/client/public/i18n/review/en.json"),
            Language::It => include_str!("../../../crates/client/public/i18n/review/it.json"),
            Language::El => include_str!("../../../crates/client/public/i18n/review/el.json"),
            Language::De => include_str!("../../../crates/client/public/i18n/review/de.json"),
        }
    }

    #[test]
    fn every_language_file_has_exactly_the_keys_of_the_console() {
        let names: Vec<&str> = REVIEW_CATALOG.names().collect();
        assert_eq!(names.len(), RKey::ALL.len());
        assert_eq!(REVIEW_CATALOG.albanian().count(), RKey::ALL.len());
        for &key in RKey::ALL {
            assert_eq!(names[key as usize], format!("{key:?}"));
        }
        for lang in &Language::ALL[1..] {
            assert_eq!(
                REVIEW_CATALOG.file_problems(*lang, json(*lang)),
                Vec::<String>::new()
            );
            assert!(REVIEW_CATALOG.parse(json(*lang)).is_some(), "{lang:?}");
        }
    }

    #[test]
    fn every_reason_status_and_flag_has_a_text() {
        for lang in &Language::ALL[1..] {
            REVIEW_CATALOG.install(*lang, json(*lang)).unwrap();
        }
        for r in RejectionReason::ALL {
            assert!(!rt(Language::En, reason_key(r)).is_empty());
        }
        for s in RequestStatus::ALL {
            assert!(!rt(Language::De, status_key(s)).is_empty());
        }
        for f in QueueFlag::ALL {
            assert!(!rt(Language::El, flag_key(f)).is_empty());
        }
        assert_eq!(rt(Language::En, RKey::TakeRequest), "Take this request");
        assert_eq!(field_label(Language::Sq, Field::City), "Qyteti");
    }
}
