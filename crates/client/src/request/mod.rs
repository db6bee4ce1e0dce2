//! The request's shared parts, for the two entries that show its pages (`per-request`: the
//! questions, check your answers, done; `per-documents`: the uploads): the draft
//! (`state`), the table of questions (`steps`), the question page (`question`), the country
//! picker, what the uploads are in the draft (`uploads`), and the request pages' own texts.
//! An entry links only what it uses.

pub mod country;
pub mod question;
pub mod state;
pub mod steps;
pub mod texts;
pub mod uploads;
