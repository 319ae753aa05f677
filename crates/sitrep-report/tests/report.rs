//! A situation report built from a small hand-written ledger: two outlets
//! report one night's border clash with each side's toll, and one of them
//! an air strike two days later. The Markdown is checked as a snapshot, the
//! HTML for its links, escaping and highlights.

use sitrep_model::{
    Actor, Category, Claim, Claimant, Document, Event, EventType, Evidence, Extraction, Kind, Mode,
    Place, Precision, Qualifier, Stance, Subject, Value,
};
use sitrep_reconcile::Options;
use sitrep_report::{LedgerQuery, build, html, markdown};
use sitrep_store::{SqliteStore, Store};

fn evidence(text: &str, sentence: &str) -> Evidence {
    let start = text.find(sentence).map_or(0, |b| text[..b].chars().count());
    Evidence {
        start,
        end: start + sentence.chars().count(),
        quote: sentence.to_owned(),
    }
}

fn claim(text: &str, sentence: &str, n: u64, words: &str, by: (&str, &str)) -> Claim {
    Claim {
        category: Category::Killed,
        subject: Subject {
            text: "soldiers".into(),
            side: "PAK".parse().ok(),
            kind: Kind::Soldiers,
        },
        value: Value {
            n,
            n_max: None,
            qualifier: Qualifier::Exact,
            text: words.into(),
        },
        stance: Stance::Asserted,
        claimant: Some(Claimant {
            text: by.0.into(),
            side: by.1.parse().ok(),
            anonymous: false,
        }),
        date: "2025-03-08".parse().ok(),
        evidence: evidence(text, sentence),
        confidence: 1.0,
        flags: vec![],
    }
}

fn event(text: &str, sentence: &str, mode: Mode, date: &str, place: Option<Place>) -> Event {
    Event {
        kind: EventType::Assault,
        mode: Some(mode),
        actor1: Some(Actor {
            text: "Freedonian forces".into(),
            sides: vec!["AFG".parse().unwrap()],
        }),
        actor2: Some(Actor {
            text: "Pakistani posts".into(),
            sides: vec!["PAK".parse().unwrap()],
        }),
        places: place.into_iter().collect(),
        date: date.parse().ok(),
        negated: false,
        evidence: evidence(text, sentence),
    }
}

fn kurram() -> Place {
    Place {
        name: "Kurram".into(),
        country: Some("PAK".into()),
        admin1: Some("Khyber Pakhtunkhwa".into()),
        lat: Some(33.73),
        lon: Some(70.15),
        precision: Some(Precision::Place),
    }
}

fn ledger() -> SqliteStore {
    let one = "Border clash in Kurram. The Afghan defence ministry said 40 Pakistani soldiers died \
               in the clash in Kurram on Saturday night. The army <said> 12 soldiers were killed.";
    let two = "Toll disputed. Afghan officials now say 55 Pakistani soldiers were killed in the \
               Kurram clash. Jets struck a depot near Kurram on Monday.";
    let s1 = "The Afghan defence ministry said 40 Pakistani soldiers died in the clash in Kurram on Saturday night.";
    let s2 = "The army <said> 12 soldiers were killed.";
    let s3 = "Afghan officials now say 55 Pakistani soldiers were killed in the Kurram clash.";
    let s4 = "Jets struck a depot near Kurram on Monday.";
    let doc = |id: &str, outlet: &str, day: &str, text: &str| Document {
        id: id.into(),
        url: Some(format!("https://news.example/{id}")),
        outlet: Some(outlet.into()),
        published: day.parse().ok(),
        title: Some(format!("Report {id}")),
        text: text.into(),
    };
    let batch = vec![
        (
            doc("one", "Daily Example", "2025-03-09", one),
            Extraction {
                id: "one".into(),
                published: "2025-03-09".parse().ok(),
                claims: vec![
                    claim(one, s1, 40, "40", ("Afghan defence ministry", "AFG")),
                    claim(one, s2, 12, "12", ("the army", "PAK")),
                ],
                events: vec![event(one, s1, Mode::Ground, "2025-03-08", Some(kurram()))],
            },
        ),
        (
            doc("two", "Evening Example", "2025-03-11", two),
            Extraction {
                id: "two".into(),
                published: "2025-03-11".parse().ok(),
                claims: vec![claim(two, s3, 55, "55", ("Afghan officials", "AFG"))],
                events: vec![
                    event(two, s3, Mode::Ground, "2025-03-08", Some(kurram())),
                    event(two, s4, Mode::Aerial, "2025-03-10", Some(kurram())),
                ],
            },
        ),
    ];
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.ingest(&batch, "test").unwrap();
    store
}

#[test]
fn markdown_report_of_a_disputed_clash() {
    let store = ledger();
    let report = build(
        &store,
        &LedgerQuery::default(),
        &Options::default(),
        "Kurram, March",
    )
    .unwrap();
    assert_eq!(report.figures.len(), 1);
    assert_eq!(report.events.len(), 2);
    insta::assert_snapshot!(markdown(&report));
}

#[test]
fn html_report_links_every_line_to_an_escaped_highlighted_sentence() {
    let store = ledger();
    let report = build(
        &store,
        &LedgerQuery::default(),
        &Options::default(),
        "A <b> report",
    )
    .unwrap();
    let page = html(&report);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<title>A &lt;b&gt; report</title>"));
    // No resource from anywhere else.
    for outside in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!page.contains(outside), "{outside}");
    }
    // Every cited note exists, and the figure is marked in its sentence.
    for note in &report.notes {
        assert!(page.contains(&format!("href=\"#note-{}\"", note.number)));
        assert!(page.contains(&format!("<li id=\"note-{}\">", note.number)));
    }
    assert!(page.contains("The army &lt;said&gt; <mark>12</mark> soldiers were killed."));
    assert!(page.contains("<a href=\"https://news.example/two\">“Report two”</a>"));
}

#[test]
fn filters_narrow_figures_and_events_alike() {
    let store = ledger();
    let query = LedgerQuery {
        since: "2025-03-10".parse().ok(),
        ..LedgerQuery::default()
    };
    let report = build(&store, &query, &Options::default(), "Later").unwrap();
    assert!(report.figures.is_empty());
    assert_eq!(report.events.len(), 1);
    assert!(markdown(&report).contains("filters: since 2025-03-10"));

    let disputed = LedgerQuery {
        min_sides: 2,
        claimant: "PAK".parse().ok(),
        ..LedgerQuery::default()
    };
    let figures = sitrep_report::contested(&store, &disputed, &Options::default()).unwrap();
    assert_eq!(figures.len(), 1);
    assert_eq!(
        figures[0].figures.len(),
        2,
        "the other side's figure stays beside"
    );
    let nobody = LedgerQuery {
        claimant: "IND".parse().ok(),
        ..LedgerQuery::default()
    };
    assert!(
        sitrep_report::contested(&store, &nobody, &Options::default())
            .unwrap()
            .is_empty()
    );
}
