//! The schema migration runner.
//!
//! Migrations are the files `migrations/NNNN_*.sql`, compiled in. The
//! database's `PRAGMA user_version` records how many have been applied;
//! opening a store applies the missing ones, each in its own `IMMEDIATE`
//! transaction (so two processes opening a new file at once cannot both
//! apply it). A database whose version is newer than this build knows is
//! refused, and so is a database that holds tables but is not a sitrep
//! store. This module does not back up the database before migrating.
//!
//! A migration may have a Rust step that runs after its SQL in the same
//! transaction (version 3 computes the fingerprints of stored documents and
//! links their syndicated copies). Foreign keys are off while migrations
//! run, so that a table can be rebuilt (SQLite's twelve-step procedure)
//! without its `ON DELETE CASCADE` emptying the tables that refer to it;
//! `PRAGMA foreign_key_check` must find nothing before each commit, and
//! foreign keys are turned back on afterwards.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// One schema step: SQL, then optionally Rust, in one transaction.
struct Migration {
    sql: &'static str,
    after: Option<fn(&Connection) -> rusqlite::Result<()>>,
}

/// The migrations, in order: entry `i` takes the schema from version `i` to
/// version `i + 1`.
const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: include_str!("../migrations/0001_init.sql"),
        after: None,
    },
    Migration {
        sql: include_str!("../migrations/0002_claims_subject_index.sql"),
        after: None,
    },
    Migration {
        sql: include_str!("../migrations/0003_syndication.sql"),
        after: Some(crate::sqlite::backfill_syndicates),
    },
    Migration {
        sql: include_str!("../migrations/0004_compact_ids.sql"),
        after: None,
    },
];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The `application_id` every sitrep store carries ("SITR").
pub(crate) const APPLICATION_ID: i64 = 0x5349_5452;

/// Brings the database at `path` (already open as `conn`) to
/// [`SCHEMA_VERSION`]; returns the version found before.
pub(crate) fn migrate(conn: &mut Connection, path: &str) -> Result<i64, StoreError> {
    let open_err = |source: rusqlite::Error| StoreError::Open {
        path: path.to_string(),
        source: Box::new(source),
    };
    let found = user_version(conn).map_err(open_err)?;
    check_known(conn, path, found)?;
    if found >= SCHEMA_VERSION {
        return Ok(found);
    }
    // Not inside a transaction: SQLite ignores this pragma there.
    conn.pragma_update(None, "foreign_keys", false)
        .map_err(open_err)?;
    let applied = apply(conn, path, found);
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(open_err)?;
    applied?;
    Ok(found)
}

fn apply(conn: &mut Connection, path: &str, found: i64) -> Result<(), StoreError> {
    for (index, migration) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version <= found {
            continue;
        }
        let migration_err = |source: rusqlite::Error| StoreError::Migration {
            path: path.to_string(),
            version,
            source: Box::new(source),
        };
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(migration_err)?;
        // Another process may have migrated while this one waited for the lock.
        let current = user_version(&tx).map_err(migration_err)?;
        if current >= version {
            check_known(&tx, path, current)?;
            continue;
        }
        tx.execute_batch(migration.sql).map_err(migration_err)?;
        if let Some(after) = migration.after {
            after(&tx).map_err(migration_err)?;
        }
        let dangling: i64 = tx
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                row.get(0)
            })
            .map_err(migration_err)?;
        if dangling > 0 {
            return Err(StoreError::Migration {
                path: path.to_string(),
                version,
                source: format!("{dangling} row(s) would break a foreign key").into(),
            });
        }
        tx.pragma_update(None, "user_version", version)
            .map_err(migration_err)?;
        tx.commit().map_err(migration_err)?;
    }
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Refuses databases from a newer sitrep and databases that are not sitrep's.
fn check_known(conn: &Connection, path: &str, version: i64) -> Result<(), StoreError> {
    let open_err = |source: rusqlite::Error| StoreError::Open {
        path: path.to_string(),
        source: Box::new(source),
    };
    let not_a_store = |reason: String| StoreError::NotAStore {
        path: path.to_string(),
        reason,
    };
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(open_err)?;
    if version == 0 {
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                [],
                |row| row.get(0),
            )
            .map_err(open_err)?;
        if tables > 0 {
            return Err(not_a_store(format!(
                "it holds {tables} table(s) but no sitrep schema version"
            )));
        }
        return Ok(());
    }
    if application_id != APPLICATION_ID {
        return Err(not_a_store(format!(
            "its application id is {application_id:#x}, not sitrep's {APPLICATION_ID:#x}"
        )));
    }
    if version < 0 {
        return Err(not_a_store(format!(
            "its schema version {version} is negative"
        )));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_string(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_id_spells_sitr() {
        assert_eq!(APPLICATION_ID.to_be_bytes()[4..], *b"SITR");
        assert!(
            MIGRATIONS[0]
                .sql
                .contains(&format!("application_id = {APPLICATION_ID};"))
        );
    }

    #[test]
    fn fresh_database_reaches_current_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn, ":memory:").unwrap(), 0);
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        // Foreign keys were off while migrating, and are on again.
        let foreign_keys: bool = conn
            .pragma_query_value(None, "foreign_keys", |row| row.get(0))
            .unwrap();
        assert!(foreign_keys);
        // Running again finds everything applied.
        assert_eq!(migrate(&mut conn, ":memory:").unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn foreign_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT);")
            .unwrap();
        let err = migrate(&mut conn, "notes.db").unwrap_err();
        assert_eq!(
            err.to_string(),
            "notes.db is not a sitrep store: it holds 1 table(s) but no sitrep schema version"
        );
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        let err = migrate(&mut conn, "other.db").unwrap_err();
        assert_eq!(
            err.to_string(),
            "other.db is not a sitrep store: its application id is 0x0, not sitrep's 0x53495452"
        );
    }
}
