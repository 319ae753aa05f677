//! Temporal expressions. (Interface stub: to be implemented.)

use jiff::civil::Date;
use sitrep_model::PartialDate;

/// How a time expression relates what it dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeRelation {
    /// It happened then ("on Sunday", "in October", "overnight").
    At,
    /// An open period starting then ("since February 2022").
    Since,
    /// A period ending then ("through June 11", "until Friday").
    Until,
}

/// A time expression resolved against the publication day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The date it names, with the granularity the text gives.
    pub date: PartialDate,
    /// At, since or until.
    pub relation: TimeRelation,
}

/// Finds the time expressions in `text`, resolving relative ones against
/// `published`; relative expressions are skipped when `published` is `None`.
pub fn find(text: &str, published: Option<Date>) -> Vec<TimeExpr> {
    let _ = (text, published);
    Vec::new()
}
