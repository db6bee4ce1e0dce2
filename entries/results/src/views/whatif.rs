//! What-if: the vote counts of the zone shown, editable; every keystroke recomputes the
//! allocation (the views follow), an edited count is marked, and the seats that then differ
//! from the official result are highlighted in the tables.

use crate::model::original_votes;
use crate::texts::{rt, rtr, RKey};
use crate::viewer::Viewer;
use leptos::prelude::*;
use per_client::i18n::{fill, use_lang};

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

#[component]
pub fn WhatIf() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    // Rebuilt only when the data set or the zone changes, never while typing.
    let rows = move || {
        let zi = v.zone.get();
        v.doc.with(|doc| {
            let doc = doc.as_ref()?;
            let zone = doc.election.zones.get(zi)?;
            let subjects: Vec<String> = zone
                .votes
                .iter()
                .chain(&zone.independents)
                .map(|(s, _)| s.clone())
                .collect();
            let doc = doc.clone();
            Some(
                subjects
                    .into_iter()
                    .enumerate()
                    .map(|(i, subject)| {
                        let id = format!("votes-{i}");
                        let error_id = format!("votes-{i}-error");
                        let original = original_votes(&doc, zi, &subject).unwrap_or(0);
                        let bad = RwSignal::new(false);
                        let name = subject.clone();
                        let value = move || {
                            v.state
                                .with(|s| s.edited(zi, &name))
                                .unwrap_or(original)
                                .to_string()
                        };
                        let name = subject.clone();
                        let edited = move || v.state.with(|s| s.edited(zi, &name).is_some());
                        let name = subject.clone();
                        let on_input = move |ev| match read_votes(&event_target_value(&ev)) {
                            Some(n) => {
                                bad.set(false);
                                v.state.update(|s| s.set_votes(zi, &name, n, original));
                            }
                            None => bad.set(true),
                        };
                        let label = subject.clone();
                        let described = error_id.clone();
                        view! {
                            <div class="form-group r-vote" class:form-group--error=move || bad.get()>
                                <label class="label" for=id.clone()>
                                    {move || fill(&rt(lang.get(), RKey::VotesOf), None, Some(&label))}
                                    <Show when=edited>
                                        " " <strong class="tag r-edited">{rtr(RKey::Edited)}</strong>
                                    </Show>
                                </label>
                                <Show when=move || bad.get()>
                                    <p class="error-message" id=error_id.clone()>{rtr(RKey::VotesBad)}</p>
                                </Show>
                                <input class="input input--width-10" type="text" inputmode="numeric"
                                    id=id data-subject=subject.clone()
                                    class:input--error=move || bad.get()
                                    aria-invalid=move || bad.get().to_string()
                                    aria-describedby=move || bad.get().then(|| described.clone())
                                    prop:value=value on:input=on_input/>
                            </div>
                        }
                    })
                    .collect_view(),
            )
        })
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
            <div class="r-votes">{rows}</div>
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
