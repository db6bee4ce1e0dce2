//! The request pages' own texts: Albanian compiled in, the other languages in
//! `crates/client/public/i18n/request/{en,it,el,de}.json` (fetched when chosen). Only this
//! entry links them; the shared texts (labels the thin identity step had, problems, statuses)
//! stay in `crate::i18n::CATALOG`. Placeholders: `{n}` a number.

crate::text_table! {
    pub enum RKey; pub static REQUEST = "/public/i18n/request/";
    SaveAndCheck => "Ruani dhe kthehuni te përgjigjet";
    DraftKept => "Çdo përgjigje ruhet: mund të ndaleni dhe të vazhdoni më vonë, edhe në një pajisje tjetër.";
    DocumentTitle => "Dokumenti juaj i identitetit";
    DocumentLead => "Shkruajini të dhënat siç janë në dokument.";
    DocumentTypeLegend => "Çfarë dokumenti shqiptar keni?";
    DocIdCard => "Kartë identiteti";
    DocPassport => "Pasaportë";
    DocumentNumberLabel => "Numri i dokumentit";
    DocumentNumberHint => "Karta e identitetit: 9 shkronja dhe shifra. Pasaporta: 2 shkronja dhe 7 shifra, p.sh. BA1234567.";
    ExpiryLabel => "Data e skadimit të dokumentit";
    ExpiryHint => "Siç është në dokument. Pranohet edhe një dokument i skaduar.";
    ExpiredNotice => "Dokumenti juaj ka skaduar. Kërkesa pranohet, por rinovojeni dokumentin sa më shpejt.";
    NameTitle => "Emri juaj";
    NameLead => "Siç është në dokument, me të gjitha shkronjat (ë, ç).";
    FatherNameLabel => "Emri i babait";
    BirthTitle => "Lindja dhe gjinia";
    PlaceOfBirthLabel => "Vendlindja";
    PlaceOfBirthHint => "Qyteti ose fshati, siç është në dokument";
    PersonalNumberTitle => "Numri juaj personal";
    PersonalNumberLead => "Numri personal (NID) është në kartën e identitetit dhe në pasaportë. Ai përmban datëlindjen dhe gjininë tuaj.";
    PhotoTitle => "Fotografia e dokumentit";
    PhotoLead => "Bëni një fotografi me kamerën ose ngarkoni një skedar JPEG, PNG ose PDF deri në 5 MB. Çdo shkronjë duhet të lexohet.";
    PhotoNeedsDocument => "Zgjidhni fillimisht llojin e dokumentit.";
    UploadIdCardFront => "Ana e përparme e kartës së identitetit";
    UploadIdCardBack => "Ana e pasme e kartës së identitetit";
    UploadPassportPage => "Faqja e pasaportës me fotografinë tuaj";
    UploadProofOfAddress => "Dokumenti i adresës";
    UseCamera => "Bëni fotografinë me kamerën";
    ChooseFile => "Ose zgjidhni një skedar (JPEG, PNG, PDF, deri në 5 MB)";
    Uploading => "Po ngarkohet: {n}%";
    Uploaded => "Ngarkuar";
    UploadFailed => "Ngarkimi nuk përfundoi. Përgjigjet e tjera ruhen: provoni përsëri.";
    RetryUpload => "Ngarkojeni përsëri";
    TakeDocumentPicture => "Bëni fotografinë";
    CameraDocumentGuide => "Vendoseni dokumentin mbi një sipërfaqe të errët, me dritë të mirë dhe pa shkëlqim.";
    AddressTitle => "Adresa juaj jashtë vendit";
    AddressLead => "Fleta e votimit do t'ju dërgohet me postë në këtë adresë. Duhet të jetë e njëjtë me atë të dokumentit të adresës.";
    CountryLabel => "Shteti ku jetoni";
    CountryHint => "Shqipëria nuk është në listë: ky shërbim është për zgjedhësit jashtë vendit.";
    ChooseCountry => "Zgjidhni shtetin";
    CityLabel => "Qyteti";
    PostalCodeLabel => "Kodi postar";
    PostalCodeHint => "Siç shkruhet në shtetin ku jetoni, p.sh. 20121 në Itali";
    StreetLabel => "Rruga dhe numri";
    ApartmentLabel => "Apartamenti, shkalla ose kati (nëse ka)";
    CareOfLabel => "Në kujdes të (c/o, nëse ka)";
    ProofTitle => "Dokumenti që vërteton adresën";
    ProofLead => "Ngarkoni një dokument që tregon emrin tuaj dhe adresën që shkruat. Kjo është arsyeja më e shpeshtë e refuzimit: kontrollojeni mirë.";
    ProofKindLegend => "Çfarë dokumenti do të ngarkoni?";
    ProofPropertyCertificate => "Certifikatë pronësie";
    ProofResidenceDocument => "Dokument qëndrimi i lëshuar me adresën";
    ProofRentalContract => "Kontratë qiraje";
    ProofBankDocument => "Dokument bankar me adresën";
    ProofUtilityBill => "Kontratë ose faturë e dritave, ujit, gazit ose telefonit";
    ProofKindHint => "Pranohen vetëm këto dokumente, dhe vetëm nëse tregojnë emrin tuaj dhe adresën që shkruat.";
    RefusedTitle => "Nuk pranohen";
    RefusedLead => "Këto nuk vërtetojnë se ku jetoni:";
    RefusedPermit => "leje qëndrimi pa adresë";
    RefusedLicence => "patentë shoferi pa adresë";
    RefusedMap => "pamje ekrani nga hartat";
    ProofDeclaration => "Deklaroj se dokumenti tregon emrin tim dhe këtë adresë";
    CheckTitle => "Kontrolloni përgjigjet para se t'i dërgoni";
    Change => "Ndryshoni";
    NotAnswered => "Pa përgjigje";
    SectionIdentity => "Të dhënat personale";
    SectionPhotos => "Fotografitë e dokumentit";
    SectionAddress => "Adresa jashtë vendit";
    CheckDeclarationTitle => "Deklarata";
    CheckDeclaration => "Deklaroj se përgjigjet e mia janë të vërteta dhe të plota";
    Yes => "Po";
    WindowClosedTitle => "Regjistrimi është i mbyllur";
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_domain::Language;

    fn json(lang: Language) -> &'static str {
        match lang {
            Language::Sq => "{}",
            Language::En => include_str!("../../public/i18n/request/en.json"),
            Language::It => include_str!("../../public/i18n/request/it.json"),
            Language::El => include_str!("../../public/i18n/request/el.json"),
            Language::De => include_str!("../../public/i18n/request/de.json"),
        }
    }

    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let names: Vec<&str> = REQUEST.names().collect();
        assert_eq!(names.len(), RKey::ALL.len());
        assert_eq!(REQUEST.albanian().count(), RKey::ALL.len());
        for &key in RKey::ALL {
            assert_eq!(names[key as usize], format!("{key:?}"));
        }
        for lang in &Language::ALL[1..] {
            assert_eq!(
                REQUEST.file_problems(*lang, json(*lang)),
                Vec::<String>::new()
            );
            let texts = REQUEST.parse(json(*lang)).unwrap();
            assert_ne!(
                texts[RKey::Change as usize].as_ref(),
                "Ndryshoni",
                "{lang:?} is translated"
            );
        }
    }

    #[test]
    fn no_key_is_also_a_shared_key() {
        for name in REQUEST.names() {
            assert!(
                !crate::i18n::CATALOG.names().any(|n| n == name),
                "{name} is in both tables"
            );
            assert!(!crate::i18n::FRAME.names().any(|n| n == name), "{name}");
        }
    }
}
