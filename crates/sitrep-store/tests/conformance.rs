//! The store conformance suite: every check is a function over
//! `&mut dyn Store`, run here against SQLite in memory and in a file. A
//! PostgreSQL backend runs the same functions.

mod common;

use common::*;
use sitrep_model::{Category, EventType, Kind, Mode, Stance};
use sitrep_store::{
    ClaimFilter, EventFilter, IngestReport, OnConflict, Rejected, SqliteStore, Store,
};

const V1: &str = "extract-1.0";
const V2: &str = "extract-2.0";

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod memory {
            $(#[test]
            fn $name() {
                let mut store = sitrep_store::SqliteStore::open_in_memory().unwrap();
                super::$name(&mut store);
            })*
        }
        mod file {
            $(#[test]
            fn $name() {
                let dir = super::TempDir::new(stringify!($name));
                let mut store =
                    sitrep_store::SqliteStore::open(dir.path().join("store.db")).unwrap();
                super::$name(&mut store);
            })*
        }
    };
}

conformance!(
    round_trip_returns_exactly_what_was_ingested,
    reingest_is_a_no_op,
    new_extractor_version_replaces_claims_and_events,
    changed_content_is_kept_and_reported_by_default,
    changed_content_replaces_on_request,
    reextract_runs_only_on_stale_documents,
    claim_filters_select_exact_ids,
    event_filters_select_exact_ids,
    malformed_records_are_rejected_and_the_rest_stored,
    same_id_twice_in_one_batch,
    empty_store_and_empty_batch,
    syndicated_copies_are_linked_and_stay_visible,
    replacing_a_document_relinks_its_copies,
    short_texts_are_linked_only_when_identical,
);

fn ingest_corpus(store: &mut dyn Store) {
    let report = store.ingest(&corpus(), V1).unwrap();
    assert_eq!(
        report,
        IngestReport {
            inserted: 4,
            claims: 6,
            events: 4,
            ..IngestReport::default()
        }
    );
}

const CORPUS_SNAPSHOT: &str = r#"stats v4 documents=4 claims=6 events=4 places=4 syndicates=4 runs=[extract-1.0:4] published 2025-03-10..2025-04-02
document d1 https://news.example/d1 Valley Herald 2025-03-10 Report d1 "The Northmark defence ministry said on Sunday that 12 Southmark soldiers were killed near Redford. Southmark denied that any of its soldiers were captured."
document d2 https://news.example/d2 Coast Daily 2025-04-02 Report d2 "Aid workers said at least 300 families fled the camp in March. Officials said between 4 and 6 police officers were injured. No curfew was imposed."
document d3 https://news.example/d3 - - Report d3 "Rebels claimed to have downed two Northmark drones last year over Upper Vale, where both armies patrol."
document d4 - - - - "A hospital official said 3 people died."
claim d4#c0 [d4 #0 - - syn d4] killed 3..- exact "3" | "people" - people | asserted by "A hospital official" - anonymous=true | date - | 0..19 "A hospital official" | 0.75 | flags []
claim d3#c0 [d3 #0 - - syn d3] downed 2..- exact "two" | "Northmark drones" NTH drones | asserted by "Rebels" REB anonymous=false | date 2024 | 0..14 "Rebels claimed" | 1 | flags []
claim d2#c0 [d2 #0 Coast Daily 2025-04-02 syn d2] displaced 300..- at_least "at least 300" | "families" - people | asserted by "Aid workers" - anonymous=true | date 2025-03 | 0..16 "Aid workers said" | 0.75 | flags []
claim d1#c0 [d1 #0 Valley Herald 2025-03-10 syn d1] killed 12..- exact "12" | "Southmark soldiers" STH soldiers | asserted by "The Northmark defence ministry" NTH anonymous=false | date 2025-03-09 | 0..35 "The Northmark defence ministry said" | 0.75 | flags []
claim d1#c1 [d1 #1 Valley Herald 2025-03-10 syn d1] captured 0..- exact "any" | "its soldiers" STH soldiers | denied by "Southmark" STH anonymous=false | date - | 99..115 "Southmark denied" | 0.75 | flags [side_from_possessive]
claim d2#c1 [d2 #1 Coast Daily 2025-04-02 syn d2] injured 4..6 range "between 4 and 6" | "police officers" STH police | asserted by "Officials" STH anonymous=true | date - | 63..77 "Officials said" | 0.6 | flags [claimant_side_from_context,date_from_context]
event d3#e0 [d3 #0 - - syn d3] ASSAULT aerial | "Rebels"[REB] -> "both armies"[NTH+STH] | at [Upper Vale/NTH/Upper Vale/35,-0.5/admin1; Northmark/NTH/-/-,-/-] | date 2024 | negated=false | 0..14 "Rebels claimed"
event d2#e0 [d2 #0 Coast Daily 2025-04-02 syn d2] AID - | "Aid workers"[UN] -> - | at [Camp Seven/STH/-/-,-/place] | date 2025-03 | negated=false | 0..16 "Aid workers said"
event d1#e0 [d1 #0 Valley Herald 2025-03-10 syn d1] ASSAULT ground | "Northmark"[NTH] -> "Southmark soldiers"[STH] | at [Redford/STH/Lower Vale/34.125,70.5/place] | date 2025-03-09 | negated=false | 0..35 "The Northmark defence ministry said"
event d2#e1 [d2 #1 Coast Daily 2025-04-02 syn d2] COERCE - | - -> - | at [] | date - | negated=true | 124..133 "No curfew"
"#;

fn round_trip_returns_exactly_what_was_ingested(store: &mut dyn Store) {
    let batch = corpus();
    ingest_corpus(store);
    assert_eq!(snapshot(store, &["d1", "d2", "d3", "d4"]), CORPUS_SNAPSHOT);
    // Whole values: every stored item equals what went in.
    for (doc, extraction) in &batch {
        assert_eq!(store.document(&doc.id).unwrap().as_ref(), Some(doc));
        let filter = ClaimFilter {
            document_id: Some(doc.id.clone()),
            ..ClaimFilter::default()
        };
        let mut claims = store.claims(&filter).unwrap();
        claims.sort_by_key(|c| c.ordinal);
        assert_eq!(claims.len(), extraction.claims.len());
        for (ordinal, (stored, original)) in claims.iter().zip(&extraction.claims).enumerate() {
            assert_eq!(&stored.claim, original);
            assert_eq!(stored.ordinal as usize, ordinal);
            assert_eq!(stored.id, format!("{}#c{ordinal}", doc.id));
            assert_eq!(stored.document_id, doc.id);
            assert_eq!(stored.outlet, doc.outlet);
            assert_eq!(stored.published, doc.published);
        }
        let filter = EventFilter {
            document_id: Some(doc.id.clone()),
            ..EventFilter::default()
        };
        let mut events = store.events(&filter).unwrap();
        events.sort_by_key(|e| e.ordinal);
        let events: Vec<_> = events.into_iter().map(|e| e.event).collect();
        assert_eq!(events, extraction.events);
    }
}

fn reingest_is_a_no_op(store: &mut dyn Store) {
    ingest_corpus(store);
    let before = snapshot(store, &["d1", "d2", "d3", "d4"]);
    let report = store.ingest(&corpus(), V1).unwrap();
    assert_eq!(
        report,
        IngestReport {
            duplicates: 4,
            ..IngestReport::default()
        }
    );
    assert_eq!(snapshot(store, &["d1", "d2", "d3", "d4"]), before);
    assert_eq!(before, CORPUS_SNAPSHOT);
}

fn new_extractor_version_replaces_claims_and_events(store: &mut dyn Store) {
    ingest_corpus(store);
    // Version 2 finds only d1's second claim and no events in d1.
    let (d1, mut e1) = corpus().swap_remove(0);
    e1.claims.remove(0);
    e1.events.clear();
    let report = store.ingest(&[(d1, e1.clone())], V2).unwrap();
    assert_eq!(
        report,
        IngestReport {
            reextracted: 1,
            claims: 1,
            ..IngestReport::default()
        }
    );
    let d1_filter = ClaimFilter {
        document_id: Some("d1".into()),
        ..ClaimFilter::default()
    };
    let claims = store.claims(&d1_filter).unwrap();
    assert_eq!(claim_ids(&claims), ["d1#c0"]);
    assert_eq!(claims[0].claim, e1.claims[0]);
    let events = store
        .events(&EventFilter {
            document_id: Some("d1".into()),
            ..EventFilter::default()
        })
        .unwrap();
    assert!(events.is_empty());
    let stats = store.stats().unwrap();
    assert_eq!(
        stats_line(&stats),
        "stats v4 documents=4 claims=5 events=3 places=3 syndicates=4 runs=[extract-1.0:3,extract-2.0:1] published 2025-03-10..2025-04-02"
    );
    // Ingesting under version 2 again is now a duplicate.
    let (d1, _) = corpus().swap_remove(0);
    assert_eq!(store.ingest(&[(d1, e1)], V2).unwrap().duplicates, 1);
}

fn changed_content_is_kept_and_reported_by_default(store: &mut dyn Store) {
    ingest_corpus(store);
    let before = snapshot(store, &["d1", "d2", "d3", "d4"]);
    let (mut d2, mut e2) = corpus().swap_remove(1);
    d2.text.push_str(" Updated at noon.");
    e2.claims.clear();
    let report = store.ingest(&[(d2, e2)], V1).unwrap();
    assert_eq!(
        report,
        IngestReport {
            conflicts: vec!["d2".to_string()],
            ..IngestReport::default()
        }
    );
    assert_eq!(snapshot(store, &["d1", "d2", "d3", "d4"]), before);
}

fn changed_content_replaces_on_request(store: &mut dyn Store) {
    ingest_corpus(store);
    let (mut d2, mut e2) = corpus().swap_remove(1);
    d2.text.push_str(" Updated at noon.");
    d2.outlet = Some("Coast Daily Online".into());
    e2.claims.truncate(1);
    let report = store
        .ingest_with(&[(d2.clone(), e2.clone())], V1, OnConflict::Replace)
        .unwrap();
    assert_eq!(
        report,
        IngestReport {
            replaced: 1,
            claims: 1,
            events: 2,
            ..IngestReport::default()
        }
    );
    assert_eq!(store.document("d2").unwrap(), Some(d2));
    let claims = store
        .claims(&ClaimFilter {
            document_id: Some("d2".into()),
            ..ClaimFilter::default()
        })
        .unwrap();
    assert_eq!(claim_ids(&claims), ["d2#c0"]);
    assert_eq!(claims[0].outlet.as_deref(), Some("Coast Daily Online"));
    assert_eq!(store.stats().unwrap().claims, 5);
}

fn reextract_runs_only_on_stale_documents(store: &mut dyn Store) {
    ingest_corpus(store);
    // d3 is already extracted by version 2.
    let (d3, e3) = corpus().swap_remove(2);
    assert_eq!(store.ingest(&[(d3, e3)], V2).unwrap().reextracted, 1);
    assert_eq!(
        store.documents_needing_reextract(V2).unwrap(),
        ["d1", "d2", "d4"]
    );
    let mut seen = Vec::new();
    // The new extractor keeps only the first claim of each document.
    let mut extract = |doc: &sitrep_model::Document| {
        seen.push(doc.id.clone());
        let (_, mut e) = corpus().into_iter().find(|(d, _)| d.id == doc.id).unwrap();
        e.claims.truncate(1);
        e
    };
    let report = store.reextract(V2, 2, &mut extract).unwrap();
    assert_eq!(seen, ["d1", "d2", "d4"]);
    assert_eq!(
        report,
        IngestReport {
            reextracted: 3,
            claims: 3,
            events: 3,
            ..IngestReport::default()
        }
    );
    assert!(store.documents_needing_reextract(V2).unwrap().is_empty());
    let claims = store.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(claim_ids(&claims), ["d4#c0", "d3#c0", "d2#c0", "d1#c0"]);
    assert_eq!(
        store.stats().unwrap().extractor_versions,
        [(V2.to_string(), 4)]
    );
    // Nothing left to do: the closure is not called.
    let report = store
        .reextract(V2, 2, &mut |_: &sitrep_model::Document| unreachable!())
        .unwrap();
    assert_eq!(report, IngestReport::default());
}

fn claim_filters_select_exact_ids(store: &mut dyn Store) {
    ingest_corpus(store);
    let ids = |filter: ClaimFilter| -> Vec<String> {
        store
            .claims(&filter)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    let all = ClaimFilter::default;
    assert_eq!(
        ids(all()),
        ["d4#c0", "d3#c0", "d2#c0", "d1#c0", "d1#c1", "d2#c1"]
    );
    let sth = || Some(side("STH"));
    let nth = || Some(side("NTH"));
    assert_eq!(
        ids(ClaimFilter {
            side: sth(),
            ..all()
        }),
        ["d1#c0", "d1#c1", "d2#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            side: nth(),
            ..all()
        }),
        ["d3#c0", "d1#c0"]
    );
    assert_eq!(
        ids(ClaimFilter {
            subject_side: nth(),
            ..all()
        }),
        ["d3#c0"]
    );
    assert_eq!(
        ids(ClaimFilter {
            claimant_side: sth(),
            ..all()
        }),
        ["d1#c1", "d2#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            category: Some(Category::Killed),
            ..all()
        }),
        ["d4#c0", "d1#c0"]
    );
    assert_eq!(
        ids(ClaimFilter {
            kind: Some(Kind::Police),
            ..all()
        }),
        ["d2#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            stance: Some(Stance::Denied),
            ..all()
        }),
        ["d1#c1"]
    );
    // Dates match by overlap; undated claims take the publication day.
    assert_eq!(
        ids(ClaimFilter {
            since: Some(date("2025-03-15")),
            ..all()
        }),
        ["d2#c0", "d2#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            until: Some(date("2025-03-01")),
            ..all()
        }),
        ["d3#c0", "d2#c0"]
    );
    assert_eq!(
        ids(ClaimFilter {
            until: Some(date("2025-03")),
            ..all()
        }),
        ["d3#c0", "d2#c0", "d1#c0", "d1#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            since: Some(date("2024")),
            until: Some(date("2024")),
            ..all()
        }),
        ["d3#c0"]
    );
    // A whole year reaches its last day, and not a day beyond.
    assert_eq!(
        ids(ClaimFilter {
            since: Some(date("2024-12-31")),
            ..all()
        }),
        ["d3#c0", "d2#c0", "d1#c0", "d1#c1", "d2#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            since: Some(date("2025-01-01")),
            ..all()
        }),
        ["d2#c0", "d1#c0", "d1#c1", "d2#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            since: Some(date("2025-03-10")),
            until: Some(date("2025-03-10")),
            ..all()
        }),
        ["d2#c0", "d1#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            document_id: Some("d2".into()),
            ..all()
        }),
        ["d2#c0", "d2#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            outlet: Some("Valley Herald".into()),
            ..all()
        }),
        ["d1#c0", "d1#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            limit: Some(2),
            offset: 1,
            ..all()
        }),
        ["d3#c0", "d2#c0"]
    );
    assert_eq!(
        ids(ClaimFilter {
            limit: Some(0),
            ..all()
        }),
        Vec::<String>::new()
    );
    assert_eq!(ids(ClaimFilter { offset: 5, ..all() }), ["d2#c1"]);
    assert_eq!(
        ids(ClaimFilter {
            side: sth(),
            category: Some(Category::Injured),
            ..all()
        }),
        ["d2#c1"]
    );
    assert_eq!(
        ids(ClaimFilter {
            side: Some(side("XYZ")),
            ..all()
        }),
        Vec::<String>::new()
    );
}

fn event_filters_select_exact_ids(store: &mut dyn Store) {
    ingest_corpus(store);
    let ids = |filter: EventFilter| -> Vec<String> {
        store
            .events(&filter)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect()
    };
    let all = EventFilter::default;
    assert_eq!(ids(all()), ["d3#e0", "d2#e0", "d1#e0", "d2#e1"]);
    assert_eq!(
        ids(EventFilter {
            side: Some(side("STH")),
            ..all()
        }),
        ["d3#e0", "d1#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            side: Some(side("UN")),
            ..all()
        }),
        ["d2#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            event_type: Some(EventType::Assault),
            ..all()
        }),
        ["d3#e0", "d1#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            mode: Some(Mode::Aerial),
            ..all()
        }),
        ["d3#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            place: Some("redFORD".into()),
            ..all()
        }),
        ["d1#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            place: Some("Northmark".into()),
            ..all()
        }),
        ["d3#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            place: Some("Red".into()),
            ..all()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(EventFilter {
            country: Some("STH".into()),
            ..all()
        }),
        ["d2#e0", "d1#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            negated: Some(true),
            ..all()
        }),
        ["d2#e1"]
    );
    assert_eq!(
        ids(EventFilter {
            negated: Some(false),
            ..all()
        }),
        ["d3#e0", "d2#e0", "d1#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            since: Some(date("2025-03-05")),
            ..all()
        }),
        ["d2#e0", "d1#e0", "d2#e1"]
    );
    assert_eq!(
        ids(EventFilter {
            until: Some(date("2024-12-31")),
            ..all()
        }),
        ["d3#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            document_id: Some("d1".into()),
            ..all()
        }),
        ["d1#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            outlet: Some("Coast Daily".into()),
            ..all()
        }),
        ["d2#e0", "d2#e1"]
    );
    assert_eq!(
        ids(EventFilter {
            limit: Some(1),
            offset: 2,
            ..all()
        }),
        ["d1#e0"]
    );
    assert_eq!(
        ids(EventFilter {
            side: Some(side("NTH")),
            event_type: Some(EventType::Assault),
            since: Some(date("2025")),
            ..all()
        }),
        ["d1#e0"]
    );
}

fn malformed_records_are_rejected_and_the_rest_stored(store: &mut dyn Store) {
    let mut batch = corpus();
    // d1: the extraction belongs to another document.
    batch[0].1.id = "d9".into();
    // d3: a figure SQLite cannot hold.
    batch[2].1.claims[0].value.n = u64::MAX;
    // d4: a confidence that is not a number.
    batch[3].1.claims[0].confidence = f32::NAN;
    let mut bad_place = corpus().swap_remove(1);
    bad_place.0.id = "d5".into();
    bad_place.1.id = "d5".into();
    bad_place.1.events[0].places[0].lat = Some(f64::INFINITY);
    let mut bad_evidence = corpus().swap_remove(1);
    bad_evidence.0.id = "d6".into();
    bad_evidence.1.id = "d6".into();
    bad_evidence.1.claims[1].evidence.start = 500;
    batch.push(bad_place);
    batch.push(bad_evidence);
    let report = store.ingest(&batch, V1).unwrap();
    let rejected = |id: &str, reason: &str| Rejected {
        document_id: id.to_string(),
        reason: reason.to_string(),
    };
    assert_eq!(
        report,
        IngestReport {
            inserted: 1,
            claims: 2,
            events: 2,
            rejected: vec![
                rejected("d1", "the extraction is for document \"d9\", not \"d1\""),
                rejected("d3", "claim 0: a number above 9223372036854775807"),
                rejected("d4", "claim 0: confidence is NaN"),
                rejected(
                    "d5",
                    "event 0: place \"Camp Seven\" has non-finite coordinates"
                ),
                rejected(
                    "d6",
                    "claim 1: evidence offsets 500..77 are out of order or too large"
                ),
            ],
            ..IngestReport::default()
        }
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.claims, stats.events), (1, 2, 2));
    assert_eq!(store.document("d1").unwrap(), None);
}

fn same_id_twice_in_one_batch(store: &mut dyn Store) {
    let (d1, e1) = corpus().swap_remove(0);
    let mut changed = d1.clone();
    changed.text.push_str(" More later.");
    let batch = [
        (d1.clone(), e1.clone()),
        (d1.clone(), e1.clone()),
        (changed, e1),
    ];
    let report = store.ingest(&batch, V1).unwrap();
    assert_eq!(
        report,
        IngestReport {
            inserted: 1,
            duplicates: 1,
            conflicts: vec!["d1".into()],
            claims: 2,
            events: 1,
            ..IngestReport::default()
        }
    );
    assert_eq!(store.document("d1").unwrap(), Some(d1));
}

fn empty_store_and_empty_batch(store: &mut dyn Store) {
    assert_eq!(
        stats_line(&store.stats().unwrap()),
        "stats v4 documents=0 claims=0 events=0 places=0 syndicates=0 runs=[] published -..-"
    );
    assert_eq!(store.ingest(&[], V1).unwrap(), IngestReport::default());
    assert_eq!(store.document("d1").unwrap(), None);
    assert!(store.claims(&ClaimFilter::default()).unwrap().is_empty());
    assert!(store.events(&EventFilter::default()).unwrap().is_empty());
    assert!(store.documents_needing_reextract(V1).unwrap().is_empty());
}

/// A wire story written for these tests (about 110 words).
const WIRE: &str = "Brenmoor, May 2 (Harbour Wire) - Floodwater released from a damaged dam \
    swept through three villages below the Brenmoor reservoir on Thursday, killing at least \
    eight people, the district administrator said.\n\n\
    Rescue teams in boats reached the village of Orsk by the evening and evacuated about 400 \
    residents to a school on higher ground. Each side accused the other of shelling the dam \
    during the night.\n\n\
    Engineers warned that the remaining wall could give way if the water level kept rising, \
    and the administrator ordered two more villages to leave before dawn.\n\n\
    The reservoir supplies drinking water to most of the district, and water trucks were \
    being sent from the regional capital.";

/// Another story from the same district, sharing place names and a figure.
const OTHER: &str = "Brenmoor, May 9 (Harbour Wire) - Residents of Orsk began returning to \
    their flooded homes on Friday, a week after the dam break that killed at least eight \
    people, and found most wells contaminated. The district administrator said teams would \
    test every well before the water could be drunk again, and that about 400 residents \
    were still sleeping in the school. Farmers said the flood had carried away livestock and \
    seed stores, and asked for help before the planting season ends.";

fn wire_copy(
    id: &str,
    outlet: &str,
    text: String,
) -> (sitrep_model::Document, sitrep_model::Extraction) {
    let d = doc(id, Some(outlet), Some("2025-05-03"), &text);
    let c = claim(
        Category::Killed,
        ("people", None, Kind::People),
        (8, None, sitrep_model::Qualifier::AtLeast, "at least eight"),
        Stance::Asserted,
        Some(("the district administrator", None, false)),
        None,
        evidence(&text, text.split_whitespace().next().unwrap()),
        vec![],
    );
    let e = extraction(&d, vec![c], vec![]);
    (d, e)
}

/// The original and three copies: a byline added and the last paragraph
/// dropped; a copy of that copy with a word changed; the story reflowed
/// under a new headline.
fn wire_copies() -> Vec<(sitrep_model::Document, sitrep_model::Extraction)> {
    let trimmed = WIRE.rsplit_once("\n\n").unwrap().0;
    let bylined = format!("By Ines Varga, The Lakeside Post\n\n{trimmed}");
    vec![
        wire_copy("wire", "Harbour Wire", WIRE.to_string()),
        wire_copy("other", "Harbour Wire", OTHER.to_string()),
        wire_copy("post", "The Lakeside Post", bylined.clone()),
        wire_copy(
            "gazette",
            "Hill Gazette",
            bylined.replace("evacuated", "moved"),
        ),
        wire_copy(
            "daily",
            "Plains Daily",
            format!("DAM BREAK KILLS EIGHT\n{}", WIRE.replace("\n\n", " ")),
        ),
    ]
}

fn sighting_ids(store: &dyn Store, id: &str) -> Vec<String> {
    store
        .sightings(id)
        .unwrap()
        .into_iter()
        .map(|s| s.document_id)
        .collect()
}

fn syndicated_copies_are_linked_and_stay_visible(store: &mut dyn Store) {
    let copies = wire_copies();
    // Three in the first batch: "post" is linked to "wire", stored just
    // before it in the same batch.
    let report = store.ingest(&copies[..3], V1).unwrap();
    assert_eq!(
        report,
        IngestReport {
            inserted: 3,
            claims: 3,
            syndicated: 1,
            ..IngestReport::default()
        }
    );
    let report = store.ingest(&copies[3..], V1).unwrap();
    assert_eq!((report.inserted, report.syndicated), (2, 2));
    // Every outlet stays visible as a sighting, the original first.
    let sightings = store.sightings("gazette").unwrap();
    let lines: Vec<String> = sightings
        .iter()
        .map(|s| {
            format!(
                "{} {} {} {} {}",
                s.document_id,
                s.outlet.as_deref().unwrap_or("-"),
                s.published.map_or("-".to_string(), |d| d.to_string()),
                s.url.as_deref().unwrap_or("-"),
                s.title.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "wire Harbour Wire 2025-05-03 https://news.example/wire Report wire",
            "post The Lakeside Post 2025-05-03 https://news.example/post Report post",
            "gazette Hill Gazette 2025-05-03 https://news.example/gazette Report gazette",
            "daily Plains Daily 2025-05-03 https://news.example/daily Report daily",
        ]
    );
    assert_eq!(sighting_ids(store, "wire"), sighting_ids(store, "daily"));
    assert_eq!(sighting_ids(store, "other"), ["other"]);
    assert!(store.sightings("nowhere").unwrap().is_empty());
    // Five claims, two independent sources.
    let claims = store.claims(&ClaimFilter::default()).unwrap();
    let sources: Vec<(&str, &str)> = claims
        .iter()
        .map(|c| (c.document_id.as_str(), c.syndicate.as_str()))
        .collect();
    // All on one day: in the order they were stored.
    assert_eq!(
        sources,
        [
            ("wire", "wire"),
            ("other", "other"),
            ("post", "wire"),
            ("gazette", "wire"),
            ("daily", "wire"),
        ]
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.syndicates), (5, 2));
    // Re-ingest stays a no-op.
    let ids = ["wire", "other", "post", "gazette", "daily"];
    let before = snapshot(store, &ids);
    let report = store.ingest(&copies, V1).unwrap();
    assert_eq!(
        report,
        IngestReport {
            duplicates: 5,
            ..IngestReport::default()
        }
    );
    // A new extractor version keeps the links.
    let report = store.ingest(&copies, V2).unwrap();
    assert_eq!((report.reextracted, report.syndicated), (5, 0));
    let after = snapshot(store, &ids).replace(V2, V1);
    assert_eq!(after, before);
}

fn replacing_a_document_relinks_its_copies(store: &mut dyn Store) {
    let copies = wire_copies();
    store.ingest(&copies, V1).unwrap();
    let replace = |store: &mut dyn Store, id: &str, text: &str| {
        let (mut d, e) = copies.iter().find(|(d, _)| d.id == id).unwrap().clone();
        d.text = text.to_string();
        let mut e = e;
        e.claims.clear();
        store
            .ingest_with(&[(d, e)], V1, OnConflict::Replace)
            .unwrap()
    };
    // The original is replaced by unrelated text: its copies keep each
    // other, named by the earliest of them.
    let report = replace(store, "wire", "A correction: this item was withdrawn.");
    assert_eq!((report.replaced, report.syndicated), (1, 0));
    assert_eq!(sighting_ids(store, "wire"), ["wire"]);
    assert_eq!(sighting_ids(store, "gazette"), ["post", "gazette", "daily"]);
    assert_eq!(store.stats().unwrap().syndicates, 3);
    // Restored, it is the earliest copy again and names the syndicate.
    let report = replace(store, "wire", WIRE);
    assert_eq!((report.replaced, report.syndicated), (1, 0));
    assert_eq!(
        sighting_ids(store, "post"),
        ["wire", "post", "gazette", "daily"]
    );
    // The other story rewritten as a copy joins it, in its stored place.
    let report = replace(store, "other", &format!("Updated: {WIRE}"));
    assert_eq!((report.replaced, report.syndicated), (1, 1));
    assert_eq!(
        sighting_ids(store, "wire"),
        ["wire", "other", "post", "gazette", "daily"]
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.syndicates), (5, 1));
}

fn short_texts_are_linked_only_when_identical(store: &mut dyn Store) {
    let brief = |id: &str, text: &str| {
        let d = doc(id, Some(id), Some("2025-05-03"), text);
        let e = extraction(&d, vec![], vec![]);
        (d, e)
    };
    let batch = [
        brief(
            "b1",
            "Eight people died when the Brenmoor dam broke, officials said.",
        ),
        brief(
            "b2",
            "EIGHT people died when the Brenmoor dam broke -- officials said",
        ),
        brief(
            "b3",
            "Nine people died when the Brenmoor dam broke, officials said.",
        ),
        brief("b4", ""),
        brief("b5", ""),
    ];
    let report = store.ingest(&batch, V1).unwrap();
    assert_eq!((report.inserted, report.syndicated), (5, 1));
    assert_eq!(sighting_ids(store, "b2"), ["b1", "b2"]);
    assert_eq!(sighting_ids(store, "b3"), ["b3"]);
    assert_eq!(sighting_ids(store, "b5"), ["b5"]);
    assert_eq!(store.stats().unwrap().syndicates, 4);
}

#[test]
fn sqlite_store_is_a_store_object() {
    // The trait stays object-safe: the CLI and server hold a `Box<dyn Store>`.
    let store: Box<dyn Store> = Box::new(SqliteStore::open_in_memory().unwrap());
    assert_eq!(
        store.stats().unwrap().schema_version,
        sitrep_store::SCHEMA_VERSION
    );
}
