//! The ledger under stress (Unix only): an ingest killed with SIGKILL in
//! the middle of a multi-megabyte input, readers running while an ingest
//! writes, malformed input, and the progress bar on a terminal.
//!
//! The inputs come from the `sitrep-bench` article generator (project
//! templates, deterministic). The ledger is also read behind sitrep's back
//! with a read-only SQLite connection, to see what is committed while
//! `sitrep ingest` runs.

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use crate::{Run, scratch, sitrep, write_file};

/// Longest wait for an ingest to reach a state.
const PATIENCE: Duration = Duration::from_secs(300);

/// Writes generated articles, at least `bytes` of text, as JSONL; returns
/// the path and the documents' ids in order.
fn corpus(dir: &Path, seed: u64, bytes: usize) -> (String, Vec<String>) {
    let docs = sitrep_bench::generate(seed, bytes);
    let mut text = String::new();
    for doc in &docs {
        text.push_str(&serde_json::to_string(doc).expect("a document serializes"));
        text.push('\n');
    }
    let path = write_file(dir, "corpus.jsonl", text.as_bytes());
    (path, docs.into_iter().map(|d| d.id).collect())
}

/// Starts `sitrep ARGS…` without waiting for it.
fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the sitrep binary runs")
}

/// The documents committed to the ledger, read with a read-only
/// connection; `None` while the ledger or its tables do not exist yet.
fn committed_documents(db: &str) -> Option<Vec<String>> {
    if !Path::new(db).exists() {
        return None;
    }
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    conn.busy_timeout(Duration::from_secs(10)).ok()?;
    let mut stmt = conn.prepare("SELECT id FROM documents ORDER BY id").ok()?;
    let ids = stmt
        .query_map([], |row| row.get::<_, String>(0))
        .ok()?
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    Some(ids)
}

/// Claims (or events) per document id in JSON lines that carry a
/// `document` field (the query commands) or in SPEC records (`extract`).
fn per_document(run: &Run) -> BTreeMap<String, (usize, usize)> {
    let mut counts = BTreeMap::new();
    for record in run.records() {
        if let Some(id) = record["document"].as_str() {
            // A claim or an event of `sitrep claims|events --format jsonl`.
            let entry = counts.entry(id.to_owned()).or_insert((0, 0));
            if record.get("category").is_some() {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        } else {
            let id = record["id"].as_str().expect("a record id").to_owned();
            let claims = record["claims"].as_array().map_or(0, Vec::len);
            let events = record["events"].as_array().map_or(0, Vec::len);
            counts.insert(id, (claims, events));
        }
    }
    counts
}

/// Claims and events per document, as the ledger lists them.
fn stored_counts(db: &str) -> BTreeMap<String, (usize, usize)> {
    let mut counts = BTreeMap::new();
    for command in ["claims", "events"] {
        let run = sitrep(
            &[
                command, "--db", db, "--format", "jsonl", "--limit", "10000000",
            ],
            b"",
        );
        assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{command}");
        for (id, (claims, events)) in per_document(&run) {
            let entry = counts.entry(id).or_insert((0, 0));
            entry.0 += claims;
            entry.1 += events;
        }
    }
    counts
}

#[test]
fn a_killed_ingest_keeps_whole_documents_and_a_rerun_completes() {
    let dir = scratch("a_killed_ingest_keeps_whole_documents_and_a_rerun_completes");
    let (input, ids) = corpus(&dir, 41, 4_000_000);
    let db = dir.join("ledger.db").display().to_string();

    let expected = sitrep(&["extract", &input], b"");
    assert_eq!(expected.code, Some(0), "{}", expected.stderr);
    let expected = per_document(&expected);
    assert_eq!(expected.len(), ids.len());

    // One worker, so that the run lasts several batches; killed as soon as
    // the first batch is committed.
    let mut child = spawn(&["ingest", "--db", &db, "--threads", "1", &input]);
    let started = Instant::now();
    while committed_documents(&db).is_none_or(|ids| ids.is_empty()) {
        assert!(started.elapsed() < PATIENCE, "no batch was committed");
        assert!(
            child.try_wait().expect("the child can be polled").is_none(),
            "ingest ended before a batch could be seen"
        );
        thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("ingest can be killed");
    let status = child.wait().expect("the killed ingest is reaped");
    assert_eq!(status.signal(), Some(9), "killed by SIGKILL: {status:?}");

    let stored = committed_documents(&db).expect("the ledger opens after the kill");
    assert!(
        !stored.is_empty() && stored.len() < ids.len(),
        "killed mid-run: {} of {} documents stored",
        stored.len(),
        ids.len()
    );
    // Every stored document has all its claims and events, as `extract`
    // gives them; no other document has any.
    let counts = stored_counts(&db);
    for id in &stored {
        assert_eq!(
            counts.get(id).copied().unwrap_or((0, 0)),
            expected[id],
            "document {id}"
        );
    }
    assert!(counts.keys().all(|id| stored.binary_search(id).is_ok()));

    // Running again stores the rest, once.
    let run = sitrep(&["ingest", "--db", &db, &input], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let (claims, events) = expected
        .values()
        .fold((0, 0), |(c, e), (dc, de)| (c + dc, e + de));
    assert_eq!(
        run.stderr,
        format!(
            "sitrep: {db}: {} new, {} unchanged, 0 re-extracted, 0 changed (kept), 0 skipped; \
             the ledger holds {} documents, {claims} claims, {events} events\n",
            ids.len() - stored.len(),
            stored.len(),
            ids.len()
        )
    );
    let all = committed_documents(&db).expect("the ledger opens");
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(all, sorted);
    let counts = stored_counts(&db);
    for id in &ids {
        assert_eq!(
            counts.get(id).copied().unwrap_or((0, 0)),
            expected[id],
            "document {id}"
        );
    }
}

#[test]
fn readers_always_succeed_while_an_ingest_writes() {
    let dir = scratch("readers_always_succeed_while_an_ingest_writes");
    let (input, ids) = corpus(&dir, 42, 3_000_000);
    let db = dir.join("ledger.db").display().to_string();

    let mut child = spawn(&["ingest", "--db", &db, "--threads", "1", &input]);
    let started = Instant::now();
    while !Path::new(&db).exists() {
        assert!(started.elapsed() < PATIENCE, "the ledger was never created");
        thread::sleep(Duration::from_millis(5));
    }
    // Each read sees whole batches: a document's claims all or none.
    let mut snapshots = Vec::new();
    let mut reads_during_ingest = 0;
    loop {
        let running = child.try_wait().expect("the child can be polled").is_none();
        let claims = sitrep(
            &[
                "claims", "--db", &db, "--format", "jsonl", "--limit", "10000000",
            ],
            b"",
        );
        assert_eq!(
            (claims.code, claims.stderr.as_str()),
            (Some(0), ""),
            "claims while ingesting"
        );
        snapshots.push(per_document(&claims));
        let events = sitrep(&["events", "--db", &db, "--format", "csv"], b"");
        assert_eq!(
            (events.code, events.stderr.as_str()),
            (Some(0), ""),
            "events while ingesting"
        );
        assert!(events.stdout.starts_with("event_id_cnty,"));
        if !running {
            break;
        }
        reads_during_ingest += 1;
        assert!(started.elapsed() < PATIENCE, "ingest never finished");
    }
    let status = child.wait().expect("ingest is reaped");
    assert!(status.success(), "{status:?}");
    assert!(
        reads_during_ingest >= 2,
        "only {reads_during_ingest} reads overlapped the ingest"
    );
    let last = snapshots.last().cloned().unwrap_or_default();
    for (i, snapshot) in snapshots.iter().enumerate() {
        for (id, count) in snapshot {
            assert_eq!(Some(count), last.get(id), "read {i}, document {id}");
        }
    }
    assert_eq!(committed_documents(&db).map(|d| d.len()), Some(ids.len()));
}

#[test]
fn malformed_input_is_reported_and_never_stored_in_part() {
    let dir = scratch("malformed_input_is_reported_and_never_stored_in_part");
    let db = dir.join("ledger.db").display().to_string();
    let mut input = Vec::new();
    let mut line = |value: serde_json::Value| {
        input.extend_from_slice(value.to_string().as_bytes());
        input.push(b'\n');
    };
    line(serde_json::json!({
        "id": "good-1", "published": "2025-10-12",
        "text": "Afghan officials said 12 Pakistani soldiers were killed on Saturday."
    }));
    line(serde_json::json!({ "id": "no-text", "published": "2025-10-12" }));
    line(serde_json::json!({ "id": "bad-date", "published": "2025-13-01", "text": "Quiet." }));
    line(serde_json::json!({ "id": " ", "text": "Quiet." }));
    line(serde_json::json!({ "id": "huge", "text": "word ".repeat(500) }));
    // A figure the ledger cannot hold: the whole document is refused,
    // its other claims and its events included.
    line(serde_json::json!({
        "id": "overflow", "published": "2025-10-12",
        "text": "The army said 10000000000000000000 militants were killed and 12 soldiers \
                 wounded when troops attacked positions in Khost."
    }));
    line(serde_json::json!({
        "id": "good-2", "published": "2025-10-12",
        "text": "Police said two people were killed."
    }));
    input.extend_from_slice(b"{not json\n");
    input.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    // A last line cut short, as by a writer that died.
    input.extend_from_slice(b"{\"id\": \"cut\", \"text\": \"Two soldiers were");
    let path = write_file(&dir, "mixed.jsonl", &input);
    let missing = dir.join("missing.jsonl").display().to_string();

    let run = sitrep(
        &[
            "ingest",
            "--db",
            &db,
            "--max-text-bytes",
            "2000",
            &path,
            &missing,
        ],
        b"",
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        format!(
            "sitrep: error: {path}:2: field \"text\": missing\n\
             sitrep: error: {path}:3: field \"published\": invalid date \"2025-13-01\": expected YYYY-MM-DD\n\
             sitrep: error: {path}:4: field \"id\": empty\n\
             sitrep: error: {path}:5: field \"text\": 2500 bytes exceeds the limit of 2000 (--max-text-bytes)\n\
             sitrep: error: {path}:8: invalid JSON at column 2: key must be a string\n\
             sitrep: error: {path}:9: invalid UTF-8 at byte offset 29\n\
             sitrep: error: {path}:10: invalid JSON at column 40: EOF while parsing a string\n\
             sitrep: error: {missing}: No such file or directory (os error 2)\n\
             sitrep: error: {path}:6: document \"overflow\": not stored: claim 0: a number above 9223372036854775807\n\
             sitrep: {db}: 2 new, 0 unchanged, 0 re-extracted, 0 changed (kept), 9 skipped; \
             the ledger holds 2 documents, 2 claims, 0 events\n"
        )
    );
    assert_eq!(
        committed_documents(&db),
        Some(vec!["good-1".to_owned(), "good-2".to_owned()])
    );
    let counts = stored_counts(&db);
    assert_eq!(
        counts.into_iter().collect::<Vec<_>>(),
        [("good-1".to_owned(), (1, 0)), ("good-2".to_owned(), (1, 0))]
    );
}

/// Runs `sitrep ARGS…` on a pseudo-terminal with `script` (util-linux),
/// 80 columns wide; `None` when `script` is not installed.
fn on_terminal(args: &[&str]) -> Option<(Option<i32>, String)> {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut command = format!("stty cols 80; {}", quote(env!("CARGO_BIN_EXE_sitrep")));
    for arg in args {
        command.push(' ');
        command.push_str(&quote(arg));
    }
    let output = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some((
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    ))
}

#[test]
fn the_progress_bar_is_drawn_on_a_terminal_only() {
    let dir = scratch("the_progress_bar_is_drawn_on_a_terminal_only");
    let (input, ids) = corpus(&dir, 43, 1_000_000);
    let summary = |db: &str| {
        format!(
            "sitrep: {db}: {} new, 0 unchanged, 0 re-extracted, 0 changed (kept), 0 skipped;",
            ids.len()
        )
    };

    // Piped: the summary line and nothing else.
    let db = dir.join("piped.db").display().to_string();
    let run = sitrep(&["ingest", "--db", &db, "--threads", "1", &input], b"");
    assert_eq!(run.code, Some(0));
    assert!(run.stderr.starts_with(&summary(&db)), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);

    let db = dir.join("terminal.db").display().to_string();
    let Some((code, screen)) = on_terminal(&["ingest", "--db", &db, "--threads", "1", &input])
    else {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    };
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains(" MiB/"), "bytes of the total: {screen}");
    assert!(screen.contains(" docs/s"), "{screen}");
    assert!(screen.contains(&summary(&db)), "{screen}");
    // The bar fits the 80 columns: redrawn in place, never wrapped.
    assert!(!screen.contains("\u{1b}[1A"), "{screen}");

    // reextract counts documents of a known total.
    let conn = Connection::open(&db).expect("the ledger opens");
    conn.execute("UPDATE documents SET extractor_version = 'old'", [])
        .expect("versions can be changed");
    drop(conn);
    let (code, screen) =
        on_terminal(&["reextract", "--db", &db, "--threads", "1"]).expect("script ran before");
    assert_eq!(code, Some(0), "{screen}");
    assert!(
        screen.contains(&format!("/{} docs, ", ids.len())),
        "{screen}"
    );
    assert!(screen.contains(" docs/s"), "{screen}");
    assert!(
        screen.contains(&format!("sitrep: {db}: {} re-extracted", ids.len())),
        "{screen}"
    );

    let db = dir.join("quiet.db").display().to_string();
    let (code, screen) =
        on_terminal(&["ingest", "--db", &db, "--quiet", &input]).expect("script ran before");
    assert_eq!(code, Some(0), "{screen}");
    assert!(!screen.contains("docs/s"), "{screen}");
    assert!(screen.starts_with(&summary(&db)), "{screen}");
}
