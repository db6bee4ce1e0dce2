//! The password reset's own texts: Albanian compiled in, the other languages in
//! `crates/client/public/i18n/reset/{en,it,el,de}.json` (fetched when chosen). Only this
//! entry links them. Placeholders: `{n}` a number.

per_client::text_table! {
    pub enum RsKey; pub static RESET = "/public/i18n/reset/";
    ResetTitle => "Rivendosni fjalëkalimin";
    ResetLead => "Shkruani e-mailin ose numrin e celularit të llogarisë suaj. Do t'ju dërgojmë një kod me SMS dhe një kod me e-mail: ju duhen të dy.";
    ResetCodesTitle => "Shkruani kodet dhe fjalëkalimin e ri";
    ResetCodesLead => "Nëse ka një llogari me këtë e-mail ose numër, i dërguam një kod numrit të celularit dhe një kod adresës së e-mailit të saj. Kodet janë të vlefshme për {n} minuta.";
    ResetNoCodes => "Nuk morët kodet? Kontrolloni e-mailin ose numrin që shkruat dhe kërkoni kode të reja. Mund të kërkoni kode deri në 3 herë në orë.";
    ResetAgain => "Kërkoni kode të reja";
    NoReset => "Nuk gjetëm një rivendosje fjalëkalimi në këtë skedë të shfletuesit.";
    NewPasswordLabel => "Fjalëkalimi i ri";
    SaveNewPassword => "Ruani fjalëkalimin e ri";
    ErrResetCodesWrong => "Një nga kodet, ose të dy, janë të gabuar. Përpjekje të mbetura: {n}.";
    ErrResetExpired => "Kodet kanë skaduar ose janë përdorur të gjitha përpjekjet. Kërkoni kode të reja.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_domain::Language;

    fn json(lang: Language) -> &'static str {
        match lang {
            Language::Sq => "{}",
            Language::En => include_str!("../../../crates/client/public/i18n/reset/en.json"),
            Language::It => include_str!("../../../crates/client/public/i18n/reset/it.json"),
            Language::El => include_str!("../../../crates/client/public/i18n/reset/el.json"),
            Language::De => include_str!("../../../crates/client/public/i18n/reset/de.json"),
        }
    }

    #[test]
    fn every_language_file_has_exactly_the_keys_of_the_pages() {
        let names: Vec<&str> = RESET.names().collect();
        assert_eq!(names.len(), RsKey::ALL.len());
        assert_eq!(RESET.albanian().count(), RsKey::ALL.len());
        for &key in RsKey::ALL {
            assert_eq!(names[key as usize], format!("{key:?}"));
        }
        for lang in &Language::ALL[1..] {
            assert_eq!(
                RESET.file_problems(*lang, json(*lang)),
                Vec::<String>::new()
            );
            assert!(RESET.parse(json(*lang)).is_some(), "{lang:?}");
        }
    }
}
