//! `sitrep reextract`: the stored documents whose extraction came from
//! another extractor version, extracted again and stored in place.
//!
//! The store lists those documents
//! ([`Store::documents_needing_reextract`]); this module reads them back a
//! batch at a time, extracts each batch on the worker pool of `extract`
//! (with its per-document panic guard, [`extract_item`]), and stores the
//! batch in one transaction with [`Store::ingest`], which replaces the
//! claims and events of a document whose text is unchanged and whose
//! extractor version differs. An interrupted run keeps every batch stored
//! before it, and the next run lists only the rest.
//!
//! [`Store::reextract`] does the same loop with a per-document closure,
//! one document after another; it is not used here because extraction is
//! the slow part, and a batch extracted in parallel is about as many times
//! faster as there are cores.
//!
//! This module does not choose documents by anything but their extractor
//! version: every document from another version (older or newer) is
//! re-extracted.

use std::io::{self, Write};

use anyhow::Context;
use rayon::prelude::*;
use sitrep_store::{IngestReport, Store};

use crate::cli::{Dictionaries, ReextractArgs};
use crate::extract_cmd::{Item, Outcome, build_extractor, extract_item, report, worker_pool};
use crate::progress::Progress;
use crate::query_cmd;

/// Runs `sitrep reextract`.
///
/// # Errors
///
/// When the dictionaries or the worker pool cannot be set up, the ledger
/// does not exist or cannot be opened, or the store fails to read or write
/// (batches stored before stay stored). Documents that cannot be extracted
/// or stored are counted in [`Outcome::skipped`] and keep their earlier
/// extraction.
pub fn run(args: ReextractArgs) -> anyhow::Result<Outcome> {
    let ReextractArgs {
        db,
        batch: batch_size,
        threads,
        quiet,
        dictionaries: Dictionaries { sides, places },
    } = args;
    let extractor = build_extractor(&sides, &places)?;
    let mut store = query_cmd::open(&db)?;
    let pool = worker_pool(threads)?;
    let version = sitrep_extract::VERSION;
    let ids = store
        .documents_needing_reextract(version)
        .with_context(|| format!("cannot read {}", db.display()))?;
    let position = db.display().to_string();
    let progress = Progress::documents(ids.len() as u64, quiet);

    let mut outcome = Outcome::default();
    let mut total = IngestReport::default();
    let mut done = 0u64;
    for ids in ids.chunks(batch_size.max(1)) {
        let mut items = Vec::with_capacity(ids.len());
        for id in ids {
            // A document deleted since the listing has nothing to redo.
            let doc = store
                .document(id)
                .with_context(|| format!("cannot read the document {id:?} in {}", db.display()))?;
            if let Some(doc) = doc {
                items.push(Item::Doc {
                    position: position.clone(),
                    doc,
                });
            }
        }
        let results: Vec<_> = pool.install(|| {
            items
                .into_par_iter()
                .map(|item| extract_item(&extractor, item))
                .collect()
        });
        let mut batch = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok((_, doc, extraction)) => batch.push((doc, extraction)),
                Err(message) => {
                    outcome.skipped += 1;
                    if !quiet {
                        progress.suspend(|| report(&message));
                    }
                }
            }
        }
        let stored = store
            .ingest(&batch, version)
            .with_context(|| format!("cannot store a batch in {}", db.display()))?;
        for rejected in &stored.rejected {
            outcome.skipped += 1;
            if !quiet {
                progress.suspend(|| {
                    report(&format!(
                        "document {:?}: not stored: {}; it keeps its earlier extraction",
                        rejected.document_id, rejected.reason
                    ));
                });
            }
        }
        outcome.extracted += (batch.len() - stored.rejected.len()) as u64;
        total.merge(stored);
        done += ids.len() as u64;
        progress.update(done, done);
    }
    progress.finish();
    let stats = store
        .stats()
        .with_context(|| format!("cannot read {}", db.display()))?;
    let _ = writeln!(
        io::stderr().lock(),
        "sitrep: {}: {} re-extracted by extractor {version}, {} skipped; \
         the ledger holds {} documents, {} claims, {} events",
        db.display(),
        total.reextracted,
        outcome.skipped,
        stats.documents,
        stats.claims,
        stats.events
    );
    Ok(outcome)
}
