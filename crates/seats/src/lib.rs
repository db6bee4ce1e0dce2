//! Seat allocation of the Albanian Electoral Code, Articles 162 and 163: a pure engine.
//!
//! The engine takes an [`Election`] (zones, subjects, votes, candidate lists, lot outcomes)
//! and [`Rules`] (a named rule set plus options) and returns an [`Allocation`] with the
//! seats per zone and nationally, and the data that explains them: every seat's quotient
//! as an exact fraction, the last winning and first losing quotient, the votes each
//! subject would need for one more seat, every .5 rounding at a seat boundary, and the
//! seats that only a drawing of lots can decide (never decided silently).
//!
//! **Architecture invariant:** no I/O, no serde, no dependencies; compiles for
//! `wasm32-unknown-unknown`. Reading files and formats is the job of `per-seats-data`.
//! All arithmetic is in integers: quotients are compared by cross-multiplication in
//! `u128`, thresholds as `votes * 100 * den < valid * num`.

mod allocate;
mod article162;
mod article163;
mod error;
mod input;
mod national;
mod outcome;
mod quotient;
mod rules;
mod sensitivity;

pub use allocate::allocate;
pub use error::{Error, Warning, MAX_ZONE_SEATS};
pub use input::{
    Candidate, CandidateList, Election, Gender, Lot, Subject, SubjectKind, Zone, ZoneVotes,
};
pub use national::{Allocator, Tally};
pub use outcome::{
    Allocation, GenderMove, ListPart, ListResult, LotRequired, Placed, Ranked, SubjectResult,
    SubjectTotal, ZoneResult,
};
pub use quotient::Quotient;
pub use rules::{Percent, Rounding, RuleSet, Rules, ThresholdScope, ALBANIAN_HOUSE_SIZE};
pub use sensitivity::{sensitivity, zone_sensitivity, Flip, SeatSensitivity};
