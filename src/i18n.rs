//! Every user-facing string of the app, and the language the voter chose (a context signal,
//! remembered in `localStorage` under `per.lang`).
//!
//! Albanian, the default, is compiled in: the table below. The other languages (English,
//! Italian, Greek, German) are JSON files, `public/i18n/{en,it,el,de}.json` (one object: key
//! name → text), fetched when the voter chooses one ([`choose_language`]) or at start-up when
//! one is remembered, so that they are not in the wasm of the first load. The JSON files are
//! the source of those texts; the tests below check them against this table.
//!
//! The register is formal in every language (Albanian formal plural, Italian *Lei*, German
//! *Sie*, Greek formal plural). Placeholders:
//! - `{code_len}`, `{pw_min}`, `{pw_max}`: limits from `per-domain`, filled by [`t`];
//! - `{n}` (a number) and `{x}` (a text): filled by [`fill`]; `{a}` and `{b}` by [`fill_named`].

use leptos::prelude::*;
use per_domain::api::LivenessPrompt;
use per_domain::{Language, OneTimeCode, Password, Problem, RejectionReason, RequestStatus};
use std::sync::OnceLock;

macro_rules! messages {
    ($($key:ident => $sq:literal;)*) => {
        /// One user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for exhaustive tests of the tables.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }

        /// The Albanian texts in the order of [`Key`], separated by NUL: no table of pointers
        /// in the bundle.
        const SQ: &str = concat!($($sq, "\0"),*);

        /// The names of the keys (as in the JSON files), in the same order and form.
        const NAMES: &str = concat!($(stringify!($key), "\0"),*);
    };
}

messages! {
    // ---- layout
    ServiceName => "Regjistrimi i zgjedhësve jashtë vendit";
    SkipToContent => "Kaloni te përmbajtja kryesore";
    LanguageLabel => "Gjuha";
    LanguageUnavailable => "Gjuha e zgjedhur nuk u ngarkua. Provoni përsëri.";
    Back => "Kthehuni";
    Continue => "Vazhdoni";
    ErrorSummaryTitle => "Ka një problem";
    ErrorPrefix => "Gabim:";
    FooterText => "Komisioni Qendror i Zgjedhjeve (KQZ)";
    Loading => "Duke u ngarkuar…";
    NotFoundTitle => "Faqja nuk u gjet";
    NotFoundBody => "Kontrolloni adresën ose filloni nga faqja kryesore.";
    GoToStart => "Shkoni te faqja kryesore";
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
    // ---- errors from the server or the network
    ErrNetwork => "Nuk ka lidhje. Përgjigjet tuaja ruhen: provoni përsëri.";
    ErrServer => "Ndodhi një gabim nga ana jonë. Përgjigjet tuaja ruhen: provoni përsëri pas pak.";
    ErrCodeWrong => "Kodi është i gabuar.";
    ErrCodeWrongLeft => "Kodi është i gabuar. Përpjekje të mbetura: {n}.";
    ErrCodeExpired => "Kodi ka skaduar ose është përdorur. Kërkoni një kod të ri.";
    ErrTooMany => "Shumë përpjekje. Provoni përsëri më vonë.";
    ErrTooManyIn => "Shumë përpjekje. Provoni përsëri {x}.";
    ErrUnauthorized => "Seanca juaj ka përfunduar ose nuk është e vlefshme. Hyni përsëri.";
    ErrBadCredentials => "E-maili, numri ose fjalëkalimi është i gabuar.";
    ErrAlreadyRegistered => "Ky numër ose ky e-mail ka tashmë një llogari. Hyni në llogari.";
    ErrStepMissing => "Mungon një hap: bëni fotografinë e fytyrës para se të dërgoni kërkesën.";
    ErrCodesNotVerified => "Verifikoni të dy kodet para se të zgjidhni fjalëkalimin.";
    ErrFaceTooSlow => "Fotografia zgjati shumë. Bëjeni përsëri.";
    ErrSignupExpired => "Regjistrimi juaj ka skaduar. Filloni nga e para.";
    ErrRequestExists => "Keni tashmë një kërkesë të hapur. Shikoni kërkesën tuaj.";
    ErrNotFound => "Nuk u gjet.";
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
    ProblemPhoneAlbanian => "Një numër shqiptar (+355) nuk mund të përdoret: ky shërbim është për zgjedhësit që jetojnë jashtë vendit";
    ProblemEmailInvalid => "Shkruani një adresë e-maili të vlefshme, p.sh. emri@shembull.com";
    ProblemPasswordTooShort => "Fjalëkalimi duhet të ketë të paktën {pw_min} karaktere";
    ProblemPasswordTooLong => "Fjalëkalimi duhet të ketë më së shumti {pw_max} karaktere";
    ProblemPasswordTooCommon => "Ky fjalëkalim është shumë i zakonshëm: zgjidhni një tjetër";
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

// ---------------------------------------------------------------- the loaded languages

/// The texts of the languages loaded so far (en, it, el, de), by key. Each is set once and
/// lives for the session (at most four leaked tables).
static LOADED: [OnceLock<&'static [Box<str>]>; 4] = [const { OnceLock::new() }; 4];

fn slot(lang: Language) -> Option<&'static OnceLock<&'static [Box<str>]>> {
    let i = match lang {
        Language::Sq => return None,
        Language::En => 0,
        Language::It => 1,
        Language::El => 2,
        Language::De => 3,
    };
    Some(&LOADED[i])
}

/// The loaded table of `lang`; `None` for Albanian (compiled in) and languages not loaded.
fn loaded(lang: Language) -> Option<&'static [Box<str>]> {
    let slot = slot(lang)?;
    // Native tests read the JSON files directly (never part of the wasm).
    #[cfg(test)]
    if slot.get().is_none() {
        install(lang, tests::json(lang)).expect("a valid language file");
    }
    slot.get().copied()
}

/// Whether the texts of `lang` are here, so that it can be shown at once.
pub fn is_loaded(lang: Language) -> bool {
    lang == Language::Sq || loaded(lang).is_some()
}

/// Parses a language file: a JSON object of key name → text. Every key must have a text;
/// names the app does not know are ignored. `None` when it is not such a file.
pub fn parse_texts(json: &str) -> Option<Box<[Box<str>]>> {
    use serde::de::{Deserializer, MapAccess, Visitor};

    struct Texts(Vec<Option<Box<str>>>);
    struct TextsVisitor;

    impl<'de> Visitor<'de> for TextsVisitor {
        type Value = Texts;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("texts")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Texts, A::Error> {
            let mut texts = vec![None; Key::ALL.len()];
            while let Some((name, text)) = map.next_entry::<String, Box<str>>()? {
                if let Some(i) = NAMES.split('\0').position(|n| n == name) {
                    texts[i] = Some(text);
                }
            }
            Ok(Texts(texts))
        }
    }

    let mut de = serde_json::Deserializer::from_str(json);
    let texts = de.deserialize_map(TextsVisitor).ok()?;
    de.end().ok()?;
    texts.0.into_iter().collect()
}

/// Parses the file of `lang` ([`parse_texts`]) and keeps its texts for the session; from then
/// on `t(lang, …)` gives them. Does nothing for Albanian or a language already loaded.
pub fn install(lang: Language, json: &str) -> Result<(), LoadFailed> {
    let Some(slot) = slot(lang) else {
        return Ok(());
    };
    if slot.get().is_none() {
        let texts = parse_texts(json).ok_or(LoadFailed)?;
        slot.get_or_init(|| Box::leak(texts));
    }
    Ok(())
}

/// A language file could not be fetched or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadFailed;

/// Fetches `/public/i18n/<code>.json` (same origin) and installs it ([`install`]).
pub async fn load(lang: Language) -> Result<(), LoadFailed> {
    if is_loaded(lang) {
        return Ok(());
    }
    let url = ["/public/i18n/", lang.code(), ".json"].concat();
    let json = crate::api::file(&url).await.ok_or(LoadFailed)?;
    install(lang, &json)
}

/// The text of `key` in `lang` as written in the table, placeholders and all. A language that
/// is not loaded gives the Albanian text (the app only shows a language once it is loaded).
pub fn raw(lang: Language, key: Key) -> &'static str {
    match loaded(lang) {
        Some(texts) => &texts[key as usize],
        None => SQ.split('\0').nth(key as usize).unwrap_or_default(),
    }
}

/// The text of `key` in `lang`, with the limits that come from `per-domain` filled in.
pub fn t(lang: Language, key: Key) -> String {
    let s = raw(lang, key);
    if !s.contains('{') {
        return s.to_owned();
    }
    fill_named(
        s,
        &[
            ("code_len", &OneTimeCode::LEN.to_string()),
            ("pw_min", &Password::MIN_CHARS.to_string()),
            ("pw_max", &Password::MAX_CHARS.to_string()),
        ],
    )
}

/// Replaces `{n}` with a number and `{x}` with a text.
pub fn fill(template: &str, n: Option<u32>, x: Option<&str>) -> String {
    let mut s = template.to_owned();
    if let Some(n) = n {
        s = s.replace("{n}", &n.to_string());
    }
    if let Some(x) = x {
        s = s.replace("{x}", x);
    }
    s
}

/// Replaces each `{name}` with its value.
pub fn fill_named(template: &str, values: &[(&str, &str)]) -> String {
    let mut s = template.to_owned();
    for (name, value) in values {
        s = s.replace(&["{", name, "}"].concat(), value);
    }
    s
}

/// How long to wait, as said after "try again": "in 1 second", "in 30 seconds", and in whole
/// minutes (rounded up, never too early) from two minutes on.
pub fn wait(lang: Language, seconds: u32) -> String {
    let (key, n) = if seconds >= 120 {
        (Key::WaitMinutes, seconds.div_ceil(60))
    } else if seconds == 1 {
        (Key::WaitSecond, 1)
    } else {
        (Key::WaitSeconds, seconds)
    };
    fill(&t(lang, key), Some(n), None)
}

/// The parts of a text before and after its `{x}`, to put markup in its place.
pub fn split_at_x(text: &str) -> (String, String) {
    match text.split_once("{x}") {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (text.to_owned(), String::new()),
    }
}

/// A text with `{x}` filled with a wait ([`wait`]).
pub fn with_wait(lang: Language, key: Key, seconds: u32) -> String {
    fill(&t(lang, key), None, Some(&wait(lang, seconds)))
}

/// The key of a field problem said without its field (see `form::Field` for the
/// field-specific texts).
pub fn problem_key(p: Problem) -> Key {
    match p {
        Problem::Required => Key::ProblemRequired,
        Problem::TooLong => Key::ProblemTooLong,
        Problem::PhoneNeedsCountryCode => Key::ProblemPhoneNeedsCountryCode,
        Problem::PhoneInvalid => Key::ProblemPhoneInvalid,
        Problem::PhoneAlbanian => Key::ProblemPhoneAlbanian,
        Problem::EmailInvalid => Key::ProblemEmailInvalid,
        Problem::PasswordTooShort => Key::ProblemPasswordTooShort,
        Problem::PasswordTooLong => Key::ProblemPasswordTooLong,
        Problem::PasswordTooCommon => Key::ProblemPasswordTooCommon,
        Problem::CodeInvalid => Key::ProblemCodeInvalid,
        Problem::NameInvalid => Key::ProblemNameInvalid,
        Problem::DateInvalid => Key::ProblemDateInvalid,
        Problem::DateInFuture => Key::ProblemDateInFuture,
        Problem::PersonalNumberInvalid => Key::ProblemPersonalNumberInvalid,
        Problem::PersonalNumberDateMismatch => Key::ProblemPersonalNumberDateMismatch,
        Problem::PersonalNumberSexMismatch => Key::ProblemPersonalNumberSexMismatch,
        Problem::SexInvalid => Key::ProblemSexInvalid,
        Problem::LanguageInvalid => Key::ProblemLanguageInvalid,
        Problem::ChannelInvalid => Key::ProblemChannelInvalid,
        Problem::TokenInvalid => Key::ProblemTokenInvalid,
        Problem::IdempotencyKeyInvalid => Key::ProblemIdempotencyKeyInvalid,
        Problem::FrameMissing => Key::ProblemFrameMissing,
        Problem::FrameTooMany => Key::ProblemFrameTooMany,
        Problem::FrameInvalid => Key::ProblemFrameInvalid,
        Problem::FrameTooLarge => Key::ProblemFrameTooLarge,
        Problem::ReferenceInvalid => Key::ProblemReferenceInvalid,
    }
}

/// A field problem, said to the voter without naming the field.
pub fn problem(lang: Language, p: Problem) -> String {
    t(lang, problem_key(p))
}

pub fn status_key(s: RequestStatus) -> Key {
    match s {
        RequestStatus::Submitted => Key::StatusSubmitted,
        RequestStatus::UnderReview => Key::StatusUnderReview,
        RequestStatus::Approved => Key::StatusApproved,
        RequestStatus::Rejected => Key::StatusRejected,
        RequestStatus::CorrectionRequested => Key::StatusCorrectionRequested,
    }
}

/// The label of a request status.
pub fn status(lang: Language, s: RequestStatus) -> String {
    t(lang, status_key(s))
}

pub fn reason_key(r: RejectionReason) -> Key {
    match r {
        RejectionReason::AddressMismatch => Key::ReasonAddressMismatch,
        RejectionReason::ProofOfAddressUnreadable => Key::ReasonProofUnreadable,
        RejectionReason::IdentityMismatch => Key::ReasonIdentityMismatch,
        RejectionReason::FaceMismatch => Key::ReasonFaceMismatch,
        RejectionReason::DocumentUnreadable => Key::ReasonDocumentUnreadable,
        RejectionReason::NotEligible => Key::ReasonNotEligible,
        RejectionReason::Duplicate => Key::ReasonDuplicate,
    }
}

/// A rejection reason, said to the voter.
pub fn reason(lang: Language, r: RejectionReason) -> String {
    t(lang, reason_key(r))
}

/// What the voter is asked to do in front of the camera for a liveness challenge.
pub fn prompt_key(p: LivenessPrompt) -> Key {
    match p {
        LivenessPrompt::LookStraight => Key::PromptLookStraight,
    }
}

/// How a screen reader should say a masked contact (`+•••••••89`, `a•••@example.com`) instead
/// of "bullet bullet bullet": "the number ending in 89". `None` when it is not masked.
pub fn masked_spoken(lang: Language, masked: &str) -> Option<String> {
    const BULLET: char = '•';
    if !masked.contains(BULLET) {
        return None;
    }
    if let Some((local, domain)) = masked.split_once('@') {
        let start = local.split(BULLET).next().unwrap_or_default();
        return Some(fill_named(
            &t(lang, Key::MaskedEmail),
            &[("a", start), ("b", domain)],
        ));
    }
    let tail = masked.rsplit(BULLET).next().unwrap_or_default();
    Some(fill(&t(lang, Key::MaskedPhone), None, Some(tail)))
}

/// The document title: the page's heading and the service, with "Error: " in front while the
/// error summary shows errors.
pub fn page_title(lang: Language, heading: Key, has_errors: bool) -> String {
    let title = [t(lang, heading), t(lang, Key::ServiceName)].join(" – ");
    if has_errors {
        [t(lang, Key::ErrorPrefix), title].join(" ")
    } else {
        title
    }
}

// ---------------------------------------------------------------- the reactive side

/// The language the voter reads the app in, provided once by the app.
#[derive(Debug, Clone, Copy)]
pub struct LangContext(pub RwSignal<Language>);

/// The current language signal (panics outside the app, like every context hook).
pub fn use_lang() -> RwSignal<Language> {
    expect_context::<LangContext>().0
}

/// Where a change of language stands, provided by the app next to [`LangContext`].
#[derive(Debug, Clone, Copy)]
pub struct LangSwitch {
    /// The language shown (the [`LangContext`] signal).
    pub lang: RwSignal<Language>,
    /// The language last chosen: the one shown, or the one being loaded.
    pub wanted: RwSignal<Language>,
    /// The last language chosen could not be loaded: a notice says so.
    pub failed: RwSignal<bool>,
}

impl LangSwitch {
    /// Provides the switch for the language signal `lang`; `failed` when the remembered
    /// language could not be loaded at start-up.
    pub fn provide(lang: RwSignal<Language>, failed: bool) -> Self {
        let switch = LangSwitch {
            lang,
            wanted: RwSignal::new(lang.get_untracked()),
            failed: RwSignal::new(failed),
        };
        provide_context(switch);
        switch
    }

    /// Switches to the language the voter chose: at once when its texts are here, else once
    /// they are fetched, the current language staying on screen meanwhile. If they cannot be
    /// fetched, the app stays in the current language and `failed` is set. A successful
    /// switch is remembered ([`crate::apply_language`]).
    pub fn choose(self, to: Language) {
        self.wanted.set(to);
        self.failed.set(false);
        let show = move |ok: bool| {
            // A later choice wins over a slower load.
            // (Or the app is gone.)
            if self.wanted.try_get_untracked() != Some(to) {
                return;
            }
            if ok {
                crate::apply_language(to);
                self.lang.set(to);
            } else {
                self.wanted.set(self.lang.get_untracked());
                self.failed.set(true);
            }
        };
        if is_loaded(to) {
            show(true);
        } else {
            wasm_bindgen_futures::spawn_local(async move { show(load(to).await.is_ok()) });
        }
    }
}

/// A reactive text for `key`, for use in `view!`.
pub fn tr(key: Key) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || t(lang.get(), key)
}

/// The same as a [`Signal`], for component properties.
pub fn text(key: Key) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || t(lang.get(), key))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACEHOLDERS: [&str; 7] = [
        "{n}",
        "{x}",
        "{a}",
        "{b}",
        "{code_len}",
        "{pw_min}",
        "{pw_max}",
    ];

    /// The language files, read here only: they must not be in the wasm.
    pub(super) fn json(lang: Language) -> &'static str {
        match lang {
            Language::Sq => "{}",
            Language::En => include_str!("../public/i18n/en.json"),
            Language::It => include_str!("../public/i18n/it.json"),
            Language::El => include_str!("../public/i18n/el.json"),
            Language::De => include_str!("../public/i18n/de.json"),
        }
    }

    fn names() -> Vec<&'static str> {
        NAMES.split_terminator('\0').collect()
    }

    #[test]
    fn every_language_file_has_exactly_the_keys_of_the_app() {
        let names = names();
        assert_eq!(names.len(), Key::ALL.len());
        assert_eq!(SQ.matches('\0').count(), Key::ALL.len());
        for &key in Key::ALL {
            assert_eq!(names[key as usize], format!("{key:?}"));
        }
        for lang in &Language::ALL[1..] {
            let file: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(json(*lang)).unwrap();
            let unknown: Vec<_> = file
                .keys()
                .filter(|k| !names.contains(&k.as_str()))
                .collect();
            assert!(unknown.is_empty(), "{lang:?} has unknown keys: {unknown:?}");
            let missing: Vec<_> = names.iter().filter(|n| !file.contains_key(**n)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            for (name, text) in &file {
                let text = text.as_str();
                assert!(
                    text.is_some_and(|t| !t.trim().is_empty()),
                    "{name} in {lang:?} is empty or not a text"
                );
            }
            assert!(parse_texts(json(*lang)).is_some(), "{lang:?}");
        }
        assert_eq!(
            raw(Language::De, Key::ServiceName),
            "Registrierung von Wählerinnen und Wählern im Ausland"
        );
        assert_eq!(
            raw(Language::El, Key::DateOfBirthInFuture),
            "Η ημερομηνία γέννησης πρέπει να είναι στο παρελθόν"
        );
    }

    #[test]
    fn a_language_file_is_read_by_key_name_and_must_be_complete() {
        let en = json(Language::En);
        let texts = parse_texts(en).unwrap();
        assert_eq!(texts.len(), Key::ALL.len());
        assert_eq!(&*texts[Key::Back as usize], "Back");
        // Order does not matter, unknown names are ignored.
        let mut file: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(en).unwrap();
        file.insert("NotAKey".into(), "x".into());
        let reordered = serde_json::to_string(&file).unwrap();
        assert_eq!(parse_texts(&reordered).unwrap(), texts);
        // A missing key, a text that is not a string, or not an object: refused.
        file.remove("Back");
        assert!(parse_texts(&serde_json::to_string(&file).unwrap()).is_none());
        file.insert("Back".into(), 1.into());
        assert!(parse_texts(&serde_json::to_string(&file).unwrap()).is_none());
        for bad in ["", "[]", "\"Back\"", "{\"Back\": \"x\"}", "{} trailing"] {
            assert!(parse_texts(bad).is_none(), "{bad}");
        }
        // Albanian is compiled in: nothing to install.
        assert_eq!(install(Language::Sq, "not json"), Ok(()));
        assert!(is_loaded(Language::Sq));
    }

    #[test]
    fn every_key_has_a_text_in_all_five_languages() {
        for &key in Key::ALL {
            for lang in Language::ALL {
                assert!(
                    !raw(lang, key).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn albanian_differs_from_english() {
        let same: Vec<_> = Key::ALL
            .iter()
            .filter(|k| raw(Language::Sq, **k) == raw(Language::En, **k))
            .collect();
        assert!(same.is_empty(), "not translated: {same:?}");
    }

    #[test]
    fn italian_greek_and_german_are_translated_not_english() {
        for lang in [Language::It, Language::El, Language::De] {
            let same: Vec<_> = Key::ALL
                .iter()
                .filter(|k| raw(lang, **k) == raw(Language::En, **k))
                .collect();
            // A few words are the same in both ("Password", "Status").
            assert!(
                same.len() * 50 <= Key::ALL.len(),
                "{lang:?} looks untranslated: {same:?}"
            );
        }
    }

    #[test]
    fn greek_is_written_in_greek_letters() {
        let greek = |s: &str| s.chars().any(|c| ('\u{370}'..='\u{3ff}').contains(&c));
        let latin_only: Vec<_> = Key::ALL
            .iter()
            .filter(|k| !greek(raw(Language::El, **k)))
            .collect();
        assert!(latin_only.is_empty(), "{latin_only:?}");
    }

    #[test]
    fn placeholders_match_between_languages() {
        for &key in Key::ALL {
            for ph in PLACEHOLDERS {
                for lang in Language::ALL {
                    assert_eq!(
                        raw(Language::Sq, key).matches(ph).count(),
                        raw(lang, key).matches(ph).count(),
                        "{key:?}: {ph} differs in {lang:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn limits_come_from_the_domain() {
        assert_eq!(
            t(Language::En, Key::ProblemPasswordTooShort),
            format!(
                "The password must have at least {} characters",
                Password::MIN_CHARS
            )
        );
        assert_eq!(
            t(Language::Sq, Key::ProblemCodeInvalid),
            format!("Kodi ka {} shifra", OneTimeCode::LEN)
        );
        for &key in Key::ALL {
            for lang in Language::ALL {
                let s = t(lang, key);
                for ph in ["{code_len}", "{pw_min}", "{pw_max}"] {
                    assert!(!s.contains(ph), "{key:?} in {lang:?}: {s}");
                }
            }
        }
    }

    #[test]
    fn albanian_buttons_use_the_formal_plural() {
        for (key, text) in [
            (Key::CreateAccount, "Krijoni llogari"),
            (Key::SendCodes, "Dërgoni kodet"),
            (Key::VerifyButton, "Verifikoni"),
            (Key::TryAgain, "Provoni përsëri"),
            (Key::Back, "Kthehuni"),
            (Key::SignIn, "Hyni"),
            (Key::SignOut, "Dilni"),
            (Key::Continue, "Vazhdoni"),
        ] {
            assert_eq!(raw(Language::Sq, key), text);
        }
        assert!(raw(Language::Sq, Key::ErrServer).starts_with("Ndodhi një gabim nga ana jonë"));
        assert_eq!(
            raw(Language::Sq, Key::ProblemDateInvalid),
            "Shkruani një datë të vlefshme"
        );
    }

    #[test]
    fn waits_say_seconds_and_minutes_with_the_right_plural() {
        for (lang, secs, said) in [
            (Language::Sq, 1, "pas 1 sekonde"),
            (Language::Sq, 30, "pas 30 sekondash"),
            (Language::Sq, 119, "pas 119 sekondash"),
            (Language::Sq, 120, "pas 2 minutash"),
            (Language::Sq, 3600, "pas 60 minutash"),
            (Language::En, 1, "in 1 second"),
            (Language::En, 0, "in 0 seconds"),
            (Language::En, 121, "in 3 minutes"),
            (Language::It, 1, "tra 1 secondo"),
            (Language::It, 45, "tra 45 secondi"),
            (Language::El, 1, "σε 1 δευτερόλεπτο"),
            (Language::El, 300, "σε 5 λεπτά"),
            (Language::De, 1, "in 1 Sekunde"),
            (Language::De, 59, "in 59 Sekunden"),
            (Language::De, 180, "in 3 Minuten"),
        ] {
            assert_eq!(wait(lang, secs), said, "{lang:?} {secs}");
        }
        assert_eq!(
            with_wait(Language::Sq, Key::ErrTooManyIn, 1),
            "Shumë përpjekje. Provoni përsëri pas 1 sekonde."
        );
        assert_eq!(
            with_wait(Language::De, Key::ErrTooManyIn, 600),
            "Zu viele Versuche. Versuchen Sie es in 10 Minuten erneut."
        );
    }

    #[test]
    fn every_problem_reason_status_and_prompt_has_its_own_text() {
        let mut seen = std::collections::HashSet::new();
        for p in Problem::ALL {
            assert!(seen.insert(problem_key(p)), "{p:?} shares a text");
        }
        for r in RejectionReason::ALL {
            assert!(seen.insert(reason_key(r)), "{r:?} shares a text");
        }
        for s in [
            RequestStatus::Submitted,
            RequestStatus::UnderReview,
            RequestStatus::Approved,
            RequestStatus::Rejected,
            RequestStatus::CorrectionRequested,
        ] {
            assert!(seen.insert(status_key(s)), "{s:?} shares a text");
        }
        assert_eq!(
            prompt_key(LivenessPrompt::LookStraight),
            Key::PromptLookStraight
        );
    }

    #[test]
    fn albanian_keeps_its_letters() {
        assert!(raw(Language::Sq, Key::StartNeedTitle).contains('Ç'));
        assert!(raw(Language::Sq, Key::ServiceName).contains('ë'));
    }

    #[test]
    fn example_numbers_in_the_texts_are_accepted() {
        for lang in Language::ALL {
            for key in [Key::PhoneHint, Key::LoginHint, Key::ProblemPhoneInvalid] {
                let text = raw(lang, key);
                let start = text.find('+').unwrap();
                let example: String = text[start..]
                    .chars()
                    .take_while(|c| *c == '+' || *c == ' ' || c.is_ascii_digit())
                    .collect();
                assert!(
                    per_domain::PhoneNumber::parse(example.trim()).is_ok(),
                    "{key:?} in {lang:?}: {example}"
                );
            }
        }
    }

    #[test]
    fn masked_contacts_are_spoken_without_bullets() {
        assert_eq!(
            masked_spoken(Language::En, "+•••••••89").as_deref(),
            Some("the number ending in 89")
        );
        assert_eq!(
            masked_spoken(Language::Sq, "a•••@shembull.com").as_deref(),
            Some("adresa që fillon me a, në shembull.com")
        );
        assert_eq!(masked_spoken(Language::En, "plain"), None);
        for lang in Language::ALL {
            let said = masked_spoken(lang, "+•••••••89").unwrap();
            assert!(said.ends_with("89") && !said.contains('•'), "{said}");
        }
    }

    #[test]
    fn the_title_says_error_while_errors_are_shown() {
        assert_eq!(
            page_title(Language::En, Key::ContactTitle, false),
            "How can we contact you? – Registration of voters abroad"
        );
        assert_eq!(
            page_title(Language::Sq, Key::ContactTitle, true),
            "Gabim: Si mund t'ju kontaktojmë? – Regjistrimi i zgjedhësve jashtë vendit"
        );
        assert!(page_title(Language::De, Key::ContactTitle, true).starts_with("Fehler: "));
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(
            fill(raw(Language::En, Key::ErrCodeWrongLeft), Some(2), None),
            "The code is wrong. Tries left: 2."
        );
        assert_eq!(
            fill(raw(Language::Sq, Key::SentTo), None, Some("+39•••89")),
            "Dërguar te +39•••89"
        );
        assert_eq!(
            fill_named("{a} and {b}", &[("a", "x"), ("b", "y")]),
            "x and y"
        );
        assert_eq!(
            split_at_x(raw(Language::De, Key::SentTo)),
            ("Gesendet an ".to_owned(), String::new())
        );
        assert_eq!(split_at_x("no slot"), ("no slot".to_owned(), String::new()));
    }
}
