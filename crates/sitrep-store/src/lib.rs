//! Persistence for sitrep: documents, extraction runs, claims and events.
//!
//! The [`Store`] trait is what the rest of sitrep sees; [`SqliteStore`] is
//! its implementation on a single SQLite file (zero set-up), and a
//! PostgreSQL backend can implement the same trait later. What the store
//! does:
//!
//! - **Ingest** batches of `(Document, Extraction)` pairs, one transaction
//!   per batch. A document stored with the same content (by
//!   [content hash](content_hash)) and the same extractor version is
//!   skipped, so re-ingesting a corpus is a no-op. The same content under a
//!   new extractor version has its claims and events replaced atomically.
//!   Different content under a known id is a *conflict*: by default the
//!   stored document is kept and the id reported ([`OnConflict`]); nothing
//!   stored is silently overwritten. Malformed records are listed in
//!   [`IngestReport::rejected`] and the rest of the batch is stored; a
//!   database failure rolls back that batch only.
//! - **Re-extract** stored documents whose extraction came from another
//!   extractor version ([`Store::reextract`] takes the extractor as a
//!   closure, so this crate does not depend on `sitrep-extract`).
//! - **Link syndicated copies**: a document whose text is a near-copy of
//!   one stored earlier (one wire story printed by several outlets; rules
//!   in [`syndication`]) joins that document's *syndicate*, named by the
//!   earliest-stored copy's id. Every copy stays stored and visible
//!   ([`Store::sightings`]); [`StoredClaim::syndicate`] lets a reconciler
//!   count one report once, not once per outlet.
//! - **Query** claims and events with filters ([`ClaimFilter`],
//!   [`EventFilter`]), fetch documents, count things ([`Stats`]).
//! - **Migrate** the schema: `migrations/*.sql`, applied in order and
//!   recorded in SQLite's `user_version`; a database from a newer sitrep is
//!   refused.
//!
//! What it does not do: extract anything (that is `sitrep-extract`), group
//! claims across documents into contested figures (`sitrep-reconcile`), or
//! render output (`sitrep-report`).
//!
//! # Example
//!
//! ```
//! use sitrep_model::{Document, Extraction};
//! use sitrep_store::{ClaimFilter, SqliteStore, Store};
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let doc = Document { id: "d1".into(), text: "Nothing counted.".into(), ..Document::default() };
//! let extraction = Extraction { id: "d1".into(), published: None, claims: vec![], events: vec![] };
//! let batch = [(doc, extraction)];
//! assert_eq!(store.ingest(&batch, "0.1.0")?.inserted, 1);
//! assert_eq!(store.ingest(&batch, "0.1.0")?.duplicates, 1);
//! assert!(store.claims(&ClaimFilter::default())?.is_empty());
//! # Ok::<(), sitrep_store::StoreError>(())
//! ```
#![deny(missing_docs)]

mod error;
mod filter;
mod hash;
mod migrate;
mod sqlite;
pub mod syndication;
mod types;

use sitrep_model::{Document, Extraction};

pub use error::{BoxError, StoreError};
pub use filter::{ClaimFilter, EventFilter};
pub use hash::content_hash;
pub use migrate::SCHEMA_VERSION;
pub use sqlite::SqliteStore;
pub use types::{
    IngestReport, OnConflict, Rejected, Sighting, Stats, StoredClaim, StoredEvent, claim_id,
    event_id,
};

/// A place where sitrep keeps what it has read and extracted.
///
/// Implementations must make each [`ingest_with`](Store::ingest_with) call
/// atomic: either the whole batch is applied (minus the records it reports
/// as rejected or conflicting) or none of it is.
pub trait Store {
    /// Stores a batch of documents with their extractions, made by
    /// `extractor_version`, in one transaction.
    ///
    /// Per document (matched by id):
    /// - not stored yet: stored with its claims and events (`inserted`);
    /// - stored with the same content hash and extractor version: nothing is
    ///   written (`duplicates`);
    /// - stored with the same content hash, another extractor version: its
    ///   claims and events are replaced (`reextracted`);
    /// - stored with another content hash: `on_conflict` decides (`conflicts`
    ///   or `replaced`).
    ///
    /// A document stored or replaced is fingerprinted and, when it is a copy
    /// of a document stored before it (or earlier in the batch), joins that
    /// document's syndicate (`syndicated`; rules in [`syndication`]).
    /// Replacing a document re-links it and the copies its change affects.
    ///
    /// A record whose extraction id differs from its document id, or whose
    /// values cannot be stored faithfully (a number above `i64::MAX`, a
    /// non-finite confidence or coordinate), is listed in `rejected`.
    ///
    /// # Errors
    ///
    /// When the database fails; the batch is then rolled back entirely.
    fn ingest_with(
        &mut self,
        batch: &[(Document, Extraction)],
        extractor_version: &str,
        on_conflict: OnConflict,
    ) -> Result<IngestReport, StoreError>;

    /// [`ingest_with`](Store::ingest_with) with [`OnConflict::Keep`].
    ///
    /// # Errors
    ///
    /// When the database fails; the batch is then rolled back entirely.
    fn ingest(
        &mut self,
        batch: &[(Document, Extraction)],
        extractor_version: &str,
    ) -> Result<IngestReport, StoreError> {
        self.ingest_with(batch, extractor_version, OnConflict::Keep)
    }

    /// Ids of stored documents whose extraction was made by a version other
    /// than `extractor_version`, in id order.
    ///
    /// # Errors
    ///
    /// When the database fails.
    fn documents_needing_reextract(
        &self,
        extractor_version: &str,
    ) -> Result<Vec<String>, StoreError>;

    /// The stored document with this id.
    ///
    /// # Errors
    ///
    /// When the database fails or the row is corrupt.
    fn document(&self, id: &str) -> Result<Option<Document>, StoreError>;

    /// The claims matching `filter`, in the order [`ClaimFilter`] describes.
    ///
    /// # Errors
    ///
    /// When the database fails or a row is corrupt.
    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<StoredClaim>, StoreError>;

    /// The events matching `filter`, in the order [`EventFilter`] describes.
    ///
    /// # Errors
    ///
    /// When the database fails or a row is corrupt.
    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError>;

    /// Counts over the whole store.
    ///
    /// # Errors
    ///
    /// When the database fails.
    fn stats(&self) -> Result<Stats, StoreError>;

    /// Every stored copy of the report that document `id` carries: the
    /// documents of its syndicate, in the order they were stored (the
    /// original, whose id names the syndicate, first). A document that is
    /// nobody's copy is its only sighting; an unknown id has none.
    ///
    /// # Errors
    ///
    /// When the database fails or a row is corrupt.
    fn sightings(&self, id: &str) -> Result<Vec<Sighting>, StoreError>;

    /// Runs `extract` over every stored document whose extraction is not
    /// from `extractor_version` and stores the results, `batch_size`
    /// documents per transaction (at least 1).
    ///
    /// Documents are processed in id order. If a batch fails, the batches
    /// before it stay stored and running again resumes with the rest.
    ///
    /// # Errors
    ///
    /// When the database fails.
    fn reextract(
        &mut self,
        extractor_version: &str,
        batch_size: usize,
        extract: &mut dyn FnMut(&Document) -> Extraction,
    ) -> Result<IngestReport, StoreError> {
        let ids = self.documents_needing_reextract(extractor_version)?;
        let mut report = IngestReport::default();
        for chunk in ids.chunks(batch_size.max(1)) {
            let mut batch = Vec::with_capacity(chunk.len());
            for id in chunk {
                // A document removed since the listing is simply skipped.
                if let Some(doc) = self.document(id)? {
                    let extraction = extract(&doc);
                    batch.push((doc, extraction));
                }
            }
            report.merge(self.ingest(&batch, extractor_version)?);
        }
        Ok(report)
    }
}
