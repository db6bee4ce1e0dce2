//! Errors of the adapter: where in the input (line, column, zone, subject) and what is wrong.

use core::fmt;

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
        /// What is wrong, naming zone and subject when known.
        message: String,
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
                message,
                ..
            } => write!(f, "line {line}: {message}"),
            Self::Csv {
                line,
                column,
                field: Some(field),
                message,
            } => write!(f, "line {line}, column {column} ({field}): {message}"),
            Self::Csv {
                line,
                column,
                field: None,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
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
