//! The controls: data set (served, or the visitor's own file), rule set, threshold, rounding,
//! reset, the link that reproduces the view, CSV export and print.

use crate::browser;
use crate::model::{edited, rule_set, rules, Outcome};
use crate::state::{DataSet, ViewState};
use crate::texts::{rt, rtr, RKey};
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

#[component]
pub fn Controls() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = use_lang();
    let own_name = RwSignal::new(None::<String>);
    let data_value = move || v.state.with(|s| s.data.code());
    let on_data = move |ev| {
        if let Some(d) = DataSet::parse(&event_target_value(&ev)) {
            if d != DataSet::Own {
                v.state.set(ViewState {
                    data: d,
                    ..ViewState::default()
                });
                v.load_set(d);
            }
        }
    };
    let on_file = move |ev: web_sys::Event| {
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
    };
    let current_rules = move || {
        v.doc.with(|d| {
            d.as_ref()
                .map(|d| v.state.with(|s| (rule_set(d, s), rules(d, s).ok())))
        })
    };
    let set_value = move || current_rules().map_or("al-2024", |(s, _)| s.name());
    let on_set = move |ev| {
        let r = RuleSet::parse(&event_target_value(&ev)).ok();
        v.state.update(|s| {
            s.rules = r;
            s.threshold = None;
            s.rounding = None;
        });
    };
    let threshold_value = move || {
        v.state
            .with(|s| s.threshold.clone())
            .or_else(|| current_rules().and_then(|(_, r)| r.map(|r| r.threshold.to_string())))
            .unwrap_or_default()
    };
    let on_threshold = move |ev| {
        let t = event_target_value(&ev);
        v.state.update(|s| s.threshold = Some(t));
    };
    let bad_threshold = move || v.outcome.with(|o| matches!(o, Some(Outcome::BadThreshold)));
    let rounding_value = move || {
        current_rules()
            .and_then(|(_, r)| r)
            .map_or("half-up", |r| r.rounding.name())
    };
    let on_rounding = move |ev| {
        let r = Rounding::parse(&event_target_value(&ev)).ok();
        v.state.update(|s| s.rounding = r);
    };
    let reading_text = move || {
        current_rules()
            .and_then(|(_, r)| r)
            .map(|r| reading(lang.get(), &r))
    };
    let reset = move |_| v.state.update(ViewState::reset);
    let export = move |_| {
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
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let synthetic = move || v.state.with(|s| s.data == DataSet::Synthetic);
    let source = move || {
        v.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.name.clone())
                .map(|n| view! { <p class="r-source">{n}</p> })
        })
    };
    let option = |value: &'static str, key: RKey| view! { <option value=value>{rtr(key)}</option> };
    view! {
        <section class="r-controls" aria-labelledby="rules-heading">
            <h2 class="heading-m" id="rules-heading">{rtr(RKey::RulesHeading)}</h2>
            <div class="r-grid">
                <div class="form-group">
                    <label class="label" for="data-set">{rtr(RKey::DataSet)}</label>
                    <select class="select" id="data-set" on:change=on_data prop:value=data_value>
                        {option("albania-2017", RKey::DataSet2017)}
                        {option("synthetic-lists", RKey::DataSetSynthetic)}
                        <option value="own" disabled=true>
                            {move || own_name.get().map_or_else(|| rt(lang.get(), RKey::DataSetOwn), |n| format!("{} ({n})", rt(lang.get(), RKey::DataSetOwn)))}
                        </option>
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="own-file">{rtr(RKey::OpenFile)}</label>
                    <p class="hint" id="own-file-hint">{rtr(RKey::OpenFileHint)}</p>
                    <input class="r-file" type="file" id="own-file" aria-describedby="own-file-hint"
                        accept=".json,.csv,application/json,text/csv" on:change=on_file/>
                </div>
                <div class="form-group">
                    <label class="label" for="rule-set">{rtr(RKey::RuleSet)}</label>
                    <select class="select" id="rule-set" on:change=on_set prop:value=set_value>
                        {option("al-2024", RKey::RuleAl2024)}
                        {option("al-2008", RKey::RuleAl2008)}
                        {option("dhondt", RKey::RuleDhondt)}
                    </select>
                </div>
                <div class="form-group" class:form-group--error=bad_threshold>
                    <label class="label" for="threshold">{rtr(RKey::Threshold)}</label>
                    <p class="hint" id="threshold-hint">{rtr(RKey::ThresholdHint)}</p>
                    <Show when=bad_threshold>
                        <p class="error-message" id="threshold-error">{rtr(RKey::ThresholdBad)}</p>
                    </Show>
                    <input class="input input--width-10" type="text" inputmode="decimal" id="threshold"
                        class:input--error=bad_threshold
                        aria-invalid=move || bad_threshold().to_string()
                        aria-describedby=move || if bad_threshold() { "threshold-hint threshold-error" } else { "threshold-hint" }
                        prop:value=threshold_value on:input=on_threshold/>
                </div>
                <div class="form-group">
                    <label class="label" for="rounding">{rtr(RKey::Rounding)}</label>
                    <select class="select" id="rounding" on:change=on_rounding prop:value=rounding_value>
                        {option("half-up", RKey::RoundHalfUp)}
                        {option("half-even", RKey::RoundHalfEven)}
                        {option("none", RKey::RoundNone)}
                    </select>
                </div>
            </div>
            <Show when=synthetic>
                <p class="warning r-synthetic" id="synthetic-notice"><strong>{rtr(RKey::SyntheticNotice)}</strong></p>
            </Show>
            {source}
            <p class="r-reading" id="reading">{reading_text}</p>
            <div class="r-actions">
                <button type="button" class="button button--secondary" id="reset" on:click=reset>{rtr(RKey::Reset)}</button>
                <button type="button" class="button button--secondary" id="export-csv" on:click=export>{rtr(RKey::ExportCsv)}</button>
                <button type="button" class="button button--secondary" id="print" on:click=print>{rtr(RKey::Print)}</button>
            </div>
            <div class="form-group r-share">
                <label class="label" for="share-link">{rtr(RKey::ShareLink)}</label>
                <p class="hint" id="share-hint">{rtr(RKey::ShareHint)}</p>
                <input class="input r-link" type="text" readonly=true id="share-link" aria-describedby="share-hint"
                    prop:value=move || v.link.get()/>
            </div>
        </section>
    }
}
