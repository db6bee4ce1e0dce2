//! The viewer's own texts: Albanian compiled in, the other languages in
//! `crates/client/public/i18n/results/{en,it,el,de}.json` (fetched when chosen).
//! Placeholders: `{n}` a number, `{x}` a text, `{a}`/`{b}` named texts.

use leptos::prelude::*;
use per_client::i18n::use_lang;
use per_domain::Language;

per_client::text_table! {
    pub enum RKey; pub static RESULTS_CATALOG = "/public/i18n/results/";

    // ---- data and rules
    Title => "Shpërndarja e mandateve";
    Lead => "Mandatet llogariten në shfletuesin tuaj me rregullat e Kodit Zgjedhor (nenet 162 dhe 163). Mund të ndryshoni votat dhe rregullat për të parë çfarë do të ndodhte.";
    DataSet => "Të dhënat";
    DataSet2017 => "Zgjedhjet parlamentare 2017 (të dhëna zyrtare)";
    DataSetSynthetic => "Shembull me lista kandidatësh (të dhëna të sajuara)";
    DataSetOwn => "Skedari juaj";
    SyntheticNotice => "Këto të dhëna janë të sajuara, vetëm për të treguar nenin 163. Nuk janë rezultate të vërteta.";
    Source => "Burimi";
    Loading => "Duke ngarkuar të dhënat…";
    LoadFailed => "Të dhënat nuk u ngarkuan. Provoni përsëri.";
    OpenFile => "Hapni skedarin tuaj (JSON ose CSV)";
    OpenFileHint => "Skedari lexohet vetëm në pajisjen tuaj; nuk dërgohet askund.";
    FileError => "Skedari nuk mund të lexohet";
    AtLine => "Rreshti {n}";
    AtColumn => "kolona {n}";
    AtField => "fusha {x}";
    EngineError => "Të dhënat nuk janë të plota ose nuk janë në rregull";
    NotUtf8 => "Skedari nuk është tekst UTF-8 (bajti {n}).";
    CsvPlace => "zona {a}, subjekti {b}";
    CsvEmpty => "Skedari është bosh: mungon rreshti i titujve të kolonave.";
    CsvMissingColumn => "Rreshti i titujve nuk ka kolonën {x} (të detyrueshme: zone, zone_seats, subject, votes).";
    CsvShortRow => "Mungon fusha: rreshti ka vetëm {n} fusha.";
    CsvEmptyZone => "Emri i zonës mungon.";
    CsvEmptySubject => "Zona {x}: emri i subjektit mungon.";
    CsvCountMissing => "{x}: numri mungon.";
    CsvCountNegative => "{x}: numri është negativ ({a}).";
    CsvCountNotWhole => "{x}: numri nuk është i plotë ({a}).";
    CsvCountTooLarge => "{x}: numri është shumë i madh ({a}).";
    CsvCountInvalid => "{x}: duhet një numër i plotë, 0 ose më shumë ({a}).";
    CsvTooMany => "{x}: shumë mandate.";
    CsvUnknownKind => "{x}: lloj i panjohur {a} (pritet party, coalition ose independent).";
    CsvSeatsDiffer => "Zona {x}: {a} mandate këtu, por {b} në një rresht më sipër.";
    CsvValidDiffer => "Zona {x}: {a} vota të vlefshme këtu, por {b} në një rresht më sipër.";
    CsvListedTwice => "{x}: shfaqet dy herë.";
    CsvKindDiffers => "{x}: lloji {a} këtu, por {b} në një rresht më sipër.";
    CsvQuoteInside => "Thonjëz brenda një fushe pa thonjëza.";
    CsvTextAfterQuote => "Tekst pas thonjëzës mbyllëse.";
    CsvUnclosedQuote => "Thonjëzat nuk mbyllen.";
    JsonFile => "skedari";
    JsonZoneNo => "zona nr. {n}";
    JsonZone => "zona {x}";
    JsonSubject => "subjekti {x}";
    JsonCandidate => "kandidati";
    JsonLot => "një short";
    JsonSeats => "mandatet";
    JsonVotes => "votat";
    JsonValidVotes => "votat e vlefshme";
    JsonOfficialSeats => "mandatet zyrtare";
    JsonPrefVotes => "votat preferenciale";
    JsonKindNull => "null";
    JsonKindBool => "true ose false";
    JsonKindNumber => "një numër";
    JsonKindString => "një tekst";
    JsonKindArray => "një varg";
    JsonKindObject => "një objekt";
    JsonShapeZones => "një varg zonash";
    JsonShapeTexts => "një varg tekstesh";
    JsonShapeCandidates => "një varg kandidatësh";
    JsonTextAfterEnd => "Ka tekst pas fundit të vlerës JSON.";
    JsonExpectedValue => "Pritej një vlerë.";
    JsonEndsBeforeValue => "Skedari mbaron aty ku pritej një vlerë.";
    JsonExpectedColon => "Pritej : pas emrit të fushës.";
    JsonEndsBeforeColon => "Skedari mbaron aty ku pritej : pas emrit të fushës.";
    JsonTooDeep => "Vargjet dhe objektet janë futur shumë thellë njëri brenda tjetrit.";
    JsonCommaInArray => "Pritej , ose ] në një varg.";
    JsonCommaInObject => "Pritej , ose } në një objekt.";
    JsonMemberName => "Pritej emri i një fushe në thonjëza.";
    JsonUnclosedString => "Një tekst në thonjëza nuk mbyllet.";
    JsonBadEscape => "Shenjë \\ e pavlefshme në një tekst.";
    JsonControlChar => "Një shenjë kontrolli në një tekst.";
    JsonBadUnicode => "Shenjë \\u e pavlefshme në një tekst.";
    JsonBadNumber => "Numër i pavlefshëm.";
    JsonNotAnObject => "Skedari duhet të jetë një objekt JSON.";
    JsonMissing => "{x}: mungon fusha {a}.";
    JsonWrongType => "{x} duhet të jetë {a}, jo {b}.";
    JsonFieldTwice => "{x}: fusha {a} jepet dy herë.";
    JsonSubjectTwice => "{x}: deklarohet dy herë.";
    JsonListedTwice => "{x}: shfaqet dy herë te {a}.";
    JsonListTwice => "{x}: lista e kandidatëve jepet dy herë.";
    JsonNotANumber => "{x}: {a}: duhet një numër i plotë, jo {b}.";
    JsonNegative => "{x}: {a}: numri është negativ ({b}).";
    JsonNotWhole => "{x}: {a}: numri nuk është i plotë ({b}).";
    JsonTooLarge => "{x}: {a}: numri është shumë i madh ({b}).";
    JsonNumberTooLarge => "{x}: {a} është shumë i madh.";
    JsonUnknownKind => "{x}: lloj i panjohur {a} (pritet party, coalition ose independent).";
    JsonUnknownGender => "Gjini e panjohur {a} (pritet female ose male).";
    EngNoZones => "Zgjedhjet nuk kanë asnjë zonë.";
    EngZeroSeats => "{x}: 0 mandate.";
    EngTooManySeats => "{x}: {a} mandate janë më shumë se {b} të pranuara.";
    EngTooFewQuotients => "{x}: vetëm {a} herës të vlefshëm për {b} mandate.";
    EngUnknownSubject => "{x}: përmendet në {a}, por nuk ka vota në asnjë zonë.";
    EngCandidateList => "një listë kandidatësh";
    EngIndependentTwice => "Kandidati i pavarur {x} kandidon në zonën {a} dhe në zonën {b}.";
    EngIndependentParty => "{x}: përdoret si kandidat i pavarur dhe si parti ose koalicion.";
    EngOverflow => "{x}: shuma e votave është shumë e madhe.";
    EngNationalOverflow => "Shuma kombëtare e votave është shumë e madhe.";
    EngLotMismatch => "{x}: shorti nuk përmend {a}, që është në garë.";
    EngUnknownLotZone => "Short për zonën {x}, e cila nuk ekziston.";
    EngDuplicateCandidate => "{x}: kandidati {a} shfaqet dy herë.";
    EngListWithoutVotes => "{x}: ka listë kandidatësh, por nuk ka vota.";
    EngBadPercent => "Pragu {x} nuk është përqindje nga 0 deri në 100.";
    EngUnknownRuleSet => "Grup rregullash i panjohur {x} (pritet al-2024, al-2008 ose dhondt).";
    EngUnknownOption => "Vlerë e panjohur për {x}: {a}.";
    RulesHeading => "Rregullat";
    RuleSet => "Grupi i rregullave";
    RuleAl2024 => "al-2024: pragu 1% kombëtar, herësit të rrumbullakosur (në fuqi)";
    RuleAl2008 => "al-2008: pragu 3% (koalicionet 5%) në zonë, herësit e saktë (2009-2017)";
    RuleDhondt => "D'Hondt: pa prag, herësit e saktë";
    Threshold => "Pragu (%)";
    ThresholdHint => "Numër nga 0 deri në 100, p.sh. 1 ose 2,5.";
    ThresholdBad => "Shkruani një përqindje nga 0 deri në 100, p.sh. 1 ose 2,5";
    Rounding => "Rrumbullakimi i herësve";
    RoundHalfUp => "te numri më i afërt, ,5 lart";
    RoundHalfEven => "te numri më i afërt, ,5 te çifti";
    RoundNone => "pa rrumbullakim (herësi i saktë)";
    Reading => "Leximi i përdorur: {x}";
    ScopeNational => "kombëtar";
    ScopeZone => "në zonë";
    Reset => "Rivendosni të dhënat dhe rregullat";
    ShareLink => "Lidhja për këtë pamje";
    ShareHint => "Kjo lidhje hap të njëjtat të dhëna, rregulla dhe ndryshime.";
    ExportCsv => "Shkarkoni tabelat e zonave (CSV)";
    Print => "Printoni";
    // ---- national
    NationalHeading => "Rezultati kombëtar";
    HemicycleLabel => "Kuvendi: {n} mandate sipas subjekteve";
    Subject => "Subjekti";
    Votes => "Vota";
    Percent => "%";
    Seats => "Mandate";
    Official => "Zyrtare";
    Difference => "Ndryshimi";
    TotalSeats => "Mandate gjithsej: {n}";
    ThresholdLine => "Pragu: {x}";
    Excluded => "Nën prag, pa mandate: {x}";
    NoneExcluded => "Asnjë subjekt nuk u përjashtua nga pragu.";
    DiffersFromOfficial => "ndryshe nga rezultati zyrtar";
    MatchesOfficial => "Rezultati përputhet me mandatet zyrtare.";
    NotMatchingOfficial => "Rezultati ndryshon nga mandatet zyrtare në {n} zona.";
    LotsPending => "Disa mandate vendosen me short: shikoni zonat e shënuara.";
    // ---- zone
    ZoneHeading => "Zona";
    ZoneChoose => "Zgjidhni zonën";
    ZoneSummary => "{x}: {n} mandate";
    ZoneSeatsHeading => "Mandatet, sipas renditjes";
    Place => "Vendi";
    Divisor => "Pjesëtuesi";
    Exact => "Herësi i saktë";
    Rounded => "Herësi i rrumbullakosur";
    ByLot => "me short";
    SeatFlip => "Votat që ia marrin";
    FlipMove => "{a} vota kalojnë te {b}";
    FlipAdd => "{a} vota më shumë për {b}";
    SeatFlipNote => "Për çdo mandat: sa më pak vota që, të kaluara nga fituesi ose të shtuara te një subjekt tjetër në zonë, ia marrin atë.";
    LastWon => "Mandati i fundit: {x}";
    FirstMissed => "Herësi i parë që nuk fitoi: {x}";
    QuotientOf => "{a}, pjesëtuesi {n}, herësi {b}";
    NextSeat => "Votat e nevojshme për një mandat më shumë";
    NeededVotes => "Vota të nevojshme";
    NotEligible => "nën prag";
    NoNextSeat => "—";
    HalfAtBoundary => "Një herës me ,5 është në kufirin e mandateve: rrumbullakimi mund të ndryshojë rezultatin.";
    LotRequired => "Short i nevojshëm: {n} mandate midis {x}.";
    LotEnter => "Shënoni rezultatin e shortit: fiton";
    LotClear => "Hiqni rezultatet e shortit në këtë zonë";
    LotEntered => "Rezultati i shortit u mor parasysh: {x}.";
    // ---- what-if
    WhatIfHeading => "Çfarë do të ndodhte nëse…";
    WhatIfLead => "Ndryshoni votat e subjekteve në këtë zonë; mandatet rillogariten menjëherë.";
    VotesOf => "Votat e {x}";
    VotesBad => "Shkruani një numër të plotë votash, 0 ose më shumë";
    Edited => "ndryshuar";
    EditsCount => "Vota të ndryshuara: {n}";
    // ---- candidates
    CandidatesHeading => "Kandidatët (neni 163)";
    ListOf => "Lista e {x}: {n} mandate";
    FixedPart => "Pjesa me renditje të fiksuar";
    PreferentialPart => "Pjesa me vota parapëlqyese, e rirenditur";
    Candidate => "Kandidati";
    Gender => "Gjinia";
    Female => "femër";
    Male => "mashkull";
    Elected => "Zgjedhur";
    Yes => "po";
    No => "jo";
    LessRepresented => "Gjinia më pak e përfaqësuar: {x}";
    EqualGenders => "Të dy gjinitë kanë numër të barabartë kandidatësh: femrat trajtohen si më pak të përfaqësuara.";
    GenderMove => "{x} u zhvendos nga vendi {a} në vendin {b} (rregulli i gjinisë, një në tre).";
    NoGenderMoves => "Rregulli i gjinisë nuk zhvendosi asnjë kandidat.";
    ElectedList => "Të zgjedhurit: {x}";
    NoLists => "Këto të dhëna nuk kanë lista kandidatësh.";
}

/// The text of `key` in `lang`.
pub fn rt(lang: Language, key: RKey) -> String {
    RESULTS_CATALOG.raw(lang, key as usize).to_owned()
}

/// A reactive text for `key`, for `view!`.
pub fn rtr(key: RKey) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || rt(lang.get(), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(lang: Language) -> &'static str {
        match lang {
            Language::Sq => "{}",
            Language::En => include_str!("../../../crates/client/public/i18n/results/en.json"),
            Language::It => include_str!("../../../crates/client/public/i18n/results/it.json"),
            Language::El => include_str!("../../../crates/client/public/i18n/results/el.json"),
            Language::De => include_str!("../../../crates/client/public/i18n/results/de.json"),
        }
    }

    #[test]
    fn every_language_file_has_exactly_the_keys_of_the_viewer() {
        let names: Vec<&str> = RESULTS_CATALOG.names().collect();
        assert_eq!(names.len(), RKey::ALL.len());
        assert_eq!(RESULTS_CATALOG.albanian().count(), RKey::ALL.len());
        for &key in RKey::ALL {
            assert_eq!(names[key as usize], format!("{key:?}"));
        }
        for lang in &Language::ALL[1..] {
            assert_eq!(
                RESULTS_CATALOG.file_problems(*lang, json(*lang)),
                Vec::<String>::new()
            );
            assert!(RESULTS_CATALOG.parse(json(*lang)).is_some(), "{lang:?}");
        }
    }

    #[test]
    fn installed_languages_are_shown_by_key() {
        for lang in &Language::ALL[1..] {
            RESULTS_CATALOG.install(*lang, json(*lang)).unwrap();
        }
        assert_eq!(rt(Language::En, RKey::Seats), "Seats");
        assert_eq!(rt(Language::De, RKey::Seats), "Mandate");
        assert_eq!(rt(Language::Sq, RKey::Seats), "Mandate");
    }
}
