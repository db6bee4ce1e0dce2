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
        /// What is wrong (typed: an application says it in its user's language).
        problem: JsonProblem,
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
                problem,
            } => write!(f, "line {line}, column {column}: {problem}"),
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

/// One step of the place of a JSON error, outermost first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonStep {
    /// The whole file.
    File,
    /// A member of the format, by its name.
    Field(&'static str),
    /// A count (votes, official seats) of a zone.
    Count(JsonCount),
    /// A subject, by name.
    Subject(String),
    /// A zone without a name yet, by its number (1-based).
    ZoneNumber(usize),
    /// A zone, by name.
    Zone(String),
    /// A candidate of a list.
    Candidate,
    /// A lot outcome.
    Lot,
}

/// Where in a JSON file a problem is (zone, subject, field), outermost first; empty for the
/// top level.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPlace(pub Vec<JsonStep>);

impl JsonPlace {
    /// This place, one step further in.
    #[must_use]
    pub fn and(&self, step: JsonStep) -> Self {
        let mut steps = self.0.clone();
        steps.push(step);
        Self(steps)
    }

    /// A place of one step.
    #[must_use]
    pub fn of(step: JsonStep) -> Self {
        Self(vec![step])
    }
}

impl fmt::Display for JsonPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut previous: Option<&JsonStep> = None;
        for step in &self.0 {
            if let Some(p) = previous {
                let in_zone = matches!(p, JsonStep::Zone(_) | JsonStep::ZoneNumber(_));
                f.write_str(if in_zone && matches!(step, JsonStep::Subject(_)) {
                    ", "
                } else {
                    ": "
                })?;
            }
            match step {
                JsonStep::File => f.write_str("the file")?,
                JsonStep::Field(name) => f.write_str(name)?,
                JsonStep::Count(c) => f.write_str(c.name())?,
                JsonStep::Subject(s) => write!(f, "subject {s}")?,
                JsonStep::ZoneNumber(n) => write!(f, "zone number {n}")?,
                JsonStep::Zone(z) => write!(f, "zone {z}")?,
                JsonStep::Candidate => f.write_str("candidate")?,
                JsonStep::Lot => f.write_str("a lot outcome")?,
            }
            previous = Some(step);
        }
        Ok(())
    }
}

/// A count of the JSON format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonCount {
    Seats,
    Votes,
    ValidVotes,
    OfficialSeats,
    PreferentialVotes,
}

impl JsonCount {
    /// Its name in the English messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Seats => "seats",
            Self::Votes => "votes",
            Self::ValidVotes => "valid votes",
            Self::OfficialSeats => "official seats",
            Self::PreferentialVotes => "preferential votes",
        }
    }
}

/// What a JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    /// Its name in the English messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool => "true or false",
            Self::Number => "a number",
            Self::String => "a string",
            Self::Array => "an array",
            Self::Object => "an object",
        }
    }
}

/// What a JSON value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonShape {
    Object,
    Text,
    Array,
    ArrayOfZones,
    ArrayOfTexts,
    ArrayOfCandidates,
}

impl JsonShape {
    /// Its name in the English messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Object => "an object",
            Self::Text => "a text",
            Self::Array => "an array",
            Self::ArrayOfZones => "an array of zones",
            Self::ArrayOfTexts => "an array of texts",
            Self::ArrayOfCandidates => "an array of candidates",
        }
    }
}

/// What is wrong with a JSON input (line and column are in [`DataError::Json`]): the place
/// and the values at fault, no sentence; [`fmt::Display`] gives the English one-line
/// message of the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// Text after the end of the top-level value.
    TextAfterEnd,
    /// A value was expected.
    ExpectedValue,
    /// The file ends where a value was expected.
    EndsBeforeValue,
    /// `:` was expected after a member name.
    ExpectedColon,
    /// The file ends where `:` was expected.
    EndsBeforeColon,
    /// Nesting deeper than the reader allows.
    TooDeep,
    /// Neither `,` nor `]` after an array item.
    ExpectedCommaInArray,
    /// Neither `,` nor `}` after an object member.
    ExpectedCommaInObject,
    /// A member name is not a string.
    ExpectedMemberName,
    /// A string is not closed.
    UnclosedString,
    /// An invalid escape in a string.
    InvalidEscape,
    /// A control character in a string.
    ControlCharacter,
    /// An invalid `\u` escape.
    InvalidUnicodeEscape,
    /// Not a valid JSON number.
    InvalidNumber,
    /// The top-level value is not an object.
    NotAnObject,
    /// The rule set is not known.
    Rules(per_seats::Error),
    /// A required member is absent.
    Missing {
        place: JsonPlace,
        field: &'static str,
    },
    /// A value of the wrong kind.
    WrongType {
        place: JsonPlace,
        want: JsonShape,
        found: JsonKind,
    },
    /// A member given twice.
    FieldTwice { place: JsonPlace, name: String },
    /// A subject declared twice.
    SubjectTwice { name: String },
    /// A subject listed twice in a zone's counts.
    ListedTwice { place: JsonPlace, count: JsonCount },
    /// A subject's candidate list given twice.
    ListTwice { place: JsonPlace },
    /// A count that is not a number.
    NotANumber {
        place: JsonPlace,
        count: JsonCount,
        found: JsonKind,
    },
    /// A number that is not a count (negative, fractional, too large).
    BadCount {
        place: JsonPlace,
        count: JsonCount,
        why: NotACount,
        text: String,
    },
    /// A count too large for seats.
    TooLarge { place: JsonPlace, n: u64 },
    /// A subject kind not known.
    UnknownKind { subject: String, kind: String },
    /// A gender not known.
    UnknownGender { gender: String },
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TextAfterEnd => f.write_str("text after the end of the JSON value"),
            Self::ExpectedValue => f.write_str("expected a value"),
            Self::EndsBeforeValue => f.write_str("the file ends where a value was expected"),
            Self::ExpectedColon => f.write_str("expected : after a member name"),
            Self::EndsBeforeColon => {
                f.write_str("the file ends where : after a member name was expected")
            }
            Self::TooDeep => f.write_str("arrays and objects nest too deep"),
            Self::ExpectedCommaInArray => f.write_str("expected , or ] in an array"),
            Self::ExpectedCommaInObject => f.write_str("expected , or } in an object"),
            Self::ExpectedMemberName => f.write_str("expected a member name in quotes"),
            Self::UnclosedString => f.write_str("a string is not closed"),
            Self::InvalidEscape => f.write_str("invalid escape in a string"),
            Self::ControlCharacter => f.write_str("a control character in a string"),
            Self::InvalidUnicodeEscape => f.write_str("invalid \\u escape in a string"),
            Self::InvalidNumber => f.write_str("invalid number"),
            Self::NotAnObject => f.write_str("the file must be a JSON object"),
            Self::Rules(e) => e.fmt(f),
            Self::Missing { place, field } if place.0.is_empty() => {
                write!(f, "missing field {field}")
            }
            Self::Missing { place, field } => write!(f, "{place}: missing field {field}"),
            Self::WrongType { place, want, found } => {
                write!(f, "{place} must be {}, not {}", want.name(), found.name())
            }
            Self::FieldTwice { place, name } => write!(f, "{place}: field {name} given twice"),
            Self::SubjectTwice { name } => write!(f, "subject {name}: declared twice"),
            Self::ListedTwice { place, count } => {
                write!(f, "{place}: listed twice in {}", count.name())
            }
            Self::ListTwice { place } => write!(f, "{place}: candidate list given twice"),
            Self::NotANumber {
                place,
                count,
                found,
            } => write!(
                f,
                "{place}: {} must be a whole number, not {}",
                count.name(),
                found.name()
            ),
            Self::BadCount {
                place,
                count,
                why: NotACount::Negative,
                text,
            } => write!(f, "{place}: negative {} ({text})", count.name()),
            Self::BadCount {
                place,
                count,
                why: NotACount::NotWhole,
                text,
            } => write!(f, "{place}: non-integer {} ({text})", count.name()),
            Self::BadCount {
                place, count, text, ..
            } => write!(f, "{place}: {} too large ({text})", count.name()),
            Self::TooLarge { place, n } => write!(f, "{place}: {n} is too large"),
            Self::UnknownKind { subject, kind } => write!(
                f,
                "subject {subject}: unknown kind \"{kind}\" (expected party, coalition or independent)"
            ),
            Self::UnknownGender { gender } => write!(
                f,
                "unknown gender \"{gender}\" (expected female or male)"
            ),
        }
    }
}
