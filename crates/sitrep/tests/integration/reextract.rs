//! `sitrep reextract`: documents stored by another extractor version are
//! extracted again, in batches, and nothing else is touched.

use rusqlite::Connection;

use crate::hay;
use crate::{jsonl, scratch, sitrep};

/// The claims of a ledger as JSON lines (everything the store gives back).
fn all_claims(db: &str) -> String {
    let run = sitrep(
        &[
            "claims", "--db", db, "--format", "jsonl", "--limit", "100000",
        ],
        b"",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

#[test]
fn documents_of_another_version_are_reextracted_once() {
    let db = scratch("documents_of_another_version_are_reextracted_once")
        .join("ledger.db")
        .display()
        .to_string();
    let input = jsonl("clash", Some("2025-10-12"), hay::BORDER_CLASH)
        + &jsonl("drones", Some("2025-09-07"), hay::DRONE_ATTACK)
        + &jsonl("shelling", Some("2025-10-14"), hay::BORDER_SHELLING);
    let run = sitrep(&["ingest", "--db", &db, "-"], input.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let before = all_claims(&db);

    // Pretend two documents were stored by an older sitrep.
    let conn = Connection::open(&db).unwrap();
    let version: String = conn
        .query_row(
            "SELECT DISTINCT extractor_version FROM documents",
            [],
            |row| row.get(0),
        )
        .unwrap();
    let changed = conn
        .execute(
            "UPDATE documents SET extractor_version = '0.0.1' WHERE id <> 'drones'",
            [],
        )
        .unwrap();
    assert_eq!(changed, 2);
    drop(conn);

    let run = sitrep(&["reextract", "--db", &db, "--batch", "1"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "sitrep: {db}: 2 re-extracted by extractor {version}, 0 skipped; \
             the ledger holds 3 documents, 15 claims, 7 events\n"
        )
    );
    // The same extractor gives the same claims back, in place.
    assert_eq!(all_claims(&db), before);
    let conn = Connection::open(&db).unwrap();
    let old: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents WHERE extractor_version <> ?1",
            [&version],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(old, 0);
    drop(conn);

    // Nothing is left to do.
    let run = sitrep(&["reextract", "--db", &db, "--quiet"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.starts_with(&format!(
            "sitrep: {db}: 0 re-extracted by extractor {version}, 0 skipped;"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn reextract_needs_an_existing_ledger_and_a_positive_batch() {
    let dir = scratch("reextract_needs_an_existing_ledger_and_a_positive_batch");
    let db = dir.join("none.db").display().to_string();
    let run = sitrep(&["reextract", "--db", &db], b"");
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        format!("sitrep: error: no ledger at {db}: run `sitrep ingest --db {db} FILE...` first\n")
    );
    assert!(!dir.join("none.db").exists(), "no ledger is created");

    let run = sitrep(&["reextract", "--db", &db, "--batch", "0"], b"");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .starts_with("error: invalid value '0' for '--batch <N>': 0 is not in 1.."),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_dictionary_stops_reextract_before_the_ledger_is_touched() {
    let dir = scratch("a_bad_dictionary_stops_reextract_before_the_ledger_is_touched");
    let sides = crate::write_file(&dir, "bad.tsv", b"side\tkind\tname\nFDLR\tgang\tFDLR\n");
    let db = dir.join("none.db").display().to_string();
    let run = sitrep(&["reextract", "--db", &db, "--sides", &sides], b"");
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        format!(
            "sitrep: error: invalid side dictionary; nothing was extracted: {sides} line 2: \
             field kind: unknown kind \"gang\": expected country, demonym, capital, group, \
             international, organ or none\n"
        )
    );
}
