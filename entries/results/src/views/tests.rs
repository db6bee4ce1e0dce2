//! The views' markup, written natively from the real data sets: what the browser tests
//! read (ids, rows, seats) is there, and a visitor's own names cannot become markup.

use crate::model::{compute, Outcome};
use crate::state::ViewState;
use per_domain::Language;
use per_seats::Allocation;
use per_seats_data::{parse, Document, Format};

fn doc(text: &str) -> Document {
    parse(text, Format::Json).unwrap()
}

fn allocation(doc: &Document) -> Allocation {
    match compute(doc, &ViewState::default()) {
        Outcome::Done(a) => *a,
        other => panic!("not allocated: {other:?}"),
    }
}

#[test]
fn the_national_table_and_chart_show_the_2017_seats() {
    let d = doc(include_str!("../../data/albania-2017.json"));
    let a = allocation(&d);
    let table = super::national::table(Language::Sq, &d, &a);
    assert!(
        table.contains("<tr data-subject=\"PS\"><th scope=\"row\">"),
        "{table}"
    );
    assert!(
        table.contains("<td class=\"r-num r-seats\">74</td>"),
        "{table}"
    );
    assert!(table.contains("id=\"official-match\""), "{table}");
    let chart = super::national::chart(Language::En, &a);
    assert_eq!(chart.matches("<circle ").count(), 140);
    assert!(chart.contains("aria-label=\"") && chart.ends_with("</svg>"));
}

#[test]
fn the_zone_view_lists_every_seat_and_the_editor_every_subject() {
    let d = doc(include_str!("../../data/albania-2017.json"));
    let a = allocation(&d);
    let z = &a.zones[0];
    let body = super::zone::body(Language::Sq, &d, &a, 0, None).unwrap();
    let seats = body.split("id=\"zone-seats\"").nth(1).unwrap();
    let seats = seats.split("<tbody>").nth(1).unwrap();
    let seats = seats.split("</tbody>").next().unwrap();
    assert_eq!(seats.matches("<tr>").count(), z.seats as usize);
    assert!(body.contains("id=\"last-won\"") && body.contains("id=\"first-missed\""));
    assert_eq!(super::zone::body(Language::Sq, &d, &a, 99, None), None);
    let editor = super::whatif::editor(Language::It, &d, 0, &ViewState::default());
    let subjects = d.election.zones[0].votes.len() + d.election.zones[0].independents.len();
    assert_eq!(editor.matches("<input ").count(), subjects);
    assert!(editor.contains("id=\"votes-0\"") && editor.contains("id=\"votes-0-error\" hidden="));
}

#[test]
fn the_zone_view_gives_every_seat_its_sensitivity() {
    let d = doc(include_str!("../../data/albania-2017.json"));
    let a = allocation(&d);
    let zi = a.zones.iter().position(|z| z.name == "Vlorë").unwrap();
    let body = super::zone::body(Language::Sq, &d, &a, zi, None).unwrap();
    let seats = body.split("id=\"zone-seats\"").nth(1).unwrap();
    let seats = seats.split("</tbody>").next().unwrap();
    assert!(seats.contains("<th scope=\"col\" class=\"r-num\">Votat që ia marrin</th>"));
    // Every seat has its figure; PD's third (the 12th place) is the nearest to changing
    // hands: 985 votes moved to the PS (as `per-seats --explain` says).
    let figures =
        seats.matches(" vota kalojnë te ").count() + seats.matches(" vota më shumë për ").count();
    assert_eq!(figures, 12);
    let rows: Vec<&str> = seats.split("<tr>").skip(2).collect();
    assert!(
        rows[11].contains("PD") && rows[11].contains("985 vota kalojnë te PS"),
        "{}",
        rows[11]
    );
    assert!(body.contains("class=\"hint\""));
}

#[test]
fn candidate_lists_show_the_elected_and_the_gender_moves() {
    let d = doc(include_str!("../../data/synthetic-lists.json"));
    let a = allocation(&d);
    let z = a.zones.iter().find(|z| !z.lists.is_empty()).unwrap();
    let html = super::candidates::lists(Language::En, &a, z);
    assert_eq!(html.matches("class=\"r-list\"").count(), z.lists.len());
    assert!(html.contains("r-elected-list"));
}

#[test]
fn names_from_a_visitors_file_are_text_not_markup() {
    let text = r#"{"house_size": 2, "zones": [{"name": "<img src=x onerror=alert(1)>", "seats": 2,
        "votes": {"<script>alert(1)</script>": 100, "B&B": 50}}]}"#;
    let d = doc(text);
    let a = allocation(&d);
    let all = [
        super::national::table(Language::En, &d, &a),
        super::zone::body(Language::En, &d, &a, 0, None).unwrap(),
        super::zone::picker(Language::En, &d, "zone-select", 0),
        super::whatif::editor(Language::En, &d, 0, &ViewState::default()),
    ]
    .concat();
    assert!(!all.contains("<script") && !all.contains("<img"), "{all}");
    assert!(all.contains("&lt;script&gt;") && all.contains("B&amp;B"));
}
