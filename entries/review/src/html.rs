//! The console's read-only parts (the queue's table, a request's face verdict, registry
//! comparison, answers, duplicates and history) as escaped HTML, set as `inner_html`: a
//! Leptos view tree of the same tables cost more of the bundle than its budget allows (as
//! in the results viewer). Element and attribute names are the code's own; every value and
//! text goes through [`esc`]. Links within the console are followed by `per_client::nav`'s
//! one document listener.

use crate::texts::{field_label, flag_key, reason_key, result_key, rt, status_key, RKey};
use crate::wire::{FaceCheck, FieldCheck, MatchResult, QueueItem, RequestDetail};
use per_client::i18n::{fill, fill_named};
use per_domain::entry::review_request_path;
use per_domain::{Field, Language};

/// `s` with `& < > " '` escaped, for text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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

/// "due in N days", "due today" or "overdue" (`days`: whole days left, rounded up).
pub fn clock(lang: Language, overdue: bool, days: Option<i64>) -> (bool, String) {
    match days {
        _ if overdue => (true, rt(lang, RKey::Overdue)),
        Some(d) if d <= 0 => (true, rt(lang, RKey::Overdue)),
        Some(1) | None => (false, rt(lang, RKey::DueToday)),
        Some(d) => (
            false,
            fill(
                &rt(lang, RKey::DueIn),
                Some(u32::try_from(d).unwrap_or(u32::MAX)),
                None,
            ),
        ),
    }
}

fn head(out: &mut String, lang: Language, cols: &[RKey]) {
    out.push_str("<thead><tr>");
    for c in cols {
        out.push_str("<th scope=\"col\">");
        out.push_str(&esc(&rt(lang, *c)));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>");
}

/// The queue's table; `days` gives each item's whole days left.
pub fn queue_table(
    lang: Language,
    items: &[QueueItem],
    days: impl Fn(&str) -> Option<i64>,
) -> String {
    let mut o = String::from("<table class=\"review-table\" id=\"queue\">");
    head(
        &mut o,
        lang,
        &[
            RKey::ColReference,
            RKey::ColStatus,
            RKey::ColSubmitted,
            RKey::ColDue,
            RKey::ColZone,
            RKey::ColCountry,
            RKey::ColFlags,
            RKey::ColAssigned,
        ],
    );
    o.push_str("<tbody>");
    for item in items {
        let reference = esc(&item.reference);
        let (late, due) = clock(lang, item.overdue, days(&item.due_at));
        let flags: String = item
            .flags
            .iter()
            .map(|f| {
                [
                    "<span class=\"tag review-flag\" data-flag=\"",
                    f.code(),
                    "\">",
                    &esc(&rt(lang, flag_key(*f))),
                    "</span> ",
                ]
                .concat()
            })
            .collect();
        let zone = item.zone.map_or_else(|| "—".to_owned(), |z| z.to_string());
        let who = item
            .assigned_to
            .clone()
            .unwrap_or_else(|| rt(lang, RKey::Nobody));
        o.push_str(
            &[
                "<tr data-reference=\"",
                &reference,
                "\"><th scope=\"row\"><a class=\"review-ref\" href=\"",
                &esc(&review_request_path(&item.reference)),
                "\">",
                &reference,
                "</a></th>",
                "<td><span class=\"tag tag--",
                item.status.code(),
                "\">",
                &esc(&rt(lang, status_key(item.status))),
                "</span></td><td>",
                &esc(&when(&item.submitted_at)),
                "</td><td class=\"",
                if late {
                    "review-due review-due--late"
                } else {
                    "review-due"
                },
                "\">",
                &esc(&due),
                "</td><td>",
                &zone,
                "</td><td>",
                &esc(&item.country),
                "</td><td>",
                &flags,
                "</td><td>",
                &esc(&who),
                "</td></tr>",
            ]
            .concat(),
        );
    }
    o.push_str("</tbody></table>");
    o
}

/// The face frame and the server's liveness verdict with its reasons.
pub fn face(lang: Language, f: &FaceCheck, image_url: &str) -> String {
    let mut o = String::new();
    if f.frame.is_some() {
        o.push_str(
            &[
                "<img class=\"review-face\" id=\"face-frame\" src=\"",
                &esc(image_url),
                "\" alt=\"",
                &esc(&rt(lang, RKey::FaceFrameAlt)),
                "\">",
            ]
            .concat(),
        );
    }
    let route = if f.route == "assisted" {
        RKey::FaceRouteAssisted
    } else {
        RKey::FaceRouteLive
    };
    let (mark, verdict) = match f.passed {
        Some(true) => ("✓ ", RKey::FacePassed),
        Some(false) => ("✗ ", RKey::FaceFailed),
        None => ("", RKey::FaceNoVerdict),
    };
    o.push_str(
        &[
            "<p id=\"face-route\">",
            &esc(&rt(lang, route)),
            "</p><p id=\"face-verdict\">",
            mark,
            &esc(&rt(lang, verdict)),
            "</p>",
        ]
        .concat(),
    );
    if !f.reasons.is_empty() {
        o.push_str(
            &[
                "<p>",
                &esc(&rt(lang, RKey::FaceReasons)),
                "</p><ul class=\"list list--bullet\" id=\"face-reasons\">",
            ]
            .concat(),
        );
        for r in &f.reasons {
            o.push_str(&["<li><code>", &esc(r), "</code></li>"].concat());
        }
        o.push_str("</ul>");
    }
    o
}

fn section(o: &mut String, lang: Language, id: &str, title: RKey) {
    o.push_str(
        &[
            "<section aria-labelledby=\"",
            id,
            "-title\"><h2 class=\"heading-m\" id=\"",
            id,
            "-title\">",
            &esc(&rt(lang, title)),
            "</h2>",
        ]
        .concat(),
    );
}

/// The entered data next to the registry's: a mismatch says so in words and a symbol
/// (and a shaded row), never by colour alone.
pub fn registry(lang: Language, checks: &[FieldCheck]) -> String {
    let mut o = String::new();
    section(&mut o, lang, "data", RKey::DataTitle);
    o.push_str("<div class=\"review-table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"data-title\"><table class=\"review-table\" id=\"registry\">");
    head(
        &mut o,
        lang,
        &[
            RKey::ColField,
            RKey::ColEntered,
            RKey::ColRegistry,
            RKey::ColResult,
        ],
    );
    o.push_str("<tbody>");
    for c in checks {
        let bad = c.result != MatchResult::Match;
        let result = esc(&rt(lang, result_key(c.result)));
        let result_code = match c.result {
            MatchResult::Match => "match",
            MatchResult::Mismatch => "mismatch",
            MatchResult::NotFound => "not_found",
        };
        o.push_str(
            &[
                "<tr class=\"",
                if bad { "review-mismatch" } else { "" },
                "\" data-field=\"",
                c.field.code(),
                "\" data-result=\"",
                result_code,
                "\"><th scope=\"row\">",
                &esc(&field_label(lang, c.field)),
                "</th><td>",
                &esc(&c.entered),
                "</td><td>",
                &esc(c.registry.as_deref().unwrap_or("—")),
                "</td><td>",
                if bad { "<strong>" } else { "" },
                &result,
                if bad { "</strong>" } else { "" },
                "</td></tr>",
            ]
            .concat(),
        );
    }
    o.push_str("</tbody></table></div></section>");
    o
}

fn answers(o: &mut String, lang: Language, id: &str, title: RKey, rows: &[(Field, String)]) {
    section(o, lang, id, title);
    o.push_str(&["<dl class=\"summary-list\" id=\"", id, "\">"].concat());
    for (f, v) in rows {
        o.push_str(
            &[
                "<div class=\"summary-list__row\" data-field=\"",
                f.code(),
                "\"><dt>",
                &esc(&field_label(lang, *f)),
                "</dt><dd>",
                &esc(v),
                "</dd></div>",
            ]
            .concat(),
        );
    }
    o.push_str("</dl></section>");
}

/// The answers, the duplicates (links to their requests) and the history.
pub fn details(lang: Language, d: &RequestDetail) -> String {
    let mut o = registry(lang, &d.registry);
    answers(&mut o, lang, "identity", RKey::IdentityTitle, &d.identity);
    answers(&mut o, lang, "address", RKey::AddressTitle, &d.address);
    section(&mut o, lang, "duplicates", RKey::DuplicatesTitle);
    if d.duplicates.is_empty() {
        o.push_str(&["<p>", &esc(&rt(lang, RKey::NoDuplicates)), "</p>"].concat());
    } else {
        o.push_str("<ul class=\"list\" id=\"duplicates\">");
        for r in &d.duplicates {
            o.push_str(
                &[
                    "<li><a href=\"",
                    &esc(&review_request_path(r)),
                    "\">",
                    &esc(r),
                    "</a></li>",
                ]
                .concat(),
            );
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>");
    section(&mut o, lang, "history", RKey::HistoryTitle);
    if d.history.is_empty() {
        o.push_str(&["<p>", &esc(&rt(lang, RKey::NoHistory)), "</p>"].concat());
    } else {
        o.push_str("<ol class=\"list\" id=\"history\">");
        for h in &d.history {
            let line = fill_named(
                &rt(lang, RKey::HistoryLine),
                &[("a", &when(&h.at)), ("b", &h.by)],
            );
            let reasons: Vec<String> = h.reasons.iter().map(|r| rt(lang, reason_key(*r))).collect();
            o.push_str(
                &[
                    "<li data-decision=\"",
                    &esc(&h.decision),
                    "\"><strong>",
                    &esc(&h.decision),
                    "</strong> — ",
                    &esc(&line),
                ]
                .concat(),
            );
            if !reasons.is_empty() {
                o.push_str(&["<br>", &esc(&reasons.join("; "))].concat());
            }
            if !h.note.is_empty() {
                o.push_str(&["<br><q>", &esc(&h.note), "</q>"].concat());
            }
            o.push_str("</li>");
        }
        o.push_str("</ol>");
    }
    o.push_str("</section>");
    o
}

/// The fields of the decision form (`prefix` "decision") or of the supervisor's reverse
/// form ("reverse"): the decision as radios, the reasons as checkboxes (for a rejection or
/// a correction), the note. Read back on submit by their ids ([`crate::dom_value`]).
pub fn decision_fields(lang: Language, prefix: &str, reverse: bool) -> String {
    use crate::wire::DecisionKind;
    use per_domain::RejectionReason;
    let title = if reverse {
        RKey::ReverseTitle
    } else {
        RKey::DecisionTitle
    };
    let hint = if reverse {
        RKey::ReverseNoteHint
    } else {
        RKey::NoteHint
    };
    let mut o = [
        "<fieldset class=\"fieldset\"><legend class=\"fieldset__legend\">",
        &esc(&rt(lang, title)),
        "</legend>",
    ]
    .concat();
    for k in DecisionKind::ALL {
        let key = match k {
            DecisionKind::Approve => RKey::DecisionApprove,
            DecisionKind::Reject => RKey::DecisionReject,
            DecisionKind::RequestCorrection => RKey::DecisionCorrection,
        };
        let id = [prefix, "-", &k.code().replace('_', "-")].concat();
        o.push_str(
            &[
                "<div class=\"radios__item\"><input class=\"radios__input\" type=\"radio\" name=\"",
                prefix,
                "\" id=\"",
                &id,
                "\" value=\"",
                k.code(),
                "\"><label class=\"label radios__label\" for=\"",
                &id,
                "\">",
                &esc(&rt(lang, key)),
                "</label></div>",
            ]
            .concat(),
        );
    }
    o.push_str(
        &[
            "</fieldset><fieldset class=\"fieldset\" id=\"",
            prefix,
            "-reasons\"><legend class=\"fieldset__legend\">",
            &esc(&rt(lang, RKey::ReasonsLegend)),
            "</legend>",
        ]
        .concat(),
    );
    for r in RejectionReason::ALL {
        let id = [prefix, "-reason-", &r.code().replace('_', "-")].concat();
        o.push_str(
            &[
                "<div class=\"review-check\"><input type=\"checkbox\" id=\"",
                &id,
                "\" value=\"",
                r.code(),
                "\"><label for=\"",
                &id,
                "\">",
                &esc(&rt(lang, reason_key(r))),
                "</label></div>",
            ]
            .concat(),
        );
    }
    o.push_str(
        &[
            "</fieldset><div class=\"form-group\"><label class=\"label\" for=\"",
            prefix,
            "-note\">",
            &esc(&rt(lang, RKey::NoteLabel)),
            "</label><div class=\"hint\" id=\"",
            prefix,
            "-note-hint\">",
            &esc(&rt(lang, hint)),
            "</div><textarea class=\"input review-note\" id=\"",
            prefix,
            "-note\" rows=\"4\" aria-describedby=\"",
            prefix,
            "-note-hint\"></textarea></div>",
        ]
        .concat(),
    );
    o
}

fn group(o: &mut String, id: &str, label: &str, control: &str) {
    o.push_str(
        &[
            "<div class=\"form-group\"><label class=\"label\" for=\"",
            id,
            "\">",
            &esc(label),
            "</label>",
            control,
            "</div>",
        ]
        .concat(),
    );
}

fn select(id: &str, any: &str, options: &[(String, String)], chosen: &str) -> String {
    let mut o = [
        "<select class=\"select\" id=\"",
        id,
        "\"><option value=\"\">",
        &esc(any),
        "</option>",
    ]
    .concat();
    for (value, text) in options {
        let sel = if value == chosen {
            "\" selected>"
        } else {
            "\">"
        };
        o.push_str(
            &[
                "<option value=\"",
                &esc(value),
                sel,
                &esc(text),
                "</option>",
            ]
            .concat(),
        );
    }
    o.push_str("</select>");
    o
}

fn input(id: &str, extra: &str, value: &str) -> String {
    [
        "<input class=\"input input--width-10\" id=\"",
        id,
        "\" ",
        extra,
        " value=\"",
        &esc(value),
        "\">",
    ]
    .concat()
}

/// The queue's filter fields, showing `q`; read back on submit by their ids.
pub fn filter_fields(lang: Language, q: &crate::wire::QueueQuery) -> String {
    use crate::wire::QueueFlag;
    use per_domain::RequestStatus;
    let any = rt(lang, RKey::Any);
    let mut o = String::from("<div class=\"review-filters__row\">");
    let statuses: Vec<(String, String)> = RequestStatus::ALL
        .iter()
        .map(|s| (s.code().to_owned(), rt(lang, status_key(*s))))
        .collect();
    group(
        &mut o,
        "filter-status",
        &rt(lang, RKey::FilterStatus),
        &select(
            "filter-status",
            &any,
            &statuses,
            q.status.map_or("", |s| s.code()),
        ),
    );
    let zones: Vec<(String, String)> = (1..=12u8).map(|z| (z.to_string(), z.to_string())).collect();
    group(
        &mut o,
        "filter-zone",
        &rt(lang, RKey::FilterZone),
        &select(
            "filter-zone",
            &any,
            &zones,
            &q.zone.map(|z| z.to_string()).unwrap_or_default(),
        ),
    );
    group(
        &mut o,
        "filter-country",
        &rt(lang, RKey::FilterCountry),
        &input(
            "filter-country",
            "maxlength=\"2\" autocomplete=\"off\"",
            q.country.as_deref().unwrap_or(""),
        ),
    );
    let flags: Vec<(String, String)> = QueueFlag::ALL
        .iter()
        .map(|f| (f.code().to_owned(), rt(lang, flag_key(*f))))
        .collect();
    group(
        &mut o,
        "filter-flag",
        &rt(lang, RKey::FilterFlag),
        &select("filter-flag", &any, &flags, q.flag.map_or("", |f| f.code())),
    );
    group(
        &mut o,
        "filter-min-age",
        &rt(lang, RKey::FilterMinAge),
        &input(
            "filter-min-age",
            "type=\"number\" min=\"0\" inputmode=\"numeric\"",
            &q.min_age_days.map(|d| d.to_string()).unwrap_or_default(),
        ),
    );
    o.push_str("</div>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_is_escaped() {
        assert_eq!(
            esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        let checks = [FieldCheck {
            field: Field::Surname,
            entered: "<script>".into(),
            registry: Some("Çela".into()),
            result: MatchResult::Mismatch,
        }];
        let html = registry(Language::Sq, &checks);
        assert!(!html.contains("<script>"));
        assert!(html.contains("review-mismatch") && html.contains("✗"));
        assert_eq!(when("2026-11-21T10:05:00Z"), "21.11.2026 10:05");
        assert!(clock(Language::Sq, true, Some(3)).0);
        assert!(!clock(Language::Sq, false, Some(3)).0);
    }
}
