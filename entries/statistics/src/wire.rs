//! The answer of `GET /api/statistics`, as the review contract writes it
//! (`per_domain::api::review::Statistics`, owned by the review server's branch). Until that
//! branch is merged the page reads this copy of the same fields; on the merge it is
//! replaced by a `pub use` of the domain type.

use serde::Deserialize;

/// One row: a zone (its number as text), a country (ISO alpha-2) or the total.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StatisticsRow {
    pub key: String,
    /// Every request ever submitted, withdrawn included.
    pub submitted: u32,
    pub approved: u32,
    pub rejected: u32,
    /// Submitted, under review or awaiting a correction.
    pub pending: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Statistics {
    /// RFC 3339, UTC.
    pub generated_at: String,
    pub by_zone: Vec<StatisticsRow>,
    pub by_country: Vec<StatisticsRow>,
    pub total: StatisticsRow,
}
