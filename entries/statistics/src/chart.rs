//! The geometry of the horizontal bar charts: one bar a row, approved, rejected and pending
//! side by side on one scale (the largest row fills the width). Pure numbers, tested on the
//! host; the page draws them as SVG.

use per_domain::api::review::StatisticsRow;

/// The drawing's width in SVG units (it scales to the column).
pub const WIDTH: f64 = 320.0;
/// Height of one row: its label line, then its bar.
pub const ROW: f64 = 40.0;
/// Where the bar starts under the label, and its height.
pub const BAR_Y: f64 = 16.0;
pub const BAR_H: f64 = 16.0;
/// Room kept at the right of the longest bar for its number.
pub const NUMBER_ROOM: f64 = 48.0;

/// The three parts of a bar, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Approved,
    Rejected,
    Pending,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Approved, Part::Rejected, Part::Pending];

    /// The SVG fill: a solid, a hatch and a dot pattern, so that no part is told by colour
    /// alone (the patterns are defined once in the page).
    pub fn fill(self) -> &'static str {
        match self {
            Part::Approved => "url(#s-approved)",
            Part::Rejected => "url(#s-rejected)",
            Part::Pending => "url(#s-pending)",
        }
    }

    pub fn count(self, row: &StatisticsRow) -> u32 {
        match self {
            Part::Approved => row.approved,
            Part::Rejected => row.rejected,
            Part::Pending => row.pending,
        }
    }
}

/// One drawn part of a bar: where it starts and how wide it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub part: Part,
    pub x: f64,
    pub width: f64,
}

/// The bar of `row` on the scale where `max` fills the width left after the number.
pub fn segments(row: &StatisticsRow, max: u32) -> Vec<Segment> {
    let scale = if max == 0 {
        0.0
    } else {
        (WIDTH - NUMBER_ROOM) / f64::from(max)
    };
    let mut x = 0.0;
    let mut out = Vec::new();
    for part in Part::ALL {
        let width = f64::from(part.count(row)) * scale;
        if width > 0.0 {
            out.push(Segment { part, x, width });
        }
        x += width;
    }
    out
}

/// The decided and pending requests of a row: the length of its bar.
pub fn shown(row: &StatisticsRow) -> u32 {
    row.approved + row.rejected + row.pending
}

/// The longest bar of `rows`.
pub fn max(rows: &[StatisticsRow]) -> u32 {
    rows.iter().map(shown).max().unwrap_or(0)
}

/// The height of the drawing for `n` rows.
pub fn height(n: usize) -> f64 {
    ROW * n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(a: u32, r: u32, p: u32) -> StatisticsRow {
        StatisticsRow {
            key: "IT".into(),
            submitted: a + r + p + 1,
            approved: a,
            rejected: r,
            pending: p,
        }
    }

    #[test]
    fn the_largest_row_fills_the_width_and_the_parts_follow_each_other() {
        let rows = [row(6, 2, 2), row(1, 0, 4)];
        let m = max(&rows);
        assert_eq!(m, 10);
        let s = segments(&rows[0], m);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].x, 0.0);
        assert!((s[0].width - 0.6 * (WIDTH - NUMBER_ROOM)).abs() < 1e-9);
        assert!((s[1].x - s[0].width).abs() < 1e-9);
        let end = s[2].x + s[2].width;
        assert!((end - (WIDTH - NUMBER_ROOM)).abs() < 1e-9);
        // An empty part is not drawn; the next starts where it would have.
        let s = segments(&rows[1], m);
        assert_eq!(
            s.iter().map(|x| x.part).collect::<Vec<_>>(),
            [Part::Approved, Part::Pending]
        );
        assert!((s[1].x - s[0].width).abs() < 1e-9);
    }

    #[test]
    fn no_requests_draw_nothing() {
        assert!(segments(&row(0, 0, 0), 0).is_empty());
        assert_eq!(max(&[]), 0);
        assert_eq!(height(3), 3.0 * ROW);
    }
}
