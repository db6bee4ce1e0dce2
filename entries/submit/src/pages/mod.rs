//! Check your answers and the confirmation.

mod check;
mod done;

pub use check::CheckPage;
pub use done::Done;
