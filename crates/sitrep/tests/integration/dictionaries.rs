//! `--sides FILE`: a user's own side dictionary, added to the bundled one;
//! a malformed file stops sitrep before any input is read.

use crate::{jsonl, scratch, sitrep, write_file};

const ARTICLE: &str = "Freedonia said 12 Sylvanian soldiers were killed.";

#[test]
fn user_dictionary_resolves_new_names() {
    let dir = scratch("user_dictionary_resolves_new_names");
    let dict = write_file(
        &dir,
        "freedonia.tsv",
        b"side\tkind\tname\nFRD\tcountry\tFreedonia\nSYL\tdemonym\tSylvanian\n",
    );
    let input = jsonl("a", Some("2025-01-02"), ARTICLE);
    let without = sitrep(&["extract", "-"], input.as_bytes());
    let with = sitrep(&["extract", "--sides", &dict, "-"], input.as_bytes());
    assert_eq!((with.code, with.stderr.as_str()), (Some(0), ""));
    let claim = |run: &crate::Run| run.records()[0]["claims"][0].clone();
    assert!(claim(&without)["claimant"]["side"].is_null());
    assert_eq!(claim(&with)["claimant"]["side"], "FRD");
    assert_eq!(claim(&with)["subject"]["side"], "SYL");
}

#[test]
fn malformed_dictionary_stops_before_reading_input() {
    let dir = scratch("malformed_dictionary_stops_before_reading_input");
    let dict = write_file(
        &dir,
        "bad.tsv",
        b"side\tkind\tname\nFRD\tcountry\tFreedonia\nFRD\tplanet\tMars\n",
    );
    let run = sitrep(
        &["extract", "--sides", &dict, "-"],
        jsonl("a", None, ARTICLE).as_bytes(),
    );
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("sitrep: error: invalid side dictionary; nothing was extracted: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("bad.tsv line 3: field kind: "),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_dictionary_is_an_error() {
    let run = sitrep(
        &["extract", "--sides", "no-such-file.tsv", "-"],
        jsonl("a", None, ARTICLE).as_bytes(),
    );
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .starts_with("sitrep: error: cannot read side dictionary no-such-file.tsv: "),
        "{}",
        run.stderr
    );
}
