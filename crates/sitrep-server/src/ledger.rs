//! The ledger as the server uses it: a small pool of read connections, run
//! on tokio's blocking pool, and one writer at a time for HTTP ingest.
//!
//! The store is SQLite through rusqlite, which blocks; every query runs in
//! `spawn_blocking` so the async workers never wait on the disk. A
//! [`SqliteStore`] is one connection and cannot be shared between threads,
//! so each query borrows one from the pool (opening one when none is idle)
//! and gives it back. A semaphore bounds how many queries run at once, so a
//! burst of requests queues instead of opening hundreds of connections.
//! The file is in WAL mode: the server keeps reading while `sitrep ingest`
//! writes from another process.
//!
//! Two queries the `Store` trait does not have yet, the document list and
//! the place summary, are answered here with SQL over a read-only
//! connection to the same file (see [`Reader::documents`] and
//! [`Reader::places`]). They belong in `sitrep-store`; this module is the
//! only place in the server that knows the schema, so moving them there
//! changes nothing else.
//!
//! This module does not parse requests or shape responses (`api` does).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OpenFlags, params_from_iter};
use sitrep_model::{EventType, PartialDate, Side};
use sitrep_store::{SqliteStore, StoreError};
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// One pooled reader: the store, and a read-only connection for the
/// queries the store does not offer.
#[derive(Debug)]
pub struct Reader {
    /// The store (claims, events, documents, statistics).
    pub store: SqliteStore,
    sql: Connection,
}

/// A pool of readers on one ledger file.
#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    idle: Mutex<Vec<Reader>>,
    permits: Arc<Semaphore>,
    max_idle: usize,
    /// Held while an HTTP ingest writes, so two of them queue here rather
    /// than on SQLite's lock.
    pub(crate) writer: tokio::sync::Mutex<()>,
}

/// A document as listed: everything but its text, plus counts.
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct DocumentSummary {
    /// The document's id.
    pub id: String,
    /// Where it was found.
    pub url: Option<String>,
    /// The publishing outlet.
    pub outlet: Option<String>,
    /// The publication day, `YYYY-MM-DD`.
    #[schema(value_type = Option<crate::schema::Day>)]
    pub published: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Claims stored for it.
    pub claims: u64,
    /// Events stored for it.
    pub events: u64,
    /// The extractor version that made its claims and events.
    pub extractor_version: Option<String>,
}

/// Which documents [`Reader::documents`] lists, in publication order
/// (undated first), then by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentFilter {
    /// Published on or after the first day of this date.
    pub since: Option<PartialDate>,
    /// Published on or before the last day of this date.
    pub until: Option<PartialDate>,
    /// The outlet is this one (exact match).
    pub outlet: Option<String>,
    /// At most this many.
    pub limit: usize,
    /// Skip this many first.
    pub offset: usize,
}

/// A place with the events that happened there.
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct PlaceSummary {
    /// The place name.
    pub name: String,
    /// ISO 3166-1 alpha-3 code.
    pub country: Option<String>,
    /// Province or state.
    pub admin1: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// Events at this place that match the filter.
    pub events: u64,
    /// The first day of the earliest such event.
    #[schema(value_type = Option<crate::schema::Day>)]
    pub first: Option<String>,
    /// The last day of the latest such event.
    #[schema(value_type = Option<crate::schema::Day>)]
    pub last: Option<String>,
}

/// Which places [`Reader::places`] summarises: those of the events that
/// match, most events first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceFilter {
    /// Either actor of the event stands for this side.
    pub side: Option<Side>,
    /// The event type.
    pub event_type: Option<EventType>,
    /// The place is in this country.
    pub country: Option<String>,
    /// Dates overlap from here (as for events).
    pub since: Option<PartialDate>,
    /// Dates overlap up to here.
    pub until: Option<PartialDate>,
    /// Include events the text says did not happen.
    pub include_negated: bool,
    /// At most this many places.
    pub limit: usize,
}

fn db_err(what: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError::Database {
        context: what.to_string(),
        source: Box::new(e),
    }
}

fn day(d: jiff::civil::Date) -> SqlValue {
    SqlValue::Text(d.to_string())
}

impl Reader {
    fn open(path: &Path) -> Result<Reader, StoreError> {
        let store = SqliteStore::open(path)?;
        let sql = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::Open {
            path: path.display().to_string(),
            source: Box::new(e),
        })?;
        sql.busy_timeout(SqliteStore::BUSY_TIMEOUT)
            .map_err(db_err("configuring a read connection"))?;
        Ok(Reader { store, sql })
    }

    /// Documents matching `filter`, without their text.
    ///
    /// # Errors
    ///
    /// When the database fails.
    pub fn documents(&self, filter: &DocumentFilter) -> Result<Vec<DocumentSummary>, StoreError> {
        let mut clauses = Vec::new();
        let mut params: Vec<SqlValue> = Vec::new();
        if let Some(since) = filter.since {
            clauses.push("d.published >= ?");
            params.push(day(since.first_day()));
        }
        if let Some(until) = filter.until {
            clauses.push("d.published <= ?");
            params.push(day(until.last_day()));
        }
        if let Some(outlet) = &filter.outlet {
            clauses.push("d.outlet = ?");
            params.push(SqlValue::Text(outlet.clone()));
        }
        let filter_sql = if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        };
        params.push(SqlValue::Integer(
            i64::try_from(filter.limit).unwrap_or(i64::MAX),
        ));
        params.push(SqlValue::Integer(
            i64::try_from(filter.offset).unwrap_or(i64::MAX),
        ));
        let sql = format!(
            "SELECT d.id, d.url, d.outlet, d.published, d.title, d.claims, d.events,
                    d.extractor_version
             FROM documents d{filter_sql}
             ORDER BY d.published, d.id LIMIT ? OFFSET ?"
        );
        let mut stmt = self
            .sql
            .prepare_cached(&sql)
            .map_err(db_err("listing documents"))?;
        let rows = stmt
            .query_map(params_from_iter(params), |row| {
                Ok(DocumentSummary {
                    id: row.get(0)?,
                    url: row.get(1)?,
                    outlet: row.get(2)?,
                    published: row.get(3)?,
                    title: row.get(4)?,
                    claims: u64::try_from(row.get::<_, Option<i64>>(5)?.unwrap_or(0)).unwrap_or(0),
                    events: u64::try_from(row.get::<_, Option<i64>>(6)?.unwrap_or(0)).unwrap_or(0),
                    extractor_version: row.get(7)?,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(db_err("listing documents"))?;
        Ok(rows)
    }

    /// The places of the events matching `filter`, with how many events
    /// each had, most first (then by name).
    ///
    /// Places are grouped by name (ignoring ASCII case) and country; the
    /// coordinates are their mean over the matching mentions.
    ///
    /// # Errors
    ///
    /// When the database fails.
    pub fn places(&self, filter: &PlaceFilter) -> Result<Vec<PlaceSummary>, StoreError> {
        let mut clauses: Vec<&str> = Vec::new();
        let mut params: Vec<SqlValue> = Vec::new();
        if let Some(side) = &filter.side {
            clauses.push("e.id IN (SELECT event_id FROM event_sides WHERE side = ?)");
            params.push(SqlValue::Text(side.as_str().to_string()));
        }
        if let Some(t) = filter.event_type {
            clauses.push("e.type = ?");
            params.push(SqlValue::Text(t.as_str().to_string()));
        }
        if let Some(country) = &filter.country {
            clauses.push("p.country = ?");
            params.push(SqlValue::Text(country.clone()));
        }
        if !filter.include_negated {
            clauses.push("e.negated = 0");
        }
        // Dates by overlap, as the store filters events (sitrep-store's
        // `filter` module): no stored range is longer than a year, so the
        // second bound on date_first only narrows the index range.
        if let Some(since) = filter.since {
            let first = since.first_day();
            clauses.push("e.date_last >= ? AND e.date_first >= ?");
            params.push(day(first));
            params.push(day(first
                .checked_sub(jiff::Span::new().days(366))
                .unwrap_or(jiff::civil::Date::MIN)));
        }
        if let Some(until) = filter.until {
            clauses.push("e.date_first <= ?");
            params.push(day(until.last_day()));
        }
        let filter_sql = if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        };
        params.push(SqlValue::Integer(
            i64::try_from(filter.limit).unwrap_or(i64::MAX),
        ));
        let sql = format!(
            "SELECT min(p.name), p.country, max(p.admin1), avg(p.lat), avg(p.lon),
                    count(DISTINCT p.event_id), min(e.date_first), max(e.date_last)
             FROM event_places p JOIN events e ON e.id = p.event_id{filter_sql}
             GROUP BY p.name COLLATE NOCASE, p.country
             ORDER BY 6 DESC, 1 LIMIT ?"
        );
        let mut stmt = self
            .sql
            .prepare_cached(&sql)
            .map_err(db_err("summarising places"))?;
        let rows = stmt
            .query_map(params_from_iter(params), |row| {
                Ok(PlaceSummary {
                    name: row.get(0)?,
                    country: row.get(1)?,
                    admin1: row.get(2)?,
                    lat: row.get(3)?,
                    lon: row.get(4)?,
                    events: u64::try_from(row.get::<_, i64>(5)?).unwrap_or(0),
                    first: row.get(6)?,
                    last: row.get(7)?,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(db_err("summarising places"))?;
        Ok(rows)
    }
}

impl Ledger {
    /// Opens the ledger at `path`, which must exist, with at most
    /// `max_readers` queries at once.
    ///
    /// # Errors
    ///
    /// When the file is missing, is not a sitrep store, or cannot be
    /// opened.
    pub fn open(path: &Path, max_readers: usize) -> Result<Ledger, StoreError> {
        if !path.exists() {
            return Err(StoreError::Open {
                path: path.display().to_string(),
                source: "no such file (run `sitrep ingest --db FILE ...` first)".into(),
            });
        }
        let first = Reader::open(path)?;
        let max_readers = max_readers.max(1);
        Ok(Ledger {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(max_readers)),
            max_idle: max_readers,
            writer: tokio::sync::Mutex::new(()),
        })
    }

    /// The ledger file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with a reader on the blocking pool.
    ///
    /// # Errors
    ///
    /// What `f` returns, `store_error` when no connection can be opened,
    /// `internal` when the task panics.
    pub async fn read<R, F>(self: &Arc<Self>, f: F) -> Result<R, ApiError>
    where
        R: Send + 'static,
        F: FnOnce(&Reader) -> Result<R, ApiError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the reader pool is closed"))?;
        let ledger = Arc::clone(self);
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let reader = ledger.take()?;
            let result = f(&reader);
            ledger.give_back(reader);
            result
        });
        task.await
            .map_err(|_| ApiError::internal("a query task failed"))?
    }

    fn take(&self) -> Result<Reader, ApiError> {
        let pooled = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match pooled {
            Some(reader) => Ok(reader),
            None => Reader::open(&self.path).map_err(|e| ApiError::store(&e)),
        }
    }

    fn give_back(&self, reader: Reader) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < self.max_idle
        {
            idle.push(reader);
        }
    }
}
