//! What `sitrep extract` finds in project-written articles, exactly: every
//! field of every claim and event, as snapshots (`snapshots/`).
//!
//! A change to the extraction rules that changes these records shows up
//! here as a snapshot diff to review (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test -p sitrep` and `git diff`).

use crate::hay;
use crate::{jsonl, sitrep};

fn pretty(stdout: &str) -> String {
    stdout
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON record");
            serde_json::to_string_pretty(&value).expect("printable")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn border_clash_record() {
    let run = sitrep(
        &["extract", "-"],
        jsonl("clash", Some("2025-10-12"), hay::BORDER_CLASH).as_bytes(),
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    insta::assert_snapshot!(pretty(&run.stdout));
}

#[test]
fn drone_attack_record() {
    let run = sitrep(
        &["extract", "-"],
        jsonl("drones", Some("2025-09-07"), hay::DRONE_ATTACK).as_bytes(),
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    insta::assert_snapshot!(pretty(&run.stdout));
}

#[test]
fn offsets_count_code_points_not_bytes() {
    let run = sitrep(
        &["extract", "-"],
        jsonl("utf8", Some("2025-06-16"), hay::NON_ASCII).as_bytes(),
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let record = &run.records()[0];
    let chars: Vec<char> = hay::NON_ASCII.chars().collect();
    let claims = record["claims"].as_array().expect("claims");
    assert!(!claims.is_empty(), "the article states figures");
    for claim in claims {
        let start = claim["evidence"]["start"].as_u64().expect("start") as usize;
        let end = claim["evidence"]["end"].as_u64().expect("end") as usize;
        let quote: String = chars[start..end].iter().collect();
        assert_eq!(claim["evidence"]["quote"], quote.as_str());
    }
}
