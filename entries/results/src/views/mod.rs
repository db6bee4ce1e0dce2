//! The viewer's views, thin over `model`: controls (data, rules, share, export), the national
//! hemicycle and table, one zone's seats, the what-if vote editor, and the candidate lists.

mod candidates;
mod controls;
mod national;
mod whatif;
mod zone;

pub use candidates::Candidates;
pub use controls::Controls;
pub use national::National;
pub use whatif::WhatIf;
pub use zone::ZoneView;

#[cfg(test)]
mod tests;
