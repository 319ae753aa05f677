//! What wraps every request: a time limit, one structured log line, and
//! security headers; plus the JSON answers for unknown paths, wrong
//! methods and panics, so that every error has the API's one shape.
//!
//! The log line is a `tracing` event with fields (`method`, `path`,
//! `route`, `status`, `micros`); `sitrep serve --log-format json` prints it
//! as one JSON object per line. Query strings are logged, headers are not
//! (the ingest token travels in one).

use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, ErrorCode};

/// Answers `timeout` when the rest of the stack takes longer than `limit`.
///
/// The work itself (a query on the blocking pool) is not interrupted; only
/// the client stops waiting. Queries are bounded by the page size, so such
/// work ends soon after.
pub async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            ErrorCode::Timeout,
            format!(
                "the request took longer than the server's limit of {} ms",
                limit.as_millis()
            ),
        )
        .into_response(),
    }
}

/// Logs one line per request, after its response is ready.
pub async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let query = request.uri().query().map(str::to_string);
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string());
    let response = next.run(request).await;
    let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
    let status = response.status().as_u16();
    let route = route.as_deref().unwrap_or("-");
    let query = query.as_deref().unwrap_or("");
    if response.status().is_server_error() {
        tracing::warn!(target: "sitrep_server::access", %method, path, query, route, status, micros, "request");
    } else {
        tracing::info!(target: "sitrep_server::access", %method, path, query, route, status, micros, "request");
    }
    response
}

/// The page's Content-Security-Policy: everything from this server, no
/// inline scripts. Leaflet sets inline styles, hence `'unsafe-inline'` for
/// styles only; tiles and markers are drawn from data, hence `data:` images.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data:; connect-src 'self'; object-src 'none'; \
                   base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Adds security headers to every response.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

/// The answer for a path no route serves.
pub async fn not_found(request: Request) -> ApiError {
    ApiError::not_found(format!("nothing at {}", request.uri().path()))
}

/// The answer for a route asked with a method it does not serve.
pub async fn method_not_allowed(request: Request) -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        format!(
            "{} does not accept {}",
            request.uri().path(),
            request.method()
        ),
    )
}

/// The answer when a handler panics (a bug): a JSON `internal` error.
pub fn panic_response(_payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::internal("a handler panicked").into_response()
}
