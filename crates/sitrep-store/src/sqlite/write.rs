//! Storing batches: documents, their extraction run, claims, events,
//! places and sides, all in one transaction per batch.
//!
//! Every insert goes through a cached prepared statement. Records are
//! checked before anything is written for them ([`validate`]): a record
//! that cannot be stored faithfully is reported, not half-written. Any
//! database error aborts the batch; dropping the transaction rolls it back.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use sitrep_model::{Actor, Claim, Document, Event, Extraction, Flag, PartialDate};

use super::syndicate;
use crate::hash::{content_hash, day_range, iso_day};
use crate::syndication::Shingled;
use crate::{IngestReport, OnConflict, Rejected, StoreError};

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
        let stored: Option<(String, Option<String>)> = tx
            .prepare_cached(
                "SELECT d.content_hash, r.extractor_version FROM documents d
                 LEFT JOIN extraction_runs r ON r.document_id = d.id WHERE d.id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([&doc.id], |row| Ok((row.get(0)?, row.get(1)?)))
                    .optional()
            })
            .map_err(fail)?;
        match stored {
            None => {
                if insert_document(&tx, doc, &hash).map_err(fail)? {
                    report.syndicated += 1;
                }
                write_extraction(&tx, doc, extraction, extractor_version, &mut report)
                    .map_err(fail)?;
                report.inserted += 1;
            }
            Some((stored_hash, version)) if stored_hash == hash => {
                if version.as_deref() == Some(extractor_version) {
                    report.duplicates += 1;
                } else {
                    delete_extraction(&tx, &doc.id).map_err(fail)?;
                    write_extraction(&tx, doc, extraction, extractor_version, &mut report)
                        .map_err(fail)?;
                    report.reextracted += 1;
                }
            }
            Some(_) => match on_conflict {
                OnConflict::Keep => report.conflicts.push(doc.id.clone()),
                OnConflict::Replace => {
                    delete_extraction(&tx, &doc.id).map_err(fail)?;
                    if replace_document(&tx, doc, &hash).map_err(fail)? {
                        report.syndicated += 1;
                    }
                    write_extraction(&tx, doc, extraction, extractor_version, &mut report)
                        .map_err(fail)?;
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
    if u32::try_from(extraction.claims.len()).is_err()
        || u32::try_from(extraction.events.len()).is_err()
    {
        return Err("more than 4294967295 claims or events".to_string());
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

/// Stores a new document, linked to the syndicate of a stored copy if
/// there is one; returns whether it was linked.
fn insert_document(tx: &Transaction<'_>, doc: &Document, hash: &str) -> rusqlite::Result<bool> {
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
         fingerprint, band0, band1, band2, band3, band4, band5, band6, band7, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        id,
        url,
        outlet,
        published.map(iso_day),
        title,
        hash,
        syndicate,
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
    Ok(linked)
}

/// Overwrites a stored document (its rowid, so its place in stored order,
/// is kept) and re-links it and every document whose syndicate its change
/// may move; returns whether it is now linked to another document.
fn replace_document(tx: &Transaction<'_>, doc: &Document, hash: &str) -> rusqlite::Result<bool> {
    let Document {
        id,
        url,
        outlet,
        published,
        title,
        text,
    } = doc;
    let (rowid, old_syndicate): (i64, String) = tx
        .prepare_cached("SELECT rowid, syndicate FROM documents WHERE id = ?1")?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    tx.prepare_cached(
        "UPDATE documents SET url = ?2, outlet = ?3, published = ?4, title = ?5, text = ?6,
         content_hash = ?7 WHERE rowid = ?1",
    )?
    .execute(params![
        rowid,
        url,
        outlet,
        published.map(iso_day),
        title,
        text,
        hash
    ])?;
    let syndicate = syndicate::relink_after_replace(tx, rowid, &old_syndicate)?;
    Ok(syndicate != *id)
}

/// Removes a document's claims and events; places and sides follow by
/// cascade.
fn delete_extraction(tx: &Transaction<'_>, document_id: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM claims WHERE document_id = ?1")?
        .execute([document_id])?;
    tx.prepare_cached("DELETE FROM events WHERE document_id = ?1")?
        .execute([document_id])?;
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

fn write_extraction(
    tx: &Transaction<'_>,
    doc: &Document,
    extraction: &Extraction,
    extractor_version: &str,
    report: &mut IngestReport,
) -> rusqlite::Result<()> {
    let mut insert_claim = tx.prepare_cached(
        "INSERT INTO claims (document_id, ordinal, category, subject_text, subject_side,
         subject_kind, n, n_max, qualifier, value_text, stance, claimant_text, claimant_side,
         claimant_anonymous, date, date_first, date_last, evidence_start, evidence_end, quote,
         confidence, flags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
         ?18, ?19, ?20, ?21, ?22)",
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
            doc.id,
            as_i64(ordinal),
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
        "INSERT INTO events (document_id, ordinal, type, mode, actor1_text, actor1_sides,
         actor2_text, actor2_sides, date, date_first, date_last, negated, evidence_start,
         evidence_end, quote)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let mut insert_place = tx.prepare_cached(
        "INSERT INTO event_places (event_id, ordinal, name, country, admin1, lat, lon, precision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut insert_side =
        tx.prepare_cached("INSERT OR IGNORE INTO event_sides (side, event_id) VALUES (?1, ?2)")?;
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
        insert_event.execute(params![
            doc.id,
            as_i64(ordinal),
            kind.as_str(),
            mode.map(|m| m.as_str()),
            actor_text(actor1),
            actor_sides(actor1),
            actor_text(actor2),
            actor_sides(actor2),
            date.map(|d| d.to_string()),
            first,
            last,
            negated,
            as_i64(evidence.start),
            as_i64(evidence.end),
            evidence.quote,
        ])?;
        let event_id = tx.last_insert_rowid();
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
                insert_side.execute(params![side.as_str(), event_id])?;
            }
        }
        report.events += 1;
    }

    tx.prepare_cached(
        "INSERT INTO extraction_runs (document_id, extractor_version, claims, events)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (document_id) DO UPDATE SET extractor_version = excluded.extractor_version,
         claims = excluded.claims, events = excluded.events",
    )?
    .execute(params![
        doc.id,
        extractor_version,
        as_i64(extraction.claims.len()),
        as_i64(extraction.events.len())
    ])?;
    Ok(())
}
