//! The resume page; the question pages are `per_client::request::question`.

mod resume;

pub use resume::Resume;
