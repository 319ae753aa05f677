//! The situation report as data: what [`crate::markdown`] and
//! [`crate::html`] render, built once from the ledger.
//!
//! A report has four parts: the contested figures (every claimant's
//! current figure), a dated timeline of events (one line per happening,
//! however many outlets reported it), the places involved, and the notes:
//! one per cited sentence, with its outlet, publication day, title and
//! address. Every figure and every event line cites a note, so a reader
//! can always get from a number to the sentence that states it.
//!
//! This module decides what is cited and in what order; it formats
//! nothing.

use std::collections::HashMap;

use jiff::civil::Date;
use sitrep_model::Place;
use sitrep_reconcile::{ContestedFigure, DateSpan, EventGroup, Options};
use sitrep_store::{Store, StoreError};

use crate::LedgerQuery;

/// A situation report, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The report's title.
    pub title: String,
    /// The filters it was made with.
    pub query: LedgerQuery,
    /// The days its figures and events cover.
    pub period: DateSpan,
    /// Documents cited or counted in it.
    pub documents: usize,
    /// Their outlets, each once, sorted.
    pub outlets: Vec<String>,
    /// Contested figures, each claimant's figure with its note.
    pub figures: Vec<FigureLine>,
    /// The timeline: event groups in date order, each with its note.
    pub events: Vec<EventLine>,
    /// Places of the events, most events first.
    pub places: Vec<PlaceLine>,
    /// The cited sentences, numbered from 1 in order of first citation.
    pub notes: Vec<Note>,
}

/// A contested figure with the note of each claimant's current figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureLine {
    /// The figure.
    pub figure: ContestedFigure,
    /// For each entry of `figure.figures`, the number of its note.
    pub notes: Vec<usize>,
}

/// One happening of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct EventLine {
    /// The event group.
    pub event: EventGroup,
    /// The note of its first sighting.
    pub note: usize,
}

/// A place events happened at.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceLine {
    /// The place as the most specific sighting gives it.
    pub place: Place,
    /// How many event groups happened there.
    pub events: usize,
    /// From the first day of the earliest of them to the last day of the
    /// latest.
    pub days: DateSpan,
}

/// A cited sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Its number, from 1.
    pub number: usize,
    /// The document it was read in.
    pub document_id: String,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// Its publication day.
    pub published: Option<Date>,
    /// Its title.
    pub title: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// The sentence.
    pub quote: String,
    /// The words of the figure within the sentence, to highlight.
    pub highlight: Option<String>,
    /// Other documents that report the same figure or event.
    pub also: usize,
}

/// Builds the report of the ledger for `query`.
///
/// # Errors
///
/// When the store fails.
pub fn build(
    store: &impl Store,
    query: &LedgerQuery,
    options: &Options,
    title: &str,
) -> Result<Report, StoreError> {
    let (figures, events) = crate::ledger(store, query, options)?;
    let mut notes = Notes::default();

    let mut figure_lines = Vec::with_capacity(figures.len());
    for figure in figures {
        let mut numbers = Vec::with_capacity(figure.figures.len());
        for f in &figure.figures {
            let number = notes.cite(
                store,
                &f.document_id,
                &f.quote,
                Some(&f.text),
                f.documents.len().saturating_sub(1),
            )?;
            numbers.push(number);
        }
        figure_lines.push(FigureLine {
            figure,
            notes: numbers,
        });
    }

    let mut event_lines = Vec::with_capacity(events.len());
    for event in events {
        let Some(first) = event.sightings.first() else {
            continue;
        };
        let note = notes.cite(
            store,
            &first.document_id,
            &first.quote,
            None,
            event.sightings.len() - 1,
        )?;
        event_lines.push(EventLine { event, note });
    }

    let places = places(&event_lines);
    let days = figure_lines
        .iter()
        .map(|l| l.figure.date)
        .chain(event_lines.iter().map(|l| l.event.days));
    let period = days.fold(DateSpan::NONE, DateSpan::union);

    let mut documents: Vec<&str> = figure_lines
        .iter()
        .flat_map(|l| l.figure.figures.iter().flat_map(|f| &f.documents))
        .map(String::as_str)
        .chain(
            event_lines
                .iter()
                .flat_map(|l| l.event.sightings.iter().map(|s| s.document_id.as_str())),
        )
        .collect();
    documents.sort_unstable();
    documents.dedup();
    let mut outlets: Vec<String> = notes
        .outlets
        .into_iter()
        .chain(
            figure_lines
                .iter()
                .flat_map(|l| l.figure.figures.iter().flat_map(|f| f.outlets.clone())),
        )
        .chain(
            event_lines
                .iter()
                .flat_map(|l| l.event.sightings.iter().filter_map(|s| s.outlet.clone())),
        )
        .collect();
    outlets.sort_unstable();
    outlets.dedup();

    Ok(Report {
        title: title.to_owned(),
        query: query.clone(),
        period,
        documents: documents.len(),
        outlets,
        figures: figure_lines,
        events: event_lines,
        places,
        notes: notes.list,
    })
}

/// Places of the timeline's events, most events first, then by name.
fn places(events: &[EventLine]) -> Vec<PlaceLine> {
    let mut lines: Vec<PlaceLine> = Vec::new();
    for line in events {
        let Some(place) = &line.event.place else {
            continue;
        };
        let days = line.event.days;
        let same = |p: &PlaceLine| {
            p.place.name == place.name
                && p.place.country == place.country
                && p.place.admin1 == place.admin1
        };
        match lines.iter_mut().find(|p| same(p)) {
            Some(p) => {
                p.events += 1;
                p.days = p.days.union(days);
            }
            None => lines.push(PlaceLine {
                place: place.clone(),
                events: 1,
                days,
            }),
        }
    }
    lines.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.place.name.cmp(&b.place.name))
    });
    lines
}

/// The notes cited so far, one per (document, sentence).
#[derive(Default)]
struct Notes {
    list: Vec<Note>,
    index: HashMap<(String, String), usize>,
    outlets: Vec<String>,
}

impl Notes {
    fn cite(
        &mut self,
        store: &impl Store,
        document_id: &str,
        quote: &str,
        highlight: Option<&str>,
        also: usize,
    ) -> Result<usize, StoreError> {
        let key = (document_id.to_owned(), quote.to_owned());
        if let Some(&number) = self.index.get(&key) {
            return Ok(number);
        }
        let document = store.document(document_id)?;
        let number = self.list.len() + 1;
        let (outlet, published, title, url) = match document {
            Some(d) => (d.outlet, d.published, d.title, d.url),
            None => (None, None, None, None),
        };
        if let Some(outlet) = &outlet {
            self.outlets.push(outlet.clone());
        }
        self.list.push(Note {
            number,
            document_id: document_id.to_owned(),
            outlet,
            published,
            title,
            url,
            quote: quote.to_owned(),
            highlight: highlight
                .filter(|h| !h.is_empty() && quote.contains(*h))
                .map(str::to_owned),
            also,
        });
        self.index.insert(key, number);
        Ok(number)
    }
}
