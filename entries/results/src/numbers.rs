//! Numbers as the visitor's language writes them: digit grouping, decimal comma or point,
//! shares and quotients in exact integer arithmetic (no float rounding surprises).

use per_domain::Language;
use per_seats::Quotient;

fn separators(lang: Language) -> (char, char) {
    match lang {
        Language::En => (',', '.'),
        // Albanian, Italian, Greek, German: 1.234,5
        _ => ('.', ','),
    }
}

/// A whole number with digit grouping: `1.582.118` (`1,582,118` in English).
pub fn whole(lang: Language, n: u64) -> String {
    let digits = n.to_string();
    let (group, _) = separators(lang);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    out
}

/// `num / den` with two decimals, rounded half up; an ellipsis when not exact.
pub fn decimal(lang: Language, num: u128, den: u128) -> String {
    if den == 0 {
        return "—".to_owned();
    }
    let hundredths = (num * 200 + den) / (den * 2);
    let exact = (num * 100).is_multiple_of(den);
    let (_, point) = separators(lang);
    let int = u64::try_from(hundredths / 100).unwrap_or(u64::MAX);
    format!(
        "{}{point}{:02}{}",
        whole(lang, int),
        hundredths % 100,
        if exact { "" } else { "…" }
    )
}

/// `part` as a percentage of `total`, two decimals.
pub fn percent(lang: Language, part: u64, total: u64) -> String {
    let s = decimal(lang, u128::from(part) * 100, u128::from(total));
    s.trim_end_matches('…').to_owned()
}

/// The exact quotient `votes / divisor`.
pub fn exact(lang: Language, q: &Quotient) -> String {
    decimal(lang, u128::from(q.votes), u128::from(q.divisor))
}

/// The rounded quotient, or a dash when rounding is off.
pub fn rounded(lang: Language, q: &Quotient) -> String {
    q.rounded.map_or_else(|| "—".to_owned(), |r| whole(lang, r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_seats::Rounding;

    #[test]
    fn numbers_in_the_languages() {
        assert_eq!(whole(Language::Sq, 1_582_118), "1.582.118");
        assert_eq!(whole(Language::En, 1_582_118), "1,582,118");
        assert_eq!(whole(Language::De, 999), "999");
        assert_eq!(percent(Language::En, 1, 3), "33.33");
        assert_eq!(percent(Language::It, 2, 3), "66,67");
        let q = Quotient::new(999, 2, Rounding::HalfUp);
        assert_eq!(exact(Language::Sq, &q), "499,50");
        assert_eq!(rounded(Language::Sq, &q), "500");
        let q = Quotient::new(1000, 3, Rounding::None);
        assert_eq!(exact(Language::En, &q), "333.33…");
        assert_eq!(rounded(Language::En, &q), "—");
    }
}
