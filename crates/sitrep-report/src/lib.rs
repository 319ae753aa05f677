//! Situation reports and the ledger's presentation views.
//!
//! [`build`] reads a store through the shared filters ([`LedgerQuery`]),
//! reconciles claims into contested figures and events into happenings
//! (`sitrep-reconcile`), and cites every line's sentence; [`markdown`] and
//! [`html`] render the result. [`contested`] and [`events`] give the same
//! views without a report, for `sitrep contested` and the HTTP API, so a
//! filter means one thing everywhere.
//!
//! What this crate does not do: extract (that is `sitrep-extract`), decide
//! which figures belong together (`sitrep-reconcile` holds those rules),
//! or write files (the CLI writes what these functions return).
//!
//! # Example
//!
//! ```
//! use sitrep_report::{LedgerQuery, build, markdown};
//! use sitrep_reconcile::Options;
//! use sitrep_store::SqliteStore;
//!
//! let store = SqliteStore::open_in_memory()?;
//! let report = build(&store, &LedgerQuery::default(), &Options::default(), "Situation report")?;
//! assert!(markdown(&report).starts_with("# Situation report\n"));
//! # Ok::<(), sitrep_store::StoreError>(())
//! ```
#![deny(missing_docs)]

mod html;
mod ledger;
mod markdown;
mod report;
mod words;

pub use html::html;
pub use ledger::{LedgerQuery, contested, events, ledger};
pub use markdown::markdown;
pub use report::{EventLine, FigureLine, Note, PlaceLine, Report, build};
