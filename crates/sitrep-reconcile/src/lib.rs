//! Reconciliation: claims about the same thing, read in many documents,
//! become one *contested figure* with every claimant's figure side by side.
//!
//! An analyst reads fifty reports of one week. The same wire story is
//! reprinted by ten outlets, tolls are revised ("the death toll rose to
//! 60"), and each side's numbers are repeated and rebutted. [`contested`]
//! turns the claims of those reports ([`ClaimRecord`]s: a claim plus the
//! document, outlet, day and syndicate it was read in) into
//! [`ContestedFigure`]s.
//!
//! # Matching rules
//!
//! Two claims count the same thing when all of these hold:
//!
//! 1. **Same category** (`killed`, `injured`, `captured`, …).
//! 2. **Same subject side**, including "no side stated". Claims whose
//!    subject has no side are only grouped with each other, and split by
//!    *theatre*: their named claimant's side when it is a state's (a
//!    health ministry counts its own country's dead), else the country of
//!    their place. When a group
//!    holds several theatres, each becomes a figure and the claims that
//!    name none become one more: "people killed" in Israel and in Iran are
//!    two figures, not one figure that differs tenfold.
//! 3. **Same kind family.** Soldiers and fighters of one side are one
//!    family (one side's "soldiers" are the other's "militants" or
//!    "fighters"); every other kind (civilians, police, people of unstated
//!    status, aircraft, posts, …) is its own family. The figure reports the
//!    kind most of its claims use, and every kind seen.
//! 4. **Same scope** ([`Scope`]): a figure for one happening (`incident`),
//!    a total for a stated month or year (`period`), or a running total
//!    ("since the war began", "so far this year", "in total":
//!    `cumulative`, read from the evidence sentence). A cumulative toll
//!    never absorbs a single day's toll, nor the other way round.
//! 5. **Compatible dates.**
//!    - Incidents: claims dated to a day join the group whose first day is
//!      at most [`Options::incident_window_days`] (1) away: reports of one
//!      night's clash straddle midnight, while two clashes in one week stay
//!      apart. A claim without a date is placed by its document's
//!      publication day: it joins the incident, among those that began at
//!      most [`Options::story_days`] (7) days before that day, with the
//!      latest first day that began, or was last reported, within
//!      [`Options::undated_lookback_days`] (2) days before it. A report
//!      does not precede what it reports, and a revised toll is often
//!      repeated without its date while the story is still being covered.
//!      Otherwise it starts an incident on its publication day. Either way
//!      the figure carries the `date_inferred` flag. A claim with neither a
//!      date nor a publication day is grouped only with others like it.
//!    - Periods: the same month, or the same year.
//!    - Cumulative totals: one running total per category, side and kind;
//!      each claimant's latest figure is the current one.
//! 6. **Compatible places.** When the caller links a claim to a place (the
//!    place of the event reported in the same sentence, see
//!    [`link_event`]), two claims with different places are two incidents
//!    even on the same day. A claim without a place is compatible with any.
//!
//! # What a contested figure holds
//!
//! Within a group, claims are split by claimant: a claimant is a side
//! (every organ and official of Pakistan is Pakistan), an unattributed-side
//! source, or the article's own voice. For each, the figures are ordered by
//! publication day (on one day, low to high: tolls are revised upward far
//! more often than downward, and a higher same-day figure is the usual
//! reason two reports of that day differ). The last is the claimant's
//! current figure; the earlier distinct values are its `revisions`, oldest
//! first. `low` and `high` range over the current asserted figures (the
//! high end of a range counts for `high`), `spread` is `high / low`.
//! Denials are kept as figures with stance `denied` and never move `low`
//! or `high`.
//!
//! Syndicated copies (documents of one syndicate: one wire story in many
//! outlets) count once in `sources` but every document stays listed as a
//! sighting.
//!
//! Flags ([`ContestFlag`]) say what an analyst should know: only one side
//! gives a figure, the figures differ by more than 5 times, another side
//! denies, one source only, a claimant revised its figure, a date was
//! inferred from publication, copies of one story were counted once.
//!
//! # Events
//!
//! [`event_groups`] applies the same date and place rules to events: one
//! strike reported by ten outlets becomes one [`EventGroup`] with ten
//! sightings (same type, mode, negation and actor sides; see the `events`
//! module).
//!
//! # What this crate does not do
//!
//! It reads no files and no store: the caller queries claims (and, for
//! places, events) and passes them in. It does not extract anything, and
//! it does not decide which copies are syndicated (the store does, from
//! text fingerprints). It does no I/O and reads no clock.
//!
//! # Example
//!
//! ```
//! use sitrep_model::{Category, Claim, Claimant, Evidence, Kind, Qualifier, Stance, Subject, Value};
//! use sitrep_reconcile::{ClaimRecord, Options, contested};
//!
//! let claim = |n: u64, claimant: &str, side: &str| Claim {
//!     category: Category::Killed,
//!     subject: Subject { text: "soldiers".into(), side: "PAK".parse().ok(), kind: Kind::Soldiers },
//!     value: Value { n, n_max: None, qualifier: Qualifier::Exact, text: n.to_string() },
//!     stance: Stance::Asserted,
//!     claimant: Some(Claimant { text: claimant.into(), side: side.parse().ok(), anonymous: false }),
//!     date: "2025-10-12".parse().ok(),
//!     evidence: Evidence { start: 0, end: 0, quote: String::new() },
//!     confidence: 1.0,
//!     flags: vec![],
//! };
//! let (a, b) = (claim(55, "Taliban spokesman", "AFG"), claim(2, "ISPR", "PAK"));
//! let records = [
//!     ClaimRecord::new("d1#c0", "d1", &a).published("2025-10-12".parse().ok()),
//!     ClaimRecord::new("d2#c0", "d2", &b).published("2025-10-13".parse().ok()),
//! ];
//! let figures = contested(&records, &Options::default());
//! assert_eq!(figures.len(), 1);
//! assert_eq!((figures[0].low, figures[0].high), (Some(2), Some(55)));
//! assert_eq!(figures[0].figures.len(), 2);
//! ```
#![deny(missing_docs)]
#![deny(clippy::disallowed_methods, reason = "pure crate: callers do I/O")]

mod events;
mod figure;
mod group;
mod input;
mod link;
mod scope;

pub use events::{EventGroup, EventRecord, Sighting, event_groups};
pub use figure::{
    ClaimantKey, ContestFlag, ContestedFigure, DateSpan, Figure, Revision, SubjectKey,
};
pub use group::kind_family;
pub use input::{ClaimRecord, Options};
pub use link::{document_place, link_event, place_key, same_sentence};
pub use scope::Scope;

/// Groups `records` into contested figures (see the crate doc for the
/// rules), ordered by first day, then category, subject side and kind.
///
/// Every record lands in exactly one figure; a figure with a single
/// claimant is still returned (flagged `one_side`) so that nothing read is
/// hidden. Callers that want only disputed figures keep those with two or
/// more claimant sides ([`ContestedFigure::claimant_sides`]).
pub fn contested(records: &[ClaimRecord<'_>], options: &Options) -> Vec<ContestedFigure> {
    let mut figures: Vec<ContestedFigure> = group::groups(records, options)
        .into_iter()
        .map(|group| figure::summarise(&group, records, options))
        .collect();
    figures.sort_by(|a, b| {
        let key = |f: &ContestedFigure| {
            (
                f.date.from,
                f.category,
                f.subject.side.clone(),
                f.subject.kind,
                f.scope,
                f.place.clone(),
                f.figures.first().map(|x| x.claim_id.clone()),
            )
        };
        key(a).cmp(&key(b))
    });
    figure::number_figure_ids(&mut figures);
    figures
}
