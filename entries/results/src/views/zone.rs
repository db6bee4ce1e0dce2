//! One zone: every seat in ranking order (subject, divisor, exact and rounded quotient), the
//! last seat won and the first quotient that missed, per subject the votes it needed for one
//! more seat, and the ties a drawing of lots must decide (with a way to enter its outcome).

use crate::model::official_zone;
use crate::numbers;
use crate::state::LotPick;
use crate::texts::{rt, rtr, RKey};
use crate::viewer::Viewer;
use leptos::prelude::*;
use per_client::i18n::{fill, fill_named, use_lang};
use per_domain::Language;
use per_seats::Ranked;

/// "PS, divisor 3, quotient 15.211,33…"
fn quotient_of(lang: Language, r: &Ranked) -> String {
    let value = r.quotient.rounded.map_or_else(
        || numbers::exact(lang, &r.quotient),
        |q| numbers::whole(lang, q),
    );
    fill_named(
        &fill(&rt(lang, RKey::QuotientOf), Some(r.quotient.divisor), None),
        &[("a", &r.subject), ("b", &value)],
    )
}

/// The zone picker, shared by the zone, what-if and candidates views.
#[component]
pub fn ZonePicker(id: &'static str) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let options = move || {
        v.doc.with(|d| {
            d.as_ref().map(|d| {
                d.election
                    .zones
                    .iter()
                    .enumerate()
                    .map(|(i, z)| view! { <option value=i.to_string()>{z.name.clone()}</option> })
                    .collect_view()
            })
        })
    };
    let on_change = move |ev| {
        if let Ok(z) = event_target_value(&ev).parse::<usize>() {
            v.state.update(|s| s.zone = z);
        }
    };
    view! {
        <div class="form-group r-zone-picker">
            <label class="label" for=id>{rtr(RKey::ZoneChoose)}</label>
            <select class="select" id=id on:change=on_change prop:value=move || v.zone.get().to_string()>
                {options}
            </select>
        </div>
    }
}

#[component]
pub fn ZoneView() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    let body = move || {
        let lang = lang.get();
        let zi = v.zone.get();
        v.doc.with(|doc| {
            let doc = doc.as_ref()?;
            v.with_allocation(|a| {
                let z = a.zones.get(zi)?;
                let rounding = z.awarded.iter().chain(&z.first_losing).any(|r| r.quotient.rounded.is_some());
                let seats = z
                    .awarded
                    .iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <td class="r-num">{r.place}</td>
                                <th scope="row">{r.subject.clone()}
                                    {r.by_lot.then(|| view! { " " <strong class="tag">{rt(lang, RKey::ByLot)}</strong> })}
                                </th>
                                <td class="r-num">{r.quotient.divisor}</td>
                                <td class="r-num">{numbers::exact(lang, &r.quotient)}</td>
                                {rounding.then(|| view! { <td class="r-num">{numbers::rounded(lang, &r.quotient)}</td> })}
                            </tr>
                        }
                    })
                    .collect_view();
                let has_official = doc.official_of(&z.name).is_some();
                let subjects = z
                    .subjects
                    .iter()
                    .map(|s| {
                        let official = official_zone(doc, &z.name, &s.name);
                        let differs = official.is_some_and(|o| o != s.seats);
                        let needed = if !s.eligible {
                            rt(lang, RKey::NotEligible)
                        } else {
                            s.votes_for_next_seat.map_or_else(
                                || rt(lang, RKey::NoNextSeat),
                                |n| format!("+{}", numbers::whole(lang, n)),
                            )
                        };
                        view! {
                            <tr data-subject=s.name.clone() class:r-differs=differs>
                                <th scope="row">{s.name.clone()}</th>
                                <td class="r-num">{numbers::whole(lang, s.votes)}</td>
                                <td class="r-num r-seats">{s.seats}</td>
                                {has_official.then(|| view! {
                                    <td class="r-num r-official">{official.map(|o| o.to_string())}
                                        {differs.then(|| view! { <span class="visually-hidden">{format!(" ({})", rt(lang, RKey::DiffersFromOfficial))}</span> })}
                                    </td>
                                })}
                                <td class="r-num">{needed}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let last = z.last_winning.as_ref().map(|r| {
                    view! { <p id="last-won">{fill(&rt(lang, RKey::LastWon), None, Some(&quotient_of(lang, r)))}</p> }
                });
                let first = z.first_losing.as_ref().map(|r| {
                    view! { <p id="first-missed">{fill(&rt(lang, RKey::FirstMissed), None, Some(&quotient_of(lang, r)))}</p> }
                });
                let half = (!z.half_at_boundary.is_empty())
                    .then(|| view! { <p class="warning">{rt(lang, RKey::HalfAtBoundary)}</p> });
                let picked = v.state.with(|s| s.lots.iter().filter(|l| l.zone == zi && l.list.is_none()).map(|l| l.winner.clone()).collect::<Vec<_>>());
                let lot = z.lot.as_ref().map(|lot| {
                    let buttons = lot
                        .contenders
                        .iter()
                        .map(|c| {
                            let c = c.clone();
                            let label = c.clone();
                            let pick = move |_| {
                                v.state.update(|s| {
                                    s.lots.retain(|l| !(l.zone == zi && l.list.is_none()));
                                    s.lots.push(LotPick { zone: zi, list: None, winner: c.clone() });
                                })
                            };
                            view! { <button type="button" class="button button--secondary button--inline" on:click=pick>{label}</button> }
                        })
                        .collect_view();
                    view! {
                        <div class="panel r-lot" id="lot" role="group" aria-labelledby="lot-text">
                            <p id="lot-text"><strong>{fill(&rt(lang, RKey::LotRequired), Some(lot.seats), Some(&lot.contenders.join(", ")))}</strong></p>
                            <p>{rt(lang, RKey::LotEnter)}</p>
                            <div class="r-actions">{buttons}</div>
                        </div>
                    }
                });
                let entered = (!picked.is_empty()).then(|| {
                    let clear = move |_| v.state.update(|s| s.lots.retain(|l| l.zone != zi || l.list.is_some()));
                    view! {
                        <p>{fill(&rt(lang, RKey::LotEntered), None, Some(&picked.join(", ")))}</p>
                        <button type="button" class="button button--secondary" on:click=clear>{rt(lang, RKey::LotClear)}</button>
                    }
                });
                Some(view! {
                    <p class="r-zone-summary" id="zone-summary">{fill(&rt(lang, RKey::ZoneSummary), Some(z.seats), Some(&z.name))}</p>
                    {lot}
                    {entered}
                    <h3 class="heading-s">{rt(lang, RKey::ZoneSeatsHeading)}</h3>
                    <div class="r-scroll" tabindex="0">
                        <table class="r-table" id="zone-seats">
                            <caption class="visually-hidden">{rt(lang, RKey::ZoneSeatsHeading)}</caption>
                            <thead><tr>
                                <th scope="col" class="r-num">{rt(lang, RKey::Place)}</th>
                                <th scope="col">{rt(lang, RKey::Subject)}</th>
                                <th scope="col" class="r-num">{rt(lang, RKey::Divisor)}</th>
                                <th scope="col" class="r-num">{rt(lang, RKey::Exact)}</th>
                                {rounding.then(|| view! { <th scope="col" class="r-num">{rt(lang, RKey::Rounded)}</th> })}
                            </tr></thead>
                            <tbody>{seats}</tbody>
                        </table>
                    </div>
                    {last}
                    {first}
                    {half}
                    <h3 class="heading-s">{rt(lang, RKey::NextSeat)}</h3>
                    <div class="r-scroll" tabindex="0">
                        <table class="r-table" id="zone-subjects">
                            <caption class="visually-hidden">{rt(lang, RKey::NextSeat)}</caption>
                            <thead><tr>
                                <th scope="col">{rt(lang, RKey::Subject)}</th>
                                <th scope="col" class="r-num">{rt(lang, RKey::Votes)}</th>
                                <th scope="col" class="r-num">{rt(lang, RKey::Seats)}</th>
                                {has_official.then(|| view! { <th scope="col" class="r-num">{rt(lang, RKey::Official)}</th> })}
                                <th scope="col" class="r-num">{rt(lang, RKey::NeededVotes)}</th>
                            </tr></thead>
                            <tbody>{subjects}</tbody>
                        </table>
                    </div>
                })
            })
        })
    };
    view! {
        <section class="r-section" id="zone" aria-labelledby="zone-heading">
            <h2 class="heading-m" id="zone-heading">{rtr(RKey::ZoneHeading)}</h2>
            <ZonePicker id="zone-select"/>
            {body}
        </section>
    }
}
