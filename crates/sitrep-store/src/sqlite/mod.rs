//! [`SqliteStore`]: the [`Store`] on one SQLite file.
//!
//! A file store runs in WAL mode, so readers in other connections or
//! processes keep reading while one writer ingests, and it waits up to
//! [`SqliteStore::BUSY_TIMEOUT`] for a lock instead of failing at once with
//! "database is locked". Writes take the write lock at the start of each
//! batch (`BEGIN IMMEDIATE`). Foreign keys are enforced.
//!
//! This module opens and configures connections; [`write`] stores batches
//! and [`read`] answers queries.

mod read;
mod syndicate;
mod write;

pub(crate) use syndicate::backfill_syndicates;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use sitrep_model::{Document, Extraction};

use crate::migrate::migrate;
use crate::{
    ClaimFilter, EventFilter, IngestReport, OnConflict, Sighting, Stats, Store, StoreError,
    StoredClaim, StoredEvent,
};

/// A sitrep store in SQLite: a file, or memory for tests.
///
/// One `SqliteStore` is one connection: it can be moved to another thread
/// but not shared between threads. Open the same file again for another
/// reader or writer.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: String,
}

impl SqliteStore {
    /// How long an operation waits for another connection's lock.
    pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

    /// Opens the store file at `path`, creating it if it does not exist and
    /// bringing its schema up to date.
    ///
    /// # Errors
    ///
    /// When the file cannot be opened or is not a database
    /// ([`StoreError::Open`]), holds something other than a sitrep store
    /// ([`StoreError::NotAStore`]), was made by a newer sitrep
    /// ([`StoreError::SchemaTooNew`]), or a migration fails
    /// ([`StoreError::Migration`]).
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let shown = path.as_ref().display().to_string();
        let conn = Connection::open(path.as_ref()).map_err(|source| StoreError::Open {
            path: shown.clone(),
            source: Box::new(source),
        })?;
        SqliteStore::setup(conn, shown, true)
    }

    /// Opens an empty store that lives in memory and disappears with it.
    ///
    /// # Errors
    ///
    /// When SQLite cannot allocate the database.
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let path = ":memory:".to_string();
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.clone(),
            source: Box::new(source),
        })?;
        SqliteStore::setup(conn, path, false)
    }

    fn setup(mut conn: Connection, path: String, file: bool) -> Result<SqliteStore, StoreError> {
        let open_err = |source: rusqlite::Error| StoreError::Open {
            path: path.clone(),
            source: Box::new(source),
        };
        conn.busy_timeout(SqliteStore::BUSY_TIMEOUT)
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(open_err)?;
        // Reading the header fails here, before anything is written, when
        // the file is not a database at all.
        migrate(&mut conn, &path)?;
        if file {
            // WAL is persistent: set once, every later connection uses it.
            let mode: String = conn
                .pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))
                .map_err(open_err)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Open {
                    path,
                    source: format!("cannot switch to WAL mode (journal mode is {mode})").into(),
                });
            }
            // Durable at each checkpoint, never corrupt: the usual WAL choice.
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(open_err)?;
            // A 64 MiB page cache (SQLite's default is 2 MB): an ingest batch
            // touches index pages all over the file, and with the small
            // cache each was read again and spilled to the WAL mid-batch.
            // Measured on 10,000 generated articles (examples/ingest_speed.rs):
            // 16 % less CPU per document. Memory use grows only as pages
            // are read.
            conn.pragma_update(None, "cache_size", -65_536)
                .map_err(open_err)?;
            // Checkpoint (copy the WAL into the database file) every 64 MiB
            // of WAL instead of SQLite's 4 MB: a page changed by several
            // batches in between is copied once. Measured on 10,000
            // generated articles (examples/ingest_speed.rs): 12 % less CPU
            // per document. After a checkpoint the WAL file is cut back to
            // 64 MiB, so it does not keep its peak size on disk.
            conn.pragma_update(None, "wal_autocheckpoint", 16_384)
                .map_err(open_err)?;
            conn.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)
                .map_err(open_err)?;
        }
        conn.set_prepared_statement_cache_capacity(32);
        Ok(SqliteStore { conn, path })
    }

    /// Where the store lives: the path it was opened with, or `:memory:`.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Lets SQLite refresh the planner's statistics where they went
        // stale; cheap when nothing changed. A failure here loses nothing.
        let _ = self.conn.execute_batch("PRAGMA optimize;");
    }
}

impl Store for SqliteStore {
    fn ingest_with(
        &mut self,
        batch: &[(Document, Extraction)],
        extractor_version: &str,
        on_conflict: OnConflict,
    ) -> Result<IngestReport, StoreError> {
        write::ingest(&mut self.conn, batch, extractor_version, on_conflict)
    }

    fn documents_needing_reextract(
        &self,
        extractor_version: &str,
    ) -> Result<Vec<String>, StoreError> {
        read::documents_needing_reextract(&self.conn, extractor_version)
    }

    fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        read::document(&self.conn, id)
    }

    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<StoredClaim>, StoreError> {
        read::claims(&self.conn, filter)
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        read::events(&self.conn, filter)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        read::stats(&self.conn)
    }

    fn sightings(&self, id: &str) -> Result<Vec<Sighting>, StoreError> {
        read::sightings(&self.conn, id)
    }
}
