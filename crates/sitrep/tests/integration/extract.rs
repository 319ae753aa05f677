//! `sitrep extract` as a user runs it: input formats, order, errors, exit
//! status and the shape of the output records.
//!
//! What the extractor finds in a text is tested in `sitrep-extract`; here
//! only the command's behaviour is (claims and events may be empty).

use crate::hay;
use crate::{jsonl, repo_root, scratch, sitrep, write_file};

/// The message for a missing file, as the OS words it.
fn not_found() -> String {
    std::io::Error::from_raw_os_error(2).to_string()
}

#[test]
fn output_records_have_the_spec_shape() {
    let input =
        jsonl("a", Some("2025-10-12"), hay::BORDER_CLASH) + &jsonl("b", None, hay::DRONE_ATTACK);
    let run = sitrep(&["extract", "-"], input.as_bytes());
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let records = run.records();
    assert_eq!(records.len(), 2);
    for (record, line) in records.iter().zip(run.stdout.lines()) {
        let mut keys: Vec<&str> = record
            .as_object()
            .expect("a record is an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["claims", "events", "id", "published"]);
        assert!(record["claims"].is_array() && record["events"].is_array());
        // Fields come in SPEC order, id first (serde_json::Value sorts them).
        assert!(line.starts_with("{\"id\":"), "{line}");
    }
    assert_eq!(records[0]["id"], "a");
    assert_eq!(records[0]["published"], "2025-10-12");
    assert_eq!(records[1]["id"], "b");
    assert!(records[1]["published"].is_null());
}

#[test]
fn input_order_is_kept_across_chunks_and_threads() {
    // More than two chunks of 256 documents, of uneven length so that
    // workers finish out of order.
    let mut input = String::new();
    let mut expected = Vec::new();
    for i in 0..700 {
        let id = format!("doc-{i:04}");
        let text = match i % 3 {
            0 => hay::BORDER_CLASH.repeat(1 + i % 7),
            1 => hay::DRONE_ATTACK.to_owned(),
            _ => hay::DISPLACEMENT.to_owned(),
        };
        input += &jsonl(&id, Some("2025-10-12"), &text);
        expected.push(id);
    }
    let run = sitrep(&["extract", "--threads", "2", "-"], input.as_bytes());
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert_eq!(run.ids(), expected);
}

#[test]
fn several_files_are_read_in_order() {
    let dir = scratch("several_files");
    let a = write_file(
        &dir,
        "a.jsonl",
        (jsonl("a1", None, "x") + &jsonl("a2", None, "y")).as_bytes(),
    );
    let b = write_file(&dir, "b.txt", hay::DISPLACEMENT.as_bytes());
    let c = write_file(&dir, "c.jsonl", jsonl("c1", None, "z").as_bytes());
    let run = sitrep(&["extract", &a, &b, &c], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert_eq!(run.ids(), ["a1", "a2", "b", "c1"]);
}

#[test]
fn reads_standard_input() {
    let input = jsonl("s1", Some("2025-09-07"), hay::DRONE_ATTACK);
    let run = sitrep(&["extract", "-"], input.as_bytes());
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert_eq!(run.ids(), ["s1"]);
    assert_eq!(run.records()[0]["published"], "2025-09-07");
}

#[test]
fn reads_txt_with_published() {
    let dir = scratch("txt_with_published");
    let path = write_file(&dir, "border-clash.txt", hay::BORDER_CLASH.as_bytes());
    let run = sitrep(&["extract", "--published", "2025-10-12", &path], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let records = run.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "border-clash");
    assert_eq!(records[0]["published"], "2025-10-12");

    let run = sitrep(&["extract", &path], b"");
    assert_eq!(run.code, Some(0));
    assert!(run.records()[0]["published"].is_null());
}

#[test]
fn input_format_overrides_the_extension() {
    // Standard input as text: the id is "stdin".
    let run = sitrep(
        &[
            "extract",
            "--input-format",
            "txt",
            "--published",
            "2025-06-16",
            "-",
        ],
        hay::NON_ASCII.as_bytes(),
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert_eq!(run.ids(), ["stdin"]);
    assert_eq!(run.records()[0]["published"], "2025-06-16");

    // A .txt file read as JSONL.
    let dir = scratch("input_format");
    let path = write_file(&dir, "records.txt", jsonl("r1", None, "text").as_bytes());
    let run = sitrep(&["extract", "--input-format", "jsonl", &path], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert_eq!(run.ids(), ["r1"]);
}

#[test]
fn published_flag_fills_only_missing_dates() {
    let input = jsonl("has", Some("2025-05-08"), "t") + &jsonl("lacks", None, "t");
    let run = sitrep(
        &["extract", "--published", "2025-10-12", "-"],
        input.as_bytes(),
    );
    assert_eq!(run.code, Some(0));
    let records = run.records();
    assert_eq!(records[0]["published"], "2025-05-08");
    assert_eq!(records[1]["published"], "2025-10-12");
}

#[test]
fn accepts_bom_crlf_blank_lines_unknown_fields_and_timestamps() {
    let input = "\u{feff}{\"id\": \"a\", \"text\": \"t\", \"lang\": \"en\", \"tags\": [1]}\r\n\r\n\
                 {\"id\": \"b\", \"text\": \"t\", \"published\": \"2025-10-11T21:55:15+00:00\"}\r\n";
    let run = sitrep(&["extract", "-"], input.as_bytes());
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert_eq!(run.ids(), ["a", "b"]);
    assert_eq!(run.records()[1]["published"], "2025-10-11");
}

#[test]
fn malformed_line_is_reported_and_the_rest_processed() {
    let dir = scratch("malformed_line");
    let input =
        jsonl("a", None, "t") + "{\"id\": \"b\", \"text\": \"t\"\n" + &jsonl("c", None, "t");
    let path = write_file(&dir, "dev.jsonl", input.as_bytes());
    let run = sitrep(&["extract", &path], b"");
    assert_eq!(run.code, Some(1));
    assert_eq!(run.ids(), ["a", "c"]);
    assert_eq!(
        run.stderr,
        format!(
            "sitrep: error: {path}:2: invalid JSON at column 23: EOF while parsing an object\n\
             sitrep: 2 documents extracted, 1 skipped\n"
        )
    );
}

#[test]
fn bad_records_each_get_one_message() {
    let mut input = Vec::new();
    input.extend_from_slice(jsonl("ok-1", None, "t").as_bytes());
    input.extend_from_slice(b"{\"id\": \"no-text\"}\n");
    input.extend_from_slice(b"{\"id\": \"empty\", \"text\": \"  \"}\n");
    input.extend_from_slice(b"{\"id\": \"utf8\", \"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(b"{\"text\": \"no id\"}\n");
    input.extend_from_slice(b"{\"id\": 5, \"text\": \"t\"}\n");
    input.extend_from_slice(b"[\"not\", \"an object\"]\n");
    input
        .extend_from_slice(b"{\"id\": \"date\", \"text\": \"t\", \"published\": \"2025-13-01\"}\n");
    input.extend_from_slice(jsonl("ok-2", None, "t").as_bytes());
    let run = sitrep(&["extract", "-"], &input);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.ids(), ["ok-1", "ok-2"]);
    assert_eq!(
        run.stderr,
        "sitrep: error: <stdin>:2: field \"text\": missing\n\
         sitrep: error: <stdin>:3: field \"text\": empty\n\
         sitrep: error: <stdin>:4: invalid UTF-8 at byte offset 27\n\
         sitrep: error: <stdin>:5: field \"id\": missing\n\
         sitrep: error: <stdin>:6: field \"id\": expected a string, found a number\n\
         sitrep: error: <stdin>:7: expected a JSON object, found an array\n\
         sitrep: error: <stdin>:8: field \"published\": invalid date \"2025-13-01\": expected YYYY-MM-DD\n\
         sitrep: 2 documents extracted, 7 skipped\n"
    );
}

#[test]
fn huge_text_line_is_skipped_without_stopping() {
    let dir = scratch("huge_text_line");
    let text_len = 20 * 1024 * 1024;
    let mut input = jsonl("before", None, "t").into_bytes();
    input.extend_from_slice(b"{\"id\": \"huge\", \"text\": \"");
    input.resize(input.len() + text_len, b'a');
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(jsonl("after", None, "t").as_bytes());
    let path = write_file(&dir, "big.jsonl", &input);
    let run = sitrep(&["extract", &path], b"");
    assert_eq!(run.code, Some(1));
    assert_eq!(run.ids(), ["before", "after"]);
    assert_eq!(
        run.stderr,
        format!(
            "sitrep: error: {path}:2: field \"text\": 20971520 bytes exceeds the limit of 8388608 \
             (--max-text-bytes)\n\
             sitrep: 2 documents extracted, 1 skipped\n"
        )
    );
    // Do not leave 20 MB behind in the target directory.
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn max_text_bytes_is_configurable() {
    let input = jsonl("short", None, "0123456789") + &jsonl("long", None, "01234567890");
    let run = sitrep(
        &["extract", "--max-text-bytes", "10", "-"],
        input.as_bytes(),
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(run.ids(), ["short"]);
    assert_eq!(
        run.stderr,
        "sitrep: error: <stdin>:2: field \"text\": 11 bytes exceeds the limit of 10 (--max-text-bytes)\n\
         sitrep: 1 document extracted, 1 skipped\n"
    );
}

#[test]
fn missing_and_unreadable_files_are_skipped() {
    let dir = scratch("missing_file");
    let good = write_file(&dir, "good.jsonl", jsonl("g1", None, "t").as_bytes());
    let missing = dir
        .join("missing.jsonl")
        .to_str()
        .expect("UTF-8 path")
        .to_owned();
    let empty_txt = write_file(&dir, "empty.txt", b"");
    let folder = dir.to_str().expect("UTF-8 path").to_owned();
    let run = sitrep(&["extract", &missing, &good, &empty_txt, &folder], b"");
    assert_eq!(run.code, Some(1));
    assert_eq!(run.ids(), ["g1"]);
    assert_eq!(
        run.stderr,
        format!(
            "sitrep: error: {missing}: {}\n\
             sitrep: error: {empty_txt}: empty file\n\
             sitrep: error: {folder}: is a directory\n\
             sitrep: 1 document extracted, 3 skipped\n",
            not_found()
        )
    );
}

#[test]
fn quiet_hides_reports_but_not_the_status() {
    let input = jsonl("a", None, "t") + "not json\n";
    let run = sitrep(&["extract", "--quiet", "-"], input.as_bytes());
    assert_eq!((run.code, run.stderr.as_str()), (Some(1), ""));
    assert_eq!(run.ids(), ["a"]);
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["extract"][..],
        &["extract", "--format", "table", "x.jsonl"],
        &["extract", "--published", "12/10/2025", "x.jsonl"],
        &["extract", "--threads", "0", "x.jsonl"],
        &["frobnicate"],
    ] {
        let run = sitrep(args, b"");
        assert_eq!(run.code, Some(2), "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = sitrep(&["extract", "--published", "2025-02-30", "x.jsonl"], b"");
    assert_eq!(
        run.stderr.lines().next(),
        Some(
            "error: invalid value '2025-02-30' for '--published <YYYY-MM-DD>': \
             invalid date \"2025-02-30\": expected YYYY-MM-DD"
        )
    );
}

#[test]
fn closed_output_pipe_exits_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let dir = scratch("closed_pipe");
    let mut input = String::new();
    for i in 0..20_000 {
        input += &jsonl(&format!("d{i}"), None, "Nothing happened.");
    }
    let path = write_file(&dir, "many.jsonl", input.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sitrep runs");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line can be read");
    assert!(first.starts_with("{\"id\":\"d0\""), "{first}");
    // The reader is dropped here: like `sitrep extract … | head -1`.
    let output = child.wait_with_output().expect("sitrep finishes");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn bundled_samples_give_one_valid_record_each() {
    let samples = repo_root().join("data/samples");
    let articles = samples.join("articles.jsonl");
    let articles = articles.to_str().expect("UTF-8 path");
    let input = std::fs::read_to_string(articles).expect("samples are bundled");
    let expected: Vec<(String, String)> = input
        .lines()
        .map(|line| {
            let doc: serde_json::Value = serde_json::from_str(line).expect("samples are JSON");
            (
                doc["id"].as_str().unwrap().to_owned(),
                doc["published"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(expected.len() >= 4, "at least four bundled articles");

    let run = sitrep(&["extract", articles], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let got: Vec<(String, String)> = run
        .records()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["published"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(got, expected);

    let txt = samples.join("border-clash.txt");
    let run = sitrep(
        &[
            "extract",
            "--published",
            "2025-10-15",
            txt.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert_eq!(run.ids(), ["border-clash"]);
}
