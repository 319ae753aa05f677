//! Measures ingest speed and filtered-query time at a million claims.
//!
//! Writes 100,000 synthetic documents with 10 claims each (1,000,000
//! claims) into a fresh SQLite file, 1,000 documents per batch, then times
//! filtered `claims` queries on a reopened store. Not part of `cargo test`:
//!
//! ```text
//! cargo run --release -p sitrep-store --example insert_speed [-- DIR [DOCUMENTS]]
//! ```

use std::time::{Duration, Instant};

use jiff::civil::Date;
use sitrep_model::{
    Category, Claim, Claimant, Document, Evidence, Extraction, Kind, PartialDate, Qualifier, Side,
    Stance, Subject, Value,
};
use sitrep_store::{ClaimFilter, SqliteStore, Store};

const CLAIMS_PER_DOC: usize = 10;
const BATCH: usize = 1_000;
const SIDES: [&str; 8] = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"];

fn side(i: usize) -> Side {
    Side::new(SIDES[i % SIDES.len()]).unwrap_or_else(|e| panic!("{e}"))
}

fn document(i: usize) -> (Document, Extraction) {
    let start = Date::new(2024, 1, 1).unwrap_or_else(|e| panic!("{e}"));
    // Two years of publication days.
    let published = start
        .checked_add(jiff::Span::new().days((i % 730) as i64))
        .unwrap_or(start);
    let text = format!(
        "Synthetic report {i}. Officials said several figures changed today. {}",
        "Filler sentence about the situation. ".repeat(20)
    );
    let doc = Document {
        id: format!("doc-{i:06}"),
        url: Some(format!("https://news.example/{i}")),
        outlet: Some(format!("Outlet {}", i % 50)),
        published: Some(published),
        title: Some(format!("Report {i}")),
        text,
    };
    let claims = (0..CLAIMS_PER_DOC)
        .map(|k| {
            let j = i * CLAIMS_PER_DOC + k;
            Claim {
                category: Category::ALL[j % Category::ALL.len()],
                subject: Subject {
                    text: "soldiers".into(),
                    side: Some(side(j / 3)),
                    kind: Kind::ALL[j % Kind::ALL.len()],
                },
                value: Value {
                    n: (j % 500) as u64,
                    n_max: None,
                    qualifier: Qualifier::Exact,
                    text: (j % 500).to_string(),
                },
                stance: Stance::Asserted,
                claimant: Some(Claimant {
                    text: "Officials".into(),
                    side: Some(side(j / 7 + 1)),
                    anonymous: true,
                }),
                date: (k % 3 != 0).then_some(PartialDate::Day(published)),
                evidence: Evidence {
                    start: 0,
                    end: 20,
                    quote: format!("Synthetic report {i}."),
                },
                confidence: 0.8,
                flags: vec![],
            }
        })
        .collect();
    let extraction = Extraction {
        id: doc.id.clone(),
        published: doc.published,
        claims,
        events: vec![],
    };
    (doc, extraction)
}

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut out = f(); // warm the cache and the statement cache
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    (start.elapsed() / runs, out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map_or_else(std::env::temp_dir, std::path::PathBuf::from);
    let documents: usize = args.next().map_or(Ok(100_000), |n| n.parse())?;
    let path = dir.join("sitrep-insert-speed.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }

    let mut store = SqliteStore::open(&path)?;
    let start = Instant::now();
    let mut claims = 0usize;
    for first in (0..documents).step_by(BATCH) {
        let batch: Vec<_> = (first..(first + BATCH).min(documents))
            .map(document)
            .collect();
        claims += store.ingest(&batch, "synthetic-1")?.claims;
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "ingest: {documents} documents, {claims} claims in {elapsed:.1} s: {:.0} claims/s, {:.0} documents/s",
        claims as f64 / elapsed,
        documents as f64 / elapsed
    );
    drop(store); // runs PRAGMA optimize, as any closing connection does
    let size = std::fs::metadata(&path)?.len();
    println!("file: {:.0} MB", size as f64 / 1e6);

    let store = SqliteStore::open(&path)?;
    let month = |text: &str| text.parse::<PartialDate>().ok();
    let queries = [
        (
            "side=CCC category=killed 2025-03, limit 100",
            ClaimFilter {
                side: Some(side(2)),
                category: Some(Category::Killed),
                since: month("2025-03"),
                until: month("2025-03"),
                limit: Some(100),
                ..ClaimFilter::default()
            },
        ),
        (
            "subject_side=CCC category=killed kind=soldiers, all",
            ClaimFilter {
                subject_side: Some(side(2)),
                category: Some(Category::Killed),
                kind: Some(Kind::Soldiers),
                ..ClaimFilter::default()
            },
        ),
        (
            "claimant_side=DDD, limit 100",
            ClaimFilter {
                claimant_side: Some(side(3)),
                limit: Some(100),
                ..ClaimFilter::default()
            },
        ),
        (
            "category=killed since 2025-12-01, limit 100",
            ClaimFilter {
                category: Some(Category::Killed),
                since: "2025-12-01".parse().ok(),
                limit: Some(100),
                ..ClaimFilter::default()
            },
        ),
        (
            "category=killed 2025-06-15 (one day), all",
            ClaimFilter {
                category: Some(Category::Killed),
                since: "2025-06-15".parse().ok(),
                until: "2025-06-15".parse().ok(),
                ..ClaimFilter::default()
            },
        ),
        (
            "document_id=doc-054321",
            ClaimFilter {
                document_id: Some("doc-054321".into()),
                ..ClaimFilter::default()
            },
        ),
        (
            "no filter, limit 100 offset 500000",
            ClaimFilter {
                limit: Some(100),
                offset: 500_000,
                ..ClaimFilter::default()
            },
        ),
    ];
    for (name, filter) in &queries {
        let (took, result) = time(10, || store.claims(filter));
        let rows = result?.len();
        println!(
            "query {name}: {rows} rows in {:.2} ms",
            took.as_secs_f64() * 1e3
        );
    }
    Ok(())
}
