//! The command line, as clap definitions. The doc comments here are the
//! `--help` text.
//!
//! This module only describes arguments; what a command does with them is
//! in its own module (`extract_cmd`, `ingest_cmd`, `reextract_cmd`,
//! `query_cmd`).

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

/// Turns conflict news into a source-attributed ledger of claims and events.
///
/// sitrep reads news articles and extracts attributed figures (killed,
/// injured, captured, displaced, ... with who says so) and events (strikes,
/// clashes, ceasefires, ...), each with the sentence it was read from.
#[derive(Debug, Parser)]
#[command(
    name = "sitrep",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract claims and events from documents, one JSON line per document.
    ///
    /// Reads each FILE (JSONL: one JSON object per line with at least "id"
    /// and "text"; or a plain .txt file: one document, whose id is the file
    /// stem) and writes one output record per document, in input order, to
    /// standard output.
    ///
    /// A bad record is reported on standard error as `sitrep: error:
    /// FILE:LINE: reason` and skipped; the other documents are still
    /// processed. An unreadable FILE is reported and skipped likewise.
    ///
    /// Exit status: 0 when every document was extracted, 1 when any record
    /// or file was skipped, 2 on a usage error or when the output cannot be
    /// written.
    #[command(after_help = "Examples:\n  \
        sitrep extract data/samples/articles.jsonl\n  \
        sitrep extract --published 2025-10-12 report.txt\n  \
        cat docs.jsonl | sitrep extract --threads 2 - > out.jsonl")]
    Extract(ExtractArgs),

    /// Extract documents and store them, with their claims and events, in a
    /// ledger (an SQLite file).
    ///
    /// Reads FILEs like `extract`. Each chunk of documents is stored in one
    /// transaction: a document already stored with the same text and
    /// extractor version is left as it is, one stored by an older extractor
    /// is re-extracted, and one whose text changed is kept and reported.
    /// A summary goes to standard error; on a terminal, a progress bar
    /// shows the bytes read (of the total, for files) and documents per
    /// second while it runs.
    ///
    /// Exit status as for `extract`; an error of the store itself stops the
    /// run (status 2) after keeping every chunk stored before it.
    #[command(after_help = "Examples:\n  \
        sitrep ingest data/samples/articles.jsonl\n  \
        sitrep ingest --db war.db --published 2025-10-12 reports/*.txt")]
    Ingest(IngestArgs),

    /// Re-extract the stored documents whose claims and events came from
    /// another version of the extractor.
    ///
    /// Run it after upgrading sitrep: each such document is extracted again
    /// from its stored text and its claims and events are replaced, BATCH
    /// documents per transaction. An interrupted run keeps every batch
    /// stored before it, and running again resumes with the rest. A summary
    /// goes to standard error; on a terminal, a progress bar while it runs.
    ///
    /// Exit status: 0 when every document was re-extracted, 1 when any was
    /// skipped (reported on standard error; it keeps its earlier extraction),
    /// 2 when the ledger cannot be opened or written.
    #[command(after_help = "Examples:\n  \
        sitrep reextract\n  \
        sitrep reextract --db war.db --sides my-actors.tsv")]
    Reextract(ReextractArgs),

    /// List stored claims, filtered, as a table, JSON lines or CSV.
    Claims(ClaimsArgs),

    /// List stored events, filtered, as a table, JSON lines or ACLED-style
    /// CSV.
    Events(EventsArgs),

    /// Contested figures: claims about the same thing across documents,
    /// each claimant's latest figure side by side, with low, high, spread,
    /// revisions and warnings.
    ///
    /// Claims are grouped by category, subject side and kind, scope (one
    /// happening, a stated period, a running total), date and place; see
    /// the sitrep-reconcile crate documentation for the rules.
    #[command(after_help = "Examples:\n  \
        sitrep contested\n  \
        sitrep contested --category killed --min-sides 2\n  \
        sitrep contested --claimant AFG --since 2025-10 --format jsonl")]
    Contested(crate::ledger_cmd::ContestedArgs),

    /// Write the situation report: contested figures, a dated timeline of
    /// events and the places involved, every line footnoted to its
    /// sentence and outlet (Markdown, or one self-contained HTML file).
    #[command(after_help = "Examples:\n  \
        sitrep report\n  \
        sitrep report --since 2025-10-10 --html report.html\n  \
        sitrep report --format html -o report.html")]
    Report(crate::ledger_cmd::ReportArgs),

    /// Serve the ledger over HTTP: a JSON API (OpenAPI at
    /// /api/openapi.json) and a web page with a map, a timeline and the
    /// contested figures, each item linked to its sentence.
    ///
    /// Listens on 127.0.0.1 unless --addr says otherwise. Read-only unless
    /// started with an ingest token, which `POST /api/ingest` then
    /// requires. Ctrl-C stops it after the requests in flight.
    #[command(after_help = "Examples:\n  \
        sitrep serve\n  \
        sitrep serve --db war.db --addr 127.0.0.1:9000\n  \
        sitrep serve --ingest-token-file token.txt --log-format json")]
    Serve(crate::serve_cmd::ServeArgs),
}

/// Arguments of `sitrep reextract`.
#[derive(Debug, Args)]
pub struct ReextractArgs {
    /// The ledger file (made by `sitrep ingest`).
    #[arg(long, value_name = "PATH", default_value = "sitrep.db")]
    pub db: PathBuf,

    /// Documents extracted and stored per transaction.
    #[arg(
        long,
        value_name = "N",
        default_value_t = crate::extract_cmd::CHUNK_DOCS,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..)
    )]
    pub batch: usize,

    /// Number of worker threads [default: one per CPU core].
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Do not report skipped documents on standard error and draw no
    /// progress bar (the exit status still tells).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Side and place dictionaries.
    #[command(flatten)]
    pub dictionaries: Dictionaries,
}

/// Arguments of `sitrep ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// The ledger file; created when missing.
    #[arg(long, value_name = "PATH", default_value = "sitrep.db")]
    pub db: PathBuf,

    /// Then print the situation report of the whole ledger (Markdown, as
    /// `sitrep report` writes it) on standard output.
    #[arg(long)]
    pub report: bool,

    /// Inputs and dictionaries.
    #[command(flatten)]
    pub input: InputArgs,
}

/// How query results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON object per line: the SPEC item plus `document`, `outlet`
    /// and `published`.
    Jsonl,
    /// Comma-separated values with a header row: one row per claim with
    /// its provenance, or one row per event in ACLED's columns.
    Csv,
}

/// Filters shared by `claims` and `events`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The ledger file (made by `sitrep ingest`).
    #[arg(long, value_name = "PATH", default_value = "sitrep.db")]
    pub db: PathBuf,

    /// Only items involving this side (subject or claimant for claims, an
    /// actor for events), e.g. PAK.
    #[arg(long, value_name = "SIDE", value_parser = parse_side)]
    pub side: Option<sitrep_model::Side>,

    /// Only items dated on or after this day, month or year (an item dated
    /// "2025-10" matches --since 2025-10-20: dates overlap).
    #[arg(long, value_name = "DATE", value_parser = parse_partial)]
    pub since: Option<sitrep_model::PartialDate>,

    /// Only items dated on or before this day, month or year.
    #[arg(long, value_name = "DATE", value_parser = parse_partial)]
    pub until: Option<sitrep_model::PartialDate>,

    /// Only items of this document.
    #[arg(long, value_name = "ID")]
    pub document: Option<String>,

    /// At most this many items.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Arguments of `sitrep claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Filters and output.
    #[command(flatten)]
    pub query: QueryArgs,

    /// Only this category: killed, injured, captured, arrested, missing,
    /// displaced, returned, destroyed, downed.
    #[arg(long, value_name = "CATEGORY", value_parser = parse_category)]
    pub category: Option<sitrep_model::Category>,

    /// Only figures stated by this side.
    #[arg(long, value_name = "SIDE", value_parser = parse_side)]
    pub claimant: Option<sitrep_model::Side>,
}

/// Arguments of `sitrep events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Filters and output.
    #[command(flatten)]
    pub query: QueryArgs,

    /// Only this type: ASSAULT, THREATEN, ACCUSE, REJECT, REQUEST, MEDIATE,
    /// CONSULT, AGREE, COERCE, AID, MOBILIZE.
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_event_type)]
    pub event_type: Option<sitrep_model::EventType>,

    /// Only events at a place of this name (ignoring ASCII case).
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,

    /// With `--format csv`: also export events the text says did not
    /// happen ("denied carrying out strikes"), marked in the `negated`
    /// column. Left out by default, as ACLED records only events that took
    /// place; the table and JSON lines always list them.
    #[arg(long)]
    pub include_negated: bool,
}

pub(crate) fn parse_side(value: &str) -> Result<sitrep_model::Side, String> {
    value
        .parse()
        .map_err(|e: sitrep_model::SideError| e.to_string())
}

pub(crate) fn parse_partial(value: &str) -> Result<sitrep_model::PartialDate, String> {
    value
        .parse()
        .map_err(|e: sitrep_model::PartialDateError| e.to_string())
}

pub(crate) fn parse_category(value: &str) -> Result<sitrep_model::Category, String> {
    sitrep_model::Category::from_name(&value.to_ascii_lowercase()).ok_or_else(|| {
        let names: Vec<&str> = sitrep_model::Category::ALL
            .iter()
            .map(|c| c.as_str())
            .collect();
        format!(
            "unknown category {value:?}: expected one of {}",
            names.join(", ")
        )
    })
}

fn parse_event_type(value: &str) -> Result<sitrep_model::EventType, String> {
    sitrep_model::EventType::from_name(&value.to_ascii_uppercase()).ok_or_else(|| {
        let names: Vec<&str> = sitrep_model::EventType::ALL
            .iter()
            .map(|c| c.as_str())
            .collect();
        format!(
            "unknown event type {value:?}: expected one of {}",
            names.join(", ")
        )
    })
}

/// Arguments of `sitrep extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,

    /// Inputs and dictionaries.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Inputs and dictionaries, shared by the commands that read documents.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input files; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// How to read each FILE: `auto` reads `.txt` files as plain text and
    /// everything else (standard input included) as JSONL.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// Publication day of documents that carry none: always the case for
    /// .txt input, and for JSONL records whose "published" is absent or
    /// null. Relative dates in the text ("on Sunday") are resolved against
    /// it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub published: Option<Date>,

    /// Number of worker threads [default: one per CPU core].
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Largest document text accepted, in bytes; longer documents are
    /// reported and skipped without being held in memory.
    #[arg(
        long,
        value_name = "N",
        default_value_t = sitrep_ingest::Limits::DEFAULT_MAX_TEXT_BYTES,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..)
    )]
    pub max_text_bytes: usize,

    /// Do not report skipped records on standard error, and (ingest) draw
    /// no progress bar; the exit status still tells.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Side and place dictionaries.
    #[command(flatten)]
    pub dictionaries: Dictionaries,
}

/// The user's dictionaries, added to the bundled ones.
#[derive(Debug, Args)]
pub struct Dictionaries {
    /// An extra side dictionary, added to (and overriding) the bundled one:
    /// a TSV file with the columns `side`, `kind` and `name` (kind is one of
    /// country, demonym, capital, group, international, organ, none), as in
    /// data/sides/actors.tsv. May be given several times; later files win. A
    /// malformed file stops sitrep before anything is read.
    #[arg(long = "sides", value_name = "FILE")]
    pub sides: Vec<PathBuf>,

    /// Extra places, added to the bundled gazetteer: a TSV file (plain or
    /// gzip) with the columns `name`, `country` (ISO 3166-1 alpha-3),
    /// `admin1`, `lat`, `lon`, `population`, `feature` (place, admin1,
    /// admin2, crossing, camp, site) and `alt_names` (`|`-separated), as in
    /// data/gazetteer/extra.tsv. May be given several times. A malformed file
    /// stops sitrep before anything is read.
    #[arg(long = "places", value_name = "FILE")]
    pub places: Vec<PathBuf>,
}

/// What `sitrep extract` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per document, as fixed by SPEC.md: id, published,
    /// claims, events.
    Jsonl,
}

/// How input files are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By extension: `.txt` is plain text, anything else JSONL.
    Auto,
    /// One JSON object per line.
    Jsonl,
    /// Each file is one plain-text document.
    Txt,
}

/// Parses `--published`: exactly `YYYY-MM-DD`.
fn parse_day(value: &str) -> Result<Date, String> {
    let shape_ok = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let invalid = || format!("invalid date {value:?}: expected YYYY-MM-DD");
    if !shape_ok {
        return Err(invalid());
    }
    value.parse::<Date>().map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_days_strictly() {
        assert_eq!(
            parse_day("2025-10-12").map(|d| d.to_string()),
            Ok("2025-10-12".into())
        );
        assert_eq!(
            parse_day("2025-02-30"),
            Err(r#"invalid date "2025-02-30": expected YYYY-MM-DD"#.into())
        );
        assert_eq!(
            parse_day("20251012"),
            Err(r#"invalid date "20251012": expected YYYY-MM-DD"#.into())
        );
        assert_eq!(
            parse_day("2025-10-12T00:00"),
            Err(r#"invalid date "2025-10-12T00:00": expected YYYY-MM-DD"#.into())
        );
    }

    #[test]
    fn extract_defaults() {
        let cli = Cli::try_parse_from(["sitrep", "extract", "a.jsonl"]).unwrap();
        let Command::Extract(args) = cli.command else {
            panic!("parsed as another command");
        };
        assert_eq!(args.format, OutputFormat::Jsonl);
        let input = args.input;
        assert_eq!(input.files, [PathBuf::from("a.jsonl")]);
        assert_eq!(input.input_format, InputFormat::Auto);
        assert_eq!(input.published, None);
        assert_eq!(input.threads, None);
        assert_eq!(input.max_text_bytes, 8 * 1024 * 1024);
        assert!(!input.quiet);
        assert!(input.dictionaries.sides.is_empty() && input.dictionaries.places.is_empty());
    }

    #[test]
    fn ingest_and_query_defaults() {
        let cli = Cli::try_parse_from(["sitrep", "ingest", "a.jsonl"]).unwrap();
        let Command::Ingest(args) = cli.command else {
            panic!("parsed as another command");
        };
        assert_eq!(args.db, PathBuf::from("sitrep.db"));
        let cli = Cli::try_parse_from([
            "sitrep",
            "claims",
            "--category",
            "Killed",
            "--since",
            "2025-10",
        ])
        .unwrap();
        let Command::Claims(args) = cli.command else {
            panic!("parsed as another command");
        };
        assert_eq!(args.category, Some(sitrep_model::Category::Killed));
        assert_eq!(args.query.since, "2025-10".parse().ok());
        assert_eq!(args.query.limit, 100);
        assert_eq!(args.query.format, ListFormat::Table);
        let err = Cli::try_parse_from(["sitrep", "claims", "--category", "massacred"]).unwrap_err();
        assert!(
            err.to_string().contains("unknown category \"massacred\""),
            "{err}"
        );
    }

    #[test]
    fn extract_rejects_zero_limits() {
        for args in [
            ["sitrep", "extract", "--threads", "0", "a"],
            ["sitrep", "extract", "--max-text-bytes", "0", "a"],
        ] {
            let err = Cli::try_parse_from(args).unwrap_err();
            assert_eq!(
                err.kind(),
                clap::error::ErrorKind::ValueValidation,
                "{args:?}"
            );
        }
    }
}
