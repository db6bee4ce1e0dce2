//! The request's pages: the question pages (one table of questions, `steps`), the uploads
//! (`photo`), check your answers and the confirmation.

mod check;
mod done;
pub(crate) mod question;
mod resume;

pub use check::CheckPage;
pub use done::Done;
pub use question::QuestionPageView;
pub use resume::Resume;
