//! `sitrep serve`: the ledger over HTTP, as a JSON API with an OpenAPI
//! document, and as a web page with a map, a timeline and the contested
//! figures.
//!
//! # Brief overview
//!
//! - [`router`] builds the whole application (API, page, middleware) on an
//!   [`AppState`]; tests drive it with `tower::ServiceExt::oneshot`.
//! - [`serve`] binds a [`Config`]'s address (127.0.0.1 unless told
//!   otherwise), loads the extractor in the background, and serves until
//!   the shutdown future completes.
//! - [`openapi`] is the OpenAPI document served at `/api/openapi.json`,
//!   made from the same route table as the router, so the two cannot
//!   disagree about which paths exist.
//!
//! The API is read-only unless the server is started with an ingest token;
//! `POST /api/ingest` then requires it as a bearer token. Every error is
//! JSON of one shape (see [`error`]); request bodies are capped
//! ([`Config::body_limit`]) and every request has a time limit
//! ([`Config::request_timeout`]).
//!
//! What it does not do: parse the command line (the `sitrep` binary does),
//! write the ledger except through `POST /api/ingest`, or fetch anything
//! from the network.
//!
//! # Example
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use sitrep_server::{AppState, Config};
//!
//! let config = Config::new("sitrep.db");
//! let state = AppState::open(&config)?;
//! let app = sitrep_server::router(state);
//! # let _ = app;
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod error;
pub mod ledger;
mod middleware;
pub mod query;
pub mod schema;
mod web;

#[cfg(test)]
mod tests;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use sitrep_extract::Extractor;
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use error::{ApiError, ErrorCode};
pub use ledger::Ledger;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The ledger file (must exist).
    pub db: PathBuf,
    /// Where to listen. Default: `127.0.0.1:8787`.
    pub addr: SocketAddr,
    /// The bearer token `POST /api/ingest` requires; `None` turns ingest
    /// over HTTP off.
    pub ingest_token: Option<String>,
    /// The largest request body accepted, in bytes. Default: 8 MiB.
    pub body_limit: usize,
    /// The longest a request may take before the client gets `timeout`.
    /// Default: 30 s.
    pub request_timeout: Duration,
    /// How many ledger queries run at once (each on its own connection).
    /// Default: twice the number of cores, at least 2.
    pub max_readers: usize,
}

impl Config {
    /// The default address: loopback only.
    pub const DEFAULT_ADDR: SocketAddr =
        SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 8787);
    /// The default body limit: 8 MiB.
    pub const DEFAULT_BODY_LIMIT: usize = 8 * 1024 * 1024;
    /// The default request time limit.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    /// A configuration with every default, for the ledger at `db`.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Config {
            db: db.into(),
            addr: Config::DEFAULT_ADDR,
            ingest_token: None,
            body_limit: Config::DEFAULT_BODY_LIMIT,
            request_timeout: Config::DEFAULT_TIMEOUT,
            max_readers: (cores * 2).max(2),
        }
    }
}

/// What every handler shares: the ledger, the extractor (once loaded) and
/// the settings. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    ledger: Arc<Ledger>,
    extractor: OnceLock<Arc<Extractor>>,
    ingest_token: Option<String>,
    body_limit: usize,
    request_timeout: Duration,
}

impl AppState {
    /// Opens the ledger named by `config`. The extractor is not loaded:
    /// call [`AppState::set_extractor`] (as [`serve`] does in the
    /// background) before `POST /api/extract` can answer.
    ///
    /// # Errors
    ///
    /// When the ledger is missing or cannot be opened.
    pub fn open(config: &Config) -> Result<AppState, sitrep_store::StoreError> {
        let ledger = Ledger::open(&config.db, config.max_readers)?;
        Ok(AppState {
            inner: Arc::new(Shared {
                ledger: Arc::new(ledger),
                extractor: OnceLock::new(),
                ingest_token: config.ingest_token.clone().filter(|t| !t.is_empty()),
                body_limit: config.body_limit,
                request_timeout: config.request_timeout,
            }),
        })
    }

    /// Installs the extractor; later calls are ignored.
    pub fn set_extractor(&self, extractor: Arc<Extractor>) {
        let _ = self.inner.extractor.set(extractor);
    }

    /// The extractor, once loaded.
    pub fn extractor(&self) -> Option<Arc<Extractor>> {
        self.inner.extractor.get().cloned()
    }

    /// The ledger.
    pub fn ledger(&self) -> &Arc<Ledger> {
        &self.inner.ledger
    }

    fn ingest_token(&self) -> Option<&str> {
        self.inner.ingest_token.as_deref()
    }

    fn ingest_enabled(&self) -> bool {
        self.inner.ingest_token.is_some()
    }

    /// The largest document text `extract` and `ingest` accept: the body
    /// limit (a longer text could not arrive anyway).
    fn max_text_bytes(&self) -> usize {
        self.inner.body_limit
    }
}

/// The OpenAPI document's fixed parts; the paths come from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "sitrep",
        description = "The sitrep ledger over HTTP: source-attributed claims (killed, injured, \
            captured, ... with who says so), events, documents, places and contested figures. \
            Items follow the extraction contract (SPEC.md). Every error is \
            `{\"error\": {\"code\", \"message\", \"field\"?}}`.",
        license(name = "MIT OR Apache-2.0")
    ),
    components(schemas(error::ErrorCode)),
    modifiers(&BearerAuth),
    tags(
        (name = "ledger", description = "What the ledger holds."),
        (name = "extract", description = "Extraction and ingest."),
        (name = "server", description = "The server itself."),
    )
)]
struct ApiDoc;

/// Adds the bearer scheme `POST /api/ingest` uses.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The API routes and their OpenAPI description, from one table.
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(api::claims))
        .routes(routes!(api::events))
        .routes(routes!(api::documents))
        .routes(routes!(api::document))
        .routes(routes!(api::places))
        .routes(routes!(api::contested))
        .routes(routes!(api::stats))
        .routes(routes!(api::health))
        .routes(routes!(api::extract))
        .routes(routes!(api::ingest))
        .routes(routes!(openapi_json))
}

/// The OpenAPI document of this server.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().into_openapi()
}

/// This document (OpenAPI 3.1).
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "server",
    responses((status = 200, description = "The OpenAPI document.", content_type = "application/json"))
)]
async fn openapi_json() -> axum::response::Response {
    use axum::response::IntoResponse;
    static DOC: OnceLock<String> = OnceLock::new();
    let json = DOC.get_or_init(|| openapi().to_json().unwrap_or_else(|_| "{}".to_string()));
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        json.clone(),
    )
        .into_response()
}

/// The whole application: API, page, and the layers around them.
pub fn router(state: AppState) -> Router {
    let timeout = state.inner.request_timeout;
    let body_limit = state.inner.body_limit;
    let (api, _) = api_routes().split_for_parts();
    api.route("/", get(web::index))
        .route("/assets/{*path}", get(web::asset))
        .fallback(middleware::not_found)
        .method_not_allowed_fallback(middleware::method_not_allowed)
        .with_state(state)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn_with_state(
            timeout,
            middleware::time_limit,
        ))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(axum::middleware::from_fn(middleware::access_log))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            middleware::panic_response,
        ))
}

/// Why [`serve`] stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The ledger could not be opened.
    #[error(transparent)]
    Store(#[from] sitrep_store::StoreError),
    /// The address could not be bound or the listener failed.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// The socket error.
        #[source]
        source: std::io::Error,
    },
}

/// Serves `config` until `shutdown` completes, then finishes the requests
/// in flight.
///
/// `load_extractor` runs on the blocking pool right after the socket is
/// bound, so the page and the read API answer at once while the extractor's
/// dictionaries load (`POST /api/extract` answers `not_ready` until then).
/// `on_listening` is called with the bound address (useful with port 0).
///
/// # Errors
///
/// When the ledger cannot be opened or the address cannot be bound.
pub async fn serve<L, S>(
    config: Config,
    load_extractor: L,
    on_listening: impl FnOnce(SocketAddr),
    shutdown: S,
) -> Result<(), ServeError>
where
    L: FnOnce() -> Extractor + Send + 'static,
    S: Future<Output = ()> + Send + 'static,
{
    let state = AppState::open(&config)?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServeError::Listen {
            addr: config.addr,
            source,
        })?;
    let local = listener.local_addr().map_err(|source| ServeError::Listen {
        addr: config.addr,
        source,
    })?;
    let loading = state.clone();
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        loading.set_extractor(Arc::new(load_extractor()));
        tracing::info!(
            millis = started.elapsed().as_millis() as u64,
            "extractor loaded"
        );
    });
    tracing::info!(addr = %local, db = %config.db.display(), ingest = config.ingest_token.is_some(), "listening");
    on_listening(local);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| ServeError::Listen {
            addr: local,
            source,
        })
}
