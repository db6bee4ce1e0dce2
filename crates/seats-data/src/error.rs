//! Errors of the adapter: where in the input (line, column, zone, subject) and what is wrong.

use core::fmt;
use per_seats::SubjectKind;

/// Why an input could not be read. The message is one lowercase line naming the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// Malformed or invalid JSON, at the value at fault.
    Json {
        /// Line, 1-based (0 when unknown).
        line: usize,
        /// Column, 1-based (0 when unknown).
        column: usize,
        /// What is wrong, naming zone and subject when known.
        message: String,
    },
    /// Malformed or invalid CSV.
    Csv {
        /// Line, 1-based.
        line: usize,
        /// Column (field number), 1-based; 0 for the whole line.
        column: usize,
        /// Column name, when known.
        field: Option<String>,
        /// What is wrong (typed: an application says it in its user's language).
        problem: CsvProblem,
    },
    /// The input is not UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The engine refused the election.
    Engine(per_seats::Error),
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            Self::Csv {
                line,
                column: 0,
                problem,
                ..
            } => write!(f, "line {line}: {problem}"),
            Self::Csv {
                line,
                column,
                field: Some(field),
                problem,
            } => write!(f, "line {line}, column {column} ({field}): {problem}"),
            Self::Csv {
                line,
                column,
                field: None,
                problem,
            } => write!(f, "line {line}, column {column}: {problem}"),
            Self::NotUtf8 { offset } => write!(f, "byte {offset}: the input is not utf-8"),
            Self::Engine(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Engine(e) => Some(e),
            _ => None,
        }
    }
}

impl From<per_seats::Error> for DataError {
    fn from(e: per_seats::Error) -> Self {
        Self::Engine(e)
    }
}

/// A count of the CSV format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Seats,
    Votes,
    ValidVotes,
    OfficialSeats,
}

impl Count {
    /// Its name in the English messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Seats => "seats",
            Self::Votes => "votes",
            Self::ValidVotes => "zone valid votes",
            Self::OfficialSeats => "official seats",
        }
    }
}

/// Why a field is not a count (a whole number, 0 or more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotACount {
    Missing,
    Negative,
    NotWhole,
    TooLarge,
    Invalid,
}

impl NotACount {
    /// Its word in the English messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Negative => "negative",
            Self::NotWhole => "non-integer",
            Self::TooLarge => "too large",
            Self::Invalid => "invalid",
        }
    }
}

/// What is wrong with a CSV input (line and field are in [`DataError::Csv`]): the zone and
/// subject of the row and the values at fault, no sentence; [`fmt::Display`] gives the
/// English one-line message of the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// No header row.
    Empty,
    /// The header lacks a required column.
    MissingColumn(&'static str),
    /// The row has fewer fields than the column needs (`fields`: how many it has).
    ShortRow {
        fields: usize,
    },
    EmptyZone,
    EmptySubject {
        zone: String,
    },
    /// A count that cannot be read (`text`: as written).
    BadCount {
        zone: String,
        subject: String,
        count: Count,
        why: NotACount,
        text: String,
    },
    /// A count of seats above what the engine counts.
    TooMany {
        zone: String,
        subject: String,
        count: Count,
    },
    UnknownKind {
        zone: String,
        subject: String,
        kind: String,
    },
    /// The zone's seats differ from an earlier row's.
    SeatsDiffer {
        zone: String,
        here: u32,
        earlier: u32,
    },
    /// The zone's valid votes differ from an earlier row's.
    ValidVotesDiffer {
        zone: String,
        here: u64,
        earlier: u64,
    },
    /// The subject has a second row in the zone.
    ListedTwice {
        zone: String,
        subject: String,
    },
    /// The subject's kind differs from an earlier row's.
    KindDiffers {
        zone: String,
        subject: String,
        here: SubjectKind,
        earlier: SubjectKind,
    },
    QuoteInside,
    TextAfterQuote,
    UnclosedQuote,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("empty input: expected a header row"),
            Self::MissingColumn(name) => write!(
                f,
                "header lacks column {name} (required: zone, zone_seats, subject, votes)"
            ),
            Self::ShortRow { fields } => write!(f, "missing field: the row has {fields} fields"),
            Self::EmptyZone => f.write_str("empty zone name"),
            Self::EmptySubject { zone } => write!(f, "zone {zone}: empty subject name"),
            Self::BadCount {
                zone,
                subject,
                count,
                why,
                text,
            } => write!(
                f,
                "zone {zone}, subject {subject}: {} {} (\"{text}\")",
                why.name(),
                count.name()
            ),
            Self::TooMany {
                zone,
                subject,
                count,
            } => write!(f, "zone {zone}, subject {subject}: too many {}", count.name()),
            Self::UnknownKind {
                zone,
                subject,
                kind,
            } => write!(
                f,
                "zone {zone}, subject {subject}: unknown kind \"{kind}\" (expected party, coalition or independent)"
            ),
            Self::SeatsDiffer {
                zone,
                here,
                earlier,
            } => write!(f, "zone {zone}: {here} seats here but {earlier} on an earlier row"),
            Self::ValidVotesDiffer {
                zone,
                here,
                earlier,
            } => write!(
                f,
                "zone {zone}: {here} valid votes here but {earlier} on an earlier row"
            ),
            Self::ListedTwice { zone, subject } => {
                write!(f, "zone {zone}, subject {subject}: listed twice")
            }
            Self::KindDiffers {
                zone,
                subject,
                here,
                earlier,
            } => write!(
                f,
                "zone {zone}, subject {subject}: kind {} here but {} on an earlier row",
                here.name(),
                earlier.name()
            ),
            Self::QuoteInside => f.write_str("quote inside an unquoted field"),
            Self::TextAfterQuote => f.write_str("text after a closing quote"),
            Self::UnclosedQuote => f.write_str("unclosed quote"),
        }
    }
}
