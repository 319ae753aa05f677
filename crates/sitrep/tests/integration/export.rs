//! `sitrep claims --format csv` and `sitrep events --format csv` (ACLED's
//! columns), exactly, on project-written articles.

use crate::hay;
use crate::{scratch, sitrep};

/// A ledger holding `BORDER_SHELLING`, with an outlet and a URL.
fn shelling_ledger(test: &str) -> String {
    let db = scratch(test).join("ledger.db").display().to_string();
    let mut line = serde_json::json!({
        "id": "shelling",
        "url": "https://example.invalid/wire/shelling",
        "outlet": "Example Wire",
        "published": "2025-10-14",
        "text": hay::BORDER_SHELLING,
    })
    .to_string();
    line.push('\n');
    let run = sitrep(&["ingest", "--db", &db, "-"], line.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    db
}

#[test]
fn claims_csv_has_one_row_per_claim_with_its_provenance() {
    let db = shelling_ledger("claims_csv_has_one_row_per_claim_with_its_provenance");
    let run = sitrep(&["claims", "--db", &db, "--format", "csv"], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    insta::assert_snapshot!(run.stdout, @r#"
    id,document,syndicate,outlet,published,category,subject_side,subject_kind,subject_text,n,n_max,qualifier,value_text,stance,claimant_side,claimant_text,claimant_anonymous,date,confidence,flags,quote
    shelling#c2,shelling,shelling,Example Wire,2025-10-14,killed,AFG,people,nine,9,,exact,nine,asserted,PAK,a Pakistani official,true,2025-10,0.83,side_from_context,"Pakistani jets struck a market in Khost on Monday, killing 12 people, Afghan officials said, while a Pakistani official put the toll at nine."
    shelling#c0,shelling,shelling,Example Wire,2025-10-14,killed,AFG,people,"civilians, Afghan officials",6,,at_least,at least six,asserted,AFG,Afghan officials,true,2025-10-13,0.95,,"Pakistani artillery shelled the Afghan border town of Spin Boldak on Monday, killing at least six civilians, Afghan officials said."
    shelling#c1,shelling,shelling,Example Wire,2025-10-14,killed,AFG,people,"people, Afghan officials",12,,exact,12,asserted,AFG,Afghan officials,true,2025-10-13,0.95,,"Pakistani jets struck a market in Khost on Monday, killing 12 people, Afghan officials said, while a Pakistani official put the toll at nine."
    shelling#c3,shelling,shelling,Example Wire,2025-10-14,arrested,AFG,refugees,Afghan migrants,30,,exact,30,asserted,,officials,true,2025-10-14,0.95,,"Pakistani police arrested 30 Afghan migrants in Quetta on Tuesday and began deporting them, officials said."
    "#);
}

#[test]
fn events_csv_uses_acled_columns_and_leaves_out_what_did_not_happen() {
    let db = shelling_ledger("events_csv_uses_acled_columns_and_leaves_out_what_did_not_happen");
    let run = sitrep(&["events", "--db", &db, "--format", "csv"], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    insta::assert_snapshot!(run.stdout, @r#"
    event_id_cnty,event_date,year,date_precision,disorder_type,event_type,sub_event_type,actor1,actor1_sides,actor2,actor2_sides,iso3,country,admin1,location,latitude,longitude,geo_precision,other_locations,source,source_url,notes,fatalities,fatalities_reported,negated,sitrep_type,sitrep_mode,document,syndicate,published
    AFG-shelling#e0,2025-10-13,2025,day,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Pakistani,PAK,Afghan,AFG,AFG,Afghanistan,Kandahar,Spin Boldak,31.0057,66.4000,1,,Example Wire,https://example.invalid/wire/shelling,"Pakistani artillery shelled the Afghan border town of Spin Boldak on Monday, killing at least six civilians, Afghan officials said.",6,true,false,ASSAULT,artillery,shelling,shelling,2025-10-14
    AFG-shelling#e1,2025-10-13,2025,day,Political violence,Explosions/Remote violence,Air/drone strike,Pakistani,PAK,Afghan,AFG,AFG,Afghanistan,Khost,Khost,33.3395,69.9204,1,,Example Wire,https://example.invalid/wire/shelling,"Pakistani jets struck a market in Khost on Monday, killing 12 people, Afghan officials said, while a Pakistani official put the toll at nine.",9,true,false,ASSAULT,aerial,shelling,shelling,2025-10-14
    PAK-shelling#e2,2025-10-14,2025,day,Strategic developments,Strategic developments,Arrests,Pakistani,PAK,,,PAK,Pakistan,Balochistan,Quetta,30.1841,67.0014,1,,Example Wire,https://example.invalid/wire/shelling,"Pakistani police arrested 30 Afghan migrants in Quetta on Tuesday and began deporting them, officials said.",0,false,false,COERCE,,shelling,shelling,2025-10-14
    "#);

    // On request the denied strike is listed too, marked.
    let run = sitrep(
        &[
            "events",
            "--db",
            &db,
            "--format",
            "csv",
            "--include-negated",
        ],
        b"",
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4);
    let denied = &rows[3];
    let headers = reader.headers().unwrap().clone();
    let cell = |name: &str| {
        let i = headers.iter().position(|h| h == name).unwrap();
        denied[i].to_owned()
    };
    assert_eq!(cell("negated"), "true");
    assert_eq!(cell("sub_event_type"), "Air/drone strike");
    assert_eq!(cell("location"), "Paktika");
    assert_eq!(cell("geo_precision"), "2");
    assert_eq!(
        (cell("fatalities"), cell("fatalities_reported")),
        ("0".into(), "false".into())
    );

    // The table lists every event, the denied one included.
    let run = sitrep(&["events", "--db", &db], b"");
    assert_eq!(run.stdout.lines().count(), 5, "{}", run.stdout);
    assert!(
        run.stdout.contains("ASSAULT aerial (denied)"),
        "{}",
        run.stdout
    );
}

#[test]
fn csv_filters_and_limits_like_the_other_formats() {
    let db = shelling_ledger("csv_filters_and_limits_like_the_other_formats");
    let run = sitrep(
        &[
            "claims",
            "--db",
            &db,
            "--format",
            "csv",
            "--claimant",
            "PAK",
        ],
        b"",
    );
    assert_eq!(run.code, Some(0));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[1].starts_with("shelling#c2,"), "{}", run.stdout);

    let run = sitrep(
        &["events", "--db", &db, "--format", "csv", "--limit", "1"],
        b"",
    );
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);

    // No match: the header alone, so the file still opens with its columns.
    let run = sitrep(
        &["events", "--db", &db, "--format", "csv", "--type", "AGREE"],
        b"",
    );
    assert_eq!(run.code, Some(0));
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(run.stdout.starts_with("event_id_cnty,event_date,"));
}
