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

const PLACE_HEADER: &str = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names\n";

#[test]
fn user_places_are_found() {
    let dir = scratch("user_places_are_found");
    let file = format!("{PLACE_HEADER}Freedonia Gap\tAFG\tKandahar\t31.0\t66.0\t0\tcrossing\t\n");
    let places = write_file(&dir, "places.tsv", file.as_bytes());
    let text = "Pakistani jets struck the Freedonia Gap crossing overnight, Afghan officials said.";
    let run = sitrep(
        &["extract", "--places", &places, "-"],
        jsonl("a", Some("2025-01-02"), text).as_bytes(),
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let event = &run.records()[0]["events"][0];
    assert_eq!(event["places"][0]["name"], "Freedonia Gap");
    assert_eq!(event["places"][0]["country"], "AFG");
    assert_eq!(event["places"][0]["lat"], 31.0);
}

#[test]
fn malformed_places_stop_before_reading_input() {
    let dir = scratch("malformed_places_stop_before_reading_input");
    let file = format!("{PLACE_HEADER}Bad Place\tAFG\tKandahar\t91.5\t66.0\t0\tcrossing\t\n");
    let places = write_file(&dir, "bad-places.tsv", file.as_bytes());
    let run = sitrep(
        &["extract", "--places", &places, "-"],
        jsonl("a", None, ARTICLE).as_bytes(),
    );
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains(
            "bad-places.tsv line 2: field lat: expected a latitude from -90 to 90, found \"91.5\""
        ),
        "{}",
        run.stderr
    );
}
