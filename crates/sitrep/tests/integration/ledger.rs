//! `sitrep ingest`, `sitrep claims` and `sitrep events`: the ledger as a
//! user drives it.

use crate::hay;
use crate::{jsonl, scratch, sitrep};

fn ledger(test: &str) -> String {
    scratch(test).join("ledger.db").display().to_string()
}

#[test]
fn ingest_is_idempotent_and_reports_what_it_did() {
    let db = ledger("ingest_is_idempotent_and_reports_what_it_did");
    let input = jsonl("clash", Some("2025-10-12"), hay::BORDER_CLASH)
        + &jsonl("drones", Some("2025-09-07"), hay::DRONE_ATTACK);
    let first = sitrep(&["ingest", "--db", &db, "-"], input.as_bytes());
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    assert_eq!(first.stdout, "");
    assert!(
        first.stderr.ends_with(": 2 new, 0 unchanged, 0 re-extracted, 0 changed (kept), 0 skipped; the ledger holds 2 documents, 11 claims, 3 events\n"),
        "{}",
        first.stderr
    );
    let again = sitrep(&["ingest", "--db", &db, "-"], input.as_bytes());
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert!(
        again.stderr.ends_with(": 0 new, 2 unchanged, 0 re-extracted, 0 changed (kept), 0 skipped; the ledger holds 2 documents, 11 claims, 3 events\n"),
        "{}",
        again.stderr
    );
}

#[test]
fn bad_records_are_skipped_and_the_rest_stored() {
    let db = ledger("bad_records_are_skipped_and_the_rest_stored");
    let input = jsonl("clash", Some("2025-10-12"), hay::BORDER_CLASH) + "{not json\n";
    let run = sitrep(&["ingest", "--db", &db, "-"], input.as_bytes());
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("sitrep: error: <stdin>:2: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(": 1 new, 0 unchanged, 0 re-extracted, 0 changed (kept), 1 skipped;"),
        "{}",
        run.stderr
    );
}

#[test]
fn claims_and_events_are_filtered() {
    let db = ledger("claims_and_events_are_filtered");
    let input = jsonl("clash", Some("2025-10-12"), hay::BORDER_CLASH)
        + &jsonl("drones", Some("2025-09-07"), hay::DRONE_ATTACK);
    assert_eq!(
        sitrep(&["ingest", "--db", &db, "-"], input.as_bytes()).code,
        Some(0)
    );

    let run = sitrep(
        &[
            "claims",
            "--db",
            &db,
            "--claimant",
            "PAK",
            "--format",
            "jsonl",
        ],
        b"",
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let claims = run.records();
    assert_eq!(claims.len(), 4);
    for claim in &claims {
        assert_eq!(claim["claimant"]["side"], "PAK");
        assert_eq!(claim["document"], "clash");
        assert_eq!(claim["published"], "2025-10-12");
    }

    let run = sitrep(
        &[
            "claims",
            "--db",
            &db,
            "--category",
            "downed",
            "--format",
            "jsonl",
        ],
        b"",
    );
    assert_eq!(run.records().len(), 2);

    let run = sitrep(
        &[
            "claims", "--db", &db, "--since", "2025-10", "--format", "jsonl",
        ],
        b"",
    );
    assert!(run.records().iter().all(|c| c["document"] == "clash"));

    let run = sitrep(&["events", "--db", &db, "--side", "RUS"], b"");
    assert_eq!(run.code, Some(0));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("DATE "), "{}", run.stdout);
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[1].contains("ASSAULT aerial") && lines[1].contains("RUS -> UKR"),
        "{}",
        run.stdout
    );
}

#[test]
fn queries_need_an_existing_ledger() {
    let db = ledger("queries_need_an_existing_ledger");
    let run = sitrep(&["claims", "--db", &db], b"");
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        format!("sitrep: error: no ledger at {db}: run `sitrep ingest --db {db} FILE...` first\n")
    );
    let run = sitrep(&["events", "--db", &db, "--type", "bombing"], b"");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("unknown event type \"bombing\""),
        "{}",
        run.stderr
    );
}
