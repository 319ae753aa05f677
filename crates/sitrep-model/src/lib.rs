//! The shared vocabulary of sitrep: documents, evidence, claims, events and
//! sides, with the JSON shape fixed by `SPEC.md` (the extraction contract).
//!
//! This crate only defines types and their serialisation. It does no I/O,
//! holds no rules and knows no dictionaries: extraction lives in
//! `sitrep-extract`, reading files in `sitrep-ingest`.
//!
//! # Terms
//!
//! - A **claim** is an attributed figure: a stated count of people or things
//!   affected by conflict (killed, injured, captured, …), together with who
//!   states it. The same clash often has several incompatible claims.
//! - The **claimant** is who states the figure (a ministry, a spokesperson,
//!   "officials", a UN agency), or nobody when the article states it in its
//!   own voice.
//! - A **side** is an affiliation code: an ISO 3166-1 alpha-3 code for a
//!   state and all its organs (`PAK`, `AFG`), a short uppercase name for a
//!   non-state armed group (`TTP`, `RSF`) or an international body (`UN`).
//!   Both the claimant and the counted subject have a side.
//! - The **stance** says whether the claimant asserts the figure or denies it
//!   ("denied that any soldiers were captured" is a denied claim of zero).
//! - **Evidence** is the sentence a claim or event was read from, as offsets
//!   in Unicode code points into the document text plus the quoted sentence.
//! - A **contested figure** (built by reconciliation, not here) is the set of
//!   claims by different claimants about the same thing.
//!
//! # Example
//!
//! ```
//! use sitrep_model::{Category, Qualifier, Side};
//!
//! let side: Side = "pak".parse().unwrap();
//! assert_eq!(side.as_str(), "PAK");
//! assert_eq!(Category::Killed.as_str(), "killed");
//! assert_eq!(Qualifier::AtLeast.as_str(), "at_least");
//! ```
#![deny(missing_docs)]
#![deny(clippy::disallowed_methods, reason = "pure crate: callers do I/O")]

mod claim;
mod date;
mod document;
mod event;
mod side;

pub use claim::{Category, Claim, Claimant, Flag, Kind, Qualifier, Stance, Subject, Value};
pub use date::{PartialDate, PartialDateError};
pub use document::{Document, Evidence, Extraction};
pub use event::{Actor, Event, EventType, Mode, Place, Precision};
pub use side::{Side, SideError};
