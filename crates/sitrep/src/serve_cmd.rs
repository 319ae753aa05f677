//! `sitrep serve`: the ledger over HTTP (JSON API, OpenAPI document, and
//! the web page with map, timeline and contested figures).
//!
//! This module parses the command's arguments, sets up logging and the
//! tokio runtime, and hands over to `sitrep_server::serve`; everything the
//! server does is in that crate. It listens on 127.0.0.1 unless `--addr`
//! says otherwise, and stops cleanly on Ctrl-C or SIGTERM (requests in
//! flight are finished).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::extract_cmd::{Outcome, build_extractor};

/// How log lines are written to standard error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// `time level target: message key=value ...`, for reading.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Arguments of `sitrep serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The ledger file (made by `sitrep ingest`).
    #[arg(long, value_name = "PATH", default_value = "sitrep.db")]
    pub db: PathBuf,

    /// Address and port to listen on. The default listens on loopback
    /// only; use 0.0.0.0:PORT to serve other machines (there is no TLS:
    /// put a reverse proxy in front).
    #[arg(long, value_name = "ADDR", default_value_t = sitrep_server::Config::DEFAULT_ADDR)]
    pub addr: SocketAddr,

    /// Turn on `POST /api/ingest`, requiring the token in this file (its
    /// first line) as `Authorization: Bearer TOKEN`. The environment
    /// variable SITREP_INGEST_TOKEN does the same. Without either, the
    /// server is read-only.
    #[arg(long, value_name = "FILE")]
    pub ingest_token_file: Option<PathBuf>,

    /// Largest request body accepted, in bytes.
    #[arg(
        long,
        value_name = "BYTES",
        default_value_t = sitrep_server::Config::DEFAULT_BODY_LIMIT,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1024..)
    )]
    pub body_limit: usize,

    /// Longest a request may take, in seconds, before the client gets a
    /// `timeout` error.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 30,
        value_parser = clap::value_parser!(u64).range(1..=3600)
    )]
    pub timeout: u64,

    /// Log format (one line per request, and server events).
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Log verbosity, as a tracing filter (`info`, `warn`,
    /// `sitrep_server=debug`). The environment variable RUST_LOG overrides it.
    #[arg(long, value_name = "FILTER", default_value = "info")]
    pub log: String,

    /// Extra side dictionary for `POST /api/extract` and ingest (as for
    /// `sitrep extract --sides`).
    #[arg(long = "sides", value_name = "FILE")]
    pub sides: Vec<PathBuf>,

    /// Extra places for `POST /api/extract` and ingest (as for
    /// `sitrep extract --places`).
    #[arg(long = "places", value_name = "FILE")]
    pub places: Vec<PathBuf>,
}

/// Reads the ingest token from `--ingest-token-file` or
/// SITREP_INGEST_TOKEN.
fn ingest_token(file: Option<&PathBuf>) -> anyhow::Result<Option<String>> {
    let token = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the ingest token file {}", path.display()))?;
            Some(text.lines().next().unwrap_or("").trim().to_string())
        }
        None => std::env::var("SITREP_INGEST_TOKEN")
            .ok()
            .map(|t| t.trim().to_string()),
    };
    match token {
        Some(t) if t.len() < 16 => {
            bail!("the ingest token must be at least 16 characters long")
        }
        other => Ok(other),
    }
}

fn init_logging(format: LogFormat, filter: &str) -> anyhow::Result<()> {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(filter))
        .with_context(|| format!("invalid --log filter {filter:?}"))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    let result = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
    result.map_err(|e| anyhow::anyhow!("cannot set up logging: {e}"))
}

/// Resolves when the process is asked to stop (Ctrl-C or SIGTERM).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

/// Runs `sitrep serve` until it is stopped.
///
/// # Errors
///
/// When the ledger is missing or cannot be opened, the address cannot be
/// bound, the token file cannot be read, or the dictionaries are invalid.
pub fn run(args: ServeArgs) -> anyhow::Result<Outcome> {
    let ServeArgs {
        db,
        addr,
        ingest_token_file,
        body_limit,
        timeout,
        log_format,
        log,
        sides,
        places,
    } = args;
    init_logging(log_format, &log)?;
    if !db.exists() {
        bail!(
            "no ledger at {}: run `sitrep ingest --db {} FILE...` first",
            db.display(),
            db.display()
        );
    }
    let token = ingest_token(ingest_token_file.as_ref())?;
    // Check custom dictionaries now, so a bad file stops the command at
    // once; the bundled ones load in the background once serving.
    if !sides.is_empty() || !places.is_empty() {
        build_extractor(&sides, &places)?;
    }
    let mut config = sitrep_server::Config::new(&db);
    config.addr = addr;
    config.ingest_token = token;
    config.body_limit = body_limit;
    config.request_timeout = Duration::from_secs(timeout);
    if !addr.ip().is_loopback() {
        tracing::warn!(%addr, "listening beyond this machine: the API has no TLS");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("sitrep-serve")
        .build()
        .context("cannot start the async runtime")?;
    let load = move || match build_extractor(&sides, &places) {
        Ok(extractor) => extractor,
        // Checked above; a file changed since is reported and the bundled
        // dictionaries are used.
        Err(err) => {
            tracing::error!(error = %format!("{err:#}"), "dictionaries failed to load; using the bundled ones");
            sitrep_extract::Extractor::bundled()
        }
    };
    runtime
        .block_on(sitrep_server::serve(
            config,
            load,
            |local| {
                eprintln!(
                    "sitrep: serving {} on http://{local}/ (API at /api, OpenAPI at /api/openapi.json); Ctrl-C stops",
                    db.display()
                );
            },
            shutdown_signal(),
        ))
        .context("sitrep serve")?;
    Ok(Outcome::default())
}
