//! Linking syndicated copies in SQLite: the band lookup, the comparison of
//! candidates, and keeping every document's `syndicate` right when a
//! document is added, replaced, or fingerprinted by a migration.
//!
//! The rule the functions here maintain: a document's syndicate is the
//! syndicate of a document stored before it (lower rowid) that shares a
//! band key with it and is a copy of the same report
//! ([`Shingled::same_report`]); its own id when there is none. Candidates
//! are tried sharing the most band keys first, then earliest stored first,
//! and the first copy found decides. "Stored
//! before" is rowid order, so within a batch a document can join a
//! syndicate started earlier in the same batch. Clustering is single-link:
//! a copy of a copy joins the original's syndicate.
//!
//! What this module does not do: decide what a copy is (that is
//! [`crate::syndication`], pure), or unlink documents when they are
//! deleted (the store never deletes documents).

use std::sync::LazyLock;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, params};

use crate::syndication::{BANDS, Fingerprint, Shingled};

/// The most earlier documents taken per band key, earliest first.
const PER_BAND: i64 = 16;

/// The most candidates screened (and, when they pass, compared word by
/// word) for one document. A wire story printed many times matches all its
/// earlier copies, and one passing copy decides, so a few are plenty; a
/// pathological corpus (thousands of near-identical texts) stays linear.
const MAX_CANDIDATES: usize = 8;

/// Documents stored before `before` (a rowid) sharing a band key with
/// `bands`: those sharing the most bands first (a copy shares several, a
/// common boilerplate phrase one), then in stored order; at most
/// [`MAX_CANDIDATES`].
fn candidates(
    conn: &Connection,
    bands: &[Option<i64>; BANDS],
    before: i64,
) -> rusqlite::Result<Vec<i64>> {
    // One subquery per band column, each a range of its index stopped at
    // PER_BAND rows; missing bands bind NULL and match nothing. An index
    // range of one key is in rowid order, so these are the earliest
    // documents with that key. The plan is pinned (INDEXED BY) and not
    // asked for with ORDER BY: with `ORDER BY rowid` after `bandN = ?`,
    // SQLite plans with the bound value and re-prepares the statement for
    // every new one (a quarter of the writer's time, measured).
    static SQL: LazyLock<String> = LazyLock::new(|| {
        (0..BANDS)
            .map(|band| {
                format!(
                    "SELECT r FROM (SELECT rowid AS r FROM documents \
                     INDEXED BY documents_band{band} WHERE band{band} = ?{} AND rowid < ?9 \
                     LIMIT {PER_BAND})",
                    band + 1
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ")
    });
    let mut stmt = conn.prepare_cached(&SQL)?;
    let [b0, b1, b2, b3, b4, b5, b6, b7] = *bands;
    let mut found: Vec<i64> = stmt
        .query_map(params![b0, b1, b2, b3, b4, b5, b6, b7, before], |row| {
            row.get(0)
        })?
        .collect::<Result<_, _>>()?;
    found.sort_unstable();
    // (shared bands, rowid), most shared first, then earliest.
    let mut counted: Vec<(usize, i64)> = Vec::new();
    for rowid in found {
        match counted.last_mut() {
            Some((n, last)) if *last == rowid => *n += 1,
            _ => counted.push((1, rowid)),
        }
    }
    counted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(counted
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|(_, rowid)| rowid)
        .collect())
}

/// The syndicate a document with this text and fingerprint joins among
/// the documents stored before rowid `before`; `None` when it is nobody's
/// copy.
pub(super) fn find(
    conn: &Connection,
    shingled: &Shingled,
    fingerprint: &Fingerprint,
    before: i64,
) -> rusqlite::Result<Option<String>> {
    let bands = fingerprint.bands();
    if bands.iter().all(Option::is_none) {
        return Ok(None);
    }
    let found = candidates(conn, &bands, before)?;
    if found.is_empty() {
        return Ok(None);
    }
    let mut head =
        conn.prepare_cached("SELECT syndicate, fingerprint FROM documents WHERE rowid = ?1")?;
    let mut text = conn.prepare_cached("SELECT text FROM documents WHERE rowid = ?1")?;
    for rowid in found {
        let Some((syndicate, stored)) = head
            .query_row([rowid], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, Option<Vec<u8>>>(1)?))
            })
            .optional()?
        else {
            continue;
        };
        // Screen by the sketches before reading the other text.
        let stored = stored.as_deref().and_then(Fingerprint::from_bytes);
        if !stored.is_some_and(|stored| fingerprint.worth_comparing(&stored)) {
            continue;
        }
        let other: String = text.query_row([rowid], |row| row.get(0))?;
        if shingled.same_report(&Shingled::new(&other)) {
            return Ok(Some(syndicate));
        }
    }
    Ok(None)
}

/// The band columns' values, as SQL parameters.
pub(super) fn band_values(fingerprint: &Fingerprint) -> [SqlValue; BANDS] {
    fingerprint
        .bands()
        .map(|band| band.map_or(SqlValue::Null, SqlValue::Integer))
}

/// Fingerprints and links one stored document against those stored before
/// it, and writes the result. Returns its syndicate.
fn refresh(conn: &Connection, rowid: i64) -> rusqlite::Result<String> {
    let (id, text): (String, String) = conn
        .prepare_cached("SELECT id, text FROM documents WHERE rowid = ?1")?
        .query_row([rowid], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let shingled = Shingled::new(&text);
    let fingerprint = shingled.fingerprint();
    let syndicate = find(conn, &shingled, &fingerprint, rowid)?.unwrap_or(id);
    let [b0, b1, b2, b3, b4, b5, b6, b7] = band_values(&fingerprint);
    conn.prepare_cached(
        "UPDATE documents SET syndicate = ?1, fingerprint = ?2, band0 = ?3, band1 = ?4,
         band2 = ?5, band3 = ?6, band4 = ?7, band5 = ?8, band6 = ?9, band7 = ?10
         WHERE rowid = ?11",
    )?
    .execute(params![
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
        rowid
    ])?;
    Ok(syndicate)
}

/// Computes every stored document's fingerprint and syndicate, in the
/// order they were stored (the step after migration 0003's SQL).
pub(crate) fn backfill_syndicates(conn: &Connection) -> rusqlite::Result<()> {
    let rowids: Vec<i64> = conn
        .prepare("SELECT rowid FROM documents ORDER BY rowid")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    for rowid in rowids {
        refresh(conn, rowid)?;
    }
    Ok(())
}

/// After the document at `rowid` got new text (and fingerprint), puts every
/// document whose syndicate may have changed right: the members of its
/// old syndicate, of its own, and of every syndicate its new bands reach,
/// each recomputed in stored order. Returns the document's new syndicate.
pub(super) fn relink_after_replace(
    conn: &Connection,
    rowid: i64,
    old_syndicate: &str,
) -> rusqlite::Result<String> {
    // Its new fingerprint first: the bands below are the new text's.
    refresh(conn, rowid)?;
    let (id, bands): (String, [Option<i64>; BANDS]) = conn
        .prepare_cached(
            "SELECT id, band0, band1, band2, band3, band4, band5, band6, band7
             FROM documents WHERE rowid = ?1",
        )?
        .query_row([rowid], |row| {
            let mut bands = [None; BANDS];
            for (i, band) in bands.iter_mut().enumerate() {
                *band = row.get(i + 1)?;
            }
            Ok((row.get(0)?, bands))
        })?;
    let mut syndicates = vec![old_syndicate.to_string(), id];
    let mut reached = conn.prepare_cached(
        "SELECT syndicate FROM documents WHERE band0 = ?1 OR band1 = ?2 OR band2 = ?3
         OR band3 = ?4 OR band4 = ?5 OR band5 = ?6 OR band6 = ?7 OR band7 = ?8",
    )?;
    let [b0, b1, b2, b3, b4, b5, b6, b7] = bands;
    for syndicate in reached.query_map(params![b0, b1, b2, b3, b4, b5, b6, b7], |row| {
        row.get::<_, String>(0)
    })? {
        syndicates.push(syndicate?);
    }
    syndicates.sort_unstable();
    syndicates.dedup();
    let mut members = vec![rowid];
    let mut of_syndicate =
        conn.prepare_cached("SELECT rowid FROM documents WHERE syndicate = ?1")?;
    for syndicate in &syndicates {
        for member in of_syndicate.query_map([syndicate], |row| row.get::<_, i64>(0))? {
            members.push(member?);
        }
    }
    members.sort_unstable();
    members.dedup();
    let mut own = String::new();
    for member in members {
        let syndicate = refresh(conn, member)?;
        if member == rowid {
            own = syndicate;
        }
    }
    Ok(own)
}
