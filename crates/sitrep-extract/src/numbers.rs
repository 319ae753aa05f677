//! Number expressions. (Interface stub: to be implemented.)

use sitrep_model::Qualifier;

/// What a number in the text counts, as far as its own words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberRole {
    /// A count of people or things: a candidate figure.
    Count,
    /// A calendar year ("in 1947", "since 2021").
    Year,
    /// Part of a date ("May 6", "22 April", "October 12, 2025").
    DatePart,
    /// A percentage ("90%", "12 percent").
    Percent,
    /// A distance, weight or other measure ("300 kilometers", "1,600 mile-long").
    Measure,
    /// A duration or clock time ("four hours", "88 hours", "10 am").
    Duration,
    /// An amount of money ("$5 million").
    Money,
    /// An ordinal ("third", "21st").
    Ordinal,
    /// A fraction of something ("a third of", "two-thirds").
    Fraction,
    /// An age ("aged 12", "a 45-year-old").
    Age,
}

/// A number expression: a number with its qualifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberExpr {
    /// First byte of the expression, qualifier included ("at least 133").
    pub start: usize,
    /// One past the last byte of the expression.
    pub end: usize,
    /// First byte of the number itself, after the qualifier ("133").
    pub number_start: usize,
    /// The number, or the low end of a range.
    pub n: u64,
    /// The high end of a range.
    pub n_max: Option<u64>,
    /// How the number is qualified.
    pub qualifier: Qualifier,
    /// What the number counts.
    pub role: NumberRole,
}

/// Finds every number expression in `text`, in order, never overlapping.
pub fn find(text: &str) -> Vec<NumberExpr> {
    let _ = text;
    Vec::new()
}
