//! A JSON election file allocated and written without ever holding it as an election: the
//! text is read in place a zone at a time, several times over, and each zone's result is
//! written and dropped before the next.
//!
//! The passes, each over the zones in order (a zone is a few hundred bytes of the text):
//! 1. [`JsonFile::read`]: the syntax of the whole text, then every field (the errors of
//!    [`crate::parse_json`], in its order) and the engine's [`Tally`] (national totals).
//! 2. [`JsonFile::allocate`]: the candidate lists (only when some zone has one), then each
//!    zone checked by the [`Allocator`], so that a refusal comes before any output (only
//!    when some zone could be refused: [`Allocator::may_refuse`]).
//! 3. [`Streamed::write`]: each zone allocated and written; the national part last. With
//!    `--explain` as text, a fourth pass writes each seat's sensitivity.
//!
//! Memory: the text, the subjects, the zone names (for duplicates) and one zone at a time.

use std::io::{self, Write};

use per_seats::{zone_sensitivity, Allocator, Lot, RuleSet, Rules, Tally, ZoneResult};

use crate::csv_out::CsvWriter;
use crate::error::DataError;
use crate::json_out::JsonWriter;
use crate::json_zones::{Head, Known, ZoneBuf};
use crate::text_out::TextWriter;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Text tables.
    Text,
    /// The JSON object of the law specification.
    Json,
    /// One row per zone and subject.
    Csv,
}

/// A JSON election file, read and tallied.
#[derive(Debug)]
pub struct JsonFile<'t> {
    head: Head<'t>,
    lots: Vec<Lot>,
    /// Seats given for zones (by number), in place of the file's.
    seats: Vec<(usize, u32)>,
    /// The first zone of `seats` that the file does not have.
    unmatched: Option<String>,
    /// The tally, or the engine's refusal of the zones.
    tally: Result<Tally, per_seats::Error>,
    any_lists: bool,
}

impl<'t> JsonFile<'t> {
    /// Reads `text` (the errors of [`crate::parse_json`], in its order) and tallies it for the
    /// engine, with `seats` (zone name, seats) in place of the file's for the first zone of
    /// each name (the command line's `--seats`). An engine refusal of the zones waits for
    /// [`JsonFile::allocate`], as it would come after reading.
    pub fn read(text: &'t str, seats: &[(String, u32)]) -> Result<Self, DataError> {
        let head = Head::read(text)?;
        let mut tally = Ok(Tally::new(head.subjects.as_deref()));
        let mut known = Known::declared(head.subjects.as_deref());
        // Official seats for a name not (yet) seen: (zone, subject).
        let mut pending: Vec<(String, String)> = Vec::new();
        let mut used = vec![false; seats.len()];
        let mut given = Vec::new();
        let mut any_lists = false;
        head.zones(|i, z: &ZoneBuf<'t>| {
            let mut n = z.seats;
            for (k, (name, s)) in seats.iter().enumerate() {
                if !used[k] && *name == z.name {
                    n = *s;
                    used[k] = true;
                }
            }
            if n != z.seats {
                given.push((i, n));
            }
            known.add(0, &z.votes);
            known.add(1, &z.independents);
            for (s, _) in z.official().unwrap_or_default() {
                if !known.contains(s) {
                    pending.push((z.name.to_string(), s.to_string()));
                }
            }
            any_lists |= !z.lists.is_empty();
            if let Ok(t) = &mut tally {
                if let Err(e) = t.zone(&z.view(n)) {
                    tally = Err(e);
                }
            }
            Ok::<(), DataError>(())
        })?;
        let lots = head.lots()?;
        if let Some((zone, subject)) = pending.into_iter().find(|(_, s)| !known.contains(s)) {
            return Err(DataError::Engine(per_seats::Error::UnknownSubject {
                zone,
                subject,
                named_in: "official seats",
            }));
        }
        let unmatched = seats
            .iter()
            .zip(&used)
            .find(|(_, used)| !**used)
            .map(|((zone, _), _)| zone.clone());
        Ok(Self {
            head,
            lots,
            seats: given,
            unmatched,
            tally,
            any_lists,
        })
    }

    /// `name` of the election, if given.
    pub fn name(&self) -> Option<&str> {
        self.head.name.as_deref()
    }

    /// `rules` named in the file.
    pub fn rules(&self) -> Option<RuleSet> {
        self.head.rules
    }

    /// `house_size` of the file.
    pub fn house_size(&self) -> Option<u32> {
        self.head.house_size
    }

    /// A zone given seats for (in [`JsonFile::read`]) that the file does not have.
    pub fn unmatched_seats(&self) -> Option<&str> {
        self.unmatched.as_deref()
    }

    /// Every zone in turn with its number and seats.
    fn each_zone<E: From<DataError>>(
        head: &Head<'t>,
        seats: &[(usize, u32)],
        mut f: impl FnMut(usize, &ZoneBuf<'t>, u32) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut given = seats.iter().peekable();
        head.zones(|i, z| {
            let n = match given.peek() {
                Some(&&(at, n)) if at == i => {
                    given.next();
                    n
                }
                _ => z.seats,
            };
            f(i, z, n)
        })
    }

    /// Allocates under `rules` with the declared `house_size` (for its warning): every
    /// refusal of the engine comes here, before anything is written.
    pub fn allocate(
        self,
        rules: &Rules,
        house_size: Option<u32>,
    ) -> Result<Streamed<'t>, DataError> {
        let tally = self.tally?;
        if self.any_lists {
            Self::each_zone(&self.head, &self.seats, |_, z, n| {
                Ok::<(), DataError>(tally.check_lists(&z.view(n))?)
            })?;
        }
        let mut allocator = tally.finish(
            self.head.national_valid_votes,
            house_size,
            &self.lots,
            rules,
        )?;
        if allocator.may_refuse() {
            Self::each_zone(&self.head, &self.seats, |i, z, n| {
                Ok::<(), DataError>(allocator.check(i, &z.view(n))?)
            })?;
        }
        Ok(Streamed {
            head: self.head,
            lots: self.lots,
            seats: self.seats,
            allocator,
        })
    }
}

/// A JSON election file allocated, to be written.
#[derive(Debug)]
pub struct Streamed<'t> {
    head: Head<'t>,
    lots: Vec<Lot>,
    seats: Vec<(usize, u32)>,
    allocator: Allocator,
}

/// Why a pass over the zones stopped.
#[derive(Debug)]
enum Pass {
    Data(DataError),
    Io(io::Error),
}

impl From<DataError> for Pass {
    fn from(e: DataError) -> Self {
        Self::Data(e)
    }
}

impl From<per_seats::Error> for Pass {
    fn from(e: per_seats::Error) -> Self {
        Self::Data(DataError::Engine(e))
    }
}

impl From<io::Error> for Pass {
    fn from(e: io::Error) -> Self {
        Self::Io(e)
    }
}

impl Pass {
    fn io(self) -> io::Error {
        match self {
            Self::Io(e) => e,
            // A zone that read and allocated before does so again.
            Self::Data(e) => io::Error::other(e.to_string()),
        }
    }
}

impl Streamed<'_> {
    /// The lot outcome between subjects of zone `zone`, if any (the first, as
    /// [`per_seats::sensitivity`] takes it).
    fn lot<'l>(lots: &'l [Lot], zone: &str) -> Option<&'l Lot> {
        lots.iter().find(|l| l.zone == zone && l.subject.is_none())
    }

    /// Writes the result to `w` in `format`, a zone at a time; `explain` adds each seat's
    /// sensitivity (text and JSON).
    pub fn write<W: Write>(self, w: &mut W, format: OutputFormat, explain: bool) -> io::Result<()> {
        let Self {
            head,
            lots,
            seats,
            mut allocator,
        } = self;
        let rules = *allocator.rules();
        let valid = allocator.national_valid_votes();
        let mut result = ZoneResult::default();
        match format {
            OutputFormat::Json => {
                let mut out = JsonWriter::new(explain);
                out.head(w, head.name.as_deref(), &rules, valid)?;
                JsonFile::each_zone(&head, &seats, |i, z, n| {
                    allocator.zone(i, &z.view(n), &mut result)?;
                    let subjects = allocator.subjects();
                    let sensitivity = explain.then(|| {
                        zone_sensitivity(&rules, subjects, &result, Self::lot(&lots, &z.name))
                    });
                    Ok(out.zone(w, subjects, &result, z.official(), sensitivity.as_deref())?)
                })
                .map_err(Pass::io)?;
                out.tail(w, &allocator.finish())
            }
            OutputFormat::Csv => {
                let mut out = CsvWriter::new();
                out.head(w, &rules)?;
                JsonFile::each_zone(&head, &seats, |i, z, n| {
                    allocator.zone(i, &z.view(n), &mut result)?;
                    Ok(out.zone(w, allocator.subjects(), &result, z.official())?)
                })
                .map_err(Pass::io)?;
                out.tail(w, &allocator.finish())
            }
            OutputFormat::Text => {
                let mut out = TextWriter::new();
                out.head(w, head.name.as_deref(), &rules, valid)?;
                JsonFile::each_zone(&head, &seats, |i, z, n| {
                    allocator.zone(i, &z.view(n), &mut result)?;
                    Ok(out.zone(w, allocator.subjects(), &result, z.official())?)
                })
                .map_err(Pass::io)?;
                if !explain {
                    return out.tail(w, &allocator.finish());
                }
                out.tail(w, &allocator.national())?;
                out.sensitivity_head(w)?;
                JsonFile::each_zone(&head, &seats, |i, z, n| {
                    allocator.result(i, &z.view(n), &mut result)?;
                    let subjects = allocator.subjects();
                    let seats =
                        zone_sensitivity(&rules, subjects, &result, Self::lot(&lots, &z.name));
                    Ok(out.sensitivity(w, subjects, &z.name, &seats)?)
                })
                .map_err(Pass::io)
            }
        }
    }
}
