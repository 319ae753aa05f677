//! Tests of the SQLite backend itself: files, WAL, migrations, refusals,
//! rollback of a batch that fails half-way, and a reader running while a
//! writer ingests.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};

use common::*;
use rusqlite::Connection;
use sitrep_model::Side;
use sitrep_store::{
    ClaimFilter, EventFilter, IngestReport, OnConflict, SCHEMA_VERSION, SqliteStore, Store,
    StoreError,
};

const V1: &str = "extract-1.0";

#[test]
fn a_file_store_keeps_everything_across_reopening() {
    let dir = TempDir::new("reopen");
    let path = dir.path().join("store.db");
    let before = {
        let mut store = SqliteStore::open(&path).unwrap();
        store.ingest(&corpus(), V1).unwrap();
        snapshot(&store, &["d1", "d2", "d3", "d4"])
    };
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(snapshot(&store, &["d1", "d2", "d3", "d4"]), before);
    assert_eq!(store.ingest(&corpus(), V1).unwrap().duplicates, 4);
    assert_eq!(store.path(), path.display().to_string());
}

#[test]
fn a_file_store_is_in_wal_mode_with_foreign_keys() {
    let dir = TempDir::new("wal");
    let path = dir.path().join("store.db");
    let _store = SqliteStore::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

/// Builds a database file from a SQL dump, as an older sitrep left it.
fn database_from_dump(path: &std::path::Path, sql: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn opens_a_store_written_at_schema_version_1() {
    let dir = TempDir::new("v1");
    let path = dir.path().join("v1.sqlite");
    database_from_dump(&path, include_str!("fixtures/db/v1.sql"));
    // Opening migrates it to the current version, keeping its rows.
    let mut store = SqliteStore::open(&path).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(SCHEMA_VERSION, 4);
    assert_eq!(
        stats_line(&stats),
        "stats v4 documents=2 claims=3 events=2 places=3 syndicates=2 runs=[extract-1.0:2] \
         published 2025-03-10..2025-03-10"
    );
    // Its rows read back as the model values they were written from.
    let corpus = corpus();
    let claims = store.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(claim_ids(&claims), ["d3#c0", "d1#c0", "d1#c1"]);
    assert_eq!(claims[0].claim, corpus[2].1.claims[0]);
    assert_eq!(claims[2].claim, corpus[0].1.claims[1]);
    assert_eq!(store.document("d1").unwrap().as_ref(), Some(&corpus[0].0));
    // Version 4 gave items ids by document: the filters that use them.
    let of_d1 = ClaimFilter {
        document_id: Some("d1".into()),
        ..ClaimFilter::default()
    };
    assert_eq!(
        claim_ids(&store.claims(&of_d1).unwrap()),
        ["d1#c0", "d1#c1"]
    );
    let events = store.events(&EventFilter::default()).unwrap();
    let event_ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(event_ids, ["d3#e0", "d1#e0"]);
    assert_eq!(events[1].event, corpus[0].1.events[0]);
    assert_eq!(sided(&store, "STH"), ["d3#e0", "d1#e0"]);
    assert_eq!(sided(&store, "REB"), ["d3#e0"]);
    // And it takes new batches; the stored documents are duplicates.
    let report = store.ingest(&corpus, V1).unwrap();
    assert_eq!(
        report,
        IngestReport {
            inserted: 2,
            duplicates: 2,
            claims: 3,
            events: 2,
            ..IngestReport::default()
        }
    );
    // A migrated document's items are replaced whole: no side row of the
    // old extraction is left behind.
    let mut changed = corpus[0].clone();
    changed.0.title = Some("Report d1, updated".into());
    // Its event moves a day, so its side rows get new keys.
    changed.1.events[0].date = Some("2025-03-08".parse().unwrap());
    let report = store
        .ingest_with(&[changed], V1, OnConflict::Replace)
        .unwrap();
    assert_eq!(report.replaced, 1);
    let stats = store.stats().unwrap();
    assert_eq!((stats.claims, stats.events, stats.places), (6, 4, 4));
    assert_eq!(sided(&store, "REB").len(), 1);
    assert_eq!(sided(&store, "NTH"), ["d3#e0", "d1#e0"]);
    // d1: NTH, STH; d2: UN; d3: REB, NTH, STH.
    let side_rows: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM event_sides", [], |row| row.get(0))
        .unwrap();
    assert_eq!(side_rows, 6);
}

/// The ids of the events either of whose actors is `side`.
fn sided(store: &SqliteStore, side: &str) -> Vec<String> {
    let filter = EventFilter {
        side: Some(Side::new(side).unwrap()),
        ..EventFilter::default()
    };
    let found = store.events(&filter).unwrap();
    found.into_iter().map(|e| e.id).collect()
}

/// Version 3 added syndicated copies: a store written at version 2 gets
/// every document fingerprinted and its copies linked when it is opened.
#[test]
fn opens_a_store_written_at_schema_version_2_and_links_its_copies() {
    let dir = TempDir::new("v2");
    let path = dir.path().join("v2.sqlite");
    database_from_dump(&path, include_str!("fixtures/db/v2.sql"));
    let mut store = SqliteStore::open(&path).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(
        stats_line(&stats),
        "stats v4 documents=5 claims=1 events=0 places=0 syndicates=3 \
         runs=[extract-1.0:5] published 2025-06-06..2025-06-07"
    );
    let ids = |id: &str| -> Vec<String> {
        store
            .sightings(id)
            .unwrap()
            .into_iter()
            .map(|s| s.document_id)
            .collect()
    };
    assert_eq!(ids("w2"), ["w1", "w2"]);
    assert_eq!(ids("w1"), ["w1", "w2"]);
    assert_eq!(ids("x1"), ["x1"]);
    assert_eq!(ids("s2"), ["s1", "s2"]);
    let claims = store.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(
        (claims[0].document_id.as_str(), claims[0].syndicate.as_str()),
        ("w2", "w1")
    );
    // Every document got a fingerprint; the rebuilt table kept the stored
    // order and the foreign keys still hold.
    let conn = Connection::open(&path).unwrap();
    let rows: Vec<(i64, String, Option<i64>)> = conn
        .prepare("SELECT rowid, id, length(fingerprint) FROM documents ORDER BY rowid")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            (1, "w1".to_string(), Some(128)),
            (2, "x1".to_string(), Some(128)),
            (3, "w2".to_string(), Some(128)),
            (4, "s1".to_string(), Some(8)),
            (5, "s2".to_string(), Some(8)),
        ]
    );
    let fk_problems: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(fk_problems, 0);
    // The stored content hashes still match: re-ingesting is a no-op.
    let batch: Vec<_> = ["w1", "x1", "w2", "s1", "s2"]
        .iter()
        .map(|id| {
            let doc = store.document(id).unwrap().unwrap();
            let mut extraction = extraction(&doc, vec![], vec![]);
            if *id == "w2" {
                extraction.claims = claims.iter().map(|c| c.claim.clone()).collect();
            }
            (doc, extraction)
        })
        .collect();
    let report = store.ingest(&batch, V1).unwrap();
    assert_eq!(
        report,
        IngestReport {
            duplicates: 5,
            ..IngestReport::default()
        }
    );
}

#[test]
fn refuses_a_store_from_a_newer_sitrep_and_leaves_it_alone() {
    let dir = TempDir::new("newer");
    let path = dir.path().join("store.db");
    drop(SqliteStore::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(
        err,
        StoreError::SchemaTooNew {
            found: 99,
            supported: SCHEMA_VERSION,
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        format!(
            "store {} has schema version 99, but this sitrep knows versions up to 4: \
             open it with a newer sitrep",
            path.display()
        )
    );
    let version: i64 = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

#[test]
fn refuses_a_file_that_is_not_a_database() {
    let dir = TempDir::new("notdb");
    let path = dir.path().join("notes.txt");
    let text = "These are notes, not a database. ".repeat(100);
    std::fs::write(&path, &text).unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "cannot open store {}: file is not a database",
            path.display()
        )
    );
    // Untouched.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn refuses_another_programs_database() {
    let dir = TempDir::new("foreign");
    let path = dir.path().join("other.db");
    database_from_dump(
        &path,
        "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');",
    );
    let err = SqliteStore::open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} is not a sitrep store: it holds 1 table(s) but no sitrep schema version",
            path.display()
        )
    );
}

/// A failure injected into the third insert of a batch (a trigger that
/// aborts on one claim) rolls back that whole batch, including the documents
/// already written in it, and nothing stored by the earlier batch is lost.
#[test]
fn a_failure_mid_batch_rolls_back_that_batch_only() {
    let dir = TempDir::new("failpoint");
    let path = dir.path().join("store.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let corpus = corpus();
    store.ingest(&corpus[..2], V1).unwrap();
    let before = snapshot(&store, &["d1", "d2", "d3", "d4"]);

    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER fail_on_hospital BEFORE INSERT ON claims
             WHEN NEW.quote = 'A hospital official'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .unwrap();
    // d3 goes in first (document, claim, event, places, sides), then d4's
    // claim fails.
    let err = store.ingest(&corpus[2..], V1).unwrap_err();
    assert!(matches!(&err, StoreError::Write { document, .. } if document == "d4"));
    assert_eq!(
        err.to_string(),
        "storing document \"d4\" failed, batch rolled back: injected failure"
    );
    assert_eq!(snapshot(&store, &["d1", "d2", "d3", "d4"]), before);
    // A fresh connection sees the same: nothing of the failed batch reached
    // the file.
    let other = SqliteStore::open(&path).unwrap();
    assert_eq!(snapshot(&other, &["d1", "d2", "d3", "d4"]), before);

    // Once the cause is gone, the same batch goes in whole.
    Connection::open(&path)
        .unwrap()
        .execute_batch("DROP TRIGGER fail_on_hospital;")
        .unwrap();
    let report = store.ingest(&corpus[2..], V1).unwrap();
    assert_eq!((report.inserted, report.claims, report.events), (2, 2, 1));
    assert_eq!(store.stats().unwrap().documents, 4);
}

/// With WAL and a busy timeout, a reader in another connection keeps
/// reading consistent data while a writer ingests batch after batch.
#[test]
fn a_reader_reads_while_a_writer_ingests() {
    let dir = TempDir::new("concurrent");
    let path = dir.path().join("store.db");
    let mut writer = SqliteStore::open(&path).unwrap();
    let reader = SqliteStore::open(&path).unwrap();
    const BATCHES: usize = 40;
    const PER_BATCH: usize = 50;
    let start = Arc::new(Barrier::new(2));
    let done = Arc::new(AtomicBool::new(false));
    let write = {
        let (start, done) = (Arc::clone(&start), Arc::clone(&done));
        std::thread::spawn(move || {
            start.wait();
            for b in 0..BATCHES {
                let batch = synthetic(&format!("b{b:02}-"), PER_BATCH);
                let report = writer.ingest(&batch, V1).unwrap();
                assert_eq!(report.inserted, PER_BATCH);
            }
            done.store(true, Ordering::SeqCst);
        })
    };
    let read = std::thread::spawn(move || {
        start.wait();
        let mut reads = 0usize;
        let mut last = 0u64;
        loop {
            let finished = done.load(Ordering::SeqCst);
            let stats = reader.stats().unwrap();
            // Whole batches only, and never going backwards.
            assert_eq!(stats.documents % PER_BATCH as u64, 0);
            assert_eq!(stats.claims, stats.documents);
            assert!(stats.documents >= last);
            last = stats.documents;
            let claims = reader.claims(&ClaimFilter::default()).unwrap();
            assert_eq!(claims.len() % PER_BATCH, 0);
            reads += 1;
            if finished {
                return (reads, last);
            }
        }
    });
    write.join().unwrap();
    let (reads, last) = read.join().unwrap();
    assert!(reads >= 1);
    assert_eq!(last, (BATCHES * PER_BATCH) as u64);
}

/// Two writers on one file take turns: the second waits for the first's
/// transaction instead of failing with "database is locked".
#[test]
fn two_writers_take_turns() {
    let dir = TempDir::new("writers");
    let path = dir.path().join("store.db");
    drop(SqliteStore::open(&path).unwrap());
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = SqliteStore::open(&path).unwrap();
                for b in 0..10 {
                    let batch = synthetic(&format!("w{w}-b{b}-"), 100);
                    assert_eq!(store.ingest(&batch, V1).unwrap().inserted, 100);
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 2000);
}

#[test]
fn a_corrupt_row_is_reported_with_its_document() {
    let dir = TempDir::new("corrupt");
    let path = dir.path().join("store.db");
    let mut store = SqliteStore::open(&path).unwrap();
    store.ingest(&corpus(), V1).unwrap();
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE claims SET category = 'vanished' WHERE id >> 20 = (SELECT seq FROM documents WHERE id = 'd2')",
            [],
        )
        .unwrap();
    let err = store.claims(&ClaimFilter::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "corrupt claims row of document \"d2\": category \"vanished\" is not a known value"
    );
}
