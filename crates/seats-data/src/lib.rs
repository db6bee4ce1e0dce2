//! JSON and CSV adapter for the `per-seats` engine: reads the interchange format of the
//! law specification (and a CSV equivalent), and writes results as JSON, CSV or text.
//!
//! **Architecture invariant:** this crate does no file I/O either; it turns bytes into a
//! [`Document`] and an [`per_seats::Allocation`] into strings. The binary reads the files.

mod csv_in;
mod csv_out;
mod document;
mod error;
mod fuzz;
mod json_in;
mod json_out;
mod json_read;
mod json_value;
mod json_zones;
mod out;
mod stream;
mod text_out;

pub use csv_in::parse_csv;
pub use csv_out::{to_csv, write_csv, CsvWriter};
pub use document::{Document, Format};
pub use error::{
    Count, CsvProblem, DataError, JsonCount, JsonKind, JsonPlace, JsonProblem, JsonShape, JsonStep,
    NotACount,
};
pub use fuzz::fuzz_parse;
pub use json_in::parse_json;
pub use json_out::{to_json, to_json_explained, write_json, JsonWriter};
pub use stream::{JsonFile, OutputFormat, Streamed};
pub use text_out::{sensitivity_text, to_text, write_text, TextWriter};

/// Parses `text` as `format`.
pub fn parse(text: &str, format: Format) -> Result<Document, DataError> {
    match format {
        Format::Json => parse_json(text),
        Format::Csv => parse_csv(text),
    }
}
