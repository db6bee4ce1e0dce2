//! The public statistics page (`/statistics/`): how many requests were submitted, approved,
//! rejected and are pending, in total, per electoral zone and per country of residence,
//! from `GET /api/statistics`. Each breakdown is a hand-drawn SVG bar chart (the parts told
//! apart by patterns and a legend, not by colour alone) followed by a table of the same
//! numbers, which is what assistive technology reads (the chart is hidden from it).
//! Its own entry page and bundle: no registration code, no API error decoding (the answer
//! is read like a file).
//!
//! - [`chart`]: bar geometry; [`texts`]: the page's texts. The answer is
//!   `per_domain::api::review::Statistics`.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::panic))]

mod chart;
mod texts;

use chart::Part;
use leptos::prelude::*;
use per_client::components::PageHeading;
use per_client::i18n::{fill, t, use_lang, Catalog, FRAME};
use per_domain::api::review::{Statistics, StatisticsRow};
use per_domain::{Entry, Language};
use texts::{SKey, STATISTICS_CATALOG};

/// The texts this entry shows: the page frame's and the page's own.
static CATALOGS: [&Catalog; 2] = [&FRAME, &STATISTICS_CATALOG];

fn main() {
    per_client::shell::start(Entry::Statistics, &CATALOGS, page);
}

/// What the page has: nothing yet, the numbers, or a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Loaded {
    Waiting,
    Ready(Box<Statistics>),
    Failed,
}

fn page() -> AnyView {
    let loaded = RwSignal::new(Loaded::Waiting);
    wasm_bindgen_futures::spawn_local(async move {
        let answer = per_client::api::file("/api/statistics").await;
        let parsed = answer.and_then(|text| serde_json::from_str::<Statistics>(&text).ok());
        loaded.set(parsed.map_or(Loaded::Failed, |s| Loaded::Ready(Box::new(s))));
    });
    let lang = use_lang();
    view! {
        <PageHeading key=SKey::Title/>
        <p class="lead">{move || t(lang.get(), SKey::Lead)}</p>
        <Patterns/>
        <div role="status" id="statistics-status">
            {move || match loaded.get() {
                Loaded::Waiting => view! { <p>{t(lang.get(), SKey::Loading)}</p> }.into_any(),
                Loaded::Failed => view! { <p class="warning">{t(lang.get(), SKey::LoadFailed)}</p> }.into_any(),
                Loaded::Ready(_) => ().into_any(),
            }}
        </div>
        {move || match loaded.get() {
            Loaded::Ready(s) => shown(lang.get(), &s).into_any(),
            _ => ().into_any(),
        }}
    }
    .into_any()
}

/// `2026-12-04T00:52:08Z` as `2026-12-04 00:52 UTC` (the same in every language).
fn when(generated_at: &str) -> String {
    match generated_at.get(..16) {
        Some(minute) => format!("{} UTC", minute.replace('T', " ")),
        None => generated_at.to_owned(),
    }
}

fn shown(lang: Language, s: &Statistics) -> impl IntoView {
    let total = &s.total;
    let zone = |key: &str| match key.parse::<u32>() {
        Ok(n) => fill(&t(lang, SKey::ZoneN), Some(n), None),
        Err(_) => key.to_owned(),
    };
    let country = |key: &str| per_client::request::country::name(lang, key);
    view! {
        <p id="generated-at">{fill(&t(lang, SKey::GeneratedAt), None, Some(&when(&s.generated_at)))}</p>
        <section class="s-section" aria-labelledby="totals-title">
            <h2 class="heading-m" id="totals-title">{t(lang, SKey::Totals)}</h2>
            <ul class="s-totals" id="totals">
                <li><strong>{total.submitted}</strong>{t(lang, SKey::Submitted)}</li>
                <li><strong>{total.approved}</strong>{t(lang, SKey::Approved)}</li>
                <li><strong>{total.rejected}</strong>{t(lang, SKey::Rejected)}</li>
                <li><strong>{total.pending}</strong>{t(lang, SKey::Pending)}</li>
            </ul>
            <p class="hint">{t(lang, SKey::Note)}</p>
        </section>
        {breakdown(lang, "zones", SKey::ByZone, SKey::Zone, &s.by_zone, &zone)}
        {breakdown(lang, "countries", SKey::ByCountry, SKey::Country, &s.by_country, &country)}
    }
}

/// The three patterns of the bars, defined once for every chart and swatch of the page.
#[component]
fn Patterns() -> impl IntoView {
    view! {
        <svg width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute">
            <defs>
                <pattern id="s-approved" width="8" height="8" patternUnits="userSpaceOnUse">
                    <rect width="8" height="8" fill="#00703c"/>
                </pattern>
                <pattern id="s-rejected" width="6" height="6" patternUnits="userSpaceOnUse"
                    patternTransform="rotate(45)">
                    <rect width="6" height="6" fill="#ffffff"/>
                    <rect width="3" height="6" fill="#b3000c"/>
                </pattern>
                <pattern id="s-pending" width="6" height="6" patternUnits="userSpaceOnUse">
                    <rect width="6" height="6" fill="#ffffff"/>
                    <circle cx="3" cy="3" r="1.6" fill="#0b0c0c"/>
                </pattern>
            </defs>
        </svg>
    }
}

fn part_text(part: Part) -> SKey {
    match part {
        Part::Approved => SKey::Approved,
        Part::Rejected => SKey::Rejected,
        Part::Pending => SKey::Pending,
    }
}

/// A breakdown: heading, legend, chart, then the table of the same numbers.
fn breakdown(
    lang: Language,
    id: &'static str,
    title: SKey,
    key_title: SKey,
    rows: &[StatisticsRow],
    label: &dyn Fn(&str) -> String,
) -> impl IntoView {
    let heading = t(lang, title);
    let max = chart::max(rows);
    let labelled: Vec<(String, StatisticsRow)> =
        rows.iter().map(|r| (label(&r.key), r.clone())).collect();
    let body = if rows.is_empty() {
        view! { <p>{t(lang, SKey::NoneYet)}</p> }.into_any()
    } else {
        let bars = labelled
            .iter()
            .enumerate()
            .map(|(i, (name, row))| {
                let y = chart::height(i);
                let segments = chart::segments(row, max);
                let end = segments.last().map_or(0.0, |s| s.x + s.width);
                view! {
                    <g transform=format!("translate(0 {y})")>
                        <text x="0" y="12" font-size="12">{name.clone()}</text>
                        {segments.into_iter().map(|s| view! {
                            <rect x=s.x y=chart::BAR_Y width=s.width height=chart::BAR_H
                                fill=s.part.fill() stroke="#0b0c0c" stroke-width="0.75"/>
                        }).collect_view()}
                        <text x=end + 4.0 y=chart::BAR_Y + 12.0 font-size="12">{chart::shown(row)}</text>
                    </g>
                }
            })
            .collect_view();
        let table_rows = labelled
            .iter()
            .map(|(name, row)| {
                view! {
                    <tr>
                        <th scope="row">{name.clone()}</th>
                        <td>{row.submitted}</td>
                        <td>{row.approved}</td>
                        <td>{row.rejected}</td>
                        <td>{row.pending}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <ul class="s-legend" aria-hidden="true">
                {Part::ALL.into_iter().map(|p| view! {
                    <li>
                        <svg class="s-swatch" viewBox="0 0 14 10" focusable="false">
                            <rect width="14" height="10" fill=p.fill()/>
                        </svg>
                        {t(lang, part_text(p))}
                    </li>
                }).collect_view()}
            </ul>
            <svg class="s-chart" id=format!("{id}-chart") aria-hidden="true" focusable="false"
                viewBox=format!("0 0 {} {}", chart::WIDTH, chart::height(rows.len()))>
                {bars}
            </svg>
            <p class="hint">{t(lang, SKey::ChartNote)}</p>
            // On a narrow screen the table may scroll sideways: the region takes the focus,
            // so that the keyboard scrolls it too.
            <div class="s-scroll" tabindex="0" role="region" aria-labelledby=format!("{id}-title")>
                <table class="s-table" id=format!("{id}-table")>
                    <caption>{heading.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, key_title)}</th>
                            <th scope="col">{t(lang, SKey::Submitted)}</th>
                            <th scope="col">{t(lang, SKey::Approved)}</th>
                            <th scope="col">{t(lang, SKey::Rejected)}</th>
                            <th scope="col">{t(lang, SKey::Pending)}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="s-section">
            <h2 class="heading-m" id=format!("{id}-title")>{heading.clone()}</h2>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_is_shown_to_the_minute_in_utc() {
        assert_eq!(when("2026-12-04T00:52:08Z"), "2026-12-04 00:52 UTC");
        assert_eq!(when("soon"), "soon");
    }

    #[test]
    fn the_answer_of_the_contract_is_read() {
        let json = r#"{"generated_at":"2026-12-04T00:52:08Z",
            "by_zone":[{"key":"3","submitted":4,"approved":1,"rejected":1,"pending":1}],
            "by_country":[{"key":"IT","submitted":4,"approved":1,"rejected":1,"pending":1}],
            "total":{"key":"total","submitted":4,"approved":1,"rejected":1,"pending":1}}"#;
        let s: Statistics = serde_json::from_str(json).unwrap();
        assert_eq!(s.by_zone[0].key, "3");
        assert_eq!(s.total.submitted, 4);
    }
}
