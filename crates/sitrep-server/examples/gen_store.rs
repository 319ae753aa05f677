//! Generates a large synthetic ledger for load-testing `sitrep serve`.
//!
//! ```text
//! cargo run --release -p sitrep-server --example gen_store -- /tmp/big.db [DOCUMENTS]
//! ```
//!
//! Each document gets 10 claims and 2 events (so the default 100,000
//! documents make 1,000,000 claims and 200,000 events), dated over 2024 and
//! 2025, with sides, categories, kinds and places drawn from small fixed
//! lists by a seeded generator: the same arguments make the same ledger.
//! The text is made-up filler, one sentence per item, and every evidence
//! span points at its sentence. Nothing here is real reporting.
//!
//! It writes through the ordinary `Store::ingest`, 1,000 documents per
//! transaction, so the ledger has exactly the schema and indexes a real one
//! has. It refuses to overwrite an existing file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use sitrep_model::{
    Actor, Category, Claim, Claimant, Document, Event, EventType, Evidence, Extraction, Kind, Mode,
    PartialDate, Place, Qualifier, Side, Stance, Subject, Value,
};
use sitrep_store::{SqliteStore, Store};

const SIDES: &[&str] = &[
    "PAK", "AFG", "IND", "IRN", "ISR", "UKR", "RUS", "THA", "KHM", "SDN", "TTP", "RSF",
];
const OUTLETS: &[&str] = &[
    "Wire One",
    "Wire Two",
    "Daily Example",
    "Frontier Post",
    "Capital Times",
    "Radio Sample",
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn side(code: &str) -> Side {
    code.parse().unwrap_or_else(|_| panic!("bad side {code}"))
}

/// Appends `sentence` to `text` and returns its evidence (code points).
fn sentence(text: &mut String, sentence: String) -> Evidence {
    if !text.is_empty() {
        text.push(' ');
    }
    let start = text.chars().count();
    let end = start + sentence.chars().count();
    text.push_str(&sentence);
    Evidence {
        start,
        end,
        quote: sentence,
    }
}

fn document(i: usize, rng: &mut Rng) -> (Document, Extraction) {
    let first = jiff::civil::date(2024, 1, 1);
    let day = first
        .checked_add(jiff::Span::new().days(rng.below(731) as i64))
        .unwrap_or(first);
    let published = day.checked_add(jiff::Span::new().days(1)).unwrap_or(day);
    let mut text = String::new();
    let mut claims = Vec::with_capacity(10);
    for c in 0..10 {
        let category = *rng.pick(Category::ALL);
        let kind = *rng.pick(&[
            Kind::Soldiers,
            Kind::Fighters,
            Kind::Civilians,
            Kind::People,
        ]);
        let subject_side = *rng.pick(SIDES);
        let claimant_side = *rng.pick(SIDES);
        let n = 1 + rng.below(400) as u64;
        let evidence = sentence(
            &mut text,
            format!(
                "Officials of {claimant_side} said {n} {subject_side} {kind} were {category} in incident {i}-{c}."
            ),
        );
        claims.push(Claim {
            category,
            subject: Subject {
                text: format!("{subject_side} {kind}"),
                side: Some(side(subject_side)),
                kind,
            },
            value: Value {
                n,
                n_max: None,
                qualifier: Qualifier::Exact,
                text: n.to_string(),
            },
            stance: if rng.below(20) == 0 {
                Stance::Denied
            } else {
                Stance::Asserted
            },
            claimant: Some(Claimant {
                text: format!("officials of {claimant_side}"),
                side: Some(side(claimant_side)),
                anonymous: false,
            }),
            date: Some(PartialDate::Day(day)),
            evidence,
            confidence: 0.8,
            flags: vec![],
        });
    }
    let mut events = Vec::with_capacity(2);
    for e in 0..2 {
        let a = *rng.pick(SIDES);
        let b = *rng.pick(SIDES);
        let kind = *rng.pick(EventType::ALL);
        let place = rng.below(500);
        let evidence = sentence(
            &mut text,
            format!("Forces of {a} acted against {b} at Place {place} in event {i}-{e}."),
        );
        events.push(Event {
            kind,
            mode: (kind == EventType::Assault).then(|| *rng.pick(Mode::ALL)),
            actor1: Some(Actor {
                text: format!("forces of {a}"),
                sides: vec![side(a)],
            }),
            actor2: Some(Actor {
                text: b.to_string(),
                sides: vec![side(b)],
            }),
            places: vec![Place {
                name: format!("Place {place}"),
                country: Some(SIDES[place % 10].to_string()),
                admin1: Some(format!("Province {}", place % 40)),
                lat: Some(10.0 + (place % 25) as f64 * 1.5),
                lon: Some(30.0 + (place / 25) as f64 * 2.5),
                precision: None,
            }],
            date: Some(PartialDate::Day(day)),
            negated: rng.below(30) == 0,
            evidence,
        });
    }
    let id = format!("gen-{i:07}");
    let doc = Document {
        id: id.clone(),
        url: None,
        outlet: Some(rng.pick(OUTLETS).to_string()),
        published: Some(published),
        title: Some(format!("Generated report {i}")),
        text,
    };
    let extraction = Extraction {
        id,
        published: Some(published),
        claims,
        events,
    };
    (doc, extraction)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen_store PATH [DOCUMENTS (default 100000)]");
        return ExitCode::from(2);
    };
    let documents: usize = match args.next().map(|a| a.parse()) {
        None => 100_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("gen_store: DOCUMENTS must be a whole number");
            return ExitCode::from(2);
        }
    };
    if path.exists() {
        eprintln!("gen_store: {} exists; not overwriting it", path.display());
        return ExitCode::from(2);
    }
    let mut store = match SqliteStore::open(&path) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("gen_store: {e}");
            return ExitCode::from(1);
        }
    };
    let started = Instant::now();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut done = 0;
    while done < documents {
        let batch: Vec<_> = (done..(done + 1000).min(documents))
            .map(|i| document(i, &mut rng))
            .collect();
        if let Err(e) = store.ingest(&batch, "gen-1") {
            eprintln!("gen_store: {e}");
            return ExitCode::from(1);
        }
        done += batch.len();
        if done % 10_000 == 0 {
            eprintln!(
                "gen_store: {done} documents, {:.0} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    match store.stats() {
        Ok(stats) => eprintln!(
            "gen_store: {}: {} documents, {} claims, {} events in {:.0} s",
            path.display(),
            stats.documents,
            stats.claims,
            stats.events,
            started.elapsed().as_secs_f64()
        ),
        Err(e) => eprintln!("gen_store: {e}"),
    }
    ExitCode::SUCCESS
}
