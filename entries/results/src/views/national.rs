//! The national view: the hemicycle of all seats coloured by subject, and beside it the table
//! of votes, shares and seats (with the official seats when the data has them); the
//! threshold and the subjects it excluded.

use crate::hemicycle::{self, UNDECIDED};
use crate::model::{official_national, zones_differing};
use crate::numbers;
use crate::texts::{rt, rtr, RKey};
use crate::viewer::Viewer;
use crate::views::controls::reading;
use leptos::prelude::*;
use per_client::i18n::{fill, use_lang};

/// The subjects with their colours, in the order of the chart (most seats first).
pub fn chart_order(a: &per_seats::Allocation) -> Vec<(String, u32, &'static str)> {
    let mut subjects: Vec<(usize, &per_seats::SubjectTotal)> =
        a.subjects.iter().enumerate().collect();
    subjects.sort_by(|x, y| y.1.seats.cmp(&x.1.seats).then(x.0.cmp(&y.0)));
    subjects
        .into_iter()
        .map(|(i, s)| (s.name.clone(), s.seats, hemicycle::colour(&s.name, i)))
        .collect()
}

#[component]
pub fn National() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    let chart = move || {
        v.with_allocation(|a| {
            let total: u32 = a.zones.iter().map(|z| z.seats).sum();
            let seats = hemicycle::seats(total as usize);
            let r = hemicycle::dot_radius(total as usize);
            let mut fills: Vec<&'static str> = Vec::with_capacity(seats.len());
            for (_, n, colour) in chart_order(a) {
                fills.extend(std::iter::repeat_n(colour, n as usize));
            }
            fills.resize(seats.len(), UNDECIDED);
            let label = fill(&rt(lang.get(), RKey::HemicycleLabel), Some(total), None);
            let dots = seats
                .iter()
                .zip(fills)
                .map(|(s, f)| {
                    view! { <circle cx=format!("{:.4}", s.x) cy=format!("{:.4}", s.y) r=format!("{r:.4}") fill=f/> }
                })
                .collect_view();
            view! {
                <svg class="r-hemicycle" id="hemicycle" viewBox="-1.05 -1.05 2.1 1.1" role="img" aria-label=label>
                    {dots}
                    <text x="0" y="-0.08" text-anchor="middle" font-size="0.2" fill="#0b0c0c">{total}</text>
                </svg>
            }
        })
    };
    let table = move || {
        let lang = lang.get();
        v.doc.with(|doc| {
            let doc = doc.as_ref()?;
            v.with_allocation(|a| {
                let has_official = !doc.official.is_empty();
                let rows = chart_order(a)
                    .into_iter()
                    .map(|(name, seats, colour)| {
                        let votes = a.subjects.iter().find(|s| s.name == name).map_or(0, |s| s.votes);
                        let official = official_national(doc, a, &name);
                        let differs = official.is_some_and(|o| o != seats);
                        let diff = official.map(|o| i64::from(seats) - i64::from(o));
                        view! {
                            <tr data-subject=name.clone() class:r-differs=differs>
                                <th scope="row">
                                    <svg class="r-swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill=colour/></svg>
                                    {name.clone()}
                                </th>
                                <td class="r-num">{numbers::whole(lang, votes)}</td>
                                <td class="r-num">{numbers::percent(lang, votes, a.national_valid_votes)}</td>
                                <td class="r-num r-seats">{seats}</td>
                                {has_official.then(|| view! {
                                    <td class="r-num r-official">{official.map(|o| o.to_string())}</td>
                                    <td class="r-num">
                                        {diff.map(|d| if d > 0 { format!("+{d}") } else { d.to_string() })}
                                        {differs.then(|| view! { <span class="visually-hidden">{format!(" ({})", rt(lang, RKey::DiffersFromOfficial))}</span> })}
                                    </td>
                                })}
                            </tr>
                        }
                    })
                    .collect_view();
                let excluded = if a.excluded.is_empty() {
                    rt(lang, RKey::NoneExcluded)
                } else {
                    fill(&rt(lang, RKey::Excluded), None, Some(&a.excluded.join(", ")))
                };
                let matching = has_official.then(|| {
                    let n = zones_differing(doc, a);
                    if n == 0 {
                        view! { <p class="r-match" id="official-match">{rt(lang, RKey::MatchesOfficial)}</p> }.into_any()
                    } else {
                        view! { <p class="r-mismatch" id="official-match"><strong>{fill(&rt(lang, RKey::NotMatchingOfficial), u32::try_from(n).ok(), None)}</strong></p> }.into_any()
                    }
                });
                let lots = a.lot_required().then(|| view! { <p class="warning">{rt(lang, RKey::LotsPending)}</p> });
                let threshold = reading(lang, &a.rules);
                view! {
                    <div class="r-scroll" tabindex="0">
                        <table class="r-table" id="national-table">
                            <caption class="visually-hidden">{rt(lang, RKey::NationalHeading)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{rt(lang, RKey::Subject)}</th>
                                    <th scope="col" class="r-num">{rt(lang, RKey::Votes)}</th>
                                    <th scope="col" class="r-num">{rt(lang, RKey::Percent)}</th>
                                    <th scope="col" class="r-num">{rt(lang, RKey::Seats)}</th>
                                    {has_official.then(|| view! {
                                        <th scope="col" class="r-num">{rt(lang, RKey::Official)}</th>
                                        <th scope="col" class="r-num">{rt(lang, RKey::Difference)}</th>
                                    })}
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <p class="r-total">{fill(&rt(lang, RKey::TotalSeats), Some(a.seats_allocated()), None)}</p>
                    <p class="r-threshold" id="threshold-line">{threshold}</p>
                    <p id="excluded">{excluded}</p>
                    {matching}
                    {lots}
                }
            })
        })
    };
    view! {
        <section class="r-section" id="national" aria-labelledby="national-heading">
            <h2 class="heading-m" id="national-heading">{rtr(RKey::NationalHeading)}</h2>
            <div class="r-national">
                <div class="r-chart">{chart}</div>
                <div class="r-national-table">{table}</div>
            </div>
        </section>
    }
}
