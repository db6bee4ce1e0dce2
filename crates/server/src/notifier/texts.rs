//! The texts the service sends, in the voter's language: a subject and a plain body (the
//! e-mail's HTML part is made from it).

use super::Outgoing;
use per_domain::api::Channel;
use per_domain::{Language, OneTimeCode, ReferenceNumber, RequestStatus};

pub fn code(
    language: Language,
    channel: Channel,
    destination: &str,
    code: &OneTimeCode,
) -> Outgoing {
    let c = code.expose();
    let (subject, body) = match language {
        Language::Sq => (
            "Kodi juaj PER".to_owned(),
            format!("Kodi juaj PER: {c}. Vlen 10 minuta. Mos ia jepni askujt."),
        ),
        Language::En => (
            "Your PER code".to_owned(),
            format!("Your PER code: {c}. It is valid for 10 minutes. Do not share it."),
        ),
        Language::It => (
            "Il Suo codice PER".to_owned(),
            format!("Il Suo codice PER: {c}. È valido per 10 minuti. Non lo comunichi a nessuno."),
        ),
        Language::El => (
            "Ο κωδικός σας PER".to_owned(),
            format!("Ο κωδικός σας PER: {c}. Ισχύει για 10 λεπτά. Μην τον δώσετε σε κανέναν."),
        ),
        Language::De => (
            "Ihr PER-Code".to_owned(),
            format!("Ihr PER-Code: {c}. Er ist 10 Minuten gültig. Geben Sie ihn niemandem weiter."),
        ),
    };
    Outgoing {
        channel,
        destination: destination.to_owned(),
        language,
        subject,
        body,
    }
}

/// An e-mail code's message, told that the SMS code comes later (the service's SMS budget
/// was spent): e-mail first, then ask for the phone's code again.
pub fn with_sms_later(mut message: Outgoing) -> Outgoing {
    let note = match message.language {
        Language::Sq => "Tani nuk mund t'ju dërgojmë SMS. Konfirmoni fillimisht këtë adresë; pas pak kërkoni në faqe një kod të ri për telefonin.",
        Language::En => "We cannot send you a text message right now. Confirm this address first; in a while, ask on the page for a new code for your phone.",
        Language::It => "Al momento non possiamo inviarLe un SMS. Confermi prima questo indirizzo; tra un po' richieda sulla pagina un nuovo codice per il telefono.",
        Language::El => "Αυτή τη στιγμή δεν μπορούμε να σας στείλουμε SMS. Επιβεβαιώστε πρώτα αυτή τη διεύθυνση· σε λίγο ζητήστε στη σελίδα νέο κωδικό για το τηλέφωνο.",
        Language::De => "Wir können Ihnen gerade keine SMS senden. Bestätigen Sie zuerst diese Adresse; fordern Sie etwas später auf der Seite einen neuen Code für Ihr Telefon an.",
    };
    message.body = format!("{}\n\n{note}", message.body);
    message
}

/// How a password came to be new: changed while signed in, or reset with the two codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordEvent {
    Changed,
    Reset,
}

/// The notice to both contacts after a password change or reset (ASVS 2.2.3): what
/// happened and what to do if it was not the voter. No code, no link, nothing to reply to.
pub fn password_notice(
    language: Language,
    channel: Channel,
    destination: &str,
    event: PasswordEvent,
) -> Outgoing {
    use PasswordEvent::*;
    let (subject, body) = match (language, event) {
        (Language::Sq, Changed) => (
            "Fjalëkalimi juaj PER u ndryshua",
            "Fjalëkalimi i llogarisë suaj PER u ndryshua dhe seancat e tjera u mbyllën. Nëse nuk e bëtë ju, rivendosni menjëherë fjalëkalimin te \"Keni harruar fjalëkalimin?\" dhe njoftoni KQZ-në.",
        ),
        (Language::Sq, Reset) => (
            "Fjalëkalimi juaj PER u rivendos",
            "Fjalëkalimi i llogarisë suaj PER u rivendos me kodet e dërguara në telefon dhe e-mail, dhe të gjitha seancat u mbyllën. Nëse nuk e bëtë ju, rivendoseni përsëri menjëherë dhe njoftoni KQZ-në.",
        ),
        (Language::En, Changed) => (
            "Your PER password was changed",
            "The password of your PER account was changed and your other sessions were ended. If this was not you, reset your password at once with \"Forgot your password?\" and tell the CEC.",
        ),
        (Language::En, Reset) => (
            "Your PER password was reset",
            "The password of your PER account was reset with the codes sent to your phone and e-mail, and every session was ended. If this was not you, reset it again at once and tell the CEC.",
        ),
        (Language::It, Changed) => (
            "La Sua password PER è stata cambiata",
            "La password del Suo account PER è stata cambiata e le altre sessioni sono state chiuse. Se non è stato Lei, reimposti subito la password con \"Password dimenticata?\" e lo comunichi alla CEC.",
        ),
        (Language::It, Reset) => (
            "La Sua password PER è stata reimpostata",
            "La password del Suo account PER è stata reimpostata con i codici inviati al telefono e all'e-mail, e tutte le sessioni sono state chiuse. Se non è stato Lei, la reimposti di nuovo subito e lo comunichi alla CEC.",
        ),
        (Language::El, Changed) => (
            "Ο κωδικός πρόσβασής σας PER άλλαξε",
            "Ο κωδικός πρόσβασης του λογαριασμού σας PER άλλαξε και οι άλλες συνεδρίες τερματίστηκαν. Αν δεν ήσασταν εσείς, επαναφέρετε αμέσως τον κωδικό με το «Ξεχάσατε τον κωδικό;» και ενημερώστε την ΚΕΕ.",
        ),
        (Language::El, Reset) => (
            "Ο κωδικός πρόσβασής σας PER επαναφέρθηκε",
            "Ο κωδικός πρόσβασης του λογαριασμού σας PER επαναφέρθηκε με τους κωδικούς που στάλθηκαν στο τηλέφωνο και στο e-mail σας, και όλες οι συνεδρίες τερματίστηκαν. Αν δεν ήσασταν εσείς, επαναφέρετέ τον ξανά αμέσως και ενημερώστε την ΚΕΕ.",
        ),
        (Language::De, Changed) => (
            "Ihr PER-Passwort wurde geändert",
            "Das Passwort Ihres PER-Kontos wurde geändert, und Ihre anderen Sitzungen wurden beendet. Waren Sie das nicht, setzen Sie das Passwort sofort mit „Passwort vergessen?“ zurück und informieren Sie die Wahlkommission.",
        ),
        (Language::De, Reset) => (
            "Ihr PER-Passwort wurde zurückgesetzt",
            "Das Passwort Ihres PER-Kontos wurde mit den an Ihr Telefon und Ihre E-Mail gesendeten Codes zurückgesetzt, und alle Sitzungen wurden beendet. Waren Sie das nicht, setzen Sie es sofort erneut zurück und informieren Sie die Wahlkommission.",
        ),
    };
    Outgoing {
        channel,
        destination: destination.to_owned(),
        language,
        subject: subject.to_owned(),
        body: body.to_owned(),
    }
}

pub fn decision(
    language: Language,
    channel: Channel,
    destination: &str,
    reference: &ReferenceNumber,
    status: RequestStatus,
) -> Outgoing {
    let (subject, body) = match (language, status) {
        (Language::Sq, RequestStatus::Approved) => (
            "Kërkesa juaj u miratua".to_owned(),
            format!("Kërkesa {reference} për të votuar me postë u miratua."),
        ),
        (Language::Sq, _) => (
            "Vendim për kërkesën tuaj".to_owned(),
            format!("Ka një vendim për kërkesën {reference}. Hyni në PER për ta parë."),
        ),
        (Language::It, RequestStatus::Approved) => (
            "La Sua richiesta è stata approvata".to_owned(),
            format!("La Sua richiesta {reference} di votare per posta è stata approvata."),
        ),
        (Language::It, _) => (
            "Una decisione sulla Sua richiesta".to_owned(),
            format!("C'è una decisione sulla Sua richiesta {reference}. Acceda a PER per vederla."),
        ),
        (Language::El, RequestStatus::Approved) => (
            "Η αίτησή σας εγκρίθηκε".to_owned(),
            format!("Η αίτησή σας {reference} για επιστολική ψήφο εγκρίθηκε."),
        ),
        (Language::El, _) => (
            "Απόφαση για την αίτησή σας".to_owned(),
            format!("Υπάρχει απόφαση για την αίτησή σας {reference}. Συνδεθείτε στο PER για να τη δείτε."),
        ),
        (Language::De, RequestStatus::Approved) => (
            "Ihr Antrag wurde genehmigt".to_owned(),
            format!("Ihr Antrag {reference} auf Briefwahl wurde genehmigt."),
        ),
        (Language::De, _) => (
            "Eine Entscheidung über Ihren Antrag".to_owned(),
            format!("Über Ihren Antrag {reference} wurde entschieden. Melden Sie sich bei PER an, um die Entscheidung zu sehen."),
        ),
        (Language::En, RequestStatus::Approved) => (
            "Your request was approved".to_owned(),
            format!("Your request {reference} to vote by post was approved."),
        ),
        (Language::En, _) => (
            "A decision on your request".to_owned(),
            format!("There is a decision on your request {reference}. Sign in to PER to see it."),
        ),
    };
    Outgoing {
        channel,
        destination: destination.to_owned(),
        language,
        subject,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_own_texts_with_the_code_and_reference() {
        let code = OneTimeCode::parse("123456").unwrap();
        let reference = ReferenceNumber::from_random(42);
        let mut bodies = std::collections::HashSet::new();
        for language in Language::ALL {
            let m = super::code(language, Channel::Phone, "+393123456789", &code);
            assert_eq!(m.language, language);
            assert!(m.body.contains("123456"), "{language:?}: {}", m.body);
            assert!(bodies.insert(m.body), "{language:?} has its own code text");
            for event in [PasswordEvent::Changed, PasswordEvent::Reset] {
                let n = super::password_notice(language, Channel::Phone, "+393123456789", event);
                assert!(
                    bodies.insert(n.body),
                    "{language:?} {event:?} has its own text"
                );
            }
            for status in [RequestStatus::Approved, RequestStatus::Rejected] {
                let d = super::decision(language, Channel::Email, "a@b.it", &reference, status);
                assert!(
                    d.body.contains(reference.as_str()),
                    "{language:?}: {}",
                    d.body
                );
                assert!(
                    bodies.insert(d.body),
                    "{language:?} {status:?} has its own text"
                );
            }
        }
    }
}
