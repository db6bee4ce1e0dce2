//! The face capture page.

mod face;

pub use face::Face;
