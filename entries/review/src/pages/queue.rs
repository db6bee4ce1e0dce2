//! `/review/queue`: the requests waiting for a decision, oldest first, filtered by a form
//! (status, zone, country, flag, minimum age) whose values live in the address, with the
//! 5-day clock of each ("due in N days" or "overdue"), flags as text badges, and paging.

use super::Problem;
use crate::api;
use crate::texts::{rt, rtr, RKey};
use crate::wire::{from_query, to_query, QueuePage as Page, QueueQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::components::PageHeading;
use per_client::i18n::{fill, fill_named, use_lang};
use per_domain::Route;

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

#[component]
pub fn QueuePage() -> impl IntoView {
    let lang = use_lang();
    let query = RwSignal::new(from_query(&search()));
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

    let show = {
        let go_href = go_href.clone();
        move |q: QueueQuery| {
            go_href(&[Route::ReviewQueue.path(), &to_query(&q)].concat());
            query.set(q);
        }
    };
    let on_submit = {
        let show = show.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let v = crate::dom_value;
            let text = [
                "status=",
                &v("filter-status"),
                "&zone=",
                &v("filter-zone"),
                "&country=",
                v("filter-country").trim(),
                "&flag=",
                &v("filter-flag"),
                "&min_age_days=",
                v("filter-min-age").trim(),
            ]
            .concat();
            show(from_query(&text));
        }
    };

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
            <div inner_html=move || crate::html::filter_fields(lang.get(), &query.get())></div>
            <button type="submit" class="button button--inline" id="apply-filters">{rtr(RKey::ApplyFilters)}</button>
            " "
            <a href=Route::ReviewQueue.path() id="clear-filters" on:click=move |_| query.set(QueueQuery::default())>{rtr(RKey::ClearFilters)}</a>
        </form>
        {move || page.get().map(|p| {
            let now = js_sys::Date::now();
            let l = lang.get();
            let count = fill(&rt(l, RKey::QueueCount), Some(p.total), None);
            if p.items.is_empty() {
                return view! { <p id="queue-count">{count}</p><p id="queue-empty">{rt(l, RKey::QueueEmpty)}</p> }.into_any();
            }
            let table = crate::html::queue_table(l, &p.items, |due| days_left(due, now));
            view! {
                <p id="queue-count">{count}</p>
                <div class="review-table-wrap" tabindex="0" role="region" aria-labelledby="page-heading" inner_html=table></div>
                {paging(&p)}
            }.into_any()
        })}
    }
}
