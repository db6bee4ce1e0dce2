//! Every user-facing string of the app, in Albanian (the default), English, Italian, Greek and
//! German, and the language the voter chose (a context signal, remembered in `localStorage`
//! under `per.lang`).
//!
//! Every table row gives the five texts in the order of [`Language::ALL`]: sq, en, it, el, de.
//! The register is formal in every language (Albanian formal plural, Italian *Lei*, German
//! *Sie*, Greek formal plural). Placeholders:
//! - `{code_len}`, `{pw_min}`, `{pw_max}`: limits from `per-domain`, filled by [`t`];
//! - `{n}` (a number) and `{x}` (a text): filled by [`fill`]; `{a}` and `{b}` by [`fill_named`].

use leptos::prelude::*;
use per_domain::api::LivenessPrompt;
use per_domain::{Language, OneTimeCode, Password, Problem, RejectionReason, RequestStatus};

macro_rules! messages {
    ($($key:ident => [$sq:literal, $en:literal, $it:literal, $el:literal, $de:literal $(,)?];)*) => {
        /// One user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for exhaustive tests of the tables.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }

        /// One string per language (in the order of [`Language::ALL`]), the texts in the
        /// order of [`Key`] separated by NUL: no table of pointers in the bundle.
        const TABLES: [&str; 5] = [
            concat!($($sq, "\0"),*),
            concat!($($en, "\0"),*),
            concat!($($it, "\0"),*),
            concat!($($el, "\0"),*),
            concat!($($de, "\0"),*),
        ];
    };
}

messages! {
    // ---- layout
    ServiceName => [
        "Regjistrimi i zgjedhësve jashtë vendit",
        "Registration of voters abroad",
        "Registrazione degli elettori all'estero",
        "Εγγραφή εκλογέων στο εξωτερικό",
        "Registrierung von Wählerinnen und Wählern im Ausland",
    ];
    SkipToContent => [
        "Kaloni te përmbajtja kryesore",
        "Skip to main content",
        "Vada al contenuto principale",
        "Μεταβείτε στο κύριο περιεχόμενο",
        "Zum Hauptinhalt springen",
    ];
    LanguageLabel => [
        "Gjuha",
        "Language",
        "Lingua",
        "Γλώσσα",
        "Sprache",
    ];
    Back => [
        "Kthehuni",
        "Back",
        "Indietro",
        "Πίσω",
        "Zurück",
    ];
    Continue => [
        "Vazhdoni",
        "Continue",
        "Continui",
        "Συνεχίστε",
        "Weiter",
    ];
    ErrorSummaryTitle => [
        "Ka një problem",
        "There is a problem",
        "C'è un problema",
        "Υπάρχει ένα πρόβλημα",
        "Es gibt ein Problem",
    ];
    ErrorPrefix => [
        "Gabim:",
        "Error:",
        "Errore:",
        "Σφάλμα:",
        "Fehler:",
    ];
    FooterText => [
        "Komisioni Qendror i Zgjedhjeve (KQZ)",
        "Central Election Commission (CEC)",
        "Commissione Elettorale Centrale (KQZ)",
        "Κεντρική Εκλογική Επιτροπή (KQZ)",
        "Zentrale Wahlkommission (KQZ)",
    ];
    Loading => [
        "Duke u ngarkuar…",
        "Loading…",
        "Caricamento…",
        "Φόρτωση…",
        "Wird geladen…",
    ];
    NotFoundTitle => [
        "Faqja nuk u gjet",
        "Page not found",
        "Pagina non trovata",
        "Η σελίδα δεν βρέθηκε",
        "Seite nicht gefunden",
    ];
    NotFoundBody => [
        "Kontrolloni adresën ose filloni nga faqja kryesore.",
        "Check the address or go to the start page.",
        "Controlli l'indirizzo o vada alla pagina iniziale.",
        "Ελέγξτε τη διεύθυνση ή μεταβείτε στην αρχική σελίδα.",
        "Prüfen Sie die Adresse oder gehen Sie zur Startseite.",
    ];
    GoToStart => [
        "Shkoni te faqja kryesore",
        "Go to the start page",
        "Vada alla pagina iniziale",
        "Μεταβείτε στην αρχική σελίδα",
        "Zur Startseite",
    ];
    // ---- start
    StartTitle => [
        "Regjistrohuni për të votuar nga jashtë vendit",
        "Register to vote from abroad",
        "Si registri per votare dall'estero",
        "Εγγραφείτε για να ψηφίσετε από το εξωτερικό",
        "Registrieren Sie sich für die Stimmabgabe aus dem Ausland",
    ];
    StartLead => [
        "Nëse jetoni jashtë Shqipërisë, mund të regjistroheni për të votuar me postë në zgjedhjet parlamentare.",
        "If you live outside Albania, you can register to vote by post in the parliamentary elections.",
        "Se vive fuori dall'Albania, può registrarsi per votare per posta alle elezioni parlamentari.",
        "Αν ζείτε εκτός Αλβανίας, μπορείτε να εγγραφείτε για να ψηφίσετε με επιστολή στις βουλευτικές εκλογές.",
        "Wenn Sie außerhalb Albaniens leben, können Sie sich registrieren, um bei den Parlamentswahlen per Brief zu wählen.",
    ];
    StartNeedTitle => [
        "Çfarë ju nevojitet",
        "What you need",
        "Che cosa Le serve",
        "Τι χρειάζεστε",
        "Was Sie brauchen",
    ];
    NeedId => [
        "kartë identiteti ose pasaportë shqiptare",
        "an Albanian ID card or passport",
        "una carta d'identità o un passaporto albanese",
        "αλβανικό δελτίο ταυτότητας ή διαβατήριο",
        "einen albanischen Personalausweis oder Reisepass",
    ];
    NeedPhone => [
        "një numër celulari jashtë Shqipërisë",
        "a mobile phone number abroad",
        "un numero di cellulare fuori dall'Albania",
        "έναν αριθμό κινητού τηλεφώνου εκτός Αλβανίας",
        "eine Mobilnummer außerhalb Albaniens",
    ];
    NeedEmail => [
        "një adresë e-maili",
        "an e-mail address",
        "un indirizzo e-mail",
        "μια διεύθυνση e-mail",
        "eine E-Mail-Adresse",
    ];
    NeedCamera => [
        "një pajisje me kamerë",
        "a device with a camera",
        "un dispositivo con fotocamera",
        "μια συσκευή με κάμερα",
        "ein Gerät mit Kamera",
    ];
    NeedProof => [
        "një dokument që vërteton adresën tuaj jashtë vendit",
        "a document proving your address abroad",
        "un documento che attesti il Suo indirizzo all'estero",
        "ένα έγγραφο που αποδεικνύει τη διεύθυνσή σας στο εξωτερικό",
        "ein Dokument, das Ihre Adresse im Ausland nachweist",
    ];
    CreateAccount => [
        "Krijoni llogari",
        "Create account",
        "Crei un account",
        "Δημιουργήστε λογαριασμό",
        "Konto erstellen",
    ];
    HaveAccount => [
        "Keni tashmë një llogari?",
        "Already have an account?",
        "Ha già un account?",
        "Έχετε ήδη λογαριασμό;",
        "Sie haben bereits ein Konto?",
    ];
    SignIn => [
        "Hyni",
        "Sign in",
        "Acceda",
        "Συνδεθείτε",
        "Anmelden",
    ];
    CheckSeats => [
        "Shikoni shpërndarjen e mandateve",
        "Check seat distribution",
        "Consulti la ripartizione dei seggi",
        "Δείτε την κατανομή των εδρών",
        "Sitzverteilung ansehen",
    ];
    // ---- results
    ResultsTitle => [
        "Shpërndarja e mandateve",
        "Seat distribution",
        "Ripartizione dei seggi",
        "Κατανομή των εδρών",
        "Sitzverteilung",
    ];
    ResultsComing => [
        "Kjo faqe do të jetë gati së shpejti.",
        "This page is coming soon.",
        "Questa pagina sarà disponibile a breve.",
        "Αυτή η σελίδα θα είναι σύντομα διαθέσιμη.",
        "Diese Seite ist bald verfügbar.",
    ];
    // ---- contact
    ContactTitle => [
        "Si mund t'ju kontaktojmë?",
        "How can we contact you?",
        "Come possiamo contattarLa?",
        "Πώς μπορούμε να επικοινωνήσουμε μαζί σας;",
        "Wie können wir Sie erreichen?",
    ];
    ContactLead => [
        "Do t'ju dërgojmë një kod me SMS dhe një kod me e-mail, për të verifikuar të dyja.",
        "We will send a code by text message and a code by e-mail, to check both.",
        "Le invieremo un codice via SMS e un codice via e-mail, per verificarli entrambi.",
        "Θα σας στείλουμε έναν κωδικό με SMS και έναν κωδικό με e-mail, για να επαληθεύσουμε και τα δύο.",
        "Wir senden Ihnen einen Code per SMS und einen Code per E-Mail, um beides zu bestätigen.",
    ];
    PhoneLabel => [
        "Numri i celularit",
        "Mobile phone number",
        "Numero di cellulare",
        "Αριθμός κινητού τηλεφώνου",
        "Mobilnummer",
    ];
    PhoneHint => [
        "Me kodin e shtetit, p.sh. +39 312 345 6789. Numrat shqiptarë (+355) nuk pranohen.",
        "With the country code, like +39 312 345 6789. Albanian (+355) numbers are not accepted.",
        "Con il prefisso internazionale, ad esempio +39 312 345 6789. I numeri albanesi (+355) non sono accettati.",
        "Με τον κωδικό χώρας, π.χ. +30 691 234 5678. Οι αλβανικοί αριθμοί (+355) δεν γίνονται δεκτοί.",
        "Mit Ländervorwahl, z. B. +49 151 2345 6789. Albanische Nummern (+355) werden nicht akzeptiert.",
    ];
    EmailLabel => [
        "Adresa e e-mailit",
        "E-mail address",
        "Indirizzo e-mail",
        "Διεύθυνση e-mail",
        "E-Mail-Adresse",
    ];
    EmailHint => [
        "P.sh. emri@shembull.com",
        "Like name@example.com",
        "Ad esempio nome@esempio.it",
        "Π.χ. onoma@paradeigma.gr",
        "Zum Beispiel name@beispiel.de",
    ];
    SendCodes => [
        "Dërgoni kodet",
        "Send the codes",
        "Invii i codici",
        "Στείλτε τους κωδικούς",
        "Codes senden",
    ];
    // ---- verify
    VerifyTitle => [
        "Shkruani kodet që ju dërguam",
        "Enter the codes we sent you",
        "Inserisca i codici che Le abbiamo inviato",
        "Εισαγάγετε τους κωδικούς που σας στείλαμε",
        "Geben Sie die Codes ein, die wir Ihnen gesendet haben",
    ];
    VerifyLead => [
        "Çdo kod ka {code_len} shifra dhe është i vlefshëm për 10 minuta.",
        "Each code has {code_len} digits and is valid for 10 minutes.",
        "Ogni codice ha {code_len} cifre ed è valido per 10 minuti.",
        "Κάθε κωδικός έχει {code_len} ψηφία και ισχύει για 10 λεπτά.",
        "Jeder Code hat {code_len} Ziffern und ist 10 Minuten lang gültig.",
    ];
    PhoneCodeLabel => [
        "Kodi nga SMS-ja",
        "Code from the text message",
        "Codice ricevuto via SMS",
        "Κωδικός από το SMS",
        "Code aus der SMS",
    ];
    EmailCodeLabel => [
        "Kodi nga e-maili",
        "Code from the e-mail",
        "Codice ricevuto via e-mail",
        "Κωδικός από το e-mail",
        "Code aus der E-Mail",
    ];
    SentTo => [
        "Dërguar te {x}",
        "Sent to {x}",
        "Inviato a {x}",
        "Στάλθηκε σε {x}",
        "Gesendet an {x}",
    ];
    MaskedPhone => [
        "numri që mbaron me {x}",
        "the number ending in {x}",
        "un numero che termina con {x}",
        "έναν αριθμό που τελειώνει σε {x}",
        "eine Nummer mit der Endung {x}",
    ];
    MaskedEmail => [
        "adresa që fillon me {a}, në {b}",
        "the address beginning with {a}, at {b}",
        "un indirizzo che inizia con {a}, presso {b}",
        "μια διεύθυνση που αρχίζει από {a}, στο {b}",
        "eine Adresse, die mit {a} beginnt, bei {b}",
    ];
    ResendPhone => [
        "Dërgoni përsëri kodin me SMS",
        "Send the SMS code again",
        "Invii di nuovo il codice via SMS",
        "Στείλτε ξανά τον κωδικό SMS",
        "SMS-Code erneut senden",
    ];
    ResendEmail => [
        "Dërgoni përsëri kodin me e-mail",
        "Send the e-mail code again",
        "Invii di nuovo il codice via e-mail",
        "Στείλτε ξανά τον κωδικό e-mail",
        "E-Mail-Code erneut senden",
    ];
    ResendPhoneIn => [
        "Dërgoni përsëri kodin me SMS {x}",
        "Send the SMS code again {x}",
        "Invii di nuovo il codice via SMS {x}",
        "Στείλτε ξανά τον κωδικό SMS {x}",
        "SMS-Code {x} erneut senden",
    ];
    ResendEmailIn => [
        "Dërgoni përsëri kodin me e-mail {x}",
        "Send the e-mail code again {x}",
        "Invii di nuovo il codice via e-mail {x}",
        "Στείλτε ξανά τον κωδικό e-mail {x}",
        "E-Mail-Code {x} erneut senden",
    ];
    CodeResent => [
        "U dërgua një kod i ri.",
        "A new code was sent.",
        "Abbiamo inviato un nuovo codice.",
        "Στάλθηκε νέος κωδικός.",
        "Ein neuer Code wurde gesendet.",
    ];
    Verified => [
        "Verifikuar",
        "Verified",
        "Verificato",
        "Επαληθεύτηκε",
        "Bestätigt",
    ];
    VerifyButton => [
        "Verifikoni",
        "Verify",
        "Verifichi",
        "Επαληθεύστε",
        "Bestätigen",
    ];
    NoSignup => [
        "Nuk e gjetëm regjistrimin tuaj në këtë shfletues.",
        "We could not find your sign-up in this browser.",
        "Non abbiamo trovato la Sua registrazione in questo browser.",
        "Δεν βρήκαμε την εγγραφή σας σε αυτό το πρόγραμμα περιήγησης.",
        "Wir konnten Ihre Registrierung in diesem Browser nicht finden.",
    ];
    StartAgain => [
        "Filloni nga e para",
        "Start again",
        "Ricominci da capo",
        "Ξεκινήστε από την αρχή",
        "Neu beginnen",
    ];
    // ---- password
    PasswordTitle => [
        "Zgjidhni një fjalëkalim",
        "Choose a password",
        "Scelga una password",
        "Επιλέξτε κωδικό πρόσβασης",
        "Wählen Sie ein Passwort",
    ];
    PasswordLabel => [
        "Fjalëkalimi",
        "Password",
        "Password",
        "Κωδικός πρόσβασης",
        "Passwort",
    ];
    PasswordHint => [
        "Të paktën {pw_min} karaktere. Mund të përdorni një frazë ose një menaxher fjalëkalimesh.",
        "At least {pw_min} characters. You can use a passphrase or a password manager.",
        "Almeno {pw_min} caratteri. Può usare una frase o un gestore di password.",
        "Τουλάχιστον {pw_min} χαρακτήρες. Μπορείτε να χρησιμοποιήσετε μια φράση ή έναν διαχειριστή κωδικών πρόσβασης.",
        "Mindestens {pw_min} Zeichen. Sie können einen Satz oder einen Passwort-Manager verwenden.",
    ];
    ShowPassword => [
        "Shfaqni fjalëkalimin",
        "Show password",
        "Mostri la password",
        "Εμφανίστε τον κωδικό",
        "Passwort anzeigen",
    ];
    // ---- face
    FaceTitle => [
        "Fotografia e fytyrës",
        "A picture of your face",
        "Una foto del Suo volto",
        "Μια φωτογραφία του προσώπου σας",
        "Ein Foto Ihres Gesichts",
    ];
    FaceWhy => [
        "E krahasojmë fytyrën tuaj me fotografinë e dokumentit, që askush të mos regjistrohet në emrin tuaj.",
        "We compare your face with the photo on your document, so that nobody can register in your name.",
        "Confrontiamo il Suo volto con la foto del documento, perché nessuno possa registrarsi a Suo nome.",
        "Συγκρίνουμε το πρόσωπό σας με τη φωτογραφία του εγγράφου σας, ώστε κανείς να μην μπορεί να εγγραφεί στο όνομά σας.",
        "Wir vergleichen Ihr Gesicht mit dem Foto in Ihrem Dokument, damit sich niemand in Ihrem Namen registrieren kann.",
    ];
    FaceHow => [
        "Qëndroni në një vend me dritë dhe hiqni syzet e errëta ose kapelën. Shfletuesi do t'ju kërkojë leje për kamerën.",
        "Stand somewhere well lit and take off dark glasses or hats. Your browser will ask for permission to use the camera.",
        "Si metta in un luogo ben illuminato e tolga occhiali scuri o cappelli. Il browser Le chiederà il permesso di usare la fotocamera.",
        "Σταθείτε σε σημείο με καλό φωτισμό και βγάλτε σκούρα γυαλιά ή καπέλο. Το πρόγραμμα περιήγησης θα σας ζητήσει άδεια για την κάμερα.",
        "Stellen Sie sich an einen hellen Ort und nehmen Sie dunkle Brillen oder Hüte ab. Ihr Browser fragt Sie nach der Erlaubnis, die Kamera zu verwenden.",
    ];
    StartCamera => [
        "Hapni kamerën",
        "Start camera",
        "Avvii la fotocamera",
        "Ανοίξτε την κάμερα",
        "Kamera starten",
    ];
    CameraStarting => [
        "Po hapet kamera…",
        "Starting the camera…",
        "Avvio della fotocamera…",
        "Η κάμερα ανοίγει…",
        "Kamera wird gestartet…",
    ];
    FaceGuide => [
        "Mbajeni fytyrën brenda ovalit dhe bëni fotografinë",
        "Keep your face inside the oval, then take the picture",
        "Tenga il volto dentro l'ovale, poi scatti la foto",
        "Κρατήστε το πρόσωπό σας μέσα στο οβάλ και μετά τραβήξτε τη φωτογραφία",
        "Halten Sie Ihr Gesicht im Oval und nehmen Sie dann das Foto auf",
    ];
    PromptLookStraight => [
        "Shikoni drejt kamerës dhe mbajeni fytyrën brenda ovalit",
        "Look straight at the camera, keep your face inside the oval",
        "Guardi dritto nella fotocamera e tenga il volto dentro l'ovale",
        "Κοιτάξτε ευθεία την κάμερα και κρατήστε το πρόσωπό σας μέσα στο οβάλ",
        "Schauen Sie direkt in die Kamera und halten Sie Ihr Gesicht im Oval",
    ];
    TakePicture => [
        "Bëni fotografinë",
        "Take picture",
        "Scatti la foto",
        "Τραβήξτε τη φωτογραφία",
        "Foto aufnehmen",
    ];
    Sending => [
        "Po dërgohet…",
        "Sending…",
        "Invio in corso…",
        "Αποστολή…",
        "Wird gesendet…",
    ];
    CameraDenied => [
        "Kamera nuk u lejua ose nuk u gjet. Mund ta lejoni në cilësimet e shfletuesit dhe të provoni përsëri.",
        "The camera was not allowed or was not found. You can allow it in your browser settings and try again.",
        "La fotocamera non è stata consentita o non è stata trovata. Può consentirla nelle impostazioni del browser e riprovare.",
        "Η κάμερα δεν επιτράπηκε ή δεν βρέθηκε. Μπορείτε να την επιτρέψετε στις ρυθμίσεις του προγράμματος περιήγησης και να δοκιμάσετε ξανά.",
        "Die Kamera wurde nicht erlaubt oder nicht gefunden. Sie können sie in den Browser-Einstellungen erlauben und es erneut versuchen.",
    ];
    CameraNotReady => [
        "Kamera nuk është ende gati. Prisni një çast dhe provoni përsëri.",
        "The camera is not ready yet. Wait a moment and try again.",
        "La fotocamera non è ancora pronta. Attenda un attimo e riprovi.",
        "Η κάμερα δεν είναι ακόμη έτοιμη. Περιμένετε λίγο και δοκιμάστε ξανά.",
        "Die Kamera ist noch nicht bereit. Warten Sie einen Moment und versuchen Sie es erneut.",
    ];
    FaceRejected => [
        "Fotografia nuk u pranua. Provoni përsëri me më shumë dritë.",
        "The picture was not accepted. Try again with more light.",
        "La foto non è stata accettata. Riprovi con più luce.",
        "Η φωτογραφία δεν έγινε δεκτή. Δοκιμάστε ξανά με περισσότερο φως.",
        "Das Foto wurde nicht akzeptiert. Versuchen Sie es mit mehr Licht erneut.",
    ];
    AssistedTitle => [
        "Nuk mund të përdorni kamerën?",
        "Cannot use a camera?",
        "Non può usare una fotocamera?",
        "Δεν μπορείτε να χρησιμοποιήσετε κάμερα;",
        "Sie können keine Kamera verwenden?",
    ];
    AssistedBody => [
        "Mund të verifikoheni në një telefonatë video me KQZ-në ose në një takim në konsullatën shqiptare më të afërt. Llogaria dhe përgjigjet tuaja ruhen.",
        "You can be verified in a video call with the CEC or at an appointment at the nearest Albanian consulate. Your account and answers are kept.",
        "L'identificazione può avvenire in una videochiamata con la KQZ o con un appuntamento presso il consolato albanese più vicino. Il Suo account e le Sue risposte restano salvati.",
        "Η ταυτοποίησή σας μπορεί να γίνει με βιντεοκλήση με την KQZ ή με ραντεβού στο πλησιέστερο αλβανικό προξενείο. Ο λογαριασμός και οι απαντήσεις σας διατηρούνται.",
        "Die Identitätsprüfung ist auch per Videoanruf mit der KQZ oder bei einem Termin im nächstgelegenen albanischen Konsulat möglich. Ihr Konto und Ihre Antworten bleiben gespeichert.",
    ];
    TryAgain => [
        "Provoni përsëri",
        "Try again",
        "Riprovi",
        "Δοκιμάστε ξανά",
        "Erneut versuchen",
    ];
    // ---- identity
    IdentityTitle => [
        "Të dhënat tuaja personale",
        "Your personal details",
        "I Suoi dati personali",
        "Τα προσωπικά σας στοιχεία",
        "Ihre persönlichen Daten",
    ];
    IdentityLead => [
        "Shkruajini siç janë në kartën e identitetit ose në pasaportë.",
        "Enter them as they are on your ID card or passport.",
        "Li inserisca come sono riportati sulla carta d'identità o sul passaporto.",
        "Εισαγάγετέ τα όπως αναγράφονται στο δελτίο ταυτότητας ή στο διαβατήριο.",
        "Geben Sie sie so ein, wie sie auf Ihrem Personalausweis oder Reisepass stehen.",
    ];
    DraftSaved => [
        "Përgjigjet ruhen në këtë skedë të shfletuesit derisa ta mbyllni ose të dilni nga llogaria.",
        "Your answers are kept in this browser tab until you close it or sign out.",
        "Le Sue risposte restano salvate in questa scheda del browser finché non la chiude o non esce dall'account.",
        "Οι απαντήσεις σας διατηρούνται σε αυτή την καρτέλα του προγράμματος περιήγησης μέχρι να την κλείσετε ή να αποσυνδεθείτε.",
        "Ihre Antworten bleiben in diesem Browser-Tab gespeichert, bis Sie ihn schließen oder sich abmelden.",
    ];
    PersonalNumberLabel => [
        "Numri personal (NID)",
        "Personal number (NID)",
        "Numero personale (NID)",
        "Προσωπικός αριθμός (NID)",
        "Persönliche Nummer (NID)",
    ];
    PersonalNumberHint => [
        "10 karaktere, p.sh. J90415123A",
        "10 characters, like J90415123A",
        "10 caratteri, ad esempio J90415123A",
        "10 χαρακτήρες, π.χ. J90415123A",
        "10 Zeichen, z. B. J90415123A",
    ];
    FirstNameLabel => [
        "Emri",
        "First name",
        "Nome",
        "Όνομα",
        "Vorname",
    ];
    SurnameLabel => [
        "Mbiemri",
        "Surname",
        "Cognome",
        "Επώνυμο",
        "Nachname",
    ];
    DobLabel => [
        "Datëlindja",
        "Date of birth",
        "Data di nascita",
        "Ημερομηνία γέννησης",
        "Geburtsdatum",
    ];
    DobHint => [
        "Siç është në dokument",
        "As on your document",
        "Come sul documento",
        "Όπως στο έγγραφο",
        "Wie im Dokument",
    ];
    SexLegend => [
        "Gjinia",
        "Sex",
        "Sesso",
        "Φύλο",
        "Geschlecht",
    ];
    SexHint => [
        "Siç është në dokument",
        "As on your document",
        "Come sul documento",
        "Όπως στο έγγραφο",
        "Wie im Dokument",
    ];
    SexF => [
        "Femër",
        "Female",
        "Femmina",
        "Γυναίκα",
        "Weiblich",
    ];
    SexM => [
        "Mashkull",
        "Male",
        "Maschio",
        "Άνδρας",
        "Männlich",
    ];
    SubmitRequest => [
        "Dërgoni kërkesën",
        "Submit request",
        "Invii la richiesta",
        "Υποβάλετε την αίτηση",
        "Antrag absenden",
    ];
    // ---- done
    DoneTitle => [
        "Kërkesa u dërgua",
        "Request submitted",
        "Richiesta inviata",
        "Η αίτηση υποβλήθηκε",
        "Antrag gesendet",
    ];
    DoneReference => [
        "Numri i referencës",
        "Your reference number",
        "Il Suo numero di riferimento",
        "Ο αριθμός αναφοράς σας",
        "Ihre Referenznummer",
    ];
    DoneKeep => [
        "Ruajeni këtë numër: ju duhet nëse kontaktoni KQZ-në.",
        "Keep this number: you need it if you contact the CEC.",
        "Conservi questo numero: Le servirà se contatta la KQZ.",
        "Κρατήστε αυτόν τον αριθμό: θα τον χρειαστείτε αν επικοινωνήσετε με την KQZ.",
        "Bewahren Sie diese Nummer auf: Sie brauchen sie, wenn Sie die KQZ kontaktieren.",
    ];
    NextTitle => [
        "Çfarë ndodh më pas",
        "What happens next",
        "Che cosa succede ora",
        "Τι γίνεται στη συνέχεια",
        "Wie es weitergeht",
    ];
    NextBody => [
        "KQZ-ja vendos brenda 5 ditëve. Do t'ju njoftojmë me e-mail dhe me SMS.",
        "The CEC decides within 5 days. You will be notified by e-mail and SMS.",
        "La KQZ decide entro 5 giorni. Riceverà una notifica via e-mail e SMS.",
        "Η KQZ αποφασίζει μέσα σε 5 ημέρες. Θα ενημερωθείτε με e-mail και SMS.",
        "Die KQZ entscheidet innerhalb von 5 Tagen. Sie werden per E-Mail und SMS benachrichtigt.",
    ];
    // ---- my request
    MyRequestTitle => [
        "Kërkesa ime",
        "My request",
        "La mia richiesta",
        "Η αίτησή μου",
        "Mein Antrag",
    ];
    ReferenceLabel => [
        "Numri i referencës",
        "Reference number",
        "Numero di riferimento",
        "Αριθμός αναφοράς",
        "Referenznummer",
    ];
    StatusLabel => [
        "Gjendja",
        "Status",
        "Stato",
        "Κατάσταση",
        "Status",
    ];
    SubmittedAt => [
        "Dërguar më",
        "Submitted on",
        "Inviata il",
        "Υποβλήθηκε στις",
        "Gesendet am",
    ];
    DecidedAt => [
        "Vendosur më",
        "Decided on",
        "Decisa il",
        "Αποφασίστηκε στις",
        "Entschieden am",
    ];
    ReasonsTitle => [
        "Arsyet",
        "Reasons",
        "Motivi",
        "Λόγοι",
        "Gründe",
    ];
    FixAnswer => [
        "Korrigjoni këtë përgjigje",
        "Correct this answer",
        "Corregga questa risposta",
        "Διορθώστε αυτή την απάντηση",
        "Diese Angabe korrigieren",
    ];
    CorrectionLead => [
        "KQZ-ja ju kërkon të korrigjoni përgjigjet tuaja.",
        "The CEC asks you to correct your answers.",
        "La KQZ Le chiede di correggere le Sue risposte.",
        "Η KQZ σας ζητά να διορθώσετε τις απαντήσεις σας.",
        "Die KQZ bittet Sie, Ihre Angaben zu korrigieren.",
    ];
    CorrectAnswers => [
        "Korrigjoni përgjigjet",
        "Correct your answers",
        "Corregga le risposte",
        "Διορθώστε τις απαντήσεις",
        "Angaben korrigieren",
    ];
    ApplyAgainLead => [
        "Mund të aplikoni përsëri para afatit të regjistrimit.",
        "You can apply again before the registration deadline.",
        "Può presentare di nuovo la richiesta prima della scadenza delle registrazioni.",
        "Μπορείτε να υποβάλετε ξανά αίτηση πριν από τη λήξη της προθεσμίας εγγραφής.",
        "Sie können vor Ablauf der Registrierungsfrist erneut einen Antrag stellen.",
    ];
    ApplyAgain => [
        "Aplikoni përsëri",
        "Apply again",
        "Presenti una nuova richiesta",
        "Υποβάλετε νέα αίτηση",
        "Erneut beantragen",
    ];
    NoRequest => [
        "Nuk keni dërguar ende një kërkesë.",
        "You have not submitted a request yet.",
        "Non ha ancora inviato una richiesta.",
        "Δεν έχετε υποβάλει ακόμη αίτηση.",
        "Sie haben noch keinen Antrag gesendet.",
    ];
    ContinueRegistration => [
        "Vazhdoni regjistrimin",
        "Continue your registration",
        "Continui la registrazione",
        "Συνεχίστε την εγγραφή",
        "Registrierung fortsetzen",
    ];
    NotSignedIn => [
        "Nuk keni hyrë në llogari. Hyni për të parë kërkesën tuaj.",
        "You are not signed in. Sign in to see your request.",
        "Non ha effettuato l'accesso. Acceda per vedere la Sua richiesta.",
        "Δεν έχετε συνδεθεί. Συνδεθείτε για να δείτε την αίτησή σας.",
        "Sie sind nicht angemeldet. Melden Sie sich an, um Ihren Antrag zu sehen.",
    ];
    SignOut => [
        "Dilni",
        "Sign out",
        "Esca",
        "Αποσυνδεθείτε",
        "Abmelden",
    ];
    // ---- sign in
    SignInTitle => [
        "Hyni në llogarinë tuaj",
        "Sign in to your account",
        "Acceda al Suo account",
        "Συνδεθείτε στον λογαριασμό σας",
        "Melden Sie sich bei Ihrem Konto an",
    ];
    LoginLabel => [
        "E-maili ose numri i celularit",
        "E-mail address or mobile number",
        "E-mail o numero di cellulare",
        "E-mail ή αριθμός κινητού",
        "E-Mail-Adresse oder Mobilnummer",
    ];
    LoginHint => [
        "Numri me kodin e shtetit, p.sh. +39 312 345 6789",
        "The number with the country code, like +39 312 345 6789",
        "Il numero con il prefisso internazionale, ad esempio +39 312 345 6789",
        "Ο αριθμός με τον κωδικό χώρας, π.χ. +30 691 234 5678",
        "Die Nummer mit Ländervorwahl, z. B. +49 151 2345 6789",
    ];
    NoAccount => [
        "Nuk keni llogari?",
        "No account yet?",
        "Non ha ancora un account?",
        "Δεν έχετε λογαριασμό;",
        "Sie haben noch kein Konto?",
    ];
    // ---- errors from the server or the network
    ErrNetwork => [
        "Nuk ka lidhje. Përgjigjet tuaja ruhen: provoni përsëri.",
        "No connection. Your answers are kept: try again.",
        "Nessuna connessione. Le Sue risposte sono conservate: riprovi.",
        "Δεν υπάρχει σύνδεση. Οι απαντήσεις σας διατηρούνται: δοκιμάστε ξανά.",
        "Keine Verbindung. Ihre Antworten bleiben erhalten: Versuchen Sie es erneut.",
    ];
    ErrServer => [
        "Ndodhi një gabim nga ana jonë. Përgjigjet tuaja ruhen: provoni përsëri pas pak.",
        "Something went wrong on our side. Your answers are kept: try again in a moment.",
        "Si è verificato un errore da parte nostra. Le Sue risposte sono conservate: riprovi tra poco.",
        "Παρουσιάστηκε σφάλμα από την πλευρά μας. Οι απαντήσεις σας διατηρούνται: δοκιμάστε ξανά σε λίγο.",
        "Bei uns ist ein Fehler aufgetreten. Ihre Antworten bleiben erhalten: Versuchen Sie es gleich noch einmal.",
    ];
    ErrCodeWrong => [
        "Kodi është i gabuar.",
        "The code is wrong.",
        "Il codice è errato.",
        "Ο κωδικός είναι λάθος.",
        "Der Code ist falsch.",
    ];
    ErrCodeWrongLeft => [
        "Kodi është i gabuar. Përpjekje të mbetura: {n}.",
        "The code is wrong. Tries left: {n}.",
        "Il codice è errato. Tentativi rimasti: {n}.",
        "Ο κωδικός είναι λάθος. Υπόλοιπες προσπάθειες: {n}.",
        "Der Code ist falsch. Verbleibende Versuche: {n}.",
    ];
    ErrCodeExpired => [
        "Kodi ka skaduar ose është përdorur. Kërkoni një kod të ri.",
        "The code has expired or was already used. Ask for a new one.",
        "Il codice è scaduto o è già stato usato. Ne richieda uno nuovo.",
        "Ο κωδικός έχει λήξει ή έχει ήδη χρησιμοποιηθεί. Ζητήστε νέο κωδικό.",
        "Der Code ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.",
    ];
    ErrTooMany => [
        "Shumë përpjekje. Provoni përsëri më vonë.",
        "Too many attempts. Try again later.",
        "Troppi tentativi. Riprovi più tardi.",
        "Πάρα πολλές προσπάθειες. Δοκιμάστε ξανά αργότερα.",
        "Zu viele Versuche. Versuchen Sie es später erneut.",
    ];
    ErrTooManyIn => [
        "Shumë përpjekje. Provoni përsëri {x}.",
        "Too many attempts. Try again {x}.",
        "Troppi tentativi. Riprovi {x}.",
        "Πάρα πολλές προσπάθειες. Δοκιμάστε ξανά {x}.",
        "Zu viele Versuche. Versuchen Sie es {x} erneut.",
    ];
    ErrUnauthorized => [
        "Seanca juaj ka përfunduar ose nuk është e vlefshme. Hyni përsëri.",
        "Your session has ended or is not valid. Sign in again.",
        "La Sua sessione è scaduta o non è valida. Acceda di nuovo.",
        "Η συνεδρία σας έληξε ή δεν είναι έγκυρη. Συνδεθείτε ξανά.",
        "Ihre Sitzung ist abgelaufen oder ungültig. Melden Sie sich erneut an.",
    ];
    ErrBadCredentials => [
        "E-maili, numri ose fjalëkalimi është i gabuar.",
        "The e-mail address, number or password is wrong.",
        "L'e-mail, il numero o la password non sono corretti.",
        "Το e-mail, ο αριθμός ή ο κωδικός πρόσβασης είναι λάθος.",
        "E-Mail-Adresse, Nummer oder Passwort ist falsch.",
    ];
    ErrAlreadyRegistered => [
        "Ky numër ose ky e-mail ka tashmë një llogari. Hyni në llogari.",
        "This number or e-mail already has an account. Sign in instead.",
        "Questo numero o questa e-mail ha già un account. Acceda.",
        "Αυτός ο αριθμός ή αυτό το e-mail έχει ήδη λογαριασμό. Συνδεθείτε.",
        "Für diese Nummer oder E-Mail-Adresse gibt es bereits ein Konto. Melden Sie sich an.",
    ];
    ErrStepMissing => [
        "Mungon një hap: bëni fotografinë e fytyrës para se të dërgoni kërkesën.",
        "A step is missing: take the picture of your face before you submit.",
        "Manca un passaggio: scatti la foto del volto prima di inviare la richiesta.",
        "Λείπει ένα βήμα: τραβήξτε τη φωτογραφία του προσώπου σας πριν υποβάλετε την αίτηση.",
        "Ein Schritt fehlt: Nehmen Sie das Foto Ihres Gesichts auf, bevor Sie den Antrag senden.",
    ];
    ErrCodesNotVerified => [
        "Verifikoni të dy kodet para se të zgjidhni fjalëkalimin.",
        "Verify both codes before you choose a password.",
        "Verifichi entrambi i codici prima di scegliere la password.",
        "Επαληθεύστε και τους δύο κωδικούς πριν επιλέξετε κωδικό πρόσβασης.",
        "Bestätigen Sie beide Codes, bevor Sie ein Passwort wählen.",
    ];
    ErrFaceTooSlow => [
        "Fotografia zgjati shumë. Bëjeni përsëri.",
        "The picture took too long. Take it again.",
        "La foto ha richiesto troppo tempo. La scatti di nuovo.",
        "Η φωτογραφία καθυστέρησε πολύ. Τραβήξτε την ξανά.",
        "Das Foto hat zu lange gedauert. Nehmen Sie es erneut auf.",
    ];
    ErrSignupExpired => [
        "Regjistrimi juaj ka skaduar. Filloni nga e para.",
        "Your sign-up has expired. Start again.",
        "La Sua registrazione è scaduta. Ricominci da capo.",
        "Η εγγραφή σας έληξε. Ξεκινήστε από την αρχή.",
        "Ihre Registrierung ist abgelaufen. Beginnen Sie neu.",
    ];
    ErrRequestExists => [
        "Keni tashmë një kërkesë të hapur. Shikoni kërkesën tuaj.",
        "You already have an open request. See your request.",
        "Ha già una richiesta aperta. Veda la Sua richiesta.",
        "Έχετε ήδη μια ανοιχτή αίτηση. Δείτε την αίτησή σας.",
        "Sie haben bereits einen offenen Antrag. Sehen Sie sich Ihren Antrag an.",
    ];
    ErrNotFound => [
        "Nuk u gjet.",
        "Not found.",
        "Non trovato.",
        "Δεν βρέθηκε.",
        "Nicht gefunden.",
    ];
    // ---- waits (see wait())
    WaitSecond => [
        "pas {n} sekonde",
        "in {n} second",
        "tra {n} secondo",
        "σε {n} δευτερόλεπτο",
        "in {n} Sekunde",
    ];
    WaitSeconds => [
        "pas {n} sekondash",
        "in {n} seconds",
        "tra {n} secondi",
        "σε {n} δευτερόλεπτα",
        "in {n} Sekunden",
    ];
    WaitMinutes => [
        "pas {n} minutash",
        "in {n} minutes",
        "tra {n} minuti",
        "σε {n} λεπτά",
        "in {n} Minuten",
    ];
    // ---- request statuses
    StatusSubmitted => [
        "Dërguar",
        "Submitted",
        "Inviata",
        "Υποβλήθηκε",
        "Gesendet",
    ];
    StatusUnderReview => [
        "Në shqyrtim",
        "Under review",
        "In esame",
        "Υπό εξέταση",
        "In Prüfung",
    ];
    StatusApproved => [
        "Miratuar",
        "Approved",
        "Approvata",
        "Εγκρίθηκε",
        "Genehmigt",
    ];
    StatusRejected => [
        "Refuzuar",
        "Rejected",
        "Respinta",
        "Απορρίφθηκε",
        "Abgelehnt",
    ];
    StatusCorrectionRequested => [
        "Kërkohet korrigjim",
        "Correction requested",
        "Correzione richiesta",
        "Ζητείται διόρθωση",
        "Korrektur angefordert",
    ];
    // ---- rejection reasons
    ReasonAddressMismatch => [
        "Adresa e deklaruar nuk përputhet me dokumentin e adresës.",
        "The address you declared does not match the proof of address.",
        "L'indirizzo dichiarato non corrisponde al documento che lo attesta.",
        "Η διεύθυνση που δηλώσατε δεν αντιστοιχεί στο αποδεικτικό διεύθυνσης.",
        "Die angegebene Adresse stimmt nicht mit dem Adressnachweis überein.",
    ];
    ReasonProofUnreadable => [
        "Dokumenti i adresës nuk lexohet.",
        "The proof of address cannot be read.",
        "Il documento che attesta l'indirizzo non è leggibile.",
        "Το αποδεικτικό διεύθυνσης δεν είναι ευανάγνωστο.",
        "Der Adressnachweis ist nicht lesbar.",
    ];
    ReasonIdentityMismatch => [
        "Të dhënat personale nuk përputhen me regjistrin civil.",
        "Your personal details do not match the civil registry.",
        "I Suoi dati personali non corrispondono al registro civile.",
        "Τα προσωπικά σας στοιχεία δεν αντιστοιχούν στο μητρώο πολιτών.",
        "Ihre persönlichen Daten stimmen nicht mit dem Personenstandsregister überein.",
    ];
    ReasonFaceMismatch => [
        "Fotografia e fytyrës nuk përputhet me dokumentin.",
        "The picture of your face does not match the document.",
        "La foto del Suo volto non corrisponde al documento.",
        "Η φωτογραφία του προσώπου σας δεν αντιστοιχεί στο έγγραφο.",
        "Das Foto Ihres Gesichts stimmt nicht mit dem Dokument überein.",
    ];
    ReasonDocumentUnreadable => [
        "Dokumenti i identitetit nuk lexohet.",
        "The identity document cannot be read.",
        "Il documento d'identità non è leggibile.",
        "Το έγγραφο ταυτότητας δεν είναι ευανάγνωστο.",
        "Das Ausweisdokument ist nicht lesbar.",
    ];
    ReasonNotEligible => [
        "Nuk i plotësoni kushtet për të votuar nga jashtë vendit.",
        "You are not eligible to vote from abroad.",
        "Non possiede i requisiti per votare dall'estero.",
        "Δεν πληροίτε τις προϋποθέσεις για να ψηφίσετε από το εξωτερικό.",
        "Sie erfüllen nicht die Voraussetzungen, um aus dem Ausland zu wählen.",
    ];
    ReasonDuplicate => [
        "Ekziston tashmë një kërkesë për këtë person.",
        "A request already exists for this person.",
        "Esiste già una richiesta per questa persona.",
        "Υπάρχει ήδη αίτηση για αυτό το πρόσωπο.",
        "Für diese Person gibt es bereits einen Antrag.",
    ];
    // ---- input problems, when the field is not known (see form::Field for the field-specific ones)
    ProblemRequired => [
        "Kjo fushë është e detyrueshme",
        "This field is required",
        "Questo campo è obbligatorio",
        "Αυτό το πεδίο είναι υποχρεωτικό",
        "Dieses Feld ist ein Pflichtfeld",
    ];
    ProblemTooLong => [
        "Kjo fushë është shumë e gjatë",
        "This field is too long",
        "Questo campo è troppo lungo",
        "Αυτό το πεδίο είναι πολύ μεγάλο",
        "Dieser Eintrag ist zu lang",
    ];
    ProblemPhoneNeedsCountryCode => [
        "Shkruani numrin në formë ndërkombëtare, duke filluar me + dhe kodin e shtetit",
        "Enter the number in international form, starting with + and the country code",
        "Inserisca il numero in formato internazionale, iniziando con + e il prefisso del paese",
        "Εισαγάγετε τον αριθμό σε διεθνή μορφή, ξεκινώντας με + και τον κωδικό χώρας",
        "Geben Sie die Nummer im internationalen Format ein, beginnend mit + und der Ländervorwahl",
    ];
    ProblemPhoneInvalid => [
        "Shkruani një numër celulari të vlefshëm, p.sh. +39 312 345 6789",
        "Enter a valid mobile number, like +39 312 345 6789",
        "Inserisca un numero di cellulare valido, ad esempio +39 312 345 6789",
        "Εισαγάγετε έναν έγκυρο αριθμό κινητού, π.χ. +30 691 234 5678",
        "Geben Sie eine gültige Mobilnummer ein, z. B. +49 151 2345 6789",
    ];
    ProblemPhoneAlbanian => [
        "Një numër shqiptar (+355) nuk mund të përdoret: ky shërbim është për zgjedhësit që jetojnë jashtë vendit",
        "An Albanian (+355) number cannot be used: this service is for voters living abroad",
        "Non si può usare un numero albanese (+355): questo servizio è per gli elettori che vivono all'estero",
        "Δεν μπορεί να χρησιμοποιηθεί αλβανικός αριθμός (+355): η υπηρεσία απευθύνεται σε εκλογείς που ζουν στο εξωτερικό",
        "Eine albanische Nummer (+355) kann nicht verwendet werden: Dieser Dienst ist für Wählerinnen und Wähler im Ausland",
    ];
    ProblemEmailInvalid => [
        "Shkruani një adresë e-maili të vlefshme, p.sh. emri@shembull.com",
        "Enter a valid e-mail address, like name@example.com",
        "Inserisca un indirizzo e-mail valido, ad esempio nome@esempio.it",
        "Εισαγάγετε μια έγκυρη διεύθυνση e-mail, π.χ. onoma@paradeigma.gr",
        "Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de",
    ];
    ProblemPasswordTooShort => [
        "Fjalëkalimi duhet të ketë të paktën {pw_min} karaktere",
        "The password must have at least {pw_min} characters",
        "La password deve avere almeno {pw_min} caratteri",
        "Ο κωδικός πρόσβασης πρέπει να έχει τουλάχιστον {pw_min} χαρακτήρες",
        "Das Passwort muss mindestens {pw_min} Zeichen haben",
    ];
    ProblemPasswordTooLong => [
        "Fjalëkalimi duhet të ketë më së shumti {pw_max} karaktere",
        "The password must have at most {pw_max} characters",
        "La password deve avere al massimo {pw_max} caratteri",
        "Ο κωδικός πρόσβασης πρέπει να έχει το πολύ {pw_max} χαρακτήρες",
        "Das Passwort darf höchstens {pw_max} Zeichen haben",
    ];
    ProblemPasswordTooCommon => [
        "Ky fjalëkalim është shumë i zakonshëm: zgjidhni një tjetër",
        "This password is too common: choose another one",
        "Questa password è troppo comune: ne scelga un'altra",
        "Αυτός ο κωδικός πρόσβασης είναι πολύ συνηθισμένος: επιλέξτε άλλον",
        "Dieses Passwort ist zu verbreitet: Wählen Sie ein anderes",
    ];
    ProblemCodeInvalid => [
        "Kodi ka {code_len} shifra",
        "The code has {code_len} digits",
        "Il codice ha {code_len} cifre",
        "Ο κωδικός έχει {code_len} ψηφία",
        "Der Code hat {code_len} Ziffern",
    ];
    ProblemNameInvalid => [
        "Përdorni vetëm shkronja, hapësira, viza dhe apostrofa",
        "Use only letters, spaces, hyphens and apostrophes",
        "Usi solo lettere, spazi, trattini e apostrofi",
        "Χρησιμοποιήστε μόνο γράμματα, κενά, παύλες και αποστρόφους",
        "Verwenden Sie nur Buchstaben, Leerzeichen, Bindestriche und Apostrophe",
    ];
    ProblemDateInvalid => [
        "Shkruani një datë të vlefshme",
        "Enter a real date",
        "Inserisca una data valida",
        "Εισαγάγετε μια έγκυρη ημερομηνία",
        "Geben Sie ein gültiges Datum ein",
    ];
    ProblemDateInFuture => [
        "Data duhet të jetë në të kaluarën",
        "The date must be in the past",
        "La data deve essere nel passato",
        "Η ημερομηνία πρέπει να είναι στο παρελθόν",
        "Das Datum muss in der Vergangenheit liegen",
    ];
    ProblemPersonalNumberInvalid => [
        "Numri personal ka 10 karaktere, p.sh. J90415123A, siç është në dokument",
        "The personal number has 10 characters, like J90415123A, as on your document",
        "Il numero personale ha 10 caratteri, ad esempio J90415123A, come sul documento",
        "Ο προσωπικός αριθμός έχει 10 χαρακτήρες, π.χ. J90415123A, όπως στο έγγραφο",
        "Die persönliche Nummer hat 10 Zeichen, z. B. J90415123A, wie im Dokument",
    ];
    ProblemPersonalNumberDateMismatch => [
        "Numri personal nuk përputhet me datëlindjen",
        "The personal number does not match the date of birth",
        "Il numero personale non corrisponde alla data di nascita",
        "Ο προσωπικός αριθμός δεν αντιστοιχεί στην ημερομηνία γέννησης",
        "Die persönliche Nummer passt nicht zum Geburtsdatum",
    ];
    ProblemPersonalNumberSexMismatch => [
        "Numri personal nuk përputhet me gjininë",
        "The personal number does not match the sex",
        "Il numero personale non corrisponde al sesso",
        "Ο προσωπικός αριθμός δεν αντιστοιχεί στο φύλο",
        "Die persönliche Nummer passt nicht zum Geschlecht",
    ];
    ProblemSexInvalid => [
        "Zgjidhni femër ose mashkull, siç është në dokument",
        "Choose female or male, as on your document",
        "Scelga femmina o maschio, come sul documento",
        "Επιλέξτε γυναίκα ή άνδρας, όπως στο έγγραφο",
        "Wählen Sie weiblich oder männlich, wie im Dokument",
    ];
    ProblemLanguageInvalid => [
        "Gjuhë e panjohur",
        "Unknown language",
        "Lingua sconosciuta",
        "Άγνωστη γλώσσα",
        "Unbekannte Sprache",
    ];
    ProblemChannelInvalid => [
        "Kanal i panjohur",
        "Unknown channel",
        "Canale sconosciuto",
        "Άγνωστο κανάλι",
        "Unbekannter Kanal",
    ];
    ProblemTokenInvalid => [
        "Lidhja ose seanca nuk është e vlefshme: filloni përsëri",
        "The link or session is not valid: start again",
        "Il link o la sessione non sono validi: ricominci",
        "Ο σύνδεσμος ή η συνεδρία δεν είναι έγκυρα: ξεκινήστε ξανά",
        "Der Link oder die Sitzung ist ungültig: Beginnen Sie neu",
    ];
    ProblemIdempotencyKeyInvalid => [
        "Çelësi i dërgimit nuk është i vlefshëm: ringarkoni faqen",
        "The submission key is not valid: reload the page",
        "La chiave di invio non è valida: ricarichi la pagina",
        "Το κλειδί υποβολής δεν είναι έγκυρο: φορτώστε ξανά τη σελίδα",
        "Der Sendeschlüssel ist ungültig: Laden Sie die Seite neu",
    ];
    ProblemFrameMissing => [
        "Nuk u mor asnjë fotografi nga kamera",
        "No camera picture was received",
        "Non è arrivata nessuna foto dalla fotocamera",
        "Δεν ελήφθη καμία φωτογραφία από την κάμερα",
        "Es ist kein Kamerabild angekommen",
    ];
    ProblemFrameTooMany => [
        "Shumë fotografi nga kamera",
        "Too many camera pictures",
        "Troppe foto dalla fotocamera",
        "Πάρα πολλές φωτογραφίες από την κάμερα",
        "Zu viele Kamerabilder",
    ];
    ProblemFrameInvalid => [
        "Fotografia e kamerës nuk është imazh JPEG",
        "The camera picture is not a JPEG image",
        "La foto della fotocamera non è un'immagine JPEG",
        "Η φωτογραφία της κάμερας δεν είναι εικόνα JPEG",
        "Das Kamerabild ist kein JPEG-Bild",
    ];
    ProblemFrameTooLarge => [
        "Fotografia e kamerës është shumë e madhe",
        "The camera picture is too large",
        "La foto della fotocamera è troppo grande",
        "Η φωτογραφία της κάμερας είναι πολύ μεγάλη",
        "Das Kamerabild ist zu groß",
    ];
    ProblemReferenceInvalid => [
        "Numri i referencës nuk është i vlefshëm",
        "The reference number is not valid",
        "Il numero di riferimento non è valido",
        "Ο αριθμός αναφοράς δεν είναι έγκυρος",
        "Die Referenznummer ist ungültig",
    ];
    // ---- input problems said about one field (form::Field::problem_key)
    RequiredPhone => [
        "Shkruani numrin e celularit",
        "Enter your mobile number",
        "Inserisca il numero di cellulare",
        "Εισαγάγετε τον αριθμό του κινητού σας",
        "Geben Sie Ihre Mobilnummer ein",
    ];
    RequiredEmail => [
        "Shkruani adresën e e-mailit",
        "Enter your e-mail address",
        "Inserisca l'indirizzo e-mail",
        "Εισαγάγετε τη διεύθυνση e-mail σας",
        "Geben Sie Ihre E-Mail-Adresse ein",
    ];
    RequiredPhoneCode => [
        "Shkruani kodin nga SMS-ja",
        "Enter the code from the text message",
        "Inserisca il codice ricevuto via SMS",
        "Εισαγάγετε τον κωδικό από το SMS",
        "Geben Sie den Code aus der SMS ein",
    ];
    RequiredEmailCode => [
        "Shkruani kodin nga e-maili",
        "Enter the code from the e-mail",
        "Inserisca il codice ricevuto via e-mail",
        "Εισαγάγετε τον κωδικό από το e-mail",
        "Geben Sie den Code aus der E-Mail ein",
    ];
    RequiredPassword => [
        "Shkruani fjalëkalimin",
        "Enter your password",
        "Inserisca la password",
        "Εισαγάγετε τον κωδικό πρόσβασης",
        "Geben Sie Ihr Passwort ein",
    ];
    RequiredLogin => [
        "Shkruani e-mailin ose numrin e celularit",
        "Enter your e-mail address or mobile number",
        "Inserisca l'e-mail o il numero di cellulare",
        "Εισαγάγετε το e-mail ή τον αριθμό του κινητού σας",
        "Geben Sie Ihre E-Mail-Adresse oder Mobilnummer ein",
    ];
    RequiredPersonalNumber => [
        "Shkruani numrin personal (NID)",
        "Enter your personal number (NID)",
        "Inserisca il numero personale (NID)",
        "Εισαγάγετε τον προσωπικό σας αριθμό (NID)",
        "Geben Sie Ihre persönliche Nummer (NID) ein",
    ];
    RequiredFirstName => [
        "Shkruani emrin",
        "Enter your first name",
        "Inserisca il nome",
        "Εισαγάγετε το όνομά σας",
        "Geben Sie Ihren Vornamen ein",
    ];
    RequiredSurname => [
        "Shkruani mbiemrin",
        "Enter your surname",
        "Inserisca il cognome",
        "Εισαγάγετε το επώνυμό σας",
        "Geben Sie Ihren Nachnamen ein",
    ];
    RequiredDateOfBirth => [
        "Shkruani datëlindjen",
        "Enter your date of birth",
        "Inserisca la data di nascita",
        "Εισαγάγετε την ημερομηνία γέννησής σας",
        "Geben Sie Ihr Geburtsdatum ein",
    ];
    RequiredSex => [
        "Zgjidhni gjininë",
        "Select your sex",
        "Selezioni il sesso",
        "Επιλέξτε το φύλο σας",
        "Wählen Sie Ihr Geschlecht aus",
    ];
    TooLongPhone => [
        "Numri i celularit është shumë i gjatë",
        "The mobile number is too long",
        "Il numero di cellulare è troppo lungo",
        "Ο αριθμός του κινητού είναι πολύ μεγάλος",
        "Die Mobilnummer ist zu lang",
    ];
    TooLongEmail => [
        "Adresa e e-mailit është shumë e gjatë",
        "The e-mail address is too long",
        "L'indirizzo e-mail è troppo lungo",
        "Η διεύθυνση e-mail είναι πολύ μεγάλη",
        "Die E-Mail-Adresse ist zu lang",
    ];
    TooLongLogin => [
        "E-maili ose numri është shumë i gjatë",
        "The e-mail address or number is too long",
        "L'e-mail o il numero è troppo lungo",
        "Το e-mail ή ο αριθμός είναι πολύ μεγάλος",
        "Die E-Mail-Adresse oder Nummer ist zu lang",
    ];
    TooLongFirstName => [
        "Emri është shumë i gjatë",
        "The first name is too long",
        "Il nome è troppo lungo",
        "Το όνομα είναι πολύ μεγάλο",
        "Der Vorname ist zu lang",
    ];
    TooLongSurname => [
        "Mbiemri është shumë i gjatë",
        "The surname is too long",
        "Il cognome è troppo lungo",
        "Το επώνυμο είναι πολύ μεγάλο",
        "Der Nachname ist zu lang",
    ];
    DateOfBirthInvalid => [
        "Data e lindjes duhet të jetë një datë e vlefshme",
        "Date of birth must be a real date",
        "La data di nascita deve essere una data valida",
        "Η ημερομηνία γέννησης πρέπει να είναι έγκυρη ημερομηνία",
        "Das Geburtsdatum muss ein gültiges Datum sein",
    ];
    DateOfBirthInFuture => [
        "Data e lindjes duhet të jetë në të kaluarën",
        "Date of birth must be in the past",
        "La data di nascita deve essere nel passato",
        "Η ημερομηνία γέννησης πρέπει να είναι στο παρελθόν",
        "Das Geburtsdatum muss in der Vergangenheit liegen",
    ];
}

fn index(lang: Language) -> usize {
    match lang {
        Language::Sq => 0,
        Language::En => 1,
        Language::It => 2,
        Language::El => 3,
        Language::De => 4,
    }
}

/// The text of `key` in `lang` as written in the table, placeholders and all.
pub fn raw(lang: Language, key: Key) -> &'static str {
    TABLES[index(lang)]
        .split('\0')
        .nth(key as usize)
        .unwrap_or_default()
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
        s = s.replace(&format!("{{{name}}}"), value);
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
    let title = format!("{} – {}", t(lang, heading), t(lang, Key::ServiceName));
    if has_errors {
        format!("{} {title}", t(lang, Key::ErrorPrefix))
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

    #[test]
    fn every_language_has_one_text_per_key() {
        for (table, lang) in TABLES.iter().zip(Language::ALL) {
            assert_eq!(table.matches('\0').count(), Key::ALL.len(), "{lang:?}");
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
                        raw(Language::En, key).contains(ph),
                        raw(lang, key).contains(ph),
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
