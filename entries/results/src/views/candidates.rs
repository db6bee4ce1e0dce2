//! Candidates (Article 163), when the data has lists: per subject of the zone shown, the
//! fixed part, the preferential part re-ranked, the moves of the one-in-three gender rule,
//! and the elected. The markup is written by [`lists`] (see [`crate::html`]).

use crate::html::{Attr, Html};
use crate::texts::{rt, rtr, RKey};
use crate::viewer::Viewer;
use leptos::prelude::*;
use per_client::i18n::{fill, fill_named, use_lang};
use per_domain::Language;
use per_seats::{Allocation, Gender, ListPart, ListResult, ZoneResult};

fn gender(lang: Language, g: Gender) -> String {
    rt(
        lang,
        match g {
            Gender::Female => RKey::Female,
            Gender::Male => RKey::Male,
        },
    )
}

/// The candidate lists of zone `z`, or a line saying it has none.
pub fn lists(lang: Language, a: &Allocation, z: &ZoneResult) -> String {
    let mut h = Html::new();
    if z.lists.is_empty() {
        h.text_el("p", &[], &rt(lang, RKey::NoLists));
    }
    for l in &z.lists {
        list(&mut h, lang, a.name(l.subject), l);
    }
    h.finish()
}

fn list(h: &mut Html, lang: Language, subject: &str, l: &ListResult) {
    let yes_no = |b: bool| rt(lang, if b { RKey::Yes } else { RKey::No });
    let num: [Attr<'_>; 1] = [("class", "r-num")];
    let col_num: [Attr<'_>; 2] = [("scope", "col"), ("class", "r-num")];
    let col: [Attr<'_>; 1] = [("scope", "col")];
    let elected_class = |b: bool| if b { "r-elected" } else { "" };
    let moved: Vec<&str> = l.moves.iter().map(|m| m.candidate.as_str()).collect();
    h.el(
        "div",
        &[("class", "r-list"), ("data-subject", subject)],
        |h| {
            h.text_el(
                "h3",
                &[("class", "heading-s")],
                &fill(&rt(lang, RKey::ListOf), Some(l.seats), Some(subject)),
            );
            let fixed: Vec<_> = l
                .order
                .iter()
                .filter(|p| p.part == ListPart::Fixed)
                .collect();
            if !fixed.is_empty() {
                h.text_el("h4", &[("class", "heading-s")], &rt(lang, RKey::FixedPart));
                h.el("div", &[("class", "r-scroll"), ("tabindex", "0")], |h| {
                    h.el("table", &[("class", "r-table")], |h| {
                        h.el("thead", &[], |h| {
                            h.el("tr", &[], |h| {
                                h.text_el("th", &col_num, &rt(lang, RKey::Place));
                                h.text_el("th", &col, &rt(lang, RKey::Candidate));
                                h.text_el("th", &col, &rt(lang, RKey::Elected));
                            });
                        });
                        h.el("tbody", &[], |h| {
                            for (i, p) in fixed.iter().enumerate() {
                                h.el("tr", &[("class", elected_class(p.elected))], |h| {
                                    h.text_el("td", &num, &(i + 1).to_string());
                                    h.text_el("th", &[("scope", "row")], &p.name);
                                    h.text_el("td", &[], &yes_no(p.elected));
                                });
                            }
                        });
                    });
                });
            }
            h.text_el(
                "h4",
                &[("class", "heading-s")],
                &rt(lang, RKey::PreferentialPart),
            );
            h.el("div", &[("class", "r-scroll"), ("tabindex", "0")], |h| {
                h.el("table", &[("class", "r-table")], |h| {
                    h.el("thead", &[], |h| {
                        h.el("tr", &[], |h| {
                            h.text_el("th", &col_num, &rt(lang, RKey::Place));
                            h.text_el("th", &col, &rt(lang, RKey::Candidate));
                            h.text_el("th", &col, &rt(lang, RKey::Gender));
                            h.text_el("th", &col_num, &rt(lang, RKey::Votes));
                            h.text_el("th", &col, &rt(lang, RKey::Elected));
                        });
                    });
                    h.el("tbody", &[], |h| {
                        let preferential =
                            l.order.iter().filter(|p| p.part == ListPart::Preferential);
                        for (i, p) in preferential.enumerate() {
                            let class = match (p.elected, moved.contains(&p.name.as_str())) {
                                (true, true) => "r-elected r-moved",
                                (true, false) => "r-elected",
                                (false, true) => "r-moved",
                                (false, false) => "",
                            };
                            h.el("tr", &[("class", class)], |h| {
                                h.text_el("td", &num, &(i + 1).to_string());
                                h.text_el("th", &[("scope", "row")], &p.name);
                                let g = p.gender.map(|g| gender(lang, g)).unwrap_or_default();
                                h.text_el("td", &[], &g);
                                let votes = p
                                    .votes
                                    .map(|n| crate::numbers::whole(lang, n))
                                    .unwrap_or_default();
                                h.text_el("td", &num, &votes);
                                h.text_el("td", &[], &yes_no(p.elected));
                            });
                        }
                    });
                });
            });
            let less = l.less_represented.map(|g| {
                if l.equal_genders {
                    rt(lang, RKey::EqualGenders)
                } else {
                    fill(
                        &rt(lang, RKey::LessRepresented),
                        None,
                        Some(&gender(lang, g)),
                    )
                }
            });
            h.text_el("p", &[], &less.unwrap_or_default());
            if l.moves.is_empty() {
                h.text_el("p", &[], &rt(lang, RKey::NoGenderMoves));
            } else {
                h.el("ul", &[("class", "list list--bullet r-moves")], |h| {
                    for m in &l.moves {
                        let text = fill_named(
                            &fill(&rt(lang, RKey::GenderMove), None, Some(&m.candidate)),
                            &[("a", &m.from.to_string()), ("b", &m.to.to_string())],
                        );
                        h.text_el("li", &[], &text);
                    }
                });
            }
            if let Some(lot) = &l.lot {
                let text = fill(
                    &rt(lang, RKey::LotRequired),
                    Some(lot.seats),
                    Some(&lot.contenders.join(", ")),
                );
                h.text_el("p", &[("class", "warning")], &text);
            }
            let elected: Vec<&str> = l.elected().collect();
            h.el("p", &[("class", "r-elected-list")], |h| {
                let text = fill(
                    &rt(lang, RKey::ElectedList),
                    None,
                    Some(&elected.join(", ")),
                );
                h.text_el("strong", &[], &text);
            });
        },
    );
}

#[component]
pub fn Candidates() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    let has_lists = move || {
        v.doc.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.election.zones.iter().any(|z| !z.lists.is_empty()))
        })
    };
    let html = move || {
        let zi = v.zone.get();
        v.with_allocation(|a| a.zones.get(zi).map(|z| lists(lang.get(), a, z)))
            .flatten()
            .unwrap_or_default()
    };
    view! {
        <Show when=has_lists>
            <section class="r-section" id="candidates" aria-labelledby="candidates-heading">
                <h2 class="heading-m" id="candidates-heading">{rtr(RKey::CandidatesHeading)}</h2>
                <super::zone::ZonePicker id="candidates-zone"/>
                <div inner_html=html></div>
            </section>
        </Show>
    }
}
