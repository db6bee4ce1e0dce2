//! The request's pages but the uploads (entries/documents): check your answers, the
//! confirmation and the resume; the question pages are `per_client::request::question`.

mod check;
mod done;
mod resume;

pub use check::CheckPage;
pub use done::Done;
pub use resume::Resume;
