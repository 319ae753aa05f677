//! `sitrep ingest`: documents in, extracted, and stored in the ledger.
//!
//! Reads and extracts exactly as `sitrep extract` does (the same reader
//! thread, chunks and worker pool), then stores each chunk in one
//! transaction of the [`sitrep_store::Store`]. A bad record is reported and
//! skipped; an error of the store itself stops the run, and every chunk
//! stored before it stays stored (the store rolls back only the failed
//! batch). On a terminal, a progress bar shows the bytes read and the
//! documents per second (see `progress`).
//!
//! This module does not decide what a duplicate is (the store does) and
//! does not reconcile figures across documents (planned).

use std::io::{self, Write};

use anyhow::Context;
use rayon::prelude::*;
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
    let mut store = SqliteStore::open(&db)
        .with_context(|| format!("cannot open the ledger {}", db.display()))?;
    let pool = worker_pool(threads)?;
    let reader = Reader::start(files, input_format, published, max_text_bytes)?;
    let progress = Progress::bytes(reader.total_bytes(), quiet);

    let mut outcome = Outcome::default();
    let mut total = IngestReport::default();
    for Batch { items, bytes_read } in reader.chunks() {
        let results: Vec<_> = pool.install(|| {
            items
                .into_par_iter()
                .map(|item| extract_item(&extractor, item))
                .collect()
        });
        let mut batch = Vec::with_capacity(results.len());
        // `FILE:LINE` of each document of the batch, for messages.
        let mut positions = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok((position, doc, extraction)) => {
                    positions.push(position);
                    batch.push((doc, extraction));
                }
                Err(message) => {
                    outcome.skipped += 1;
                    if !quiet {
                        progress.suspend(|| report(&message));
                    }
                }
            }
        }
        let stored = store
            .ingest(&batch, sitrep_extract::VERSION)
            .with_context(|| format!("cannot store a batch in {}", db.display()))?;
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
