//! The civil registry behind one interface: who a personal number (NID) belongs to, and the
//! electoral zone of their Albanian address. The embedded default is a local table
//! ([`TableRegistry`]) loaded from a CSV file with `per-server registry load FILE.csv`.

use crate::crypto::Keys;
use crate::store::{Store, StoreError};
use per_domain::{Date, PersonName, PersonalNumber, Sex};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::pin::Pin;

/// The 12 electoral zones: the qarqe.
pub const ZONES: [&str; 12] = [
    "Berat",
    "Dibër",
    "Durrës",
    "Elbasan",
    "Fier",
    "Gjirokastër",
    "Korçë",
    "Kukës",
    "Lezhë",
    "Shkodër",
    "Tiranë",
    "Vlorë",
];

/// A citizen as the registry knows them.
#[derive(Clone, PartialEq, Eq)]
pub struct Citizen {
    pub first_name: PersonName,
    pub surname: PersonName,
    pub date_of_birth: Date,
    pub sex: Sex,
    pub municipality: String,
    /// One of [`ZONES`].
    pub zone: &'static str,
}

impl std::fmt::Debug for Citizen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Citizen {{ zone: {}, .. }}", self.zone)
    }
}

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The one interface to the civil registry.
pub trait CivilRegistry: Send + Sync + std::fmt::Debug {
    fn find<'a>(
        &'a self,
        nid: &'a PersonalNumber,
    ) -> BoxFuture<'a, anyhow::Result<Option<Citizen>>>;
}

/// The outcome for one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldMatch {
    Match,
    Mismatch,
    NotFound,
}

/// The match of a request's identity against the registry, per field; stored on the request
/// for the officials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryMatch {
    pub personal_number: FieldMatch,
    pub first_name: FieldMatch,
    pub surname: FieldMatch,
    pub date_of_birth: FieldMatch,
}

impl RegistryMatch {
    pub const NOT_FOUND: RegistryMatch = RegistryMatch {
        personal_number: FieldMatch::NotFound,
        first_name: FieldMatch::NotFound,
        surname: FieldMatch::NotFound,
        date_of_birth: FieldMatch::NotFound,
    };

    /// Names compare without regard to case (Unicode), as typed otherwise.
    pub fn of(
        citizen: &Citizen,
        first_name: &PersonName,
        surname: &PersonName,
        born: Date,
    ) -> Self {
        let same = |a: &PersonName, b: &PersonName| {
            if a.as_str().to_lowercase() == b.as_str().to_lowercase() {
                FieldMatch::Match
            } else {
                FieldMatch::Mismatch
            }
        };
        RegistryMatch {
            personal_number: FieldMatch::Match,
            first_name: same(&citizen.first_name, first_name),
            surname: same(&citizen.surname, surname),
            date_of_birth: if citizen.date_of_birth == born {
                FieldMatch::Match
            } else {
                FieldMatch::Mismatch
            },
        }
    }
}

/// The embedded registry: the `registry_citizens` table of the PER database, each record
/// sealed and found by the keyed hash of its NID.
#[derive(Debug, Clone)]
pub struct TableRegistry {
    store: Store,
    keys: Keys,
}

#[derive(Serialize, Deserialize)]
struct Record {
    first_name: String,
    surname: String,
    date_of_birth: String,
    sex: String,
    municipality: String,
}

fn nid_hash(keys: &Keys, nid: &PersonalNumber) -> Vec<u8> {
    keys.mac(&[b"registry-nid", nid.as_str().as_bytes()])
}

fn record_context(hash: &[u8]) -> String {
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("registry/{hex}")
}

impl TableRegistry {
    pub fn new(store: Store, keys: Keys) -> TableRegistry {
        TableRegistry { store, keys }
    }

    /// Loads citizens from CSV text (see `registry/sample.csv`): a header line
    /// `personal_number,first_name,surname,date_of_birth,sex,municipality,zone`, `#`
    /// comments, no quoting. Every line is checked before any is written; returns how many
    /// were loaded.
    pub async fn load_csv(&self, text: &str) -> anyhow::Result<usize> {
        let rows = parse_csv(text)?;
        let mut tx = self.store.write().await?;
        for (nid, c) in &rows {
            let hash = nid_hash(&self.keys, nid);
            let record = Record {
                first_name: c.first_name.as_str().to_owned(),
                surname: c.surname.as_str().to_owned(),
                date_of_birth: c.date_of_birth.to_string(),
                sex: c.sex.code().to_owned(),
                municipality: c.municipality.clone(),
            };
            let sealed = self.keys.seal(
                &record_context(&hash),
                serde_json::to_string(&record)?.as_bytes(),
            );
            tx.upsert_citizen(&hash, &sealed, c.zone).await?;
        }
        tx.commit().await?;
        Ok(rows.len())
    }

    async fn lookup(&self, nid: &PersonalNumber) -> anyhow::Result<Option<Citizen>> {
        let hash = nid_hash(&self.keys, nid);
        let found = self.store.read().await?.citizen(&hash).await?;
        let Some((sealed, zone)) = found else {
            return Ok(None);
        };
        let plain = self
            .keys
            .open(&record_context(&hash), &sealed)
            .map_err(|_| StoreError::Corrupt("registry record"))?;
        let r: Record = serde_json::from_slice(&plain)?;
        let corrupt = || StoreError::Corrupt("registry record");
        Ok(Some(Citizen {
            first_name: PersonName::parse(&r.first_name).map_err(|_| corrupt())?,
            surname: PersonName::parse(&r.surname).map_err(|_| corrupt())?,
            date_of_birth: Date::parse(&r.date_of_birth).map_err(|_| corrupt())?,
            sex: Sex::parse(&r.sex).map_err(|_| corrupt())?,
            municipality: r.municipality,
            zone: zone_of(&zone).ok_or_else(corrupt)?,
        }))
    }
}

impl CivilRegistry for TableRegistry {
    fn find<'a>(
        &'a self,
        nid: &'a PersonalNumber,
    ) -> BoxFuture<'a, anyhow::Result<Option<Citizen>>> {
        Box::pin(self.lookup(nid))
    }
}

/// The zone of that name, if it is one of the 12.
pub fn zone_of(name: &str) -> Option<&'static str> {
    ZONES.into_iter().find(|z| *z == name)
}

const HEADER: &str = "personal_number,first_name,surname,date_of_birth,sex,municipality,zone";

/// Parses the registry's CSV; the error names the line (never its personal data).
pub fn parse_csv(text: &str) -> anyhow::Result<Vec<(PersonalNumber, Citizen)>> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    match lines.next() {
        Some((_, h)) if h.trim() == HEADER => {}
        _ => anyhow::bail!("the first line must be the header {HEADER}"),
    }
    let mut rows = Vec::new();
    for (i, line) in lines {
        let n = i + 1;
        let cols: Vec<&str> = line.split(',').map(str::trim).collect();
        let [nid, first, surname, born, sex, municipality, zone] = cols[..] else {
            anyhow::bail!("line {n}: expected 7 columns");
        };
        let bad = |what: &str| anyhow::anyhow!("line {n}: the {what} is not valid");
        let nid = PersonalNumber::parse(nid).map_err(|_| bad("personal number"))?;
        let citizen = Citizen {
            first_name: PersonName::parse(first).map_err(|_| bad("first name"))?,
            surname: PersonName::parse(surname).map_err(|_| bad("surname"))?,
            date_of_birth: Date::parse(born).map_err(|_| bad("date of birth"))?,
            sex: Sex::parse(sex).map_err(|_| bad("sex"))?,
            municipality: municipality.to_owned(),
            zone: zone_of(zone).ok_or_else(|| bad("zone"))?,
        };
        if nid.birth_date() != citizen.date_of_birth || nid.sex() != citizen.sex {
            anyhow::bail!("line {n}: the personal number does not match the birth date or sex");
        }
        rows.push((nid, citizen));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_valid_and_covers_every_zone() {
        let rows = parse_csv(include_str!("../../registry/sample.csv")).unwrap();
        assert!(rows.len() >= 24);
        for zone in ZONES {
            assert!(rows.iter().any(|(_, c)| c.zone == zone), "{zone}");
        }
    }

    #[test]
    fn bad_lines_are_named() {
        for (text, expected) in [
            ("nid,name\n", "header"),
            (
                &format!("{HEADER}\nJ05415123A,Ana,Çela,1990-04-15,F,Tiranë\n"),
                "line 2: expected 7",
            ),
            (
                &format!("{HEADER}\nJ05415123A,Ana,Çela,1990-04-15,F,Tiranë,Atlantis\n"),
                "line 2: the zone",
            ),
            (
                &format!("# c\n{HEADER}\nJ05415123A,Ana,Çela,1990-04-16,F,Tiranë,Tiranë\n"),
                "line 3: the personal number does not match",
            ),
        ] {
            let e = parse_csv(text).unwrap_err().to_string();
            assert!(e.contains(expected), "{e}");
        }
    }

    #[test]
    fn names_match_without_case() {
        let (_, c) = parse_csv(&format!(
            "{HEADER}\nJ05415123A,Ëndra,Çela,1990-04-15,F,Tiranë,Tiranë\n"
        ))
        .unwrap()
        .remove(0);
        let name = |s| PersonName::parse(s).unwrap();
        let m = RegistryMatch::of(&c, &name("ËNDRA"), &name("Cela"), c.date_of_birth);
        assert_eq!(m.first_name, FieldMatch::Match);
        assert_eq!(m.surname, FieldMatch::Mismatch);
        assert_eq!(m.date_of_birth, FieldMatch::Match);
    }
}
