//! The controls: data set (served, or the visitor's own file), rule set, threshold, rounding,
//! reset, the link that reproduces the view, CSV export and print.
//!
//! The form is written once per language by [`form`] (see [`crate::html`]); its live values
//! ([`Live`]) follow the state through [`sync`], and one listener per event kind on the
//! section handles every control, by its id.

use crate::browser;
use crate::html::{Attr, Html};
use crate::model::{edited, rule_set, rules, Outcome};
use crate::state::{DataSet, ViewState};
use crate::texts::{rt, RKey};
use crate::viewer::{Load, Viewer};
use leptos::prelude::*;
use per_client::i18n::{fill, use_lang};
use per_domain::Language;
use per_seats::{Rounding, RuleSet, Rules, ThresholdScope};
use per_seats_data::{parse, to_csv, Document, Format};

/// The rules, said in the visitor's language.
pub fn reading(lang: Language, r: &Rules) -> String {
    let scope = match r.scope {
        ThresholdScope::National => RKey::ScopeNational,
        ThresholdScope::Zone => RKey::ScopeZone,
    };
    let threshold = if r.threshold == r.coalition_threshold {
        format!("{}%", r.threshold)
    } else {
        format!("{}% / {}%", r.threshold, r.coalition_threshold)
    };
    let x = format!(
        "{} — {} {threshold} ({}); {}: {}",
        r.set.name(),
        rt(lang, RKey::Threshold).trim_end_matches(" (%)"),
        rt(lang, scope),
        rt(lang, RKey::Rounding),
        rt(lang, rounding_key(r.rounding)),
    );
    fill(&rt(lang, RKey::Reading), None, Some(&x))
}

fn rounding_key(r: Rounding) -> RKey {
    match r {
        Rounding::HalfUp => RKey::RoundHalfUp,
        Rounding::HalfEven => RKey::RoundHalfEven,
        Rounding::None => RKey::RoundNone,
    }
}

/// The controls' values that follow the state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Live {
    /// The data set chosen (its code).
    pub data: &'static str,
    /// The name of the visitor's own file, once opened.
    pub own: Option<String>,
    pub set: &'static str,
    /// The threshold as typed, else the rules'.
    pub threshold: String,
    pub bad_threshold: bool,
    pub rounding: &'static str,
    pub synthetic: bool,
    /// Where the data set comes from.
    pub source: String,
    /// The rules in words.
    pub reading: String,
    /// The link that reproduces the view.
    pub link: String,
}

const THRESHOLD_DESCRIBED: &str = "threshold-hint";
const THRESHOLD_DESCRIBED_BAD: &str = "threshold-hint threshold-error";

fn own_label(lang: Language, own: Option<&str>) -> String {
    let label = rt(lang, RKey::DataSetOwn);
    match own {
        Some(name) => format!("{label} ({name})"),
        None => label,
    }
}

/// A labelled select: `options` as (value, text key), `value` selected.
fn select(
    h: &mut Html,
    lang: Language,
    id: &'static str,
    label: RKey,
    options: &[(&'static str, RKey)],
    value: &str,
    extra: impl FnOnce(&mut Html),
) {
    h.el("div", &[("class", "form-group")], |h| {
        h.text_el(
            "label",
            &[("class", "label"), ("for", id)],
            &rt(lang, label),
        );
        h.el("select", &[("class", "select"), ("id", id)], |h| {
            for (v, key) in options {
                let selected = if *v == value { "selected" } else { "" };
                h.text_el(
                    "option",
                    &[("value", v), ("selected", selected)],
                    &rt(lang, *key),
                );
            }
            extra(h);
        });
    });
}

/// A secondary button.
fn button(h: &mut Html, lang: Language, id: &'static str, key: RKey) {
    h.text_el(
        "button",
        &[
            ("type", "button"),
            ("class", "button button--secondary"),
            ("id", id),
        ],
        &rt(lang, key),
    );
}

/// The controls' markup in `lang`, with the values of `live`.
pub fn form(lang: Language, live: &Live) -> String {
    let mut h = Html::new();
    h.text_el(
        "h2",
        &[("class", "heading-m"), ("id", "rules-heading")],
        &rt(lang, RKey::RulesHeading),
    );
    h.el("div", &[("class", "r-grid")], |h| {
        let sets = [
            ("albania-2017", RKey::DataSet2017),
            ("synthetic-lists", RKey::DataSetSynthetic),
        ];
        select(h, lang, "data-set", RKey::DataSet, &sets, live.data, |h| {
            let selected = if live.data == "own" { "selected" } else { "" };
            h.text_el(
                "option",
                &[
                    ("value", "own"),
                    ("id", "data-own"),
                    ("disabled", "disabled"),
                    ("selected", selected),
                ],
                &own_label(lang, live.own.as_deref()),
            );
        });
        h.el("div", &[("class", "form-group")], |h| {
            h.text_el(
                "label",
                &[("class", "label"), ("for", "own-file")],
                &rt(lang, RKey::OpenFile),
            );
            h.text_el(
                "p",
                &[("class", "hint"), ("id", "own-file-hint")],
                &rt(lang, RKey::OpenFileHint),
            );
            h.empty(
                "input",
                &[
                    ("class", "r-file"),
                    ("type", "file"),
                    ("id", "own-file"),
                    ("aria-describedby", "own-file-hint"),
                    ("accept", ".json,.csv,application/json,text/csv"),
                ],
            );
        });
        let rule_sets = [
            ("al-2024", RKey::RuleAl2024),
            ("al-2008", RKey::RuleAl2008),
            ("dhondt", RKey::RuleDhondt),
        ];
        select(
            h,
            lang,
            "rule-set",
            RKey::RuleSet,
            &rule_sets,
            live.set,
            |_| {},
        );
        let (group, input, invalid, described) = if live.bad_threshold {
            (
                "form-group form-group--error",
                "input input--width-10 input--error",
                "true",
                THRESHOLD_DESCRIBED_BAD,
            )
        } else {
            (
                "form-group",
                "input input--width-10",
                "false",
                THRESHOLD_DESCRIBED,
            )
        };
        h.el("div", &[("class", group), ("id", "threshold-group")], |h| {
            h.text_el(
                "label",
                &[("class", "label"), ("for", "threshold")],
                &rt(lang, RKey::Threshold),
            );
            h.text_el(
                "p",
                &[("class", "hint"), ("id", "threshold-hint")],
                &rt(lang, RKey::ThresholdHint),
            );
            let hidden = if live.bad_threshold { "" } else { "hidden" };
            h.text_el(
                "p",
                &[
                    ("class", "error-message"),
                    ("id", "threshold-error"),
                    ("hidden", hidden),
                ],
                &rt(lang, RKey::ThresholdBad),
            );
            let attrs: [Attr<'_>; 8] = [
                ("class", input),
                ("type", "text"),
                ("inputmode", "decimal"),
                ("id", "threshold"),
                ("aria-invalid", invalid),
                ("aria-describedby", described),
                ("value", &live.threshold),
                ("autocomplete", "off"),
            ];
            h.empty("input", &attrs);
        });
        let roundings = [
            ("half-up", RKey::RoundHalfUp),
            ("half-even", RKey::RoundHalfEven),
            ("none", RKey::RoundNone),
        ];
        select(
            h,
            lang,
            "rounding",
            RKey::Rounding,
            &roundings,
            live.rounding,
            |_| {},
        );
    });
    h.el(
        "p",
        &[
            ("class", "warning r-synthetic"),
            ("id", "synthetic-notice"),
            ("hidden", if live.synthetic { "" } else { "hidden" }),
        ],
        |h| {
            h.text_el("strong", &[], &rt(lang, RKey::SyntheticNotice));
        },
    );
    h.text_el(
        "p",
        &[("class", "r-source"), ("id", "source")],
        &live.source,
    );
    h.text_el(
        "p",
        &[("class", "r-reading"), ("id", "reading")],
        &live.reading,
    );
    h.el("div", &[("class", "r-actions")], |h| {
        button(h, lang, "reset", RKey::Reset);
        button(h, lang, "export-csv", RKey::ExportCsv);
        button(h, lang, "print", RKey::Print);
    });
    h.el("div", &[("class", "form-group r-share")], |h| {
        h.text_el(
            "label",
            &[("class", "label"), ("for", "share-link")],
            &rt(lang, RKey::ShareLink),
        );
        h.text_el(
            "p",
            &[("class", "hint"), ("id", "share-hint")],
            &rt(lang, RKey::ShareHint),
        );
        h.empty(
            "input",
            &[
                ("class", "input r-link"),
                ("type", "text"),
                ("readonly", "readonly"),
                ("id", "share-link"),
                ("aria-describedby", "share-hint"),
                ("value", &live.link),
            ],
        );
    });
    h.finish()
}

/// Brings the rendered form to the values of `live`.
fn sync(lang: Language, live: &Live) {
    use browser::{set_attr, set_text, set_value, show};
    set_value("data-set", live.data);
    set_text("data-own", &own_label(lang, live.own.as_deref()));
    set_value("rule-set", live.set);
    set_value("threshold", &live.threshold);
    set_value("rounding", live.rounding);
    let bad = live.bad_threshold;
    let group = if bad {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    set_attr("threshold-group", "class", Some(group));
    let input = if bad {
        "input input--width-10 input--error"
    } else {
        "input input--width-10"
    };
    set_attr("threshold", "class", Some(input));
    set_attr(
        "threshold",
        "aria-invalid",
        Some(if bad { "true" } else { "false" }),
    );
    let described = if bad {
        THRESHOLD_DESCRIBED_BAD
    } else {
        THRESHOLD_DESCRIBED
    };
    set_attr("threshold", "aria-describedby", Some(described));
    show("threshold-error", bad);
    show("synthetic-notice", live.synthetic);
    set_text("source", &live.source);
    set_text("reading", &live.reading);
    set_value("share-link", &live.link);
}

/// The visitor opened a file: read it, show it (or why it cannot be read).
fn open_file(v: Viewer, own_name: RwSignal<Option<String>>, ev: web_sys::Event) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some((name, text)) = browser::chosen_file(&ev).await else {
            return;
        };
        let format = if name.to_lowercase().ends_with(".csv") {
            Format::Csv
        } else {
            Format::Json
        };
        own_name.set(Some(name));
        v.state.set(ViewState {
            data: DataSet::Own,
            ..ViewState::default()
        });
        v.show(parse(&text, format));
        if v.load.get_untracked() != Load::Ready {
            v.doc.set(None);
            request_animation_frame(|| per_client::dom::focus_id("file-error"));
        }
    });
}

/// Offers the zone tables of what is shown as a CSV file.
fn export(v: Viewer) {
    let Some(doc) = v.doc.get_untracked() else {
        return;
    };
    let csv = v.state.with_untracked(|s| {
        let shown = Document {
            election: edited(&doc, s),
            ..(*doc).clone()
        };
        v.outcome.with_untracked(|o| match o {
            Some(Outcome::Done(a)) => Some(to_csv(&shown, a)),
            _ => None,
        })
    });
    if let Some(csv) = csv {
        let name = format!("seats-{}.csv", v.state.with_untracked(|s| s.data.code()));
        browser::download(&name, "text/csv;charset=utf-8", &csv);
    }
}

#[component]
pub fn Controls() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    let own_name = RwSignal::new(None::<String>);
    let live = move || {
        let lang = lang.get();
        let rules = v.doc.with(|d| {
            d.as_ref()
                .map(|d| v.state.with(|s| (rule_set(d, s), rules(d, s).ok())))
        });
        let (set, rules) = rules.map_or((RuleSet::Al2024, None), |(s, r)| (s, r));
        v.state.with(|s| Live {
            data: s.data.code(),
            own: own_name.get(),
            set: set.name(),
            threshold: s
                .threshold
                .clone()
                .or_else(|| rules.as_ref().map(|r| r.threshold.to_string()))
                .unwrap_or_default(),
            bad_threshold: v.outcome.with(|o| matches!(o, Some(Outcome::BadThreshold))),
            rounding: rules.as_ref().map_or("half-up", |r| r.rounding.name()),
            synthetic: s.data == DataSet::Synthetic,
            source: v
                .doc
                .with(|d| d.as_ref().and_then(|d| d.name.clone()))
                .unwrap_or_default(),
            reading: rules.as_ref().map(|r| reading(lang, r)).unwrap_or_default(),
            link: v.link.get(),
        })
    };
    // Written again only when the language changes; the values follow through `sync`.
    let html = move || {
        let lang = lang.get();
        form(lang, &untrack(live))
    };
    Effect::new(move |_| {
        let now = live();
        sync(lang.get_untracked(), &now);
    });
    let on_change = move |ev: web_sys::Event| match browser::target_id(&ev).as_deref() {
        Some("data-set") => {
            if let Some(d) = DataSet::parse(&browser::target_value(&ev)) {
                if d != DataSet::Own {
                    v.state.set(ViewState {
                        data: d,
                        ..ViewState::default()
                    });
                    v.load_set(d);
                }
            }
        }
        Some("own-file") => open_file(v, own_name, ev),
        Some("rule-set") => {
            let r = RuleSet::parse(&browser::target_value(&ev)).ok();
            v.state.update(|s| {
                s.rules = r;
                s.threshold = None;
                s.rounding = None;
            });
        }
        Some("rounding") => {
            let r = Rounding::parse(&browser::target_value(&ev)).ok();
            v.state.update(|s| s.rounding = r);
        }
        _ => {}
    };
    let on_input = move |ev: web_sys::Event| {
        if browser::target_id(&ev).as_deref() == Some("threshold") {
            let t = browser::target_value(&ev);
            v.state.update(|s| s.threshold = Some(t));
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| match browser::target_id(&ev).as_deref() {
        Some("reset") => {
            v.state.update(ViewState::reset);
            v.resets.update(|n| *n += 1);
        }
        Some("export-csv") => export(v),
        Some("print") => {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
        _ => {}
    };
    view! {
        <section class="r-controls" aria-labelledby="rules-heading"
            on:change=on_change on:input=on_input on:click=on_click inner_html=html>
        </section>
    }
}
