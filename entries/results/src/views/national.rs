//! The national view: the hemicycle of all seats coloured by subject, and beside it the table
//! of votes, shares and seats (with the official seats when the data has them); the
//! threshold and the subjects it excluded. The markup is written by pure functions
//! ([`chart`], [`table`]) and set as `inner_html` (see [`crate::html`]).

use crate::hemicycle::{self, units, UNDECIDED};
use crate::html::Html;
use crate::model::{official_national, zones_differing};
use crate::numbers;
use crate::texts::{rt, rtr, RKey};
use crate::viewer::Viewer;
use crate::views::controls::reading;
use leptos::prelude::*;
use per_client::i18n::{fill, use_lang};
use per_domain::Language;
use per_seats::Allocation;
use per_seats_data::Document;

/// The subjects with their colours, in the order of the chart (most seats first).
pub fn chart_order(a: &Allocation) -> Vec<(String, u32, &'static str)> {
    let mut subjects: Vec<(usize, &per_seats::SubjectTotal)> =
        a.subjects.iter().enumerate().collect();
    crate::sort::sort_by(&mut subjects, |x, y| {
        y.1.seats.cmp(&x.1.seats).then(x.0.cmp(&y.0))
    });
    subjects
        .into_iter()
        .map(|(i, s)| (s.name.clone(), s.seats, hemicycle::colour(&s.name, i)))
        .collect()
}

/// The hemicycle: one dot per seat, in the chart's order, the total in the middle.
pub fn chart(lang: Language, a: &Allocation) -> String {
    let total: u32 = a.zones.iter().map(|z| z.seats).sum();
    let seats = hemicycle::seats(total as usize);
    let r = units(hemicycle::dot_radius(total as usize)).to_string();
    let mut fills: Vec<&'static str> = Vec::with_capacity(seats.len());
    for (_, n, colour) in chart_order(a) {
        fills.extend(std::iter::repeat_n(colour, n as usize));
    }
    fills.resize(seats.len(), UNDECIDED);
    let label = fill(&rt(lang, RKey::HemicycleLabel), Some(total), None);
    let mut h = Html::new();
    h.el(
        "svg",
        &[
            ("class", "r-hemicycle"),
            ("id", "hemicycle"),
            ("viewBox", "-1050 -1050 2100 1100"),
            ("role", "img"),
            ("aria-label", &label),
        ],
        |h| {
            for (s, f) in seats.iter().zip(fills) {
                let (x, y) = (units(s.x).to_string(), units(s.y).to_string());
                h.empty("circle", &[("cx", &x), ("cy", &y), ("r", &r), ("fill", f)]);
            }
            h.text_el(
                "text",
                &[
                    ("x", "0"),
                    ("y", "-80"),
                    ("text-anchor", "middle"),
                    ("font-size", "200"),
                    ("fill", "#0b0c0c"),
                ],
                &total.to_string(),
            );
        },
    );
    h.finish()
}

/// The table of subjects (votes, share, seats, official seats and difference), and the lines
/// under it: total, threshold, excluded subjects, match with the official result, lots.
pub fn table(lang: Language, doc: &Document, a: &Allocation) -> String {
    let has_official = !doc.official.is_empty();
    let num = [("class", "r-num")];
    let col_num = [("scope", "col"), ("class", "r-num")];
    let mut h = Html::new();
    h.el("div", &[("class", "r-scroll"), ("tabindex", "0")], |h| {
        h.el(
            "table",
            &[("class", "r-table"), ("id", "national-table")],
            |h| {
                h.text_el(
                    "caption",
                    &[("class", "visually-hidden")],
                    &rt(lang, RKey::NationalHeading),
                );
                h.el("thead", &[], |h| {
                    h.el("tr", &[], |h| {
                        h.text_el("th", &[("scope", "col")], &rt(lang, RKey::Subject));
                        for key in [RKey::Votes, RKey::Percent, RKey::Seats] {
                            h.text_el("th", &col_num, &rt(lang, key));
                        }
                        if has_official {
                            h.text_el("th", &col_num, &rt(lang, RKey::Official));
                            h.text_el("th", &col_num, &rt(lang, RKey::Difference));
                        }
                    });
                });
                h.el("tbody", &[], |h| {
                    for (name, seats, colour) in chart_order(a) {
                        let votes = a
                            .subjects
                            .iter()
                            .find(|s| s.name == name)
                            .map_or(0, |s| s.votes);
                        let official = official_national(doc, a, &name);
                        let differs = official.is_some_and(|o| o != seats);
                        let class = if differs { "r-differs" } else { "" };
                        h.el("tr", &[("data-subject", &name), ("class", class)], |h| {
                            h.el("th", &[("scope", "row")], |h| {
                                h.el(
                                    "svg",
                                    &[
                                        ("class", "r-swatch"),
                                        ("viewBox", "0 0 1 1"),
                                        ("aria-hidden", "true"),
                                    ],
                                    |h| {
                                        h.empty(
                                            "rect",
                                            &[("width", "1"), ("height", "1"), ("fill", colour)],
                                        );
                                    },
                                )
                                .text(&name);
                            });
                            h.text_el("td", &num, &numbers::whole(lang, votes));
                            h.text_el(
                                "td",
                                &num,
                                &numbers::percent(lang, votes, a.national_valid_votes),
                            );
                            h.text_el("td", &[("class", "r-num r-seats")], &seats.to_string());
                            if has_official {
                                let o = official.map(|o| o.to_string()).unwrap_or_default();
                                h.text_el("td", &[("class", "r-num r-official")], &o);
                                h.el("td", &num, |h| {
                                    if let Some(o) = official {
                                        let d = i64::from(seats) - i64::from(o);
                                        h.text(&if d > 0 {
                                            format!("+{d}")
                                        } else {
                                            d.to_string()
                                        });
                                    }
                                    if differs {
                                        differs_note(h, lang);
                                    }
                                });
                            }
                        });
                    }
                });
            },
        );
    });
    h.text_el(
        "p",
        &[("class", "r-total")],
        &fill(&rt(lang, RKey::TotalSeats), Some(a.seats_allocated()), None),
    );
    h.text_el(
        "p",
        &[("class", "r-threshold"), ("id", "threshold-line")],
        &reading(lang, &a.rules),
    );
    let excluded = if a.excluded.is_empty() {
        rt(lang, RKey::NoneExcluded)
    } else {
        fill(
            &rt(lang, RKey::Excluded),
            None,
            Some(&a.excluded_names().collect::<Vec<_>>().join(", ")),
        )
    };
    h.text_el("p", &[("id", "excluded")], &excluded);
    if has_official {
        match zones_differing(doc, a) {
            0 => h.text_el(
                "p",
                &[("class", "r-match"), ("id", "official-match")],
                &rt(lang, RKey::MatchesOfficial),
            ),
            n => h.el(
                "p",
                &[("class", "r-mismatch"), ("id", "official-match")],
                |h| {
                    let text = fill(
                        &rt(lang, RKey::NotMatchingOfficial),
                        u32::try_from(n).ok(),
                        None,
                    );
                    h.text_el("strong", &[], &text);
                },
            ),
        };
    }
    if a.lot_required() {
        h.text_el("p", &[("class", "warning")], &rt(lang, RKey::LotsPending));
    }
    h.finish()
}

/// " (differs from the official result)", for screen readers (the row's colour says it).
pub fn differs_note(h: &mut Html, lang: Language) {
    h.text_el(
        "span",
        &[("class", "visually-hidden")],
        &format!(" ({})", rt(lang, RKey::DiffersFromOfficial)),
    );
}

#[component]
pub fn National() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    let chart = move || v.with_allocation(|a| chart(lang.get(), a));
    let table = move || {
        v.doc.with(|doc| {
            let doc = doc.as_ref()?;
            v.with_allocation(|a| table(lang.get(), doc, a))
        })
    };
    view! {
        <section class="r-section" id="national" aria-labelledby="national-heading">
            <h2 class="heading-m" id="national-heading">{rtr(RKey::NationalHeading)}</h2>
            <div class="r-national">
                <div class="r-chart" inner_html=move || chart().unwrap_or_default()></div>
                <div class="r-national-table" inner_html=move || table().unwrap_or_default()></div>
            </div>
        </section>
    }
}
