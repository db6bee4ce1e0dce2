//! The public statistics: requests submitted, approved, rejected and pending per zone and
//! per country, computed at most once a minute per process (no personal data: counts only).

use super::work::zone_number;
use super::Result;
use crate::clock::rfc3339;
use crate::state::AppState;
use crate::store::StatusCount;
use per_domain::api::review::{Statistics, StatisticsRow};
use std::collections::BTreeMap;

/// How long one computation is served.
pub const CACHE_SECONDS: i64 = 60;

fn add(row: &mut StatisticsRow, status: &str, n: u32) {
    row.submitted += n;
    match status {
        "approved" => row.approved += n,
        "rejected" => row.rejected += n,
        "submitted" | "under_review" | "correction_requested" => row.pending += n,
        _ => {}
    }
}

fn rows(counts: &[StatusCount], key: impl Fn(&str) -> Option<String>) -> Vec<StatisticsRow> {
    let mut by: BTreeMap<String, StatisticsRow> = BTreeMap::new();
    for c in counts {
        let Some(k) = c.key.as_deref().and_then(&key) else {
            continue;
        };
        let row = by.entry(k.clone()).or_insert_with(|| StatisticsRow {
            key: k,
            ..StatisticsRow::default()
        });
        add(row, &c.status, c.n as u32);
    }
    by.into_values().collect()
}

/// The statistics, from the cache if computed within the last minute.
pub async fn statistics(state: &AppState) -> Result<Statistics> {
    let now = state.clock.now();
    let mut cache = state.statistics_cache.lock().await;
    if let Some((at, s)) = cache.as_ref() {
        if now - at < CACHE_SECONDS && now >= *at {
            return Ok(s.clone());
        }
    }
    let mut tx = state.store.read().await?;
    let zones = tx.status_counts(true).await?;
    let countries = tx.status_counts(false).await?;
    drop(tx);
    let mut by_zone = rows(&zones, |z| zone_number(z).map(|n| n.to_string()));
    by_zone.sort_by_key(|r| r.key.parse::<u8>().unwrap_or(0));
    let by_country = rows(&countries, |c| (!c.is_empty()).then(|| c.to_owned()));
    let mut total = StatisticsRow {
        key: "total".into(),
        ..StatisticsRow::default()
    };
    for c in &zones {
        add(&mut total, &c.status, c.n as u32);
    }
    let s = Statistics {
        generated_at: rfc3339(now),
        by_zone,
        by_country,
        total,
    };
    *cache = Some((now, s.clone()));
    Ok(s)
}
