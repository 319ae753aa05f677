//! Reading the ledger for presentation: contested figures and event groups
//! computed from a store, with the filters every view shares.
//!
//! Both the CLI (`sitrep contested`, `sitrep report`) and the HTTP API call
//! these functions, so one filter means the same thing everywhere:
//!
//! - `since`/`until`, `category` and `kind` narrow the claims read from
//!   the store (date bounds overlap, as in the store's filters);
//! - `side`, `claimant`, `place` and `min_sides` are applied to the
//!   *figures*, after reconciliation: a figure about Pakistani soldiers is
//!   kept for `--claimant AFG` with every other claimant's figure beside
//!   Afghanistan's, which is the point of a contested figure. Filtering
//!   the claims first would drop the competing figures.
//!
//! Places come from events: each claim is linked to the event of its
//! sentence, or to its document's single place ([`sitrep_reconcile`]'s
//! `link` rules). Events are read with the same date bounds as claims; a
//! claim whose event is dated outside them simply has no place.
//!
//! This module renders nothing (see [`crate::markdown`] and
//! [`crate::html`]) and writes nothing to the store.

use std::collections::HashMap;

use sitrep_model::{Category, Kind, PartialDate, Side};
use sitrep_reconcile::{
    ClaimRecord, ContestedFigure, EventGroup, EventRecord, Options, document_place, event_groups,
    kind_family, link_event, place_key,
};
use sitrep_store::{ClaimFilter, EventFilter, Store, StoreError, StoredClaim, StoredEvent};

/// The filters of the ledger's views; every field left empty matches all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LedgerQuery {
    /// Items dated on or after this date.
    pub since: Option<PartialDate>,
    /// Items dated on or before this date.
    pub until: Option<PartialDate>,
    /// Figures of this category.
    pub category: Option<Category>,
    /// Figures counting this kind (or its family: soldiers and fighters).
    pub kind: Option<Kind>,
    /// Figures about this side or stated by it; events where it acts or is
    /// acted upon.
    pub side: Option<Side>,
    /// Figures in which this side states a figure.
    pub claimant: Option<Side>,
    /// Figures and events at a place whose name or province contains this
    /// text (case-insensitive).
    pub place: Option<String>,
    /// Figures with at least this many claimant sides (2: only figures
    /// two sides dispute).
    pub min_sides: usize,
}

impl LedgerQuery {
    fn claim_filter(&self) -> ClaimFilter {
        ClaimFilter {
            category: self.category,
            since: self.since,
            until: self.until,
            ..ClaimFilter::default()
        }
    }

    fn event_filter(&self) -> EventFilter {
        EventFilter {
            since: self.since,
            until: self.until,
            ..EventFilter::default()
        }
    }

    fn keeps_figure(&self, figure: &ContestedFigure) -> bool {
        let claimant_is = |side: &Side| {
            figure
                .figures
                .iter()
                .any(|f| f.claimant.side.as_ref() == Some(side))
        };
        self.kind.is_none_or(|kind| {
            figure
                .subject
                .kinds
                .iter()
                .any(|&k| kind_family(k) == kind_family(kind))
        }) && self
            .side
            .as_ref()
            .is_none_or(|side| figure.subject.side.as_ref() == Some(side) || claimant_is(side))
            && self.claimant.as_ref().is_none_or(claimant_is)
            && self
                .place
                .as_deref()
                .is_none_or(|p| figure.place.as_deref().is_some_and(|key| contains(key, p)))
            && figure.claimant_sides >= self.min_sides
    }

    fn keeps_event(&self, group: &EventGroup) -> bool {
        self.side
            .as_ref()
            .is_none_or(|side| group.actor1.contains(side) || group.actor2.contains(side))
            && self.place.as_deref().is_none_or(|p| {
                group.place.as_ref().is_some_and(|place| {
                    contains(&place.name, p)
                        || place.admin1.as_deref().is_some_and(|a| contains(a, p))
                })
            })
    }
}

fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// The stored claims and events a view is built from.
struct Read {
    claims: Vec<StoredClaim>,
    events: Vec<StoredEvent>,
}

fn read(store: &impl Store, query: &LedgerQuery) -> Result<Read, StoreError> {
    Ok(Read {
        claims: store.claims(&query.claim_filter())?,
        events: store.events(&query.event_filter())?,
    })
}

/// The contested figures matching `query` (see the module doc), in the
/// order of [`sitrep_reconcile::contested`].
///
/// # Errors
///
/// When the store fails.
pub fn contested(
    store: &impl Store,
    query: &LedgerQuery,
    options: &Options,
) -> Result<Vec<ContestedFigure>, StoreError> {
    let read = read(store, query)?;
    Ok(figures(&read, query, options))
}

/// The event groups matching `query`, in timeline order.
///
/// # Errors
///
/// When the store fails.
pub fn events(
    store: &impl Store,
    query: &LedgerQuery,
    options: &Options,
) -> Result<Vec<EventGroup>, StoreError> {
    let events = store.events(&query.event_filter())?;
    Ok(groups(&events, query, options))
}

/// Both views from one read of the store (what a report needs).
///
/// # Errors
///
/// When the store fails.
pub fn ledger(
    store: &impl Store,
    query: &LedgerQuery,
    options: &Options,
) -> Result<(Vec<ContestedFigure>, Vec<EventGroup>), StoreError> {
    let read = read(store, query)?;
    Ok((
        figures(&read, query, options),
        groups(&read.events, query, options),
    ))
}

fn figures(read: &Read, query: &LedgerQuery, options: &Options) -> Vec<ContestedFigure> {
    let mut by_document: HashMap<&str, Vec<&StoredEvent>> = HashMap::new();
    for event in &read.events {
        by_document
            .entry(event.document_id.as_str())
            .or_default()
            .push(event);
    }
    let mut document_places: HashMap<&str, Option<String>> = HashMap::new();
    let places: Vec<Option<String>> = read
        .claims
        .iter()
        .map(|claim| {
            let events = by_document
                .get(claim.document_id.as_str())
                .map_or(&[][..], Vec::as_slice);
            let linked = link_event(&claim.claim.evidence, events.iter().map(|e| &e.event))
                .and_then(|i| events.get(i))
                .and_then(|e| e.event.places.first())
                .and_then(place_key);
            linked.or_else(|| {
                document_places
                    .entry(claim.document_id.as_str())
                    .or_insert_with(|| document_place(events.iter().map(|e| &e.event)))
                    .clone()
            })
        })
        .collect();
    let records: Vec<ClaimRecord<'_>> = read
        .claims
        .iter()
        .zip(&places)
        .map(|(c, place)| {
            ClaimRecord::new(&c.id, &c.document_id, &c.claim)
                .syndicate(&c.syndicate)
                .outlet(c.outlet.as_deref())
                .published(c.published)
                .place(place.as_deref())
        })
        .collect();
    let mut out = sitrep_reconcile::contested(&records, options);
    out.retain(|f| query.keeps_figure(f));
    out
}

fn groups(events: &[StoredEvent], query: &LedgerQuery, options: &Options) -> Vec<EventGroup> {
    let records: Vec<EventRecord<'_>> = events
        .iter()
        .map(|e| EventRecord {
            event_id: &e.id,
            document_id: &e.document_id,
            syndicate: &e.syndicate,
            outlet: e.outlet.as_deref(),
            published: e.published,
            event: &e.event,
        })
        .collect();
    let mut out = event_groups(&records, options);
    out.retain(|g| query.keeps_event(g));
    out
}
