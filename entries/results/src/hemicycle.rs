//! The hemicycle chart: where each of `n` seats sits in a half circle (rows of seats, left to
//! right), and the colour of each subject. Plain geometry, tested natively; drawn as SVG.

/// A seat's centre, in a chart of radius 1 centred at the origin (y up is negative).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seat {
    pub x: f64,
    pub y: f64,
}

/// The number of rows for `n` seats.
pub fn rows(n: usize) -> usize {
    ((n as f64 / 4.0).sqrt().ceil() as usize).clamp(1, 12)
}

/// The radius of one seat's dot for `n` seats.
pub fn dot_radius(n: usize) -> f64 {
    let rows = rows(n);
    if rows == 1 {
        0.08
    } else {
        0.6 / (rows - 1) as f64 * 0.38
    }
}

/// The centres of `n` seats, ordered from the left end of the half circle to the right end,
/// so that consecutive seats (of one subject) form a wedge.
pub fn seats(n: usize) -> Vec<Seat> {
    if n == 0 {
        return Vec::new();
    }
    let rows = rows(n);
    let radius = |i: usize| {
        if rows == 1 {
            1.0
        } else {
            0.4 + 0.6 * i as f64 / (rows - 1) as f64
        }
    };
    let total: f64 = (0..rows).map(radius).sum();
    let mut per_row: Vec<usize> = (0..rows)
        .map(|i| (n as f64 * radius(i) / total).round() as usize)
        .collect();
    let assigned: usize = per_row.iter().sum();
    let outer = rows - 1;
    per_row[outer] = (per_row[outer] + n).saturating_sub(assigned).max(1);
    // (angle from the left, row, x, y)
    let mut all: Vec<(f64, usize, Seat)> = Vec::with_capacity(n);
    for (row, &k) in per_row.iter().enumerate() {
        let r = radius(row);
        for j in 0..k {
            let t = if k == 1 {
                0.5
            } else {
                j as f64 / (k - 1) as f64
            };
            let (cos, sin) = cos_sin(std::f64::consts::PI * (1.0 - t));
            all.push((
                t,
                row,
                Seat {
                    x: r * cos,
                    y: -r * sin,
                },
            ));
        }
    }
    crate::sort::sort_by(&mut all, |a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    all.truncate(n);
    all.into_iter().map(|(_, _, s)| s).collect()
}

/// Cosine and sine of `angle` in [0, π], by the Taylor series of the sine around π/2 (error
/// below 1e-9): the chart's only trigonometry, without the 5 KB argument reduction that the
/// general `f64::cos` and `f64::sin` bring into the wasm.
fn cos_sin(angle: f64) -> (f64, f64) {
    let b = angle - std::f64::consts::FRAC_PI_2; // |b| <= π/2
    let b2 = b * b;
    // sin(b) and cos(b) for |b| <= π/2: terms up to b^17 and b^18.
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut s_term, mut c_term) = (b, 1.0);
    for k in 0..10 {
        sin += s_term;
        cos += c_term;
        let k = f64::from(k);
        s_term *= -b2 / ((2.0 * k + 2.0) * (2.0 * k + 3.0));
        c_term *= -b2 / ((2.0 * k + 1.0) * (2.0 * k + 2.0));
    }
    // cos(π/2 + b) = -sin(b); sin(π/2 + b) = cos(b).
    (-sin, cos)
}

/// A length of the chart (radius 1) in the SVG's units (radius 1000), rounded.
pub fn units(v: f64) -> i32 {
    // The chart's lengths are within ±1.1: the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation)]
    let u = (v * 1000.0).round() as i32;
    u
}

/// The colour of a subject: the party colours of Albania's main parties, else a palette by
/// position (`index`).
pub fn colour(name: &str, index: usize) -> &'static str {
    const PALETTE: [&str; 8] = [
        "#1b7a43", "#b35900", "#5a3d99", "#0b7285", "#8f2d56", "#6b6b00", "#3d5a80", "#9c4221",
    ];
    match name {
        "PS" => "#c2185b",
        "PD" | "PD-ASHM" | "PD-AN" => "#1f4e9e",
        "LSI" | "LSI-PL" => "#6a1b9a",
        "PDIU" => "#2e7d32",
        "PSD" => "#d84315",
        _ => PALETTE[index % PALETTE.len()],
    }
}

/// The colour of a seat that a drawing of lots must still give.
pub const UNDECIDED: &str = "#9e9e9e";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seat_has_a_place_in_the_upper_half_circle() {
        for n in [1, 2, 9, 140, 151, 400] {
            let s = seats(n);
            assert_eq!(s.len(), n, "{n}");
            for seat in &s {
                assert!(
                    seat.y <= 1e-9 && seat.x.abs() <= 1.0 + 1e-9,
                    "{n}: {seat:?}"
                );
            }
        }
        let s = seats(140);
        assert!(s[0].x < -0.3 && s[139].x > 0.3, "left to right");
    }

    #[test]
    fn cos_sin_matches_std_over_the_half_circle() {
        for i in 0..=1000 {
            let a = std::f64::consts::PI * f64::from(i) / 1000.0;
            let (c, s) = cos_sin(a);
            assert!(
                (c - a.cos()).abs() < 1e-9 && (s - a.sin()).abs() < 1e-9,
                "{a}"
            );
        }
        assert_eq!((units(0.4), units(-1.0), units(0.00049)), (400, -1000, 0));
    }

    #[test]
    fn seats_do_not_overlap() {
        let s = seats(140);
        let r = dot_radius(140);
        for (i, a) in s.iter().enumerate() {
            for b in &s[i + 1..] {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(d >= 2.0 * r * 0.95, "{a:?} {b:?}");
            }
        }
    }
}
