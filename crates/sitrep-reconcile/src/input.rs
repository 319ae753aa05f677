//! What the reconciler reads: claims with their provenance, and the knobs
//! of the matching rules.
//!
//! Records borrow from the caller's claims (a store query's rows), so
//! reconciling a large result set copies nothing until the output is built.

use jiff::civil::Date;
use sitrep_model::Claim;

/// One claim as read in one document: the reconciler's input.
#[derive(Clone, Copy, Debug)]
pub struct ClaimRecord<'a> {
    /// The claim's id (`<document id>#c<ordinal>` in the store).
    pub claim_id: &'a str,
    /// The document it was read in.
    pub document_id: &'a str,
    /// The syndicate of that document: every near-identical copy of one
    /// story shares it. Defaults to the document id (each document is its
    /// own source).
    pub syndicate: &'a str,
    /// The document's outlet.
    pub outlet: Option<&'a str>,
    /// The document's publication day.
    pub published: Option<Date>,
    /// Where the counted thing happened, as a comparable key (see
    /// [`crate::place_key`]), when the claim is linked to a placed event.
    pub place: Option<&'a str>,
    /// The claim.
    pub claim: &'a Claim,
}

impl<'a> ClaimRecord<'a> {
    /// A record with no outlet, publication day or place; the document is
    /// its own syndicate.
    pub fn new(claim_id: &'a str, document_id: &'a str, claim: &'a Claim) -> ClaimRecord<'a> {
        ClaimRecord {
            claim_id,
            document_id,
            syndicate: document_id,
            outlet: None,
            published: None,
            place: None,
            claim,
        }
    }

    /// This record with its document's publication day.
    #[must_use]
    pub fn published(mut self, published: Option<Date>) -> ClaimRecord<'a> {
        self.published = published;
        self
    }

    /// This record with its document's outlet.
    #[must_use]
    pub fn outlet(mut self, outlet: Option<&'a str>) -> ClaimRecord<'a> {
        self.outlet = outlet;
        self
    }

    /// This record with its document's syndicate.
    #[must_use]
    pub fn syndicate(mut self, syndicate: &'a str) -> ClaimRecord<'a> {
        self.syndicate = syndicate;
        self
    }

    /// This record with a place key.
    #[must_use]
    pub fn place(mut self, place: Option<&'a str>) -> ClaimRecord<'a> {
        self.place = place;
        self
    }
}

/// The knobs of the matching rules. The defaults are the documented rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Claims of one incident are dated at most this many days from the
    /// incident's first day (1: reports straddle midnight).
    pub incident_window_days: i64,
    /// A claim without a date refers to its publication day or up to this
    /// many days before it.
    pub undated_lookback_days: i64,
    /// A claim without a date joins an incident still being reported (one
    /// read up to `undated_lookback_days` before its publication day) at
    /// most this many days after the incident's first day.
    pub story_days: i64,
    /// `high / low` above this ratio flags the figure `spread_over_5x`.
    pub spread_ratio: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            incident_window_days: 1,
            undated_lookback_days: 2,
            story_days: 7,
            spread_ratio: 5.0,
        }
    }
}
