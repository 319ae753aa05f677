//! Measures `contested` (the query behind `sitrep contested`, `report` and
//! the API) on a generated ledger of a million claims and 200,000 events.
//!
//! Generates 100,000 documents over two years (10 claims and 2 events
//! each: four conflict pairs, each side's toll of the same clashes with
//! different figures, revisions, undated claims, places) into a fresh
//! SQLite file, unless the file already holds them, then times filtered
//! views on the reopened store, best of 5 runs each. Not part of
//! `cargo test`:
//!
//! ```text
//! cargo run --release -p sitrep-report --example contested_speed [-- FILE]
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use sitrep_model::{
    Actor, Category, Claim, Claimant, Document, Event, EventType, Evidence, Extraction, Kind, Mode,
    PartialDate, Place, Precision, Qualifier, Side, Stance, Subject, Value,
};
use sitrep_reconcile::Options;
use sitrep_report::{LedgerQuery, contested, events};
use sitrep_store::{SqliteStore, Store};

const DOCUMENTS: usize = 100_000;
const CLAIMS_PER_DOC: usize = 10;
const BATCH: usize = 1_000;
const PAIRS: [(&str, &str); 4] = [
    ("AAA", "BBB"),
    ("CCC", "DDD"),
    ("EEE", "FFF"),
    ("GGG", "HHH"),
];
const TOWNS: [&str; 6] = [
    "Northtown",
    "Riverside",
    "Hillcrest",
    "Lakeview",
    "Fort Amber",
    "Eastgate",
];

fn side(code: &str) -> Side {
    Side::new(code).unwrap_or_else(|e| panic!("{e}"))
}

fn day(start: Date, days: usize) -> Date {
    start
        .checked_add(jiff::Span::new().days(days as i64))
        .unwrap_or(start)
}

fn evidence(quote: &str) -> Evidence {
    Evidence {
        start: 0,
        end: quote.chars().count(),
        quote: quote.to_owned(),
    }
}

fn document(i: usize) -> (Document, Extraction) {
    let start = Date::new(2024, 1, 1).unwrap_or_else(|e| panic!("{e}"));
    let published = day(start, i % 730);
    let (a, b) = PAIRS[i % PAIRS.len()];
    let town = TOWNS[(i / 7) % TOWNS.len()];
    let text = format!(
        "Report {i} on the fighting near {town}. {}",
        "Background. ".repeat(30)
    );
    let doc = Document {
        id: format!("doc-{i:06}"),
        url: Some(format!("https://news.example/{i}")),
        outlet: Some(format!("Outlet {}", i % 40)),
        published: Some(published),
        title: Some(format!("Report {i}")),
        text,
    };
    let claims = (0..CLAIMS_PER_DOC)
        .map(|k| {
            let j = i * CLAIMS_PER_DOC + k;
            // Both sides state the toll of the same side's losses.
            let (claimant, subject) = if k % 2 == 0 { (a, b) } else { (b, b) };
            let category = [
                Category::Killed,
                Category::Injured,
                Category::Captured,
                Category::Destroyed,
            ][(k / 2) % 4];
            let n = (5 + j % 60) as u64 * if k % 3 == 0 { 5 } else { 1 };
            let quote =
                format!("{claimant} officials said {n} {subject} soldiers were {category}.");
            Claim {
                category,
                subject: Subject {
                    text: "soldiers".into(),
                    side: Some(side(subject)),
                    kind: if k % 5 == 0 {
                        Kind::Fighters
                    } else {
                        Kind::Soldiers
                    },
                },
                value: Value {
                    n,
                    n_max: None,
                    qualifier: Qualifier::Exact,
                    text: n.to_string(),
                },
                stance: if j.is_multiple_of(97) {
                    Stance::Denied
                } else {
                    Stance::Asserted
                },
                claimant: Some(Claimant {
                    text: format!("{claimant} defence ministry"),
                    side: Some(side(claimant)),
                    anonymous: false,
                }),
                date: (k % 4 != 3)
                    .then(|| PartialDate::Day(day(start, (i % 730).saturating_sub(k % 2)))),
                evidence: evidence(&quote),
                confidence: 0.9,
                flags: vec![],
            }
        })
        .collect();
    let events = (0..2)
        .map(|k| Event {
            kind: EventType::Assault,
            mode: Some([Mode::Ground, Mode::Aerial][k]),
            actor1: Some(Actor {
                text: format!("{a} forces"),
                sides: vec![side(a)],
            }),
            actor2: Some(Actor {
                text: format!("{b} posts"),
                sides: vec![side(b)],
            }),
            places: vec![Place {
                name: town.into(),
                country: Some(b.into()),
                admin1: Some("North".into()),
                lat: Some(30.0 + (i % 6) as f64),
                lon: Some(60.0 + (i % 6) as f64),
                precision: Some(Precision::Place),
            }],
            date: Some(PartialDate::Day(day(start, i % 730))),
            negated: false,
            evidence: evidence(&format!("{a} forces attacked {b} posts near {town}.")),
        })
        .collect();
    let extraction = Extraction {
        id: doc.id.clone(),
        published: doc.published,
        claims,
        events,
    };
    (doc, extraction)
}

fn best_of(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        found = f();
        best = best.min(t.elapsed());
    }
    (best, found)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).map_or_else(
        || std::env::temp_dir().join("sitrep-contested-1m.db"),
        PathBuf::from,
    );
    let mut store = SqliteStore::open(&path)?;
    if store.stats()?.claims < (DOCUMENTS * CLAIMS_PER_DOC) as u64 {
        let t = Instant::now();
        for start in (0..DOCUMENTS).step_by(BATCH) {
            let batch: Vec<_> = (start..(start + BATCH).min(DOCUMENTS))
                .map(document)
                .collect();
            store.ingest(&batch, "bench")?;
        }
        println!("generated {} documents in {:.1?}", DOCUMENTS, t.elapsed());
    }
    drop(store);
    let store = SqliteStore::open(&path)?;
    let stats = store.stats()?;
    println!(
        "ledger: {} documents, {} claims, {} events ({})",
        stats.documents,
        stats.claims,
        stats.events,
        path.display()
    );

    let week = LedgerQuery {
        since: "2025-03-03".parse().ok(),
        until: "2025-03-09".parse().ok(),
        ..LedgerQuery::default()
    };
    let queries: [(&str, LedgerQuery); 5] = [
        (
            "one day",
            LedgerQuery {
                since: "2025-03-03".parse().ok(),
                until: "2025-03-03".parse().ok(),
                ..LedgerQuery::default()
            },
        ),
        (
            "one week, killed",
            LedgerQuery {
                category: Some(Category::Killed),
                ..week.clone()
            },
        ),
        (
            "one week, killed, claimant BBB",
            LedgerQuery {
                category: Some(Category::Killed),
                claimant: Some(side("BBB")),
                ..week.clone()
            },
        ),
        ("one week, all categories", week.clone()),
        (
            "one month, killed, disputed",
            LedgerQuery {
                since: "2025-03".parse().ok(),
                until: "2025-03".parse().ok(),
                category: Some(Category::Killed),
                min_sides: 2,
                ..LedgerQuery::default()
            },
        ),
    ];
    let options = Options::default();
    println!("| view | figures | best of 5 |");
    println!("|---|---:|---:|");
    for (name, query) in &queries {
        let (time, n) = best_of(5, || {
            contested(&store, query, &options).map_or(0, |f| f.len())
        });
        println!(
            "| contested: {name} | {n} | {:.1} ms |",
            time.as_secs_f64() * 1e3
        );
    }
    let filter = sitrep_store::ClaimFilter {
        category: Some(Category::Killed),
        since: week.since,
        until: week.until,
        ..Default::default()
    };
    let (time, n) = best_of(5, || store.claims(&filter).map_or(0, |c| c.len()));
    println!(
        "| store claims only: one week, killed | {n} | {:.1} ms |",
        time.as_secs_f64() * 1e3
    );
    let filter = sitrep_store::EventFilter {
        since: week.since,
        until: week.until,
        ..Default::default()
    };
    let (time, n) = best_of(5, || store.events(&filter).map_or(0, |c| c.len()));
    println!(
        "| store events only: one week | {n} | {:.1} ms |",
        time.as_secs_f64() * 1e3
    );
    let (time, n) = best_of(5, || events(&store, &week, &options).map_or(0, |g| g.len()));
    println!(
        "| event groups: one week | {n} | {:.1} ms |",
        time.as_secs_f64() * 1e3
    );
    Ok(())
}
