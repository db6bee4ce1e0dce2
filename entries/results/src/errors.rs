//! Why the visitor's own file cannot be read, said in their language: the line, the column
//! and its name, and for a CSV file what is wrong (typed in `per-seats-data`, worded here).

use crate::texts::{rt, RKey};
use per_client::i18n::{fill, fill_named};
use per_domain::Language;
use per_seats_data::{
    CsvProblem, DataError, JsonCount, JsonKind, JsonPlace, JsonProblem, JsonShape, JsonStep,
    NotACount,
};

/// An input error in the visitor's language, naming line, column and field.
pub fn data_error(lang: Language, e: &DataError) -> String {
    let line = |n: usize| fill(&rt(lang, RKey::AtLine), u32::try_from(n).ok(), None);
    let column = |n: usize| fill(&rt(lang, RKey::AtColumn), u32::try_from(n).ok(), None);
    match e {
        DataError::Json {
            line: l,
            column: c,
            problem,
        } => format!(
            "{}, {}: {}",
            line(*l),
            column(*c),
            json_problem(lang, problem)
        ),
        DataError::Csv {
            line: l,
            column: c,
            field,
            problem,
        } => {
            let mut s = line(*l);
            if *c > 0 {
                s = format!("{s}, {}", column(*c));
            }
            if let Some(f) = field {
                s = format!("{s} ({})", fill(&rt(lang, RKey::AtField), None, Some(f)));
            }
            format!("{s}: {}", csv_problem(lang, problem))
        }
        DataError::NotUtf8 { offset } => {
            fill(&rt(lang, RKey::NotUtf8), u32::try_from(*offset).ok(), None)
        }
        DataError::Engine(err) => engine_error(lang, err),
    }
}

/// What is wrong with a CSV row, in `lang`.
pub fn csv_problem(lang: Language, p: &CsvProblem) -> String {
    let text = |key: RKey, x: &str, a: &str, b: &str| {
        fill_named(&rt(lang, key), &[("a", a), ("b", b), ("x", x)])
    };
    let place = |zone: &str, subject: &str| text(RKey::CsvPlace, "", zone, subject);
    let quoted = |s: &str| format!("\u{201c}{s}\u{201d}");
    match p {
        CsvProblem::Empty => rt(lang, RKey::CsvEmpty),
        CsvProblem::MissingColumn(name) => text(RKey::CsvMissingColumn, name, "", ""),
        CsvProblem::ShortRow { fields } => fill(
            &rt(lang, RKey::CsvShortRow),
            u32::try_from(*fields).ok(),
            None,
        ),
        CsvProblem::EmptyZone => rt(lang, RKey::CsvEmptyZone),
        CsvProblem::EmptySubject { zone } => text(RKey::CsvEmptySubject, zone, "", ""),
        CsvProblem::BadCount {
            zone,
            subject,
            why,
            text: value,
            ..
        } => {
            let key = match why {
                NotACount::Missing => RKey::CsvCountMissing,
                NotACount::Negative => RKey::CsvCountNegative,
                NotACount::NotWhole => RKey::CsvCountNotWhole,
                NotACount::TooLarge => RKey::CsvCountTooLarge,
                NotACount::Invalid => RKey::CsvCountInvalid,
            };
            text(key, &place(zone, subject), &quoted(value), "")
        }
        CsvProblem::TooMany { zone, subject, .. } => {
            text(RKey::CsvTooMany, &place(zone, subject), "", "")
        }
        CsvProblem::UnknownKind {
            zone,
            subject,
            kind,
        } => text(
            RKey::CsvUnknownKind,
            &place(zone, subject),
            &quoted(kind),
            "",
        ),
        CsvProblem::SeatsDiffer {
            zone,
            here,
            earlier,
        } => text(
            RKey::CsvSeatsDiffer,
            zone,
            &here.to_string(),
            &earlier.to_string(),
        ),
        CsvProblem::ValidVotesDiffer {
            zone,
            here,
            earlier,
        } => text(
            RKey::CsvValidDiffer,
            zone,
            &here.to_string(),
            &earlier.to_string(),
        ),
        CsvProblem::ListedTwice { zone, subject } => {
            text(RKey::CsvListedTwice, &place(zone, subject), "", "")
        }
        CsvProblem::KindDiffers {
            zone,
            subject,
            here,
            earlier,
        } => text(
            RKey::CsvKindDiffers,
            &place(zone, subject),
            here.name(),
            earlier.name(),
        ),
        CsvProblem::QuoteInside => rt(lang, RKey::CsvQuoteInside),
        CsvProblem::TextAfterQuote => rt(lang, RKey::CsvTextAfterQuote),
        CsvProblem::UnclosedQuote => rt(lang, RKey::CsvUnclosedQuote),
    }
}

/// Where in a JSON file, in `lang` (member names of the format as written).
fn json_place(lang: Language, place: &JsonPlace) -> String {
    let mut out = String::new();
    let mut previous: Option<&JsonStep> = None;
    for step in &place.0 {
        if let Some(p) = previous {
            let in_zone = matches!(p, JsonStep::Zone(_) | JsonStep::ZoneNumber(_));
            out.push_str(if in_zone && matches!(step, JsonStep::Subject(_)) {
                ", "
            } else {
                ": "
            });
        }
        out.push_str(&match step {
            JsonStep::File => rt(lang, RKey::JsonFile),
            JsonStep::Field(name) => (*name).to_owned(),
            JsonStep::Count(c) => json_count(lang, *c),
            JsonStep::Subject(s) => fill(&rt(lang, RKey::JsonSubject), None, Some(s)),
            JsonStep::ZoneNumber(n) => {
                fill(&rt(lang, RKey::JsonZoneNo), u32::try_from(*n).ok(), None)
            }
            JsonStep::Zone(z) => fill(&rt(lang, RKey::JsonZone), None, Some(z)),
            JsonStep::Candidate => rt(lang, RKey::JsonCandidate),
            JsonStep::Lot => rt(lang, RKey::JsonLot),
        });
        previous = Some(step);
    }
    if out.is_empty() {
        out = rt(lang, RKey::JsonFile);
    }
    out
}

fn json_count(lang: Language, c: JsonCount) -> String {
    rt(
        lang,
        match c {
            JsonCount::Seats => RKey::JsonSeats,
            JsonCount::Votes => RKey::JsonVotes,
            JsonCount::ValidVotes => RKey::JsonValidVotes,
            JsonCount::OfficialSeats => RKey::JsonOfficialSeats,
            JsonCount::PreferentialVotes => RKey::JsonPrefVotes,
        },
    )
}

fn json_kind(lang: Language, k: JsonKind) -> String {
    rt(
        lang,
        match k {
            JsonKind::Null => RKey::JsonKindNull,
            JsonKind::Bool => RKey::JsonKindBool,
            JsonKind::Number => RKey::JsonKindNumber,
            JsonKind::String => RKey::JsonKindString,
            JsonKind::Array => RKey::JsonKindArray,
            JsonKind::Object => RKey::JsonKindObject,
        },
    )
}

fn json_shape(lang: Language, s: JsonShape) -> String {
    rt(
        lang,
        match s {
            JsonShape::Object => RKey::JsonKindObject,
            JsonShape::Text => RKey::JsonKindString,
            JsonShape::Array => RKey::JsonKindArray,
            JsonShape::ArrayOfZones => RKey::JsonShapeZones,
            JsonShape::ArrayOfTexts => RKey::JsonShapeTexts,
            JsonShape::ArrayOfCandidates => RKey::JsonShapeCandidates,
        },
    )
}

/// What is wrong with a JSON file, in `lang`.
pub fn json_problem(lang: Language, p: &JsonProblem) -> String {
    let text = |key: RKey, x: &str, a: &str, b: &str| {
        fill_named(&rt(lang, key), &[("a", a), ("b", b), ("x", x)])
    };
    let place = |p: &JsonPlace| json_place(lang, p);
    let quoted = |s: &str| format!("\u{201c}{s}\u{201d}");
    let plain = |key: RKey| rt(lang, key);
    match p {
        JsonProblem::TextAfterEnd => plain(RKey::JsonTextAfterEnd),
        JsonProblem::ExpectedValue => plain(RKey::JsonExpectedValue),
        JsonProblem::EndsBeforeValue => plain(RKey::JsonEndsBeforeValue),
        JsonProblem::ExpectedColon => plain(RKey::JsonExpectedColon),
        JsonProblem::EndsBeforeColon => plain(RKey::JsonEndsBeforeColon),
        JsonProblem::TooDeep => plain(RKey::JsonTooDeep),
        JsonProblem::ExpectedCommaInArray => plain(RKey::JsonCommaInArray),
        JsonProblem::ExpectedCommaInObject => plain(RKey::JsonCommaInObject),
        JsonProblem::ExpectedMemberName => plain(RKey::JsonMemberName),
        JsonProblem::UnclosedString => plain(RKey::JsonUnclosedString),
        JsonProblem::InvalidEscape => plain(RKey::JsonBadEscape),
        JsonProblem::ControlCharacter => plain(RKey::JsonControlChar),
        JsonProblem::InvalidUnicodeEscape => plain(RKey::JsonBadUnicode),
        JsonProblem::InvalidNumber => plain(RKey::JsonBadNumber),
        JsonProblem::NotAnObject => plain(RKey::JsonNotAnObject),
        JsonProblem::Rules(e) => engine_error(lang, e),
        JsonProblem::Missing { place: p, field } => text(RKey::JsonMissing, &place(p), field, ""),
        JsonProblem::WrongType {
            place: p,
            want,
            found,
        } => text(
            RKey::JsonWrongType,
            &place(p),
            &json_shape(lang, *want),
            &json_kind(lang, *found),
        ),
        JsonProblem::FieldTwice { place: p, name } => {
            text(RKey::JsonFieldTwice, &place(p), name, "")
        }
        JsonProblem::SubjectTwice { name } => text(
            RKey::JsonSubjectTwice,
            &place(&JsonPlace::of(JsonStep::Subject(name.clone()))),
            "",
            "",
        ),
        JsonProblem::ListedTwice { place: p, count } => text(
            RKey::JsonListedTwice,
            &place(p),
            &json_count(lang, *count),
            "",
        ),
        JsonProblem::ListTwice { place: p } => text(RKey::JsonListTwice, &place(p), "", ""),
        JsonProblem::NotANumber {
            place: p,
            count,
            found,
        } => text(
            RKey::JsonNotANumber,
            &place(p),
            &json_count(lang, *count),
            &json_kind(lang, *found),
        ),
        JsonProblem::BadCount {
            place: p,
            count,
            why,
            text: value,
        } => {
            let key = match why {
                NotACount::Negative => RKey::JsonNegative,
                NotACount::NotWhole => RKey::JsonNotWhole,
                _ => RKey::JsonTooLarge,
            };
            text(key, &place(p), &json_count(lang, *count), &quoted(value))
        }
        JsonProblem::TooLarge { place: p, n } => {
            text(RKey::JsonNumberTooLarge, &place(p), &n.to_string(), "")
        }
        JsonProblem::UnknownKind { subject, kind } => text(
            RKey::JsonUnknownKind,
            &place(&JsonPlace::of(JsonStep::Subject(subject.clone()))),
            &quoted(kind),
            "",
        ),
        JsonProblem::UnknownGender { gender } => {
            text(RKey::JsonUnknownGender, "", &quoted(gender), "")
        }
    }
}

/// Why the engine refuses the election, in `lang`, after the general sentence.
pub fn engine_error(lang: Language, e: &per_seats::Error) -> String {
    use per_seats::Error as E;
    let text = |key: RKey, x: &str, a: &str, b: &str| {
        fill_named(&rt(lang, key), &[("a", a), ("b", b), ("x", x)])
    };
    let zone = |z: &str| fill(&rt(lang, RKey::JsonZone), None, Some(z));
    let place = |z: &str, s: &str| text(RKey::CsvPlace, "", z, s);
    let quoted = |s: &str| format!("\u{201c}{s}\u{201d}");
    let detail = match e {
        E::NoZones => rt(lang, RKey::EngNoZones),
        E::ZeroSeats { zone: z } => text(RKey::EngZeroSeats, &zone(z), "", ""),
        E::TooManySeats { zone: z, seats } => text(
            RKey::EngTooManySeats,
            &zone(z),
            &seats.to_string(),
            &per_seats::MAX_ZONE_SEATS.to_string(),
        ),
        E::TooFewQuotients {
            zone: z,
            quotients,
            seats,
        } => text(
            RKey::EngTooFewQuotients,
            &zone(z),
            &quotients.to_string(),
            &seats.to_string(),
        ),
        E::DuplicateZone { zone: z } => text(RKey::CsvListedTwice, &zone(z), "", ""),
        E::DuplicateSubject {
            zone: Some(z),
            subject,
        } => text(RKey::CsvListedTwice, &place(z, subject), "", ""),
        E::DuplicateSubject {
            zone: None,
            subject,
        } => text(
            RKey::JsonSubjectTwice,
            &fill(&rt(lang, RKey::JsonSubject), None, Some(subject)),
            "",
            "",
        ),
        E::UnknownSubject {
            zone: z,
            subject,
            named_in,
        } => {
            let named = match *named_in {
                "a lot outcome" => rt(lang, RKey::JsonLot),
                "a candidate list" => rt(lang, RKey::EngCandidateList),
                "official seats" => rt(lang, RKey::JsonOfficialSeats),
                other => other.to_owned(),
            };
            text(RKey::EngUnknownSubject, &place(z, subject), &named, "")
        }
        E::IndependentInSeveralZones {
            subject,
            first,
            second,
        } => text(RKey::EngIndependentTwice, subject, first, second),
        E::IndependentAlsoParty { zone: z, subject } => {
            text(RKey::EngIndependentParty, &place(z, subject), "", "")
        }
        E::Overflow { zone: Some(z) } => text(RKey::EngOverflow, &zone(z), "", ""),
        E::Overflow { zone: None } => rt(lang, RKey::EngNationalOverflow),
        E::LotMismatch {
            zone: z,
            subject,
            missing,
        } => {
            let at = match subject {
                Some(s) => place(z, s),
                None => zone(z),
            };
            text(RKey::EngLotMismatch, &at, missing, "")
        }
        E::UnknownLotZone { zone: z } => text(RKey::EngUnknownLotZone, z, "", ""),
        E::DuplicateCandidate {
            zone: z,
            subject,
            candidate,
        } => text(
            RKey::EngDuplicateCandidate,
            &place(z, subject),
            candidate,
            "",
        ),
        E::ListWithoutVotes { zone: z, subject } => {
            text(RKey::EngListWithoutVotes, &place(z, subject), "", "")
        }
        E::BadPercent { text: t } => text(RKey::EngBadPercent, &quoted(t), "", ""),
        E::UnknownRuleSet { name } => text(RKey::EngUnknownRuleSet, &quoted(name), "", ""),
        E::UnknownOption { option, value } => {
            text(RKey::EngUnknownOption, option, &quoted(value), "")
        }
    };
    format!("{}: {detail}", rt(lang, RKey::EngineError))
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_seats_data::{parse, Format};

    fn csv(text: &str) -> DataError {
        parse(text, Format::Csv).unwrap_err()
    }

    #[test]
    fn a_bad_csv_row_is_told_with_its_line_field_zone_and_subject() {
        let e = csv("zone,zone_seats,subject,votes\nBerat,7,PS,45634\nBerat,7,PD,many\n");
        assert_eq!(
            data_error(Language::Sq, &e),
            "Rreshti 3, kolona 4 (fusha votes): zona Berat, subjekti PD: \
             duhet një numër i plotë, 0 ose më shumë (\u{201c}many\u{201d})."
        );
        let e = csv("zone,zone_seats,subject,votes\nZ,2,A,1\nZ,3,B,1\n");
        assert_eq!(
            data_error(Language::Sq, &e),
            "Rreshti 3, kolona 2 (fusha zone_seats): Zona Z: 3 mandate këtu, por 2 \
             në një rresht më sipër."
        );
        assert_eq!(
            data_error(Language::Sq, &csv("")),
            "Rreshti 1: Skedari është bosh: mungon rreshti i titujve të kolonave."
        );
    }

    #[test]
    fn every_csv_problem_has_its_text_and_no_placeholder_is_left() {
        let (z, s) = (String::from("Z"), String::from("A"));
        let problems = [
            CsvProblem::Empty,
            CsvProblem::MissingColumn("votes"),
            CsvProblem::ShortRow { fields: 3 },
            CsvProblem::EmptyZone,
            CsvProblem::EmptySubject { zone: z.clone() },
            CsvProblem::BadCount {
                zone: z.clone(),
                subject: s.clone(),
                count: per_seats_data::Count::Votes,
                why: NotACount::Negative,
                text: "-5".into(),
            },
            CsvProblem::TooMany {
                zone: z.clone(),
                subject: s.clone(),
                count: per_seats_data::Count::Seats,
            },
            CsvProblem::UnknownKind {
                zone: z.clone(),
                subject: s.clone(),
                kind: "club".into(),
            },
            CsvProblem::SeatsDiffer {
                zone: z.clone(),
                here: 3,
                earlier: 2,
            },
            CsvProblem::ValidVotesDiffer {
                zone: z.clone(),
                here: 3,
                earlier: 2,
            },
            CsvProblem::ListedTwice {
                zone: z.clone(),
                subject: s.clone(),
            },
            CsvProblem::KindDiffers {
                zone: z,
                subject: s,
                here: per_seats::SubjectKind::Coalition,
                earlier: per_seats::SubjectKind::Party,
            },
            CsvProblem::QuoteInside,
            CsvProblem::TextAfterQuote,
            CsvProblem::UnclosedQuote,
        ];
        for p in &problems {
            let text = csv_problem(Language::Sq, p);
            assert!(!text.is_empty() && !text.contains('{'), "{p:?}: {text}");
        }
    }

    #[test]
    fn a_bad_json_value_is_told_with_its_line_column_and_place() {
        let e = parse(
            "{\"zones\": [{\"name\": \"Berat\", \"seats\": 7,\n \"votes\": {\"PS\": -5}}]}",
            Format::Json,
        )
        .unwrap_err();
        assert_eq!(
            data_error(Language::Sq, &e),
            "Rreshti 2, kolona 18: zona Berat, subjekti PS: votat: numri është negativ (\u{201c}-5\u{201d})."
        );
        let e = parse("{\"zones\": [{\"seats\": 7}]}", Format::Json).unwrap_err();
        assert_eq!(
            data_error(Language::Sq, &e),
            "Rreshti 1, kolona 12: zona nr. 1: mungon fusha name."
        );
        let e = parse("{\"zones\": 3}", Format::Json).unwrap_err();
        assert_eq!(
            data_error(Language::Sq, &e),
            "Rreshti 1, kolona 11: zones duhet të jetë një varg zonash, jo një numër."
        );
    }

    #[test]
    fn every_json_problem_has_its_text_and_no_placeholder_is_left() {
        let z = JsonPlace::of(JsonStep::Zone("Z".into())).and(JsonStep::Subject("A".into()));
        let problems = [
            JsonProblem::TextAfterEnd,
            JsonProblem::ExpectedValue,
            JsonProblem::EndsBeforeValue,
            JsonProblem::ExpectedColon,
            JsonProblem::EndsBeforeColon,
            JsonProblem::TooDeep,
            JsonProblem::ExpectedCommaInArray,
            JsonProblem::ExpectedCommaInObject,
            JsonProblem::ExpectedMemberName,
            JsonProblem::UnclosedString,
            JsonProblem::InvalidEscape,
            JsonProblem::ControlCharacter,
            JsonProblem::InvalidUnicodeEscape,
            JsonProblem::InvalidNumber,
            JsonProblem::NotAnObject,
            JsonProblem::Missing {
                place: JsonPlace::default(),
                field: "zones",
            },
            JsonProblem::WrongType {
                place: JsonPlace::of(JsonStep::Lot).and(JsonStep::Field("order")),
                want: JsonShape::ArrayOfTexts,
                found: JsonKind::Bool,
            },
            JsonProblem::FieldTwice {
                place: JsonPlace::of(JsonStep::File),
                name: "zones".into(),
            },
            JsonProblem::SubjectTwice { name: "A".into() },
            JsonProblem::ListedTwice {
                place: z.clone(),
                count: JsonCount::OfficialSeats,
            },
            JsonProblem::ListTwice { place: z.clone() },
            JsonProblem::NotANumber {
                place: z.clone(),
                count: JsonCount::ValidVotes,
                found: JsonKind::Null,
            },
            JsonProblem::BadCount {
                place: JsonPlace::of(JsonStep::Candidate),
                count: JsonCount::PreferentialVotes,
                why: NotACount::TooLarge,
                text: "1e99".into(),
            },
            JsonProblem::TooLarge {
                place: JsonPlace::of(JsonStep::ZoneNumber(2)),
                n: 1 << 40,
            },
            JsonProblem::UnknownKind {
                subject: "A".into(),
                kind: "club".into(),
            },
            JsonProblem::UnknownGender { gender: "x".into() },
        ];
        for p in &problems {
            let text = json_problem(Language::Sq, p);
            assert!(!text.is_empty() && !text.contains('{'), "{p:?}: {text}");
        }
    }

    #[test]
    fn every_engine_error_has_its_text_and_no_placeholder_is_left() {
        use per_seats::Error as E;
        let (z, s) = (String::from("Z"), String::from("A"));
        let errors = [
            E::NoZones,
            E::ZeroSeats { zone: z.clone() },
            E::TooManySeats {
                zone: z.clone(),
                seats: 999,
            },
            E::TooFewQuotients {
                zone: z.clone(),
                quotients: 1,
                seats: 2,
            },
            E::DuplicateZone { zone: z.clone() },
            E::DuplicateSubject {
                zone: Some(z.clone()),
                subject: s.clone(),
            },
            E::DuplicateSubject {
                zone: None,
                subject: s.clone(),
            },
            E::UnknownSubject {
                zone: z.clone(),
                subject: s.clone(),
                named_in: "a candidate list",
            },
            E::IndependentInSeveralZones {
                subject: s.clone(),
                first: z.clone(),
                second: "Y".into(),
            },
            E::IndependentAlsoParty {
                zone: z.clone(),
                subject: s.clone(),
            },
            E::Overflow {
                zone: Some(z.clone()),
            },
            E::Overflow { zone: None },
            E::LotMismatch {
                zone: z.clone(),
                subject: Some(s.clone()),
                missing: "B".into(),
            },
            E::UnknownLotZone { zone: z.clone() },
            E::DuplicateCandidate {
                zone: z.clone(),
                subject: s.clone(),
                candidate: "C".into(),
            },
            E::ListWithoutVotes {
                zone: z,
                subject: s,
            },
            E::BadPercent { text: "x".into() },
            E::UnknownRuleSet { name: "x".into() },
            E::UnknownOption {
                option: "rounding",
                value: "x".into(),
            },
        ];
        for e in &errors {
            let text = engine_error(Language::Sq, e);
            assert!(!text.contains('{') && text.len() > 60, "{e:?}: {text}");
        }
        assert_eq!(
            engine_error(
                Language::Sq,
                &E::UnknownSubject {
                    zone: "Berat".into(),
                    subject: "PX".into(),
                    named_in: "official seats",
                }
            ),
            "Të dhënat nuk janë të plota ose nuk janë në rregull: zona Berat, subjekti PX: \
             përmendet në mandatet zyrtare, por nuk ka vota në asnjë zonë."
        );
    }
}
