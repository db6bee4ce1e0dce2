//! The engine's input: an election with zones, subjects, votes, candidate lists and lot outcomes.

/// What kind of electoral subject a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKind {
    /// A political party.
    Party,
    /// A coalition running one joint list.
    Coalition,
    /// A candidate proposed by voters; stands in one zone only.
    Independent,
}

impl SubjectKind {
    /// `party`, `coalition` or `independent`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Party => "party",
            Self::Coalition => "coalition",
            Self::Independent => "independent",
        }
    }
}

/// A subject declared at national level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// Unique name.
    pub name: String,
    /// Party, coalition or independent.
    pub kind: SubjectKind,
}

/// A candidate's gender, for the gender rule of Article 163.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
}

impl Gender {
    /// `female` or `male`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
        }
    }
}

/// A candidate in the part of a list subject to preferential voting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Name, unique within the list.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Preferential votes.
    pub votes: u64,
}

/// A subject's candidate list in a zone (Article 163).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CandidateList {
    /// The fixed-ranking part, in order.
    pub fixed: Vec<String>,
    /// The part subject to preferential voting, in the order submitted.
    pub preferential: Vec<Candidate>,
}

/// One electoral zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    /// Unique name.
    pub name: String,
    /// Seats to allocate in this zone.
    pub seats: u32,
    /// Valid votes of the zone; `None` = the sum of the listed votes. Smaller than that sum
    /// is a warning, and the declared number is used.
    pub valid_votes: Option<u64>,
    /// Votes of parties and coalitions (and independents, if declared so nationally), in order.
    pub votes: Vec<(String, u64)>,
    /// Votes of independent candidates standing in this zone.
    pub independents: Vec<(String, u64)>,
    /// Candidate lists per subject (optional, Article 163).
    pub lists: Vec<(String, CandidateList)>,
}

/// The outcome of a public drawing of lots, in the order drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lot {
    /// The zone where the lot was drawn.
    pub zone: String,
    /// `None`: a lot between subjects (Article 162); `Some(subject)`: between that
    /// subject's candidates with equal preferential votes (Article 163).
    pub subject: Option<String>,
    /// Names in the order drawn; the first ones take the contested places.
    pub order: Vec<String>,
}

/// A whole election.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Election {
    /// Declared subjects (kinds); a name not declared, listed in `votes`, is a party.
    pub subjects: Option<Vec<Subject>>,
    /// National valid votes; `None` = the sum of the zones' valid votes.
    pub national_valid_votes: Option<u64>,
    /// Declared house size; a different zone seat total is a warning.
    pub house_size: Option<u32>,
    /// The zones, in order.
    pub zones: Vec<Zone>,
    /// Outcomes of drawings of lots.
    pub lots: Vec<Lot>,
}

/// One zone as the engine reads it, borrowed: from an [`Election`]'s [`Zone`]
/// ([`Zone::view`]) or from a reader's buffers, one zone at a time (names `S` as `String`,
/// `&str`, `Cow<str>`, …).
#[derive(Debug, Clone, Copy)]
pub struct ZoneVotes<'a, S> {
    /// Unique name.
    pub name: &'a str,
    /// Seats to allocate in this zone.
    pub seats: u32,
    /// Valid votes of the zone; `None` = the sum of the listed votes.
    pub valid_votes: Option<u64>,
    /// Votes of parties and coalitions (and independents, if declared so nationally), in order.
    pub votes: &'a [(S, u64)],
    /// Votes of independent candidates standing in this zone.
    pub independents: &'a [(S, u64)],
    /// Candidate lists per subject (Article 163).
    pub lists: &'a [(String, CandidateList)],
}

impl Zone {
    /// This zone as the engine reads it.
    pub fn view(&self) -> ZoneVotes<'_, String> {
        ZoneVotes {
            name: &self.name,
            seats: self.seats,
            valid_votes: self.valid_votes,
            votes: &self.votes,
            independents: &self.independents,
            lists: &self.lists,
        }
    }
}

impl<S: AsRef<str>> ZoneVotes<'_, S> {
    /// Every contestant of the zone in order: `(name, votes, independent)`, the listed votes
    /// first, then the independents.
    pub(crate) fn contestants(&self) -> impl Iterator<Item = (&str, u64, bool)> + '_ {
        let listed = self.votes.iter().map(|(n, v)| (n.as_ref(), *v, false));
        let independents = self
            .independents
            .iter()
            .map(|(n, v)| (n.as_ref(), *v, true));
        listed.chain(independents)
    }
}
