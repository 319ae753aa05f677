//! `sitrep ingest`: documents in, extracted, and stored in the ledger.
//!
//! Reads and extracts exactly as `sitrep extract` does (the same reader
//! thread, chunks and worker pool) while a writer thread stores what was
//! extracted before, up to [`WRITE_CHUNKS`] waiting chunks per transaction
//! of the [`sitrep_store::Store`]. A bad record is reported and skipped; an
//! error of the store itself stops the run, and every transaction committed
//! before it stays stored (the store rolls back only the failed batch). On a terminal, a progress bar shows the bytes read and the
//! documents per second (see `progress`).
//!
//! This module does not decide what a duplicate is (the store does) and
//! does not reconcile figures across documents (planned).

use std::io::{self, Write};
use std::sync::mpsc;

use anyhow::Context;
use rayon::prelude::*;
use sitrep_model::{Document, Extraction};
use sitrep_store::{IngestReport, SqliteStore, Store};

use crate::cli::{Dictionaries, IngestArgs, InputArgs};
use crate::extract_cmd::{
    Batch, Outcome, Reader, build_extractor, extract_item, report, worker_pool,
};
use crate::progress::Progress;

/// Runs `sitrep ingest`.
///
/// # Errors
///
/// When the dictionaries, the worker pool or the store cannot be set up,
/// or when the store fails to write a batch (batches stored before are
/// kept). Bad records are counted in [`Outcome::skipped`].
pub fn run(args: IngestArgs) -> anyhow::Result<Outcome> {
    let IngestArgs {
        db,
        report: then_report,
        input,
    } = args;
    let InputArgs {
        files,
        input_format,
        published,
        threads,
        max_text_bytes,
        quiet,
        dictionaries: Dictionaries { sides, places },
    } = input;
    let extractor = build_extractor(&sides, &places)?;
    let store = SqliteStore::open(&db)
        .with_context(|| format!("cannot open the ledger {}", db.display()))?;
    let pool = worker_pool(threads)?;
    let reader = Reader::start(files, input_format, published, max_text_bytes)?;
    let progress = Progress::bytes(reader.total_bytes(), quiet);

    // Two stages in step: while the writer thread stores what has been
    // extracted, the worker pool extracts the next chunk. The channel holds
    // WRITE_CHUNKS chunks.
    let progress = &progress;
    let (outcome, total, store) = std::thread::scope(|scope| {
        let (send, receive) = mpsc::sync_channel::<Extracted>(WRITE_CHUNKS);
        let writer = scope.spawn(move || store_chunks(store, &receive, progress, quiet));
        for Batch { items, bytes_read } in reader.chunks() {
            let results: Vec<_> = pool.install(|| {
                items
                    .into_par_iter()
                    .map(|item| extract_item(&extractor, item))
                    .collect()
            });
            let mut chunk = Extracted {
                batch: Vec::with_capacity(results.len()),
                positions: Vec::with_capacity(results.len()),
                skipped: 0,
                bytes_read,
            };
            for result in results {
                match result {
                    Ok((position, doc, extraction)) => {
                        chunk.positions.push(position);
                        chunk.batch.push((doc, extraction));
                    }
                    Err(message) => {
                        chunk.skipped += 1;
                        if !quiet {
                            progress.suspend(|| report(&message));
                        }
                    }
                }
            }
            if send.send(chunk).is_err() {
                // The writer stopped on an error, which join returns.
                break;
            }
        }
        drop(send);
        match writer.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
    .with_context(|| format!("cannot store a batch in {}", db.display()))?;
    progress.finish();
    reader.finish()?;
    if !quiet {
        for id in &total.conflicts {
            report(&format!(
                "document {id:?}: its text differs from the stored one; the stored one was kept"
            ));
        }
    }
    let stats = store
        .stats()
        .with_context(|| format!("cannot read {}", db.display()))?;
    let _ = writeln!(
        io::stderr().lock(),
        "sitrep: {}: {} new, {} unchanged, {} re-extracted, {} changed (kept), {} skipped; \
         the ledger holds {} documents, {} claims, {} events",
        db.display(),
        total.inserted,
        total.duplicates,
        total.reextracted,
        total.conflicts.len(),
        outcome.skipped,
        stats.documents,
        stats.claims,
        stats.events
    );
    if then_report {
        crate::ledger_cmd::print_whole_report(&store)?;
    }
    Ok(outcome)
}

/// The most extracted chunks the writer stores in one transaction.
///
/// Each transaction writes every page it changed to the WAL, and the date
/// ordered indexes are changed all over: on generated articles in
/// arbitrary date order, transactions of 1,024 documents cost 20 % less
/// CPU per document than transactions of 256 (examples/ingest_speed.rs of
/// sitrep-store). The writer groups only chunks that are already waiting,
/// so a slow input is still stored chunk by chunk.
const WRITE_CHUNKS: usize = 4;

/// One extracted chunk on its way to the writer.
struct Extracted {
    batch: Vec<(Document, Extraction)>,
    /// `FILE:LINE` of each document of `batch`, for messages.
    positions: Vec<String>,
    /// Records of the chunk that could not be read or extracted (already
    /// reported).
    skipped: u64,
    /// Bytes of input read up to the end of this chunk.
    bytes_read: u64,
}

/// The writer stage: stores the waiting chunks (up to [`WRITE_CHUNKS`]) in
/// one transaction, reports the documents the store rejects, and moves the
/// progress bar. Stops at the first error of the store; the transactions
/// committed before it stay stored.
fn store_chunks(
    mut store: SqliteStore,
    chunks: &mpsc::Receiver<Extracted>,
    progress: &Progress,
    quiet: bool,
) -> anyhow::Result<(Outcome, IngestReport, SqliteStore)> {
    let mut outcome = Outcome::default();
    let mut total = IngestReport::default();
    while let Ok(first) = chunks.recv() {
        let Extracted {
            mut batch,
            mut positions,
            mut skipped,
            mut bytes_read,
        } = first;
        for _ in 1..WRITE_CHUNKS {
            let Ok(next) = chunks.try_recv() else { break };
            batch.extend(next.batch);
            positions.extend(next.positions);
            skipped += next.skipped;
            bytes_read = next.bytes_read;
        }
        outcome.skipped += skipped;
        let stored = store.ingest(&batch, sitrep_extract::VERSION)?;
        for rejected in &stored.rejected {
            outcome.skipped += 1;
            if !quiet {
                let position = batch
                    .iter()
                    .position(|(doc, _)| doc.id == rejected.document_id)
                    .and_then(|i| positions.get(i))
                    .map_or_else(String::new, |p| format!("{p}: "));
                progress.suspend(|| {
                    report(&format!(
                        "{position}document {:?}: not stored: {}",
                        rejected.document_id, rejected.reason
                    ));
                });
            }
        }
        outcome.extracted += (batch.len() - stored.rejected.len()) as u64;
        total.merge(stored);
        progress.update(bytes_read, outcome.extracted + outcome.skipped);
    }
    Ok((outcome, total, store))
}
