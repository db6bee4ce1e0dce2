//! The page frame's texts, shown by every entry page: header, skip link, language switch,
//! footer, back link, error summary, "not found". Albanian is compiled in; the other
//! languages are `public/i18n/frame/{en,it,el,de}.json`. An entry page that shows only the
//! frame and its own table (the results viewer) so carries none of the registration texts.

crate::text_table! {
    pub enum Frame; pub static FRAME = "/public/i18n/frame/";

    ServiceName => "Regjistrimi i zgjedhësve jashtë vendit";
    SkipToContent => "Kaloni te përmbajtja kryesore";
    LanguageLabel => "Gjuha";
    LanguageUnavailable => "Gjuha e zgjedhur nuk u ngarkua. Provoni përsëri.";
    Back => "Kthehuni";
    ErrorSummaryTitle => "Ka një problem";
    ErrorPrefix => "Gabim:";
    FooterText => "Komisioni Qendror i Zgjedhjeve (KQZ)";
    FooterStatistics => "Statistikat e regjistrimit";
    NotFoundTitle => "Faqja nuk u gjet";
    NotFoundBody => "Kontrolloni adresën ose filloni nga faqja kryesore.";
    GoToStart => "Shkoni te faqja kryesore";
}
