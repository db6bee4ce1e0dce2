//! Rule sets and options: which threshold, which rounding, how independents are divided.

use core::fmt;

use crate::error::Error;

/// A percentage held exactly as `num / den` percent (`den` a power of ten), e.g. `1.5` = 15/10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent {
    num: u64,
    den: u64,
}

/// At most this many decimal places are accepted in a percentage.
const MAX_DECIMALS: u32 = 6;

impl Percent {
    /// A whole percentage.
    pub const fn whole(percent: u32) -> Self {
        Self {
            num: percent as u64,
            den: 1,
        }
    }

    /// Parses a decimal percentage between 0 and 100 (`"1"`, `"1.5"`, `"0.25"`), exactly.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let bad = || Error::BadPercent {
            text: text.to_owned(),
        };
        let t = text.trim().trim_end_matches('%');
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() && frac.is_empty()
            || !digits(int)
            || !digits(frac)
            || int.len() > 3
            || frac.len() > MAX_DECIMALS as usize
        {
            return Err(bad());
        }
        let mut num: u64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            num = num * 10 + u64::from(b - b'0');
        }
        let den = 10u64.pow(frac.len() as u32);
        if num > 100 * den {
            return Err(bad());
        }
        Ok(Self { num, den }.reduced())
    }

    fn reduced(self) -> Self {
        let (mut num, mut den) = (self.num, self.den);
        while den > 1 && num % 10 == 0 {
            num /= 10;
            den /= 10;
        }
        Self { num, den }
    }

    /// Numerator of the percentage (`percent = numerator / denominator`).
    pub fn numerator(self) -> u64 {
        self.num
    }

    /// Denominator of the percentage, a power of ten.
    pub fn denominator(self) -> u64 {
        self.den
    }

    /// True when `votes` is below this percentage of `valid`, compared in integers:
    /// `votes * 100 * den < valid * num`.
    pub fn is_below(self, votes: u64, valid: u64) -> bool {
        u128::from(votes) * 100 * u128::from(self.den) < u128::from(valid) * u128::from(self.num)
    }

    /// True when the percentage is zero (no threshold in effect).
    pub fn is_zero(self) -> bool {
        self.num == 0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let int = self.num / self.den;
        let frac = self.num % self.den;
        if self.den == 1 {
            return write!(f, "{int}");
        }
        let width = self.den.ilog10() as usize;
        let digits = format!("{frac:0width$}");
        write!(f, "{int}.{}", digits.trim_end_matches('0'))
    }
}

/// Seats of the Albanian parliament (Constitution, Article 64).
pub const ALBANIAN_HOUSE_SIZE: u32 = 140;

/// The named rule sets of the law and of comparison tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSet {
    /// Articles 162-163 as amended 2024: national 1 % threshold, quotients rounded .5 up.
    Al2024,
    /// The 2008-2017 rule: per-zone threshold 3 % (parties) / 5 % (coalitions), exact quotients.
    Al2008,
    /// Plain D'Hondt: no threshold, exact quotients, independents divided like parties.
    Dhondt,
}

impl RuleSet {
    /// The name used on the command line and in outputs.
    pub fn name(self) -> &'static str {
        match self {
            Self::Al2024 => "al-2024",
            Self::Al2008 => "al-2008",
            Self::Dhondt => "dhondt",
        }
    }

    /// The house size the rule set was written for: 140 seats for the Albanian rule sets,
    /// `None` for `dhondt`. Adapters use it when a file declares no house size.
    pub fn house_size(self) -> Option<u32> {
        match self {
            Self::Al2024 | Self::Al2008 => Some(ALBANIAN_HOUSE_SIZE),
            Self::Dhondt => None,
        }
    }

    /// Parses a rule set name (`al-2024`, `al-2008`, `dhondt`).
    pub fn parse(text: &str) -> Result<Self, Error> {
        match text {
            "al-2024" => Ok(Self::Al2024),
            "al-2008" => Ok(Self::Al2008),
            "dhondt" | "d'hondt" => Ok(Self::Dhondt),
            _ => Err(Error::UnknownRuleSet {
                name: text.to_owned(),
            }),
        }
    }
}

impl fmt::Display for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a threshold is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdScope {
    /// Against the national valid votes, with the subject's national votes.
    National,
    /// Against the zone's valid votes, with the subject's votes in that zone.
    Zone,
}

impl ThresholdScope {
    /// The name used on the command line and in outputs.
    pub fn name(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::Zone => "zone",
        }
    }

    fn phrase(self) -> &'static str {
        match self {
            Self::National => "of the national valid votes",
            Self::Zone => "of the zone's valid votes",
        }
    }

    /// Parses `national` or `zone`.
    pub fn parse(text: &str) -> Result<Self, Error> {
        match text {
            "national" => Ok(Self::National),
            "zone" => Ok(Self::Zone),
            _ => Err(Error::UnknownOption {
                option: "threshold scope",
                value: text.to_owned(),
            }),
        }
    }
}

/// How a quotient with a decimal remainder becomes a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Nearest whole number, an exact .5 rounds up: `(2v + d) / (2d)`.
    HalfUp,
    /// Nearest whole number, an exact .5 rounds to the even neighbour.
    HalfEven,
    /// No rounding: exact quotients compared as fractions.
    None,
}

impl Rounding {
    /// The name used on the command line and in outputs.
    pub fn name(self) -> &'static str {
        match self {
            Self::HalfUp => "half-up",
            Self::HalfEven => "half-even",
            Self::None => "none",
        }
    }

    /// Parses `half-up`, `half-even` or `none`.
    pub fn parse(text: &str) -> Result<Self, Error> {
        match text {
            "half-up" => Ok(Self::HalfUp),
            "half-even" => Ok(Self::HalfEven),
            "none" | "exact" => Ok(Self::None),
            _ => Err(Error::UnknownOption {
                option: "rounding",
                value: text.to_owned(),
            }),
        }
    }
}

/// The complete reading used for an allocation; printed next to every result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// The rule set these options started from.
    pub set: RuleSet,
    /// Threshold for parties (and, for [`Rules::coalition_threshold`], coalitions).
    pub threshold: Percent,
    /// Threshold for coalitions (equal to `threshold` except under `al-2008`).
    pub coalition_threshold: Percent,
    /// Whether the threshold is national or per zone.
    pub scope: ThresholdScope,
    /// Rounding of quotients.
    pub rounding: Rounding,
    /// True: independents are divided by 1 only and are exempt from the threshold.
    /// False (`dhondt`): independents are divided and thresholded like parties.
    pub independents_divisor_one: bool,
}

impl Rules {
    /// The defaults of a rule set, as in the table of law.md.
    pub fn of(set: RuleSet) -> Self {
        match set {
            RuleSet::Al2024 => Self {
                set,
                threshold: Percent::whole(1),
                coalition_threshold: Percent::whole(1),
                scope: ThresholdScope::National,
                rounding: Rounding::HalfUp,
                independents_divisor_one: true,
            },
            RuleSet::Al2008 => Self {
                set,
                threshold: Percent::whole(3),
                coalition_threshold: Percent::whole(5),
                scope: ThresholdScope::Zone,
                rounding: Rounding::None,
                independents_divisor_one: true,
            },
            RuleSet::Dhondt => Self {
                set,
                threshold: Percent::whole(0),
                coalition_threshold: Percent::whole(0),
                scope: ThresholdScope::National,
                rounding: Rounding::None,
                independents_divisor_one: false,
            },
        }
    }

    /// Replaces the threshold for parties and coalitions alike.
    pub fn with_threshold(mut self, percent: Percent) -> Self {
        self.threshold = percent;
        self.coalition_threshold = percent;
        self
    }

    /// Replaces the threshold scope.
    pub fn with_scope(mut self, scope: ThresholdScope) -> Self {
        self.scope = scope;
        self
    }

    /// Replaces the rounding.
    pub fn with_rounding(mut self, rounding: Rounding) -> Self {
        self.rounding = rounding;
        self
    }
}

impl Default for Rules {
    /// `al-2024`, the rule in force.
    fn default() -> Self {
        Self::of(RuleSet::Al2024)
    }
}

impl fmt::Display for Rules {
    /// One line naming every reading, e.g.
    /// `al-2024: threshold 1% national (parties and coalitions), rounding half-up, independents divisor 1 only`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.set)?;
        if self.threshold.is_zero() && self.coalition_threshold.is_zero() {
            f.write_str("no threshold")?;
        } else if self.threshold == self.coalition_threshold {
            write!(f, "threshold {}% {}", self.threshold, self.scope.phrase())?;
        } else {
            write!(
                f,
                "threshold {}% parties / {}% coalitions {}",
                self.threshold,
                self.coalition_threshold,
                self.scope.phrase()
            )?;
        }
        write!(f, ", rounding {}", self.rounding.name())?;
        if self.independents_divisor_one {
            f.write_str(", independents divisor 1 only and exempt from the threshold")
        } else {
            f.write_str(", independents as parties")
        }
    }
}
