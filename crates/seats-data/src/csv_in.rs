//! Reading the CSV format: a header row, then one row per zone and subject.
//!
//! Columns (any order; unknown columns ignored; `#` lines and blank lines skipped):
//! `zone`, `zone_seats`, `subject`, `votes` (required); `kind` (`party` default,
//! `coalition`, `independent`), `zone_valid_votes`, `official_seats` (optional; a zone's
//! `zone_seats` and `zone_valid_votes` must agree on all its rows). Fields may be quoted
//! with `"` (a doubled `""` inside is a quote); a quoted field cannot span lines.

use per_seats::{Election, Subject, SubjectKind, Zone};

use crate::document::Document;
use crate::error::{Count, CsvProblem, DataError, NotACount};

const REQUIRED: [&str; 4] = ["zone", "zone_seats", "subject", "votes"];

/// Parses the CSV format.
pub fn parse_csv(text: &str) -> Result<Document, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((header_line, header)) = rows.next() else {
        return Err(csv_err(1, 0, None, CsvProblem::Empty));
    };
    let header = split(header_line, header)?;
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let mut required = [0usize; 4];
    for (slot, name) in required.iter_mut().zip(REQUIRED) {
        *slot = col(name)
            .ok_or_else(|| csv_err(header_line, 0, None, CsvProblem::MissingColumn(name)))?;
    }
    let [c_zone, c_seats, c_subject, c_votes] = required;
    let (c_kind, c_valid, c_official) =
        (col("kind"), col("zone_valid_votes"), col("official_seats"));

    let mut zones: Vec<Zone> = Vec::new();
    let mut official: Vec<(String, Vec<(String, u32)>)> = Vec::new();
    let mut subjects: Vec<Subject> = Vec::new();
    for (line, raw) in rows {
        let fields = split(line, raw)?;
        let get = |c: usize| -> Result<&str, DataError> {
            fields.get(c).map(|f| f.trim()).ok_or_else(|| {
                csv_err(
                    line,
                    c + 1,
                    Some(header[c].trim()),
                    CsvProblem::ShortRow {
                        fields: fields.len(),
                    },
                )
            })
        };
        let zone_name = get(c_zone)?;
        let subject = get(c_subject)?;
        let at =
            |c: usize, problem: CsvProblem| csv_err(line, c + 1, Some(header[c].trim()), problem);
        if zone_name.is_empty() {
            return Err(at(c_zone, CsvProblem::EmptyZone));
        }
        if subject.is_empty() {
            return Err(at(
                c_subject,
                CsvProblem::EmptySubject {
                    zone: zone_name.to_owned(),
                },
            ));
        }
        let zone = || zone_name.to_owned();
        let subj = || subject.to_owned();
        let number = |c: usize, count: Count| -> Result<u64, DataError> {
            let text = get(c)?;
            parse_count(text).map_err(|why| {
                at(
                    c,
                    CsvProblem::BadCount {
                        zone: zone(),
                        subject: subj(),
                        count,
                        why,
                        text: text.to_owned(),
                    },
                )
            })
        };
        let too_many = |c: usize, count: Count| {
            at(
                c,
                CsvProblem::TooMany {
                    zone: zone(),
                    subject: subj(),
                    count,
                },
            )
        };
        let seats = number(c_seats, Count::Seats)?;
        let seats = u32::try_from(seats).map_err(|_| too_many(c_seats, Count::Seats))?;
        let votes = number(c_votes, Count::Votes)?;
        let kind = match c_kind.map(get).transpose()? {
            None | Some("") | Some("party") => SubjectKind::Party,
            Some("coalition") => SubjectKind::Coalition,
            Some("independent") => SubjectKind::Independent,
            Some(other) => {
                let c = c_kind.unwrap_or(0);
                return Err(at(
                    c,
                    CsvProblem::UnknownKind {
                        zone: zone(),
                        subject: subj(),
                        kind: other.to_owned(),
                    },
                ));
            }
        };
        let valid = match c_valid {
            Some(c) if !get(c)?.is_empty() => Some(number(c, Count::ValidVotes)?),
            _ => None,
        };
        let official_seats = match c_official {
            Some(c) if !get(c)?.is_empty() => {
                let n = number(c, Count::OfficialSeats)?;
                Some(u32::try_from(n).map_err(|_| too_many(c, Count::OfficialSeats))?)
            }
            _ => None,
        };

        let zi = match zones.iter().position(|z| z.name == zone_name) {
            Some(zi) => zi,
            None => {
                zones.push(Zone {
                    name: zone_name.to_owned(),
                    seats,
                    valid_votes: valid,
                    votes: Vec::new(),
                    independents: Vec::new(),
                    lists: Vec::new(),
                });
                zones.len() - 1
            }
        };
        let zone = &mut zones[zi];
        if zone.seats != seats {
            return Err(at(
                c_seats,
                CsvProblem::SeatsDiffer {
                    zone: zone_name.to_owned(),
                    here: seats,
                    earlier: zone.seats,
                },
            ));
        }
        if let (Some(v), Some(c)) = (valid, c_valid) {
            match zone.valid_votes {
                Some(old) if old != v => {
                    return Err(at(
                        c,
                        CsvProblem::ValidVotesDiffer {
                            zone: zone_name.to_owned(),
                            here: v,
                            earlier: old,
                        },
                    ))
                }
                _ => zone.valid_votes = Some(v),
            }
        }
        if zone
            .votes
            .iter()
            .chain(&zone.independents)
            .any(|(s, _)| s == subject)
        {
            return Err(at(
                c_subject,
                CsvProblem::ListedTwice {
                    zone: zone_name.to_owned(),
                    subject: subject.to_owned(),
                },
            ));
        }
        if kind == SubjectKind::Independent {
            zone.independents.push((subject.to_owned(), votes));
        } else {
            zone.votes.push((subject.to_owned(), votes));
            match subjects.iter().find(|s| s.name == subject) {
                Some(s) if s.kind != kind => {
                    return Err(at(
                        c_kind.unwrap_or(c_subject),
                        CsvProblem::KindDiffers {
                            zone: zone_name.to_owned(),
                            subject: subject.to_owned(),
                            here: kind,
                            earlier: s.kind,
                        },
                    ))
                }
                Some(_) => {}
                None => subjects.push(Subject {
                    name: subject.to_owned(),
                    kind,
                }),
            }
        }
        if let Some(n) = official_seats {
            match official.iter_mut().find(|(z, _)| z == zone_name) {
                Some((_, o)) => o.push((subject.to_owned(), n)),
                None => official.push((zone_name.to_owned(), vec![(subject.to_owned(), n)])),
            }
        }
    }
    Ok(Document {
        name: None,
        rules: None,
        election: Election {
            subjects: Some(subjects),
            national_valid_votes: None,
            house_size: None,
            zones,
            lots: Vec::new(),
        },
        official,
    })
}

fn csv_err(line: usize, column: usize, field: Option<&str>, problem: CsvProblem) -> DataError {
    DataError::Csv {
        line,
        column,
        field: field.map(str::to_owned),
        problem,
    }
}

/// A whole number of votes or seats, or why not.
fn parse_count(text: &str) -> Result<u64, NotACount> {
    if text.is_empty() {
        return Err(NotACount::Missing);
    }
    if let Ok(n) = text.parse::<u64>() {
        return Ok(n);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let numeric = digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1;
    match (text.starts_with('-'), numeric) {
        (true, true) if digits.bytes().any(|b| b != b'0' && b != b'.') => Err(NotACount::Negative),
        (true, true) => Ok(0),
        (false, true) if digits.contains('.') => {
            let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
            match (frac.bytes().all(|b| b == b'0'), int.parse::<u64>()) {
                (true, Ok(n)) => Ok(n),
                (true, Err(_)) if int.is_empty() => Ok(0),
                (false, _) => Err(NotACount::NotWhole),
                (true, Err(_)) => Err(NotACount::TooLarge),
            }
        }
        (false, true) => Err(NotACount::TooLarge),
        _ => Err(NotACount::Invalid),
    }
}

/// Splits one CSV line into fields, honouring `"` quoting.
fn split(line: usize, raw: &str) -> Result<Vec<String>, DataError> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = raw.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() && !was_quoted => {
                field.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, '"') => {
                return Err(csv_err(
                    line,
                    fields.len() + 1,
                    None,
                    CsvProblem::QuoteInside,
                ))
            }
            (false, ',') => {
                fields.push(core::mem::take(&mut field));
                was_quoted = false;
            }
            (false, c) if was_quoted && !c.is_whitespace() => {
                return Err(csv_err(
                    line,
                    fields.len() + 1,
                    None,
                    CsvProblem::TextAfterQuote,
                ))
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(csv_err(
            line,
            fields.len() + 1,
            None,
            CsvProblem::UnclosedQuote,
        ));
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_say_why_they_are_refused() {
        assert_eq!(parse_count("12"), Ok(12));
        assert_eq!(parse_count("12.0"), Ok(12));
        assert_eq!(parse_count("-0"), Ok(0));
        assert_eq!(parse_count("-3"), Err(NotACount::Negative));
        assert_eq!(parse_count("1.5"), Err(NotACount::NotWhole));
        assert_eq!(parse_count("abc"), Err(NotACount::Invalid));
        assert_eq!(
            parse_count("99999999999999999999"),
            Err(NotACount::TooLarge)
        );
        assert_eq!(parse_count(""), Err(NotACount::Missing));
    }

    #[test]
    fn quoted_fields() {
        let f = split(1, r#"a,"b, c","d ""e""",f"#).unwrap_or_default();
        assert_eq!(f, ["a", "b, c", "d \"e\"", "f"]);
        assert!(split(1, r#""open"#).is_err());
        assert!(split(1, r#"a"b"#).is_err());
    }
}
