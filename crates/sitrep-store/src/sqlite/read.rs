//! Answering queries: filtered claims and events, documents, statistics.
//!
//! Filters become a `WHERE` clause with bound parameters (never pasted
//! values). Rows are decoded back into the model's types; a value the model
//! does not know (say, a category renamed by hand in the database) is a
//! [`StoreError::Corrupt`] naming the table and document.

use std::str::FromStr;

use jiff::civil::Date;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};
use sitrep_model::{
    Actor, Category, Claim, Claimant, Document, Event, EventType, Evidence, Flag, Kind, Mode,
    PartialDate, Place, Precision, Qualifier, Side, Stance, Subject, Value,
};

use super::write::{ORDINAL_BITS, item_range, ordinal_of};
use crate::hash::{day_range, iso_day};
use crate::{
    ClaimFilter, EventFilter, Sighting, Stats, StoreError, StoredClaim, StoredEvent, claim_id,
    event_id,
};

/// A `WHERE` clause under construction.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    params: Vec<SqlValue>,
}

impl Where {
    fn add(&mut self, clause: &str, values: impl IntoIterator<Item = SqlValue>) {
        self.clauses.push(clause.to_string());
        self.params.extend(values);
    }

    fn text(value: &str) -> SqlValue {
        SqlValue::Text(value.to_string())
    }

    /// The date bounds, by overlap (see [`crate::filter`]).
    ///
    /// `since` also bounds `date_first` from below, which the overlap test
    /// alone does not: no stored range is longer than a year (a
    /// [`PartialDate::Year`]), so an item ending on or after `since` starts
    /// at most 366 days before it. The redundant bound lets SQLite search
    /// the `(…, date_first)` indexes as a range instead of scanning them.
    fn dates(&mut self, alias: &str, since: Option<PartialDate>, until: Option<PartialDate>) {
        if let Some(since) = since {
            let (first, _) = day_range(since);
            self.add(
                &format!("{alias}.date_last >= ?"),
                [Where::text(&iso_day(first))],
            );
        }
        self.first_day_bounds(alias, since, until);
    }

    /// The bounds on `date_first` alone: `until`, and the earliest first
    /// day an item reaching `since` can have.
    fn first_day_bounds(
        &mut self,
        alias: &str,
        since: Option<PartialDate>,
        until: Option<PartialDate>,
    ) {
        if let Some(since) = since {
            let (first, _) = day_range(since);
            let earliest = first
                .checked_sub(jiff::Span::new().days(366))
                .unwrap_or(Date::MIN);
            self.add(
                &format!("{alias}.date_first >= ?"),
                [Where::text(&iso_day(earliest))],
            );
        }
        if let Some(until) = until {
            let (_, last) = day_range(until);
            self.add(
                &format!("{alias}.date_first <= ?"),
                [Where::text(&iso_day(last))],
            );
        }
    }

    /// The `WHERE` clause (empty when nothing is filtered) and its
    /// parameters, followed by those of the `LIMIT ? OFFSET ?` that the
    /// caller puts after its `ORDER BY`.
    fn finish(mut self, limit: Option<usize>, offset: usize) -> (String, Vec<SqlValue>) {
        let mut sql = String::new();
        if !self.clauses.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&self.clauses.join(" AND "));
        }
        // SQLite reads a negative limit as "no limit".
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        self.params.push(SqlValue::Integer(limit));
        self.params
            .push(SqlValue::Integer(i64::try_from(offset).unwrap_or(i64::MAX)));
        (sql, self.params)
    }
}

fn query_err(what: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError::database(format!("reading {what}"), e)
}

/// Decodes one column's text into a model value.
fn decode<T>(
    table: &'static str,
    document: &str,
    column: &str,
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, StoreError> {
    parse(text).ok_or_else(|| StoreError::Corrupt {
        table,
        document: document.to_string(),
        reason: format!("{column} {text:?} is not a known value"),
    })
}

fn parse_date(text: &str) -> Option<Date> {
    text.parse().ok()
}

fn parse_partial(text: &str) -> Option<PartialDate> {
    PartialDate::from_str(text).ok()
}

fn parse_side(text: &str) -> Option<Side> {
    Side::new(text).ok()
}

fn parse_sides(text: &str) -> Option<Vec<Side>> {
    text.split(',')
        .filter(|code| !code.is_empty())
        .map(parse_side)
        .collect()
}

fn parse_flags(text: &str) -> Option<Vec<Flag>> {
    text.split(',')
        .filter(|name| !name.is_empty())
        .map(Flag::from_name)
        .collect()
}

/// Reads a column, turning SQLite's type errors into the store's.
fn col<T: rusqlite::types::FromSql>(row: &Row<'_>, index: usize) -> Result<T, StoreError> {
    row.get(index)
        .map_err(|e| StoreError::database("reading a stored row", e))
}

fn opt<T>(
    table: &'static str,
    document: &str,
    column: &str,
    text: Option<String>,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, StoreError> {
    text.map(|text| decode(table, document, column, &text, parse))
        .transpose()
}

fn count(value: i64, table: &'static str, document: &str, column: &str) -> Result<u64, StoreError> {
    u64::try_from(value).map_err(|_| StoreError::Corrupt {
        table,
        document: document.to_string(),
        reason: format!("{column} {value} is negative"),
    })
}

fn ordinal(value: i64, table: &'static str, document: &str) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| StoreError::Corrupt {
        table,
        document: document.to_string(),
        reason: format!("ordinal {value} is out of range"),
    })
}

fn offset(value: i64, table: &'static str, document: &str) -> Result<usize, StoreError> {
    usize::try_from(value).map_err(|_| StoreError::Corrupt {
        table,
        document: document.to_string(),
        reason: format!("evidence offset {value} is out of range"),
    })
}

/// The clause keeping the items of one document, by their id range (see
/// `write::item_id`); binds the document id twice.
fn document_items(column: &str) -> String {
    // Document 0's range is the ordinals' range.
    let (_, last) = item_range(0);
    format!(
        "{column} BETWEEN (SELECT seq << {ORDINAL_BITS} FROM documents WHERE id = ?) \
         AND (SELECT (seq << {ORDINAL_BITS}) | {last} FROM documents WHERE id = ?)"
    )
}

const CLAIM_COLUMNS: &str = "d.id, c.id, d.outlet, d.published, c.category,
    c.subject_text, c.subject_side, c.subject_kind, c.n, c.n_max, c.qualifier, c.value_text,
    c.stance, c.claimant_text, c.claimant_side, c.claimant_anonymous, c.date, c.evidence_start,
    c.evidence_end, c.quote, c.confidence, c.flags, d.syndicate";

pub(super) fn claims(
    conn: &Connection,
    filter: &ClaimFilter,
) -> Result<Vec<StoredClaim>, StoreError> {
    let ClaimFilter {
        side,
        subject_side,
        claimant_side,
        category,
        kind,
        stance,
        since,
        until,
        document_id,
        outlet,
        limit,
        offset,
    } = filter;
    let mut w = Where::default();
    if let Some(side) = side {
        let code = Where::text(side.as_str());
        w.add(
            "(c.subject_side = ? OR c.claimant_side = ?)",
            [code.clone(), code],
        );
    }
    if let Some(side) = subject_side {
        w.add("c.subject_side = ?", [Where::text(side.as_str())]);
    }
    if let Some(side) = claimant_side {
        w.add("c.claimant_side = ?", [Where::text(side.as_str())]);
    }
    if let Some(category) = category {
        w.add("c.category = ?", [Where::text(category.as_str())]);
    }
    if let Some(kind) = kind {
        w.add("c.subject_kind = ?", [Where::text(kind.as_str())]);
    }
    if let Some(stance) = stance {
        w.add("c.stance = ?", [Where::text(stance.as_str())]);
    }
    w.dates("c", *since, *until);
    if let Some(id) = document_id {
        w.add(&document_items("c.id"), [Where::text(id), Where::text(id)]);
    }
    if let Some(outlet) = outlet {
        w.add("d.outlet = ?", [Where::text(outlet)]);
    }
    // No filter here has an index in date order (the order of the
    // results) except the dates': walk that index, so that a LIMIT stops
    // the walk after enough matches. Otherwise SQLite would fetch every
    // claim of, say, a side (an eighth of the store) to sort them first:
    // 0.5 s instead of 2 ms at a million claims.
    let unordered_filters_only = subject_side.is_none()
        && claimant_side.is_none()
        && category.is_none()
        && document_id.is_none()
        && (side.is_some() || kind.is_some() || stance.is_some() || outlet.is_some());
    let claims = if unordered_filters_only {
        "claims c INDEXED BY claims_date"
    } else {
        "claims c"
    };
    let (filter_sql, params) = w.finish(*limit, *offset);
    let sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM {claims} CROSS JOIN documents d ON d.seq = c.id >> {ORDINAL_BITS}\
         {filter_sql} ORDER BY c.date_first, c.id LIMIT ? OFFSET ?"
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(query_err("claims"))?;
    let mut rows = stmt
        .query(params_from_iter(params))
        .map_err(query_err("claims"))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(query_err("claims"))? {
        out.push(decode_claim(row)?);
    }
    Ok(out)
}

fn decode_claim(row: &Row<'_>) -> Result<StoredClaim, StoreError> {
    const T: &str = "claims";
    let document_id: String = col(row, 0)?;
    let doc = document_id.as_str();
    let ordinal = ordinal(ordinal_of(col(row, 1)?), T, doc)?;
    let claimant_text: Option<String> = col(row, 13)?;
    let claimant = match claimant_text {
        None => None,
        Some(text) => Some(Claimant {
            text,
            side: opt(T, doc, "claimant_side", col(row, 14)?, parse_side)?,
            anonymous: col::<Option<bool>>(row, 15)?.unwrap_or(false),
        }),
    };
    let claim = Claim {
        category: decode(
            T,
            doc,
            "category",
            &col::<String>(row, 4)?,
            Category::from_name,
        )?,
        subject: Subject {
            text: col(row, 5)?,
            side: opt(T, doc, "subject_side", col(row, 6)?, parse_side)?,
            kind: decode(
                T,
                doc,
                "subject_kind",
                &col::<String>(row, 7)?,
                Kind::from_name,
            )?,
        },
        value: Value {
            n: count(col(row, 8)?, T, doc, "n")?,
            n_max: col::<Option<i64>>(row, 9)?
                .map(|n| count(n, T, doc, "n_max"))
                .transpose()?,
            qualifier: decode(
                T,
                doc,
                "qualifier",
                &col::<String>(row, 10)?,
                Qualifier::from_name,
            )?,
            text: col(row, 11)?,
        },
        stance: decode(
            T,
            doc,
            "stance",
            &col::<String>(row, 12)?,
            Stance::from_name,
        )?,
        claimant,
        date: opt(T, doc, "date", col(row, 16)?, parse_partial)?,
        evidence: Evidence {
            start: offset(col(row, 17)?, T, doc)?,
            end: offset(col(row, 18)?, T, doc)?,
            quote: col(row, 19)?,
        },
        // Stored from an f32, so this narrowing is exact.
        confidence: col::<f64>(row, 20)? as f32,
        flags: decode(T, doc, "flags", &col::<String>(row, 21)?, parse_flags)?,
    };
    Ok(StoredClaim {
        id: claim_id(doc, ordinal),
        ordinal,
        outlet: col(row, 2)?,
        published: opt(T, doc, "published", col(row, 3)?, parse_date)?,
        syndicate: col(row, 22)?,
        claim,
        document_id,
    })
}

const EVENT_COLUMNS: &str = "e.id, d.id, e.id, d.outlet, d.published, e.type,
    e.mode, e.actor1_text, e.actor1_sides, e.actor2_text, e.actor2_sides, e.date, e.negated,
    e.evidence_start, e.evidence_end, e.quote, d.syndicate";

pub(super) fn events(
    conn: &Connection,
    filter: &EventFilter,
) -> Result<Vec<StoredEvent>, StoreError> {
    let EventFilter {
        side,
        event_type,
        mode,
        place,
        country,
        negated,
        since,
        until,
        document_id,
        outlet,
        limit,
        offset,
    } = filter;
    let mut w = Where::default();
    // With a side, the walk is over that side's rows of event_sides, which
    // are in (date_first, event id) order, the order of the results: a
    // LIMIT stops it early. Undated events have date_first '' there, NULL
    // in events; both sort first.
    let (from, order) = match side {
        Some(side) => {
            w.add("s.side = ?", [Where::text(side.as_str())]);
            (
                "event_sides s CROSS JOIN events e ON e.id = s.event_id",
                "s.date_first, s.event_id",
            )
        }
        None => ("events e", "e.date_first, e.id"),
    };
    if let Some(event_type) = event_type {
        w.add("e.type = ?", [Where::text(event_type.as_str())]);
    }
    if let Some(mode) = mode {
        w.add("e.mode = ?", [Where::text(mode.as_str())]);
    }
    if let Some(place) = place {
        w.add(
            "e.id IN (SELECT event_id FROM event_places WHERE name = ? COLLATE NOCASE)",
            [Where::text(place)],
        );
    }
    if let Some(country) = country {
        w.add(
            "e.id IN (SELECT event_id FROM event_places WHERE country = ?)",
            [Where::text(country)],
        );
    }
    if let Some(negated) = negated {
        w.add("e.negated = ?", [SqlValue::Integer(i64::from(*negated))]);
    }
    w.dates("e", *since, *until);
    if side.is_some() {
        // The same bounds on the side rows' copy of date_first, so that
        // they are searched as a range of the side's rows.
        w.first_day_bounds("s", *since, *until);
    }
    if let Some(id) = document_id {
        w.add(&document_items("e.id"), [Where::text(id), Where::text(id)]);
    }
    if let Some(outlet) = outlet {
        w.add("d.outlet = ?", [Where::text(outlet)]);
    }
    let (filter_sql, params) = w.finish(*limit, *offset);
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM {from} CROSS JOIN documents d ON d.seq = e.id >> {ORDINAL_BITS}\
         {filter_sql} ORDER BY {order} LIMIT ? OFFSET ?"
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(query_err("events"))?;
    let mut places_stmt = conn
        .prepare_cached(
            "SELECT name, country, admin1, lat, lon, precision FROM event_places
             WHERE event_id = ?1 ORDER BY ordinal",
        )
        .map_err(query_err("event places"))?;
    let mut rows = stmt
        .query(params_from_iter(params))
        .map_err(query_err("events"))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(query_err("events"))? {
        let mut stored = decode_event(row)?;
        let rowid: i64 = col(row, 0)?;
        let mut place_rows = places_stmt
            .query([rowid])
            .map_err(query_err("event places"))?;
        while let Some(place) = place_rows.next().map_err(query_err("event places"))? {
            let doc = stored.document_id.as_str();
            stored.event.places.push(Place {
                name: col(place, 0)?,
                country: col(place, 1)?,
                admin1: col(place, 2)?,
                lat: col(place, 3)?,
                lon: col(place, 4)?,
                precision: opt(
                    "event_places",
                    doc,
                    "precision",
                    col(place, 5)?,
                    Precision::from_name,
                )?,
            });
        }
        out.push(stored);
    }
    Ok(out)
}

/// Decodes an event row; its places are read separately.
fn decode_event(row: &Row<'_>) -> Result<StoredEvent, StoreError> {
    const T: &str = "events";
    let document_id: String = col(row, 1)?;
    let doc = document_id.as_str();
    let ordinal = ordinal(ordinal_of(col(row, 2)?), T, doc)?;
    let actor =
        |text_col: usize, sides_col: usize, name: &str| -> Result<Option<Actor>, StoreError> {
            let text: Option<String> = col(row, text_col)?;
            let Some(text) = text else { return Ok(None) };
            let sides: Option<String> = col(row, sides_col)?;
            Ok(Some(Actor {
                text,
                sides: decode(T, doc, name, sides.as_deref().unwrap_or(""), parse_sides)?,
            }))
        };
    let event = Event {
        kind: decode(
            T,
            doc,
            "type",
            &col::<String>(row, 5)?,
            EventType::from_name,
        )?,
        mode: opt(T, doc, "mode", col(row, 6)?, Mode::from_name)?,
        actor1: actor(7, 8, "actor1_sides")?,
        actor2: actor(9, 10, "actor2_sides")?,
        places: Vec::new(),
        date: opt(T, doc, "date", col(row, 11)?, parse_partial)?,
        negated: col(row, 12)?,
        evidence: Evidence {
            start: offset(col(row, 13)?, T, doc)?,
            end: offset(col(row, 14)?, T, doc)?,
            quote: col(row, 15)?,
        },
    };
    Ok(StoredEvent {
        id: event_id(doc, ordinal),
        ordinal,
        outlet: col(row, 3)?,
        published: opt(T, doc, "published", col(row, 4)?, parse_date)?,
        syndicate: col(row, 16)?,
        event,
        document_id,
    })
}

pub(super) fn document(conn: &Connection, id: &str) -> Result<Option<Document>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT url, outlet, published, title, text FROM documents WHERE id = ?1")
        .map_err(query_err("a document"))?;
    let mut rows = stmt.query([id]).map_err(query_err("a document"))?;
    let Some(row) = rows.next().map_err(query_err("a document"))? else {
        return Ok(None);
    };
    Ok(Some(Document {
        id: id.to_string(),
        url: col(row, 0)?,
        outlet: col(row, 1)?,
        published: opt("documents", id, "published", col(row, 2)?, parse_date)?,
        title: col(row, 3)?,
        text: col(row, 4)?,
    }))
}

pub(super) fn sightings(conn: &Connection, id: &str) -> Result<Vec<Sighting>, StoreError> {
    let err = query_err("sightings");
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, outlet, published, url, title FROM documents
             WHERE syndicate = (SELECT syndicate FROM documents WHERE id = ?1)
             ORDER BY seq",
        )
        .map_err(&err)?;
    let mut rows = stmt.query([id]).map_err(&err)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(&err)? {
        let document_id: String = col(row, 0)?;
        let published = opt(
            "documents",
            &document_id,
            "published",
            col(row, 2)?,
            parse_date,
        )?;
        out.push(Sighting {
            outlet: col(row, 1)?,
            published,
            url: col(row, 3)?,
            title: col(row, 4)?,
            document_id,
        });
    }
    Ok(out)
}

pub(super) fn documents_needing_reextract(
    conn: &Connection,
    extractor_version: &str,
) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT id FROM documents WHERE extractor_version IS NOT ?1 ORDER BY id")
        .map_err(query_err("extraction runs"))?;
    let ids = stmt
        .query_map([extractor_version], |row| row.get(0))
        .and_then(|rows| rows.collect::<Result<Vec<String>, _>>())
        .map_err(query_err("extraction runs"))?;
    Ok(ids)
}

pub(super) fn stats(conn: &Connection) -> Result<Stats, StoreError> {
    let err = query_err("statistics");
    // One read transaction: all counts come from the same snapshot even
    // while another connection commits batches. It only reads, so dropping
    // it (a rollback) is all the cleanup it needs.
    let tx = conn.unchecked_transaction().map_err(&err)?;
    let conn: &Connection = &tx;
    let count_of = |table: &str| -> Result<u64, StoreError> {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .map_err(query_err("statistics"))?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    let mut stmt = conn
        .prepare_cached(
            "SELECT extractor_version, count(*) FROM documents
             WHERE extractor_version IS NOT NULL
             GROUP BY extractor_version ORDER BY extractor_version",
        )
        .map_err(&err)?;
    let extractor_versions = stmt
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        })
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .map_err(&err)?
        .into_iter()
        .map(|(version, n)| (version, u64::try_from(n).unwrap_or(0)))
        .collect();
    let (first, last): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT min(published), max(published) FROM documents",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()
        .map_err(&err)?
        .unwrap_or((None, None));
    let schema_version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(&err)?;
    Ok(Stats {
        schema_version,
        documents: count_of("documents")?,
        claims: count_of("claims")?,
        events: count_of("events")?,
        places: count_of("event_places")?,
        syndicates: {
            let n: i64 = conn
                .query_row(
                    "SELECT count(DISTINCT syndicate) FROM documents",
                    [],
                    |row| row.get(0),
                )
                .map_err(&err)?;
            u64::try_from(n).unwrap_or(0)
        },
        extractor_versions,
        first_published: opt("documents", "", "published", first, parse_date)?,
        last_published: opt("documents", "", "published", last, parse_date)?,
    })
}
