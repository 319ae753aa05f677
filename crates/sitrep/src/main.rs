//! The `sitrep` binary: parses the command line, runs the command, and maps
//! the outcome to an exit status.
//!
//! Exit status: 0 when everything was processed, 1 when some records or
//! files were skipped (each reported on standard error), 2 for usage errors
//! (clap's convention) and for errors that stop the run. A closed output
//! pipe (`sitrep extract … | head`) ends the run quietly with 0, as for
//! other Unix filters.
//!
//! This file stays small: arguments are defined in `cli`, each command lives
//! in its own module.

mod cli;
mod csv_export;
mod extract_cmd;
mod ingest_cmd;
mod ledger_cmd;
mod progress;
mod query_cmd;
mod reextract_cmd;
mod serve_cmd;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract_cmd::run(args),
        Command::Ingest(args) => ingest_cmd::run(args),
        Command::Reextract(args) => reextract_cmd::run(args),
        Command::Claims(args) => query_cmd::claims(args),
        Command::Events(args) => query_cmd::events(args),
        Command::Contested(args) => ledger_cmd::contested(args),
        Command::Report(args) => ledger_cmd::report(args),
        Command::Serve(args) => serve_cmd::run(args),
    };
    match result {
        Ok(outcome) if outcome.skipped == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // The chain once, on one line: "cannot write the output: No space left on device".
            let _ = writeln!(io::stderr().lock(), "sitrep: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// True when the error comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
