//! The shared table against its language files, and the formatting rules.

use super::*;
use per_domain::api::LivenessPrompt;
use per_domain::{Language, OneTimeCode, Password, Problem, RejectionReason, RequestStatus};

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
pub(crate) fn json(lang: Language) -> &'static str {
    match lang {
        Language::Sq => "{}",
        Language::En => include_str!("../../public/i18n/en.json"),
        Language::It => include_str!("../../public/i18n/it.json"),
        Language::El => include_str!("../../public/i18n/el.json"),
        Language::De => include_str!("../../public/i18n/de.json"),
    }
}

/// The page frame's language files.
pub(crate) fn frame_json(lang: Language) -> &'static str {
    match lang {
        Language::Sq => "{}",
        Language::En => include_str!("../../public/i18n/frame/en.json"),
        Language::It => include_str!("../../public/i18n/frame/it.json"),
        Language::El => include_str!("../../public/i18n/frame/el.json"),
        Language::De => include_str!("../../public/i18n/frame/de.json"),
    }
}

#[test]
fn the_frame_files_have_exactly_the_frame_keys_with_the_same_placeholders() {
    let names: Vec<&str> = FRAME.names().collect();
    assert_eq!(names.len(), Frame::ALL.len());
    for &key in Frame::ALL {
        assert_eq!(names[key as usize], format!("{key:?}"));
        assert!(
            !CATALOG.names().any(|n| n == names[key as usize]),
            "{key:?} is in both tables"
        );
    }
    for lang in &Language::ALL[1..] {
        assert_eq!(
            FRAME.file_problems(*lang, frame_json(*lang)),
            Vec::<String>::new()
        );
        assert_ne!(
            FRAME.parse(frame_json(*lang)).unwrap()[Frame::Back as usize].as_ref(),
            "Kthehuni",
            "{lang:?} is translated"
        );
    }
    assert!(
        !FRAME.file_problems(Language::En, "{}").is_empty(),
        "an empty file is refused"
    );
}

#[test]
fn a_file_with_unknown_missing_or_changed_keys_is_named() {
    let bad = r#"{"Continue": "Go on {n}", "NotAKey": "x"}"#;
    let problems = CATALOG.file_problems(Language::En, bad);
    assert!(
        problems.iter().any(|p| p.contains("unknown key NotAKey")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("Continue has placeholders")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("StartTitle is missing")),
        "{problems:?}"
    );
}

fn names() -> Vec<&'static str> {
    CATALOG.names().collect()
}

#[test]
fn every_language_file_has_exactly_the_keys_of_the_app() {
    let names = names();
    assert_eq!(names.len(), Key::ALL.len());
    assert_eq!(CATALOG.albanian().count(), Key::ALL.len());
    for &key in Key::ALL {
        assert_eq!(names[key as usize], format!("{key:?}"));
    }
    for lang in &Language::ALL[1..] {
        assert_eq!(
            CATALOG.file_problems(*lang, json(*lang)),
            Vec::<String>::new()
        );
        assert!(parse_texts(json(*lang)).is_some(), "{lang:?}");
    }
    ensure_installed(Language::De);
    assert_eq!(
        t(Language::De, Frame::ServiceName),
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
    assert_eq!(&*texts[Key::Continue as usize], "Continue");
    // Order does not matter, unknown names are ignored.
    let mut file: serde_json::Map<String, serde_json::Value> = serde_json::from_str(en).unwrap();
    file.insert("NotAKey".into(), "x".into());
    let reordered = serde_json::to_string(&file).unwrap();
    assert_eq!(parse_texts(&reordered).unwrap(), texts);
    // A missing key, a text that is not a string, or not an object: refused.
    file.remove("Continue");
    assert!(parse_texts(&serde_json::to_string(&file).unwrap()).is_none());
    file.insert("Continue".into(), 1.into());
    assert!(parse_texts(&serde_json::to_string(&file).unwrap()).is_none());
    for bad in [
        "",
        "[]",
        "\"Continue\"",
        "{\"Continue\": \"x\"}",
        "{} trailing",
    ] {
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
        (Key::SignIn, "Hyni"),
        (Key::SignOut, "Dilni"),
        (Key::Continue, "Vazhdoni"),
    ] {
        assert_eq!(raw(Language::Sq, key), text);
    }
    assert_eq!(t(Language::Sq, Frame::Back), "Kthehuni");
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
    for s in RequestStatus::ALL {
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
    assert!(t(Language::Sq, Frame::ServiceName).contains('ë'));
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

/// Installs the language files before a native test reads a text.
pub(crate) fn ensure_installed(lang: Language) {
    if !CATALOG.is_loaded(lang) {
        CATALOG
            .install(lang, json(lang))
            .expect("a valid language file");
    }
    if !FRAME.is_loaded(lang) {
        FRAME
            .install(lang, frame_json(lang))
            .expect("a valid language file");
    }
}
