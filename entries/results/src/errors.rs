//! Why the visitor's own file cannot be read, said in their language: the line, the column
//! and its name, and for a CSV file what is wrong (typed in `per-seats-data`, worded here).

use crate::texts::{rt, RKey};
use per_client::i18n::{fill, fill_named};
use per_domain::Language;
use per_seats_data::{CsvProblem, DataError, NotACount};

/// An input error in the visitor's language, naming line, column and field.
pub fn data_error(lang: Language, e: &DataError) -> String {
    let line = |n: usize| fill(&rt(lang, RKey::AtLine), u32::try_from(n).ok(), None);
    let column = |n: usize| fill(&rt(lang, RKey::AtColumn), u32::try_from(n).ok(), None);
    match e {
        DataError::Json {
            line: l,
            column: c,
            message,
        } => format!("{}, {}: {message}", line(*l), column(*c)),
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
        DataError::Engine(err) => format!("{}: {err}", rt(lang, RKey::EngineError)),
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
}
