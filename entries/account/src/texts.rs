//! The account pages' own texts (password reset and change, signing out everywhere):
//! Albanian compiled in, the other languages in
//! `crates/client/public/i18n/account/{en,it,el,de}.json` (fetched when chosen). Only this
//! entry links them. Placeholders: `{n}` a number, `{x}` a wait.

per_client::text_table! {
    pub enum AKey; pub static ACCOUNT = "/public/i18n/account/";
    ForgotPassword => "Keni harruar fjalëkalimin?";
    NewPasswordLabel => "Fjalëkalimi i ri";
    SaveNewPassword => "Ruani fjalëkalimin e ri";
    ResetDone => "Fjalëkalimi u ndryshua dhe dolët nga llogaria në çdo pajisje. Hyni me fjalëkalimin e ri.";
    AccountTitle => "Llogaria juaj";
    ChangeTitle => "Ndryshoni fjalëkalimin";
    ChangeLead => "Pasi ta ndryshoni, do të dilni nga llogaria në pajisjet e tjera; në këtë pajisje mbeteni brenda.";
    CurrentPasswordLabel => "Fjalëkalimi aktual";
    RequiredCurrentPassword => "Shkruani fjalëkalimin aktual";
    RequiredNewPassword => "Shkruani fjalëkalimin e ri";
    ErrCurrentPasswordWrong => "Fjalëkalimi aktual është i gabuar.";
    ErrPasswordLockedIn => "Shumë fjalëkalime të gabuara: llogaria është bllokuar. Provoni përsëri {x}.";
    PasswordChanged => "Fjalëkalimi u ndryshua. Dolët nga llogaria në pajisjet e tjera.";
    SignOutEverywhere => "Dilni nga të gjitha pajisjet";
    SignOutEverywhereLead => "Nëse keni hyrë në një pajisje që nuk e përdorni më, mund të dilni kudo njëherësh, edhe nga kjo pajisje.";
}

/// The English texts installed (this table's and the shared one), for tests that read them.
#[cfg(test)]
pub fn english() {
    let en = per_domain::Language::En;
    let shared = include_str!("../../../crates/client/public/i18n/en.json");
    per_client::i18n::install(en, shared).unwrap();
    ACCOUNT
        .install(
            en,
            include_str!("../../../crates/client/public/i18n/account/en.json"),
        )
        .unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_domain::Language;

    fn json(lang: Language) -> &'static str {
        match lang {
            Language::Sq => "{}",
            Language::En => include_str!("../../../crates/client/public/i18n/account/en.json"),
            Language::It => include_str!("../../../crates/client/public/i18n/account/it.json"),
            Language::El => include_str!("../../../crates/client/public/i18n/account/el.json"),
            Language::De => include_str!("../../../crates/client/public/i18n/account/de.json"),
        }
    }

    #[test]
    fn every_language_file_has_exactly_the_keys_of_the_pages() {
        let names: Vec<&str> = ACCOUNT.names().collect();
        assert_eq!(names.len(), AKey::ALL.len());
        assert_eq!(ACCOUNT.albanian().count(), AKey::ALL.len());
        for &key in AKey::ALL {
            assert_eq!(names[key as usize], format!("{key:?}"));
        }
        for lang in &Language::ALL[1..] {
            assert_eq!(
                ACCOUNT.file_problems(*lang, json(*lang)),
                Vec::<String>::new()
            );
            assert!(ACCOUNT.parse(json(*lang)).is_some(), "{lang:?}");
        }
    }
}
