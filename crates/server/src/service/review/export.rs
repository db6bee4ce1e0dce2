//! The ballot mailing's export: the approved voters of one zone as CSV (administrators
//! only; audited, the zone and the row count in the entry's hashed detail).

use super::detail::open_answers;
use super::work::zone_name;
use super::{Result, ReviewError, SignedIn};
use crate::service::audit::{self, Action};
use crate::state::AppState;
use per_domain::api::review::Role;

const HEADER: &str =
    "reference,zone,first_name,surname,country,city,postal_code,street,apartment,care_of";

/// One CSV field: quoted when it holds a comma, quote or line break; a leading `= + - @`
/// gets an apostrophe so a spreadsheet never runs it as a formula.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The CSV of zone `zone` (1 to 12).
pub async fn approved_csv(state: &AppState, who: &SignedIn, zone: u8) -> Result<String> {
    who.require(Role::Administrator)?;
    let name = zone_name(zone).ok_or(ReviewError::NotFound)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let rows = tx.approved_in_zone(name).await?;
    let mut csv = String::from(HEADER);
    csv.push_str("\r\n");
    for (reference, account, sealed) in &rows {
        let a = open_answers(state, *account, sealed)?;
        let zone_text = zone.to_string();
        let line = [
            reference.as_str(),
            zone_text.as_str(),
            &a.identity.first_name,
            &a.identity.surname,
            &a.address.country,
            &a.address.city,
            &a.address.postal_code,
            &a.address.street,
            &a.address.apartment,
            &a.address.care_of,
        ]
        .map(field)
        .join(",");
        csv.push_str(&line);
        csv.push_str("\r\n");
    }
    let detail = format!("zone {zone}: {} rows", rows.len());
    audit::append(
        &mut tx,
        &state.keys,
        now,
        &who.official.login,
        Action::Export,
        &format!("approved.csv?zone={zone}"),
        detail.as_bytes(),
    )
    .await?;
    tx.commit().await?;
    Ok(csv)
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(field("Milano"), "Milano");
        assert_eq!(field("Via Roma, 12"), "\"Via Roma, 12\"");
        assert_eq!(field("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
