//! What-if: the vote counts of the zone shown, editable; every keystroke recomputes the
//! allocation (the views follow), an edited count is marked, and the seats that then differ
//! from the official result are highlighted in the tables.
//!
//! The editor is written by [`editor`] when the zone or the language changes, never while
//! the visitor types (see [`crate::html`]); one listener reads every input, and the marks
//! ("edited", a count that cannot be read) are set on the rendered rows.

use crate::browser;
use crate::html::Html;
use crate::model::original_votes;
use crate::state::ViewState;
use crate::texts::{rt, rtr, RKey};
use crate::viewer::Viewer;
use leptos::prelude::*;
use per_client::i18n::{fill, use_lang};
use per_domain::Language;
use per_seats_data::Document;

/// A vote count as typed: digits, with spaces, points or commas as digit grouping.
pub fn read_votes(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | ',' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The subjects of zone number `zi`, in the order of the editor's rows.
fn subjects(doc: &Document, zi: usize) -> Vec<String> {
    doc.election.zones.get(zi).map_or_else(Vec::new, |z| {
        z.votes
            .iter()
            .chain(&z.independents)
            .map(|(s, _)| s.clone())
            .collect()
    })
}

/// The vote editor of zone number `zi`: one labelled input per subject, with the count as
/// edited in `state` (else as published), an "edited" mark and a hidden error message.
pub fn editor(lang: Language, doc: &Document, zi: usize, state: &ViewState) -> String {
    let mut h = Html::new();
    for (i, subject) in subjects(doc, zi).iter().enumerate() {
        let id = format!("votes-{i}");
        let edited = state.edited(zi, subject);
        let value = edited
            .or_else(|| original_votes(doc, zi, subject))
            .unwrap_or(0)
            .to_string();
        h.el(
            "div",
            &[
                ("class", "form-group r-vote"),
                ("id", &format!("{id}-group")),
            ],
            |h| {
                h.el("label", &[("class", "label"), ("for", &id)], |h| {
                    h.text(&fill(&rt(lang, RKey::VotesOf), None, Some(subject)))
                        .text(" ")
                        .text_el(
                            "strong",
                            &[
                                ("class", "tag r-edited"),
                                ("id", &format!("{id}-edited")),
                                ("hidden", if edited.is_some() { "" } else { "hidden" }),
                            ],
                            &rt(lang, RKey::Edited),
                        );
                });
                h.text_el(
                    "p",
                    &[
                        ("class", "error-message"),
                        ("id", &format!("{id}-error")),
                        ("hidden", "hidden"),
                    ],
                    &rt(lang, RKey::VotesBad),
                );
                h.empty(
                    "input",
                    &[
                        ("class", "input input--width-10"),
                        ("type", "text"),
                        ("inputmode", "numeric"),
                        ("autocomplete", "off"),
                        ("id", &id),
                        ("data-subject", subject),
                        ("aria-invalid", "false"),
                        ("value", &value),
                    ],
                );
            },
        );
    }
    h.finish()
}

/// Marks input `votes-{i}` as unreadable (`bad`) or not.
fn mark_bad(i: usize, bad: bool) {
    let id = format!("votes-{i}");
    let error = format!("{id}-error");
    browser::show(&error, bad);
    browser::set_attr(
        &id,
        "aria-invalid",
        Some(if bad { "true" } else { "false" }),
    );
    browser::set_attr(&id, "aria-describedby", bad.then_some(error.as_str()));
    let (group, input) = if bad {
        (
            "form-group r-vote form-group--error",
            "input input--width-10 input--error",
        )
    } else {
        ("form-group r-vote", "input input--width-10")
    };
    browser::set_attr(&format!("{id}-group"), "class", Some(group));
    browser::set_attr(&id, "class", Some(input));
}

#[component]
pub fn WhatIf() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    // Written again when the data set, the zone or the language changes, or on a reset;
    // never while the visitor types.
    let html = move || {
        let lang = lang.get();
        v.resets.track();
        let zi = v.zone.get();
        v.doc
            .with(|doc| {
                let doc = doc.as_ref()?;
                Some(v.state.with_untracked(|s| editor(lang, doc, zi, s)))
            })
            .unwrap_or_default()
    };
    // The "edited" marks follow the state.
    Effect::new(move |_| {
        let zi = v.zone.get();
        v.doc.with(|doc| {
            let Some(doc) = doc.as_ref() else { return };
            v.state.with(|s| {
                for (i, subject) in subjects(doc, zi).iter().enumerate() {
                    browser::show(
                        &format!("votes-{i}-edited"),
                        s.edited(zi, subject).is_some(),
                    );
                }
            });
        });
    });
    // A reset puts every count back as published. (When the editor's markup comes out the
    // same as before, it is not written again, so the typed values are set here.)
    Effect::new(move |before: Option<u32>| {
        let resets = v.resets.get();
        if before.is_some_and(|b| b != resets) {
            let zi = v.zone.get_untracked();
            v.doc.with_untracked(|doc| {
                let Some(doc) = doc.as_ref() else { return };
                for (i, subject) in subjects(doc, zi).iter().enumerate() {
                    let votes = original_votes(doc, zi, subject).unwrap_or(0);
                    browser::set_value(&format!("votes-{i}"), &votes.to_string());
                    mark_bad(i, false);
                }
            });
        }
        resets
    });
    let on_input = move |ev: web_sys::Event| {
        let Some(i) =
            browser::target_id(&ev).and_then(|id| id.strip_prefix("votes-")?.parse::<usize>().ok())
        else {
            return;
        };
        let zi = v.zone.get_untracked();
        let Some(subject) = v
            .doc
            .with_untracked(|d| d.as_ref().and_then(|d| subjects(d, zi).get(i).cloned()))
        else {
            return;
        };
        match read_votes(&browser::target_value(&ev)) {
            Some(n) => {
                mark_bad(i, false);
                let original = v
                    .doc
                    .with_untracked(|d| d.as_ref().and_then(|d| original_votes(d, zi, &subject)))
                    .unwrap_or(0);
                v.state.update(|s| s.set_votes(zi, &subject, n, original));
            }
            None => mark_bad(i, true),
        }
    };
    let count = move || {
        let n = v.state.with(|s| s.edits.len());
        fill(
            &rt(lang.get(), RKey::EditsCount),
            u32::try_from(n).ok(),
            None,
        )
    };
    view! {
        <section class="r-section" id="whatif" aria-labelledby="whatif-heading">
            <h2 class="heading-m" id="whatif-heading">{rtr(RKey::WhatIfHeading)}</h2>
            <p>{rtr(RKey::WhatIfLead)}</p>
            <super::zone::ZonePicker id="whatif-zone"/>
            <div class="r-votes" on:input=on_input inner_html=html></div>
            <p id="edits-count" aria-live="polite">{count}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::read_votes;

    #[test]
    fn vote_counts_are_read_with_or_without_grouping() {
        assert_eq!(read_votes("45634"), Some(45634));
        assert_eq!(read_votes("45.634"), Some(45634));
        assert_eq!(read_votes(" 1 234 "), Some(1234));
        assert_eq!(read_votes("0"), Some(0));
        for bad in ["", "-5", "12a", "1e3"] {
            assert_eq!(read_votes(bad), None, "{bad}");
        }
    }
}
