//! Storing batches: documents, their extraction run, claims, events,
//! places and sides, all in one transaction per batch.
//!
//! Every insert goes through a cached prepared statement. Records are
//! checked before anything is written for them ([`validate`]): a record
//! that cannot be stored faithfully is reported, not half-written. Any
//! database error aborts the batch; dropping the transaction rolls it back.
//!
//! A claim's and an event's id is `(document seq << 20) | ordinal`
//! ([`item_id`]), so a document's items are one key range of their table
//! and are deleted by that range ([`delete_extraction`]); there are no
//! foreign keys to check on each insert (migration 0004 says why).

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use sitrep_model::{Actor, Claim, Document, Event, Extraction, Flag, PartialDate};

use super::syndicate;
use crate::hash::{content_hash, day_range, iso_day};
use crate::syndication::Shingled;
use crate::{IngestReport, OnConflict, Rejected, StoreError};

/// How many bits of an item id hold its position in the extraction.
pub(super) const ORDINAL_BITS: u32 = 20;

/// The most claims, and the most events, one extraction may hold.
pub(super) const MAX_ITEMS: usize = 1 << ORDINAL_BITS;

/// The id of a document's `ordinal`th claim or event.
pub(super) fn item_id(seq: i64, ordinal: usize) -> i64 {
    // `validate` keeps ordinals below MAX_ITEMS.
    (seq << ORDINAL_BITS) | as_i64(ordinal)
}

/// The position in its extraction of the item with id `id`.
pub(super) fn ordinal_of(id: i64) -> i64 {
    id & item_range(0).1
}

/// The ids of every claim or event a document may have, inclusive.
pub(super) fn item_range(seq: i64) -> (i64, i64) {
    (item_id(seq, 0), item_id(seq, MAX_ITEMS - 1))
}

/// Stores `batch` in one transaction; see [`crate::Store::ingest_with`].
pub(super) fn ingest(
    conn: &mut rusqlite::Connection,
    batch: &[(Document, Extraction)],
    extractor_version: &str,
    on_conflict: OnConflict,
) -> Result<IngestReport, StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| StoreError::database("beginning an ingest transaction", e))?;
    let mut report = IngestReport::default();
    for (doc, extraction) in batch {
        if let Err(reason) = validate(doc, extraction) {
            report.rejected.push(Rejected {
                document_id: doc.id.clone(),
                reason,
            });
            continue;
        }
        let fail = |e: rusqlite::Error| StoreError::write(&doc.id, e);
        let hash = content_hash(doc);
        let stored: Option<(i64, String, Option<String>)> = tx
            .prepare_cached(
                "SELECT seq, content_hash, extractor_version FROM documents WHERE id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([&doc.id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
                    .optional()
            })
            .map_err(fail)?;
        let run = Run {
            version: extractor_version,
            claims: as_i64(extraction.claims.len()),
            events: as_i64(extraction.events.len()),
        };
        match stored {
            None => {
                let (seq, linked) = insert_document(&tx, doc, &hash, &run).map_err(fail)?;
                if linked {
                    report.syndicated += 1;
                }
                write_extraction(&tx, seq, doc, extraction, &mut report).map_err(fail)?;
                report.inserted += 1;
            }
            Some((seq, stored_hash, version)) if stored_hash == hash => {
                if version.as_deref() == Some(extractor_version) {
                    report.duplicates += 1;
                } else {
                    delete_extraction(&tx, seq).map_err(fail)?;
                    set_run(&tx, seq, &run).map_err(fail)?;
                    write_extraction(&tx, seq, doc, extraction, &mut report).map_err(fail)?;
                    report.reextracted += 1;
                }
            }
            Some((seq, _, _)) => match on_conflict {
                OnConflict::Keep => report.conflicts.push(doc.id.clone()),
                OnConflict::Replace => {
                    delete_extraction(&tx, seq).map_err(fail)?;
                    if replace_document(&tx, seq, doc, &hash).map_err(fail)? {
                        report.syndicated += 1;
                    }
                    set_run(&tx, seq, &run).map_err(fail)?;
                    write_extraction(&tx, seq, doc, extraction, &mut report).map_err(fail)?;
                    report.replaced += 1;
                }
            },
        }
    }
    tx.commit()
        .map_err(|e| StoreError::database("committing an ingest batch", e))?;
    Ok(report)
}

/// Why a record cannot be stored as it is, if it cannot.
fn validate(doc: &Document, extraction: &Extraction) -> Result<(), String> {
    if extraction.id != doc.id {
        return Err(format!(
            "the extraction is for document {:?}, not {:?}",
            extraction.id, doc.id
        ));
    }
    if extraction.claims.len() > MAX_ITEMS || extraction.events.len() > MAX_ITEMS {
        return Err(format!("more than {MAX_ITEMS} claims or events"));
    }
    let too_big = |n: u64| i64::try_from(n).is_err();
    let offsets_ok = |start: usize, end: usize| {
        i64::try_from(start).is_ok() && i64::try_from(end).is_ok() && start <= end
    };
    for (ordinal, claim) in extraction.claims.iter().enumerate() {
        let Claim {
            value,
            confidence,
            evidence,
            ..
        } = claim;
        if too_big(value.n) || value.n_max.is_some_and(too_big) {
            return Err(format!("claim {ordinal}: a number above {}", i64::MAX));
        }
        if !confidence.is_finite() {
            return Err(format!("claim {ordinal}: confidence is {confidence}"));
        }
        if !offsets_ok(evidence.start, evidence.end) {
            return Err(format!(
                "claim {ordinal}: evidence offsets {}..{} are out of order or too large",
                evidence.start, evidence.end
            ));
        }
    }
    for (ordinal, event) in extraction.events.iter().enumerate() {
        if !offsets_ok(event.evidence.start, event.evidence.end) {
            return Err(format!(
                "event {ordinal}: evidence offsets {}..{} are out of order or too large",
                event.evidence.start, event.evidence.end
            ));
        }
        for place in &event.places {
            let finite = |x: Option<f64>| x.is_none_or(f64::is_finite);
            if !finite(place.lat) || !finite(place.lon) {
                return Err(format!(
                    "event {ordinal}: place {:?} has non-finite coordinates",
                    place.name
                ));
            }
        }
    }
    Ok(())
}

/// What made an extraction: written with the document it belongs to.
struct Run<'a> {
    version: &'a str,
    claims: i64,
    events: i64,
}

/// Stores a new document with the run of the extraction about to be
/// written, linked to the syndicate of a stored copy if there is one;
/// returns its seq and whether it was linked.
fn insert_document(
    tx: &Transaction<'_>,
    doc: &Document,
    hash: &str,
    run: &Run<'_>,
) -> rusqlite::Result<(i64, bool)> {
    let Document {
        id,
        url,
        outlet,
        published,
        title,
        text,
    } = doc;
    let shingled = Shingled::new(text);
    let fingerprint = shingled.fingerprint();
    // The new row gets the highest rowid: every stored document is earlier.
    let found = syndicate::find(tx, &shingled, &fingerprint, i64::MAX)?;
    let linked = found.is_some();
    let syndicate = found.as_deref().unwrap_or(id);
    let [b0, b1, b2, b3, b4, b5, b6, b7] = syndicate::band_values(&fingerprint);
    tx.prepare_cached(
        "INSERT INTO documents (id, url, outlet, published, title, content_hash, syndicate,
         extractor_version, claims, events, fingerprint, band0, band1, band2, band3, band4,
         band5, band6, band7, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
         ?18, ?19, ?20)",
    )?
    .execute(params![
        id,
        url,
        outlet,
        published.map(iso_day),
        title,
        hash,
        syndicate,
        run.version,
        run.claims,
        run.events,
        fingerprint.to_bytes(),
        b0,
        b1,
        b2,
        b3,
        b4,
        b5,
        b6,
        b7,
        text
    ])?;
    Ok((tx.last_insert_rowid(), linked))
}

/// Records the run of a document's new extraction.
fn set_run(tx: &Transaction<'_>, seq: i64, run: &Run<'_>) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE documents SET extractor_version = ?2, claims = ?3, events = ?4 WHERE seq = ?1",
    )?
    .execute(params![seq, run.version, run.claims, run.events])?;
    Ok(())
}

/// Overwrites a stored document (its rowid, so its place in stored order,
/// is kept) and re-links it and every document whose syndicate its change
/// may move; returns whether it is now linked to another document.
fn replace_document(
    tx: &Transaction<'_>,
    seq: i64,
    doc: &Document,
    hash: &str,
) -> rusqlite::Result<bool> {
    let Document {
        id,
        url,
        outlet,
        published,
        title,
        text,
    } = doc;
    let old_syndicate: String = tx
        .prepare_cached("SELECT syndicate FROM documents WHERE seq = ?1")?
        .query_row([seq], |row| row.get(0))?;
    tx.prepare_cached(
        "UPDATE documents SET url = ?2, outlet = ?3, published = ?4, title = ?5, text = ?6,
         content_hash = ?7 WHERE seq = ?1",
    )?
    .execute(params![
        seq,
        url,
        outlet,
        published.map(iso_day),
        title,
        text,
        hash
    ])?;
    let syndicate = syndicate::relink_after_replace(tx, seq, &old_syndicate)?;
    Ok(syndicate != *id)
}

/// Removes the claims, events, places and sides of document `seq`.
fn delete_extraction(tx: &Transaction<'_>, seq: i64) -> rusqlite::Result<()> {
    let (low, high) = item_range(seq);
    // A side row is keyed by (side, date_first, event_id): found through
    // the event's own sides and day, not by scanning the table.
    let sides: Vec<(String, String, i64)> = tx
        .prepare_cached(
            "SELECT coalesce(actor1_sides, '') || ',' || coalesce(actor2_sides, ''),
             coalesce(date_first, ''), id FROM events WHERE id BETWEEN ?1 AND ?2",
        )?
        .query_map([low, high], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut delete_side = tx.prepare_cached(
        "DELETE FROM event_sides WHERE side = ?1 AND date_first = ?2 AND event_id = ?3",
    )?;
    for (codes, day, event) in &sides {
        for code in codes.split(',').filter(|code| !code.is_empty()) {
            delete_side.execute(params![code, day, event])?;
        }
    }
    for sql in [
        "DELETE FROM event_places WHERE event_id BETWEEN ?1 AND ?2",
        "DELETE FROM events WHERE id BETWEEN ?1 AND ?2",
        "DELETE FROM claims WHERE id BETWEEN ?1 AND ?2",
    ] {
        tx.prepare_cached(sql)?.execute([low, high])?;
    }
    Ok(())
}

/// The stored day range of an item: its own date's, else the publication day.
fn range(date: Option<PartialDate>, doc: &Document) -> (Option<String>, Option<String>) {
    let days = date.map(day_range).or(doc.published.map(|day| (day, day)));
    match days {
        Some((first, last)) => (Some(iso_day(first)), Some(iso_day(last))),
        None => (None, None),
    }
}

fn as_i64(n: impl TryInto<i64>) -> i64 {
    // `validate` has checked every value written through this.
    n.try_into().unwrap_or(i64::MAX)
}

/// Writes the claims, events, places and sides of document `seq`, which
/// has none stored.
fn write_extraction(
    tx: &Transaction<'_>,
    seq: i64,
    doc: &Document,
    extraction: &Extraction,
    report: &mut IngestReport,
) -> rusqlite::Result<()> {
    let mut insert_claim = tx.prepare_cached(
        "INSERT INTO claims (id, category, subject_text, subject_side, subject_kind, n, n_max,
         qualifier, value_text, stance, claimant_text, claimant_side, claimant_anonymous, date,
         date_first, date_last, evidence_start, evidence_end, quote, confidence, flags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
         ?18, ?19, ?20, ?21)",
    )?;
    for (ordinal, claim) in extraction.claims.iter().enumerate() {
        let Claim {
            category,
            subject,
            value,
            stance,
            claimant,
            date,
            evidence,
            confidence,
            flags,
        } = claim;
        let (first, last) = range(*date, doc);
        let flags: Vec<&str> = flags.iter().map(|flag: &Flag| flag.as_str()).collect();
        insert_claim.execute(params![
            item_id(seq, ordinal),
            category.as_str(),
            subject.text,
            subject.side.as_ref().map(|s| s.as_str()),
            subject.kind.as_str(),
            as_i64(value.n),
            value.n_max.map(as_i64),
            value.qualifier.as_str(),
            value.text,
            stance.as_str(),
            claimant.as_ref().map(|c| c.text.as_str()),
            claimant
                .as_ref()
                .and_then(|c| c.side.as_ref())
                .map(|s| s.as_str()),
            claimant.as_ref().map(|c| c.anonymous),
            date.map(|d| d.to_string()),
            first,
            last,
            as_i64(evidence.start),
            as_i64(evidence.end),
            evidence.quote,
            f64::from(*confidence),
            flags.join(","),
        ])?;
        report.claims += 1;
    }

    let mut insert_event = tx.prepare_cached(
        "INSERT INTO events (id, type, mode, actor1_text, actor1_sides, actor2_text,
         actor2_sides, date, date_first, date_last, negated, evidence_start, evidence_end, quote)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut insert_place = tx.prepare_cached(
        "INSERT INTO event_places (event_id, ordinal, name, country, admin1, lat, lon, precision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut insert_side = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_sides (side, date_first, event_id) VALUES (?1, ?2, ?3)",
    )?;
    for (ordinal, event) in extraction.events.iter().enumerate() {
        let Event {
            kind,
            mode,
            actor1,
            actor2,
            places,
            date,
            negated,
            evidence,
        } = event;
        let (first, last) = range(*date, doc);
        let actor_text = |actor: &Option<Actor>| actor.as_ref().map(|a| a.text.clone());
        let actor_sides = |actor: &Option<Actor>| {
            actor.as_ref().map(|a| {
                a.sides
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            })
        };
        let event_id = item_id(seq, ordinal);
        insert_event.execute(params![
            event_id,
            kind.as_str(),
            mode.map(|m| m.as_str()),
            actor_text(actor1),
            actor_sides(actor1),
            actor_text(actor2),
            actor_sides(actor2),
            date.map(|d| d.to_string()),
            first.as_deref(),
            last,
            negated,
            as_i64(evidence.start),
            as_i64(evidence.end),
            evidence.quote,
        ])?;
        for (place_ordinal, place) in places.iter().enumerate() {
            insert_place.execute(params![
                event_id,
                as_i64(place_ordinal),
                place.name,
                place.country,
                place.admin1,
                place.lat,
                place.lon,
                place.precision.map(|p| p.as_str()),
            ])?;
        }
        for actor in [actor1, actor2].into_iter().flatten() {
            for side in &actor.sides {
                insert_side.execute(params![
                    side.as_str(),
                    first.as_deref().unwrap_or(""),
                    event_id
                ])?;
            }
        }
        report.events += 1;
    }
    Ok(())
}
