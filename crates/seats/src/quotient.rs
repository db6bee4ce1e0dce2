//! Quotients `votes / divisor`, their rounding, and the ranking order of Article 162.

use core::cmp::Ordering;

use crate::rules::Rounding;

/// One quotient of one subject in one zone: `votes / divisor`, exact and (if rounding) rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotient {
    /// The subject's votes in the zone (numerator of the exact quotient).
    pub votes: u64,
    /// The divisor (denominator of the exact quotient), 1, 2, 3, ...
    pub divisor: u32,
    /// The rounded quotient, `None` when rounding is off.
    pub rounded: Option<u64>,
    /// True when the exact quotient ends in exactly .5 and rounding is on.
    pub half: bool,
}

impl Quotient {
    /// Computes `votes / divisor` under `rounding`. `divisor` must be at least 1.
    pub fn new(votes: u64, divisor: u32, rounding: Rounding) -> Self {
        let d = u64::from(divisor.max(1));
        let (q, r) = (votes / d, votes % d);
        // 2r == d compared in u128: r < d <= u32::MAX so no overflow either way.
        let half = u128::from(r) * 2 == u128::from(d);
        let up = match rounding {
            Rounding::None => None,
            Rounding::HalfUp => Some(u128::from(r) * 2 >= u128::from(d)),
            Rounding::HalfEven => Some(if half {
                q % 2 == 1
            } else {
                u128::from(r) * 2 > u128::from(d)
            }),
        };
        Self {
            votes,
            divisor: divisor.max(1),
            rounded: up.map(|up| q + u64::from(up)),
            half: half && up.is_some(),
        }
    }

    /// The exact quotient `votes / divisor`, with rounding off (no division needed).
    pub const fn exact(votes: u64, divisor: u32) -> Self {
        Self {
            votes,
            divisor: if divisor == 0 { 1 } else { divisor },
            rounded: None,
            half: false,
        }
    }

    /// Compares the values of two quotients (rounded if rounding is on, else exact fractions).
    pub fn cmp_value(&self, other: &Self) -> Ordering {
        match (self.rounded, other.rounded) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => (u128::from(self.votes) * u128::from(other.divisor))
                .cmp(&(u128::from(other.votes) * u128::from(self.divisor))),
        }
    }

    /// Ranking order of Article 162: larger quotient first, then more zone votes, then
    /// smaller divisor. `Less` means `self` ranks before `other`; `Equal` is a full tie
    /// that only a drawing of lots can break.
    pub fn rank_cmp(&self, other: &Self) -> Ordering {
        other
            .cmp_value(self)
            .then_with(|| other.votes.cmp(&self.votes))
            .then_with(|| self.divisor.cmp(&other.divisor))
    }

    /// The floor of the exact quotient.
    pub fn floor(&self) -> u64 {
        self.votes / u64::from(self.divisor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_up_and_half_even_differ_only_on_odd_floor() {
        let up = Quotient::new(997, 2, Rounding::HalfUp);
        let even = Quotient::new(997, 2, Rounding::HalfEven);
        assert_eq!((up.rounded, up.half), (Some(499), true));
        assert_eq!((even.rounded, even.half), (Some(498), true));
        assert_eq!(Quotient::new(999, 2, Rounding::HalfEven).rounded, Some(500));
        assert_eq!(Quotient::new(10, 3, Rounding::HalfUp).rounded, Some(3));
        assert_eq!(Quotient::new(11, 3, Rounding::HalfUp).rounded, Some(4));
        assert_eq!(
            Quotient::new(u64::MAX, 1, Rounding::HalfUp).rounded,
            Some(u64::MAX)
        );
    }

    #[test]
    fn exact_comparison_by_cross_multiplication() {
        let a = Quotient::new(10, 3, Rounding::None);
        let b = Quotient::new(7, 2, Rounding::None);
        assert_eq!(a.cmp_value(&b), Ordering::Less);
        let c = Quotient::new(20, 6, Rounding::None);
        assert_eq!(a.cmp_value(&c), Ordering::Equal);
        assert_eq!(a.rank_cmp(&c), Ordering::Greater, "fewer votes rank after");
    }
}
