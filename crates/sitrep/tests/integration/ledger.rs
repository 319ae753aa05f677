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

/// Two outlets report one night's clash; each side's toll differs, and
/// the second report revises one side's figure.
const TOLL_FIRST: &str = "Afghan and Pakistani forces clash on the border\n\n\
Afghanistan's defence ministry said on Sunday that 40 Pakistani soldiers were killed in \
overnight fighting near the Torkham crossing. Pakistan's military said 12 of its soldiers \
were killed in the clashes on Saturday night.";
const TOLL_SECOND: &str = "Border toll disputed\n\n\
Afghanistan's defence ministry said on Monday that 55 Pakistani soldiers were killed in the \
fighting on Saturday night. The Pakistani military has not changed its own count.";

fn disputed_ledger(test: &str) -> String {
    let db = ledger(test);
    let input = jsonl("toll-1", Some("2025-10-12"), TOLL_FIRST)
        + &jsonl("toll-2", Some("2025-10-13"), TOLL_SECOND);
    let run = sitrep(&["ingest", "--db", &db, "-"], input.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    db
}

#[test]
fn contested_puts_each_sides_figure_side_by_side() {
    let db = disputed_ledger("contested_puts_each_sides_figure_side_by_side");
    let table = sitrep(&["contested", "--db", &db, "--min-sides", "2"], b"");
    assert_eq!(table.code, Some(0), "{}", table.stderr);
    insta::assert_snapshot!("contested_table", table.stdout);

    let lines = sitrep(
        &[
            "contested",
            "--db",
            &db,
            "--claimant",
            "PAK",
            "--format",
            "jsonl",
        ],
        b"",
    );
    let figures = lines.records();
    assert_eq!(figures.len(), 1, "{}", lines.stdout);
    let figure = &figures[0];
    assert_eq!(figure["category"], "killed");
    assert_eq!(figure["subject"]["side"], "PAK");
    assert_eq!(
        (figure["low"].as_u64(), figure["high"].as_u64()),
        (Some(12), Some(55))
    );
    let afg = &figure["figures"][0];
    assert_eq!(afg["claimant"]["side"], "AFG");
    assert_eq!(afg["n"], 55);
    assert_eq!(afg["revisions"][0]["n"], 40);
    assert_eq!(afg["documents"], serde_json::json!(["toll-1", "toll-2"]));

    let csv = sitrep(
        &[
            "contested",
            "--db",
            &db,
            "--min-sides",
            "2",
            "--format",
            "csv",
        ],
        b"",
    );
    let rows: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(rows.len(), 3, "{}", csv.stdout);
    assert!(rows[0].starts_with("figure_id,category,subject_side,subject_kind,scope,"));

    let none = sitrep(&["contested", "--db", &db, "--claimant", "IND"], b"");
    assert_eq!(none.code, Some(0));
    assert_eq!(
        none.stdout.lines().count(),
        1,
        "only the header: {}",
        none.stdout
    );
}

#[test]
fn report_cites_every_figure_and_ingest_can_print_it() {
    let db = disputed_ledger("report_cites_every_figure_and_ingest_can_print_it");
    let markdown = sitrep(&["report", "--db", &db, "--title", "Torkham"], b"");
    assert_eq!(markdown.code, Some(0), "{}", markdown.stderr);
    insta::assert_snapshot!("report_markdown", markdown.stdout);

    let html_path = std::path::Path::new(&db).with_file_name("r.html");
    let html_arg = html_path.display().to_string();
    let both = sitrep(
        &[
            "report", "--db", &db, "--html", &html_arg, "--title", "Torkham",
        ],
        b"",
    );
    assert_eq!(both.stdout, markdown.stdout);
    let page = std::fs::read_to_string(&html_path).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<mark>55</mark>"));

    // `ingest --report` stores, then prints the same report of the ledger.
    let again = jsonl("toll-1", Some("2025-10-12"), TOLL_FIRST);
    let run = sitrep(&["ingest", "--db", &db, "--report", "-"], again.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains(": 0 new, 1 unchanged,"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stdout,
        markdown
            .stdout
            .replacen("# Torkham", "# Situation report", 1)
    );
}
