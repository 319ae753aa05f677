//! The web page, embedded in the binary: `web/` at the repository root
//! (the page) and `web/vendor/` (Leaflet, marker clustering, TopoJSON and
//! the Natural Earth country outlines, vendored by `tools/vendor-web.sh`).
//!
//! Everything is compiled in with `include_bytes!`, so `sitrep serve` needs
//! no files beside it and no network: there is no tile server, the base
//! map is the vendored country outlines. Files are served at `/` (the page)
//! and `/assets/<path>`; the page's own files are revalidated on every load
//! (`no-cache` with an `ETag`), vendored ones cached for a day.
//!
//! This module does not build or minify anything: the page is plain
//! JavaScript, served as written.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// One embedded file.
struct Asset {
    path: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

/// Declares the embedded files, by path under `web/`.
macro_rules! assets {
    ($( $path:literal => $content_type:literal, )+) => {
        const ASSETS: &[Asset] = &[
            $( Asset {
                path: $path,
                content_type: $content_type,
                bytes: include_bytes!(concat!("../../../web/", $path)),
            }, )+
        ];
    };
}

assets! {
    "index.html" => "text/html; charset=utf-8",
    "app.js" => "text/javascript; charset=utf-8",
    "style.css" => "text/css; charset=utf-8",
    "vendor/leaflet/leaflet.js" => "text/javascript; charset=utf-8",
    "vendor/leaflet/leaflet.css" => "text/css; charset=utf-8",
    "vendor/leaflet/images/layers.png" => "image/png",
    "vendor/leaflet/images/layers-2x.png" => "image/png",
    "vendor/leaflet/LICENSE" => "text/plain; charset=utf-8",
    "vendor/leaflet.markercluster/leaflet.markercluster.js" => "text/javascript; charset=utf-8",
    "vendor/leaflet.markercluster/MarkerCluster.css" => "text/css; charset=utf-8",
    "vendor/leaflet.markercluster/MarkerCluster.Default.css" => "text/css; charset=utf-8",
    "vendor/leaflet.markercluster/MIT-LICENCE.txt" => "text/plain; charset=utf-8",
    "vendor/topojson-client/topojson-client.min.js" => "text/javascript; charset=utf-8",
    "vendor/topojson-client/LICENSE" => "text/plain; charset=utf-8",
    "vendor/world-atlas/countries-50m.json" => "application/json",
    "vendor/world-atlas/LICENSE" => "text/plain; charset=utf-8",
    "vendor/MANIFEST.txt" => "text/plain; charset=utf-8",
}

/// A weak validator for `bytes`: FNV-1a over the content (the files never
/// change while the binary runs, so this is computed per request cheaply
/// enough and needs no table).
fn etag(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("\"{hash:016x}-{}\"", bytes.len())
}

fn serve(path: &str, headers: &HeaderMap) -> Response {
    let Some(asset) = ASSETS.iter().find(|a| a.path == path) else {
        return ApiError::not_found(format!("no asset {path:?}")).into_response();
    };
    let tag = etag(asset.bytes);
    let cache = if path.starts_with("vendor/") {
        "public, max-age=86400"
    } else {
        "no-cache"
    };
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static(asset.content_type),
            )],
            asset.bytes,
        )
            .into_response()
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, value);
    }
    response
}

/// `GET /`: the page.
pub async fn index(headers: HeaderMap) -> Response {
    serve("index.html", &headers)
}

/// `GET /assets/{*path}`: an embedded file.
pub async fn asset(Path(path): Path<String>, headers: HeaderMap) -> Response {
    serve(&path, &headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_embedded_and_typed() {
        for asset in ASSETS {
            assert!(!asset.bytes.is_empty(), "{} is empty", asset.path);
            assert!(asset.content_type.contains('/'), "{}", asset.path);
        }
        assert_eq!(etag(b"abc"), etag(b"abc"));
        assert_ne!(etag(b"abc"), etag(b"abd"));
    }
}
