//! `--format csv` of `sitrep claims` and `sitrep events`: stored items as
//! comma-separated values with a header row (RFC 4180 quoting, by the
//! `csv` crate), for spreadsheets and data tools.
//!
//! # Claims
//!
//! One row per claim with its provenance: the columns of [`CLAIM_COLUMNS`].
//! An empty cell is a null (no side, no claimant, no date); `n_max` is
//! filled for ranges only; `flags` are `;`-separated; `syndicate` is the
//! id of the first stored copy of the same report (claims of one syndicate
//! are one source, however many outlets printed it).
//!
//! # Events, in ACLED's columns
//!
//! One row per event, in columns named and filled as in an ACLED export
//! (the Armed Conflict Location & Event Data project), so that sitrep's
//! events can be opened next to ACLED data: [`EVENT_COLUMNS`]. The
//! correspondences:
//!
//! - `event_id_cnty`: the event's country code and sitrep's event id
//!   (`AFG-clash#e0`; the id alone when no country is known).
//! - `event_date`: the event's date; a month or a year stands for its first
//!   day, and `date_precision` says `day`, `month` or `year`. An undated
//!   event is dated by its document's publication day, with precision
//!   `published`; with neither, both are empty.
//! - `disorder_type`, `event_type`, `sub_event_type`: from the SPEC type and
//!   mode by [`acled_type`], whose table follows.
//! - `actor1`, `actor2`: the actor as the text names it; `actor1_sides`,
//!   `actor2_sides` its sitrep sides (`;`-separated).
//! - `iso3`, `country`, `admin1`, `location`, `latitude`, `longitude`: the
//!   most specific place of the event (`country` is the country's name);
//!   `other_locations` lists any further places (`;`-separated). ACLED
//!   would record one event per place; sitrep keeps one row so that
//!   fatalities are not counted twice.
//! - `geo_precision`: 1 for a town, village or site, 2 for a province
//!   (admin1) or district, 3 for a country only.
//! - `source`: the outlet; `source_url`: the document's URL when stored;
//!   `notes`: the evidence sentence.
//! - `fatalities`: as ACLED, the most conservative figure: the lowest `n`
//!   of the asserted `killed` claims linked to the event. A claim is linked
//!   to the first ASSAULT of its document, in text order, that is not
//!   negated and whose evidence overlaps the claim's (the same sentence:
//!   `sitrep_reconcile::link_event`, the rule contested figures use to
//!   place claims), so that a figure is never counted for two events and the column can
//!   be summed. Other event types have no fatalities, as ACLED's strategic
//!   developments. With no linked claim it is 0 and `fatalities_reported`
//!   is `false`. Figures for different groups in one sentence are not
//!   summed (one may include the other), so the value is a lower bound.
//! - Not in ACLED: `negated` (see `--include-negated`), `sitrep_type`,
//!   `sitrep_mode`, `document`, `syndicate` (the id of the first stored
//!   copy of the same report: rows of one syndicate are one source, however
//!   many outlets printed it), `published`.
//!
//! | SPEC type | mode | disorder_type | event_type | sub_event_type |
//! |---|---|---|---|---|
//! | ASSAULT | ground | Political violence | Battles | Armed clash |
//! | ASSAULT | unspecified | Political violence | Battles | Armed clash |
//! | ASSAULT | aerial | Political violence | Explosions/Remote violence | Air/drone strike |
//! | ASSAULT | artillery | Political violence | Explosions/Remote violence | Shelling/artillery/missile attack |
//! | ASSAULT | explosives | Political violence | Explosions/Remote violence | Remote explosive/landmine/IED |
//! | AGREE | | Strategic developments | Strategic developments | Agreement |
//! | COERCE, with an `arrested` claim in its sentence | | Strategic developments | Strategic developments | Arrests |
//! | COERCE, otherwise (deportations, closures, sanctions) | | Strategic developments | Strategic developments | Other |
//! | THREATEN, ACCUSE, REJECT, REQUEST, MEDIATE, CONSULT, AID, MOBILIZE | | Strategic developments | Strategic developments | Other |
//!
//! An ASSAULT of unstated mode is coded as an armed clash, ACLED's most
//! general sub-event type of direct force. sitrep does not tell apart the
//! finer sub-event types ACLED has (suicide bombs, grenades, territorial
//! changes, violence against civilians, protests), and ACLED does not code
//! statements (ACCUSE, REJECT, REQUEST, THREATEN): filter on `sitrep_type`
//! to leave them out.
//!
//! This module writes rows; which items are listed is `query_cmd`'s (and
//! the store's) business.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::Write;

use anyhow::Context;
use sitrep_model::{Category, Claim, Event, EventType, Mode, Place, Precision, Stance};
use sitrep_reconcile::{link_event, same_sentence};
use sitrep_store::{ClaimFilter, EventFilter, Store, StoredClaim, StoredEvent};

/// The header of the claims CSV.
pub(crate) const CLAIM_COLUMNS: [&str; 21] = [
    "id",
    "document",
    "syndicate",
    "outlet",
    "published",
    "category",
    "subject_side",
    "subject_kind",
    "subject_text",
    "n",
    "n_max",
    "qualifier",
    "value_text",
    "stance",
    "claimant_side",
    "claimant_text",
    "claimant_anonymous",
    "date",
    "confidence",
    "flags",
    "quote",
];

/// The header of the events CSV (ACLED's names where ACLED has the column).
pub(crate) const EVENT_COLUMNS: [&str; 30] = [
    "event_id_cnty",
    "event_date",
    "year",
    "date_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor1_sides",
    "actor2",
    "actor2_sides",
    "iso3",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "other_locations",
    "source",
    "source_url",
    "notes",
    "fatalities",
    "fatalities_reported",
    "negated",
    "sitrep_type",
    "sitrep_mode",
    "document",
    "syndicate",
    "published",
];

/// ACLED's classification of an event: disorder type, event type and
/// sub-event type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AcledType {
    pub(crate) disorder_type: &'static str,
    pub(crate) event_type: &'static str,
    pub(crate) sub_event_type: &'static str,
}

const POLITICAL_VIOLENCE: &str = "Political violence";
const STRATEGIC: &str = "Strategic developments";

/// The ACLED type of a SPEC event type and mode (the table in the module
/// doc). `arrests` is true when an `arrested` claim shares the event's
/// sentence; it only matters for COERCE.
pub(crate) fn acled_type(kind: EventType, mode: Option<Mode>, arrests: bool) -> AcledType {
    let violence = |event_type, sub_event_type| AcledType {
        disorder_type: POLITICAL_VIOLENCE,
        event_type,
        sub_event_type,
    };
    let strategic = |sub_event_type| AcledType {
        disorder_type: STRATEGIC,
        event_type: STRATEGIC,
        sub_event_type,
    };
    const BATTLES: &str = "Battles";
    const REMOTE: &str = "Explosions/Remote violence";
    match kind {
        EventType::Assault => match mode {
            Some(Mode::Aerial) => violence(REMOTE, "Air/drone strike"),
            Some(Mode::Artillery) => violence(REMOTE, "Shelling/artillery/missile attack"),
            Some(Mode::Explosives) => violence(REMOTE, "Remote explosive/landmine/IED"),
            Some(Mode::Ground | Mode::Unspecified) | None => violence(BATTLES, "Armed clash"),
        },
        EventType::Agree => strategic("Agreement"),
        EventType::Coerce if arrests => strategic("Arrests"),
        EventType::Coerce
        | EventType::Threaten
        | EventType::Accuse
        | EventType::Reject
        | EventType::Request
        | EventType::Mediate
        | EventType::Consult
        | EventType::Aid
        | EventType::Mobilize => strategic("Other"),
    }
}

/// Writes the claims CSV, header first.
///
/// # Errors
///
/// When the output cannot be written.
pub(crate) fn write_claims(out: impl Write, claims: &[StoredClaim]) -> anyhow::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(CLAIM_COLUMNS)
        .context("cannot write the output")?;
    for stored in claims {
        csv.write_record(claim_row(stored))
            .context("cannot write the output")?;
    }
    csv.flush().context("cannot write the output")?;
    Ok(())
}

/// One row of the claims CSV.
fn claim_row(stored: &StoredClaim) -> [String; CLAIM_COLUMNS.len()] {
    let claim = &stored.claim;
    let claimant = claim.claimant.as_ref();
    [
        stored.id.clone(),
        stored.document_id.clone(),
        stored.syndicate.clone(),
        stored.outlet.clone().unwrap_or_default(),
        optional(stored.published),
        claim.category.to_string(),
        optional(claim.subject.side.as_ref()),
        claim.subject.kind.to_string(),
        claim.subject.text.clone(),
        claim.value.n.to_string(),
        optional(claim.value.n_max),
        claim.value.qualifier.to_string(),
        claim.value.text.clone(),
        claim.stance.to_string(),
        optional(claimant.and_then(|c| c.side.as_ref())),
        claimant.map(|c| c.text.clone()).unwrap_or_default(),
        optional(claimant.map(|c| c.anonymous)),
        optional(claim.date),
        format!("{:.2}", claim.confidence),
        claim
            .flags
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        claim.evidence.quote.clone(),
    ]
}

/// What the events CSV needs from an event's document besides the event.
#[derive(Debug, Default)]
pub(crate) struct DocumentContext {
    /// The document's URL.
    url: Option<String>,
    /// The document's claims.
    claims: Vec<Claim>,
    /// The lowest linked `killed` figure of each event, by ordinal.
    fatalities: HashMap<u32, u64>,
}

impl DocumentContext {
    /// The context of a document with this URL, claims and events (each
    /// event with its ordinal).
    fn new(url: Option<String>, claims: Vec<Claim>, events: &[(u32, &Event)]) -> DocumentContext {
        let fatalities = fatalities(events, &claims);
        DocumentContext {
            url,
            claims,
            fatalities,
        }
    }
}

/// Writes the events CSV, header first, reading each event's document
/// (its URL and claims) from `store` once.
///
/// # Errors
///
/// When the store cannot be read or the output cannot be written.
pub(crate) fn write_events(
    out: impl Write,
    events: &[StoredEvent],
    store: &impl Store,
) -> anyhow::Result<()> {
    let sides = sitrep_gazetteer::Sides::bundled();
    let country_name = |code: &str| {
        sitrep_model::Side::new(code)
            .ok()
            .and_then(|side| sides.country_name(&side).map(str::to_owned))
    };
    let mut documents: HashMap<&str, DocumentContext> = HashMap::new();
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(EVENT_COLUMNS)
        .context("cannot write the output")?;
    for stored in events {
        let id = stored.document_id.as_str();
        let context = match documents.entry(id) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(new) => new.insert(document_context(store, id)?),
        };
        csv.write_record(event_row(stored, context, &country_name))
            .context("cannot write the output")?;
    }
    csv.flush().context("cannot write the output")?;
    Ok(())
}

/// The URL, claims and fatalities of a stored document.
fn document_context(store: &impl Store, id: &str) -> anyhow::Result<DocumentContext> {
    let url = store
        .document(id)
        .with_context(|| format!("cannot read the document {id:?}"))?
        .and_then(|doc| doc.url);
    let claims = store
        .claims(&ClaimFilter {
            document_id: Some(id.to_owned()),
            ..ClaimFilter::default()
        })
        .with_context(|| format!("cannot read the claims of the document {id:?}"))?
        .into_iter()
        .map(|stored| stored.claim)
        .collect();
    // Every event of the document, not only the listed ones: a claim goes
    // to the first ASSAULT of its sentence whether or not that is listed.
    let mut events = store
        .events(&EventFilter {
            document_id: Some(id.to_owned()),
            ..EventFilter::default()
        })
        .with_context(|| format!("cannot read the events of the document {id:?}"))?;
    events.sort_by_key(|stored| stored.ordinal);
    let events: Vec<(u32, &Event)> = events.iter().map(|e| (e.ordinal, &e.event)).collect();
    Ok(DocumentContext::new(url, claims, &events))
}

/// The asserted claims of `category` stated in the event's sentence.
fn linked<'a>(
    event: &'a Event,
    claims: &'a [Claim],
    category: Category,
) -> impl Iterator<Item = &'a Claim> + 'a {
    claims.iter().filter(move |c| {
        c.category == category
            && c.stance == Stance::Asserted
            && same_sentence(&c.evidence, &event.evidence)
    })
}

/// ACLED's `fatalities` of a document's events (given in text order with
/// their ordinals): each asserted `killed` claim goes to the first ASSAULT
/// that happened and shares its sentence; each event gets the lowest
/// figure it was given. Events without one are absent.
fn fatalities(events: &[(u32, &Event)], claims: &[Claim]) -> HashMap<u32, u64> {
    let assaults: Vec<&(u32, &Event)> = events
        .iter()
        .filter(|(_, e)| e.kind == EventType::Assault)
        .collect();
    let mut lowest: HashMap<u32, u64> = HashMap::new();
    for claim in claims {
        if claim.category != Category::Killed || claim.stance != Stance::Asserted {
            continue;
        }
        let first = link_event(&claim.evidence, assaults.iter().map(|(_, e)| *e))
            .and_then(|i| assaults.get(i));
        if let Some((ordinal, _)) = first {
            lowest
                .entry(*ordinal)
                .and_modify(|n| *n = (*n).min(claim.value.n))
                .or_insert(claim.value.n);
        }
    }
    lowest
}

/// ACLED's `geo_precision` of a place: 1 town or site, 2 province or
/// district, 3 country.
fn geo_precision(place: &Place, country_name: Option<&str>) -> u8 {
    match place.precision {
        Some(Precision::Place) => 1,
        Some(Precision::Admin1) => 2,
        Some(Precision::Country) => 3,
        // Older extractions carry no precision: infer it from the names.
        None if country_name.is_some_and(|c| c == place.name) => 3,
        None if place.admin1.as_deref() == Some(place.name.as_str()) => 2,
        None => 1,
    }
}

/// One row of the events CSV.
fn event_row(
    stored: &StoredEvent,
    context: &DocumentContext,
    country_name: &dyn Fn(&str) -> Option<String>,
) -> [String; EVENT_COLUMNS.len()] {
    let event = &stored.event;
    let (event_date, precision) = match (event.date, stored.published) {
        (Some(date), _) => {
            let precision = match date {
                sitrep_model::PartialDate::Day(_) => "day",
                sitrep_model::PartialDate::Month { .. } => "month",
                sitrep_model::PartialDate::Year(_) => "year",
            };
            (Some(date.first_day()), precision)
        }
        (None, Some(published)) => (Some(published), "published"),
        (None, None) => (None, ""),
    };
    let arrests = linked(event, &context.claims, Category::Arrested)
        .next()
        .is_some();
    let acled = acled_type(event.kind, event.mode, arrests);
    let place = event.places.first();
    let iso3 = place.and_then(|p| p.country.clone());
    let country = iso3.as_deref().and_then(country_name);
    let id = match &iso3 {
        Some(code) => format!("{code}-{}", stored.id),
        None => stored.id.clone(),
    };
    let coordinate = |value: Option<f64>| {
        value
            .filter(|v| v.is_finite())
            .map(|v| format!("{v:.4}"))
            .unwrap_or_default()
    };
    let actor_sides = |actor: Option<&sitrep_model::Actor>| {
        actor.map_or_else(String::new, |a| {
            a.sides
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(";")
        })
    };
    let fatalities = context.fatalities.get(&stored.ordinal).copied();
    [
        id,
        optional(event_date),
        optional(event_date.map(|d| d.year())),
        precision.to_owned(),
        acled.disorder_type.to_owned(),
        acled.event_type.to_owned(),
        acled.sub_event_type.to_owned(),
        event
            .actor1
            .as_ref()
            .map(|a| a.text.clone())
            .unwrap_or_default(),
        actor_sides(event.actor1.as_ref()),
        event
            .actor2
            .as_ref()
            .map(|a| a.text.clone())
            .unwrap_or_default(),
        actor_sides(event.actor2.as_ref()),
        iso3.clone().unwrap_or_default(),
        country.clone().or_else(|| iso3.clone()).unwrap_or_default(),
        place.and_then(|p| p.admin1.clone()).unwrap_or_default(),
        place.map(|p| p.name.clone()).unwrap_or_default(),
        coordinate(place.and_then(|p| p.lat)),
        coordinate(place.and_then(|p| p.lon)),
        optional(place.map(|p| geo_precision(p, country.as_deref()))),
        event
            .places
            .iter()
            .skip(1)
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        stored.outlet.clone().unwrap_or_default(),
        context.url.clone().unwrap_or_default(),
        event.evidence.quote.clone(),
        fatalities.unwrap_or(0).to_string(),
        fatalities.is_some().to_string(),
        event.negated.to_string(),
        event.kind.to_string(),
        optional(event.mode),
        stored.document_id.clone(),
        stored.syndicate.clone(),
        optional(stored.published),
    ]
}

/// A value as text, or an empty cell.
fn optional(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use sitrep_model::{Actor, Claimant, Kind, PartialDate, Qualifier, Side, Subject, Value};

    use super::*;
    use sitrep_model::Evidence;

    /// Every SPEC type and mode, with and without an arrest in the
    /// sentence: the whole mapping table of the module doc.
    #[test]
    fn every_spec_type_and_mode_has_an_acled_type() {
        let mut table = Vec::new();
        for kind in EventType::ALL {
            let modes: Vec<Option<Mode>> = if *kind == EventType::Assault {
                std::iter::once(None)
                    .chain(Mode::ALL.iter().copied().map(Some))
                    .collect()
            } else {
                vec![None]
            };
            for mode in modes {
                for arrests in [false, true] {
                    let t = acled_type(*kind, mode, arrests);
                    table.push(format!(
                        "{kind} {} {arrests}: {} / {} / {}",
                        mode.map_or("-", |m| m.as_str()),
                        t.disorder_type,
                        t.event_type,
                        t.sub_event_type
                    ));
                }
            }
        }
        insta::assert_snapshot!(table.join("\n"), @r"
        ASSAULT - false: Political violence / Battles / Armed clash
        ASSAULT - true: Political violence / Battles / Armed clash
        ASSAULT aerial false: Political violence / Explosions/Remote violence / Air/drone strike
        ASSAULT aerial true: Political violence / Explosions/Remote violence / Air/drone strike
        ASSAULT artillery false: Political violence / Explosions/Remote violence / Shelling/artillery/missile attack
        ASSAULT artillery true: Political violence / Explosions/Remote violence / Shelling/artillery/missile attack
        ASSAULT ground false: Political violence / Battles / Armed clash
        ASSAULT ground true: Political violence / Battles / Armed clash
        ASSAULT explosives false: Political violence / Explosions/Remote violence / Remote explosive/landmine/IED
        ASSAULT explosives true: Political violence / Explosions/Remote violence / Remote explosive/landmine/IED
        ASSAULT unspecified false: Political violence / Battles / Armed clash
        ASSAULT unspecified true: Political violence / Battles / Armed clash
        THREATEN - false: Strategic developments / Strategic developments / Other
        THREATEN - true: Strategic developments / Strategic developments / Other
        ACCUSE - false: Strategic developments / Strategic developments / Other
        ACCUSE - true: Strategic developments / Strategic developments / Other
        REJECT - false: Strategic developments / Strategic developments / Other
        REJECT - true: Strategic developments / Strategic developments / Other
        REQUEST - false: Strategic developments / Strategic developments / Other
        REQUEST - true: Strategic developments / Strategic developments / Other
        MEDIATE - false: Strategic developments / Strategic developments / Other
        MEDIATE - true: Strategic developments / Strategic developments / Other
        CONSULT - false: Strategic developments / Strategic developments / Other
        CONSULT - true: Strategic developments / Strategic developments / Other
        AGREE - false: Strategic developments / Strategic developments / Agreement
        AGREE - true: Strategic developments / Strategic developments / Agreement
        COERCE - false: Strategic developments / Strategic developments / Other
        COERCE - true: Strategic developments / Strategic developments / Arrests
        AID - false: Strategic developments / Strategic developments / Other
        AID - true: Strategic developments / Strategic developments / Other
        MOBILIZE - false: Strategic developments / Strategic developments / Other
        MOBILIZE - true: Strategic developments / Strategic developments / Other
        ");
    }

    fn evidence(start: usize, end: usize) -> Evidence {
        Evidence {
            start,
            end,
            quote: String::new(),
        }
    }

    fn claim(category: Category, n: u64, stance: Stance, span: (usize, usize)) -> Claim {
        Claim {
            category,
            subject: Subject {
                text: "people".into(),
                side: None,
                kind: Kind::People,
            },
            value: Value {
                n,
                n_max: None,
                qualifier: Qualifier::Exact,
                text: n.to_string(),
            },
            stance,
            claimant: None,
            date: None,
            evidence: evidence(span.0, span.1),
            confidence: 1.0,
            flags: vec![],
        }
    }

    fn event(kind: EventType, mode: Option<Mode>, span: (usize, usize)) -> Event {
        Event {
            kind,
            mode,
            actor1: None,
            actor2: None,
            places: vec![],
            date: None,
            negated: false,
            evidence: evidence(span.0, span.1),
        }
    }

    #[test]
    fn fatalities_are_the_lowest_asserted_killed_figure_of_the_sentence() {
        let accusation = event(EventType::Accuse, None, (100, 200));
        let mut denied = event(EventType::Assault, Some(Mode::Ground), (100, 200));
        denied.negated = true;
        let strike = event(EventType::Assault, Some(Mode::Aerial), (100, 200));
        let shelling = event(EventType::Assault, Some(Mode::Artillery), (100, 200));
        let later = event(EventType::Assault, Some(Mode::Ground), (200, 300));
        let events = [
            (0, &accusation),
            (1, &denied),
            (2, &strike),
            (3, &shelling),
            (4, &later),
        ];
        let claims = [
            claim(Category::Killed, 12, Stance::Asserted, (100, 200)),
            claim(Category::Killed, 7, Stance::Asserted, (150, 260)),
            // Denied, another category, another sentence: not linked.
            claim(Category::Killed, 0, Stance::Denied, (100, 200)),
            claim(Category::Injured, 3, Stance::Asserted, (100, 200)),
            claim(Category::Killed, 2, Stance::Asserted, (0, 100)),
            claim(Category::Killed, 5, Stance::Asserted, (200, 300)),
        ];
        // The first ASSAULT that happened takes the figures of its
        // sentence, the lowest counts; a figure is never given twice.
        let mut found: Vec<(u32, u64)> = fatalities(&events, &claims).into_iter().collect();
        found.sort_unstable();
        assert_eq!(found, [(2, 7), (4, 5)]);
        assert!(fatalities(&events, &claims[2..4]).is_empty());
        assert!(fatalities(&events, &[]).is_empty());
        assert!(fatalities(&[], &claims).is_empty());
    }

    fn stored_event(event: Event, published: Option<&str>) -> StoredEvent {
        StoredEvent {
            id: "doc#e0".into(),
            document_id: "doc".into(),
            ordinal: 0,
            outlet: Some("Wire".into()),
            published: published.map(|p| p.parse().unwrap()),
            syndicate: "wire-first".into(),
            event,
        }
    }

    fn row(stored: &StoredEvent, context: &DocumentContext) -> Vec<(&'static str, String)> {
        let names = |code: &str| (code == "AFG").then(|| "Afghanistan".to_owned());
        EVENT_COLUMNS
            .into_iter()
            .zip(event_row(stored, context, &names))
            .collect()
    }

    #[test]
    fn event_rows_fill_acled_columns() {
        let mut ev = event(EventType::Coerce, None, (10, 40));
        ev.evidence.quote = "Police arrested 14 men in Jalalabad.".into();
        ev.actor1 = Some(Actor {
            text: "Afghan police".into(),
            sides: vec![Side::new("AFG").unwrap()],
        });
        ev.date = Some(PartialDate::Month {
            year: 2025,
            month: 10,
        });
        ev.places = vec![
            Place {
                name: "Jalalabad".into(),
                country: Some("AFG".into()),
                admin1: Some("Nangarhar".into()),
                lat: Some(34.430_000_1),
                lon: Some(70.45),
                precision: None,
            },
            Place {
                name: "Nangarhar".into(),
                country: Some("AFG".into()),
                admin1: Some("Nangarhar".into()),
                lat: None,
                lon: None,
                precision: Some(Precision::Admin1),
            },
        ];
        let context = DocumentContext::new(
            Some("https://example.invalid/a".into()),
            vec![
                claim(Category::Arrested, 14, Stance::Asserted, (10, 40)),
                // Not an ASSAULT: no fatalities.
                claim(Category::Killed, 1, Stance::Asserted, (10, 40)),
            ],
            &[(0, &ev)],
        );
        let stored = stored_event(ev, Some("2025-10-12"));
        insta::assert_debug_snapshot!(row(&stored, &context), @r#"
        [
            (
                "event_id_cnty",
                "AFG-doc#e0",
            ),
            (
                "event_date",
                "2025-10-01",
            ),
            (
                "year",
                "2025",
            ),
            (
                "date_precision",
                "month",
            ),
            (
                "disorder_type",
                "Strategic developments",
            ),
            (
                "event_type",
                "Strategic developments",
            ),
            (
                "sub_event_type",
                "Arrests",
            ),
            (
                "actor1",
                "Afghan police",
            ),
            (
                "actor1_sides",
                "AFG",
            ),
            (
                "actor2",
                "",
            ),
            (
                "actor2_sides",
                "",
            ),
            (
                "iso3",
                "AFG",
            ),
            (
                "country",
                "Afghanistan",
            ),
            (
                "admin1",
                "Nangarhar",
            ),
            (
                "location",
                "Jalalabad",
            ),
            (
                "latitude",
                "34.4300",
            ),
            (
                "longitude",
                "70.4500",
            ),
            (
                "geo_precision",
                "1",
            ),
            (
                "other_locations",
                "Nangarhar",
            ),
            (
                "source",
                "Wire",
            ),
            (
                "source_url",
                "https://example.invalid/a",
            ),
            (
                "notes",
                "Police arrested 14 men in Jalalabad.",
            ),
            (
                "fatalities",
                "0",
            ),
            (
                "fatalities_reported",
                "false",
            ),
            (
                "negated",
                "false",
            ),
            (
                "sitrep_type",
                "COERCE",
            ),
            (
                "sitrep_mode",
                "",
            ),
            (
                "document",
                "doc",
            ),
            (
                "syndicate",
                "wire-first",
            ),
            (
                "published",
                "2025-10-12",
            ),
        ]
        "#);
    }

    #[test]
    fn undated_events_take_the_publication_day_and_places_may_be_missing() {
        let ev = event(EventType::Assault, Some(Mode::Ground), (0, 5));
        let context = DocumentContext::new(
            None,
            vec![claim(Category::Killed, 4, Stance::Asserted, (0, 5))],
            &[(0, &ev)],
        );
        let cells = row(&stored_event(ev.clone(), Some("2025-10-12")), &context);
        let get = |cells: &[(&str, String)], name: &str| {
            cells
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        assert_eq!(get(&cells, "event_id_cnty"), "doc#e0");
        assert_eq!(get(&cells, "event_date"), "2025-10-12");
        assert_eq!(get(&cells, "date_precision"), "published");
        assert_eq!(get(&cells, "event_type"), "Battles");
        assert_eq!(get(&cells, "location"), "");
        assert_eq!(get(&cells, "geo_precision"), "");
        assert_eq!(get(&cells, "fatalities"), "4");
        assert_eq!(get(&cells, "fatalities_reported"), "true");
        assert_eq!(get(&cells, "negated"), "false");
        let cells = row(&stored_event(ev, None), &context);
        assert_eq!(get(&cells, "event_date"), "");
        assert_eq!(get(&cells, "year"), "");
        assert_eq!(get(&cells, "date_precision"), "");
    }

    #[test]
    fn geo_precision_follows_the_place_or_its_names() {
        let place = |name: &str, admin1: Option<&str>, precision| Place {
            name: name.into(),
            country: Some("PAK".into()),
            admin1: admin1.map(Into::into),
            lat: None,
            lon: None,
            precision,
        };
        assert_eq!(
            geo_precision(&place("Chaman", None, Some(Precision::Place)), None),
            1
        );
        assert_eq!(
            geo_precision(&place("Kurram", None, Some(Precision::Admin1)), None),
            2
        );
        assert_eq!(
            geo_precision(&place("Pakistan", None, Some(Precision::Country)), None),
            3
        );
        assert_eq!(
            geo_precision(&place("Pakistan", None, None), Some("Pakistan")),
            3
        );
        assert_eq!(
            geo_precision(
                &place("Balochistan", Some("Balochistan"), None),
                Some("Pakistan")
            ),
            2
        );
        assert_eq!(
            geo_precision(&place("Quetta", Some("Balochistan"), None), None),
            1
        );
    }

    #[test]
    fn claim_rows_carry_provenance() {
        let mut c = claim(Category::Killed, 23, Stance::Asserted, (5, 9));
        c.value.n_max = Some(25);
        c.value.qualifier = Qualifier::Range;
        c.value.text = "23-25".into();
        c.subject = Subject {
            text: "its soldiers".into(),
            side: Some(Side::new("PAK").unwrap()),
            kind: Kind::Soldiers,
        };
        c.claimant = Some(Claimant {
            text: "Pakistan's military".into(),
            side: Some(Side::new("PAK").unwrap()),
            anonymous: false,
        });
        c.date = Some("2025-10-11".parse().unwrap());
        c.confidence = 0.825;
        c.flags = vec![
            sitrep_model::Flag::DateFromContext,
            sitrep_model::Flag::Repeated,
        ];
        c.evidence.quote = "He said \"23 to 25\" died.".into();
        let stored = StoredClaim {
            id: "doc#c3".into(),
            document_id: "doc".into(),
            ordinal: 3,
            outlet: None,
            published: Some("2025-10-12".parse().unwrap()),
            syndicate: "doc".into(),
            claim: c,
        };
        let mut out = Vec::new();
        write_claims(&mut out, std::slice::from_ref(&stored)).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap(), @r#"
        id,document,syndicate,outlet,published,category,subject_side,subject_kind,subject_text,n,n_max,qualifier,value_text,stance,claimant_side,claimant_text,claimant_anonymous,date,confidence,flags,quote
        doc#c3,doc,doc,,2025-10-12,killed,PAK,soldiers,its soldiers,23,25,range,23-25,asserted,PAK,Pakistan's military,false,2025-10-11,0.82,date_from_context;repeated,"He said ""23 to 25"" died."
        "#);
    }
}
