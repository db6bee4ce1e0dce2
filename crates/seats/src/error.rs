//! Errors that stop an allocation, and warnings that accompany a result.

use core::fmt;

/// The largest seat count accepted for one zone (a guard against absurd input, not a rule of law).
pub const MAX_ZONE_SEATS: u32 = 10_000;

/// Why an election cannot be allocated. Messages are lowercase and name the zone and subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The election has no zone.
    NoZones,
    /// A zone has 0 seats.
    ZeroSeats {
        /// Zone name.
        zone: String,
    },
    /// A zone has more than [`MAX_ZONE_SEATS`] seats.
    TooManySeats {
        /// Zone name.
        zone: String,
        /// Seats given.
        seats: u32,
    },
    /// Fewer eligible quotients than seats in a zone.
    TooFewQuotients {
        /// Zone name.
        zone: String,
        /// Eligible quotients.
        quotients: usize,
        /// Seats of the zone.
        seats: u32,
    },
    /// Two zones with the same name.
    DuplicateZone {
        /// Zone name.
        zone: String,
    },
    /// The same subject name twice (in the declared subjects, or in one zone).
    DuplicateSubject {
        /// Zone name, `None` for the national list of subjects.
        zone: Option<String>,
        /// Subject name.
        subject: String,
    },
    /// A subject named in a zone (in a lot outcome, a candidate list or official seats)
    /// that is unknown to the election: no votes entry in any zone, and not declared.
    UnknownSubject {
        /// Zone name.
        zone: String,
        /// Subject name.
        subject: String,
        /// Where it is named: `a lot outcome`, `a candidate list`, `official seats`.
        named_in: &'static str,
    },
    /// An independent candidate in more than one zone.
    IndependentInSeveralZones {
        /// Candidate name.
        subject: String,
        /// First zone.
        first: String,
        /// Second zone.
        second: String,
    },
    /// A name used as an independent and as a party or coalition.
    IndependentAlsoParty {
        /// Zone name.
        zone: String,
        /// Subject name.
        subject: String,
    },
    /// A vote total does not fit in 64 bits.
    Overflow {
        /// Zone name, `None` for national totals.
        zone: Option<String>,
    },
    /// A lot outcome that does not name every subject (or candidate) in contention.
    LotMismatch {
        /// Zone name.
        zone: String,
        /// Subject, for an Article 163 lot.
        subject: Option<String>,
        /// The name missing from the drawn order.
        missing: String,
    },
    /// A lot outcome for a zone that does not exist.
    UnknownLotZone {
        /// Zone name.
        zone: String,
    },
    /// A candidate name twice in one list.
    DuplicateCandidate {
        /// Zone name.
        zone: String,
        /// Subject name.
        subject: String,
        /// Candidate name.
        candidate: String,
    },
    /// A candidate list for a subject that is not voted in the zone.
    ListWithoutVotes {
        /// Zone name.
        zone: String,
        /// Subject name.
        subject: String,
    },
    /// A percentage that is not a number between 0 and 100.
    BadPercent {
        /// The text given.
        text: String,
    },
    /// An unknown rule set name.
    UnknownRuleSet {
        /// The name given.
        name: String,
    },
    /// An unknown value for an option.
    UnknownOption {
        /// Which option.
        option: &'static str,
        /// The value given.
        value: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoZones => f.write_str("the election has no zone"),
            Self::ZeroSeats { zone } => write!(f, "zone {zone}: 0 seats"),
            Self::TooManySeats { zone, seats } => write!(
                f,
                "zone {zone}: {seats} seats is more than the {MAX_ZONE_SEATS} accepted"
            ),
            Self::TooFewQuotients {
                zone,
                quotients,
                seats,
            } => write!(
                f,
                "zone {zone}: only {quotients} eligible quotients for {seats} seats"
            ),
            Self::DuplicateZone { zone } => write!(f, "zone {zone}: listed twice"),
            Self::DuplicateSubject {
                zone: Some(zone),
                subject,
            } => write!(f, "zone {zone}, subject {subject}: listed twice"),
            Self::DuplicateSubject {
                zone: None,
                subject,
            } => write!(f, "subject {subject}: declared twice"),
            Self::UnknownSubject {
                zone,
                subject,
                named_in,
            } => write!(
                f,
                "zone {zone}, subject {subject}: named in {named_in} but has no votes in any zone"
            ),
            Self::IndependentInSeveralZones {
                subject,
                first,
                second,
            } => write!(
                f,
                "independent {subject}: stands in zone {first} and in zone {second}"
            ),
            Self::IndependentAlsoParty { zone, subject } => write!(
                f,
                "zone {zone}, subject {subject}: used both as an independent and as a party or coalition"
            ),
            Self::Overflow { zone: Some(zone) } => {
                write!(f, "zone {zone}: vote total too large")
            }
            Self::Overflow { zone: None } => f.write_str("national vote total too large"),
            Self::LotMismatch {
                zone,
                subject: None,
                missing,
            } => write!(
                f,
                "zone {zone}: the lot outcome does not name {missing}, who is in contention"
            ),
            Self::LotMismatch {
                zone,
                subject: Some(subject),
                missing,
            } => write!(
                f,
                "zone {zone}, subject {subject}: the lot outcome does not name candidate {missing}, who is in contention"
            ),
            Self::UnknownLotZone { zone } => {
                write!(f, "lot outcome for zone {zone}, which does not exist")
            }
            Self::DuplicateCandidate {
                zone,
                subject,
                candidate,
            } => write!(
                f,
                "zone {zone}, subject {subject}: candidate {candidate} listed twice"
            ),
            Self::ListWithoutVotes { zone, subject } => write!(
                f,
                "zone {zone}, subject {subject}: candidate list given but no votes"
            ),
            Self::BadPercent { text } => {
                write!(f, "threshold \"{text}\" is not a percentage between 0 and 100")
            }
            Self::UnknownRuleSet { name } => write!(
                f,
                "unknown rule set \"{name}\" (expected al-2024, al-2008 or dhondt)"
            ),
            Self::UnknownOption { option, value } => write!(f, "unknown {option} \"{value}\""),
        }
    }
}

impl std::error::Error for Error {}

/// Something worth saying about a result that does not stop the allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The zones' seats do not add up to the declared house size.
    HouseSize {
        /// Declared house size.
        declared: u32,
        /// Sum of the zones' seats.
        zones_total: u64,
    },
    /// Declared valid votes smaller than the votes listed; the declared number is used.
    ValidVotesTooSmall {
        /// Zone name, `None` for the national valid votes.
        zone: Option<String>,
        /// Declared valid votes.
        declared: u64,
        /// Sum of the votes listed.
        listed: u64,
    },
    /// A lot outcome was given but no drawing of lots is required there.
    UnusedLot {
        /// Zone name.
        zone: String,
        /// Subject, for an Article 163 lot.
        subject: Option<String>,
    },
    /// A subject won more seats than it has candidates.
    ShortList {
        /// Zone name.
        zone: String,
        /// Subject name.
        subject: String,
        /// Seats won.
        seats: u32,
        /// Candidates on the list.
        candidates: usize,
    },
}

impl Warning {
    /// The zone the warning is about, if it is about one zone.
    pub fn zone(&self) -> Option<&str> {
        match self {
            Self::HouseSize { .. } | Self::ValidVotesTooSmall { zone: None, .. } => None,
            Self::ValidVotesTooSmall { zone: Some(z), .. }
            | Self::UnusedLot { zone: z, .. }
            | Self::ShortList { zone: z, .. } => Some(z),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::HouseSize {
                declared,
                zones_total,
            } => write!(
                f,
                "the zones have {zones_total} seats in total, the declared house size is {declared}"
            ),
            Self::ValidVotesTooSmall {
                zone: Some(zone),
                declared,
                listed,
            } => write!(
                f,
                "zone {zone}: valid votes {declared} are fewer than the {listed} votes listed (the declared {declared} is used)"
            ),
            Self::ValidVotesTooSmall {
                zone: None,
                declared,
                listed,
            } => write!(
                f,
                "national valid votes {declared} are fewer than the {listed} valid votes of the zones (the declared {declared} is used)"
            ),
            Self::UnusedLot {
                zone,
                subject: None,
            } => write!(f, "zone {zone}: lot outcome given but no lot is required"),
            Self::UnusedLot {
                zone,
                subject: Some(subject),
            } => write!(
                f,
                "zone {zone}, subject {subject}: lot outcome given but no lot is required"
            ),
            Self::ShortList {
                zone,
                subject,
                seats,
                candidates,
            } => write!(
                f,
                "zone {zone}, subject {subject}: {seats} seats but only {candidates} candidates"
            ),
        }
    }
}
