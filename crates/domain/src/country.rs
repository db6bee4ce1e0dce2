//! The country of residence: an ISO 3166-1 alpha-2 code (the app shows its name in the
//! voter's language with the browser's `Intl.DisplayNames`).

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Every officially assigned ISO 3166-1 alpha-2 code (249), and `XK` for Kosovo, the
/// user-assigned code the EU and most registries use: many Albanian citizens live there.
const CODES: &str = "\
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ \
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ \
DE DJ DK DM DO DZ \
EC EE EG EH ER ES ET \
FI FJ FK FM FO FR \
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY \
HK HM HN HR HT HU \
ID IE IL IM IN IO IQ IR IS IT \
JE JM JO JP \
KE KG KH KI KM KN KP KR KW KY KZ \
LA LB LC LI LK LR LS LT LU LV LY \
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ \
NA NC NE NF NG NI NL NO NP NR NU NZ \
OM \
PA PE PF PG PH PK PL PM PN PR PS PT PW PY \
QA \
RE RO RS RU RW \
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ \
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ \
UA UG UM US UY UZ \
VA VC VE VG VI VN VU \
WF WS \
XK \
YE YT \
ZA ZM ZW";

/// A country a voter may live in: any ISO 3166-1 alpha-2 code but Albania's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country([u8; 2]);

impl Country {
    /// Every code of the list, Albania included (the app's country list leaves it out).
    pub fn all() -> impl Iterator<Item = &'static str> {
        CODES.split(' ')
    }

    /// Parses a code in any case; `AL` is refused with its own problem.
    pub fn parse(input: &str) -> Result<Country, Problem> {
        let code = input.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(Problem::Required);
        }
        if code == "AL" {
            return Err(Problem::CountryAlbania);
        }
        if code.len() != 2 || !Country::all().any(|c| c == code) {
            return Err(Problem::CountryInvalid);
        }
        let b = code.as_bytes();
        Ok(Country([b[0], b[1]]))
    }

    pub fn code(&self) -> &str {
        // Only ASCII letters get in.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Country {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        Country::parse(&s)
    }
}

impl From<Country> for String {
    fn from(c: Country) -> String {
        c.code().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_list_is_iso_3166_and_kosovo() {
        let codes: HashSet<&str> = Country::all().collect();
        assert_eq!(codes.len(), 250, "249 ISO codes and XK, each once");
        assert!(codes
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn countries() {
        for (input, expected, why) in [
            ("IT", Ok("IT"), "Italy"),
            (" gr ", Ok("GR"), "lower case, blanks"),
            ("XK", Ok("XK"), "Kosovo"),
            ("", Err(Problem::Required), "empty"),
            ("AL", Err(Problem::CountryAlbania), "Albania"),
            ("al", Err(Problem::CountryAlbania), "Albania, lower case"),
            (
                "UK",
                Err(Problem::CountryInvalid),
                "UK is not the ISO code (GB)",
            ),
            ("ITA", Err(Problem::CountryInvalid), "alpha-3"),
            ("Italia", Err(Problem::CountryInvalid), "a name"),
        ] {
            assert_eq!(
                Country::parse(input).map(|c| c.code().to_owned()),
                expected.map(str::to_owned),
                "{input:?}: {why}"
            );
        }
    }
}
