//! `/review/queue`: the requests waiting for a decision, oldest first, filtered by a form
//! (status, zone, country, flag, minimum age) whose values live in the address, with the
//! 5-day clock of each ("due in N days" or "overdue"), flags as text badges, and paging.

use super::Problem;
use crate::api;
use crate::texts::{flag_key, rt, rtr, status_key, RKey};
use crate::wire::{QueueFlag, QueueItem, QueuePage as Page, QueueQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::components::PageHeading;
use per_client::i18n::{fill, fill_named, use_lang};
use per_domain::entry::review_request_path;
use per_domain::{Language, RequestStatus, Route};

fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Whole days from `now_ms` to `due` (RFC 3339), rounded up; `None` if unreadable.
pub fn days_left(due: &str, now_ms: f64) -> Option<i64> {
    let due = js_sys::Date::parse(due);
    if due.is_nan() {
        return None;
    }
    Some(((due - now_ms) / 86_400_000.0).ceil() as i64)
}

/// "due in N days", "due today" or "overdue".
pub fn clock(lang: Language, item: &QueueItem, days: Option<i64>) -> String {
    match days {
        _ if item.overdue => rt(lang, RKey::Overdue),
        Some(d) if d <= 0 => rt(lang, RKey::Overdue),
        Some(1) | None => rt(lang, RKey::DueToday),
        Some(d) => fill(&rt(lang, RKey::DueIn), Some(d as u32), None),
    }
}

/// `2026-11-21T10:00:00Z` as `21.11.2026 10:00`.
pub fn when(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(d), Some(t)) if d.len() == 10 => {
            [&d[8..], ".", &d[5..7], ".", &d[..4], " ", t].concat()
        }
        _ => rfc3339.to_owned(),
    }
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let lang = use_lang();
    let query = RwSignal::new(QueueQuery::from_query(&search()));
    let page = RwSignal::new(None::<Page>);
    let message = RwSignal::new(None::<RKey>);
    let go_href = per_client::nav::use_go_href();

    Effect::new(move |_| {
        let q = query.get();
        spawn_local(async move {
            match api::queue(&q).await {
                Ok(p) => {
                    message.set(None);
                    page.set(Some(p));
                }
                Err(f) => message.set(Some(f.key())),
            }
        });
    });

    // The form's fields, as typed.
    let q0 = query.get_untracked();
    let status = RwSignal::new(q0.status.map(|s| s.code().to_owned()).unwrap_or_default());
    let zone = RwSignal::new(q0.zone.map(|z| z.to_string()).unwrap_or_default());
    let country = RwSignal::new(q0.country.clone().unwrap_or_default());
    let flag = RwSignal::new(q0.flag.map(|f| f.code().to_owned()).unwrap_or_default());
    let min_age = RwSignal::new(q0.min_age_days.map(|d| d.to_string()).unwrap_or_default());

    let show = {
        let go_href = go_href.clone();
        move |q: QueueQuery| {
            go_href(&[Route::ReviewQueue.path(), &q.to_query()].concat());
            query.set(q);
        }
    };
    let on_submit = {
        let show = show.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let text = format!(
                "status={}&zone={}&country={}&flag={}&min_age_days={}",
                status.get_untracked(),
                zone.get_untracked().trim(),
                country.get_untracked().trim(),
                flag.get_untracked(),
                min_age.get_untracked().trim()
            );
            show(QueueQuery::from_query(&text));
        }
    };

    let status_options = move || {
        RequestStatus::ALL
            .into_iter()
            .map(|s| view! { <option value=s.code()>{rt(lang.get(), status_key(s))}</option> })
            .collect_view()
    };
    let flag_options = move || {
        QueueFlag::ALL
            .into_iter()
            .map(|f| view! { <option value=f.code()>{rt(lang.get(), flag_key(f))}</option> })
            .collect_view()
    };
    let zone_options = (1..=12u8)
        .map(|z| view! { <option value=z.to_string()>{z}</option> })
        .collect_view();

    let paging = {
        let show = show.clone();
        move |p: &Page| {
            let pages = p.total.div_ceil(p.page_size.max(1)).max(1);
            let current = p.page;
            let prev = {
                let show = show.clone();
                (current > 0).then(|| {
                    view! { <button type="button" class="button button--secondary button--inline" id="previous-page"
                        on:click=move |_| { let mut q = query.get_untracked(); q.page = Some(current - 1); show(q) }>{rtr(RKey::PreviousPage)}</button> }
                })
            };
            let next = {
                let show = show.clone();
                (current + 1 < pages).then(|| {
                    view! { <button type="button" class="button button--secondary button--inline" id="next-page"
                        on:click=move |_| { let mut q = query.get_untracked(); q.page = Some(current + 1); show(q) }>{rtr(RKey::NextPage)}</button> }
                })
            };
            let of = fill_named(
                &rt(lang.get_untracked(), RKey::PageOf),
                &[("a", &(current + 1).to_string()), ("b", &pages.to_string())],
            );
            view! { <nav class="review-paging" aria-label=of.clone()>{prev}<span>{of.clone()}</span>{next}</nav> }
        }
    };

    view! {
        <Problem message/>
        <PageHeading key=RKey::QueueTitle/>
        <form novalidate class="review-filters" on:submit=on_submit id="filters" aria-labelledby="filters-title">
            <h2 class="heading-s" id="filters-title">{rtr(RKey::FiltersTitle)}</h2>
            <div class="review-filters__row">
                <div class="form-group">
                    <label class="label" for="filter-status">{rtr(RKey::FilterStatus)}</label>
                    <select class="select" id="filter-status" prop:value=status on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{rtr(RKey::Any)}</option>
                        {status_options}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-zone">{rtr(RKey::FilterZone)}</label>
                    <select class="select" id="filter-zone" prop:value=zone on:change=move |ev| zone.set(event_target_value(&ev))>
                        <option value="">{rtr(RKey::Any)}</option>
                        {zone_options}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-country">{rtr(RKey::FilterCountry)}</label>
                    <input class="input input--width-10" id="filter-country" maxlength="2" autocomplete="off"
                        prop:value=country on:input=move |ev| country.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-flag">{rtr(RKey::FilterFlag)}</label>
                    <select class="select" id="filter-flag" prop:value=flag on:change=move |ev| flag.set(event_target_value(&ev))>
                        <option value="">{rtr(RKey::Any)}</option>
                        {flag_options}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-min-age">{rtr(RKey::FilterMinAge)}</label>
                    <input class="input input--width-10" id="filter-min-age" type="number" min="0" inputmode="numeric"
                        prop:value=min_age on:input=move |ev| min_age.set(event_target_value(&ev))/>
                </div>
            </div>
            <button type="submit" class="button button--inline" id="apply-filters">{rtr(RKey::ApplyFilters)}</button>
            " "
            <a href=Route::ReviewQueue.path() id="clear-filters" on:click=move |_| {
                status.set(String::new()); zone.set(String::new()); country.set(String::new());
                flag.set(String::new()); min_age.set(String::new()); query.set(QueueQuery::default());
            }>{rtr(RKey::ClearFilters)}</a>
        </form>
        {move || page.get().map(|p| {
            let now = js_sys::Date::now();
            let l = lang.get();
            let count = fill(&rt(l, RKey::QueueCount), Some(p.total), None);
            if p.items.is_empty() {
                return view! { <p id="queue-count">{count}</p><p id="queue-empty">{rt(l, RKey::QueueEmpty)}</p> }.into_any();
            }
            let rows = p.items.iter().map(|item| {
                let days = days_left(&item.due_at, now);
                let late = item.overdue || days.is_some_and(|d| d <= 0);
                let due = clock(l, item, days);
                let flags = item.flags.iter().map(|f| view! {
                    <span class="tag review-flag" data-flag=f.code()>{rt(l, flag_key(*f))}</span> " "
                }).collect_view();
                view! {
                    <tr data-reference=item.reference.clone()>
                        <th scope="row"><a href=review_request_path(&item.reference) class="review-ref">{item.reference.clone()}</a></th>
                        <td><span class=["tag tag--", item.status.code()].concat()>{rt(l, status_key(item.status))}</span></td>
                        <td>{when(&item.submitted_at)}</td>
                        <td class=if late { "review-due review-due--late" } else { "review-due" }>{due}</td>
                        <td>{item.zone.map(|z| z.to_string()).unwrap_or_else(|| "—".into())}</td>
                        <td>{item.country.clone()}</td>
                        <td>{flags}</td>
                        <td>{item.assigned_to.clone().unwrap_or_else(|| rt(l, RKey::Nobody))}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <p id="queue-count">{count}</p>
                <div class="review-table-wrap" tabindex="0" role="region" aria-labelledby="page-heading">
                    <table class="review-table" id="queue">
                        <thead><tr>
                            <th scope="col">{rt(l, RKey::ColReference)}</th>
                            <th scope="col">{rt(l, RKey::ColStatus)}</th>
                            <th scope="col">{rt(l, RKey::ColSubmitted)}</th>
                            <th scope="col">{rt(l, RKey::ColDue)}</th>
                            <th scope="col">{rt(l, RKey::ColZone)}</th>
                            <th scope="col">{rt(l, RKey::ColCountry)}</th>
                            <th scope="col">{rt(l, RKey::ColFlags)}</th>
                            <th scope="col">{rt(l, RKey::ColAssigned)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {paging(&p)}
            }.into_any()
        })}
    }
}
