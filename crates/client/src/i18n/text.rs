//! The registration pages' text table (the page frame's is [`super::frame`]). Albanian is compiled in (below); English, Italian, Greek and German are the JSON files
//! `public/i18n/{en,it,el,de}.json`, the source of those texts (the tests check them against
//! this table).

use super::catalog::LoadFailed;
use per_domain::Language;

crate::text_table! {
    pub enum Key; pub static CATALOG = "/public/i18n/";

    // ---- layout
    Continue => "Vazhdoni";
    Loading => "Duke u ngarkuar…";
    // ---- start
    StartTitle => "Regjistrohuni për të votuar nga jashtë vendit";
    StartLead => "Nëse jetoni jashtë Shqipërisë, mund të regjistroheni për të votuar me postë në zgjedhjet parlamentare.";
    StartNeedTitle => "Çfarë ju nevojitet";
    NeedId => "kartë identiteti ose pasaportë shqiptare";
    NeedPhone => "një numër celulari jashtë Shqipërisë";
    NeedEmail => "një adresë e-maili";
    NeedCamera => "një pajisje me kamerë";
    NeedProof => "një dokument që vërteton adresën tuaj jashtë vendit";
    CreateAccount => "Krijoni llogari";
    HaveAccount => "Keni tashmë një llogari?";
    SignIn => "Hyni";
    CheckSeats => "Shikoni shpërndarjen e mandateve";
    // ---- results
    ResultsTitle => "Shpërndarja e mandateve";
    ResultsComing => "Kjo faqe do të jetë gati së shpejti.";
    // ---- contact
    ContactTitle => "Si mund t'ju kontaktojmë?";
    ContactLead => "Do t'ju dërgojmë një kod me SMS dhe një kod me e-mail, për të verifikuar të dyja.";
    PhoneLabel => "Numri i celularit";
    PhoneHint => "Me kodin e shtetit, p.sh. +39 312 345 6789. Numrat shqiptarë (+355) nuk pranohen.";
    EmailLabel => "Adresa e e-mailit";
    EmailHint => "P.sh. emri@shembull.com";
    SendCodes => "Dërgoni kodet";
    // ---- verify
    VerifyTitle => "Shkruani kodet që ju dërguam";
    VerifyLead => "Çdo kod ka {code_len} shifra dhe është i vlefshëm për 10 minuta.";
    PhoneCodeLabel => "Kodi nga SMS-ja";
    EmailCodeLabel => "Kodi nga e-maili";
    SentTo => "Dërguar te {x}";
    MaskedPhone => "numri që mbaron me {x}";
    MaskedEmail => "adresa që fillon me {a}, në {b}";
    ResendPhone => "Dërgoni përsëri kodin me SMS";
    ResendEmail => "Dërgoni përsëri kodin me e-mail";
    ResendPhoneIn => "Dërgoni përsëri kodin me SMS {x}";
    ResendEmailIn => "Dërgoni përsëri kodin me e-mail {x}";
    CodeResent => "U dërgua një kod i ri.";
    Verified => "Verifikuar";
    VerifyButton => "Verifikoni";
    NoSignup => "Nuk e gjetëm regjistrimin tuaj në këtë shfletues.";
    StartAgain => "Filloni nga e para";
    // ---- password
    PasswordTitle => "Zgjidhni një fjalëkalim";
    PasswordLabel => "Fjalëkalimi";
    PasswordHint => "Të paktën {pw_min} karaktere. Mund të përdorni një frazë ose një menaxher fjalëkalimesh.";
    ShowPassword => "Shfaqni fjalëkalimin";
    // ---- face
    FaceTitle => "Fotografia e fytyrës";
    FaceWhy => "E krahasojmë fytyrën tuaj me fotografinë e dokumentit, që askush të mos regjistrohet në emrin tuaj.";
    FaceHow => "Qëndroni në një vend me dritë dhe hiqni syzet e errëta ose kapelën. Shfletuesi do t'ju kërkojë leje për kamerën.";
    StartCamera => "Hapni kamerën";
    CameraStarting => "Po hapet kamera…";
    FaceGuide => "Mbajeni fytyrën brenda ovalit dhe bëni fotografinë";
    PromptLookStraight => "Shikoni drejt kamerës dhe mbajeni fytyrën brenda ovalit";
    TakePicture => "Bëni fotografinë";
    Sending => "Po dërgohet…";
    CameraDenied => "Kamera nuk u lejua ose nuk u gjet. Mund ta lejoni në cilësimet e shfletuesit dhe të provoni përsëri.";
    CameraNotReady => "Kamera nuk është ende gati. Prisni një çast dhe provoni përsëri.";
    FaceRejected => "Fotografia nuk u pranua. Provoni përsëri me më shumë dritë.";
    AssistedTitle => "Nuk mund të përdorni kamerën?";
    AssistedBody => "Mund të verifikoheni në një telefonatë video me KQZ-në ose në një takim në konsullatën shqiptare më të afërt. Llogaria dhe përgjigjet tuaja ruhen.";
    TryAgain => "Provoni përsëri";
    ProblemChallengeInvalid => "Sfida e kontrollit me kamerë nuk është e vlefshme. Nisni kontrollin përsëri.";
    ErrBusyIn => "Shërbimi është i zënë. Provoni përsëri {x}.";
    StartCheck => "Nisni kontrollin";
    CheckIntro => "Do t'ju kërkojmë tri lëvizje të shkurtra. Ndiqni secilën sa kohë shfaqet.";
    StepTurnLeft => "Ktheni kokën ngadalë majtas";
    StepTurnRight => "Ktheni kokën ngadalë djathtas";
    StepCloser => "Afrojeni fytyrën te kamera";
    StepBlink => "Mbyllni dhe hapni sytë";
    StepDone => "u bë";
    FaceHintOval => "Lëvizni që fytyra të jetë brenda ovalit";
    FaceHintCloser => "Afrohuni pak";
    FaceHintNone => "Fytyra nuk shihet. Shikoni kamerën";
    FaceHintSeveral => "Duhet të jeni vetëm në kamerë";
    FaceAnalysisLoading => "Po ngarkohet kontrolli në pajisjen tuaj…";
    FaceChecking => "Po kontrollojmë fotografitë…";
    FaceReasonNone => "Fytyra nuk u pa në çdo fotografi. Mbajeni brenda ovalit gjatë gjithë kontrollit.";
    FaceReasonSeveral => "U pa më shumë se një fytyrë. Sigurohuni që jeni vetëm në kamerë.";
    FaceReasonOval => "Fytyra doli nga ovali. Mbajeni në qendër dhe lëvizni ngadalë.";
    FaceReasonSmall => "Fytyra ishte shumë larg. Afrohuni që të mbushë ovalin.";
    FaceReasonStep => "Një nga lëvizjet nuk u pa. Ndiqni secilën sa kohë shfaqet.";
    FaceReasonFlat => "Fotografitë dukeshin si të një fotografie, jo të një fytyre të gjallë. Përdorni fytyrën tuaj, drejtpërdrejt para kamerës.";
    FaceReasonOther => "Kontrolli nuk mundi t'i përdorte fotografitë. Provoni përsëri.";
    FaceTriesLeft => "Përpjekje të mbetura: {n}.";
    CheckFailedAssisted => "Kontrolli me kamerë nuk kaloi tri herë. Mund të vazhdoni me rrugën e asistuar më poshtë.";
    AssistedContinue => "Vazhdoni me telefonatë video ose takim në konsullatë";
    // ---- identity
    IdentityTitle => "Të dhënat tuaja personale";
    IdentityLead => "Shkruajini siç janë në kartën e identitetit ose në pasaportë.";
    DraftSaved => "Përgjigjet ruhen në këtë skedë të shfletuesit derisa ta mbyllni ose të dilni nga llogaria.";
    PersonalNumberLabel => "Numri personal (NID)";
    PersonalNumberHint => "10 karaktere, p.sh. J90415123A";
    FirstNameLabel => "Emri";
    SurnameLabel => "Mbiemri";
    DobLabel => "Datëlindja";
    DobHint => "Siç është në dokument";
    SexLegend => "Gjinia";
    SexHint => "Siç është në dokument";
    SexF => "Femër";
    SexM => "Mashkull";
    SubmitRequest => "Dërgoni kërkesën";
    // ---- done
    DoneTitle => "Kërkesa u dërgua";
    DoneReference => "Numri i referencës";
    DoneKeep => "Ruajeni këtë numër: ju duhet nëse kontaktoni KQZ-në.";
    NextTitle => "Çfarë ndodh më pas";
    NextBody => "KQZ-ja vendos brenda 5 ditëve. Do t'ju njoftojmë me e-mail dhe me SMS.";
    // ---- my request
    MyRequestTitle => "Kërkesa ime";
    ReferenceLabel => "Numri i referencës";
    StatusLabel => "Gjendja";
    SubmittedAt => "Dërguar më";
    DecidedAt => "Vendosur më";
    ReasonsTitle => "Arsyet";
    FixAnswer => "Korrigjoni këtë përgjigje";
    CorrectionLead => "KQZ-ja ju kërkon të korrigjoni përgjigjet tuaja.";
    CorrectAnswers => "Korrigjoni përgjigjet";
    ApplyAgainLead => "Mund të aplikoni përsëri para afatit të regjistrimit.";
    ApplyAgain => "Aplikoni përsëri";
    NoRequest => "Nuk keni dërguar ende një kërkesë.";
    ContinueRegistration => "Vazhdoni regjistrimin";
    NotSignedIn => "Nuk keni hyrë në llogari. Hyni për të parë kërkesën tuaj.";
    SignOut => "Dilni";
    // ---- sign in
    SignInTitle => "Hyni në llogarinë tuaj";
    LoginLabel => "E-maili ose numri i celularit";
    LoginHint => "Numri me kodin e shtetit, p.sh. +39 312 345 6789";
    NoAccount => "Nuk keni llogari?";
    // ---- the idle warning of signed-in pages (idle.rs)
    IdleTitle => "Dëshironi të qëndroni në llogari?";
    IdleBody => "Nuk e keni përdorur shërbimin për një kohë. Për të mbrojtur të dhënat tuaja, do të dilni nga llogaria {x}.";
    IdleFinal => "Për sigurinë tuaj, një seancë ka një kohëzgjatje maksimale: do të dilni nga llogaria {x}. Hapat e përfunduar ruhen; pastaj hyni përsëri.";
    IdleStay => "Qëndroni në llogari";
    IdleUnderstood => "E kuptova";
    IdleEndedTitle => "Dolët nga llogaria";
    IdleEndedBody => "Për të mbrojtur të dhënat tuaja, dolët nga llogaria pas një kohe pa aktivitet. Hapat që keni përfunduar janë ruajtur: hyni përsëri për të vazhduar.";
    // ---- errors from the server or the network
    ErrNetwork => "Nuk ka lidhje. Përgjigjet tuaja ruhen: provoni përsëri.";
    ErrServer => "Ndodhi një gabim nga ana jonë. Përgjigjet tuaja ruhen: provoni përsëri pas pak.";
    ErrCodeWrong => "Kodi është i gabuar.";
    ErrCodeWrongLeft => "Kodi është i gabuar. Përpjekje të mbetura: {n}.";
    ErrCodeExpired => "Kodi ka skaduar ose është përdorur. Kërkoni një kod të ri.";
    ErrTooMany => "Shumë përpjekje. Provoni përsëri më vonë.";
    ErrTooManyIn => "Shumë përpjekje. Provoni përsëri {x}.";
    SmsLaterNotice => "Tani nuk mund të dërgojmë SMS, kështu që kodi për telefonin nuk do të vijë ende. Konfirmoni fillimisht adresën e e-mailit me kodin që ju dërguam atje; pas pak kërkoni një kod të ri për telefonin.";
    ErrSmsLaterIn => "Tani nuk mund të dërgojmë SMS. Konfirmoni fillimisht adresën e e-mailit me kodin që ju dërguam; kërkoni kodin me SMS përsëri {x}.";
    ErrUploadInProgress => "Një ngarkim tjetër është ende në kontroll. Prisni që të përfundojë dhe provoni përsëri.";
    ErrUnauthorized => "Seanca juaj ka përfunduar ose nuk është e vlefshme. Hyni përsëri.";
    ErrBadCredentials => "E-maili, numri ose fjalëkalimi është i gabuar.";
    ErrAlreadyRegistered => "Ky numër ose ky e-mail ka tashmë një llogari. Hyni në llogari.";
    ErrStepMissing => "Mungon një hap: bëni fotografinë e fytyrës para se të dërgoni kërkesën.";
    ErrCodesNotVerified => "Verifikoni të dy kodet para se të zgjidhni fjalëkalimin.";
    ErrFaceTooSlow => "Fotografia zgjati shumë. Bëjeni përsëri.";
    ErrSignupExpired => "Regjistrimi juaj ka skaduar. Filloni nga e para.";
    ErrRequestExists => "Keni tashmë një kërkesë të hapur. Shikoni kërkesën tuaj.";
    ErrNotFound => "Nuk u gjet.";
    ErrWindowClosed => "Regjistrimi nuk është i hapur tani. Shikoni datat në faqen kryesore.";
    ErrKeyReused => "Kjo kërkesë u dërgua tashmë me përgjigje të tjera. Ringarkoni faqen dhe kontrolloni përgjigjet.";
    ErrRequestNotActive => "Kjo kërkesë nuk është më aktive: është refuzuar ose tërhequr.";
    // ---- the complete request (issue 9): window, withdrawal, new problems and fields
    WithdrawTitle => "Tërhiqni kërkesën";
    WithdrawLead => "Nëse e tërhiqni, votoni në Shqipëri si zakonisht. Mund të aplikoni përsëri para afatit.";
    Withdraw => "Tërhiqeni kërkesën";
    WithdrawConfirmLead => "Jeni të sigurt që doni ta tërhiqni kërkesën?";
    WithdrawConfirm => "Po, tërhiqeni";
    WithdrawCancel => "Jo, mbajeni";
    DocumentExpiredNote => "Dokumenti juaj i identitetit kishte skaduar kur dërguat kërkesën.";
    ApprovedNext => "Jeni në listën e zgjedhësve jashtë vendit. Fleta e votimit do t'ju dërgohet me postë në adresën tuaj.";
    WindowClosed => "Regjistrimi është mbyllur: nuk mund të dërgohen kërkesa të reja.";
    WindowClosesDays => "Ditë deri në mbylljen e regjistrimit: {n}";
    WindowClosesHours => "Orë deri në mbylljen e regjistrimit: {n}";
    WindowOpensDays => "Ditë deri në hapjen e regjistrimit: {n}";
    WindowOpensHours => "Orë deri në hapjen e regjistrimit: {n}";
    RequiredDocumentType => "Zgjidhni llojin e dokumentit";
    RequiredDocumentNumber => "Shkruani numrin e dokumentit";
    RequiredFatherName => "Shkruani emrin e babait";
    RequiredPlaceOfBirth => "Shkruani vendlindjen";
    RequiredDocumentExpiry => "Shkruani datën e skadimit të dokumentit";
    RequiredCountry => "Zgjidhni shtetin ku jetoni tani";
    RequiredCity => "Shkruani qytetin";
    RequiredPostalCode => "Shkruani kodin postar";
    RequiredStreet => "Shkruani rrugën dhe numrin";
    RequiredProofKind => "Zgjidhni llojin e dokumentit të adresës";
    RequiredIdCardFront => "Ngarkoni anën e përparme të kartës";
    RequiredIdCardBack => "Ngarkoni anën e pasme të kartës";
    RequiredPassportPage => "Ngarkoni faqen e pasaportës me fotografinë";
    RequiredProofOfAddress => "Ngarkoni dokumentin e adresës";
    RequiredProofDeclaration => "Konfirmoni që dokumenti tregon emrin tuaj dhe këtë adresë";
    RequiredDeclaration => "Konfirmoni që përgjigjet janë të vërteta dhe të plota";
    // ---- waits (see wait())
    WaitSecond => "pas {n} sekonde";
    WaitSeconds => "pas {n} sekondash";
    WaitMinutes => "pas {n} minutash";
    // ---- request statuses
    StatusSubmitted => "Dërguar";
    StatusUnderReview => "Në shqyrtim";
    StatusApproved => "Miratuar";
    StatusRejected => "Refuzuar";
    StatusCorrectionRequested => "Kërkohet korrigjim";
    StatusWithdrawn => "Tërhequr";
    // ---- rejection reasons
    ReasonAddressMismatch => "Adresa e deklaruar nuk përputhet me dokumentin e adresës.";
    ReasonProofUnreadable => "Dokumenti i adresës nuk lexohet.";
    ReasonIdentityMismatch => "Të dhënat personale nuk përputhen me regjistrin civil.";
    ReasonFaceMismatch => "Fotografia e fytyrës nuk përputhet me dokumentin.";
    ReasonDocumentUnreadable => "Dokumenti i identitetit nuk lexohet.";
    ReasonNotEligible => "Nuk i plotësoni kushtet për të votuar nga jashtë vendit.";
    ReasonDuplicate => "Ekziston tashmë një kërkesë për këtë person.";
    // ---- input problems, when the field is not known (see form::Field for the field-specific ones)
    ProblemRequired => "Kjo fushë është e detyrueshme";
    ProblemTooLong => "Kjo fushë është shumë e gjatë";
    ProblemPhoneNeedsCountryCode => "Shkruani numrin në formë ndërkombëtare, duke filluar me + dhe kodin e shtetit";
    ProblemPhoneInvalid => "Shkruani një numër celulari të vlefshëm, p.sh. +39 312 345 6789";
    ProblemPhoneCountryNotAccepted => "Numrat e këtij shteti nuk mund të përdoren: shkruani një numër celulari të një shteti tjetër";
    ProblemPhoneAlbanian => "Një numër shqiptar (+355) nuk mund të përdoret: ky shërbim është për zgjedhësit që jetojnë jashtë vendit";
    ProblemEmailInvalid => "Shkruani një adresë e-maili të vlefshme, p.sh. emri@shembull.com";
    ProblemPasswordTooShort => "Fjalëkalimi duhet të ketë të paktën {pw_min} karaktere";
    ProblemPasswordTooLong => "Fjalëkalimi duhet të ketë më së shumti {pw_max} karaktere";
    ProblemPasswordTooCommon => "Ky fjalëkalim është shumë i zakonshëm: zgjidhni një tjetër";
    ProblemPasswordHasContact => "Fjalëkalimi nuk duhet të përmbajë numrin tuaj të telefonit ose adresën e e-mailit";
    ProblemCodeInvalid => "Kodi ka {code_len} shifra";
    ProblemNameInvalid => "Përdorni vetëm shkronja, hapësira, viza dhe apostrofa";
    ProblemDateInvalid => "Shkruani një datë të vlefshme";
    ProblemDateInFuture => "Data duhet të jetë në të kaluarën";
    ProblemPersonalNumberInvalid => "Numri personal ka 10 karaktere, p.sh. J90415123A, siç është në dokument";
    ProblemPersonalNumberDateMismatch => "Numri personal nuk përputhet me datëlindjen";
    ProblemPersonalNumberSexMismatch => "Numri personal nuk përputhet me gjininë";
    ProblemSexInvalid => "Zgjidhni femër ose mashkull, siç është në dokument";
    ProblemLanguageInvalid => "Gjuhë e panjohur";
    ProblemChannelInvalid => "Kanal i panjohur";
    ProblemTokenInvalid => "Lidhja ose seanca nuk është e vlefshme: filloni përsëri";
    ProblemIdempotencyKeyInvalid => "Çelësi i dërgimit nuk është i vlefshëm: ringarkoni faqen";
    ProblemFrameMissing => "Nuk u mor asnjë fotografi nga kamera";
    ProblemFrameTooMany => "Shumë fotografi nga kamera";
    ProblemFrameInvalid => "Fotografia e kamerës nuk është imazh JPEG";
    ProblemFrameTooLarge => "Fotografia e kamerës është shumë e madhe";
    ProblemReferenceInvalid => "Numri i referencës nuk është i vlefshëm";
    ProblemDocumentTypeInvalid => "Zgjidhni kartë identiteti ose pasaportë";
    ProblemDocumentNumberInvalid => "Shkruani numrin e dokumentit siç është shtypur: 9 shkronja dhe shifra në kartën e identitetit, 2 shkronja dhe 7 shifra në pasaportë";
    ProblemPlaceInvalid => "Përdorni shkronja, shifra, hapësira dhe shenjat e zakonshme të pikësimit të një emri vendi";
    ProblemDateBeforeBirth => "Data duhet të jetë pas datëlindjes";
    ProblemCountryInvalid => "Zgjidhni shtetin ku jetoni";
    ProblemCountryAlbania => "Ky shërbim është për zgjedhësit që jetojnë jashtë vendit: adresa nuk mund të jetë në Shqipëri";
    ProblemPostalCodeInvalid => "Shkruani kodin postar siç shkruhet në shtetin ku jetoni";
    ProblemAddressInvalid => "Përdorni shkronja, shifra, hapësira dhe shenjat e zakonshme të pikësimit të një adrese";
    ProblemProofKindInvalid => "Zgjidhni një nga llojet e pranuara të dokumentit";
    ProblemDeclarationRequired => "Konfirmoni deklaratën për të vazhduar";
    ProblemUploadMissing => "Ngarkoni këtë dokument";
    ProblemUploadInvalid => "Ky skedar nuk njihet: ngarkojeni dokumentin përsëri";
    ProblemUploadKindInvalid => "Lloj i panjohur ngarkimi dokumenti";
    ProblemUploadTypeUnsupported => "Ngarkoni një fotografi JPEG ose PNG ose një skedar PDF";
    ProblemUploadTooLarge => "Skedari është më i madh se 5 MB";
    ProblemUploadDimensions => "Fotografia është shumë e vogël për t'u lexuar, ose shumë e madhe";
    ProblemUploadCorrupt => "Skedari është i dëmtuar ose i paplotë: ngarkojeni përsëri";
    ProblemUploadTooMany => "Shumë ngarkime: kontaktoni KQZ-në nëse duhet të dërgoni më shumë";
    // ---- input problems said about one field (form::Field::problem_key)
    RequiredPhone => "Shkruani numrin e celularit";
    RequiredEmail => "Shkruani adresën e e-mailit";
    RequiredPhoneCode => "Shkruani kodin nga SMS-ja";
    RequiredEmailCode => "Shkruani kodin nga e-maili";
    RequiredPassword => "Shkruani fjalëkalimin";
    RequiredLogin => "Shkruani e-mailin ose numrin e celularit";
    RequiredPersonalNumber => "Shkruani numrin personal (NID)";
    RequiredFirstName => "Shkruani emrin";
    RequiredSurname => "Shkruani mbiemrin";
    RequiredDateOfBirth => "Shkruani datëlindjen";
    RequiredSex => "Zgjidhni gjininë";
    TooLongPhone => "Numri i celularit është shumë i gjatë";
    TooLongEmail => "Adresa e e-mailit është shumë e gjatë";
    TooLongLogin => "E-maili ose numri është shumë i gjatë";
    TooLongFirstName => "Emri është shumë i gjatë";
    TooLongSurname => "Mbiemri është shumë i gjatë";
    DateOfBirthInvalid => "Data e lindjes duhet të jetë një datë e vlefshme";
    DateOfBirthInFuture => "Data e lindjes duhet të jetë në të kaluarën";
}

/// The text of `key` in `lang` as written in the table, placeholders and all. A language that
/// is not loaded gives the Albanian text (the app only shows a language once it is loaded).
pub fn raw(lang: Language, key: Key) -> &'static str {
    // Native tests read the JSON files directly (never part of the wasm).
    #[cfg(test)]
    super::tests::ensure_installed(lang);
    CATALOG.raw(lang, key as usize)
}

/// Whether the shared texts of `lang` are here.
pub fn is_loaded(lang: Language) -> bool {
    CATALOG.is_loaded(lang)
}

/// Parses a language file of the shared table ([`super::Catalog::parse`]).
pub fn parse_texts(json: &str) -> Option<Box<[Box<str>]>> {
    CATALOG.parse(json)
}

/// Installs a language file of the shared table ([`super::Catalog::install`]).
pub fn install(lang: Language, json: &str) -> Result<(), LoadFailed> {
    CATALOG.install(lang, json)
}
