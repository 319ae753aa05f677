//! Tests of the whole application through its router, as a client sees
//! it: every endpoint, its filters and errors, auth, limits, the page, and
//! the OpenAPI document against what the server really answers.
//!
//! The ledger is a temporary SQLite file filled with project-written
//! documents and hand-made extractions (not the extractor's output, so
//! these tests do not change when extraction rules do). Only the
//! `extract`/`ingest` tests load the real extractor.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value as Json, json};
use sitrep_model::{
    Actor, Category, Claim, Claimant, Document, Event, EventType, Evidence, Extraction, Kind, Mode,
    Place, Qualifier, Side, Stance, Subject, Value,
};
use sitrep_store::{SqliteStore, Store};
use tower::ServiceExt;

use crate::{AppState, Config};

/// A ledger file in a fresh temporary directory, removed on drop.
pub(crate) struct TempLedger {
    dir: PathBuf,
    pub(crate) path: PathBuf,
}

impl Drop for TempLedger {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn temp_ledger() -> TempLedger {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "sitrep-server-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ledger.db");
    TempLedger { dir, path }
}

fn side(code: &str) -> Side {
    code.parse().unwrap()
}

fn evidence(text: &str, sentence: &str) -> Evidence {
    let byte = text.find(sentence).unwrap();
    let start = text[..byte].chars().count();
    Evidence {
        start,
        end: start + sentence.chars().count(),
        quote: sentence.to_string(),
    }
}

fn claim(
    text: &str,
    sentence: &str,
    category: Category,
    subject_side: &str,
    n: u64,
    claimant_side: &str,
    date: &str,
) -> Claim {
    Claim {
        category,
        subject: Subject {
            text: "soldiers".into(),
            side: Some(side(subject_side)),
            kind: Kind::Soldiers,
        },
        value: Value {
            n,
            n_max: None,
            qualifier: Qualifier::Exact,
            text: n.to_string(),
        },
        stance: Stance::Asserted,
        claimant: Some(Claimant {
            text: format!("the {claimant_side} ministry"),
            side: Some(side(claimant_side)),
            anonymous: false,
        }),
        date: Some(date.parse().unwrap()),
        evidence: evidence(text, sentence),
        confidence: 0.9,
        flags: vec![],
    }
}

const TEXT_1: &str = "Border fighting flared again. The Northland ministry said 12 Southland soldiers were killed near Fort Quill on Saturday. Southland said only 4 of its soldiers died.";
const TEXT_2: &str = "Both sides agreed to a truce in Rivermouth. The Southland army said 3 Northland soldiers were captured.";

/// The two documents of the test ledger, with their extractions.
fn fixture() -> Vec<(Document, Extraction)> {
    let d1 = Document {
        id: "doc/one".into(),
        url: Some("https://example.invalid/one".into()),
        outlet: Some("Test Wire".into()),
        published: Some("2025-10-12".parse().unwrap()),
        title: Some("Clashes at Fort Quill".into()),
        text: TEXT_1.into(),
    };
    let d2 = Document {
        id: "doc-two".into(),
        url: None,
        outlet: Some("Other Post".into()),
        published: Some("2025-10-20".parse().unwrap()),
        title: None,
        text: TEXT_2.into(),
    };
    let s1 = "The Northland ministry said 12 Southland soldiers were killed near Fort Quill on Saturday.";
    let s2 = "Southland said only 4 of its soldiers died.";
    let x1 = Extraction {
        id: d1.id.clone(),
        published: d1.published,
        claims: vec![
            claim(TEXT_1, s1, Category::Killed, "SLD", 12, "NLD", "2025-10-11"),
            claim(TEXT_1, s2, Category::Killed, "SLD", 4, "SLD", "2025-10-11"),
        ],
        events: vec![Event {
            kind: EventType::Assault,
            mode: Some(Mode::Ground),
            actor1: Some(Actor {
                text: "Northland".into(),
                sides: vec![side("NLD")],
            }),
            actor2: Some(Actor {
                text: "Southland".into(),
                sides: vec![side("SLD")],
            }),
            places: vec![Place {
                name: "Fort Quill".into(),
                country: Some("SLD".into()),
                admin1: Some("Quill".into()),
                lat: Some(33.5),
                lon: Some(70.25),
                precision: None,
            }],
            date: Some("2025-10-11".parse().unwrap()),
            negated: false,
            evidence: evidence(TEXT_1, s1),
        }],
    };
    let t1 = "Both sides agreed to a truce in Rivermouth.";
    let t2 = "The Southland army said 3 Northland soldiers were captured.";
    let x2 = Extraction {
        id: d2.id.clone(),
        published: d2.published,
        claims: vec![claim(
            TEXT_2,
            t2,
            Category::Captured,
            "NLD",
            3,
            "SLD",
            "2025-10-19",
        )],
        events: vec![Event {
            kind: EventType::Agree,
            mode: None,
            actor1: Some(Actor {
                text: "Both sides".into(),
                sides: vec![side("NLD"), side("SLD")],
            }),
            actor2: None,
            places: vec![Place {
                name: "Rivermouth".into(),
                country: Some("NLD".into()),
                admin1: None,
                lat: Some(34.0),
                lon: Some(71.0),
                precision: None,
            }],
            date: Some("2025-10-20".parse().unwrap()),
            negated: false,
            evidence: evidence(TEXT_2, t1),
        }],
    };
    vec![(d1, x1), (d2, x2)]
}

struct App {
    _ledger: TempLedger,
    state: AppState,
    router: axum::Router,
}

fn app_with(config: impl FnOnce(&mut Config)) -> App {
    let ledger = temp_ledger();
    {
        let mut store = SqliteStore::open(&ledger.path).unwrap();
        let report = store.ingest(&fixture(), "test-1").unwrap();
        assert_eq!(report.inserted, 2);
    }
    let mut cfg = Config::new(&ledger.path);
    config(&mut cfg);
    let state = AppState::open(&cfg).unwrap();
    let router = crate::router(state.clone());
    App {
        _ledger: ledger,
        state,
        router,
    }
}

fn app() -> App {
    app_with(|_| {})
}

/// The extractor, loaded once for all tests that need it.
fn extractor() -> Arc<sitrep_extract::Extractor> {
    static EXTRACTOR: OnceLock<Arc<sitrep_extract::Extractor>> = OnceLock::new();
    EXTRACTOR
        .get_or_init(|| Arc::new(sitrep_extract::Extractor::bundled()))
        .clone()
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Json {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    /// The error body's code and field, checking its shape.
    fn error(&self) -> (String, Option<String>) {
        let body = self.json();
        let error = body["error"].as_object().expect("an error object");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
        let keys: Vec<&String> = error.keys().collect();
        assert!(
            keys.iter()
                .all(|k| ["code", "message", "field"].contains(&k.as_str())),
            "{keys:?}"
        );
        (
            error["code"].as_str().unwrap().to_string(),
            error
                .get("field")
                .and_then(|f| f.as_str())
                .map(str::to_string),
        )
    }
}

async fn send(router: &axum::Router, request: Request<Body>) -> Answer {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &App, uri: &str) -> Answer {
    send(&app.router, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &App, uri: &str, content_type: &str, token: Option<&str>, body: &str) -> Answer {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(
        &app.router,
        request.body(Body::from(body.to_string())).unwrap(),
    )
    .await
}

fn ids(body: &Json) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn claims_are_filtered_like_the_cli() {
    let app = app();
    let all = get(&app, "/api/claims").await;
    assert_eq!(all.status, StatusCode::OK);
    let body = all.json();
    assert_eq!(ids(&body), ["doc/one#c0", "doc/one#c1", "doc-two#c0"]);
    assert_eq!(body["next_offset"], Json::Null);
    let first = &body["items"][0];
    assert_eq!(first["document"], "doc/one");
    assert_eq!(first["outlet"], "Test Wire");
    assert_eq!(first["published"], "2025-10-12");
    assert_eq!(first["category"], "killed");
    assert_eq!(first["value"]["n"], 12);
    assert_eq!(first["claimant"]["side"], "NLD");
    assert_eq!(first["evidence"]["start"], 30);

    let cases = [
        ("side=NLD", vec!["doc/one#c0", "doc-two#c0"]),
        ("claimant=sld", vec!["doc/one#c1", "doc-two#c0"]),
        ("subject_side=NLD", vec!["doc-two#c0"]),
        ("category=captured", vec!["doc-two#c0"]),
        ("category=killed&claimant=NLD", vec!["doc/one#c0"]),
        ("since=2025-10-15", vec!["doc-two#c0"]),
        ("until=2025-10-11", vec!["doc/one#c0", "doc/one#c1"]),
        (
            "since=2025-10&until=2025-10",
            vec!["doc/one#c0", "doc/one#c1", "doc-two#c0"],
        ),
        ("document=doc-two", vec!["doc-two#c0"]),
        (
            "outlet=Test%20Wire&stance=asserted&kind=soldiers",
            vec!["doc/one#c0", "doc/one#c1"],
        ),
        (
            "side=&category=",
            vec!["doc/one#c0", "doc/one#c1", "doc-two#c0"],
        ),
    ];
    for (query, want) in cases {
        let answer = get(&app, &format!("/api/claims?{query}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{query}");
        assert_eq!(ids(&answer.json()), want, "{query}");
    }
}

#[tokio::test]
async fn pages_follow_on() {
    let app = app();
    let first = get(&app, "/api/claims?limit=2").await.json();
    assert_eq!(ids(&first), ["doc/one#c0", "doc/one#c1"]);
    assert_eq!(first["next_offset"], 2);
    let second = get(&app, "/api/claims?limit=2&offset=2").await.json();
    assert_eq!(ids(&second), ["doc-two#c0"]);
    assert_eq!(second["next_offset"], Json::Null);
    assert_eq!(second["offset"], 2);
    assert_eq!(second["limit"], 2);
}

#[tokio::test]
async fn malformed_parameters_get_400_naming_the_field() {
    let app = app();
    let cases = [
        ("/api/claims?since=2025-13-01", "invalid_parameter", "since"),
        ("/api/claims?until=yesterday", "invalid_parameter", "until"),
        (
            "/api/claims?since=2025-11&until=2025-10",
            "invalid_parameter",
            "until",
        ),
        (
            "/api/claims?side=not%20a%20side",
            "invalid_parameter",
            "side",
        ),
        (
            "/api/claims?category=massacred",
            "invalid_parameter",
            "category",
        ),
        ("/api/claims?limit=0", "invalid_parameter", "limit"),
        ("/api/claims?limit=5000", "invalid_parameter", "limit"),
        ("/api/claims?offset=-1", "invalid_parameter", "offset"),
        ("/api/claims?colour=red", "unknown_parameter", "colour"),
        ("/api/claims?side=PAK&side=AFG", "unknown_parameter", "side"),
        ("/api/events?type=PICNIC", "invalid_parameter", "type"),
        ("/api/events?negated=maybe", "invalid_parameter", "negated"),
        (
            "/api/events?country=Afghanistan",
            "invalid_parameter",
            "country",
        ),
        ("/api/events?mode=naval", "invalid_parameter", "mode"),
        (
            "/api/events?category=killed",
            "unknown_parameter",
            "category",
        ),
        (
            "/api/documents?since=10/12/2025",
            "invalid_parameter",
            "since",
        ),
        ("/api/places?limit=x", "invalid_parameter", "limit"),
        (
            "/api/places?include_negated=yes",
            "invalid_parameter",
            "include_negated",
        ),
    ];
    for (uri, code, field) in cases {
        let answer = get(&app, uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(
            answer.error(),
            (code.to_string(), Some(field.to_string())),
            "{uri}"
        );
    }
    let answer = get(&app, "/api/claims?category=massacred").await;
    assert_eq!(
        answer.json()["error"]["message"],
        "unknown category \"massacred\" for category: expected one of killed, injured, captured, arrested, missing, displaced, returned, destroyed, downed"
    );
}

#[tokio::test]
async fn events_are_filtered_with_their_places() {
    let app = app();
    let body = get(&app, "/api/events").await.json();
    assert_eq!(ids(&body), ["doc/one#e0", "doc-two#e0"]);
    let first = &body["items"][0];
    assert_eq!(first["type"], "ASSAULT");
    assert_eq!(first["mode"], "ground");
    assert_eq!(first["places"][0]["name"], "Fort Quill");
    assert_eq!(first["places"][0]["lat"], 33.5);
    let cases = [
        ("place=fort%20quill", vec!["doc/one#e0"]),
        ("type=agree", vec!["doc-two#e0"]),
        ("mode=ground", vec!["doc/one#e0"]),
        ("side=SLD", vec!["doc/one#e0", "doc-two#e0"]),
        ("country=nld", vec!["doc-two#e0"]),
        ("since=2025-10-15&negated=false", vec!["doc-two#e0"]),
        ("negated=true", vec![]),
        ("outlet=Other%20Post", vec!["doc-two#e0"]),
        ("document=doc%2Fone", vec!["doc/one#e0"]),
    ];
    for (query, want) in cases {
        let answer = get(&app, &format!("/api/events?{query}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{query}");
        assert_eq!(ids(&answer.json()), want, "{query}");
    }
}

#[tokio::test]
async fn documents_are_listed_and_fetched() {
    let app = app();
    let body = get(&app, "/api/documents").await.json();
    assert_eq!(ids(&body), ["doc/one", "doc-two"]);
    assert_eq!(
        body["items"][0],
        json!({"id": "doc/one", "url": "https://example.invalid/one", "outlet": "Test Wire",
               "published": "2025-10-12", "title": "Clashes at Fort Quill", "claims": 2,
               "events": 1, "extractor_version": "test-1"})
    );
    let later = get(&app, "/api/documents?since=2025-10-13").await.json();
    assert_eq!(ids(&later), ["doc-two"]);
    let by_outlet = get(&app, "/api/documents?outlet=Test%20Wire&until=2025-10")
        .await
        .json();
    assert_eq!(ids(&by_outlet), ["doc/one"]);

    // An id with a slash, percent-encoded in the path.
    let doc = get(&app, "/api/documents/doc%2Fone").await;
    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json();
    assert_eq!(doc["text"], TEXT_1);
    assert_eq!(doc["published"], "2025-10-12");
    let missing = get(&app, "/api/documents/nope").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.error(), ("not_found".to_string(), None));
}

#[tokio::test]
async fn places_count_their_events() {
    let app = app();
    let body = get(&app, "/api/places").await.json();
    assert_eq!(
        body,
        json!({"items": [
            {"name": "Fort Quill", "country": "SLD", "admin1": "Quill", "lat": 33.5, "lon": 70.25,
             "events": 1, "first": "2025-10-11", "last": "2025-10-11"},
            {"name": "Rivermouth", "country": "NLD", "admin1": null, "lat": 34.0, "lon": 71.0,
             "events": 1, "first": "2025-10-20", "last": "2025-10-20"},
        ]})
    );
    let agree = get(&app, "/api/places?type=AGREE").await.json();
    assert_eq!(agree["items"].as_array().unwrap().len(), 1);
    assert_eq!(agree["items"][0]["name"], "Rivermouth");
    let none = get(&app, "/api/places?since=2025-11").await.json();
    assert_eq!(none["items"], json!([]));
}

#[tokio::test]
async fn contested_figures_put_claimants_side_by_side() {
    let app = app();
    let body = get(&app, "/api/contested").await.json();
    let items = body["items"].as_array().unwrap();
    let killed: Vec<&Json> = items.iter().filter(|f| f["category"] == "killed").collect();
    assert_eq!(killed.len(), 1, "{body}");
    let figure = killed[0];
    assert_eq!(figure["subject"]["side"], "SLD");
    assert_eq!(figure["low"], 4);
    assert_eq!(figure["high"], 12);
    assert_eq!(figure["spread"], 3.0);
    assert_eq!(figure["claimant_sides"], 2);
    let mut claimants: Vec<(String, u64, String)> = figure["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["claimant"]["side"].as_str().unwrap().to_string(),
                f["n"].as_u64().unwrap(),
                f["claim_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    claimants.sort();
    assert_eq!(
        claimants,
        [
            ("NLD".to_string(), 12, "doc/one#c0".to_string()),
            ("SLD".to_string(), 4, "doc/one#c1".to_string())
        ]
    );
    let disputed = get(&app, "/api/contested?min_sides=2").await.json();
    assert_eq!(disputed["items"].as_array().unwrap().len(), 1);
    let captured = get(&app, "/api/contested?category=captured").await.json();
    assert_eq!(captured["items"].as_array().unwrap().len(), 1);
    assert_eq!(captured["items"][0]["figures"][0]["n"], 3);
    let later = get(&app, "/api/contested?since=2025-10-15").await.json();
    assert_eq!(later["items"].as_array().unwrap().len(), 1);
    assert_eq!(later["items"][0]["category"], "captured");
    let bad = get(&app, "/api/contested?min_sides=many").await;
    assert_eq!(
        bad.error(),
        (
            "invalid_parameter".to_string(),
            Some("min_sides".to_string())
        )
    );
}

#[tokio::test]
async fn stats_and_health() {
    let app = app();
    let stats = get(&app, "/api/stats").await.json();
    assert_eq!(stats["documents"], 2);
    assert_eq!(stats["claims"], 3);
    assert_eq!(stats["events"], 2);
    assert_eq!(stats["places"], 2);
    assert_eq!(stats["first_published"], "2025-10-12");
    assert_eq!(
        stats["extractor_versions"],
        json!([{"version": "test-1", "documents": 2}])
    );
    assert_eq!(stats["extractor_ready"], false);
    assert_eq!(stats["ingest_enabled"], false);
    let health = get(&app, "/api/health").await;
    assert_eq!(health.json(), json!({"status": "ok"}));
}

#[tokio::test]
async fn extract_returns_the_spec_record() {
    let app = app();
    let body = r#"{"text": "The ministry said 7 soldiers were killed on Monday.", "published": "2025-10-14"}"#;
    let not_ready = post(&app, "/api/extract", "application/json", None, body).await;
    assert_eq!(not_ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(not_ready.error().0, "not_ready");
    assert_eq!(not_ready.headers[header::RETRY_AFTER], "2");

    app.state.set_extractor(extractor());
    let answer = post(
        &app,
        "/api/extract",
        "application/json; charset=utf-8",
        None,
        body,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let record = answer.json();
    assert_eq!(record["id"], "request");
    assert_eq!(record["published"], "2025-10-14");
    assert_eq!(record["claims"][0]["category"], "killed");
    assert_eq!(record["claims"][0]["value"]["n"], 7);

    let cases = [
        (
            "application/json",
            r#"{"id": "x"}"#,
            StatusCode::BAD_REQUEST,
            "invalid_body",
            Some("text"),
        ),
        (
            "application/json",
            r#"{"text": "x", "published": "12 Oct"}"#,
            StatusCode::BAD_REQUEST,
            "invalid_body",
            Some("published"),
        ),
        (
            "application/json",
            "{not json",
            StatusCode::BAD_REQUEST,
            "invalid_body",
            None,
        ),
        (
            "application/json",
            "[1]",
            StatusCode::BAD_REQUEST,
            "invalid_body",
            None,
        ),
        (
            "text/plain",
            r#"{"text": "x"}"#,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            None,
        ),
    ];
    for (content_type, body, status, code, field) in cases {
        let answer = post(&app, "/api/extract", content_type, None, body).await;
        assert_eq!(answer.status, status, "{body}");
        assert_eq!(
            answer.error(),
            (code.to_string(), field.map(str::to_string)),
            "{body}"
        );
    }
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused() {
    let app = app_with(|c| c.body_limit = 64);
    app.state.set_extractor(extractor());
    let big = format!(r#"{{"text": "{}"}}"#, "x".repeat(100));
    let answer = post(&app, "/api/extract", "application/json", None, &big).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.error().0, "body_too_large");
}

#[tokio::test]
async fn ingest_is_off_without_a_token() {
    let app = app();
    let answer = post(
        &app,
        "/api/ingest",
        "application/x-ndjson",
        Some("anything"),
        "",
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(answer.error().0, "ingest_disabled");
}

#[tokio::test]
async fn ingest_needs_the_token_and_stores() {
    let app = app_with(|c| c.ingest_token = Some("s3cret-token".into()));
    app.state.set_extractor(extractor());
    let body = "{\"id\": \"new-1\", \"text\": \"Officials said 5 police were injured.\", \"published\": \"2025-10-21\"}\n{\"id\": \"bad\"}\n";
    let none = post(&app, "/api/ingest", "application/x-ndjson", None, body).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.error().0, "unauthorized");
    assert!(none.headers.contains_key(header::WWW_AUTHENTICATE));
    let wrong = post(
        &app,
        "/api/ingest",
        "application/x-ndjson",
        Some("s3cret-tokem"),
        body,
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let stats = get(&app, "/api/stats").await.json();
    assert_eq!(stats["documents"], 2, "nothing stored without the token");

    let ok = post(
        &app,
        "/api/ingest",
        "application/x-ndjson",
        Some("s3cret-token"),
        body,
    )
    .await;
    assert_eq!(ok.status, StatusCode::OK);
    let result = ok.json();
    assert_eq!(result["inserted"], 1);
    assert_eq!(result["rejected"][0]["line"], 2);
    assert_eq!(result["rejected"][0]["field"], "text");
    let again = post(
        &app,
        "/api/ingest",
        "application/x-ndjson",
        Some("s3cret-token"),
        body,
    )
    .await;
    assert_eq!(again.json()["duplicates"], 1);
    let stats = get(&app, "/api/stats").await.json();
    assert_eq!(stats["documents"], 3);
    assert_eq!(stats["ingest_enabled"], true);
    let doc = get(&app, "/api/documents/new-1").await;
    assert_eq!(doc.status, StatusCode::OK);
}

/// Another connection (as `sitrep ingest` in another process would)
/// writes the ledger in many transactions while the server answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_go_on_while_another_connection_ingests() {
    let app = app();
    let path = app._ledger.path.clone();
    let writer = std::thread::spawn(move || {
        let mut store = SqliteStore::open(&path).unwrap();
        for batch in 0..40 {
            let docs: Vec<(Document, Extraction)> = (0..25)
                .map(|i| {
                    let (mut doc, mut x) = fixture().swap_remove(1);
                    doc.id = format!("w-{batch}-{i}");
                    x.id = doc.id.clone();
                    (doc, x)
                })
                .collect();
            store.ingest(&docs, "test-1").unwrap();
        }
    });
    let mut answered = 0;
    while !writer.is_finished() || answered < 20 {
        for uri in [
            "/api/claims?category=captured",
            "/api/events?type=AGREE",
            "/api/stats",
        ] {
            let answer = get(&app, uri).await;
            assert_eq!(answer.status, StatusCode::OK, "{uri}");
            answered += 1;
        }
    }
    writer.join().unwrap();
    let stats = get(&app, "/api/stats").await.json();
    assert_eq!(stats["documents"], 2 + 40 * 25);
}

#[tokio::test]
async fn unknown_paths_and_methods_are_json_errors() {
    let app = app();
    let missing = get(&app, "/api/nothing").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.error().0, "not_found");
    let wrong = post(&app, "/api/claims", "application/json", None, "{}").await;
    assert_eq!(wrong.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(wrong.error().0, "method_not_allowed");
    let get_extract = get(&app, "/api/extract").await;
    assert_eq!(get_extract.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn requests_over_the_time_limit_get_a_timeout() {
    let slow = axum::Router::new()
        .route(
            "/slow",
            axum::routing::get(|| async {
                tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                "late"
            }),
        )
        .layer(axum::middleware::from_fn_with_state(
            std::time::Duration::from_millis(20),
            crate::middleware::time_limit,
        ));
    let answer = send(&slow, Request::get("/slow").body(Body::empty()).unwrap()).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.error().0, "timeout");
}

#[tokio::test]
async fn the_page_and_its_assets_are_embedded() {
    let app = app();
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.headers[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    assert!(
        page.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
    let html = String::from_utf8(page.body.clone()).unwrap();
    assert!(html.contains("assets/app.js"), "the page loads its script");
    let tag = page.headers[header::ETAG].clone();
    let again = send(
        &app.router,
        Request::get("/")
            .header(header::IF_NONE_MATCH, tag)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    let leaflet = get(&app, "/assets/vendor/leaflet/leaflet.js").await;
    assert_eq!(leaflet.status, StatusCode::OK);
    assert_eq!(
        leaflet.headers[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    let world = get(&app, "/assets/vendor/world-atlas/countries-50m.json").await;
    assert_eq!(world.json()["type"], "Topology");
    let missing = get(&app, "/assets/nope.js").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

// ------------------------------------------- the OpenAPI document vs reality

/// Validates `value` against `schema` (a subset of JSON Schema as utoipa
/// writes it: `$ref`, `type` (one or several), `enum`, `properties`,
/// `required`, `items`, `allOf`, `oneOf`, `anyOf`, `minimum`, `maximum`),
/// and refuses object properties the schema does not describe.
fn validate(doc: &Json, schema: &Json, value: &Json, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    if let Some(all) = schema.get("allOf").and_then(Json::as_array) {
        for branch in all {
            validate_branch(doc, branch, value, at, errors);
        }
        check_known_properties(doc, schema, value, at, errors);
        return;
    }
    validate_branch(doc, schema, value, at, errors);
    check_known_properties(doc, schema, value, at, errors);
}

fn resolve<'a>(doc: &'a Json, schema: &'a Json) -> &'a Json {
    match schema.get("$ref").and_then(Json::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/components/schemas/");
            let target = &doc["components"]["schemas"][name];
            assert!(!target.is_null(), "dangling $ref {reference}");
            resolve(doc, target)
        }
        None => schema,
    }
}

/// Every property name the schema (with its `allOf` branches) describes;
/// `None` when it describes no object.
fn known_properties(doc: &Json, schema: &Json) -> Option<Vec<String>> {
    let schema = resolve(doc, schema);
    let mut names: Option<Vec<String>> = schema
        .get("properties")
        .and_then(Json::as_object)
        .map(|p| p.keys().cloned().collect());
    for branch in schema
        .get("allOf")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(more) = known_properties(doc, branch) {
            names.get_or_insert_with(Vec::new).extend(more);
        }
    }
    names
}

fn check_known_properties(
    doc: &Json,
    schema: &Json,
    value: &Json,
    at: &str,
    errors: &mut Vec<String>,
) {
    if let (Some(known), Some(object)) = (known_properties(doc, schema), value.as_object()) {
        for key in object.keys() {
            if !known.contains(key) {
                errors.push(format!("{at}.{key}: not in the schema"));
            }
        }
    }
}

fn type_matches(name: &str, value: &Json) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    }
}

fn validate_branch(doc: &Json, schema: &Json, value: &Json, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    let described = ["type", "allOf", "oneOf", "anyOf", "enum"]
        .iter()
        .any(|key| schema.get(key).is_some());
    if !described {
        errors.push(format!(
            "{at}: the schema does not describe this value ({schema})"
        ));
    }
    if let Some(all) = schema.get("allOf").and_then(Json::as_array) {
        for branch in all {
            validate_branch(doc, branch, value, at, errors);
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(key).and_then(Json::as_array) {
            let fits = options.iter().any(|option| {
                let mut sub = Vec::new();
                validate(doc, option, value, at, &mut sub);
                sub.is_empty()
            });
            if !fits {
                errors.push(format!("{at}: fits none of {key} ({value})"));
            }
        }
    }
    if let Some(types) = schema.get("type") {
        let ok = match types {
            Json::String(t) => type_matches(t, value),
            Json::Array(ts) => ts
                .iter()
                .filter_map(Json::as_str)
                .any(|t| type_matches(t, value)),
            _ => true,
        };
        if !ok {
            errors.push(format!("{at}: {value} is not of type {types}"));
            return;
        }
    }
    if let Some(values) = schema.get("enum").and_then(Json::as_array)
        && !value.is_null()
        && !values.contains(value)
    {
        errors.push(format!(
            "{at}: {value} is not one of {}",
            Json::Array(values.clone())
        ));
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Json::as_f64), value.as_f64())
        && n < min
    {
        errors.push(format!("{at}: {n} < minimum {min}"));
    }
    if let (Some(max), Some(n)) = (schema.get("maximum").and_then(Json::as_f64), value.as_f64())
        && n > max
    {
        errors.push(format!("{at}: {n} > maximum {max}"));
    }
    if let Some(object) = value.as_object() {
        for name in schema
            .get("required")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                errors.push(format!("{at}: required {name} is missing"));
            }
        }
        if let Some(properties) = schema.get("properties").and_then(Json::as_object) {
            for (name, property) in properties {
                if let Some(v) = object.get(name) {
                    validate(doc, property, v, &format!("{at}.{name}"), errors);
                }
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(doc, items, item, &format!("{at}[{i}]"), errors);
        }
    }
}

/// An example value for a documented parameter, as a query-string value.
fn example(parameter: &Json) -> String {
    let raw = parameter
        .get("example")
        .or_else(|| parameter["schema"].get("example"))
        .or_else(|| parameter["schema"].get("examples").and_then(|e| e.get(0)))
        .unwrap_or_else(|| panic!("parameter {} has no example", parameter["name"]));
    match raw {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn percent(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Every documented path and method is served, accepts each documented
/// query parameter (with its example value), and answers with a body that
/// validates against the documented response schema; and every `/api`
/// route the router serves is documented.
#[tokio::test]
async fn openapi_matches_responses() {
    let app = app_with(|c| c.ingest_token = Some("t0ken".into()));
    app.state.set_extractor(extractor());
    // The document the examples name.
    let sample = "{\"id\": \"sample-afpak-2025-10-12\", \"outlet\": \"Sample Wire\", \"published\": \"2025-10-12\", \"text\": \"The army said 9 soldiers were killed in Kurram.\"}\n";
    let stored = post(
        &app,
        "/api/ingest",
        "application/x-ndjson",
        Some("t0ken"),
        sample,
    )
    .await;
    assert_eq!(stored.json()["inserted"], 1);
    let served = get(&app, "/api/openapi.json").await;
    assert_eq!(served.status, StatusCode::OK);
    let doc = served.json();
    assert_eq!(doc, serde_json::to_value(crate::openapi()).unwrap());
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));

    let paths = doc["paths"].as_object().unwrap();
    let mut documented: Vec<String> = Vec::new();
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            documented.push(format!("{} {path}", method.to_uppercase()));
            let parameters: Vec<&Json> = operation
                .get("parameters")
                .and_then(Json::as_array)
                .map(|p| p.iter().collect())
                .unwrap_or_default();
            let mut uri = path.clone();
            let mut query = Vec::new();
            for parameter in &parameters {
                let name = parameter["name"].as_str().unwrap();
                match parameter["in"].as_str().unwrap() {
                    "path" => {
                        uri = uri.replace(&format!("{{{name}}}"), &percent(&example(parameter)))
                    }
                    "query" => query.push(format!("{name}={}", percent(&example(parameter)))),
                    other => panic!("unexpected parameter location {other}"),
                }
            }
            // Each query parameter alone, then none, then all together
            // (all together may match nothing, which is fine).
            let mut variants: Vec<String> = query.iter().map(|q| format!("{uri}?{q}")).collect();
            variants.push(uri.clone());
            if !query.is_empty() {
                variants.push(format!("{uri}?{}", query.join("&")));
            }
            let example_body = match path.as_str() {
                "/api/extract" => Some((
                    "application/json",
                    r#"{"text": "Officials said 2 soldiers were wounded.", "published": "2025-10-13"}"#,
                )),
                "/api/ingest" => Some((
                    "application/x-ndjson",
                    "{\"id\": \"oa-1\", \"text\": \"Officials said 2 soldiers were wounded.\"}\n",
                )),
                _ => None,
            };
            for target in variants {
                let mut request = Request::builder()
                    .method(Method::from_bytes(method.to_uppercase().as_bytes()).unwrap())
                    .uri(&target);
                if let Some((content_type, _)) = example_body {
                    request = request
                        .header(header::CONTENT_TYPE, content_type)
                        .header(header::AUTHORIZATION, "Bearer t0ken");
                }
                let body = example_body.map_or(Body::empty(), |(_, b)| Body::from(b));
                let answer = send(&app.router, request.body(body).unwrap()).await;
                assert_eq!(
                    answer.status,
                    StatusCode::OK,
                    "{method} {target}: {}",
                    String::from_utf8_lossy(&answer.body)
                );
                let response =
                    &operation["responses"]["200"]["content"]["application/json"]["schema"];
                if response.is_null() {
                    continue;
                }
                let mut errors = Vec::new();
                validate(&doc, response, &answer.json(), "$", &mut errors);
                assert!(errors.is_empty(), "{method} {target}: {errors:#?}");
            }
            // The documented error responses have the error schema.
            for (status, response) in operation["responses"].as_object().unwrap() {
                if status.starts_with('4') || status.starts_with('5') {
                    assert_eq!(
                        response["content"]["application/json"]["schema"]["$ref"],
                        "#/components/schemas/ErrorBody",
                        "{method} {path} {status}"
                    );
                }
            }
        }
    }
    documented.sort();
    // What the router serves under /api (axum cannot list its routes, so
    // this list is kept here; a route added to the router and not to the
    // document fails the probe below, which asks every other method too).
    let mut served_routes = vec![
        "GET /api/claims",
        "GET /api/events",
        "GET /api/documents",
        "GET /api/documents/{id}",
        "GET /api/places",
        "GET /api/contested",
        "GET /api/stats",
        "GET /api/health",
        "POST /api/extract",
        "POST /api/ingest",
        "GET /api/openapi.json",
    ];
    served_routes.sort();
    assert_eq!(documented, served_routes);
    for route in &served_routes {
        let (_, path) = route.split_once(' ').unwrap();
        let uri = path.replace("{id}", "doc-two");
        for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            let answer = send(
                &app.router,
                Request::builder()
                    .method(method)
                    .uri(&uri)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
            let is_documented = documented.contains(&format!("{method} {path}"));
            if !is_documented {
                assert_eq!(
                    answer.status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {uri} is served but not documented"
                );
            }
        }
    }
}

/// The vocabularies in the document are the model's.
#[test]
fn openapi_vocabularies_come_from_the_model() {
    let doc = serde_json::to_value(crate::openapi()).unwrap();
    let categories = &doc["components"]["schemas"]["CategoryName"]["enum"];
    let want: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(categories, &json!(want));
    let codes = &doc["components"]["schemas"]["ErrorCode"]["enum"];
    let want: Vec<&str> = crate::ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(codes, &json!(want));
}

/// The validator used above does reject what it should.
#[test]
fn the_schema_validator_rejects_mismatches() {
    let doc = serde_json::to_value(crate::openapi()).unwrap();
    let schema = json!({"$ref": "#/components/schemas/ClaimItem"});
    let mut good = serde_json::to_value(crate::api::ClaimItem {
        id: "d#c0".into(),
        document: "d".into(),
        outlet: None,
        published: Some("2025-10-12".into()),
        claim: fixture()[0].1.claims[0].clone(),
    })
    .unwrap();
    let mut errors = Vec::new();
    validate(&doc, &schema, &good, "$", &mut errors);
    assert_eq!(errors, Vec::<String>::new());
    good["surprise"] = json!(1);
    good["category"] = json!("massacred");
    good["value"]["n"] = json!("twelve");
    good["claimant"] = json!({"text": "x"});
    validate(&doc, &schema, &good, "$", &mut errors);
    errors.sort();
    assert_eq!(
        errors,
        [
            "$.category: \"massacred\" is not one of [\"killed\",\"injured\",\"captured\",\"arrested\",\"missing\",\"displaced\",\"returned\",\"destroyed\",\"downed\"]",
            "$.claimant: fits none of oneOf ({\"text\":\"x\"})",
            "$.surprise: not in the schema",
            "$.value.n: \"twelve\" is not of type \"integer\"",
        ]
    );
}
