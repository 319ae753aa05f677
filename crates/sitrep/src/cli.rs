//! The command line, as clap definitions. The doc comments here are the
//! `--help` text.
//!
//! This module only describes arguments; what a command does with them is
//! in its own module (`extract_cmd`).

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
}

/// Arguments of `sitrep extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input files; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,

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

    /// Do not report skipped records on standard error (the exit status
    /// still tells).
    #[arg(long, short = 'q')]
    pub quiet: bool,

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
        let Command::Extract(args) = cli.command;
        assert_eq!(args.files, [PathBuf::from("a.jsonl")]);
        assert_eq!(args.format, OutputFormat::Jsonl);
        assert_eq!(args.input_format, InputFormat::Auto);
        assert_eq!(args.published, None);
        assert_eq!(args.threads, None);
        assert_eq!(args.max_text_bytes, 8 * 1024 * 1024);
        assert!(!args.quiet);
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
