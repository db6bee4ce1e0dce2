//! Every user-facing string of the app, in Albanian (the default) and English, and the
//! language the voter chose (a context signal, remembered in `localStorage` under `per.lang`).
//!
//! Italian, Greek and German are listed in the switcher and fall back to English until their
//! tables are written. Texts with `{n}` or `{x}` are filled with [`fill`].

use leptos::prelude::*;
use per_domain::{Language, Problem, RejectionReason, RequestStatus};

macro_rules! messages {
    ($($key:ident => $sq:literal, $en:literal;)*) => {
        /// One user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for exhaustive tests of the tables.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            fn pair(self) -> (&'static str, &'static str) {
                match self { $(Key::$key => ($sq, $en)),* }
            }
        }
    };
}

messages! {
    // ---- layout
    ServiceName => "Regjistrimi i zgjedhësve jashtë vendit", "Registration of voters abroad";
    SkipToContent => "Kalo te përmbajtja kryesore", "Skip to main content";
    LanguageLabel => "Gjuha", "Language";
    Back => "Kthehu", "Back";
    Continue => "Vazhdo", "Continue";
    ErrorSummaryTitle => "Ka një problem", "There is a problem";
    ErrorPrefix => "Gabim:", "Error:";
    FooterText => "Komisioni Qendror i Zgjedhjeve (KQZ)", "Central Election Commission (CEC)";
    Loading => "Duke u ngarkuar…", "Loading…";
    NotFoundTitle => "Faqja nuk u gjet", "Page not found";
    NotFoundBody => "Kontrolloni adresën ose filloni nga faqja kryesore.", "Check the address or go to the start page.";
    GoToStart => "Shko te faqja kryesore", "Go to the start page";
    // ---- start
    StartTitle => "Regjistrohuni për të votuar nga jashtë vendit", "Register to vote from abroad";
    StartLead => "Nëse jetoni jashtë Shqipërisë, mund të regjistroheni për të votuar me postë në zgjedhjet parlamentare.", "If you live outside Albania, you can register to vote by post in the parliamentary elections.";
    StartNeedTitle => "Çfarë ju nevojitet", "What you need";
    NeedId => "kartë identiteti ose pasaportë shqiptare", "an Albanian ID card or passport";
    NeedPhone => "një numër celulari jashtë Shqipërisë", "a mobile phone number abroad";
    NeedEmail => "një adresë e-maili", "an e-mail address";
    NeedCamera => "një pajisje me kamerë", "a device with a camera";
    NeedProof => "një dokument që vërteton adresën tuaj jashtë vendit", "a document proving your address abroad";
    CreateAccount => "Krijo llogari", "Create account";
    HaveAccount => "Keni tashmë një llogari?", "Already have an account?";
    SignIn => "Hyni", "Sign in";
    CheckSeats => "Shikoni shpërndarjen e mandateve", "Check seat distribution";
    // ---- results
    ResultsTitle => "Shpërndarja e mandateve", "Seat distribution";
    ResultsComing => "Kjo faqe do të jetë gati së shpejti.", "This page is coming soon.";
    // ---- contact
    ContactTitle => "Si mund t'ju kontaktojmë?", "How can we contact you?";
    ContactLead => "Do t'ju dërgojmë një kod me SMS dhe një kod me e-mail, për të verifikuar të dyja.", "We will send a code by text message and a code by e-mail, to check both.";
    PhoneLabel => "Numri i celularit", "Mobile phone number";
    PhoneHint => "Me kodin e shtetit, p.sh. +39 312 345 6789. Numrat shqiptarë (+355) nuk pranohen.", "With the country code, like +39 312 345 6789. Albanian (+355) numbers are not accepted.";
    EmailLabel => "Adresa e e-mailit", "E-mail address";
    EmailHint => "P.sh. emri@shembull.com", "Like name@example.com";
    SendCodes => "Dërgo kodet", "Send the codes";
    // ---- verify
    VerifyTitle => "Shkruani kodet që ju dërguam", "Enter the codes we sent you";
    VerifyLead => "Çdo kod ka 6 shifra dhe është i vlefshëm për 10 minuta.", "Each code has 6 digits and is valid for 10 minutes.";
    PhoneCodeLabel => "Kodi nga SMS-ja", "Code from the text message";
    EmailCodeLabel => "Kodi nga e-maili", "Code from the e-mail";
    SentTo => "Dërguar te {x}", "Sent to {x}";
    SendAgain => "Dërgo përsëri", "Send again";
    SendAgainIn => "Dërgo përsëri pas {n} s", "Send again in {n} s";
    CodeResent => "U dërgua një kod i ri.", "A new code was sent.";
    Verified => "Verifikuar", "Verified";
    VerifyButton => "Verifiko", "Verify";
    NoSignup => "Nuk e gjetëm regjistrimin tuaj në këtë shfletues.", "We could not find your sign-up in this browser.";
    StartAgain => "Filloni nga e para", "Start again";
    // ---- password
    PasswordTitle => "Zgjidhni një fjalëkalim", "Choose a password";
    PasswordLabel => "Fjalëkalimi", "Password";
    PasswordHint => "Të paktën 8 karaktere. Mund të përdorni një frazë ose një menaxher fjalëkalimesh.", "At least 8 characters. You can use a passphrase or a password manager.";
    ShowPassword => "Shfaq fjalëkalimin", "Show password";
    // ---- face
    FaceTitle => "Fotografia e fytyrës", "A picture of your face";
    FaceWhy => "E krahasojmë fytyrën tuaj me fotografinë e dokumentit, që askush të mos regjistrohet në emrin tuaj.", "We compare your face with the photo on your document, so that nobody can register in your name.";
    FaceHow => "Qëndroni në një vend me dritë dhe hiqni syzet e errëta ose kapelën. Shfletuesi do t'ju kërkojë leje për kamerën.", "Stand somewhere well lit and take off dark glasses or hats. Your browser will ask for permission to use the camera.";
    StartCamera => "Hap kamerën", "Start camera";
    CameraStarting => "Po hapet kamera…", "Starting the camera…";
    FacePrompt => "Shikoni drejt kamerës dhe mbajeni fytyrën brenda ovalit", "Look straight at the camera, keep your face inside the oval";
    TakePicture => "Bëj fotografinë", "Take picture";
    Sending => "Po dërgohet…", "Sending…";
    CameraDenied => "Kamera nuk u lejua ose nuk u gjet. Mund ta lejoni në cilësimet e shfletuesit dhe të provoni përsëri.", "The camera was not allowed or was not found. You can allow it in your browser settings and try again.";
    CameraNotReady => "Kamera nuk është ende gati. Prisni një çast dhe provoni përsëri.", "The camera is not ready yet. Wait a moment and try again.";
    FaceRejected => "Fotografia nuk u pranua. Provoni përsëri me më shumë dritë.", "The picture was not accepted. Try again with more light.";
    AssistedTitle => "Nuk mund të përdorni kamerën?", "Cannot use a camera?";
    AssistedBody => "Mund të verifikoheni në një telefonatë video me KQZ-në ose në një takim në konsullatën shqiptare më të afërt. Llogaria dhe përgjigjet tuaja ruhen.", "You can be verified in a video call with the CEC or at an appointment at the nearest Albanian consulate. Your account and answers are kept.";
    TryAgain => "Provo përsëri", "Try again";
    // ---- identity
    IdentityTitle => "Të dhënat tuaja personale", "Your personal details";
    IdentityLead => "Shkruajini siç janë në kartën e identitetit ose në pasaportë.", "Enter them as they are on your ID card or passport.";
    DraftSaved => "Përgjigjet ruhen në këtë pajisje ndërsa shkruani.", "Your answers are saved on this device as you type.";
    PersonalNumberLabel => "Numri personal (NID)", "Personal number (NID)";
    PersonalNumberHint => "10 karaktere, p.sh. J90415123A", "10 characters, like J90415123A";
    FirstNameLabel => "Emri", "First name";
    SurnameLabel => "Mbiemri", "Surname";
    DobLabel => "Datëlindja", "Date of birth";
    DobHint => "Siç është në dokument", "As on your document";
    SexLegend => "Gjinia", "Sex";
    SexHint => "Siç është në dokument", "As on your document";
    SexF => "Femër", "Female";
    SexM => "Mashkull", "Male";
    SubmitRequest => "Dërgo kërkesën", "Submit request";
    // ---- done
    DoneTitle => "Kërkesa u dërgua", "Request submitted";
    DoneReference => "Numri i referencës", "Your reference number";
    DoneKeep => "Ruajeni këtë numër: ju duhet nëse kontaktoni KQZ-në.", "Keep this number: you need it if you contact the CEC.";
    NextTitle => "Çfarë ndodh më pas", "What happens next";
    NextBody => "KQZ-ja vendos brenda 5 ditëve. Do t'ju njoftojmë me e-mail dhe me SMS.", "The CEC decides within 5 days. You will be notified by e-mail and SMS.";
    // ---- my request
    MyRequestTitle => "Kërkesa ime", "My request";
    ReferenceLabel => "Numri i referencës", "Reference number";
    StatusLabel => "Gjendja", "Status";
    SubmittedAt => "Dërguar më", "Submitted on";
    DecidedAt => "Vendosur më", "Decided on";
    ReasonsTitle => "Arsyet", "Reasons";
    NoRequest => "Nuk keni dërguar ende një kërkesë.", "You have not submitted a request yet.";
    ContinueRegistration => "Vazhdoni regjistrimin", "Continue your registration";
    NotSignedIn => "Nuk keni hyrë në llogari. Hyni për të parë kërkesën tuaj.", "You are not signed in. Sign in to see your request.";
    SignOut => "Dilni", "Sign out";
    // ---- sign in
    SignInTitle => "Hyni në llogarinë tuaj", "Sign in to your account";
    LoginLabel => "E-maili ose numri i celularit", "E-mail address or mobile number";
    LoginHint => "Numri me kodin e shtetit, p.sh. +39 312 345 6789", "The number with the country code, like +39 312 345 6789";
    NoAccount => "Nuk keni llogari?", "No account yet?";
    // ---- errors from the server or the network
    ErrNetwork => "Nuk ka lidhje. Përgjigjet tuaja ruhen: provoni përsëri.", "No connection. Your answers are kept: try again.";
    ErrServer => "Diçka nuk shkoi nga ana jonë. Përgjigjet tuaja ruhen: provoni përsëri pas pak.", "Something went wrong on our side. Your answers are kept: try again in a moment.";
    ErrCodeWrong => "Kodi është i gabuar.", "The code is wrong.";
    ErrCodeWrongLeft => "Kodi është i gabuar. Përpjekje të mbetura: {n}.", "The code is wrong. Tries left: {n}.";
    ErrCodeExpired => "Kodi ka skaduar ose është përdorur. Kërkoni një kod të ri.", "The code has expired or was already used. Ask for a new one.";
    ErrTooMany => "Shumë përpjekje. Provoni përsëri më vonë.", "Too many attempts. Try again later.";
    ErrTooManyIn => "Shumë përpjekje. Provoni përsëri pas {n} sekondash.", "Too many attempts. Try again in {n} seconds.";
    ErrUnauthorized => "Seanca juaj ka përfunduar ose nuk është e vlefshme. Hyni përsëri.", "Your session has ended or is not valid. Sign in again.";
    ErrBadCredentials => "E-maili, numri ose fjalëkalimi është i gabuar.", "The e-mail address, number or password is wrong.";
    ErrAlreadyRegistered => "Ky numër ose ky e-mail ka tashmë një llogari. Hyni në llogari.", "This number or e-mail already has an account. Sign in instead.";
    ErrStepMissing => "Mungon një hap: bëni fotografinë e fytyrës para se të dërgoni kërkesën.", "A step is missing: take the picture of your face before you submit.";
    ErrRequestExists => "Keni tashmë një kërkesë të hapur. Shikoni kërkesën tuaj.", "You already have an open request. See your request.";
    ErrNotFound => "Nuk u gjet.", "Not found.";
}

/// The text of `key` in `lang`.
pub fn t(lang: Language, key: Key) -> &'static str {
    let (sq, en) = key.pair();
    match lang {
        Language::Sq => sq,
        // Italian, Greek and German: English until translated.
        Language::En | Language::It | Language::El | Language::De => en,
    }
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

/// A field problem, said to the voter.
pub fn problem(lang: Language, p: Problem) -> &'static str {
    let (sq, en) = match p {
        Problem::Required => ("Kjo fushë është e detyrueshme", "This field is required"),
        Problem::TooLong => ("Kjo fushë është shumë e gjatë", "This field is too long"),
        Problem::PhoneNeedsCountryCode => (
            "Shkruani numrin në formë ndërkombëtare, duke filluar me + dhe kodin e shtetit",
            "Enter the number in international form, starting with + and the country code",
        ),
        Problem::PhoneInvalid => (
            "Shkruani një numër celulari të vlefshëm, p.sh. +39 312 345 6789",
            "Enter a valid mobile number, like +39 312 345 6789",
        ),
        Problem::PhoneAlbanian => (
            "Një numër shqiptar (+355) nuk mund të përdoret: ky shërbim është për zgjedhësit që jetojnë jashtë vendit",
            "An Albanian (+355) number cannot be used: this service is for voters living abroad",
        ),
        Problem::EmailInvalid => (
            "Shkruani një adresë e-maili të vlefshme, p.sh. emri@shembull.com",
            "Enter a valid e-mail address, like name@example.com",
        ),
        Problem::PasswordTooShort => (
            "Fjalëkalimi duhet të ketë të paktën 8 karaktere",
            "The password must have at least 8 characters",
        ),
        Problem::PasswordTooLong => (
            "Fjalëkalimi duhet të ketë më së shumti 128 karaktere",
            "The password must have at most 128 characters",
        ),
        Problem::PasswordTooCommon => (
            "Ky fjalëkalim është shumë i zakonshëm: zgjidhni një tjetër",
            "This password is too common: choose another one",
        ),
        Problem::CodeInvalid => ("Kodi ka 6 shifra", "The code has 6 digits"),
        Problem::NameInvalid => (
            "Përdorni vetëm shkronja, hapësira, viza dhe apostrofa",
            "Use only letters, spaces, hyphens and apostrophes",
        ),
        Problem::DateInvalid => ("Shkruani një datë të vërtetë", "Enter a real date"),
        Problem::DateInFuture => ("Data duhet të jetë në të kaluarën", "The date must be in the past"),
        Problem::PersonalNumberInvalid => (
            "Numri personal ka 10 karaktere, p.sh. J90415123A, siç është në dokument",
            "The personal number has 10 characters, like J90415123A, as on your document",
        ),
        Problem::PersonalNumberDateMismatch => (
            "Numri personal nuk përputhet me datëlindjen",
            "The personal number does not match the date of birth",
        ),
        Problem::PersonalNumberSexMismatch => (
            "Numri personal nuk përputhet me gjininë",
            "The personal number does not match the sex",
        ),
        Problem::SexInvalid => (
            "Zgjidhni femër ose mashkull, siç është në dokument",
            "Choose female or male, as on your document",
        ),
        Problem::LanguageInvalid => ("Gjuhë e panjohur", "Unknown language"),
        Problem::ChannelInvalid => ("Kanal i panjohur", "Unknown channel"),
        Problem::TokenInvalid => (
            "Lidhja ose seanca nuk është e vlefshme: filloni përsëri",
            "The link or session is not valid: start again",
        ),
        Problem::IdempotencyKeyInvalid => (
            "Çelësi i dërgimit nuk është i vlefshëm: ringarkoni faqen",
            "The submission key is not valid: reload the page",
        ),
        Problem::FrameMissing => (
            "Nuk u mor asnjë fotografi nga kamera",
            "No camera picture was received",
        ),
        Problem::FrameTooMany => ("Shumë fotografi nga kamera", "Too many camera pictures"),
        Problem::FrameInvalid => (
            "Fotografia e kamerës nuk është imazh JPEG",
            "The camera picture is not a JPEG image",
        ),
        Problem::FrameTooLarge => (
            "Fotografia e kamerës është shumë e madhe",
            "The camera picture is too large",
        ),
        Problem::ReferenceInvalid => (
            "Numri i referencës nuk është i vlefshëm",
            "The reference number is not valid",
        ),
    };
    pick(lang, sq, en)
}

/// The label of a request status.
pub fn status(lang: Language, s: RequestStatus) -> &'static str {
    let (sq, en) = match s {
        RequestStatus::Submitted => ("Dërguar", "Submitted"),
        RequestStatus::UnderReview => ("Në shqyrtim", "Under review"),
        RequestStatus::Approved => ("Miratuar", "Approved"),
        RequestStatus::Rejected => ("Refuzuar", "Rejected"),
        RequestStatus::CorrectionRequested => ("Kërkohet korrigjim", "Correction requested"),
    };
    pick(lang, sq, en)
}

/// A rejection reason, said to the voter.
pub fn reason(lang: Language, r: RejectionReason) -> &'static str {
    let (sq, en) = match r {
        RejectionReason::AddressMismatch => (
            "Adresa e deklaruar nuk përputhet me dokumentin e adresës.",
            "The address you declared does not match the proof of address.",
        ),
        RejectionReason::ProofOfAddressUnreadable => (
            "Dokumenti i adresës nuk lexohet.",
            "The proof of address cannot be read.",
        ),
        RejectionReason::IdentityMismatch => (
            "Të dhënat personale nuk përputhen me regjistrin civil.",
            "Your personal details do not match the civil registry.",
        ),
        RejectionReason::FaceMismatch => (
            "Fotografia e fytyrës nuk përputhet me dokumentin.",
            "The picture of your face does not match the document.",
        ),
        RejectionReason::DocumentUnreadable => (
            "Dokumenti i identitetit nuk lexohet.",
            "The identity document cannot be read.",
        ),
        RejectionReason::NotEligible => (
            "Nuk i plotësoni kushtet për të votuar nga jashtë vendit.",
            "You are not eligible to vote from abroad.",
        ),
        RejectionReason::Duplicate => (
            "Ekziston tashmë një kërkesë për këtë person.",
            "A request already exists for this person.",
        ),
    };
    pick(lang, sq, en)
}

fn pick(lang: Language, sq: &'static str, en: &'static str) -> &'static str {
    match lang {
        Language::Sq => sq,
        Language::En | Language::It | Language::El | Language::De => en,
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

/// A reactive text for `key`, for use in `view!`.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || t(lang.get(), key)
}

/// The same as a [`Signal`], for component properties.
pub fn text(key: Key) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || t(lang.get(), key).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_albanian_and_english() {
        for &key in Key::ALL {
            assert!(
                !t(Language::Sq, key).trim().is_empty(),
                "{key:?} has no Albanian"
            );
            assert!(
                !t(Language::En, key).trim().is_empty(),
                "{key:?} has no English"
            );
        }
    }

    #[test]
    fn albanian_differs_from_english() {
        let same: Vec<_> = Key::ALL
            .iter()
            .filter(|k| t(Language::Sq, **k) == t(Language::En, **k))
            .collect();
        assert!(same.is_empty(), "not translated: {same:?}");
    }

    #[test]
    fn other_languages_fall_back_to_english_not_to_nothing() {
        for lang in [Language::It, Language::El, Language::De] {
            for &key in Key::ALL {
                assert!(!t(lang, key).is_empty(), "{key:?} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        for &key in Key::ALL {
            for ph in ["{n}", "{x}"] {
                assert_eq!(
                    t(Language::Sq, key).contains(ph),
                    t(Language::En, key).contains(ph),
                    "{key:?}: {ph} in one language only"
                );
            }
        }
    }

    #[test]
    fn every_problem_reason_and_status_is_translated() {
        for p in Problem::ALL {
            let (sq, en) = (problem(Language::Sq, p), problem(Language::En, p));
            assert!(!sq.is_empty() && !en.is_empty(), "{p:?}");
            assert_ne!(sq, en, "{p:?} not translated");
        }
        for r in RejectionReason::ALL {
            assert_ne!(reason(Language::Sq, r), reason(Language::En, r), "{r:?}");
            assert!(!reason(Language::Sq, r).is_empty());
        }
        for s in [
            RequestStatus::Submitted,
            RequestStatus::UnderReview,
            RequestStatus::Approved,
            RequestStatus::Rejected,
            RequestStatus::CorrectionRequested,
        ] {
            assert_ne!(status(Language::Sq, s), status(Language::En, s), "{s:?}");
        }
    }

    #[test]
    fn albanian_keeps_its_letters() {
        assert!(t(Language::Sq, Key::StartNeedTitle).contains('Ç'));
        assert!(t(Language::Sq, Key::ServiceName).contains('ë'));
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(
            fill(t(Language::En, Key::SendAgainIn), Some(42), None),
            "Send again in 42 s"
        );
        assert_eq!(
            fill(t(Language::Sq, Key::SentTo), None, Some("+39•••89")),
            "Dërguar te +39•••89"
        );
    }
}
