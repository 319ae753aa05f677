//! `sitrep contested` and `sitrep report`: the reconciled views of the
//! ledger.
//!
//! `contested` prints contested figures (one claimant per line in the
//! table, one figure per JSON line, one claimant figure per CSV row);
//! `report` writes the situation report as Markdown or self-contained
//! HTML. Both share their filters ([`LedgerArgs`]) with the HTTP API
//! through `sitrep_report::LedgerQuery`; the rules that group claims are
//! `sitrep-reconcile`'s. This module only parses, reads and prints.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};
use sitrep_model::{Category, Kind, PartialDate, Side};
use sitrep_reconcile::{ContestedFigure, Options};
use sitrep_report::LedgerQuery;

use crate::cli::{ListFormat, parse_category, parse_partial, parse_side};
use crate::extract_cmd::Outcome;
use crate::query_cmd::{code, open, table};

/// Filters shared by `contested` and `report`.
#[derive(Debug, Args)]
pub struct LedgerArgs {
    /// The ledger file (made by `sitrep ingest`).
    #[arg(long, value_name = "PATH", default_value = "sitrep.db")]
    pub db: PathBuf,

    /// Only figures about this side or stated by it, and events where it
    /// acts or is acted upon, e.g. PAK.
    #[arg(long, value_name = "SIDE", value_parser = parse_side)]
    pub side: Option<Side>,

    /// Only figures in which this side states a figure (the other
    /// claimants' figures are still shown beside it).
    #[arg(long, value_name = "SIDE", value_parser = parse_side)]
    pub claimant: Option<Side>,

    /// Only this category: killed, injured, captured, arrested, missing,
    /// displaced, returned, destroyed, downed.
    #[arg(long, value_name = "CATEGORY", value_parser = parse_category)]
    pub category: Option<Category>,

    /// Only figures counting this kind: soldiers, fighters (one family
    /// with soldiers), police, civilians, people, refugees, posts, bases,
    /// installations, aircraft, drones, vehicles, other.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<Kind>,

    /// Only items dated on or after this day, month or year.
    #[arg(long, value_name = "DATE", value_parser = parse_partial)]
    pub since: Option<PartialDate>,

    /// Only items dated on or before this day, month or year.
    #[arg(long, value_name = "DATE", value_parser = parse_partial)]
    pub until: Option<PartialDate>,

    /// Only figures and events at a place whose name or province contains
    /// this text (case-insensitive), e.g. Kurram.
    #[arg(long, value_name = "TEXT")]
    pub place: Option<String>,

    /// Only figures with at least this many claimant sides (2: figures two
    /// sides dispute).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_sides: usize,
}

impl LedgerArgs {
    fn query(&self) -> LedgerQuery {
        LedgerQuery {
            since: self.since,
            until: self.until,
            category: self.category,
            kind: self.kind,
            side: self.side.clone(),
            claimant: self.claimant.clone(),
            place: self.place.clone(),
            min_sides: self.min_sides,
        }
    }
}

fn parse_kind(value: &str) -> Result<Kind, String> {
    Kind::from_name(value).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind; expected one of: {}", names.join(", "))
    })
}

/// Arguments of `sitrep contested`.
#[derive(Debug, Args)]
pub struct ContestedArgs {
    /// Filters.
    #[command(flatten)]
    pub ledger: LedgerArgs,

    /// At most this many figures.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Output format: an aligned table, one JSON object per figure, or CSV
    /// with one row per claimant figure.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Runs `sitrep contested`.
///
/// # Errors
///
/// When the ledger is missing or unreadable, or the output cannot be written.
pub fn contested(args: ContestedArgs) -> anyhow::Result<Outcome> {
    let store = open(&args.ledger.db)?;
    let mut figures = sitrep_report::contested(&store, &args.ledger.query(), &Options::default())
        .context("cannot read the ledger")?;
    if let Some(limit) = args.limit {
        figures.truncate(limit);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        ListFormat::Table => print_table(&mut out, &figures),
        ListFormat::Jsonl => print_jsonl(&mut out, &figures),
        ListFormat::Csv => print_csv(&mut out, &figures),
    }
    .and_then(|()| out.flush().context("cannot write the output"))?;
    Ok(Outcome::default())
}

fn print_jsonl(out: &mut impl Write, figures: &[ContestedFigure]) -> anyhow::Result<()> {
    for figure in figures {
        serde_json::to_writer(&mut *out, figure).context("cannot write the output")?;
        out.write_all(b"\n").context("cannot write the output")?;
    }
    Ok(())
}

fn day(day: Option<jiff::civil::Date>) -> String {
    day.map_or_else(|| "-".to_owned(), |d| d.to_string())
}

fn span(figure: &ContestedFigure) -> String {
    match (figure.date.from, figure.date.to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}..{b}"),
        _ => "-".to_owned(),
    }
}

fn value(f: &sitrep_reconcile::Figure) -> String {
    let n = match f.n_max {
        Some(max) if max != f.n => format!("{}-{max}", f.n),
        _ => f.n.to_string(),
    };
    match f.stance {
        sitrep_model::Stance::Asserted => n,
        sitrep_model::Stance::Denied => format!("denies {n}"),
    }
}

fn flags(figure: &ContestedFigure) -> String {
    let names: Vec<&str> = figure.flags.iter().map(|f| f.as_str()).collect();
    names.join(",")
}

/// One line per claimant figure; the figure's own columns only on its
/// first line, so each contested figure reads as a block.
fn print_table(out: &mut impl Write, figures: &[ContestedFigure]) -> anyhow::Result<()> {
    let header = [
        "DATE", "CATEGORY", "SUBJECT", "BY", "FIGURE", "REVISED", "DOCS", "LOW-HIGH", "SPREAD",
        "SOURCES", "FLAGS",
    ];
    let mut rows = Vec::new();
    for figure in figures {
        for (i, f) in figure.figures.iter().enumerate() {
            let first = i == 0;
            let revisions: Vec<String> = f.revisions.iter().map(|r| r.n.to_string()).collect();
            let or_blank = |text: String| if first { text } else { String::new() };
            rows.push(vec![
                or_blank(span(figure)),
                or_blank(figure.category.to_string()),
                or_blank(format!(
                    "{} {}",
                    code(figure.subject.side.as_ref()),
                    figure.subject.kind
                )),
                format!(
                    "{} {}",
                    code(f.claimant.side.as_ref()),
                    f.claimant.text.as_deref().unwrap_or("(no claimant)")
                ),
                value(f),
                if revisions.is_empty() {
                    "-".to_owned()
                } else {
                    revisions.join(">")
                },
                f.documents.len().to_string(),
                or_blank(match (figure.low, figure.high) {
                    (Some(l), Some(h)) if l == h => l.to_string(),
                    (Some(l), Some(h)) => format!("{l}-{h}"),
                    _ => "-".to_owned(),
                }),
                or_blank(match figure.spread {
                    Some(s) if figure.low != figure.high => format!("{s:.1}x"),
                    _ => "-".to_owned(),
                }),
                or_blank(figure.sources.to_string()),
                or_blank(flags(figure)),
            ]);
        }
    }
    table(out, &header, &rows).context("cannot write the output")
}

fn print_csv(out: &mut impl Write, figures: &[ContestedFigure]) -> anyhow::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "figure_id",
        "category",
        "subject_side",
        "subject_kind",
        "scope",
        "date_from",
        "date_to",
        "place",
        "low",
        "high",
        "spread",
        "claimant_sides",
        "sources",
        "sightings",
        "flags",
        "claimant_side",
        "claimant_text",
        "n",
        "n_max",
        "qualifier",
        "stance",
        "first_seen",
        "last_seen",
        "documents",
        "revisions",
        "claim_id",
        "quote",
    ])?;
    for figure in figures {
        for f in &figure.figures {
            let revisions: Vec<String> = f
                .revisions
                .iter()
                .map(|r| format!("{}@{}", r.n, day(r.seen)))
                .collect();
            csv.write_record([
                figure.id.clone(),
                figure.category.to_string(),
                code(figure.subject.side.as_ref()).to_owned(),
                figure.subject.kind.to_string(),
                figure.scope.to_string(),
                day(figure.date.from),
                day(figure.date.to),
                figure.place.clone().unwrap_or_default(),
                figure.low.map(|n| n.to_string()).unwrap_or_default(),
                figure.high.map(|n| n.to_string()).unwrap_or_default(),
                figure.spread.map(|s| format!("{s:.3}")).unwrap_or_default(),
                figure.claimant_sides.to_string(),
                figure.sources.to_string(),
                figure.sightings.to_string(),
                flags(figure),
                f.claimant
                    .side
                    .as_ref()
                    .map(Side::to_string)
                    .unwrap_or_default(),
                f.claimant.text.clone().unwrap_or_default(),
                f.n.to_string(),
                f.n_max.map(|n| n.to_string()).unwrap_or_default(),
                f.qualifier.to_string(),
                f.stance.to_string(),
                day(f.first_seen),
                day(f.last_seen),
                f.documents.join(";"),
                revisions.join(";"),
                f.claim_id.clone(),
                f.quote.clone(),
            ])?;
        }
    }
    csv.flush().context("cannot write the output")
}

/// How `sitrep report` writes the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// GitHub-flavoured Markdown with footnotes.
    Markdown,
    /// One self-contained HTML file (no external resources).
    Html,
}

/// Arguments of `sitrep report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Filters.
    #[command(flatten)]
    pub ledger: LedgerArgs,

    /// The report's title.
    #[arg(long, value_name = "TEXT", default_value = DEFAULT_TITLE)]
    pub title: String,

    /// Format of the report on standard output (or in --output).
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,

    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write the self-contained HTML report to this file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

/// Runs `sitrep report`.
///
/// # Errors
///
/// When the ledger is missing or unreadable, or a file cannot be written.
pub fn report(args: ReportArgs) -> anyhow::Result<Outcome> {
    let store = open(&args.ledger.db)?;
    let report = sitrep_report::build(
        &store,
        &args.ledger.query(),
        &Options::default(),
        &args.title,
    )
    .context("cannot read the ledger")?;
    let main = match args.format {
        ReportFormat::Markdown => sitrep_report::markdown(&report),
        ReportFormat::Html => sitrep_report::html(&report),
    };
    if let Some(path) = &args.html {
        fs::write(path, sitrep_report::html(&report))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    match &args.output {
        Some(path) => {
            fs::write(path, main).with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => print(&main)?,
    }
    Ok(Outcome::default())
}

/// Prints the Markdown report of the whole ledger on standard output
/// (`sitrep ingest --report`).
///
/// # Errors
///
/// When the ledger cannot be read or the output cannot be written.
pub fn print_whole_report(store: &impl sitrep_store::Store) -> anyhow::Result<()> {
    let report = sitrep_report::build(
        store,
        &LedgerQuery::default(),
        &Options::default(),
        DEFAULT_TITLE,
    )
    .context("cannot read the ledger")?;
    print(&sitrep_report::markdown(&report))
}

/// The title of a report when none is given.
const DEFAULT_TITLE: &str = "Situation report";

fn print(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write the output")
}
