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
            let angle = std::f64::consts::PI * (1.0 - t);
            all.push((
                t,
                row,
                Seat {
                    x: r * angle.cos(),
                    y: -r * angle.sin(),
                },
            ));
        }
    }
    all.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    all.truncate(n);
    all.into_iter().map(|(_, _, s)| s).collect()
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
