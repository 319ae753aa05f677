//! `sitrep claims` and `sitrep events`: stored items, filtered, as an
//! aligned table, as JSON lines or as CSV.
//!
//! The table is for reading on a terminal: one line per item, the figure
//! or the action first, then who says so or who acts, the date and the
//! document. JSON lines carry the whole SPEC item plus `document`,
//! `outlet` and `published`, for other tools. CSV (`csv_export`) is for
//! spreadsheets: claims with their provenance, events in ACLED's columns.
//!
//! This module only reads the ledger; reconciliation into contested
//! figures is planned.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, bail};
use sitrep_store::{ClaimFilter, EventFilter, SqliteStore, Store, StoredClaim, StoredEvent};

use crate::cli::{ClaimsArgs, EventsArgs, ListFormat};
use crate::csv_export;
use crate::extract_cmd::Outcome;

/// Opens an existing ledger (a query never creates one).
pub(crate) fn open(db: &Path) -> anyhow::Result<SqliteStore> {
    if !db.exists() {
        bail!(
            "no ledger at {}: run `sitrep ingest --db {} FILE...` first",
            db.display(),
            db.display()
        );
    }
    SqliteStore::open(db).with_context(|| format!("cannot open the ledger {}", db.display()))
}

pub(crate) fn code(s: Option<&sitrep_model::Side>) -> &str {
    s.map_or("-", |s| s.as_str())
}

fn date(d: Option<sitrep_model::PartialDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// Prints rows as aligned columns (the last column is not padded).
pub(crate) fn table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let last = cells.len().saturating_sub(1);
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i == last {
                write!(out, "{cell}")?;
            } else {
                write!(out, "{cell:<w$}  ")?;
            }
        }
        writeln!(out)
    };
    line(
        out,
        &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    )?;
    for row in rows {
        line(out, row)?;
    }
    Ok(())
}

/// Writes `item` as one JSON line, with the document's id, outlet and
/// publication day added.
fn write_line(
    out: &mut impl Write,
    item: &impl serde::Serialize,
    document: &str,
    outlet: Option<&str>,
    published: Option<jiff::civil::Date>,
) -> anyhow::Result<()> {
    let mut item = serde_json::to_value(item).context("cannot print an item")?;
    if let Some(map) = item.as_object_mut() {
        map.insert("document".into(), document.into());
        map.insert(
            "outlet".into(),
            outlet.map_or(serde_json::Value::Null, Into::into),
        );
        map.insert(
            "published".into(),
            published.map_or(serde_json::Value::Null, |d| d.to_string().into()),
        );
    }
    serde_json::to_writer(&mut *out, &item).context("cannot write the output")?;
    out.write_all(b"\n").context("cannot write the output")?;
    Ok(())
}

/// Runs `sitrep claims`.
///
/// # Errors
///
/// When the ledger is missing or unreadable, or the output cannot be written.
pub fn claims(args: ClaimsArgs) -> anyhow::Result<Outcome> {
    let ClaimsArgs {
        query,
        category,
        claimant,
    } = args;
    let store = open(&query.db)?;
    let filter = ClaimFilter {
        side: query.side.clone(),
        claimant_side: claimant,
        category,
        since: query.since,
        until: query.until,
        document_id: query.document.clone(),
        limit: Some(query.limit),
        ..ClaimFilter::default()
    };
    let found = store.claims(&filter).context("cannot read the claims")?;
    let header = [
        "DATE",
        "CATEGORY",
        "FIGURE",
        "QUALIFIER",
        "BY",
        "CLAIMANT",
        "DOCUMENT",
    ];
    let csv = |out: &mut dyn Write, found: &[StoredClaim]| csv_export::write_claims(out, found);
    print(query.format, &found, &header, csv, |c| {
        let claim = &c.claim;
        let value = match claim.value.n_max {
            Some(max) => format!("{}-{max}", claim.value.n),
            None => claim.value.n.to_string(),
        };
        let claimant = claim.claimant.as_ref();
        vec![
            date(claim.date),
            claim.category.to_string(),
            format!(
                "{} {}/{}",
                value,
                code(claim.subject.side.as_ref()),
                claim.subject.kind
            ),
            format!("{} {}", claim.value.qualifier, claim.stance),
            code(claimant.and_then(|c| c.side.as_ref())).to_string(),
            claimant.map_or("(the article)".to_string(), |c| c.text.clone()),
            c.document_id.clone(),
        ]
    })
}

/// Runs `sitrep events`.
///
/// # Errors
///
/// When the ledger is missing or unreadable, or the output cannot be written.
pub fn events(args: EventsArgs) -> anyhow::Result<Outcome> {
    let EventsArgs {
        query,
        event_type,
        place,
        include_negated,
    } = args;
    let store = open(&query.db)?;
    // The ACLED-style export lists only what happened, unless asked.
    let negated = (query.format == ListFormat::Csv && !include_negated).then_some(false);
    let filter = EventFilter {
        side: query.side.clone(),
        event_type,
        place,
        negated,
        since: query.since,
        until: query.until,
        document_id: query.document.clone(),
        limit: Some(query.limit),
        ..EventFilter::default()
    };
    let found = store.events(&filter).context("cannot read the events")?;
    let sides = |a: Option<&sitrep_model::Actor>| {
        a.filter(|a| !a.sides.is_empty())
            .map_or("-".to_string(), |a| {
                a.sides
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("/")
            })
    };
    let header = ["DATE", "EVENT", "ACTORS", "PLACES", "DOCUMENT"];
    let csv =
        |out: &mut dyn Write, found: &[StoredEvent]| csv_export::write_events(out, found, &store);
    print(query.format, &found, &header, csv, |e| {
        let ev = &e.event;
        let mut what = ev.kind.to_string();
        if let Some(mode) = ev.mode {
            what = format!("{what} {mode}");
        }
        if ev.negated {
            what.push_str(" (denied)");
        }
        vec![
            date(ev.date),
            what,
            format!(
                "{} -> {}",
                sides(ev.actor1.as_ref()),
                sides(ev.actor2.as_ref())
            ),
            ev.places
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            e.document_id.clone(),
        ]
    })
}

/// A stored item as the query commands print it: the SPEC item and the
/// document it came from.
trait Listed {
    /// The SPEC item (claim or event).
    type Item: serde::Serialize;
    fn item(&self) -> &Self::Item;
    fn document_id(&self) -> &str;
    fn outlet(&self) -> Option<&str>;
    fn published(&self) -> Option<jiff::civil::Date>;
}

impl Listed for StoredClaim {
    type Item = sitrep_model::Claim;
    fn item(&self) -> &Self::Item {
        &self.claim
    }
    fn document_id(&self) -> &str {
        &self.document_id
    }
    fn outlet(&self) -> Option<&str> {
        self.outlet.as_deref()
    }
    fn published(&self) -> Option<jiff::civil::Date> {
        self.published
    }
}

impl Listed for StoredEvent {
    type Item = sitrep_model::Event;
    fn item(&self) -> &Self::Item {
        &self.event
    }
    fn document_id(&self) -> &str {
        &self.document_id
    }
    fn outlet(&self) -> Option<&str> {
        self.outlet.as_deref()
    }
    fn published(&self) -> Option<jiff::civil::Date> {
        self.published
    }
}

/// Prints the items to standard output, as JSON lines, as CSV (written by
/// `csv`) or as a table whose rows `row` makes.
fn print<T: Listed>(
    format: ListFormat,
    found: &[T],
    header: &[&str],
    csv: impl FnOnce(&mut dyn Write, &[T]) -> anyhow::Result<()>,
    row: impl Fn(&T) -> Vec<String>,
) -> anyhow::Result<Outcome> {
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ListFormat::Jsonl => {
            for item in found {
                write_line(
                    &mut out,
                    item.item(),
                    item.document_id(),
                    item.outlet(),
                    item.published(),
                )?;
            }
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = found.iter().map(row).collect();
            table(&mut out, header, &rows).context("cannot write the output")?;
        }
        ListFormat::Csv => csv(&mut out, found)?,
    }
    out.flush().context("cannot write the output")?;
    Ok(Outcome {
        extracted: found.len() as u64,
        skipped: 0,
    })
}
