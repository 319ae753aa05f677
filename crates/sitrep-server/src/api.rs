//! The JSON endpoints under `/api`: what each accepts, what it returns, and
//! its OpenAPI description (the `#[utoipa::path]` attributes), side by side.
//!
//! List endpoints take the same filters as the CLI (`side`, `since`,
//! `until`, `document`, `category`, `claimant`, `type`, `place`, …) and page
//! with `limit`/`offset` (see [`Page`]): each page says its `next_offset`,
//! or null on the last page. Queries run on the blocking pool (see
//! `ledger`); extraction runs there too.
//!
//! Not here: routing, limits and logging (`lib`, `middleware`), the page
//! (`web`).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use serde::Serialize;
use sitrep_model::{Document, Extraction};
use sitrep_store::{ClaimFilter, EventFilter, Store, StoredClaim, StoredEvent};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::ledger::{DocumentFilter, DocumentSummary, PlaceFilter, PlaceSummary};
use crate::query::{Page, Query, check_window};
use crate::schema;

// ---------------------------------------------------------------- params

/// Filters of `GET /api/claims`.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documents the parameters; `Query` reads them")]
pub struct ClaimParams {
    /// Only claims whose subject or claimant is this side (`PAK`).
    #[param(example = "PAK")]
    side: Option<String>,
    /// Only claims whose counted subject is this side.
    #[param(example = "AFG")]
    subject_side: Option<String>,
    /// Only figures stated by this side.
    #[param(example = "PAK")]
    claimant: Option<String>,
    /// Only this category.
    #[param(inline, example = "killed")]
    category: Option<schema::CategoryName>,
    /// Only this kind of subject.
    #[param(inline, example = "soldiers")]
    kind: Option<schema::KindName>,
    /// Only this stance.
    #[param(inline, example = "asserted")]
    stance: Option<schema::StanceName>,
    /// Only claims dated on or after this day, month or year (dates overlap:
    /// a claim dated 2025-10 matches since=2025-10-20).
    #[param(example = "2025-10-01")]
    since: Option<String>,
    /// Only claims dated on or before this day, month or year.
    #[param(example = "2025-12")]
    until: Option<String>,
    /// Only claims of this document.
    #[param(example = "sample-afpak-2025-10-12")]
    document: Option<String>,
    /// Only claims from this outlet (exact).
    #[param(example = "Sample Wire")]
    outlet: Option<String>,
    /// Items per page, 1–1000 (default 100).
    #[param(minimum = 1, maximum = 1000, example = 50)]
    limit: Option<u32>,
    /// Items to skip, at most 100000. Deep offsets are slow (SQLite reads
    /// every skipped row): narrow with since/until instead.
    #[param(minimum = 0, maximum = 100000, example = 0)]
    offset: Option<u32>,
}

/// Filters of `GET /api/events`.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documents the parameters; `Query` reads them")]
pub struct EventParams {
    /// Only events where either actor is this side.
    #[param(example = "PAK")]
    side: Option<String>,
    /// Only this event type.
    #[param(rename = "type", inline, example = "ASSAULT")]
    event_type: Option<schema::EventTypeName>,
    /// Only this mode (for ASSAULT).
    #[param(inline, example = "ground")]
    mode: Option<schema::ModeName>,
    /// Only events at a place of this name (ignoring ASCII case).
    #[param(example = "Kurram")]
    place: Option<String>,
    /// Only events at a place in this country (ISO 3166-1 alpha-3).
    #[param(example = "PAK")]
    country: Option<String>,
    /// true: only events the text says did not happen; false: only those
    /// that did. Absent: both.
    #[param(example = false)]
    negated: Option<bool>,
    /// Only events dated on or after this day, month or year.
    #[param(example = "2025-10-01")]
    since: Option<String>,
    /// Only events dated on or before this day, month or year.
    #[param(example = "2025-12")]
    until: Option<String>,
    /// Only events of this document.
    #[param(example = "sample-afpak-2025-10-12")]
    document: Option<String>,
    /// Only events from this outlet (exact).
    #[param(example = "Sample Wire")]
    outlet: Option<String>,
    /// Items per page, 1–1000 (default 100).
    #[param(minimum = 1, maximum = 1000, example = 50)]
    limit: Option<u32>,
    /// Items to skip, at most 100000.
    #[param(minimum = 0, maximum = 100000, example = 0)]
    offset: Option<u32>,
}

/// Filters of `GET /api/documents`.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documents the parameters; `Query` reads them")]
pub struct DocumentParams {
    /// Only documents published on or after this day, month or year.
    #[param(example = "2025-10")]
    since: Option<String>,
    /// Only documents published on or before this day, month or year.
    #[param(example = "2025-12-31")]
    until: Option<String>,
    /// Only documents from this outlet (exact).
    #[param(example = "Sample Wire")]
    outlet: Option<String>,
    /// Items per page, 1–1000 (default 100).
    #[param(minimum = 1, maximum = 1000, example = 50)]
    limit: Option<u32>,
    /// Items to skip, at most 100000.
    #[param(minimum = 0, maximum = 100000, example = 0)]
    offset: Option<u32>,
}

/// Filters of `GET /api/places`.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documents the parameters; `Query` reads them")]
pub struct PlaceParams {
    /// Only places of events where either actor is this side.
    #[param(example = "AFG")]
    side: Option<String>,
    /// Only places of events of this type.
    #[param(rename = "type", inline, example = "ASSAULT")]
    event_type: Option<schema::EventTypeName>,
    /// Only places in this country (ISO 3166-1 alpha-3).
    #[param(example = "AFG")]
    country: Option<String>,
    /// Only events dated on or after this day, month or year.
    #[param(example = "2025-10")]
    since: Option<String>,
    /// Only events dated on or before this day, month or year.
    #[param(example = "2025-12")]
    until: Option<String>,
    /// Also count events the text says did not happen (default false).
    #[param(example = true)]
    include_negated: Option<bool>,
    /// At most this many places, 1–1000 (default 100), most events first.
    #[param(minimum = 1, maximum = 1000, example = 20)]
    limit: Option<u32>,
}

/// Filters of `GET /api/contested` (those of `sitrep contested`).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documents the parameters; `Query` reads them")]
pub struct ContestedParams {
    /// Only figures about this side or stated by it.
    #[param(example = "PAK")]
    side: Option<String>,
    /// Only figures in which this side states a figure (the other
    /// claimants' figures are still shown beside it).
    #[param(example = "AFG")]
    claimant: Option<String>,
    /// Only this category.
    #[param(inline, example = "killed")]
    category: Option<schema::CategoryName>,
    /// Only figures counting this kind (soldiers and fighters are one family).
    #[param(inline, example = "soldiers")]
    kind: Option<schema::KindName>,
    /// Only claims dated on or after this day, month or year.
    #[param(example = "2025-10")]
    since: Option<String>,
    /// Only claims dated on or before this day, month or year.
    #[param(example = "2025-12")]
    until: Option<String>,
    /// Only figures at a place whose name or province contains this text
    /// (case-insensitive).
    #[param(example = "Kurram")]
    place: Option<String>,
    /// Only figures with at least this many claimant sides (2: figures two
    /// sides dispute).
    #[param(minimum = 0, maximum = 100, example = 2)]
    min_sides: Option<u32>,
    /// Figures per page, 1–1000 (default 100).
    #[param(minimum = 1, maximum = 1000, example = 50)]
    limit: Option<u32>,
    /// Figures to skip, at most 100000.
    #[param(minimum = 0, maximum = 100000, example = 0)]
    offset: Option<u32>,
}

// ------------------------------------------------------------- responses

/// A claim with the document it was read from.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimItem {
    /// A stable id: `<document id>#c<ordinal>`.
    pub id: String,
    /// The document's id.
    pub document: String,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication day.
    #[schema(value_type = Option<schema::Day>)]
    pub published: Option<String>,
    /// The SPEC claim.
    #[serde(flatten)]
    #[schema(value_type = schema::Claim)]
    pub claim: sitrep_model::Claim,
}

impl From<StoredClaim> for ClaimItem {
    fn from(c: StoredClaim) -> ClaimItem {
        ClaimItem {
            id: c.id,
            document: c.document_id,
            outlet: c.outlet,
            published: c.published.map(|d| d.to_string()),
            claim: c.claim,
        }
    }
}

/// An event with the document it was read from.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventItem {
    /// A stable id: `<document id>#e<ordinal>`.
    pub id: String,
    /// The document's id.
    pub document: String,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication day.
    #[schema(value_type = Option<schema::Day>)]
    pub published: Option<String>,
    /// The SPEC event.
    #[serde(flatten)]
    #[schema(value_type = schema::Event)]
    pub event: sitrep_model::Event,
}

impl From<StoredEvent> for EventItem {
    fn from(e: StoredEvent) -> EventItem {
        EventItem {
            id: e.id,
            document: e.document_id,
            outlet: e.outlet,
            published: e.published.map(|d| d.to_string()),
            event: e.event,
        }
    }
}

/// Declares a page type of a list endpoint.
macro_rules! page_type {
    ($(#[$meta:meta])* $name:ident, $item:ty) => {
        $(#[$meta])*
        #[derive(Debug, Serialize, ToSchema)]
        pub struct $name {
            /// The items of this page, in the endpoint's order.
            pub items: Vec<$item>,
            /// The page size asked for.
            pub limit: usize,
            /// Items skipped before this page.
            pub offset: usize,
            /// The `offset` of the next page; null on the last page.
            pub next_offset: Option<usize>,
        }

        impl $name {
            /// A page from up to `page.limit + 1` items (the extra one only
            /// tells that there is a next page).
            fn new(mut items: Vec<$item>, page: Page) -> $name {
                let more = items.len() > page.limit;
                items.truncate(page.limit);
                $name {
                    items,
                    limit: page.limit,
                    offset: page.offset,
                    next_offset: more.then(|| page.offset + page.limit),
                }
            }
        }
    };
}

page_type!(
    /// A page of claims, by date (undated first), document, position.
    ClaimPage,
    ClaimItem
);
page_type!(
    /// A page of events, by date (undated first), document, position.
    EventPage,
    EventItem
);
page_type!(
    /// A page of documents, by publication day (undated first), then id.
    DocumentPage,
    DocumentSummary
);

page_type!(
    /// A page of contested figures, in the order of `sitrep contested`.
    ContestedPage,
    ContestedItem
);

/// A contested figure (the JSON of `sitrep contested --format jsonl`).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ContestedItem(pub sitrep_reconcile::ContestedFigure);

impl utoipa::PartialSchema for ContestedItem {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::Ref::from_schema_name("ContestedFigure").into()
    }
}

impl ToSchema for ContestedItem {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("ContestedFigure")
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        use utoipa::PartialSchema;
        schemas.push((
            "ContestedFigure".to_string(),
            schema::ContestedFigure::schema(),
        ));
        <schema::ContestedFigure as ToSchema>::schemas(schemas);
    }
}

/// Places, most events first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceList {
    /// The places.
    pub items: Vec<PlaceSummary>,
}

/// How many documents one extractor version made.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExtractorCount {
    /// The extractor version.
    pub version: String,
    /// Documents it extracted.
    pub documents: u64,
}

/// What the ledger holds and what the server can do.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatsBody {
    /// The ledger's schema version.
    pub schema_version: i64,
    /// Stored documents.
    pub documents: u64,
    /// Stored claims.
    pub claims: u64,
    /// Stored events.
    pub events: u64,
    /// Stored event places.
    pub places: u64,
    /// Documents per extractor version.
    pub extractor_versions: Vec<ExtractorCount>,
    /// The earliest publication day.
    #[schema(value_type = Option<schema::Day>)]
    pub first_published: Option<String>,
    /// The latest publication day.
    #[schema(value_type = Option<schema::Day>)]
    pub last_published: Option<String>,
    /// The version of the extractor this server runs.
    pub extractor_version: String,
    /// True once the extractor has loaded (`POST /api/extract` works).
    pub extractor_ready: bool,
    /// True when the server was started with an ingest token.
    pub ingest_enabled: bool,
}

/// The server is up.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: String,
}

/// A record of an ingest body that was not stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestRejection {
    /// The 1-based line of the body, when the line could not be read.
    pub line: Option<u64>,
    /// The document's id, when it was read.
    pub document: Option<String>,
    /// The field at fault, when one is.
    pub field: Option<String>,
    /// Why it was not stored.
    pub reason: String,
}

/// What `POST /api/ingest` did.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct IngestResult {
    /// Documents stored for the first time.
    pub inserted: usize,
    /// Documents already stored with the same text and extractor version.
    pub duplicates: usize,
    /// Documents stored before by another extractor version, re-extracted.
    pub reextracted: usize,
    /// Ids of documents stored with different text, left as they were.
    pub conflicts: Vec<String>,
    /// Lines and records not stored, with the reason.
    pub rejected: Vec<IngestRejection>,
    /// Claims written.
    pub claims: usize,
    /// Events written.
    pub events: usize,
}

// -------------------------------------------------------------- handlers

fn claim_filter(query: &Query, page: Page) -> Result<ClaimFilter, ApiError> {
    let since = query.date("since")?;
    let until = query.date("until")?;
    check_window(since, until)?;
    Ok(ClaimFilter {
        side: query.side("side")?,
        subject_side: query.side("subject_side")?,
        claimant_side: query.side("claimant")?,
        category: query.category("category")?,
        kind: query.kind("kind")?,
        stance: query.stance("stance")?,
        since,
        until,
        document_id: query.string("document"),
        outlet: query.string("outlet"),
        limit: Some(page.limit + 1),
        offset: page.offset,
    })
}

/// Claims, filtered and paged.
#[utoipa::path(
    get,
    path = "/api/claims",
    tag = "ledger",
    params(ClaimParams),
    responses(
        (status = 200, description = "A page of claims.", body = ClaimPage),
        (status = 400, description = "A parameter is unknown or invalid; `field` names it.", body = ErrorBody),
        (status = 500, description = "The ledger could not be read.", body = ErrorBody),
    )
)]
pub async fn claims(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ClaimPage>, ApiError> {
    let query = Query::parse::<ClaimParams>(raw.as_deref())?;
    let page = Page::from_query(&query)?;
    let filter = claim_filter(&query, page)?;
    let found = state
        .ledger()
        .read(move |r| r.store.claims(&filter).map_err(|e| ApiError::store(&e)))
        .await?;
    Ok(Json(ClaimPage::new(
        found.into_iter().map(ClaimItem::from).collect(),
        page,
    )))
}

fn event_filter(query: &Query, page: Page) -> Result<EventFilter, ApiError> {
    let since = query.date("since")?;
    let until = query.date("until")?;
    check_window(since, until)?;
    Ok(EventFilter {
        side: query.side("side")?,
        event_type: query.event_type("type")?,
        mode: query.mode("mode")?,
        place: query.string("place"),
        country: query.country("country")?,
        negated: query.boolean("negated")?,
        since,
        until,
        document_id: query.string("document"),
        outlet: query.string("outlet"),
        limit: Some(page.limit + 1),
        offset: page.offset,
    })
}

/// Events, filtered and paged.
#[utoipa::path(
    get,
    path = "/api/events",
    tag = "ledger",
    params(EventParams),
    responses(
        (status = 200, description = "A page of events.", body = EventPage),
        (status = 400, description = "A parameter is unknown or invalid; `field` names it.", body = ErrorBody),
        (status = 500, description = "The ledger could not be read.", body = ErrorBody),
    )
)]
pub async fn events(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<EventPage>, ApiError> {
    let query = Query::parse::<EventParams>(raw.as_deref())?;
    let page = Page::from_query(&query)?;
    let filter = event_filter(&query, page)?;
    let found = state
        .ledger()
        .read(move |r| r.store.events(&filter).map_err(|e| ApiError::store(&e)))
        .await?;
    Ok(Json(EventPage::new(
        found.into_iter().map(EventItem::from).collect(),
        page,
    )))
}

/// Documents, without their text, filtered by publication day and outlet.
#[utoipa::path(
    get,
    path = "/api/documents",
    tag = "ledger",
    params(DocumentParams),
    responses(
        (status = 200, description = "A page of documents.", body = DocumentPage),
        (status = 400, description = "A parameter is unknown or invalid; `field` names it.", body = ErrorBody),
        (status = 500, description = "The ledger could not be read.", body = ErrorBody),
    )
)]
pub async fn documents(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<DocumentPage>, ApiError> {
    let query = Query::parse::<DocumentParams>(raw.as_deref())?;
    let page = Page::from_query(&query)?;
    let since = query.date("since")?;
    let until = query.date("until")?;
    check_window(since, until)?;
    let filter = DocumentFilter {
        since,
        until,
        outlet: query.string("outlet"),
        limit: page.limit + 1,
        offset: page.offset,
    };
    let found = state
        .ledger()
        .read(move |r| r.documents(&filter).map_err(|e| ApiError::store(&e)))
        .await?;
    Ok(Json(DocumentPage::new(found, page)))
}

/// One document with its full text (evidence offsets count code points
/// into `text`).
#[utoipa::path(
    get,
    path = "/api/documents/{id}",
    tag = "ledger",
    params(("id" = String, Path, description = "The document's id (percent-encoded).", example = "sample-afpak-2025-10-12")),
    responses(
        (status = 200, description = "The document.", body = schema::Document),
        (status = 404, description = "No document has this id.", body = ErrorBody),
        (status = 500, description = "The ledger could not be read.", body = ErrorBody),
    )
)]
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Document>, ApiError> {
    let wanted = id.clone();
    let found = state
        .ledger()
        .read(move |r| r.store.document(&wanted).map_err(|e| ApiError::store(&e)))
        .await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no document with id {id:?}")))
}

/// The places of the events that match, with event counts, most first.
#[utoipa::path(
    get,
    path = "/api/places",
    tag = "ledger",
    params(PlaceParams),
    responses(
        (status = 200, description = "Places with their event counts.", body = PlaceList),
        (status = 400, description = "A parameter is unknown or invalid; `field` names it.", body = ErrorBody),
        (status = 500, description = "The ledger could not be read.", body = ErrorBody),
    )
)]
pub async fn places(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<PlaceList>, ApiError> {
    let query = Query::parse::<PlaceParams>(raw.as_deref())?;
    let since = query.date("since")?;
    let until = query.date("until")?;
    check_window(since, until)?;
    let filter = PlaceFilter {
        side: query.side("side")?,
        event_type: query.event_type("type")?,
        country: query.country("country")?,
        since,
        until,
        include_negated: query.boolean("include_negated")?.unwrap_or(false),
        limit: query
            .number("limit", 1, Page::MAX_LIMIT)?
            .unwrap_or(Page::DEFAULT_LIMIT),
    };
    let items = state
        .ledger()
        .read(move |r| r.places(&filter).map_err(|e| ApiError::store(&e)))
        .await?;
    Ok(Json(PlaceList { items }))
}

/// Contested figures: claims about the same thing across documents, each
/// claimant's current figure side by side, with low, high, spread and
/// warnings.
///
/// Reconciliation reads every claim in the date window (and category), so
/// this endpoint costs in proportion to the claims in the window, not to
/// the page: give `since`/`until` on large ledgers.
#[utoipa::path(
    get,
    path = "/api/contested",
    tag = "ledger",
    params(ContestedParams),
    responses(
        (status = 200, description = "A page of contested figures.", body = ContestedPage),
        (status = 400, description = "A parameter is unknown or invalid; `field` names it.", body = ErrorBody),
        (status = 500, description = "The ledger could not be read.", body = ErrorBody),
        (status = 503, description = "The request took longer than the server's limit.", body = ErrorBody),
    )
)]
pub async fn contested(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ContestedPage>, ApiError> {
    let query = Query::parse::<ContestedParams>(raw.as_deref())?;
    let page = Page::from_query(&query)?;
    let since = query.date("since")?;
    let until = query.date("until")?;
    check_window(since, until)?;
    let ledger_query = sitrep_report::LedgerQuery {
        since,
        until,
        category: query.category("category")?,
        kind: query.kind("kind")?,
        side: query.side("side")?,
        claimant: query.side("claimant")?,
        place: query.string("place"),
        min_sides: query.number("min_sides", 0, 100)?.unwrap_or(0),
    };
    let figures = state
        .ledger()
        .read(move |r| {
            sitrep_report::contested(
                &r.store,
                &ledger_query,
                &sitrep_reconcile::Options::default(),
            )
            .map_err(|e| ApiError::store(&e))
        })
        .await?;
    let items: Vec<ContestedItem> = figures
        .into_iter()
        .skip(page.offset)
        .take(page.limit + 1)
        .map(ContestedItem)
        .collect();
    Ok(Json(ContestedPage::new(items, page)))
}

/// Counts over the whole ledger, and what this server can do.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "server",
    responses(
        (status = 200, description = "Counts and capabilities.", body = StatsBody),
        (status = 500, description = "The ledger could not be read.", body = ErrorBody),
    )
)]
pub async fn stats(State(state): State<AppState>) -> Result<Json<StatsBody>, ApiError> {
    let s = state
        .ledger()
        .read(|r| r.store.stats().map_err(|e| ApiError::store(&e)))
        .await?;
    Ok(Json(StatsBody {
        schema_version: s.schema_version,
        documents: s.documents,
        claims: s.claims,
        events: s.events,
        places: s.places,
        extractor_versions: s
            .extractor_versions
            .into_iter()
            .map(|(version, documents)| ExtractorCount { version, documents })
            .collect(),
        first_published: s.first_published.map(|d| d.to_string()),
        last_published: s.last_published.map(|d| d.to_string()),
        extractor_version: sitrep_extract::VERSION.to_string(),
        extractor_ready: state.extractor().is_some(),
        ingest_enabled: state.ingest_enabled(),
    }))
}

/// Liveness: answers without touching the ledger.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "server",
    responses((status = 200, description = "The server is up.", body = Health))
)]
pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok".to_string(),
    })
}

/// Checks that the request body is declared as JSON (or JSON lines).
fn require_content_type(headers: &HeaderMap, accepted: &[&str]) -> Result<(), ApiError> {
    let value = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = value.split(';').next().unwrap_or("").trim();
    if accepted.iter().any(|a| essence.eq_ignore_ascii_case(a)) {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            format!(
                "expected Content-Type {}, got {:?}",
                accepted.join(" or "),
                value
            ),
        ))
    }
}

/// The request body, or the API's error for why it could not be read
/// (over the size limit, or the connection failed).
fn body_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                ErrorCode::BodyTooLarge,
                "the request body is larger than the server accepts (see --body-limit)",
            )
        } else {
            ApiError::new(ErrorCode::InvalidBody, rejection.body_text())
        }
    })
}

/// Reads JSONL `body` with the same validation as `sitrep ingest`.
fn read_documents(body: &[u8], max_text_bytes: usize) -> Vec<Result<Document, IngestRejection>> {
    let source = sitrep_ingest::SourceName::path("request body");
    sitrep_ingest::jsonl_records(source, body, sitrep_ingest::Limits::new(max_text_bytes))
        .map(|record| {
            record.map_err(|e| IngestRejection {
                line: e.line,
                document: None,
                field: e.field.map(str::to_string),
                reason: e.kind.to_string(),
            })
        })
        .collect()
}

/// Extracts one document: JSON in (SPEC section 1: `text` required; `id`
/// defaults to `request`), the SPEC output record out. Nothing is stored.
#[utoipa::path(
    post,
    path = "/api/extract",
    tag = "extract",
    request_body(content = schema::Document, content_type = "application/json",
        description = "One document. `id` may be left out (it is then `request`)."),
    responses(
        (status = 200, description = "The SPEC output record.", body = schema::Extraction),
        (status = 400, description = "The body is not a valid document; `field` names the field at fault.", body = ErrorBody),
        (status = 413, description = "The body is larger than the server's limit.", body = ErrorBody),
        (status = 415, description = "The body is not application/json.", body = ErrorBody),
        (status = 503, description = "The extractor is still loading; retry after the Retry-After seconds.", body = ErrorBody),
    )
)]
pub async fn extract(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Extraction>, ApiError> {
    require_content_type(&headers, &["application/json"])?;
    let body = body_bytes(body)?;
    let mut value: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::new(ErrorCode::InvalidBody, format!("the body is not JSON: {e}")))?;
    if let Some(object) = value.as_object_mut() {
        object
            .entry("id")
            .or_insert_with(|| serde_json::Value::from("request"));
    }
    // One line (serde_json never writes a raw newline), read by the same
    // reader as `sitrep extract` so the same records are refused the same way.
    let line =
        serde_json::to_vec(&value).map_err(|_| ApiError::internal("re-encoding a parsed body"))?;
    let doc = match read_documents(&line, state.max_text_bytes()).pop() {
        Some(Ok(doc)) => doc,
        Some(Err(rejection)) => {
            return Err(ApiError {
                code: ErrorCode::InvalidBody,
                message: rejection.reason,
                field: rejection.field,
            });
        }
        None => {
            return Err(ApiError::new(ErrorCode::InvalidBody, "the body is empty"));
        }
    };
    let extractor = state.extractor().ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotReady,
            "the extractor is still loading its dictionaries; retry in a few seconds",
        )
    })?;
    let extraction = tokio::task::spawn_blocking(move || extractor.extract(&doc))
        .await
        .map_err(|_| ApiError::internal("an extraction task failed"))?;
    Ok(Json(extraction))
}

/// True when `given` equals `expected`, in time that does not depend on
/// where they first differ.
fn same_token(given: &[u8], expected: &[u8]) -> bool {
    if given.len() != expected.len() {
        return false;
    }
    given
        .iter()
        .zip(expected)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

/// Checks the bearer token of an ingest request.
fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = state.ingest_token() else {
        return Err(ApiError::new(
            ErrorCode::IngestDisabled,
            "ingesting over HTTP is off: start `sitrep serve` with --ingest-token-file",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(token) if same_token(token.as_bytes(), expected.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(
            ErrorCode::Unauthorized,
            "the bearer token is wrong",
        )),
        None => Err(ApiError::new(
            ErrorCode::Unauthorized,
            "this endpoint needs an `Authorization: Bearer TOKEN` header",
        )),
    }
}

/// Extracts and stores documents: JSON lines in (one SPEC document per
/// line), what was stored out. Needs the bearer token the server was
/// started with; off when it was started without one.
///
/// As `sitrep ingest`: a bad line is reported in `rejected` and the other
/// documents are stored; a document already stored with the same text is
/// left as it is; one whose text changed is kept and listed in
/// `conflicts`. The whole body is one transaction.
#[utoipa::path(
    post,
    path = "/api/ingest",
    tag = "extract",
    request_body(content = String, content_type = "application/x-ndjson",
        description = "JSON lines: one document object per line."),
    responses(
        (status = 200, description = "What was stored.", body = IngestResult),
        (status = 400, description = "The body is not UTF-8 JSON lines.", body = ErrorBody),
        (status = 401, description = "The bearer token is missing or wrong.", body = ErrorBody),
        (status = 403, description = "The server was started without an ingest token.", body = ErrorBody),
        (status = 413, description = "The body is larger than the server's limit.", body = ErrorBody),
        (status = 415, description = "The body is not application/x-ndjson.", body = ErrorBody),
        (status = 503, description = "The extractor is still loading.", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn ingest(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<IngestResult>), ApiError> {
    authorise(&state, &headers)?;
    require_content_type(
        &headers,
        &[
            "application/x-ndjson",
            "application/jsonl",
            "application/json",
        ],
    )?;
    let body = body_bytes(body)?;
    let extractor = state.extractor().ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotReady,
            "the extractor is still loading its dictionaries; retry in a few seconds",
        )
    })?;
    let max_text_bytes = state.max_text_bytes();
    let ledger = Arc::clone(state.ledger());
    let _writing = ledger.writer.lock().await;
    let path = ledger.path().to_path_buf();
    let result = tokio::task::spawn_blocking(move || -> Result<IngestResult, ApiError> {
        let mut result = IngestResult::default();
        let mut batch = Vec::new();
        for record in read_documents(&body, max_text_bytes) {
            match record {
                Ok(doc) => {
                    let extraction = extractor.extract(&doc);
                    batch.push((doc, extraction));
                }
                Err(rejection) => result.rejected.push(rejection),
            }
        }
        let mut store = sitrep_store::SqliteStore::open(&path).map_err(|e| ApiError::store(&e))?;
        let report = store
            .ingest(&batch, sitrep_extract::VERSION)
            .map_err(|e| ApiError::store(&e))?;
        result.inserted = report.inserted;
        result.duplicates = report.duplicates;
        result.reextracted = report.reextracted;
        result.conflicts = report.conflicts;
        result.claims = report.claims;
        result.events = report.events;
        result
            .rejected
            .extend(report.rejected.into_iter().map(|r| IngestRejection {
                line: None,
                document: Some(r.document_id),
                field: None,
                reason: r.reason,
            }));
        Ok(result)
    })
    .await
    .map_err(|_| ApiError::internal("an ingest task failed"))??;
    Ok((StatusCode::OK, Json(result)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(same_token(b"s3cret", b"s3cret"));
        assert!(!same_token(b"s3cres", b"s3cret"));
        assert!(!same_token(b"s3cre", b"s3cret"));
        assert!(!same_token(b"", b"s3cret"));
    }

    #[test]
    fn pages_know_whether_more_follow() {
        let page = Page {
            limit: 2,
            offset: 4,
        };
        let p = PlaceList { items: vec![] };
        assert!(p.items.is_empty());
        let three = DocumentPage::new(
            (0..3)
                .map(|i| DocumentSummary {
                    id: format!("d{i}"),
                    url: None,
                    outlet: None,
                    published: None,
                    title: None,
                    claims: 0,
                    events: 0,
                    extractor_version: None,
                })
                .collect(),
            page,
        );
        assert_eq!(three.items.len(), 2);
        assert_eq!(three.next_offset, Some(6));
        let two = DocumentPage::new(three.items, page);
        assert_eq!(two.next_offset, None);
    }
}
