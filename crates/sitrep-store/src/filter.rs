//! Query filters for claims and events.
//!
//! Every field left at its default matches everything; set fields must all
//! match. Dates match by **overlap**: an item dated `2025-10` (all of
//! October) matches `since = 2025-10-20` and `until = 2025-10-05`, because it
//! may have happened on those days. `since` compares against the last day
//! the item's date covers, `until` against its first day, and a partial
//! bound counts from its first day (`since`) or to its last day (`until`):
//! `until = 2025-10` includes all of October. An item without a date is
//! dated by its document's publication day; with neither, it matches no date
//! bound.

use sitrep_model::{Category, EventType, Kind, Mode, PartialDate, Side, Stance};

/// Which claims [`crate::Store::claims`] returns.
///
/// Results are ordered by date (first day covered, undated first), then
/// in the order they were stored: documents as they were first stored,
/// then position in the document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimFilter {
    /// The subject's side or the claimant's side is this side.
    pub side: Option<Side>,
    /// The subject's side is this side.
    pub subject_side: Option<Side>,
    /// The claimant's side is this side.
    pub claimant_side: Option<Side>,
    /// The category is this one.
    pub category: Option<Category>,
    /// The subject's kind is this one.
    pub kind: Option<Kind>,
    /// The stance is this one.
    pub stance: Option<Stance>,
    /// The claim's dates reach this date or later (see the module doc).
    pub since: Option<PartialDate>,
    /// The claim's dates reach this date or earlier (see the module doc).
    pub until: Option<PartialDate>,
    /// The claim was read from this document.
    pub document_id: Option<String>,
    /// The document's outlet is this one (exact match).
    pub outlet: Option<String>,
    /// Return at most this many claims.
    pub limit: Option<usize>,
    /// Skip this many matching claims first.
    pub offset: usize,
}

/// Which events [`crate::Store::events`] returns.
///
/// Results are ordered like claims: by date, then in stored order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// Either actor stands for this side.
    pub side: Option<Side>,
    /// The event type is this one.
    pub event_type: Option<EventType>,
    /// The mode is this one.
    pub mode: Option<Mode>,
    /// One of the event's places has this name (ASCII case-insensitive).
    pub place: Option<String>,
    /// One of the event's places is in this country (ISO alpha-3 code).
    pub country: Option<String>,
    /// `Some(false)`: only events that happened; `Some(true)`: only negated ones.
    pub negated: Option<bool>,
    /// The event's dates reach this date or later (see the module doc).
    pub since: Option<PartialDate>,
    /// The event's dates reach this date or earlier (see the module doc).
    pub until: Option<PartialDate>,
    /// The event was read from this document.
    pub document_id: Option<String>,
    /// The document's outlet is this one (exact match).
    pub outlet: Option<String>,
    /// Return at most this many events.
    pub limit: Option<usize>,
    /// Skip this many matching events first.
    pub offset: usize,
}
