//! Candidates (Article 163), when the data has lists: per subject of the zone shown, the
//! fixed part, the preferential part re-ranked, the moves of the one-in-three gender rule,
//! and the elected.

use crate::texts::{rt, rtr, RKey};
use crate::viewer::Viewer;
use leptos::prelude::*;
use per_client::i18n::{fill, fill_named, use_lang};
use per_domain::Language;
use per_seats::{Gender, ListPart, ListResult};

fn gender(lang: Language, g: Gender) -> String {
    rt(
        lang,
        match g {
            Gender::Female => RKey::Female,
            Gender::Male => RKey::Male,
        },
    )
}

fn list_view(lang: Language, l: &ListResult) -> impl IntoView {
    let yes_no = move |b: bool| rt(lang, if b { RKey::Yes } else { RKey::No });
    let fixed: Vec<_> = l
        .order
        .iter()
        .filter(|p| p.part == ListPart::Fixed)
        .collect();
    let fixed_table = (!fixed.is_empty()).then(|| {
        let rows = fixed
            .iter()
            .enumerate()
            .map(|(i, p)| view! {
                <tr class:r-elected=p.elected>
                    <td class="r-num">{i + 1}</td><th scope="row">{p.name.clone()}</th><td>{yes_no(p.elected)}</td>
                </tr>
            })
            .collect_view();
        view! {
            <h4 class="heading-s">{rt(lang, RKey::FixedPart)}</h4>
            <div class="r-scroll" tabindex="0"><table class="r-table">
                <thead><tr>
                    <th scope="col" class="r-num">{rt(lang, RKey::Place)}</th>
                    <th scope="col">{rt(lang, RKey::Candidate)}</th>
                    <th scope="col">{rt(lang, RKey::Elected)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
    });
    let moved: Vec<&str> = l.moves.iter().map(|m| m.candidate.as_str()).collect();
    let pref = l
        .order
        .iter()
        .filter(|p| p.part == ListPart::Preferential)
        .enumerate()
        .map(|(i, p)| {
            let was_moved = moved.contains(&p.name.as_str());
            view! {
                <tr class:r-elected=p.elected class:r-moved=was_moved>
                    <td class="r-num">{i + 1}</td>
                    <th scope="row">{p.name.clone()}</th>
                    <td>{p.gender.map(|g| gender(lang, g))}</td>
                    <td class="r-num">{p.votes.map(|n| crate::numbers::whole(lang, n))}</td>
                    <td>{yes_no(p.elected)}</td>
                </tr>
            }
        })
        .collect_view();
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
    let moves = if l.moves.is_empty() {
        view! { <p>{rt(lang, RKey::NoGenderMoves)}</p> }.into_any()
    } else {
        let items = l
            .moves
            .iter()
            .map(|m| {
                let text = fill_named(
                    &fill(&rt(lang, RKey::GenderMove), None, Some(&m.candidate)),
                    &[("a", &m.from.to_string()), ("b", &m.to.to_string())],
                );
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! { <ul class="list list--bullet r-moves">{items}</ul> }.into_any()
    };
    let elected: Vec<&str> = l.elected().collect();
    let lot = l.lot.as_ref().map(|lot| {
        view! { <p class="warning">{fill(&rt(lang, RKey::LotRequired), Some(lot.seats), Some(&lot.contenders.join(", ")))}</p> }
    });
    view! {
        <div class="r-list" data-subject=l.subject.clone()>
            <h3 class="heading-s">{fill(&rt(lang, RKey::ListOf), Some(l.seats), Some(&l.subject))}</h3>
            {fixed_table}
            <h4 class="heading-s">{rt(lang, RKey::PreferentialPart)}</h4>
            <div class="r-scroll" tabindex="0"><table class="r-table">
                <thead><tr>
                    <th scope="col" class="r-num">{rt(lang, RKey::Place)}</th>
                    <th scope="col">{rt(lang, RKey::Candidate)}</th>
                    <th scope="col">{rt(lang, RKey::Gender)}</th>
                    <th scope="col" class="r-num">{rt(lang, RKey::Votes)}</th>
                    <th scope="col">{rt(lang, RKey::Elected)}</th>
                </tr></thead>
                <tbody>{pref}</tbody>
            </table></div>
            <p>{less}</p>
            {moves}
            {lot}
            <p class="r-elected-list"><strong>{fill(&rt(lang, RKey::ElectedList), None, Some(&elected.join(", ")))}</strong></p>
        </div>
    }
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
    let body = move || {
        let lang = lang.get();
        let zi = v.zone.get();
        v.with_allocation(|a| {
            let z = a.zones.get(zi)?;
            if z.lists.is_empty() {
                return Some(view! { <p>{rt(lang, RKey::NoLists)}</p> }.into_any());
            }
            Some(
                z.lists
                    .iter()
                    .map(|l| list_view(lang, l))
                    .collect_view()
                    .into_any(),
            )
        })
    };
    view! {
        <Show when=has_lists>
            <section class="r-section" id="candidates" aria-labelledby="candidates-heading">
                <h2 class="heading-m" id="candidates-heading">{rtr(RKey::CandidatesHeading)}</h2>
                <super::zone::ZonePicker id="candidates-zone"/>
                {body}
            </section>
        </Show>
    }
}
