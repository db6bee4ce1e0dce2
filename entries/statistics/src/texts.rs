//! The statistics page's own texts: Albanian compiled in, the other languages in
//! `crates/client/public/i18n/statistics/{en,it,el,de}.json` (fetched when chosen).
//! Placeholders: `{n}` a number, `{x}` a text.

per_client::text_table! {
    pub enum SKey; pub static STATISTICS_CATALOG = "/public/i18n/statistics/";
    Title => "Statistikat e regjistrimit";
    Lead => "Sa kërkesa për të votuar nga jashtë vendit janë dërguar dhe çfarë u vendos për to.";
    GeneratedAt => "Të dhënat e {x}";
    Loading => "Duke ngarkuar…";
    LoadFailed => "Statistikat nuk u ngarkuan. Provoni përsëri më vonë.";
    Totals => "Gjithsej";
    ByZone => "Sipas zonës zgjedhore";
    ByCountry => "Sipas shtetit ku jetojnë";
    Zone => "Zona";
    ZoneN => "Zona {n}";
    Country => "Shteti";
    Submitted => "Të dërguara";
    Approved => "Të pranuara";
    Rejected => "Të refuzuara";
    Pending => "Në pritje";
    Note => "Të dërguarat përfshijnë edhe kërkesat e tërhequra; në pritje janë ato që ende shqyrtohen ose presin një korrigjim.";
    ChartNote => "Grafiku tregon të njëjtët numra si tabela pas tij.";
    NoneYet => "Ende nuk ka kërkesa.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_domain::Language;

    fn json(lang: Language) -> &'static str {
        match lang {
            Language::Sq => "{}",
            Language::En => include_str!("../../../crates/client/public/i18n/statistics/en.json"),
            Language::It => include_str!("../../../crates/client/public/i18n/statistics/it.json"),
            Language::El => include_str!("../../../crates/client/public/i18n/statistics/el.json"),
            Language::De => include_str!("../../../crates/client/public/i18n/statistics/de.json"),
        }
    }

    #[test]
    fn every_language_file_has_exactly_the_keys_of_the_page() {
        let names: Vec<&str> = STATISTICS_CATALOG.names().collect();
        assert_eq!(names.len(), SKey::ALL.len());
        assert_eq!(STATISTICS_CATALOG.albanian().count(), SKey::ALL.len());
        for &key in SKey::ALL {
            assert_eq!(names[key as usize], format!("{key:?}"));
        }
        for lang in &Language::ALL[1..] {
            assert_eq!(
                STATISTICS_CATALOG.file_problems(*lang, json(*lang)),
                Vec::<String>::new()
            );
            assert!(STATISTICS_CATALOG.parse(json(*lang)).is_some(), "{lang:?}");
        }
    }
}
