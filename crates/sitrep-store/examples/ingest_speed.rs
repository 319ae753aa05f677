//! Measures the store's write path on realistic extractions.
//!
//! Generates articles with `sitrep-bench` (about 4.9 KB each), extracts
//! them with the bundled extractor on all cores (not timed as part of the
//! store), makes every tenth article a syndicated copy of an earlier one
//! (another outlet, a byline added, the last paragraph dropped, a word
//! changed), then times only [`Store::ingest`] into a fresh SQLite file in
//! batches of the CLI's size, and a second, no-op ingest of the same
//! batches. Not part of `cargo test`:
//!
//! ```text
//! cargo run --release -p sitrep-store --example ingest_speed [-- DIR [DOCUMENTS [BATCH]]]
//! ```
//!
//! What it does not measure: reading input files or extracting (see
//! `sitrep-bench`), or queries (see `insert_speed.rs`).

use std::time::{Duration, Instant};

use rayon::prelude::*;
use sitrep_model::{Document, Extraction};
use sitrep_store::{IngestReport, SqliteStore, Store};

/// A syndicated copy of `doc` under another id and outlet.
fn copy_of(doc: &Document, n: usize) -> Document {
    let mut paragraphs: Vec<&str> = doc
        .text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    if paragraphs.len() > 4 {
        paragraphs.pop();
    }
    let mut text = format!("By Staff Writer, Copy Desk {n}\n\n");
    text.push_str(&paragraphs.join("\n\n"));
    let text = text.replacen(" said ", " says ", 1);
    Document {
        id: format!("{}-copy{n}", doc.id),
        url: Some(format!("https://copies.example/{n}")),
        outlet: Some(format!("Copy Desk {}", n % 7)),
        title: Some(format!("Copied story {n}")),
        text,
        ..doc.clone()
    }
}

/// Time this thread has spent on a CPU (Linux; zero elsewhere): the machine
/// may be shared, so wall time alone overstates the store's cost.
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// Wall and CPU time of `f`, in microseconds per document.
fn timed<T>(documents: usize, f: impl FnOnce() -> T) -> (T, f64, f64, f64) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let out = f();
    let (wall, cpu) = (
        wall.elapsed().as_secs_f64(),
        (cpu_time() - cpu).as_secs_f64(),
    );
    let n = documents as f64;
    (out, wall, wall * 1e6 / n, cpu * 1e6 / n)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map_or_else(std::env::temp_dir, std::path::PathBuf::from);
    let documents: usize = args.next().map_or(Ok(40_000), |n| n.parse())?;
    let batch_size: usize = args.next().map_or(Ok(256), |n| n.parse())?;
    // `date`: articles arrive in publication order, as from a feed;
    // `random` (the default): a shuffled archive, the worst case for the
    // date-ordered indexes.
    let by_date = match args.next().as_deref() {
        None | Some("random") => false,
        Some("date") => true,
        Some(other) => return Err(format!("unknown order {other:?}: random or date").into()),
    };
    let path = dir.join("sitrep-ingest-speed.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }

    let start = Instant::now();
    let mut docs: Vec<Document> = sitrep_bench::documents(11).take(documents).collect();
    for i in (9..docs.len()).step_by(10) {
        // A copy of an article some way back, so it is already stored.
        let original = docs.get(i / 2).cloned();
        if let (Some(original), Some(slot)) = (original, docs.get_mut(i)) {
            *slot = copy_of(&original, i);
        }
    }
    let extractor = sitrep_extract::Extractor::bundled();
    let pairs: Vec<(Document, Extraction)> = docs
        .into_par_iter()
        .map(|doc| {
            let extraction = extractor.extract(&doc);
            (doc, extraction)
        })
        .collect();
    let mut pairs = pairs;
    if by_date {
        pairs.sort_by_key(|(doc, _)| doc.published);
    }
    let text_bytes: usize = pairs.iter().map(|(d, _)| d.text.len()).sum();
    println!(
        "prepared {documents} documents ({:.1} KB average, {} order) in {:.1} s",
        text_bytes as f64 / documents as f64 / 1e3,
        if by_date { "date" } else { "random" },
        start.elapsed().as_secs_f64()
    );

    let mut store = SqliteStore::open(&path)?;
    let ingest_all = |store: &mut SqliteStore| -> Result<IngestReport, sitrep_store::StoreError> {
        let mut total = IngestReport::default();
        for batch in pairs.chunks(batch_size) {
            total.merge(store.ingest(batch, sitrep_extract::VERSION)?);
        }
        Ok(total)
    };
    let (total, wall, wall_us, cpu_us) = timed(documents, || ingest_all(&mut store));
    let total = total?;
    // Closing checkpoints the WAL into the database file: part of the cost.
    let ((), close_wall, _, close_cpu_us) = timed(documents, || drop(store));
    let mut store = SqliteStore::open(&path)?;
    println!(
        "ingest: {} documents, {} claims ({:.1}/doc), {} events ({:.1}/doc), batches of \
         {batch_size}: {wall:.2} s, {:.0} documents/s, {wall_us:.1} µs/document \
         ({cpu_us:.1} µs on the CPU)",
        total.inserted,
        total.claims,
        total.claims as f64 / documents as f64,
        total.events,
        total.events as f64 / documents as f64,
        documents as f64 / wall,
    );
    println!(
        "close (checkpoint): {close_wall:.2} s, {close_cpu_us:.1} µs/document on the CPU; with it \
         {:.0} documents/s",
        documents as f64 / (wall + close_wall)
    );

    println!(
        "syndicated copies linked: {} (every tenth document is a copy: {})",
        total.syndicated,
        documents / 10
    );

    let (again, wall, wall_us, cpu_us) = timed(documents, || ingest_all(&mut store));
    println!(
        "re-ingest: {} duplicates in {wall:.2} s, {wall_us:.1} µs/document ({cpu_us:.1} µs on \
         the CPU)",
        again?.duplicates,
    );
    drop(store);
    let size = std::fs::metadata(&path)?.len();
    println!("file: {:.0} MB", size as f64 / 1e6);
    Ok(())
}
