//! Shared test material: a small project-written corpus, builders, a
//! temporary directory, and a whole-store snapshot.
//!
//! The snapshot destructures every stored type exhaustively, so adding a
//! field to a model or store type breaks the build here until the snapshot
//! prints it: no field can be forgotten by the round-trip tests.

#![allow(dead_code, reason = "each test binary uses part of this module")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::Date;
use sitrep_model::{
    Actor, Category, Claim, Claimant, Document, Event, EventType, Evidence, Extraction, Flag, Kind,
    Mode, PartialDate, Place, Precision, Qualifier, Side, Stance, Subject, Value,
};
use sitrep_store::{ClaimFilter, EventFilter, Stats, Store, StoredClaim, StoredEvent};

/// A directory under the system temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "sitrep-store-test-{}-{name}-{n}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn side(code: &str) -> Side {
    Side::new(code).unwrap()
}

pub fn day(text: &str) -> Date {
    text.parse().unwrap()
}

pub fn date(text: &str) -> PartialDate {
    text.parse().unwrap()
}

/// Evidence for the sentence of `text` that starts with `sentence`,
/// with offsets in code points.
pub fn evidence(text: &str, sentence: &str) -> Evidence {
    let byte = text.find(sentence).unwrap();
    let start = text[..byte].chars().count();
    Evidence {
        start,
        end: start + sentence.chars().count(),
        quote: sentence.to_string(),
    }
}

pub fn doc(id: &str, outlet: Option<&str>, published: Option<&str>, text: &str) -> Document {
    Document {
        id: id.to_string(),
        url: Some(format!("https://news.example/{id}")),
        outlet: outlet.map(str::to_string),
        published: published.map(day),
        title: Some(format!("Report {id}")),
        text: text.to_string(),
    }
}

#[allow(
    clippy::too_many_arguments,
    reason = "a test builder mirroring the claim's fields"
)]
pub fn claim(
    category: Category,
    subject: (&str, Option<&str>, Kind),
    value: (u64, Option<u64>, Qualifier, &str),
    stance: Stance,
    claimant: Option<(&str, Option<&str>, bool)>,
    date_text: Option<&str>,
    evidence: Evidence,
    flags: Vec<Flag>,
) -> Claim {
    Claim {
        category,
        subject: Subject {
            text: subject.0.to_string(),
            side: subject.1.map(side),
            kind: subject.2,
        },
        value: Value {
            n: value.0,
            n_max: value.1,
            qualifier: value.2,
            text: value.3.to_string(),
        },
        stance,
        claimant: claimant.map(|(text, code, anonymous)| Claimant {
            text: text.to_string(),
            side: code.map(side),
            anonymous,
        }),
        date: date_text.map(date),
        evidence,
        confidence: 0.75,
        flags,
    }
}

pub fn actor(text: &str, sides: &[&str]) -> Option<Actor> {
    Some(Actor {
        text: text.to_string(),
        sides: sides.iter().map(|code| side(code)).collect(),
    })
}

pub fn place(
    name: &str,
    country: Option<&str>,
    admin1: Option<&str>,
    coords: Option<(f64, f64)>,
    precision: Option<Precision>,
) -> Place {
    Place {
        name: name.to_string(),
        country: country.map(str::to_string),
        admin1: admin1.map(str::to_string),
        lat: coords.map(|c| c.0),
        lon: coords.map(|c| c.1),
        precision,
    }
}

pub fn extraction(doc: &Document, claims: Vec<Claim>, events: Vec<Event>) -> Extraction {
    Extraction {
        id: doc.id.clone(),
        published: doc.published,
        claims,
        events,
    }
}

const D1: &str = "The Northmark defence ministry said on Sunday that 12 Southmark \
    soldiers were killed near Redford. Southmark denied that any of its soldiers were captured.";
const D2: &str = "Aid workers said at least 300 families fled the camp in March. \
    Officials said between 4 and 6 police officers were injured. No curfew was imposed.";
const D3: &str = "Rebels claimed to have downed two Northmark drones last year over \
    Upper Vale, where both armies patrol.";
const D4: &str = "A hospital official said 3 people died.";

/// Four documents written for these tests, with hand-made extractions:
/// every kind of date (day, month, year, none with and without a
/// publication day), claimants named, anonymous and absent, ranges, denials,
/// flags, events with and without actors, places and coordinates.
pub fn corpus() -> Vec<(Document, Extraction)> {
    let d1 = doc("d1", Some("Valley Herald"), Some("2025-03-10"), D1);
    let d1_claims = vec![
        claim(
            Category::Killed,
            ("Southmark soldiers", Some("STH"), Kind::Soldiers),
            (12, None, Qualifier::Exact, "12"),
            Stance::Asserted,
            Some(("The Northmark defence ministry", Some("NTH"), false)),
            Some("2025-03-09"),
            evidence(D1, "The Northmark defence ministry said"),
            vec![],
        ),
        claim(
            Category::Captured,
            ("its soldiers", Some("STH"), Kind::Soldiers),
            (0, None, Qualifier::Exact, "any"),
            Stance::Denied,
            Some(("Southmark", Some("STH"), false)),
            None,
            evidence(D1, "Southmark denied"),
            vec![Flag::SideFromPossessive],
        ),
    ];
    let d1_events = vec![Event {
        kind: EventType::Assault,
        mode: Some(Mode::Ground),
        actor1: actor("Northmark", &["NTH"]),
        actor2: actor("Southmark soldiers", &["STH"]),
        places: vec![place(
            "Redford",
            Some("STH"),
            Some("Lower Vale"),
            Some((34.125, 70.5)),
            Some(Precision::Place),
        )],
        date: Some(date("2025-03-09")),
        negated: false,
        evidence: evidence(D1, "The Northmark defence ministry said"),
    }];

    let d2 = doc("d2", Some("Coast Daily"), Some("2025-04-02"), D2);
    let mut d2_injured = claim(
        Category::Injured,
        ("police officers", Some("STH"), Kind::Police),
        (4, Some(6), Qualifier::Range, "between 4 and 6"),
        Stance::Asserted,
        Some(("Officials", Some("STH"), true)),
        None,
        evidence(D2, "Officials said"),
        vec![Flag::ClaimantSideFromContext, Flag::DateFromContext],
    );
    d2_injured.confidence = 0.6;
    let d2_claims = vec![
        claim(
            Category::Displaced,
            ("families", None, Kind::People),
            (300, None, Qualifier::AtLeast, "at least 300"),
            Stance::Asserted,
            Some(("Aid workers", None, true)),
            Some("2025-03"),
            evidence(D2, "Aid workers said"),
            vec![],
        ),
        d2_injured,
    ];
    let d2_events = vec![
        Event {
            kind: EventType::Aid,
            mode: None,
            actor1: actor("Aid workers", &["UN"]),
            actor2: None,
            places: vec![place(
                "Camp Seven",
                Some("STH"),
                None,
                None,
                Some(Precision::Place),
            )],
            date: Some(date("2025-03")),
            negated: false,
            evidence: evidence(D2, "Aid workers said"),
        },
        Event {
            kind: EventType::Coerce,
            mode: None,
            actor1: None,
            actor2: None,
            places: vec![],
            date: None,
            negated: true,
            evidence: evidence(D2, "No curfew"),
        },
    ];

    let d3 = doc("d3", None, None, D3);
    let mut d3_claim = claim(
        Category::Downed,
        ("Northmark drones", Some("NTH"), Kind::Drones),
        (2, None, Qualifier::Exact, "two"),
        Stance::Asserted,
        Some(("Rebels", Some("REB"), false)),
        Some("2024"),
        evidence(D3, "Rebels claimed"),
        vec![],
    );
    d3_claim.confidence = 1.0;
    let d3_events = vec![Event {
        kind: EventType::Assault,
        mode: Some(Mode::Aerial),
        actor1: actor("Rebels", &["REB"]),
        actor2: actor("both armies", &["NTH", "STH"]),
        places: vec![
            place(
                "Upper Vale",
                Some("NTH"),
                Some("Upper Vale"),
                Some((35.0, -0.5)),
                Some(Precision::Admin1),
            ),
            place("Northmark", Some("NTH"), None, None, None),
        ],
        date: Some(date("2024")),
        negated: false,
        evidence: evidence(D3, "Rebels claimed"),
    }];

    let d4 = Document {
        url: None,
        title: None,
        ..doc("d4", None, None, D4)
    };
    let d4_claims = vec![claim(
        Category::Killed,
        ("people", None, Kind::People),
        (3, None, Qualifier::Exact, "3"),
        Stance::Asserted,
        Some(("A hospital official", None, true)),
        None,
        evidence(D4, "A hospital official"),
        vec![],
    )];

    vec![
        (d1.clone(), extraction(&d1, d1_claims, d1_events)),
        (d2.clone(), extraction(&d2, d2_claims, d2_events)),
        (d3.clone(), extraction(&d3, vec![d3_claim], d3_events)),
        (d4.clone(), extraction(&d4, d4_claims, vec![])),
    ]
}

/// Synthetic documents `<prefix>0`, `<prefix>1`, … with one claim each.
pub fn synthetic(prefix: &str, count: usize) -> Vec<(Document, Extraction)> {
    (0..count)
        .map(|i| {
            let text = format!("Officials said {i} people were injured.");
            let d = doc(
                &format!("{prefix}{i}"),
                Some("Wire"),
                Some("2025-05-01"),
                &text,
            );
            let c = claim(
                Category::Injured,
                ("people", None, Kind::People),
                (i as u64, None, Qualifier::Exact, &i.to_string()),
                Stance::Asserted,
                Some(("Officials", None, true)),
                None,
                evidence(&text, "Officials said"),
                vec![],
            );
            let e = extraction(&d, vec![c], vec![]);
            (d, e)
        })
        .collect()
}

fn opt<T: std::fmt::Display>(value: &Option<T>) -> String {
    value.as_ref().map_or("-".to_string(), ToString::to_string)
}

fn sides(sides: &[Side]) -> String {
    sides.iter().map(Side::as_str).collect::<Vec<_>>().join("+")
}

pub fn claim_line(stored: &StoredClaim) -> String {
    let StoredClaim {
        id,
        document_id,
        ordinal,
        outlet,
        published,
        syndicate,
        claim,
    } = stored;
    let Claim {
        category,
        subject,
        value,
        stance,
        claimant,
        date,
        evidence,
        confidence,
        flags,
    } = claim;
    let Subject {
        text: subject_text,
        side: subject_side,
        kind,
    } = subject;
    let Value {
        n,
        n_max,
        qualifier,
        text: value_text,
    } = value;
    let claimant = match claimant {
        None => "own voice".to_string(),
        Some(Claimant {
            text,
            side,
            anonymous,
        }) => format!("{text:?} {} anonymous={anonymous}", opt(side)),
    };
    let Evidence { start, end, quote } = evidence;
    let flags: Vec<&str> = flags.iter().map(|f| f.as_str()).collect();
    format!(
        "claim {id} [{document_id} #{ordinal} {} {} syn {syndicate}] {category} {n}..{} {qualifier} \
         {value_text:?} | {subject_text:?} {} {kind} | {stance} by {claimant} | date {} | \
         {start}..{end} {quote:?} | {confidence} | flags [{}]",
        opt(outlet),
        opt(published),
        opt(n_max),
        opt(subject_side),
        opt(date),
        flags.join(","),
    )
}

pub fn event_line(stored: &StoredEvent) -> String {
    let StoredEvent {
        id,
        document_id,
        ordinal,
        outlet,
        published,
        syndicate,
        event,
    } = stored;
    let Event {
        kind,
        mode,
        actor1,
        actor2,
        places,
        date,
        negated,
        evidence,
    } = event;
    let actor = |actor: &Option<Actor>| match actor {
        None => "-".to_string(),
        Some(Actor { text, sides: s }) => format!("{text:?}[{}]", sides(s)),
    };
    let places: Vec<String> = places
        .iter()
        .map(|p| {
            let Place {
                name,
                country,
                admin1,
                lat,
                lon,
                precision,
            } = p;
            format!(
                "{name}/{}/{}/{},{}/{}",
                opt(country),
                opt(admin1),
                opt(lat),
                opt(lon),
                opt(precision)
            )
        })
        .collect();
    let Evidence { start, end, quote } = evidence;
    format!(
        "event {id} [{document_id} #{ordinal} {} {} syn {syndicate}] {kind} {} | {} -> {} | at [{}] | date {} | \
         negated={negated} | {start}..{end} {quote:?}",
        opt(outlet),
        opt(published),
        opt(mode),
        actor(actor1),
        actor(actor2),
        places.join("; "),
        opt(date),
    )
}

pub fn document_line(doc: &Document) -> String {
    let Document {
        id,
        url,
        outlet,
        published,
        title,
        text,
    } = doc;
    format!(
        "document {id} {} {} {} {} {text:?}",
        opt(url),
        opt(outlet),
        opt(published),
        opt(title)
    )
}

pub fn stats_line(stats: &Stats) -> String {
    let Stats {
        schema_version,
        documents,
        claims,
        events,
        places,
        syndicates,
        extractor_versions,
        first_published,
        last_published,
    } = stats;
    let versions: Vec<String> = extractor_versions
        .iter()
        .map(|(v, n)| format!("{v}:{n}"))
        .collect();
    format!(
        "stats v{schema_version} documents={documents} claims={claims} events={events} \
         places={places} syndicates={syndicates} runs=[{}] published {}..{}",
        versions.join(","),
        opt(first_published),
        opt(last_published)
    )
}

/// Everything in the store, one line per item: statistics, every document
/// that has claims or events or is in `ids`, every claim, every event.
pub fn snapshot(store: &dyn Store, ids: &[&str]) -> String {
    let mut out = String::new();
    writeln!(out, "{}", stats_line(&store.stats().unwrap())).unwrap();
    for id in ids {
        match store.document(id).unwrap() {
            Some(doc) => writeln!(out, "{}", document_line(&doc)).unwrap(),
            None => writeln!(out, "no document {id}").unwrap(),
        }
    }
    for claim in store.claims(&ClaimFilter::default()).unwrap() {
        writeln!(out, "{}", claim_line(&claim)).unwrap();
    }
    for event in store.events(&EventFilter::default()).unwrap() {
        writeln!(out, "{}", event_line(&event)).unwrap();
    }
    out
}

pub fn claim_ids(claims: &[StoredClaim]) -> Vec<&str> {
    claims.iter().map(|c| c.id.as_str()).collect()
}

pub fn event_ids(events: &[StoredEvent]) -> Vec<&str> {
    events.iter().map(|e| e.id.as_str()).collect()
}
