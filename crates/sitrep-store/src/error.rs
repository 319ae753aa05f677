//! The one error type of the store, [`StoreError`].
//!
//! Errors are backend-neutral: the underlying database error is kept as a
//! boxed source, so a PostgreSQL backend can return the same type. Messages
//! name the store file, the document or the table concerned. Records that are
//! merely malformed are not errors: [`crate::IngestReport::rejected`] lists
//! them and the rest of the batch is stored.

use std::error::Error as StdError;

/// A boxed error from the database library.
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// Why a store operation failed.
///
/// A failed [`crate::Store::ingest`] has stored nothing of its batch: the
/// batch's transaction was rolled back, and everything stored by earlier
/// batches is intact.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database could not be opened or configured.
    #[error("cannot open store {path}: {source}")]
    Open {
        /// The store's location.
        path: String,
        /// The database library's error.
        #[source]
        source: BoxError,
    },
    /// The database was written by a newer sitrep.
    #[error(
        "store {path} has schema version {found}, but this sitrep knows versions up to \
         {supported}: open it with a newer sitrep"
    )]
    SchemaTooNew {
        /// The store's location.
        path: String,
        /// The version recorded in the database.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The file is a database, but not one sitrep made.
    #[error("{path} is not a sitrep store: {reason}")]
    NotAStore {
        /// The store's location.
        path: String,
        /// What gave it away.
        reason: String,
    },
    /// A schema migration failed; the database is left at the previous version.
    #[error("store {path}: migration to schema version {version} failed: {source}")]
    Migration {
        /// The store's location.
        path: String,
        /// The version the failed migration leads to.
        version: i64,
        /// The database library's error.
        #[source]
        source: BoxError,
    },
    /// Writing one document (or its claims and events) failed; the whole
    /// batch was rolled back.
    #[error("storing document {document:?} failed, batch rolled back: {source}")]
    Write {
        /// The document being written.
        document: String,
        /// The database library's error.
        #[source]
        source: BoxError,
    },
    /// A stored row cannot be read back into the model's types.
    #[error("corrupt {table} row of document {document:?}: {reason}")]
    Corrupt {
        /// The table holding the row.
        table: &'static str,
        /// The document the row belongs to.
        document: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Any other database failure (a query, a transaction's begin or commit).
    #[error("{context}: {source}")]
    Database {
        /// What the store was doing.
        context: String,
        /// The database library's error.
        #[source]
        source: BoxError,
    },
}

impl StoreError {
    /// Wraps a database library error with what the store was doing.
    pub(crate) fn database(
        context: impl Into<String>,
        source: impl StdError + Send + Sync + 'static,
    ) -> StoreError {
        StoreError::Database {
            context: context.into(),
            source: Box::new(source),
        }
    }

    /// Wraps a failure while writing `document`.
    pub(crate) fn write(
        document: &str,
        source: impl StdError + Send + Sync + 'static,
    ) -> StoreError {
        StoreError::Write {
            document: document.to_string(),
            source: Box::new(source),
        }
    }
}
