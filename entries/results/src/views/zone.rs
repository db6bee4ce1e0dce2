//! One zone: every seat in ranking order (subject, divisor, exact and rounded quotient, and
//! its sensitivity: the fewest votes that take it from its winner), the last seat won and the first quotient that missed, per subject the votes it needed for one
//! more seat, and the ties a drawing of lots must decide (with a way to enter its outcome).
//! The markup is written by [`body`] (see [`crate::html`]); the lot buttons in it are
//! handled by one listener on their container.

use crate::html::{Attr, Html};
use crate::model::{lot as lot_of, official_zone};
use crate::numbers;
use crate::state::LotPick;
use crate::texts::{rt, rtr, RKey};
use crate::viewer::Viewer;
use crate::views::national::differs_note;
use leptos::prelude::*;
use per_client::i18n::{fill, fill_named, use_lang};
use per_domain::Language;
use per_seats::{zone_sensitivity, Allocation, Flip, Lot, Ranked};
use per_seats_data::Document;
use wasm_bindgen::JsCast;

/// "PS, divisor 3, quotient 15.211,33…"
fn quotient_of(lang: Language, a: &Allocation, r: &Ranked) -> String {
    let value = r.quotient.rounded.map_or_else(
        || numbers::exact(lang, &r.quotient),
        |q| numbers::whole(lang, q),
    );
    fill_named(
        &fill(&rt(lang, RKey::QuotientOf), Some(r.quotient.divisor), None),
        &[("a", a.name(r.subject)), ("b", &value)],
    )
}

/// The zone picker's markup: label and select `id`, zone `zi` selected.
pub fn picker(lang: Language, doc: &Document, id: &'static str, zi: usize) -> String {
    let mut h = Html::new();
    h.text_el(
        "label",
        &[("class", "label"), ("for", id)],
        &rt(lang, RKey::ZoneChoose),
    );
    h.el("select", &[("class", "select"), ("id", id)], |h| {
        for (i, z) in doc.election.zones.iter().enumerate() {
            let selected = if i == zi { "selected" } else { "" };
            h.text_el(
                "option",
                &[("value", &i.to_string()), ("selected", selected)],
                &z.name,
            );
        }
    });
    h.finish()
}

/// The zone picker, shared by the zone, what-if and candidates views: written when the
/// data set or the language changes; its value follows the zone shown.
#[component]
pub fn ZonePicker(id: &'static str) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    let html = move || {
        let lang = lang.get();
        let zi = v.zone.get_untracked();
        v.doc
            .with(|d| d.as_ref().map(|d| picker(lang, d, id, zi)))
            .unwrap_or_default()
    };
    Effect::new(move |_| crate::browser::set_value(id, &v.zone.get().to_string()));
    let on_change = move |ev: web_sys::Event| {
        if let Ok(z) = crate::browser::target_value(&ev).parse::<usize>() {
            v.state.update(|s| s.zone = z);
        }
    };
    view! { <div class="form-group r-zone-picker" on:change=on_change inner_html=html></div> }
}

/// "985 vota kalojnë te PS": how seat sensitivity `flip` takes the seat (`None`: nothing can).
fn flip_text(lang: Language, a: &Allocation, flip: Option<(u64, Flip)>) -> String {
    let Some((votes, flip)) = flip else {
        return rt(lang, RKey::NoNextSeat);
    };
    let (key, to) = match flip {
        Flip::Move { to } => (RKey::FlipMove, to),
        Flip::Add { to } => (RKey::FlipAdd, to),
    };
    fill_named(
        &rt(lang, key),
        &[("a", &numbers::whole(lang, votes)), ("b", a.name(to))],
    )
}

/// Zone number `zi` of allocation `a`: summary, lot to enter (with `lot`, the outcome
/// entered), the seats in order with their sensitivity, the last won and first missed, and
/// per subject the votes it needed for one more seat.
pub fn body(
    lang: Language,
    doc: &Document,
    a: &Allocation,
    zi: usize,
    lot: Option<&Lot>,
) -> Option<String> {
    let z = a.zones.get(zi)?;
    let flips = zone_sensitivity(&a.rules, &a.subjects, z, lot);
    let num: [Attr<'_>; 1] = [("class", "r-num")];
    let col_num: [Attr<'_>; 2] = [("scope", "col"), ("class", "r-num")];
    let mut h = Html::new();
    h.text_el(
        "p",
        &[("class", "r-zone-summary"), ("id", "zone-summary")],
        &fill(&rt(lang, RKey::ZoneSummary), Some(z.seats), Some(&z.name)),
    );
    if let Some(lot) = &z.lot {
        h.el(
            "div",
            &[
                ("class", "panel r-lot"),
                ("id", "lot"),
                ("role", "group"),
                ("aria-labelledby", "lot-text"),
            ],
            |h| {
                h.el("p", &[("id", "lot-text")], |h| {
                    let names: Vec<&str> = lot.contenders.iter().map(|&c| a.name(c)).collect();
                    let text = fill(
                        &rt(lang, RKey::LotRequired),
                        Some(lot.seats),
                        Some(&names.join(", ")),
                    );
                    h.text_el("strong", &[], &text);
                });
                h.text_el("p", &[], &rt(lang, RKey::LotEnter));
                h.el("div", &[("class", "r-actions")], |h| {
                    for (i, &c) in lot.contenders.iter().enumerate() {
                        h.text_el(
                            "button",
                            &[
                                ("type", "button"),
                                ("class", "button button--secondary button--inline"),
                                ("data-action", "pick-lot"),
                                ("data-contender", &i.to_string()),
                            ],
                            a.name(c),
                        );
                    }
                });
            },
        );
    }
    if let Some(winner) = lot.and_then(|l| l.order.first()) {
        h.text_el(
            "p",
            &[],
            &fill(&rt(lang, RKey::LotEntered), None, Some(winner)),
        );
        h.text_el(
            "button",
            &[
                ("type", "button"),
                ("class", "button button--secondary"),
                ("data-action", "clear-lot"),
            ],
            &rt(lang, RKey::LotClear),
        );
    }
    let rounding = z
        .awarded
        .iter()
        .chain(&z.first_losing)
        .any(|r| r.quotient.rounded.is_some());
    h.text_el(
        "h3",
        &[("class", "heading-s")],
        &rt(lang, RKey::ZoneSeatsHeading),
    );
    h.el("div", &[("class", "r-scroll"), ("tabindex", "0")], |h| {
        h.el(
            "table",
            &[("class", "r-table"), ("id", "zone-seats")],
            |h| {
                h.text_el(
                    "caption",
                    &[("class", "visually-hidden")],
                    &rt(lang, RKey::ZoneSeatsHeading),
                );
                h.el("thead", &[], |h| {
                    h.el("tr", &[], |h| {
                        h.text_el("th", &col_num, &rt(lang, RKey::Place));
                        h.text_el("th", &[("scope", "col")], &rt(lang, RKey::Subject));
                        h.text_el("th", &col_num, &rt(lang, RKey::Divisor));
                        h.text_el("th", &col_num, &rt(lang, RKey::Exact));
                        if rounding {
                            h.text_el("th", &col_num, &rt(lang, RKey::Rounded));
                        }
                        h.text_el("th", &col_num, &rt(lang, RKey::SeatFlip));
                    });
                });
                h.el("tbody", &[], |h| {
                    for r in &z.awarded {
                        h.el("tr", &[], |h| {
                            h.text_el("td", &num, &r.place.to_string());
                            h.el("th", &[("scope", "row")], |h| {
                                h.text(a.name(r.subject));
                                if r.by_lot {
                                    h.text(" ").text_el(
                                        "strong",
                                        &[("class", "tag")],
                                        &rt(lang, RKey::ByLot),
                                    );
                                }
                            });
                            h.text_el("td", &num, &r.quotient.divisor.to_string());
                            h.text_el("td", &num, &numbers::exact(lang, &r.quotient));
                            if rounding {
                                h.text_el("td", &num, &numbers::rounded(lang, &r.quotient));
                            }
                            let flip = flips.iter().find(|f| f.place == r.place);
                            h.text_el("td", &num, &flip_text(lang, a, flip.and_then(|f| f.flip)));
                        });
                    }
                });
            },
        );
    });
    h.text_el("p", &[("class", "hint")], &rt(lang, RKey::SeatFlipNote));
    if let Some(r) = &z.last_winning {
        let text = fill(
            &rt(lang, RKey::LastWon),
            None,
            Some(&quotient_of(lang, a, r)),
        );
        h.text_el("p", &[("id", "last-won")], &text);
    }
    if let Some(r) = &z.first_losing {
        let text = fill(
            &rt(lang, RKey::FirstMissed),
            None,
            Some(&quotient_of(lang, a, r)),
        );
        h.text_el("p", &[("id", "first-missed")], &text);
    }
    if !z.half_at_boundary.is_empty() {
        h.text_el(
            "p",
            &[("class", "warning")],
            &rt(lang, RKey::HalfAtBoundary),
        );
    }
    let has_official = doc.official_of(&z.name).is_some();
    h.text_el("h3", &[("class", "heading-s")], &rt(lang, RKey::NextSeat));
    h.el("div", &[("class", "r-scroll"), ("tabindex", "0")], |h| {
        h.el(
            "table",
            &[("class", "r-table"), ("id", "zone-subjects")],
            |h| {
                h.text_el(
                    "caption",
                    &[("class", "visually-hidden")],
                    &rt(lang, RKey::NextSeat),
                );
                h.el("thead", &[], |h| {
                    h.el("tr", &[], |h| {
                        h.text_el("th", &[("scope", "col")], &rt(lang, RKey::Subject));
                        h.text_el("th", &col_num, &rt(lang, RKey::Votes));
                        h.text_el("th", &col_num, &rt(lang, RKey::Seats));
                        if has_official {
                            h.text_el("th", &col_num, &rt(lang, RKey::Official));
                        }
                        h.text_el("th", &col_num, &rt(lang, RKey::NeededVotes));
                    });
                });
                h.el("tbody", &[], |h| {
                    for s in &z.subjects {
                        let name = a.name(s.subject);
                        let official = official_zone(doc, &z.name, name);
                        let differs = official.is_some_and(|o| o != s.seats);
                        let needed = if s.eligible {
                            s.votes_for_next_seat.map_or_else(
                                || rt(lang, RKey::NoNextSeat),
                                |n| format!("+{}", numbers::whole(lang, n)),
                            )
                        } else {
                            rt(lang, RKey::NotEligible)
                        };
                        let class = if differs { "r-differs" } else { "" };
                        h.el("tr", &[("data-subject", name), ("class", class)], |h| {
                            h.text_el("th", &[("scope", "row")], name);
                            h.text_el("td", &num, &numbers::whole(lang, s.votes));
                            h.text_el("td", &[("class", "r-num r-seats")], &s.seats.to_string());
                            if has_official {
                                h.el("td", &[("class", "r-num r-official")], |h| {
                                    if let Some(o) = official {
                                        h.text(&o.to_string());
                                    }
                                    if differs {
                                        differs_note(h, lang);
                                    }
                                });
                            }
                            h.text_el("td", &num, &needed);
                        });
                    }
                });
            },
        );
    });
    Some(h.finish())
}

/// The action of the lot button the visitor pressed, if the event came from one:
/// `Some(Some(i))` for contender `i`, `Some(None)` to clear the outcome.
fn lot_action(ev: &web_sys::MouseEvent) -> Option<Option<usize>> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("button[data-action]").ok()??;
    match button.get_attribute("data-action")?.as_str() {
        "pick-lot" => Some(Some(button.get_attribute("data-contender")?.parse().ok()?)),
        "clear-lot" => Some(None),
        _ => None,
    }
}

#[component]
pub fn ZoneView() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    let html = move || {
        let zi = v.zone.get();
        v.doc
            .with(|doc| {
                let doc = doc.as_ref()?;
                // The outcome entered last for the zone's lot between subjects.
                let lot = v.state.with(|s| {
                    let pick = s
                        .lots
                        .iter()
                        .rev()
                        .find(|l| l.zone == zi && l.list.is_none());
                    pick.and_then(|p| lot_of(&doc.election, p))
                });
                v.with_allocation(|a| body(lang.get(), doc, a, zi, lot.as_ref()))
                    .flatten()
            })
            .unwrap_or_default()
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(action) = lot_action(&ev) else {
            return;
        };
        let zi = v.zone.get_untracked();
        let mine = |l: &LotPick| l.zone == zi && l.list.is_none();
        match action {
            Some(i) => {
                let winner = v.with_allocation(|a| {
                    a.zones
                        .get(zi)
                        .and_then(|z| z.lot.as_ref())
                        .and_then(|lot| lot.contenders.get(i))
                        .map(|&c| a.name(c).to_owned())
                });
                if let Some(winner) = winner.flatten() {
                    v.state.update(|s| {
                        s.lots.retain(|l| !mine(l));
                        s.lots.push(LotPick {
                            zone: zi,
                            list: None,
                            winner,
                        });
                    });
                }
            }
            None => v.state.update(|s| s.lots.retain(|l| !mine(l))),
        }
    };
    view! {
        <section class="r-section" id="zone" aria-labelledby="zone-heading">
            <h2 class="heading-m" id="zone-heading">{rtr(RKey::ZoneHeading)}</h2>
            <ZonePicker id="zone-select"/>
            <div inner_html=html on:click=on_click></div>
        </section>
    }
}
