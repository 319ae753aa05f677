//! sitrep's extraction core: one [`Document`] in, one [`Extraction`] out.
//!
//! # Brief overview
//!
//! [`Extractor::extract`] reads a document's text in one pass of stages:
//! [`sentences`] splits it (and marks captions, credits and page furniture),
//! `tokens` splits each sentence into words, [`numbers`] finds counts with
//! their qualifiers, [`dates`] resolves time expressions against the
//! publication day, the gazetteer finds names that stand for sides, the
//! attribution rules find who speaks, and the claim rules tie each count to
//! a category, a counted group and a claimant. Every claim keeps the
//! sentence it came from as evidence, in Unicode code points.
//!
//! This crate does no I/O, reads no clock and starts no threads: callers
//! read files, choose the anchor date and parallelise over documents (an
//! [`Extractor`] is `Send + Sync` and cheap to share).
//!
//! # Example
//!
//! ```
//! use sitrep_extract::Extractor;
//! use sitrep_model::{Category, Document};
//!
//! let doc = Document {
//!     id: "ex-1".into(),
//!     published: "2025-03-09".parse().ok(),
//!     text: "Freedonia's defence ministry said on Saturday that 12 Sylvanian soldiers were killed.".into(),
//!     ..Document::default()
//! };
//! let out = Extractor::bundled().extract(&doc);
//! assert_eq!(out.id, "ex-1");
//! let claim = &out.claims[0];
//! assert_eq!(claim.category, Category::Killed);
//! assert_eq!(claim.value.n, 12);
//! ```
#![deny(missing_docs)]
#![deny(clippy::disallowed_methods, reason = "pure crate: callers do I/O")]

mod attribution;
mod claims;
pub mod dates;
mod events;
mod lexicon;
pub mod numbers;
mod sentence;
pub mod sentences;
mod tokens;

use sitrep_gazetteer::{Places, Sides};
use sitrep_model::{Document, Extraction};

/// The version of the extraction rules, stored with every extraction so
/// that a ledger knows which documents a newer sitrep should re-extract.
/// Bumped whenever a rule change alters what is extracted.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+rules.1");

/// The extractor: dictionaries compiled once, shared across threads.
#[derive(Clone)]
pub struct Extractor {
    sides: Sides,
    places: Places,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("sides", &self.sides.len())
            .field("places", &self.places.len())
            .finish()
    }
}

impl Extractor {
    /// An extractor over the given side dictionary and place gazetteer.
    pub fn new(sides: Sides, places: Places) -> Extractor {
        Extractor { sides, places }
    }

    /// An extractor over the dictionaries bundled with sitrep. The place
    /// gazetteer is loaded once per process (about 0.4 s) and shared.
    pub fn bundled() -> Extractor {
        Extractor::new(Sides::bundled(), Places::bundled())
    }

    /// Extracts the claims and events of one document.
    ///
    /// Never fails: text without figures gives an empty extraction.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.text.as_str();
        let sentences = sentences::split(text);
        let mentions = self.sides.find(text);
        let (claims, events) =
            claims::extract(text, doc.published, &sentences, &mentions, &self.places);
        Extraction {
            id: doc.id.clone(),
            published: doc.published,
            claims,
            events,
        }
    }
}
